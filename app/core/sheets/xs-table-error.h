/* xs-table-error.h: why a spreadsheet cannot be read
 *
 * One error domain for the table reader and the CSV and XLSX readers under it,
 * so that the formats need not know the reader that dispatches to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XS_TABLE_ERROR (xs_table_error_quark ())

typedef enum
{
  XS_TABLE_ERROR_OPEN,       /* cannot read the file */
  XS_TABLE_ERROR_FORMAT,     /* not a CSV/XLSX we can read, or corrupt */
  XS_TABLE_ERROR_ENCODING,   /* bytes not valid in the chosen encoding */
  XS_TABLE_ERROR_TOO_LARGE,
} XsTableError;

GQuark xs_table_error_quark (void);

G_END_DECLS
