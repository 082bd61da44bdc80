/* xs-decisions-dialog.h: what applying a reviewers' decisions file would do,
 * or did, with Apply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-package.h"

G_BEGIN_DECLS

#define XS_TYPE_DECISIONS_DIALOG (xs_decisions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsDecisionsDialog, xs_decisions_dialog, XS, DECISIONS_DIALOG, AdwMessageDialog)

/* Before applying the decisions file @path: approved, not approved, refused
 * and why (with names), and when the same file was applied before. */
XsDecisionsDialog *xs_decisions_dialog_new_preview (GtkWindow          *parent,
                                                    const char         *path,
                                                    XsDecisionsPreview *preview);
/* After: what was applied, and what was refused and why. */
XsDecisionsDialog *xs_decisions_dialog_new_report  (GtkWindow          *parent,
                                                    const char         *path,
                                                    XsImportReport     *report);

/* Signal "apply" (const char *path, guint flags): the answer was to apply
 * them all (XS_IMPORT_DEFAULT) or only the valid ones
 * (XS_IMPORT_SKIP_INVALID). */

G_END_DECLS
