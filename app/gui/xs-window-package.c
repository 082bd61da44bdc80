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

#include "xs-detail-item.h"
#include "xs-base-profile-dialog.h"
#include "xs-package.h"
#include "xs-window-package-private.h"
#include "xs-window-private.h"

typedef struct
{
  char          *path;
  char          *base_name;
  int            year;
  XsImportFlags  flags;
} PackageJob;

static void
package_job_free (PackageJob *job)
{
  g_free (job->path);
  g_free (job->base_name);
  g_free (job);
}

static PackageJob *
package_job_new (XsWindow   *self,
                 const char *path)
{
  PackageJob *job = g_new0 (PackageJob, 1);

  job->path = g_strdup (path);
  job->year = xs_window_get_year (self);
  return job;
}

/* Open Package…: the application opens the reviewer's window on it. */

static void
open_package (XsWindow   *self,
              const char *path)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.review-package", "s", path);
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

  _xs_window_choose_path (XS_WINDOW (widget), XS_FILE_CHOOSER_OPEN, _("Open Package"), _("_Open"), filter, NULL,
                          _("Only a package in a local file can be opened"), open_package);
}

/* Export Package… */

/* The profile dialog, saying why the name is needed now; @then runs once
 * the name is saved. */
static void
ask_base_name (XsWindow *self,
               void    (*then) (XsWindow *self))
{
  XsBaseProfileDialog *dialog;

  dialog = xs_base_profile_dialog_new (GTK_WINDOW (self), xs_window_get_db (self),
                                       self->profile,
                                       _("A package says which base sends it: write the base’s name before exporting."));
  if (then != NULL)
    g_signal_connect_object (dialog, "saved", G_CALLBACK (then), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
export_package (XsJob         *job,
                XsDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  PackageJob *package = data;
  XsPackageQuery query = { package->year, NULL, NULL };
  g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_job_get_data_dir (job), error);

  return key != NULL
         && xs_package_export (db, key, package->base_name, &query, package->path, NULL, NULL, cancellable, error);
}

static void
on_exported (XsWindow *self,
             XsJob    *job)
{
  PackageJob *package = xs_job_get_data (job);
  g_autofree char *name = g_path_get_basename (package->path);
  g_autofree char *text = NULL;

  /* Translators: the year, then the file's name */
  text = g_strdup_printf (_("Package of %d written to “%s”"), package->year, name);
  _xs_window_show_saved_toast (self, text, package->path);
}

void
_xs_window_export_package (XsWindow   *self,
                           const char *path)
{
  PackageJob *package;
  XsBaseProfile *profile;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  profile = self->profile;
  if (profile == NULL || *xs_base_profile_get_name (profile) == '\0')
    {
      ask_base_name (self, NULL);
      return;
    }
  package = package_job_new (self, path);
  package->base_name = g_strdup (xs_base_profile_get_name (profile));
  _xs_window_run_export (self, path, "win.export-package", export_package,
                         package, (GDestroyNotify) package_job_free, on_exported);
}

static void choose_package_path (XsWindow *self);

/* A package without the base's name would reach the reviewers from
 * nobody: the name is asked first, and the export goes on once it is
 * saved. */
static void
export_package_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);
  XsBaseProfile *profile = self->profile;

  if (profile != NULL && *xs_base_profile_get_name (profile) != '\0')
    choose_package_path (self);
  else
    ask_base_name (self, choose_package_path);
}

static void
choose_package_path (XsWindow *self)
{
  g_autoptr(GtkFileFilter) filter = zip_filter ();
  g_autofree char *name = NULL;

  /* Translators: the file name offered for the submission package; in
   * Chinese 学时申报-%d.zip */
  name = g_strdup_printf (_("hours-submission-%d.zip"), xs_window_get_year (self));
  _xs_window_choose_path (self, XS_FILE_CHOOSER_SAVE, _("Export Package"), _("_Export"), filter, name,
                          _("The package can only be written to a local file"), _xs_window_export_package);
}

