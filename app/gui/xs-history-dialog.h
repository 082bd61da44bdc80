/* xs-history-dialog.h: what was done to a trainee's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XS_TYPE_HISTORY_DIALOG (xs_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsHistoryDialog, xs_history_dialog, XS, HISTORY_DIALOG, AdwWindow)

/* Starts reading the history of @trainee_id from the database in @data_dir
 * at once, in a worker with its own connection. */
GtkWidget *xs_history_dialog_new          (GtkWindow       *parent,
                                           const char      *data_dir,
                                           gint64           trainee_id,
                                           const char      *trainee_name);
/* TRUE once the worker has finished (with entries or an error). */
gboolean   xs_history_dialog_get_loaded   (XsHistoryDialog *self);
/* The entries shown (XsHistoryEntry), NULL until loaded or on error. */
GPtrArray *xs_history_dialog_get_entries  (XsHistoryDialog *self);

G_END_DECLS
