/* xs-hours-bar.h: approved and pending hours against a requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XS_TYPE_HOURS_BAR (xs_hours_bar_get_type ())
G_DECLARE_FINAL_TYPE (XsHoursBar, xs_hours_bar, XS, HOURS_BAR, GtkWidget)

GtkWidget  *xs_hours_bar_new       (void);
/* All in tenths of an hour. @title may be NULL (compact list cells). */
void        xs_hours_bar_set       (XsHoursBar *self,
                                    const char *title,
                                    int         approved,
                                    int         pending,
                                    int         required);
/* "公需科目 18 / 30 学时", also the accessible label */
const char *xs_hours_bar_get_text  (XsHoursBar *self);

G_END_DECLS