/* Import Decisions… */

static gboolean
import_decisions (XsJob         *job,
                  XsDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  PackageJob *package = data;
  g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_job_get_data_dir (job), error);
  XsImportReport *report;

  if (key == NULL || (report = xs_decisions_import (db, key, package->path, package->flags, error)) == NULL)
    return FALSE;
  xs_job_set_result (job, report, g_object_unref);
  return TRUE;
}

static gboolean
preview_decisions (XsJob         *job,
                   XsDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  PackageJob *package = data;
  g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_job_get_data_dir (job), error);
  XsDecisionsPreview *preview;

  if (key == NULL || (preview = xs_decisions_preview (db, key, package->path, error)) == NULL)
    return FALSE;
  xs_job_set_result (job, preview, (GDestroyNotify) xs_decisions_preview_free);
  return TRUE;
}

static GtkWidget *
create_preview_row (gpointer item,
                    gpointer user_data)
{
  XsImportReport *report = user_data;
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);
  XsImportRow *row = g_ptr_array_index (xs_import_report_get_rows (report), index);
  g_autofree char *where = NULL;
  GtkWidget *action_row = adw_action_row_new ();

  /* Translators: where a decision is: the file and the decision's number in it */
  where = g_strdup_printf (_("%s:%u"), xs_import_report_get_file_name (report), row->row);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), row->summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), where);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row),
                             gtk_image_new_from_icon_name (row->outcome == XS_ROW_REJECTED
                                                           ? "dialog-warning-symbolic" : "object-select-symbolic"));
  return action_row;
}

/* Every decision of the file, refused ones first, each with its name. */
static GtkWidget *
preview_list (XsImportReport *report)
{
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  GPtrArray *all = xs_import_report_get_rows (report);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  for (int refused = 1; refused >= 0; refused--)
    for (guint i = 0; i < all->len; i++)
      {
        XsImportRow *row = g_ptr_array_index (all, i);
        char number[16];

        if ((row->outcome == XS_ROW_REJECTED) != refused)
          continue;
        g_snprintf (number, sizeof number, "%u", i);
        gtk_string_list_append (rows, number);
      }
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The decisions of the file"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (rows), create_preview_row,
                           g_object_ref (report), g_object_unref);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

/* The answer to a decisions file's preview or report: "apply" applies
 * them all, "apply-valid" only the valid ones, anything else nothing. */
static void
on_decisions_response (AdwMessageDialog *dialog,
                       const char       *response,
                       const char       *path)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (!XS_IS_WINDOW (window))
    return;
  if (g_str_equal (response, "apply"))
    _xs_window_apply_decisions (XS_WINDOW (window), path, XS_IMPORT_DEFAULT);
  else if (g_str_equal (response, "apply-valid"))
    _xs_window_apply_decisions (XS_WINDOW (window), path, XS_IMPORT_SKIP_INVALID);
}

/* Offers "apply-valid" when @valid is not 0, then shows @dialog, whose
 * answer applies the decisions in @path. */
static void
present_decisions_dialog (GtkWidget  *dialog,
                          guint       valid,
                          const char *close_response,
                          const char *path)
{
  if (valid > 0)
    {
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Apply %u Valid Decision",
                                                             "_Apply %u Valid Decisions", valid), valid);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "apply-valid", label);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply-valid",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), close_response);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_decisions_response), g_strdup (path),
                         (GClosureNotify) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_preview (XsWindow           *self,
              const char         *path,
              XsDecisionsPreview *preview)
{
  guint refused = xs_import_report_get_count (preview->report, XS_ROW_REJECTED);
  guint valid = preview->n_approved + preview->n_rejected;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (preview->imported_at != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (preview->imported_at, NULL);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                            : g_strdup (preview->imported_at);

      g_string_append_printf (body, _("This file was already applied on %s."), when);
      g_string_append (body, "\n\n");
    }
  /* Translators: what applying a decisions file would do */
  g_string_append_printf (body, _("Approved: %u · Not approved: %u · Refused: %u."),
                          preview->n_approved, preview->n_rejected, refused);
  if (refused > 0)
    {
      g_string_append (body, " ");
      g_string_append (body, _("A refused decision is not applied; the list says why."));
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Apply the Decisions?"), body->str);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), preview_list (preview->report));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (refused == 0 && valid > 0)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "apply", _("_Apply"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
    }
  present_decisions_dialog (dialog, refused > 0 ? valid : 0, "cancel", path);
}

