/* xs-date-row.h: an entry row for a date, typed or picked from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define XS_TYPE_DATE_ROW (xs_date_row_get_type ())
G_DECLARE_FINAL_TYPE (XsDateRow, xs_date_row, XS, DATE_ROW, AdwEntryRow)

/* The row's text is the date as typed (anything xs_date_parse() reads).
 * Its calendar opens on the typed date, or on 1 January of "year" while
 * the text is no date yet, and is hidden while the row cannot be edited.
 * The row is "touched" once the clerk has left it with text in it or
 * picked a day: only then is a half-typed date worth an error. */
GtkWidget *xs_date_row_new         (void);
int        xs_date_row_get_year    (XsDateRow *self);
void       xs_date_row_set_year    (XsDateRow *self,
                                    int        year);
gboolean   xs_date_row_get_touched (XsDateRow *self);
void       xs_date_row_set_touched (XsDateRow *self,
                                    gboolean   touched);
/* Marks the date as wrong (in red) until its text changes. */
void       xs_date_row_mark_error  (XsDateRow *self);

G_END_DECLS
