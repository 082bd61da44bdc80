/* xs-hours-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-hours-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-date.h"
#include "xs-hours-bar.h"
#include "xs-hours-track.h"
#include "xs-tooltip.h"

struct _XsHoursBar
{
  GtkWidget       parent_instance;

  GtkLabel       *label;
  XsHoursTrack   *track;
  char           *text;
  char           *tooltip;
  int             approved;
  int             pending;
  int             required;
};

G_DEFINE_FINAL_TYPE (XsHoursBar, xs_hours_bar, GTK_TYPE_WIDGET)

/* The three numbers as properties, for list cells that bind them to their
 * item (tenths of an hour, no title). */
enum {
  PROP_0,
  PROP_APPROVED,
  PROP_PENDING,
  PROP_REQUIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_hours_bar_dispose (GObject *object)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (xs_hours_bar_parent_class)->dispose (object);
}

static void
xs_hours_bar_finalize (GObject *object)
{
  g_free (XS_HOURS_BAR (object)->text);
  g_free (XS_HOURS_BAR (object)->tooltip);
  G_OBJECT_CLASS (xs_hours_bar_parent_class)->finalize (object);
}

/* The tooltip is asked for when it is shown: setting it on every bind
 * makes GTK look up the pointer, a round trip to the display server for
 * each row a list shows. */
static gboolean
xs_hours_bar_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_tooltip,
                            GtkTooltip *tooltip)
{
  XsHoursBar *self = XS_HOURS_BAR (widget);

  if (self->tooltip == NULL)
    return FALSE;
  xs_tooltip_show_text (tooltip, widget, self->tooltip);
  return TRUE;
}

static void
xs_hours_bar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XsHoursBar *self = XS_HOURS_BAR (object);

  switch (prop_id)
    {
    case PROP_APPROVED:
      g_value_set_int (value, self->approved);
      break;
    case PROP_PENDING:
      g_value_set_int (value, self->pending);
      break;
    case PROP_REQUIRED:
      g_value_set_int (value, self->required);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A list row rebound to another trainee sets the three numbers one by
 * one: only a number that changed redraws the bar. */
static void
xs_hours_bar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XsHoursBar *self = XS_HOURS_BAR (object);
  int approved = self->approved, pending = self->pending, required = self->required;

  switch (prop_id)
    {
    case PROP_APPROVED:
      approved = g_value_get_int (value);
      break;
    case PROP_PENDING:
      pending = g_value_get_int (value);
      break;
    case PROP_REQUIRED:
      required = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (self->text == NULL || approved != self->approved || pending != self->pending || required != self->required)
    xs_hours_bar_set (self, NULL, approved, pending, required);
}

static void
xs_hours_bar_class_init (XsHoursBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_hours_bar_dispose;
  object_class->finalize = xs_hours_bar_finalize;
  object_class->get_property = xs_hours_bar_get_property;
  object_class->set_property = xs_hours_bar_set_property;
  widget_class->query_tooltip = xs_hours_bar_query_tooltip;

  properties[PROP_APPROVED] = g_param_spec_int ("approved", NULL, NULL, 0, G_MAXINT, 0,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] = g_param_spec_int ("pending", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] = g_param_spec_int ("required", NULL, NULL, 0, G_MAXINT, 0,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_widget_class_set_css_name (widget_class, "hoursbar");
}

static void
xs_hours_bar_init (XsHoursBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  /* Made here rather than from a template: the trainees list makes three
   * bars for each of the ~200 rows GTK keeps, and makes and drops them
   * again as a search shortens and lengthens the list. */
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  self->track = g_object_new (XS_TYPE_HOURS_TRACK, "valign", GTK_ALIGN_CENTER, NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->track), GTK_WIDGET (self));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
}

GtkWidget *
xs_hours_bar_new (void)
{
  return g_object_new (XS_TYPE_HOURS_BAR, NULL);
}

void
xs_hours_bar_set (XsHoursBar *self,
                  const char *title,
                  int         approved,
                  int         pending,
                  int         required)
{
  g_autofree char *a = xs_hours_format (approved);
  g_autofree char *r = xs_hours_format (required);
  double total = MAX (required, 1);

  g_return_if_fail (XS_IS_HOURS_BAR (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (approved != self->approved)
    {
      self->approved = approved;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPROVED]);
    }
  if (pending != self->pending)
    {
      self->pending = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
    }
  if (required != self->required)
    {
      self->required = required;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRED]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_free (self->text);
  /* The pale part of the bar is said in words: hours awaiting review. */
  if (pending > 0)
    {
      g_autofree char *p = xs_hours_format (pending);

      if (title != NULL)
        /* Translators: "Public subjects 0 / 30 hours (30 awaiting review)"; in
         * Chinese "%s %s / %s 学时（待审核 %s）" */
        self->text = g_strdup_printf (_("%s %s / %s hours (%s awaiting review)"), title, a, r, p);
      else
        /* Translators: "0 / 30 (30 awaiting review)"; in Chinese "%s / %s（待审核 %s）" */
        self->text = g_strdup_printf (_("%s / %s (%s awaiting review)"), a, r, p);
    }
  else if (title != NULL)
    /* Translators: "Public subjects 18 / 30 hours" */
    self->text = g_strdup_printf (_("%s %s / %s hours"), title, a, r);
  else
    self->text = g_strdup_printf ("%s / %s", a, r);

  g_free (self->tooltip);
  if (pending > 0)
    {
      g_autofree char *p = xs_hours_format (pending);

      self->tooltip = g_strdup_printf (_("%s approved, %s awaiting review, %s required"), a, p, r);
    }
  else
    self->tooltip = g_strdup_printf (_("%s approved, %s required"), a, r);

  gtk_label_set_label (self->label, self->text);
  xs_hours_track_set (self->track, approved / total, (approved + pending) / total);

  if (approved >= required)
    gtk_widget_add_css_class (GTK_WIDGET (self), "met");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "met");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->tooltip,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, required / 10.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, MIN (approved, required) / 10.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->text,
                                  -1);
}

const char *
xs_hours_bar_get_text (XsHoursBar *self)
{
  g_return_val_if_fail (XS_IS_HOURS_BAR (self), NULL);
  return self->text;
}
