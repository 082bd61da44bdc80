/* xs-reject-dialog.h: asks the reason for rejecting a claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XS_TYPE_REJECT_DIALOG (xs_reject_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsRejectDialog, xs_reject_dialog, XS, REJECT_DIALOG, AdwMessageDialog)

/* For the claim @title of trainee @name; its "reject" response is enabled
 * only with a reason that is not blank (xs-reject-dialog.ui). */
XsRejectDialog *xs_reject_dialog_new        (GtkWindow      *parent,
                                             const char     *name,
                                             const char     *title);
/* The reason typed, without surrounding blanks (newly allocated). */
char           *xs_reject_dialog_get_reason (XsRejectDialog *self);

G_END_DECLS
