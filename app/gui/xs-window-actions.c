/* xs-window-actions.c: what the window's menus, buttons and shortcuts do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-archive-dialog.h"
#include "xs-check-dialog.h"
#include "xs-claim-editor.h"
#include "xs-claim-store.h"
#include "xs-demo.h"
#include "xs-import-dialog.h"
#include "xs-import-log.h"
#include "xs-revocation-list.h"
#include "xs-stats.h"
#include "xs-verify-dialog.h"
#include "xs-window-package-private.h"
#include "xs-report.h"
#include "xs-window-private.h"

/* Trainees in the demo base. */
#define DEMO_TRAINEES 300

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->trainees)) == 0)
    return;
  gtk_stack_set_visible_child_name (self->stack, "trainees");
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  xs_trainees_view_focus_search (self->trainees_view);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "trainees");
  gtk_widget_set_visible (self->back_button, FALSE);
  _xs_window_update_actions (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsImportKind kind = g_str_equal (action_name, "win.import-roster") ? XS_IMPORT_ROSTER : XS_IMPORT_HOURS;

  gtk_window_present (GTK_WINDOW (xs_import_dialog_new (GTK_WINDOW (widget), xs_window_get_db (XS_WINDOW (widget)),
                                                        kind, NULL)));
}

static void
on_claim_saved (XsWindow      *self,
                gint64         claim_id,
                XsClaimEditor *editor)
{
  xs_window_reload (self);
}

static void
open_claim_editor (XsWindow *self,
                   gint64    trainee_id,
                   gint64    claim_id)
{
  XsClaimEditor *editor = xs_claim_editor_new (GTK_WINDOW (self), xs_window_get_db (self), trainee_id,
                                               xs_window_get_year (self), claim_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_claim_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_claim_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);

  open_claim_editor (self, xs_trainee_page_get_trainee_id (self->trainee_page), 0);
}

static void
edit_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  claim = xs_claim_store_get (xs_window_get_db (self), g_variant_get_int64 (param), &error);
  if (claim == NULL)
    {
      xs_window_show_toast (self, error->message);
      return;
    }
  open_claim_editor (self, claim->trainee_id, claim->id);
}

static gboolean
populate_demo (XsJob         *job,
               XsDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return xs_demo_populate (db, DEMO_TRAINEES, 2018, cancellable, error);
}

static void
on_demo_loaded (XsWindow *self,
                XsJob    *job)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("Demo base with %d trainees loaded"), DEMO_TRAINEES);
  xs_window_show_toast (self, text);

  /* The demo's hours are of its year: show that year. Choosing it reads
   * that year's data, not the demo's classes, which are read here. */
  if (xs_year_chooser_select (self->year_chooser, XS_DEMO_YEAR))
    xs_classes_view_reload (self->classes_view);
  else
    xs_window_reload (self);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);
  g_autoptr(XsJob) job = xs_job_new (xs_db_get_data_dir (xs_window_get_db (self)), populate_demo, NULL, NULL);

  _xs_window_run_job (self, job, "win.load-demo", FALSE, NULL, on_demo_loaded);
}

/* On the Certificates page, prints the selected certificates; elsewhere,
 * goes to that page. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "certificates") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->certificates_view), "certificates.print", NULL);
  else
    _xs_window_show_sidebar_page (self, "certificates");
}

static void
check_data_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (xs_check_dialog_new (GTK_WINDOW (self),
                                                       xs_db_get_data_dir (xs_window_get_db (self)))));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  XsArchiveDialogMode mode = g_str_equal (action_name, "win.archive")
                             ? XS_ARCHIVE_DIALOG_WRITE : XS_ARCHIVE_DIALOG_RESTORE;
  g_autoptr(GSettings) settings = NULL;

  /* a restore closes and opens the application's database */
  if (application == NULL || xs_window_get_db (self) == NULL)
    return;
  /* the user's settings (one backend for the whole program) */
  settings = g_settings_new (APP_ID);
  gtk_window_present (GTK_WINDOW (xs_archive_dialog_new (GTK_WINDOW (self),
                                                         xs_db_get_data_dir (xs_window_get_db (self)),
                                                         settings, mode)));
}

