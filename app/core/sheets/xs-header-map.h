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

/* How far down a sheet its header row is looked for. */
#define XS_HEADER_MAP_MAX_ROWS 10

/* Finds the header row, starting with the reader's current row: the first
 * row that names any of @specs' columns, within XS_HEADER_MAP_MAX_ROWS rows.
 * Rows above it that name none (a sheet's title, a date, a note) are
 * passed over, as Chinese forms put them there. Header cells match after
 * trimming ASCII and full-width spaces and ignoring ASCII case. Fills
 * @columns[i] with the column of specs[i], or -1 when absent, and leaves the
 * reader on the header row. Fails naming every missing required column, and
 * a column named twice. */
gboolean    xs_header_map_find    (XsTableReader       *reader,
                                   const char          *file_name,
                                   const XsColumnSpec  *specs,
                                   guint                n_specs,
                                   int                 *columns,
                                   GError             **error);
/* The trimmed field of the current row in @column, "" when @column is -1. */
const char *xs_header_map_field   (XsTableReader       *reader,
                                   int                  column,
                                   GString             *scratch);
/* Strips ASCII and full-width (U+3000) spaces and a BOM, in place. */
char       *xs_strip_spaces       (char                *text);

G_END_DECLS
