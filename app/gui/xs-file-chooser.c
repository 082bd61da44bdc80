/* xs-file-chooser.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkFileDialog where GTK has it (4.10), GtkFileChooserNative before: the
 * one place that knows which GTK the program was built with.
 */
#define G_LOG_DOMAIN "xs-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-file-chooser.h"

static void
return_files (GTask      *task,
              GListModel *files,
              GError     *error)
{
  if (files == NULL && error == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "No file was chosen");
  if (files == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, files, g_object_unref);
}

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_dialog_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  XsFileChooserMode mode = GPOINTER_TO_INT (g_task_get_task_data (task));
  GListModel *files = NULL;
  GError *error = NULL;

  if (mode == XS_FILE_CHOOSER_OPEN_MULTIPLE)
    files = gtk_file_dialog_open_multiple_finish (dialog, result, &error);
  else
    {
      GFile *file = mode == XS_FILE_CHOOSER_SAVE ? gtk_file_dialog_save_finish (dialog, result, &error)
                                                 : gtk_file_dialog_open_finish (dialog, result, &error);

      if (file != NULL)
        {
          GListStore *store = g_list_store_new (G_TYPE_FILE);

          g_list_store_append (store, file);
          g_object_unref (file);
          files = G_LIST_MODEL (store);
        }
    }
  /* GtkFileDialog reports a dismissal as GTK_DIALOG_ERROR_DISMISSED. */
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("The file chooser ended: %s", error->message);
      g_clear_error (&error);
    }
  return_files (task, files, error);
}

static void
run (GTask             *task,
     GtkWindow         *parent,
     XsFileChooserMode  mode,
     const char        *title,
     const char        *accept_label,
     GListModel        *filters,
     GtkFileFilter     *default_filter,
     const char        *initial_name,
     GCancellable      *cancellable)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (accept_label != NULL)
    gtk_file_dialog_set_accept_label (dialog, accept_label);
  if (filters != NULL)
    gtk_file_dialog_set_filters (dialog, filters);
  if (default_filter != NULL)
    gtk_file_dialog_set_default_filter (dialog, default_filter);
  if (initial_name != NULL)
    gtk_file_dialog_set_initial_name (dialog, initial_name);

  switch (mode)
    {
    case XS_FILE_CHOOSER_OPEN:
      gtk_file_dialog_open (dialog, parent, cancellable, on_dialog_done, g_object_ref (task));
      break;
    case XS_FILE_CHOOSER_OPEN_MULTIPLE:
      gtk_file_dialog_open_multiple (dialog, parent, cancellable, on_dialog_done, g_object_ref (task));
      break;
    case XS_FILE_CHOOSER_SAVE:
      gtk_file_dialog_save (dialog, parent, cancellable, on_dialog_done, g_object_ref (task));
      break;
    default:
      g_assert_not_reached ();
    }
}

#else

typedef struct
{
  GTask                *task;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gulong                cancelled_id;
} Running;

static void
running_end (Running    *running,
             GListModel *files)
{
  g_autoptr(GTask) task = running->task;

  g_cancellable_disconnect (running->cancellable, running->cancelled_id);
  g_clear_object (&running->cancellable);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (running->chooser));
  g_clear_object (&running->chooser);
  g_free (running);
  return_files (task, files, NULL);
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             Running         *running)
{
  GListModel *files = NULL;

  g_signal_handlers_disconnect_by_func (chooser, on_response, running);
  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  running_end (running, files);
}

static gboolean
end_cancelled (gpointer user_data)
{
  Running *running = user_data;

  g_signal_handlers_disconnect_by_func (running->chooser, on_response, running);
  running_end (running, NULL);
  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable *cancellable,
              Running      *running)
{
  /* not from inside the cancellable's own handler */
  g_idle_add (end_cancelled, running);
}

static void
run (GTask             *task,
     GtkWindow         *parent,
     XsFileChooserMode  mode,
     const char        *title,
     const char        *accept_label,
     GListModel        *filters,
     GtkFileFilter     *default_filter,
     const char        *initial_name,
     GCancellable      *cancellable)
{
  Running *running = g_new0 (Running, 1);
  gboolean save = mode == XS_FILE_CHOOSER_SAVE;

  running->task = g_object_ref (task);
  running->chooser = gtk_file_chooser_native_new (title, parent,
                                                  save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                                  accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (running->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (running->chooser),
                                        mode == XS_FILE_CHOOSER_OPEN_MULTIPLE);
  for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (running->chooser), filter);
    }
  if (default_filter != NULL)
    gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (running->chooser), default_filter);
  if (initial_name != NULL && save)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (running->chooser), initial_name);
  g_signal_connect (running->chooser, "response", G_CALLBACK (on_response), running);
  if (cancellable != NULL)
    {
      running->cancellable = g_object_ref (cancellable);
      running->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled), running, NULL);
    }
  if (running->cancelled_id == 0 && g_cancellable_is_cancelled (cancellable))
    {
      g_signal_handlers_disconnect_by_func (running->chooser, on_response, running);
      running_end (running, NULL);
      return;
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (running->chooser));
}

#endif

void
xs_file_chooser_run_async (GtkWindow           *parent,
                           XsFileChooserMode    mode,
                           const char          *title,
                           const char          *accept_label,
                           GListModel          *filters,
                           GtkFileFilter       *default_filter,
                           const char          *initial_name,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_file_chooser_run_async);
  g_task_set_task_data (task, GINT_TO_POINTER (mode), NULL);
  run (task, parent, mode, title, accept_label, filters, default_filter, initial_name, cancellable);
}

GListModel *
xs_file_chooser_run_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xs_file_chooser_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
xs_file_chooser_finish_file (GAsyncResult  *result,
                             GError       **error)
{
  g_autoptr(GListModel) files = xs_file_chooser_run_finish (result, error);

  if (files == NULL)
    return NULL;
  if (g_list_model_get_n_items (files) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "No file was chosen");
      return NULL;
    }
  return g_list_model_get_item (files, 0);
}

GListModel *
xs_file_chooser_filters_of (GtkFileFilter *filter)
{
  GListStore *store;

  g_return_val_if_fail (GTK_IS_FILE_FILTER (filter), NULL);

  store = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_list_store_append (store, filter);
  return G_LIST_MODEL (store);
}
