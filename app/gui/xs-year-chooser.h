/* xs-year-chooser.h: the year the window shows, among those a base works
 * with, marking the years that hold any hours or classes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-db.h"
#include "xs-year-item.h"

G_BEGIN_DECLS

#define XS_TYPE_YEAR_CHOOSER (xs_year_chooser_get_type ())
G_DECLARE_FINAL_TYPE (XsYearChooser, xs_year_chooser, XS, YEAR_CHOOSER, GtkWidget)

/* The chooser reads the years with data from its "db" in a job when it is
 * first given one; then it lists the years and selects "default-year" if
 * "year-chosen", else the latest year with data (or "default-year" when
 * none has any). "year" is notified once the years are read and whenever
 * the clerk chooses another. */

/* The year selected, or 0 before the years are read. */
int         xs_year_chooser_get_year       (XsYearChooser *self);
/* The item of the year selected, or NULL before the years are read. */
XsYearItem *xs_year_chooser_get_item       (XsYearChooser *self);
/* The years with claims or classes, newest first (int); NULL before they
 * are read, empty when they could not be. */
GArray     *xs_year_chooser_get_data_years (XsYearChooser *self);
/* Selects @year if it is listed and not selected yet, and says whether it
 * did ("year" is then notified). */
gboolean    xs_year_chooser_select         (XsYearChooser *self,
                                            int            year);

G_END_DECLS
