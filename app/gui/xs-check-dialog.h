/* xs-check-dialog.h: checking the database and the evidence files, on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XS_TYPE_CHECK_DIALOG (xs_check_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsCheckDialog, xs_check_dialog, XS, CHECK_DIALOG, AdwMessageDialog)

/* Starts checking the data in @data_dir at once, in a worker. */
GtkWidget *xs_check_dialog_new          (GtkWindow     *parent,
                                         const char    *data_dir);
gboolean   xs_check_dialog_get_finished (XsCheckDialog *self);
/* The problems found (XsCheckProblem *), empty when all is well; NULL
 * until finished. */
GPtrArray *xs_check_dialog_get_problems (XsCheckDialog *self);

G_END_DECLS
