/* xs-suggestion-list.c
 *
 * What recognition read on the pages, one row a finding: the identity
 * numbers (another person's is a warning), the name, the title, dates and
 * hours, and a warning when the paper looks like another material. The
 * title, dates and hours have a Use button; nothing reaches the claim
 * until the clerk presses it. The scan dialog and a claim's material rows
 * show the same list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-suggestion-list"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-date.h"
#include "xs-id-number.h"
#include "xs-suggestion-item.h"
#include "xs-suggestion-list.h"

struct _XsSuggestionList
{
  GtkWidget   parent_instance;

  GListStore *items;   /* XsSuggestionItem */
  gboolean    boxed;

  /* template children */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (XsSuggestionList, xs_suggestion_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EMPTY,
  PROP_BOXED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  USE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_use_button (XsSuggestionItem *item,
                   GParamSpec       *pspec,
                   GtkButton        *button)
{
  gboolean used = xs_suggestion_item_get_used (item);

  gtk_widget_set_sensitive (GTK_WIDGET (button), !used);
  /* no mnemonic: each suggestion has this button */
  gtk_button_set_label (button, used ? _("Used") : _("Use"));
}

static void
on_use_clicked (GtkButton        *button,
                XsSuggestionItem *item)
{
  GtkWidget *self = gtk_widget_get_ancestor (GTK_WIDGET (button), XS_TYPE_SUGGESTION_LIST);

  if (self == NULL || xs_suggestion_item_get_used (item))
    return;
  xs_suggestion_item_set_used (item, TRUE);
  g_signal_emit (self, signals[USE], 0, xs_suggestion_item_get_field (item), xs_suggestion_item_get_value (item));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xs_suggestion_item_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), xs_suggestion_item_get_shown (item));
  if (xs_suggestion_item_get_warning (item))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "warning");
    }
  if (xs_suggestion_item_get_field (item) != NULL)
    {
      GtkWidget *button = gtk_button_new ();

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      update_use_button (item, NULL, GTK_BUTTON (button));
      g_signal_connect_object (item, "notify::used", G_CALLBACK (update_use_button), button, 0);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_use_clicked), item, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
add (GPtrArray  *items,
     const char *title,
     const char *shown,
     const char *field,
     const char *value,
     gboolean    warning)
{
  g_ptr_array_add (items, xs_suggestion_item_new (title, shown, field, value, warning));
}

void
xs_suggestion_list_show (XsSuggestionList    *self,
                         const XsRecognition *found,
                         const char          *trainee_id_number,
                         const char          *material)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean was_empty;

  g_return_if_fail (XS_IS_SUGGESTION_LIST (self));
  g_return_if_fail (found != NULL);

  for (guint i = 0; found->id_numbers[i] != NULL; i++)
    {
      g_autofree char *masked = xs_id_number_mask (found->id_numbers[i]);

      if (trainee_id_number != NULL && !g_str_equal (found->id_numbers[i], trainee_id_number))
        add (items, _("This certificate names another person"), masked, NULL, NULL, TRUE);
      else
        add (items, _("Identity number matches the trainee"), masked, NULL, NULL, FALSE);
    }
  if (found->names[0] != NULL)
    add (items, _("Name"), found->names[0], NULL, NULL, FALSE);
  if (found->title != NULL)
    add (items, _("Title"), found->title, "title", found->title, FALSE);
  for (guint i = 0; found->dates[i] != NULL && i < 3; i++)
    add (items, _("Date"), found->dates[i], "date", found->dates[i], FALSE);
  for (guint i = 0; i < found->n_hours && i < 3; i++)
    {
      g_autofree char *shown = xs_hours_format (found->hours[i]);
      g_autofree char *value = g_strdup_printf ("%d", found->hours[i]);

      add (items, _("Hours"), shown, "hours", value, FALSE);
    }
  if (found->material != NULL && g_strcmp0 (found->material, material) != 0 &&
      found->material_confidence >= 0.5)
    {
      g_autofree char *shown = g_strdup_printf (_("It looks like a %s, not the material this row asks for."),
                                                xs_recognition_material_name (found->material));

      add (items, _("Kind of paper"), shown, NULL, NULL, TRUE);
    }

  was_empty = xs_suggestion_list_get_empty (self);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  if (was_empty != xs_suggestion_list_get_empty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

void
xs_suggestion_list_clear (XsSuggestionList *self)
{
  g_return_if_fail (XS_IS_SUGGESTION_LIST (self));

  if (xs_suggestion_list_get_empty (self))
    return;
  g_list_store_remove_all (self->items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

GListModel *
xs_suggestion_list_get_model (XsSuggestionList *self)
{
  g_return_val_if_fail (XS_IS_SUGGESTION_LIST (self), NULL);
  return G_LIST_MODEL (self->items);
}

gboolean
xs_suggestion_list_get_empty (XsSuggestionList *self)
{
  g_return_val_if_fail (XS_IS_SUGGESTION_LIST (self), TRUE);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0;
}

static void
set_boxed (XsSuggestionList *self,
           gboolean          boxed)
{
  boxed = !!boxed;
  if (self->boxed == boxed)
    return;
  self->boxed = boxed;
  if (boxed)
    gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_show_separators (self->list, !boxed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOXED]);
}

GtkWidget *
xs_suggestion_list_new (void)
{
  return g_object_new (XS_TYPE_SUGGESTION_LIST, NULL);
}

static void
xs_suggestion_list_dispose (GObject *object)
{
  XsSuggestionList *self = XS_SUGGESTION_LIST (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_SUGGESTION_LIST);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (xs_suggestion_list_parent_class)->dispose (object);
}

static void
xs_suggestion_list_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsSuggestionList *self = XS_SUGGESTION_LIST (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, xs_suggestion_list_get_empty (self));
      break;
    case PROP_BOXED:
      g_value_set_boolean (value, self->boxed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_suggestion_list_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsSuggestionList *self = XS_SUGGESTION_LIST (object);

  switch (prop_id)
    {
    case PROP_BOXED:
      set_boxed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_suggestion_list_class_init (XsSuggestionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_suggestion_list_dispose;
  object_class->get_property = xs_suggestion_list_get_property;
  object_class->set_property = xs_suggestion_list_set_property;

  /* Nothing is offered: the place showing the list can hide it. */
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Rows in a box of their own, as in a preferences group. */
  properties[PROP_BOXED] =
    g_param_spec_boolean ("boxed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsSuggestionList::use:
   * @field: "title", "date" (ISO) or "hours" (tenths)
   * @value: what the pages say
   *
   * The clerk chose to use something read on the pages.
   */
  signals[USE] =
    g_signal_new ("use",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-suggestion-list.ui");
  gtk_widget_class_bind_template_child (widget_class, XsSuggestionList, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "suggestionlist");
}

static void
xs_suggestion_list_init (XsSuggestionList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (XS_TYPE_SUGGESTION_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row, NULL, NULL);
}
