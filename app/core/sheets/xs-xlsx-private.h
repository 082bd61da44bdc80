/* xs-xlsx-private.h: the XLSX half of XsTableReader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _XsXlsx XsXlsx;

/* Opens the ZIP in @bytes (a new reference is taken) at its first visible
 * worksheet. @display_name names the file in messages. */
XsXlsx      *_xs_xlsx_new            (GBytes      *bytes,
                                      const char  *display_name,
                                      GError     **error);
/* Goes to visible worksheet @sheet (0: the first tab; below
 * _xs_xlsx_get_n_sheets()), before its first row. FALSE with @error unset
 * when the workbook names the sheet but does not hold it. The shared
 * strings are not read again. */
gboolean     _xs_xlsx_open_sheet     (XsXlsx      *self,
                                      guint        sheet,
                                      GError     **error);
/* The sheet's name as its tab shows it (NULL if the workbook gives none),
 * and how many visible sheets the workbook has (at least one). */
const char  *_xs_xlsx_get_sheet_name (XsXlsx      *self);
guint        _xs_xlsx_get_n_sheets   (XsXlsx      *self);
void         _xs_xlsx_free           (XsXlsx      *self);

/* Advances to the next row that has a non-empty cell. Returns FALSE at the
 * end (error unset) or on error. */
gboolean     _xs_xlsx_next           (XsXlsx      *self,
                                      GError     **error);
/* The current row's cells by column (gaps are ""); valid until the next
 * call to _xs_xlsx_next(). */
const char **_xs_xlsx_get_fields     (XsXlsx      *self,
                                      guint       *n_fields);
guint        _xs_xlsx_get_row_number (XsXlsx      *self);
double       _xs_xlsx_get_fraction   (XsXlsx      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsXlsx, _xs_xlsx_free)

G_END_DECLS
