/* xs-window-package.c: Open Package…, Export Package… and Import
 * Decisions… of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package is written and the decisions applied in workers over their
 * own database connections.
 */
#define G_LOG_DOMAIN "xs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-output.h"
#include "xs-package.h"
#include "xs-review-window.h"
#include "xs-window-package-private.h"
#include "xs-window-private.h"

typedef struct
{
  char          *data_dir;
  char          *path;
  char          *base_name;
  int            year;
  XsImportFlags  flags;
} PackageJob;

static void
package_job_free (PackageJob *job)
{
  g_free (job->data_dir);
  g_free (job->path);
  g_free (job->base_name);
  g_free (job);
}

static PackageJob *
package_job_new (XsWindow   *self,
                 const char *path)
{
  PackageJob *job = g_new0 (PackageJob, 1);

  job->data_dir = g_strdup (xs_db_get_data_dir (xs_window_get_db (self)));
  job->path = g_strdup (path);
  job->year = xs_window_get_year (self);
  return job;
}

/* Open Package… */

static void
on_package_chosen (GtkNativeDialog *chooser,
                   int              response,
                   XsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        xs_window_show_toast (self, _("Only a package in a local file can be opened"));
      else
        gtk_window_present (GTK_WINDOW (xs_review_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                                              path)));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
zip_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Submission packages (ZIP)"));
  gtk_file_filter_add_mime_type (filter, "application/zip");
  gtk_file_filter_add_suffix (filter, "zip");
  return filter;
}

static void
open_package_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = zip_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Package"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_package_chosen), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export Package… */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PackageJob *job = task_data;
  XsPackageQuery query = { job->year, NULL, NULL };
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  if ((db = xs_db_open (job->data_dir, &error)) == NULL
      || (key = xs_signing_key_open (job->data_dir, &error)) == NULL
      || !xs_package_export (db, key, job->base_name, &query, job->path, NULL, NULL, cancellable, &error))
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
  PackageJob *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!_xs_window_end_task (self, result, "win.export-package"))
    return;
  name = g_path_get_basename (job->path);
  /* Translators: the year, then the file's name */
  text = g_strdup_printf (_("Package of %d written to “%s”"), job->year, name);
  xs_window_show_toast (self, text);
}

void
_xs_window_export_package (XsWindow   *self,
                           const char *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PackageJob *job;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (!xs_output_check_path (path, &error))
    {
      xs_window_show_toast (self, error->message);
      return;
    }

  job = package_job_new (self, path);
  job->base_name = g_strdup (xs_base_profile_get_name (xs_application_get_base_profile (self->application)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-package", FALSE);
  _xs_window_set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_exported, NULL);
  g_task_set_source_tag (task, _xs_window_export_package);
  g_task_set_task_data (task, job, (GDestroyNotify) package_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_file_chosen (GtkNativeDialog *chooser,
                       int              response,
                       XsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        xs_window_show_toast (self, _("The package can only be written to a local file"));
      else
        _xs_window_export_package (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_package_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = zip_filter ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  /* Translators: the file name offered for the submission package; in
   * Chinese 学时申报-%d.zip */
  name = g_strdup_printf (_("hours-submission-%d.zip"), xs_window_get_year (self));
  chooser = gtk_file_chooser_native_new (_("Export Package"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import Decisions… */

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  PackageJob *job = task_data;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  XsImportReport *report = NULL;

  if ((db = xs_db_open (job->data_dir, &error)) == NULL
      || (key = xs_signing_key_open (job->data_dir, &error)) == NULL
      || (report = xs_decisions_import (db, key, job->path, job->flags, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

static GtkWidget *
refused_list (XsImportReport *report)
{
  GPtrArray *rows = xs_import_report_get_rows (report);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Refused decisions"), -1);
  for (guint i = 0; i < rows->len; i++)
    {
      XsImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *where = NULL;
      GtkWidget *action_row;

      if (row->outcome != XS_ROW_REJECTED)
        continue;
      /* Translators: where a refused decision is: the file and the decision's number in it */
      where = g_strdup_printf (_("%s:%u"), xs_import_report_get_file_name (report), row->row);
      action_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), row->summary);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), where);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      gtk_list_box_append (GTK_LIST_BOX (list), action_row);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

static void
on_report_response (AdwMessageDialog *dialog,
                    const char       *response,
                    XsWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");

  if (g_str_equal (response, "apply-valid") && path != NULL)
    _xs_window_import_decisions (self, path, XS_IMPORT_SKIP_INVALID);
}

static void
show_report (XsWindow       *self,
             const char     *path,
             XsImportReport *report)
{
  gboolean committed = xs_import_report_get_committed (report);
  guint valid = xs_import_report_get_count (report, XS_ROW_UPDATED);
  guint refused = xs_import_report_get_count (report, XS_ROW_REJECTED);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (committed && refused == 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision applied.", "%u decisions applied.", valid),
                            valid);
  else if (committed)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u decision applied; the refused ones below were skipped.",
                                         "%u decisions applied; the refused ones below were skipped.", valid),
                            valid);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "No decision was applied because %u is refused. Correct the file, or apply only the valid ones.",
                                         "No decision was applied because %u are refused. Correct the file, or apply only the valid ones.",
                                         refused),
                            refused);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   committed ? _("Decisions Applied") : _("Decisions Not Applied"), body);
  if (refused > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), refused_list (report));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (!committed && valid > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Apply %u Valid Decision",
                                                             "_Apply %u Valid Decisions", valid), valid);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "apply-valid", label);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply-valid",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_report_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_decisions_imported (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  XsWindow *self = XS_WINDOW (object);
  PackageJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-decisions", TRUE);
  _xs_window_set_busy (self, FALSE);
  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (report == NULL)
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Import the Decisions"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  show_report (self, job->path, report);
  if (xs_import_report_get_committed (report))
    {
      g_autofree char *summary = xs_import_report_format_summary (report);

      xs_window_reload (self);
      xs_window_show_import_toast (self, summary, xs_import_report_get_import_id (report));
    }
}

void
_xs_window_import_decisions (XsWindow      *self,
                             const char    *path,
                             XsImportFlags  flags)
{
  g_autoptr(GTask) task = NULL;
  PackageJob *job;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  job = package_job_new (self, path);
  job->flags = flags;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-decisions", FALSE);
  _xs_window_set_busy (self, TRUE);
  /* not the window's cancellable: a reload must not stop an import */
  task = g_task_new (self, NULL, on_decisions_imported, NULL);
  g_task_set_source_tag (task, _xs_window_import_decisions);
  g_task_set_task_data (task, job, (GDestroyNotify) package_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_decisions_chosen (GtkNativeDialog *chooser,
                     int              response,
                     XsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        xs_window_show_toast (self, _("Only decisions in a local file can be imported"));
      else
        _xs_window_import_decisions (self, path, XS_IMPORT_DEFAULT);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_decisions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Decisions files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  chooser = gtk_file_chooser_native_new (_("Import Decisions"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_decisions_chosen), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_xs_window_class_install_package_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-package", NULL, open_package_action);
  gtk_widget_class_install_action (widget_class, "win.export-package", NULL, export_package_action);
  gtk_widget_class_install_action (widget_class, "win.import-decisions", NULL, import_decisions_action);
}
