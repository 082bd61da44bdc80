/* xs-header-map.h: which column of a spreadsheet holds which field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-table-reader.h"

G_BEGIN_DECLS

typedef struct
{
  const char *aliases;    /* "姓名|name": header texts that name the field */
  gboolean    required;
} XsColumnSpec;

/* The column's name for messages: its first alias ("姓名|name": "姓名"). */
char       *xs_column_spec_get_name (const XsColumnSpec *spec);

/* How far down a sheet its header row is looked for, and in how many of a
 * workbook's sheets. */
#define XS_HEADER_MAP_MAX_ROWS 10
#define XS_HEADER_MAP_MAX_SHEETS 8

/* Reads rows from the start of the table until one names the columns of
 * @specs: the header row. That is the first row, within
 * XS_HEADER_MAP_MAX_ROWS, that names any of them; rows above it that name
 * none (a sheet's title, a date, a note) are passed over, as Chinese forms
 * put them there. A workbook whose first sheet has no header is looked
 * through sheet by sheet (instructions often come first). Header cells
 * match after trimming ASCII and full-width spaces and ignoring ASCII case.
 * Fills @columns[i] with the column of specs[i], or -1 when absent, and
 * leaves the reader on the header row. Fails naming every missing required
 * column, and a column named twice, and when the table is empty. */
gboolean    xs_header_map_find    (XsTableReader       *reader,
                                   const char          *file_name,
                                   const XsColumnSpec  *specs,
                                   guint                n_specs,
                                   int                 *columns,
                                   GError             **error);
/* Where the reader is, for messages: @file_name, and the sheet's name when
 * it is not the workbook's first ("roster.xlsx (花名册)"). */
char       *xs_header_map_place   (XsTableReader       *reader,
                                   const char          *file_name);
/* The trimmed field of the current row in @column, "" when @column is -1. */
const char *xs_header_map_field   (XsTableReader       *reader,
                                   int                  column,
                                   GString             *scratch);
/* Strips ASCII and full-width (U+3000) spaces and a BOM, in place. */
char       *xs_strip_spaces       (char                *text);

G_END_DECLS
