/* xs-table-reader.h: rows of a CSV or XLSX file, as Chinese Excel and WPS write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-table-error.h"

G_BEGIN_DECLS

#define XS_TYPE_TABLE_READER (xs_table_reader_get_type ())
G_DECLARE_FINAL_TYPE (XsTableReader, xs_table_reader, XS, TABLE_READER, GObject)

/* Chooses CSV or XLSX from the file's bytes (a ZIP is XLSX), not its name.
 * @encoding: NULL to detect (BOM -> UTF-8, valid UTF-8 -> UTF-8, else
 * GB18030), or a name iconv knows ("GB18030", "UTF-8", ...); ignored for XLSX. */
XsTableReader *xs_table_reader_new_for_path    (const char     *path,
                                                const char     *encoding,
                                                GError        **error);
/* Same, over bytes in memory (messages call it “the table”). */
XsTableReader *xs_table_reader_new_for_bytes   (GBytes         *bytes,
                                                const char     *encoding,
                                                GError        **error);

/* Advances to the next row. Returns FALSE at the end (error unset) or on
 * error. Fully empty rows are skipped. */
gboolean       xs_table_reader_next            (XsTableReader  *self,
                                                GError        **error);
/* Moves to the workbook's next visible sheet, before its first row.
 * Returns FALSE when there is none (a CSV has one), or on error. */
gboolean       xs_table_reader_next_sheet      (XsTableReader  *self,
                                                GError        **error);
/* The sheet being read: its tab's name (NULL for CSV), and its place among
 * the visible sheets (0: the first tab). */
const char    *xs_table_reader_get_sheet_name  (XsTableReader  *self);
guint          xs_table_reader_get_sheet       (XsTableReader  *self);
/* Fields of the current row; a missing trailing field reads as "". */
guint          xs_table_reader_get_n_fields    (XsTableReader  *self);
const char    *xs_table_reader_get_field       (XsTableReader  *self,
                                                guint           index);
/* The row number a spreadsheet program shows for the current row (1-based;
 * a CSV record spanning several lines counts once). */
guint          xs_table_reader_get_row_number  (XsTableReader  *self);
/* "UTF-8", "GB18030" or "XLSX" */
const char    *xs_table_reader_get_encoding    (XsTableReader  *self);
/* Fraction of the input consumed so far, 0.0 … 1.0, for progress bars. */
double         xs_table_reader_get_fraction    (XsTableReader  *self);

G_END_DECLS
