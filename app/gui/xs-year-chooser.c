/* xs-year-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-year-chooser"

#include "config.h"

#include "xs-claim-store.h"
#include "xs-job.h"
#include "xs-year-chooser.h"

/* Years a base works with: the notice's first year to next year. */
#define FIRST_YEAR 2016

struct _XsYearChooser
{
  GtkWidget     parent_instance;

  XsDb         *db;
  int           default_year;
  gboolean      year_chosen;
  gboolean      reading;        /* the years were asked for */
  gboolean      filling;        /* the list is being replaced */
  GArray       *data_years;     /* int: years with claims or classes */
  GCancellable *cancellable;

  /* template children */
  GtkDropDown  *dropdown;
};

G_DEFINE_FINAL_TYPE (XsYearChooser, xs_year_chooser, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DB,
  PROP_DEFAULT_YEAR,
  PROP_YEAR_CHOSEN,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
year_has_data (GArray *data_years,
               int     year)
{
  for (guint i = 0; i < data_years->len; i++)
    if (g_array_index (data_years, int, i) == year)
      return TRUE;
  return FALSE;
}

/* Fills the list once the years with data are known (@data_years, newest
 * first; empty when they could not be read). */
static void
fill_years (XsYearChooser *self,
            GArray        *data_years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GListStore) years = g_list_store_new (XS_TYPE_YEAR_ITEM);
  int last = g_date_time_get_year (now) + 1;
  int wanted = self->default_year;
  guint selected = 0;

  g_clear_pointer (&self->data_years, g_array_unref);
  self->data_years = g_array_ref (data_years);
  /* Unless a year was chosen, the latest year with data. */
  if (!self->year_chosen && data_years->len > 0)
    wanted = CLAMP (g_array_index (data_years, int, 0), FIRST_YEAR, last);

  for (int year = last; year >= FIRST_YEAR; year--)
    {
      g_autoptr(XsYearItem) item = xs_year_item_new (year, year_has_data (data_years, year));

      if (year == wanted)
        selected = last - year;
      g_list_store_append (years, item);
    }
  /* the list's factory is in xs-year-chooser.ui */
  self->filling = TRUE;
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_selected (self->dropdown, selected);
  self->filling = FALSE;
}

static gboolean
read_years (XsJob         *job,
            XsDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  /* A handful of index seeks, whatever the size of the base. */
  GArray *years = xs_claim_store_list_years (db, error);

  if (years == NULL)
    return FALSE;
  xs_job_set_result (job, years, (GDestroyNotify) g_array_unref);
  return TRUE;
}

static void
on_years_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(XsYearChooser) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) none = NULL;
  GArray *years;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("The years with data are not known: %s", error->message);
    }
  years = xs_job_get_result (XS_JOB (object));
  if (years == NULL)
    years = none = g_array_new (FALSE, FALSE, sizeof (int));
  fill_years (self, years);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/* The years are read once, when the chooser first has a database (the
 * application closes it around a restore, then opens it again). */
static void
start_reading (XsYearChooser *self)
{
  g_autoptr(XsJob) job = NULL;

  if (self->db == NULL || self->reading)
    return;
  self->reading = TRUE;
  self->cancellable = g_cancellable_new ();
  job = xs_job_new (xs_db_get_data_dir (self->db), read_years, NULL, NULL);
  xs_job_run_async (job, self->cancellable, on_years_read, g_object_ref (self));
}

static void
on_selected (XsYearChooser *self,
             GParamSpec    *pspec,
             GtkDropDown   *dropdown)
{
  /* the list is filled once the years are read, then "year" is notified */
  if (self->filling)
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

XsYearItem *
xs_year_chooser_get_item (XsYearChooser *self)
{
  g_return_val_if_fail (XS_IS_YEAR_CHOOSER (self), NULL);
  return gtk_drop_down_get_selected_item (self->dropdown);
}

int
xs_year_chooser_get_year (XsYearChooser *self)
{
  XsYearItem *item;

  g_return_val_if_fail (XS_IS_YEAR_CHOOSER (self), 0);

  item = xs_year_chooser_get_item (self);
  return item != NULL ? xs_year_item_get_year (item) : 0;
}

GArray *
xs_year_chooser_get_data_years (XsYearChooser *self)
{
  g_return_val_if_fail (XS_IS_YEAR_CHOOSER (self), NULL);
  return self->data_years;
}

gboolean
xs_year_chooser_select (XsYearChooser *self,
                        int            year)
{
  GListModel *years;

  g_return_val_if_fail (XS_IS_YEAR_CHOOSER (self), FALSE);

  years = gtk_drop_down_get_model (self->dropdown);
  for (guint i = 0; years != NULL && i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(XsYearItem) item = g_list_model_get_item (years, i);

      if (xs_year_item_get_year (item) != year)
        continue;
      if (gtk_drop_down_get_selected (self->dropdown) == i)
        return FALSE;
      gtk_drop_down_set_selected (self->dropdown, i);
      return TRUE;
    }
  return FALSE;
}

static void
xs_year_chooser_dispose (GObject *object)
{
  XsYearChooser *self = XS_YEAR_CHOOSER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_YEAR_CHOOSER);
  g_clear_object (&self->db);
  g_clear_pointer (&self->data_years, g_array_unref);

  G_OBJECT_CLASS (xs_year_chooser_parent_class)->dispose (object);
}

static void
xs_year_chooser_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsYearChooser *self = XS_YEAR_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_DEFAULT_YEAR:
      g_value_set_int (value, self->default_year);
      break;
    case PROP_YEAR_CHOSEN:
      g_value_set_boolean (value, self->year_chosen);
      break;
    case PROP_YEAR:
      g_value_set_int (value, xs_year_chooser_get_year (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_year_chooser_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XsYearChooser *self = XS_YEAR_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_DB:
      if (g_set_object (&self->db, g_value_get_object (value)))
        {
          start_reading (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DEFAULT_YEAR:
      if (self->default_year != g_value_get_int (value))
        {
          self->default_year = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_YEAR_CHOSEN:
      if (self->year_chosen != g_value_get_boolean (value))
        {
          self->year_chosen = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_year_chooser_class_init (XsYearChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_year_chooser_dispose;
  object_class->get_property = xs_year_chooser_get_property;
  object_class->set_property = xs_year_chooser_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the year to select when no year has data, or when @year-chosen */
  properties[PROP_DEFAULT_YEAR] =
    g_param_spec_int ("default-year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR_CHOSEN] =
    g_param_spec_boolean ("year-chosen", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XS_TYPE_YEAR_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-year-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, XsYearChooser, dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
xs_year_chooser_init (XsYearChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
