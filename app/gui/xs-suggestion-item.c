/* xs-suggestion-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-suggestion-item"

#include "config.h"

#include "xs-suggestion-item.h"

struct _XsSuggestionItem
{
  GObject   parent_instance;

  char     *title;
  char     *shown;
  char     *field;
  char     *value;
  gboolean  warning;
  gboolean  used;
};

G_DEFINE_FINAL_TYPE (XsSuggestionItem, xs_suggestion_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SHOWN,
  PROP_FIELD,
  PROP_VALUE,
  PROP_WARNING,
  PROP_USED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsSuggestionItem *
xs_suggestion_item_new (const char *title,
                        const char *shown,
                        const char *field,
                        const char *value,
                        gboolean    warning)
{
  XsSuggestionItem *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (field == NULL || value != NULL, NULL);

  self = g_object_new (XS_TYPE_SUGGESTION_ITEM, NULL);
  self->title = g_strdup (title);
  self->shown = g_strdup (shown != NULL ? shown : "");
  self->field = g_strdup (field);
  self->value = g_strdup (value);
  self->warning = !!warning;
  return self;
}

const char *
xs_suggestion_item_get_title (XsSuggestionItem *self)
{
  g_return_val_if_fail (XS_IS_SUGGESTION_ITEM (self), NULL);
  return self->title;
}

const char *
xs_suggestion_item_get_shown (XsSuggestionItem *self)
{
  g_return_val_if_fail (XS_IS_SUGGESTION_ITEM (self), NULL);
  return self->shown;
}

const char *
xs_suggestion_item_get_field (XsSuggestionItem *self)
{
  g_return_val_if_fail (XS_IS_SUGGESTION_ITEM (self), NULL);
  return self->field;
}

const char *
xs_suggestion_item_get_value (XsSuggestionItem *self)
{
  g_return_val_if_fail (XS_IS_SUGGESTION_ITEM (self), NULL);
  return self->value;
}

gboolean
xs_suggestion_item_get_warning (XsSuggestionItem *self)
{
  g_return_val_if_fail (XS_IS_SUGGESTION_ITEM (self), FALSE);
  return self->warning;
}

gboolean
xs_suggestion_item_get_used (XsSuggestionItem *self)
{
  g_return_val_if_fail (XS_IS_SUGGESTION_ITEM (self), FALSE);
  return self->used;
}

void
xs_suggestion_item_set_used (XsSuggestionItem *self,
                             gboolean          used)
{
  g_return_if_fail (XS_IS_SUGGESTION_ITEM (self));

  used = !!used;
  if (self->used == used)
    return;
  self->used = used;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USED]);
}

static void
xs_suggestion_item_finalize (GObject *object)
{
  XsSuggestionItem *self = XS_SUGGESTION_ITEM (object);

  g_free (self->title);
  g_free (self->shown);
  g_free (self->field);
  g_free (self->value);

  G_OBJECT_CLASS (xs_suggestion_item_parent_class)->finalize (object);
}

static void
xs_suggestion_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsSuggestionItem *self = XS_SUGGESTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SHOWN:
      g_value_set_string (value, self->shown);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_WARNING:
      g_value_set_boolean (value, self->warning);
      break;
    case PROP_USED:
      g_value_set_boolean (value, self->used);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_suggestion_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsSuggestionItem *self = XS_SUGGESTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_USED:
      xs_suggestion_item_set_used (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_suggestion_item_class_init (XsSuggestionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_suggestion_item_finalize;
  object_class->get_property = xs_suggestion_item_get_property;
  object_class->set_property = xs_suggestion_item_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] =
    g_param_spec_string ("shown", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] =
    g_param_spec_boolean ("warning", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USED] =
    g_param_spec_boolean ("used", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_suggestion_item_init (XsSuggestionItem *self)
{
}
