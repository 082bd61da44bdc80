/* xs-text-cell.h: one line of text as wide as its column, for long lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XS_TYPE_TEXT_CELL (xs_text_cell_get_type ())
G_DECLARE_FINAL_TYPE (XsTextCell, xs_text_cell, XS, TEXT_CELL, GtkWidget)

GtkWidget  *xs_text_cell_new         (void);
void        xs_text_cell_set_text    (XsTextCell *self,
                                      const char *text);
const char *xs_text_cell_get_text    (XsTextCell *self);
/* Shown when the pointer rests on the cell; NULL for none. */
void        xs_text_cell_set_tooltip (XsTextCell *self,
                                      const char *tooltip);
const char *xs_text_cell_get_tooltip (XsTextCell *self);

G_END_DECLS
