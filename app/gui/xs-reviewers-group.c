/* xs-reviewers-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the registered reviewers (a GListStore of XsReviewerItem bound
 * to the list box), Add… (a key file, then the reviewer's name and side)
 * and a remove button on each row that asks first.
 */
#define G_LOG_DOMAIN "xs-reviewers-group"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-file-chooser.h"
#include "xs-reviewer-item.h"
#include "xs-reviewers-group.h"
#include "xs-signing-key.h"
#include "xs-trust.h"

struct _XsReviewersGroup
{
  AdwPreferencesGroup  parent_instance;

  XsDb                *db;
  GListStore          *reviewers;     /* XsReviewerItem */
  GCancellable        *cancellable;
  char                *pending_key;   /* the key being added */
  gint64               pending_id;    /* the reviewer being removed */
  AdwEntryRow         *name_row;      /* in the add dialog, while it is open */
  AdwComboRow         *side_row;
  AdwMessageDialog    *add_dialog;

  GtkListBox          *list_box;
};

G_DEFINE_FINAL_TYPE (XsReviewersGroup, xs_reviewers_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (XsReviewersGroup *self,
            const char       *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static void
reload (XsReviewersGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->db == NULL)
    {
      g_list_store_remove_all (self->reviewers);
      return;
    }
  list = xs_reviewers_list (self->db, &error);
  if (list == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (items, xs_reviewer_item_new (g_ptr_array_index (list, i)));
  g_list_store_splice (self->reviewers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->reviewers)),
                       items->pdata, items->len);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  XsReviewerItem *reviewer = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xs_reviewer_item_get_name (reviewer));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), xs_reviewer_item_get_description (reviewer));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "reviewers.remove");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove),
                                          g_variant_new_int64 (xs_reviewer_item_get_id (reviewer)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* Removing */

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    XsReviewersGroup *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || self->db == NULL)
    return;
  if (!xs_reviewers_remove (self->db, self->pending_id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  reload (self);
  show_toast (self, _("Reviewer removed: their decisions files are refused from now on"));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsReviewersGroup *self = XS_REVIEWERS_GROUP (widget);
  gint64 id = g_variant_get_int64 (param);
  g_autofree char *body = NULL;
  const char *name = NULL;
  GtkWidget *dialog;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->reviewers)); i++)
    {
      g_autoptr(XsReviewerItem) item = g_list_model_get_item (G_LIST_MODEL (self->reviewers), i);

      if (xs_reviewer_item_get_id (item) == id)
        name = xs_reviewer_item_get_name (item);
    }
  if (name == NULL)
    return;
  self->pending_id = id;
  /* Translators: the reviewer's name */
  body = g_strdup_printf (_("Decisions files signed by “%s” will be refused. Decisions already applied stay. To accept them again, add the reviewer’s key file again."),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Remove the Reviewer?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Adding */

static void
on_add_response (AdwMessageDialog *dialog,
                 const char       *response,
                 XsReviewersGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_steal_pointer (&self->pending_key);
  XsReviewSide side;

  if (g_str_equal (response, "add") && key != NULL && self->db != NULL)
    {
      side = adw_combo_row_get_selected (self->side_row) == 1 ? XS_REVIEW_SIDE_INDUSTRY : XS_REVIEW_SIDE_HR;
      if (xs_reviewers_add (self->db, gtk_editable_get_text (GTK_EDITABLE (self->name_row)), side, key, &error) == 0)
        show_toast (self, error->message);
      else
        {
          reload (self);
          show_toast (self, _("Reviewer added: their signed decisions can be applied"));
        }
    }
  self->name_row = NULL;
  self->side_row = NULL;
  self->add_dialog = NULL;
}

/* Add is enabled once the name is more than spaces. */
static void
on_name_changed (XsReviewersGroup *self)
{
  g_autofree char *name = NULL;

  if (self->add_dialog == NULL || self->name_row == NULL)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  adw_message_dialog_set_response_enabled (self->add_dialog, "add", *name != '\0');
}

static void
ask_name_and_side (XsReviewersGroup *self,
                   const char       *key)
{
  g_autofree char *fingerprint = xs_public_key_fingerprint (key);
  g_autofree char *body = NULL;
  const char *sides[] = { xs_review_side_get_label (XS_REVIEW_SIDE_HR),
                          xs_review_side_get_label (XS_REVIEW_SIDE_INDUSTRY), NULL };
  GtkWidget *dialog, *box;

  g_free (self->pending_key);
  self->pending_key = g_strdup (key);
  /* Translators: the reviewer's key fingerprint */
  body = g_strdup_printf (_("Key %s. Compare it with the fingerprint the reviewer reads out to you (“xueshi-cli reviewer-key show”). Decisions signed with this key will be applied for the side chosen here."),
                          fingerprint);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Add the Reviewer?"), body);
  box = gtk_list_box_new ();
  gtk_widget_add_css_class (box, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Reviewer’s name"));
  self->side_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->side_row), _("Decides for"));
  adw_combo_row_set_model (self->side_row, G_LIST_MODEL (gtk_string_list_new (sides)));
  gtk_list_box_insert (GTK_LIST_BOX (box), GTK_WIDGET (self->name_row), -1);
  gtk_list_box_insert (GTK_LIST_BOX (box), GTK_WIDGET (self->side_row), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  self->add_dialog = ADW_MESSAGE_DIALOG (dialog);
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_name_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_key_loaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(XsReviewersGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) keys = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  name = g_file_get_basename (G_FILE (source));
  keys = xs_public_key_parse (contents, length, name, &error);
  if (keys == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  ask_name_and_side (self, keys[0]);
}

void
xs_reviewers_group_add_from_file (XsReviewersGroup *self,
                                  const char       *path)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (XS_IS_REVIEWERS_GROUP (self));
  g_return_if_fail (path != NULL);

  file = g_file_new_for_path (path);
  g_file_load_contents_async (file, self->cancellable, on_key_loaded, g_object_ref (self));
}

static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsReviewersGroup) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    xs_reviewers_group_add_from_file (self, path);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  XsReviewersGroup *self = XS_REVIEWERS_GROUP (widget);

  xs_file_chooser_run_async (GTK_WINDOW (gtk_widget_get_root (widget)), XS_FILE_CHOOSER_OPEN,
                             _("Add a Reviewer’s Key"), _("_Open"), NULL, NULL, NULL,
                             self->cancellable, on_file_chosen, g_object_ref (self));
}

