/* xs-detail-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-detail-item"

#include "config.h"

#include <adwaita.h>

#include "xs-detail-item.h"

struct _XsDetailItem
{
  GObject  parent_instance;

  char    *title;
  char    *value;
};

G_DEFINE_FINAL_TYPE (XsDetailItem, xs_detail_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsDetailItem *
xs_detail_item_new (const char *title,
                    const char *value)
{
  return g_object_new (XS_TYPE_DETAIL_ITEM, "title", title, "value", value, NULL);
}

const char *
xs_detail_item_get_title (XsDetailItem *self)
{
  g_return_val_if_fail (XS_IS_DETAIL_ITEM (self), NULL);
  return self->title;
}

const char *
xs_detail_item_get_value (XsDetailItem *self)
{
  g_return_val_if_fail (XS_IS_DETAIL_ITEM (self), NULL);
  return self->value;
}

GtkWidget *
xs_detail_item_create_row (gpointer item,
                           gpointer user_data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  GtkWidget *row;

  g_return_val_if_fail (XS_IS_DETAIL_ITEM (item), NULL);

  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_add_from_resource (builder, RESOURCE_BASE "/xs-detail-row.ui", NULL);
  row = GTK_WIDGET (gtk_builder_get_object (builder, "row"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xs_detail_item_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), xs_detail_item_get_value (item));
  if (user_data != NULL)
    gtk_widget_add_css_class (row, "property");
  return g_object_ref (row);
}

static void
xs_detail_item_finalize (GObject *object)
{
  XsDetailItem *self = XS_DETAIL_ITEM (object);

  g_free (self->title);
  g_free (self->value);

  G_OBJECT_CLASS (xs_detail_item_parent_class)->finalize (object);
}

static void
xs_detail_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XsDetailItem *self = XS_DETAIL_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_detail_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XsDetailItem *self = XS_DETAIL_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      break;
    case PROP_VALUE:
      g_free (self->value);
      self->value = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_detail_item_class_init (XsDetailItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_detail_item_finalize;
  object_class->get_property = xs_detail_item_get_property;
  object_class->set_property = xs_detail_item_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_detail_item_init (XsDetailItem *self)
{
}
