/* xs-import-preview.h: what importing a file would do, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-import-run.h"

G_BEGIN_DECLS

#define XS_TYPE_IMPORT_PREVIEW (xs_import_preview_get_type ())
G_DECLARE_FINAL_TYPE (XsImportPreview, xs_import_preview, XS, IMPORT_PREVIEW, GtkWidget)

/* the run whose last preview it shows */
void         xs_import_preview_set_run           (XsImportPreview *self,
                                                  XsImportRun     *run);
XsImportRun *xs_import_preview_get_run           (XsImportPreview *self);
/* Import the valid rows and skip the rejected ones. */
gboolean     xs_import_preview_get_skip_rejected (XsImportPreview *self);
/* A roster's empty cells clear the stored details. */
gboolean     xs_import_preview_get_clear_empty   (XsImportPreview *self);
/* There are rows to write, and the rejected ones (if any) are skipped. */
gboolean     xs_import_preview_get_can_commit    (XsImportPreview *self);

/* The counts in words, "3 to add, 2 rejected" (@preview) or "3 added, 2
 * rejected rows skipped" (what an import did). */
char        *xs_import_preview_count_text        (XsImportReport  *report,
                                                  gboolean         preview);

G_END_DECLS
