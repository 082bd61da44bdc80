/* xs-reviewer-dialog.h: asks who reviews (name and department)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-claim.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEWER_DIALOG (xs_reviewer_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewerDialog, xs_reviewer_dialog, XS, REVIEWER_DIALOG, AdwMessageDialog)

/* Opens on @name and @side; its "ok" response is enabled only with a name
 * that is not blank (xs-reviewer-dialog.ui). */
XsReviewerDialog *xs_reviewer_dialog_new      (GtkWindow        *parent,
                                               const char       *name,
                                               XsReviewSide      side);
/* The name typed, without surrounding blanks (newly allocated). */
char             *xs_reviewer_dialog_get_name (XsReviewerDialog *self);
XsReviewSide      xs_reviewer_dialog_get_side (XsReviewerDialog *self);

G_END_DECLS
