/* xs-history-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-history-item"

#include "config.h"

#include "xs-history-item.h"

struct _XsHistoryItem
{
  GObject   parent_instance;

  char     *text;
  char     *time;
  gint64    import_id;
  gboolean  can_undo;
};

G_DEFINE_FINAL_TYPE (XsHistoryItem, xs_history_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_TIME,
  PROP_IMPORT_ID,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* @undo_allowed: the list is shown where an import can be undone. */
XsHistoryItem *
xs_history_item_new (const XsHistoryEntry *entry,
                     gboolean              undo_allowed)
{
  XsHistoryItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  self = g_object_new (XS_TYPE_HISTORY_ITEM, NULL);
  self->text = g_strdup (entry->text != NULL ? entry->text : "");
  self->time = xs_history_entry_format_time (entry);
  self->import_id = entry->import_id;
  self->can_undo = undo_allowed && entry->import_id > 0;
  return self;
}

const char *
xs_history_item_get_text (XsHistoryItem *self)
{
  g_return_val_if_fail (XS_IS_HISTORY_ITEM (self), NULL);
  return self->text;
}

const char *
xs_history_item_get_time (XsHistoryItem *self)
{
  g_return_val_if_fail (XS_IS_HISTORY_ITEM (self), NULL);
  return self->time;
}

gint64
xs_history_item_get_import_id (XsHistoryItem *self)
{
  g_return_val_if_fail (XS_IS_HISTORY_ITEM (self), 0);
  return self->import_id;
}

gboolean
xs_history_item_get_can_undo (XsHistoryItem *self)
{
  g_return_val_if_fail (XS_IS_HISTORY_ITEM (self), FALSE);
  return self->can_undo;
}

static void
xs_history_item_finalize (GObject *object)
{
  XsHistoryItem *self = XS_HISTORY_ITEM (object);

  g_free (self->text);
  g_free (self->time);

  G_OBJECT_CLASS (xs_history_item_parent_class)->finalize (object);
}

static void
xs_history_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsHistoryItem *self = XS_HISTORY_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_IMPORT_ID:
      g_value_set_int64 (value, self->import_id);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_history_item_class_init (XsHistoryItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_history_item_finalize;
  object_class->get_property = xs_history_item_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORT_ID] =
    g_param_spec_int64 ("import-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_history_item_init (XsHistoryItem *self)
{
}
