/* xs-date-row.c: an entry row for a date, typed or picked from a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-date-row"

#include "config.h"

#include "xs-date.h"
#include "xs-date-row.h"

struct _XsDateRow
{
  AdwEntryRow    parent_instance;

  int            year;
  gboolean       touched;
  gboolean       selecting;     /* the calendar is being set to the text */

  /* template children */
  GtkMenuButton *button;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (XsDateRow, xs_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_TOUCHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_changed (XsDateRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

static void
on_editable_changed (XsDateRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->button), gtk_editable_get_editable (GTK_EDITABLE (self)));
}

static void
on_left (XsDateRow *self)
{
  if (!gtk_editable_get_editable (GTK_EDITABLE (self)))
    return;
  xs_date_row_set_touched (self, *gtk_editable_get_text (GTK_EDITABLE (self)) != '\0');
}

static void
on_calendar_shown (XsDateRow *self)
{
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  g_date_clear (&date, 1);
  if (!xs_date_parse (gtk_editable_get_text (GTK_EDITABLE (self)), &date, NULL))
    g_date_set_dmy (&date, 1, G_DATE_JANUARY, self->year);
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                12, 0, 0);
  self->selecting = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->selecting = FALSE;
}

static void
on_day_selected (XsDateRow *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;

  if (self->selecting)
    return;
  text = g_date_time_format (when, "%Y-%m-%d");
  xs_date_row_set_touched (self, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_menu_button_popdown (self->button);
}

GtkWidget *
xs_date_row_new (void)
{
  return g_object_new (XS_TYPE_DATE_ROW, NULL);
}

int
xs_date_row_get_year (XsDateRow *self)
{
  g_return_val_if_fail (XS_IS_DATE_ROW (self), 0);
  return self->year;
}

void
xs_date_row_set_year (XsDateRow *self,
                      int        year)
{
  g_return_if_fail (XS_IS_DATE_ROW (self));

  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

gboolean
xs_date_row_get_touched (XsDateRow *self)
{
  g_return_val_if_fail (XS_IS_DATE_ROW (self), FALSE);
  return self->touched;
}

void
xs_date_row_set_touched (XsDateRow *self,
                         gboolean   touched)
{
  g_return_if_fail (XS_IS_DATE_ROW (self));

  touched = !!touched;
  if (self->touched == touched)
    return;
  self->touched = touched;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUCHED]);
}

void
xs_date_row_mark_error (XsDateRow *self)
{
  g_return_if_fail (XS_IS_DATE_ROW (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "error");
}

static void
xs_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), XS_TYPE_DATE_ROW);
  G_OBJECT_CLASS (xs_date_row_parent_class)->dispose (object);
}

static void
xs_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  XsDateRow *self = XS_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_TOUCHED:
      g_value_set_boolean (value, self->touched);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  XsDateRow *self = XS_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      xs_date_row_set_year (self, g_value_get_int (value));
      break;
    case PROP_TOUCHED:
      xs_date_row_set_touched (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_date_row_class_init (XsDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_date_row_dispose;
  object_class->get_property = xs_date_row_get_property;
  object_class->set_property = xs_date_row_set_property;

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      1, 9999, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOUCHED] =
    g_param_spec_boolean ("touched", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XsDateRow, button);
  gtk_widget_class_bind_template_child (widget_class, XsDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_editable_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_left);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
}

static void
xs_date_row_init (XsDateRow *self)
{
  self->year = 2000;
  gtk_widget_init_template (GTK_WIDGET (self));
}
