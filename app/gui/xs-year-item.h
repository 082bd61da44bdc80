/* xs-year-item.h: one year of the window's year list, for a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XS_TYPE_YEAR_ITEM (xs_year_item_get_type ())
G_DECLARE_FINAL_TYPE (XsYearItem, xs_year_item, XS, YEAR_ITEM, GObject)

/* :year, :label (the year in digits), :has-data (it holds hours or
 * classes) and :mark (what the list says of a year with data, else ""). */
XsYearItem *xs_year_item_new          (int         year,
                                       gboolean    has_data);
int         xs_year_item_get_year     (XsYearItem *self);
gboolean    xs_year_item_get_has_data (XsYearItem *self);

G_END_DECLS
