/* xs-last-selected.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which item of a multiple selection is the one shown beside the list
 * (the Certificates page's preview): the one the user selected last.
 */
#define G_LOG_DOMAIN "xs-last-selected"

#include "config.h"

#include "xs-last-selected.h"

struct _XsLastSelected
{
  GObject            parent_instance;

  GtkSelectionModel *selection;
  GObject           *item;
};

G_DEFINE_FINAL_TYPE (XsLastSelected, xs_last_selected, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_item (XsLastSelected *self,
          GObject        *item)
{
  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

static void
take_first_selected (XsLastSelected *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (self->selection);
  g_autoptr(GObject) item = NULL;

  if (!gtk_bitset_is_empty (selected))
    item = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));
  set_item (self, item);
}

static void
on_selection_changed (XsLastSelected    *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  GListModel *model = G_LIST_MODEL (selection);
  g_autoptr(GObject) first_new = NULL;
  gboolean lost = FALSE;

  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gboolean selected = gtk_selection_model_is_selected (selection, i);

      if (item == self->item && !selected)
        lost = TRUE;
      if (selected && first_new == NULL)
        first_new = g_steal_pointer (&item);
    }

  if (self->item == NULL || lost)
    {
      if (first_new != NULL)
        set_item (self, first_new);
      else
        take_first_selected (self);
    }
  else if (n_items == 1 && first_new != NULL)
    set_item (self, first_new);
}

static void
on_items_changed (XsLastSelected *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *model)
{
  guint n = g_list_model_get_n_items (model);
  gboolean kept = FALSE;

  if (self->item != NULL)
    for (guint i = 0; i < n && !kept; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);

        kept = item == self->item && gtk_selection_model_is_selected (self->selection, i);
      }
  if (!kept)
    take_first_selected (self);
}

XsLastSelected *
xs_last_selected_new (GtkSelectionModel *selection)
{
  XsLastSelected *self;

  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (selection), NULL);

  self = g_object_new (XS_TYPE_LAST_SELECTED, NULL);
  self->selection = g_object_ref (selection);
  g_signal_connect_object (selection, "selection-changed", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  take_first_selected (self);
  return self;
}

gpointer
xs_last_selected_get_item (XsLastSelected *self)
{
  g_return_val_if_fail (XS_IS_LAST_SELECTED (self), NULL);
  return self->item;
}

static void
xs_last_selected_dispose (GObject *object)
{
  XsLastSelected *self = XS_LAST_SELECTED (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (xs_last_selected_parent_class)->dispose (object);
}

static void
xs_last_selected_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XsLastSelected *self = XS_LAST_SELECTED (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_last_selected_class_init (XsLastSelectedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xs_last_selected_dispose;
  object_class->get_property = xs_last_selected_get_property;

  /* the item shown beside the list, or NULL when none is selected */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_last_selected_init (XsLastSelected *self)
{
}