static void
on_decisions_previewed (XsWindow *self,
                        XsJob    *job)
{
  PackageJob *package = xs_job_get_data (job);

  show_preview (self, package->path, xs_job_get_result (job));
}

static GtkWidget *
refused_list (XsImportReport *report)
{
  GPtrArray *rows = xs_import_report_get_rows (report);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GListStore) refused = g_list_store_new (XS_TYPE_DETAIL_ITEM);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Refused decisions"), -1);
  for (guint i = 0; i < rows->len; i++)
    {
      XsImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *where = NULL;
      g_autoptr(XsDetailItem) item = NULL;

      if (row->outcome != XS_ROW_REJECTED)
        continue;
      /* Translators: where a refused decision is: the file and the decision's number in it */
      where = g_strdup_printf (_("%s:%u"), xs_import_report_get_file_name (report), row->row);
      item = xs_detail_item_new (row->summary, where);
      g_list_store_append (refused, item);
    }
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (refused), xs_detail_item_create_row, NULL, NULL);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
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
  present_decisions_dialog (dialog, committed ? 0 : valid, "close", path);
}

static void
on_decisions_imported (XsWindow *self,
                       XsJob    *job)
{
  PackageJob *package = xs_job_get_data (job);
  XsImportReport *report = xs_job_get_result (job);

  show_report (self, package->path, report);
  if (xs_import_report_get_committed (report))
    {
      g_autofree char *summary = xs_import_report_format_summary (report);

      xs_window_reload (self);
      xs_window_show_import_toast (self, summary, xs_import_report_get_import_id (report));
    }
}

void
_xs_window_import_decisions (XsWindow   *self,
                             const char *path)
{
  g_autoptr(XsJob) job = NULL;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  job = xs_job_new (xs_db_get_data_dir (xs_window_get_db (self)), preview_decisions,
                    package_job_new (self, path), (GDestroyNotify) package_job_free);
  _xs_window_run_job (self, job, "win.import-decisions", TRUE, _("Cannot Import the Decisions"),
                      on_decisions_previewed);
}

void
_xs_window_apply_decisions (XsWindow      *self,
                            const char    *path,
                            XsImportFlags  flags)
{
  g_autoptr(XsJob) job = NULL;
  PackageJob *package;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  package = package_job_new (self, path);
  package->flags = flags;
  job = xs_job_new (xs_db_get_data_dir (xs_window_get_db (self)), import_decisions,
                    package, (GDestroyNotify) package_job_free);
  /* A reload must not stop an import. */
  _xs_window_run_job (self, job, "win.import-decisions", TRUE, _("Cannot Import the Decisions"),
                      on_decisions_imported);
}

static void
import_decisions_from (XsWindow   *self,
                       const char *path)
{
  _xs_window_import_decisions (self, path);
}

static void
import_decisions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Decisions files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  _xs_window_choose_path (XS_WINDOW (widget), XS_FILE_CHOOSER_OPEN, _("Import Decisions"), _("_Import"), filter,
                          NULL, _("Only decisions in a local file can be imported"), import_decisions_from);
}

void
_xs_window_class_install_package_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-package", NULL, open_package_action);
  gtk_widget_class_install_action (widget_class, "win.export-package", NULL, export_package_action);
  gtk_widget_class_install_action (widget_class, "win.import-decisions", NULL, import_decisions_action);
}