/* The class */

GListModel *
xs_reviewers_group_get_reviewers (XsReviewersGroup *self)
{
  g_return_val_if_fail (XS_IS_REVIEWERS_GROUP (self), NULL);
  return G_LIST_MODEL (self->reviewers);
}

static void
xs_reviewers_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsReviewersGroup *self = XS_REVIEWERS_GROUP (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_reviewers_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsReviewersGroup *self = XS_REVIEWERS_GROUP (object);

  switch (prop_id)
    {
    case PROP_DB:
      if (g_set_object (&self->db, g_value_get_object (value)))
        {
          reload (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_reviewers_group_dispose (GObject *object)
{
  XsReviewersGroup *self = XS_REVIEWERS_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_object (&self->reviewers);
  g_clear_pointer (&self->pending_key, g_free);
  G_OBJECT_CLASS (xs_reviewers_group_parent_class)->dispose (object);
}

static void
xs_reviewers_group_class_init (XsReviewersGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = xs_reviewers_group_get_property;
  object_class->set_property = xs_reviewers_group_set_property;
  object_class->dispose = xs_reviewers_group_dispose;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-reviewers-group.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewersGroup, list_box);
  gtk_widget_class_install_action (widget_class, "reviewers.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "reviewers.remove", "x", remove_action);
}

static void
xs_reviewers_group_init (XsReviewersGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->reviewers = g_list_store_new (XS_TYPE_REVIEWER_ITEM);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->reviewers), create_row, self, NULL);
}
