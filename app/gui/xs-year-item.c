/* xs-year-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-year-item"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-year-item.h"

struct _XsYearItem
{
  GObject   parent_instance;

  int       year;
  gboolean  has_data;
};

G_DEFINE_FINAL_TYPE (XsYearItem, xs_year_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_YEAR,
  PROP_LABEL,
  PROP_HAS_DATA,
  PROP_MARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsYearItem *
xs_year_item_new (int      year,
                  gboolean has_data)
{
  XsYearItem *self = g_object_new (XS_TYPE_YEAR_ITEM, NULL);

  self->year = year;
  self->has_data = has_data;
  return self;
}

int
xs_year_item_get_year (XsYearItem *self)
{
  g_return_val_if_fail (XS_IS_YEAR_ITEM (self), 0);
  return self->year;
}

gboolean
xs_year_item_get_has_data (XsYearItem *self)
{
  g_return_val_if_fail (XS_IS_YEAR_ITEM (self), FALSE);
  return self->has_data;
}

static void
xs_year_item_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XsYearItem *self = XS_YEAR_ITEM (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_LABEL:
      g_value_take_string (value, g_strdup_printf ("%d", self->year));
      break;
    case PROP_HAS_DATA:
      g_value_set_boolean (value, self->has_data);
      break;
    case PROP_MARK:
      g_value_set_string (value, self->has_data ? _("has records") : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_year_item_class_init (XsYearItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xs_year_item_get_property;

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_DATA] =
    g_param_spec_boolean ("has-data", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARK] =
    g_param_spec_string ("mark", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_year_item_init (XsYearItem *self)
{
}
