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
/* One line for rejected rows that share one reason (@n ≥ 1, in file
 * order): the rows, the people they name, the reason once. */
XsImportRowItem *xs_import_row_item_new_rejected  (XsImportRow * const *rows,
                                                   guint              n);
/* The first row of the item. */
guint            xs_import_row_item_get_row       (XsImportRowItem   *self);
/* "7", or "3–39, 41" for a group. */
const char      *xs_import_row_item_get_rows_text (XsImportRowItem   *self);
/* How many rows of the file the item stands for. */
guint            xs_import_row_item_get_n_rows    (XsImportRowItem   *self);
/* The whole identity number and the name of a person the roster lacks
 * (rejected rows of hours, all of that person), else NULL. */
const char      *xs_import_row_item_get_missing_id   (XsImportRowItem *self);
const char      *xs_import_row_item_get_missing_name (XsImportRowItem *self);
XsRowOutcome     xs_import_row_item_get_outcome   (XsImportRowItem   *self);
const char      *xs_import_row_item_get_summary   (XsImportRowItem   *self);
/* Localized: "Add", "Update", "Unchanged", "Rejected" */
const char      *xs_import_row_item_get_outcome_label (XsImportRowItem *self);
const char      *xs_import_row_item_get_icon_name (XsImportRowItem   *self);

G_END_DECLS
