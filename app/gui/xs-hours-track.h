/* xs-hours-track.h: the bar of an XsHoursBar, approved hours over pending ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XS_TYPE_HOURS_TRACK (xs_hours_track_get_type ())
G_DECLARE_FINAL_TYPE (XsHoursTrack, xs_hours_track, XS, HOURS_TRACK, GtkWidget)

/* Fractions of the track, 0 to 1: approved hours, and approved plus pending. */
void xs_hours_track_set (XsHoursTrack *self,
                         double        approved,
                         double        with_pending);

G_END_DECLS
