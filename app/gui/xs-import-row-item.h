/* xs-import-row-item.h: one row of an import preview, for list views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-import-report.h"

G_BEGIN_DECLS

#define XS_TYPE_IMPORT_ROW_ITEM (xs_import_row_item_get_type ())
G_DECLARE_FINAL_TYPE (XsImportRowItem, xs_import_row_item, XS, IMPORT_ROW_ITEM, GObject)

/* Safe to call from a worker thread. */
XsImportRowItem *xs_import_row_item_new           (const XsImportRow *row);
guint            xs_import_row_item_get_row       (XsImportRowItem   *self);
XsRowOutcome     xs_import_row_item_get_outcome   (XsImportRowItem   *self);
const char      *xs_import_row_item_get_summary   (XsImportRowItem   *self);
/* Localized: "Add", "Update", "Unchanged", "Rejected" */
const char      *xs_import_row_item_get_outcome_label (XsImportRowItem *self);
const char      *xs_import_row_item_get_icon_name (XsImportRowItem   *self);

G_END_DECLS
