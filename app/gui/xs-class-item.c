/* xs-class-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-class-item"

#include "config.h"

#include "xs-class-item.h"

struct _XsClassItem
{
  GObject  parent_instance;

  gint64   id;
  char    *title;
  char    *subtitle;
};

G_DEFINE_FINAL_TYPE (XsClassItem, xs_class_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsClassItem *
xs_class_item_new (gint64      id,
                   const char *title,
                   const char *subtitle)
{
  XsClassItem *self = g_object_new (XS_TYPE_CLASS_ITEM, NULL);

  self->id = id;
  self->title = g_strdup (title != NULL ? title : "");
  self->subtitle = g_strdup (subtitle != NULL ? subtitle : "");
  return self;
}

gint64
xs_class_item_get_id (XsClassItem *self)
{
  g_return_val_if_fail (XS_IS_CLASS_ITEM (self), 0);
  return self->id;
}

const char *
xs_class_item_get_title (XsClassItem *self)
{
  g_return_val_if_fail (XS_IS_CLASS_ITEM (self), NULL);
  return self->title;
}

const char *
xs_class_item_get_subtitle (XsClassItem *self)
{
  g_return_val_if_fail (XS_IS_CLASS_ITEM (self), NULL);
  return self->subtitle;
}

static void
xs_class_item_finalize (GObject *object)
{
  XsClassItem *self = XS_CLASS_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (xs_class_item_parent_class)->finalize (object);
}

static void
xs_class_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XsClassItem *self = XS_CLASS_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_class_item_class_init (XsClassItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_class_item_finalize;
  object_class->get_property = xs_class_item_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_class_item_init (XsClassItem *self)
{
}