static void
verify_certificate_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  gtk_window_present (GTK_WINDOW (xs_verify_dialog_new (GTK_WINDOW (widget), xs_window_get_db (XS_WINDOW (widget)))));
}

/* Export Statistics: both groupings of the shown year to one XLSX file,
 * written in a worker over its own connection. */

typedef struct
{
  char *path;
  int   year;
} StatsExport;

static void
stats_export_free (StatsExport *export)
{
  g_free (export->path);
  g_free (export);
}

static gboolean
export_statistics (XsJob         *job,
                   XsDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  StatsExport *export = data;

  return xs_stats_export_xlsx (db, export->year, export->path, error);
}

static void
on_stats_exported (XsWindow *self,
                   XsJob    *job)
{
  StatsExport *export = xs_job_get_data (job);
  g_autofree char *name = g_path_get_basename (export->path);
  g_autofree char *text = NULL;

  /* Translators: the year, then the file's name */
  text = g_strdup_printf (_("Statistics of %d exported to “%s”"), export->year, name);
  _xs_window_show_saved_toast (self, text, export->path);
}

void
_xs_window_export_statistics (XsWindow   *self,
                              const char *path)
{
  StatsExport *export;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  export = g_new0 (StatsExport, 1);
  export->path = g_strdup (path);
  export->year = xs_window_get_year (self);
  _xs_window_run_export (self, path, "win.export-statistics", export_statistics,
                         export, (GDestroyNotify) stats_export_free, on_stats_exported);
}

static void
export_statistics_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  /* Translators: the file name offered when exporting statistics; in
   * Chinese 学时统计-%d.xlsx */
  name = g_strdup_printf (_("statistics-%d.xlsx"), xs_window_get_year (self));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (filter, "xlsx");
  _xs_window_choose_path (self, XS_FILE_CHOOSER_SAVE, _("Export Statistics"), _("_Export"), filter, name,
                          _("Statistics can only be exported to a local file"), _xs_window_export_statistics);
}

void
_xs_window_update_actions (XsWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-list", g_strcmp0 (page, "trainee") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-claim", g_strcmp0 (page, "trainee") == 0);
  /* The demo fills an empty base only. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo",
                                 self->trainees == NULL
                                 || g_list_model_get_n_items (G_LIST_MODEL (self->trainees)) == 0);
}

/* Export Revocation List… in the primary menu */

typedef struct
{
  char  *path;
  guint  n_revoked;
} RevocationExport;

static void
revocation_export_free (RevocationExport *export)
{
  g_free (export->path);
  g_free (export);
}

static gboolean
export_revocations (XsJob         *job,
                    XsDb          *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  RevocationExport *export = data;
  g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_job_get_data_dir (job), error);

  return key != NULL && xs_revocation_list_write (db, key, export->path, &export->n_revoked, error);
}

static void
on_revocations_exported (XsWindow *self,
             XsJob    *job)
{
  RevocationExport *export = xs_job_get_data (job);
  g_autofree char *name = g_path_get_basename (export->path);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u revoked certificate listed in “%s”",
                                       "%u revoked certificates listed in “%s”", export->n_revoked),
                          export->n_revoked, name);
  _xs_window_show_saved_toast (self, text, export->path);
}

void
_xs_window_export_revocations (XsWindow   *self,
                               const char *path)
{
  RevocationExport *export;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  export = g_new0 (RevocationExport, 1);
  export->path = g_strdup (path);
  _xs_window_run_export (self, path, "win.export-revocations", export_revocations,
                         export, (GDestroyNotify) revocation_export_free, on_revocations_exported);
}

static void
export_revocations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "txt");
  /* Translators: the file name offered for the revocation list; in
   * Chinese 撤销清单.txt */
  _xs_window_choose_path (XS_WINDOW (widget), XS_FILE_CHOOSER_SAVE, _("Export Revocation List"), _("_Export"),
                          filter, _("revocations.txt"),
                          _("The revocation list can only be exported to a local file"),
                          _xs_window_export_revocations);
}

/* The Undo of an import, from its toast or the History */

