/* xs-history-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's face of `xueshi-cli history`: a trainee's audit trail, read
 * in a worker with its own connection, a list model of XsHistoryItem shown
 * one row per entry (the sentence, and the time under it) from the template
 * in xs-history-row.ui.
 */
#define G_LOG_DOMAIN "xs-history-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-history.h"
#include "xs-history-dialog.h"
#include "xs-history-item.h"
#include "xs-job.h"
#include "xs-report.h"

struct _XsHistoryDialog
{
  AdwWindow       parent_instance;

  GCancellable   *cancellable;
  GPtrArray      *entries;
  GListStore     *items;          /* XsHistoryItem */
  gboolean        loaded;

  /* template children */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkListBox     *list;
  AdwStatusPage  *error_page;
};

G_DEFINE_FINAL_TYPE (XsHistoryDialog, xs_history_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
load_history (XsJob         *job,
              XsDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  const gint64 *trainee_id = data;
  GPtrArray *entries = xs_history_list_for_trainee (db, *trainee_id, error);

  if (entries == NULL)
    return FALSE;
  xs_job_set_result (job, entries, (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

/* The window undoes the import (and says why when it cannot); this list
 * is then out of date, so it closes. */
static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  if (xs_report_action (widget, "win.undo-import", g_variant_new_int64 (g_variant_get_int64 (param))))
    gtk_window_close (GTK_WINDOW (widget));
}

/* A row from the template in xs-history-row.ui, filled from @item. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  GtkWidget *row;
  GtkWidget *undo;

  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_add_from_resource (builder, RESOURCE_BASE "/xs-history-row.ui", NULL);
  row = GTK_WIDGET (gtk_builder_get_object (builder, "row"));
  undo = GTK_WIDGET (gtk_builder_get_object (builder, "undo_button"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), xs_history_item_get_text (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), xs_history_item_get_time (item));
  gtk_widget_set_visible (undo, xs_history_item_get_can_undo (item));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (undo),
                                          g_variant_new_int64 (xs_history_item_get_import_id (item)));
  return g_object_ref (row);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XsHistoryDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = NULL;

  if (xs_job_run_finish (XS_JOB (object), result, &error))
    entries = xs_job_steal_result (XS_JOB (object));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loaded = TRUE;
  gtk_spinner_stop (self->spinner);
  if (entries == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      gboolean undo_allowed = gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL;

      self->entries = entries;
      for (guint i = 0; i < entries->len; i++)
        {
          g_autoptr(XsHistoryItem) item = xs_history_item_new (g_ptr_array_index (entries, i), undo_allowed);

          g_list_store_append (self->items, item);
        }
      gtk_stack_set_visible_child_name (self->stack, entries->len > 0 ? "list" : "empty");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

static void
xs_history_dialog_dispose (GObject *object)
{
  XsHistoryDialog *self = XS_HISTORY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_HISTORY_DIALOG);
  G_OBJECT_CLASS (xs_history_dialog_parent_class)->dispose (object);
}

static void
xs_history_dialog_finalize (GObject *object)
{
  XsHistoryDialog *self = XS_HISTORY_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (xs_history_dialog_parent_class)->finalize (object);
}

static void
xs_history_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XsHistoryDialog *self = XS_HISTORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_history_dialog_class_init (XsHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_history_dialog_dispose;
  object_class->finalize = xs_history_dialog_finalize;
  object_class->get_property = xs_history_dialog_get_property;

  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XS_TYPE_HISTORY_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, XsHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XsHistoryDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, XsHistoryDialog, list);
  gtk_widget_class_bind_template_child (widget_class, XsHistoryDialog, error_page);
  gtk_widget_class_install_action (widget_class, "history.undo-import", "x", undo_import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xs_history_dialog_init (XsHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->items = g_list_store_new (XS_TYPE_HISTORY_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->items), create_row, NULL, NULL);
}

GtkWidget *
xs_history_dialog_new (GtkWindow  *parent,
                       const char *data_dir,
                       gint64      trainee_id,
                       const char *trainee_name)
{
  XsHistoryDialog *self;
  g_autoptr(XsJob) job = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (XS_TYPE_HISTORY_DIALOG,
                       "transient-for", parent,
                       NULL);
  if (trainee_name != NULL)
    {
      /* Translators: the window's title, “History of 张三” */
      g_autofree char *title = g_strdup_printf (_("History of %s"), trainee_name);

      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->window_title, title);
    }

  job = xs_job_new (data_dir, load_history, g_memdup2 (&trainee_id, sizeof trainee_id), g_free);
  xs_job_run_async (job, self->cancellable, on_loaded, g_object_ref (self));
  return GTK_WIDGET (self);
}

gboolean
xs_history_dialog_get_loaded (XsHistoryDialog *self)
{
  g_return_val_if_fail (XS_IS_HISTORY_DIALOG (self), FALSE);
  return self->loaded;
}

GPtrArray *
xs_history_dialog_get_entries (XsHistoryDialog *self)
{
  g_return_val_if_fail (XS_IS_HISTORY_DIALOG (self), NULL);
  return self->entries;
}
