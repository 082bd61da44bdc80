/* xs-hours-track.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget drawing two fills over its CSS background: the approved
 * hours in the node's colour and the pending ones in the same colour,
 * paler. Two GtkProgressBars stacked in an overlay did the same with
 * seven widgets, which a list of trainees creates for every row it shows.
 */
#define G_LOG_DOMAIN "xs-hours-track"

#include "config.h"

#include "xs-hours-track.h"

struct _XsHoursTrack
{
  GtkWidget parent_instance;

  double    approved;
  double    with_pending;
};

G_DEFINE_FINAL_TYPE (XsHoursTrack, xs_hours_track, GTK_TYPE_WIDGET)

static void
get_color (GtkWidget *widget,
           GdkRGBA   *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), color);
#endif
}

static void
xs_hours_track_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  XsHoursTrack *self = XS_HOURS_TRACK (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect clip;
  GdkRGBA color, pale;

  if (width <= 0 || height <= 0)
    return;

  get_color (widget, &color);
  pale = color;
  pale.alpha *= 0.3f;

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  if (self->with_pending > self->approved)
    gtk_snapshot_append_color (snapshot, &pale,
                               &GRAPHENE_RECT_INIT (0, 0, width * self->with_pending, height));
  if (self->approved > 0)
    gtk_snapshot_append_color (snapshot, &color,
                               &GRAPHENE_RECT_INIT (0, 0, width * self->approved, height));
  gtk_snapshot_pop (snapshot);
}

static void
xs_hours_track_class_init (XsHoursTrackClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = xs_hours_track_snapshot;
  gtk_widget_class_set_css_name (widget_class, "hourstrack");
  /* The XsHoursBar around it speaks for it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
xs_hours_track_init (XsHoursTrack *self)
{
}

void
xs_hours_track_set (XsHoursTrack *self,
                    double        approved,
                    double        with_pending)
{
  g_return_if_fail (XS_IS_HOURS_TRACK (self));

  approved = CLAMP (approved, 0.0, 1.0);
  with_pending = CLAMP (with_pending, approved, 1.0);
  if (approved == self->approved && with_pending == self->with_pending)
    return;
  self->approved = approved;
  self->with_pending = with_pending;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