static gboolean
undo_import (XsJob         *job,
             XsDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 import_id = *(gint64 *) data;
  g_autoptr(XsImportRecord) record = xs_import_log_get (db, import_id, error);

  if (record == NULL || !xs_import_log_undo (db, import_id, error))
    return FALSE;
  xs_job_set_result (job, g_steal_pointer (&record), (GDestroyNotify) xs_import_record_free);
  return TRUE;
}

static void
on_undone (XsWindow *self,
           XsJob    *job)
{
  XsImportRecord *record = xs_job_get_result (job);
  g_autofree char *text = NULL;

  xs_window_reload (self);
  /* Translators: a file name */
  text = g_strdup_printf (_("Import of %s undone"), record->file_name);
  xs_window_show_toast (self, text);
}

void
xs_window_undo_import (XsWindow *self,
                       gint64    import_id)
{
  g_autoptr(XsJob) job = NULL;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (import_id > 0);

  job = xs_job_new (xs_db_get_data_dir (xs_window_get_db (self)), undo_import,
                    g_memdup2 (&import_id, sizeof import_id), g_free);
  _xs_window_run_job (self, job, "win.undo-import", TRUE, _("Cannot Undo the Import"), on_undone);
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
      adw_toast_set_action_name (toast, "win.undo-import");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (import_id));
    }
  xs_report_show_toast (self->toast_overlay, toast);
}

static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gint64 import_id = g_variant_get_int64 (param);

  if (import_id > 0)
    xs_window_undo_import (XS_WINDOW (widget), import_id);
}

static void
show_import_toast_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  const char *text = NULL;
  gint64 import_id = 0;

  g_variant_get (param, "(&sx)", &text, &import_id);
  xs_window_show_import_toast (XS_WINDOW (widget), text, import_id);
}

/* Open Package…, Export Package… and Import Decisions… */

static void
open_package_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  xs_package_exchange_choose_package (XS_WINDOW (widget)->packages);
}

static void
export_package_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  xs_package_exchange_choose_export (XS_WINDOW (widget)->packages);
}

static void
import_decisions_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  xs_package_exchange_choose_decisions (XS_WINDOW (widget)->packages);
}

void
_xs_window_export_package (XsWindow   *self,
                           const char *path)
{
  g_return_if_fail (XS_IS_WINDOW (self));
  xs_package_exchange_export (self->packages, path);
}

void
_xs_window_import_decisions (XsWindow   *self,
                             const char *path)
{
  g_return_if_fail (XS_IS_WINDOW (self));
  xs_package_exchange_import_decisions (self->packages, path);
}

/* What the views and dialogs report upward. */

static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  xs_window_show_toast (XS_WINDOW (widget), g_variant_get_string (param, NULL));
}

void
_xs_window_show_saved_toast (XsWindow   *self,
                             const char *text,
                             const char *path)
{
  xs_report_show_toast (self->toast_overlay, xs_report_saved_toast_new (text, path));
}

static void
show_saved_toast_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  const char *text = NULL;
  const char *path = NULL;

  g_variant_get (param, "(&s&s)", &text, &path);
  _xs_window_show_saved_toast (XS_WINDOW (widget), text, path);
}

static void
show_trainee_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  xs_window_show_trainee (XS_WINDOW (widget), g_variant_get_int64 (param));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  xs_window_reload (XS_WINDOW (widget));
}

void
_xs_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-saved-toast", "(ss)", show_saved_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-trainee", "x", show_trainee_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.new-claim", NULL, new_claim_action);
  gtk_widget_class_install_action (widget_class, "win.edit-claim", "x", edit_claim_action);
  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-hours", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.verify-certificate", NULL, verify_certificate_action);
  gtk_widget_class_install_action (widget_class, "win.check-data", NULL, check_data_action);
  gtk_widget_class_install_action (widget_class, "win.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "win.restore-archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "win.export-statistics", NULL, export_statistics_action);
  gtk_widget_class_install_action (widget_class, "win.open-package", NULL, open_package_action);
  gtk_widget_class_install_action (widget_class, "win.export-package", NULL, export_package_action);
  gtk_widget_class_install_action (widget_class, "win.import-decisions", NULL, import_decisions_action);
  gtk_widget_class_install_action (widget_class, "win.export-revocations", NULL, export_revocations_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", "x", undo_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-toast", "(sx)", show_import_toast_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-roster", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.show-list", NULL);
}
