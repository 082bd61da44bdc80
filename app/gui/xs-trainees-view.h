/* xs-trainees-view.h: the year's trainees with their progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-scan-search.h"
#include "xs-trainee-model.h"

G_BEGIN_DECLS

#define XS_TYPE_TRAINEES_VIEW (xs_trainees_view_get_type ())
G_DECLARE_FINAL_TYPE (XsTraineesView, xs_trainees_view, XS, TRAINEES_VIEW, GtkWidget)

void        xs_trainees_view_set_model       (XsTraineesView *self,
                                              XsTraineeModel *model);
void        xs_trainees_view_set_search      (XsTraineesView *self,
                                              const char     *text);
void        xs_trainees_view_focus_search    (XsTraineesView *self);
/* How many rows the filters let through. */
guint       xs_trainees_view_get_n_shown     (XsTraineesView *self);

/* The claims found by the search's words on their scans. */
XsScanSearch *xs_trainees_view_get_scan_search (XsTraineesView *self);
/* TRUE while the view is too narrow for every column (only the name, the
 * total and the status are shown). */
gboolean        xs_trainees_view_get_narrow   (XsTraineesView *self);

G_END_DECLS
