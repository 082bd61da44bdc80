/* xs-window-undo.c: the Undo of an import, from its toast or the History
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-import-log.h"
#include "xs-window-private.h"

typedef struct
{
  char   *data_dir;
  gint64  import_id;
} UndoJob;

static void
undo_job_free (UndoJob *job)
{
  g_free (job->data_dir);
  g_free (job);
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  UndoJob *job = task_data;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsImportRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  db = xs_db_open (job->data_dir, &error);
  if (db == NULL
      || (record = xs_import_log_get (db, job->import_id, &error)) == NULL
      || !xs_import_log_undo (db, job->import_id, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&record), (GDestroyNotify) xs_import_record_free);
}

static void
on_undone (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  XsWindow *self = XS_WINDOW (object);
  g_autoptr(XsImportRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  _xs_window_set_busy (self, FALSE);
  record = g_task_propagate_pointer (G_TASK (result), &error);
  if (record == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Undo the Import"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  xs_window_reload (self);
  /* Translators: a file name */
  text = g_strdup_printf (_("Import of %s undone"), record->file_name);
  xs_window_show_toast (self, text);
}

void
xs_window_undo_import (XsWindow *self,
                       gint64    import_id)
{
  g_autoptr(GTask) task = NULL;
  UndoJob *job;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (import_id > 0);

  job = g_new0 (UndoJob, 1);
  job->data_dir = g_strdup (xs_db_get_data_dir (xs_window_get_db (self)));
  job->import_id = import_id;

  _xs_window_set_busy (self, TRUE);
  task = g_task_new (self, NULL, on_undone, NULL);
  g_task_set_source_tag (task, xs_window_undo_import);
  g_task_set_task_data (task, job, (GDestroyNotify) undo_job_free);
  g_task_run_in_thread (task, undo_thread);
}

static void
on_undo_clicked (AdwToast *toast,
                 XsWindow *self)
{
  gint64 import_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "import-id"));

  xs_window_undo_import (self, import_id);
}

void
xs_window_show_import_toast (XsWindow   *self,
                             const char *text,
                             gint64      import_id)
{
  AdwToast *toast;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  toast = adw_toast_new (text);
  if (import_id > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 10);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data (G_OBJECT (toast), "import-id", GSIZE_TO_POINTER ((gsize) import_id));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
