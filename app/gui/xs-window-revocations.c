/* xs-window-revocations.c: Export Revocation List… in the primary menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-output.h"
#include "xs-revocation-list.h"
#include "xs-window-private.h"

typedef struct
{
  char  *data_dir;
  char  *path;
  guint  n_revoked;
} RevocationExport;

static void
revocation_export_free (RevocationExport *job)
{
  g_free (job->data_dir);
  g_free (job->path);
  g_free (job);
}

/* Over its own connection: the window's stays free. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RevocationExport *job = task_data;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  if ((db = xs_db_open (job->data_dir, &error)) == NULL
      || (key = xs_signing_key_open (job->data_dir, &error)) == NULL
      || !xs_revocation_list_write (db, key, job->path, &job->n_revoked, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  XsWindow *self = XS_WINDOW (object);
  RevocationExport *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!_xs_window_end_task (self, result, "win.export-revocations"))
    return;
  name = g_path_get_basename (job->path);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u revoked certificate listed in “%s”",
                                       "%u revoked certificates listed in “%s”", job->n_revoked),
                          job->n_revoked, name);
  xs_window_show_toast (self, text);
}

void
_xs_window_export_revocations (XsWindow   *self,
                               const char *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RevocationExport *job;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!xs_output_check_path (path, &error))
    {
      xs_window_show_toast (self, error->message);
      return;
    }

  job = g_new0 (RevocationExport, 1);
  job->data_dir = g_strdup (xs_db_get_data_dir (xs_window_get_db (self)));
  job->path = g_strdup (path);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-revocations", FALSE);
  _xs_window_set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_exported, NULL);
  g_task_set_source_tag (task, _xs_window_export_revocations);
  g_task_set_task_data (task, job, (GDestroyNotify) revocation_export_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                XsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        xs_window_show_toast (self, _("The revocation list can only be exported to a local file"));
      else
        _xs_window_export_revocations (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_revocations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Revocation List"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name offered for the revocation list; in
   * Chinese 撤销清单.txt */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("revocations.txt"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_xs_window_class_install_revocation_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-revocations", NULL, export_revocations_action);
}
