/* xs-base-tasks.c: what a base's window does on the base itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window, its runner, db and year: XsWindowTasks.
 */
#define G_LOG_DOMAIN "xs-base-tasks"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-archive-dialog.h"
#include "xs-base-tasks.h"
#include "xs-check-dialog.h"
#include "xs-claim-editor.h"
#include "xs-claim-store.h"
#include "xs-demo.h"
#include "xs-import-dialog.h"
#include "xs-import-log.h"
#include "xs-report.h"
#include "xs-revocation-list.h"
#include "xs-stats.h"
#include "xs-verify-dialog.h"

/* Trainees in the demo base. */
#define DEMO_TRAINEES 300

struct _XsBaseTasks
{
  XsWindowTasks   parent_instance;
};

G_DEFINE_FINAL_TYPE (XsBaseTasks, xs_base_tasks, XS_TYPE_WINDOW_TASKS)

enum
{
  DEMO_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
data_dir (XsBaseTasks *self)
{
  return xs_db_get_data_dir (xs_window_tasks_get_db (XS_WINDOW_TASKS (self)));
}

/* The demo base */

static gboolean
populate_demo (XsJob         *job,
               XsDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  return xs_demo_populate (db, DEMO_TRAINEES, XS_DEMO_YEAR, cancellable, error);
}

static void
on_demo_loaded (gpointer  owner,
                XsJob    *job)
{
  XsBaseTasks *self = owner;
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("Demo base with %d trainees loaded"), DEMO_TRAINEES);
  xs_window_tasks_report (tasks, "win.show-toast", g_variant_new_string (text));
  g_signal_emit (self, signals[DEMO_LOADED], 0);
}

void
xs_base_tasks_load_demo (XsBaseTasks *self)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(XsJob) job = NULL;

  g_return_if_fail (XS_IS_BASE_TASKS (self));
  g_return_if_fail (xs_window_tasks_get_db (tasks) != NULL);

  job = xs_job_new (data_dir (self), populate_demo, NULL, NULL);
  xs_job_runner_run (xs_window_tasks_get_runner (tasks), job, "win.load-demo", NULL, on_demo_loaded, self);
}

/* Export Statistics: both groupings of the shown year to one XLSX file. */

typedef struct
{
  char  *path;
  int    year;
  guint  n_revoked;
} Export;

static void
export_free (Export *export)
{
  g_free (export->path);
  g_free (export);
}

static Export *
export_new (const char *path,
            int         year)
{
  Export *export = g_new0 (Export, 1);

  export->path = g_strdup (path);
  export->year = year;
  return export;
}

static gboolean
export_statistics (XsJob         *job,
                   XsDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Export *export = data;

  return xs_stats_export_xlsx (db, export->year, export->path, error);
}

static void
on_stats_exported (gpointer  owner,
                   XsJob    *job)
{
  Export *export = xs_job_get_data (job);
  g_autofree char *name = g_path_get_basename (export->path);
  g_autofree char *text = NULL;

  /* Translators: the year, then the file's name */
  text = g_strdup_printf (_("Statistics of %d exported to “%s”"), export->year, name);
  xs_window_tasks_report (owner, "win.show-saved-toast", g_variant_new ("(ss)", text, export->path));
}

void
xs_base_tasks_export_statistics (XsBaseTasks *self,
                                 const char  *path)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);

  g_return_if_fail (XS_IS_BASE_TASKS (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (xs_window_tasks_get_db (tasks) != NULL);

  xs_job_runner_run_export (xs_window_tasks_get_runner (tasks), data_dir (self), path, "win.export-statistics",
                            export_statistics, export_new (path, xs_window_tasks_get_year (tasks)),
                            (GDestroyNotify) export_free, on_stats_exported, self);
}

static void
statistics_chosen (gpointer    owner,
                   const char *path)
{
  xs_base_tasks_export_statistics (owner, path);
}

void
xs_base_tasks_choose_statistics (XsBaseTasks *self)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (XS_IS_BASE_TASKS (self));

  /* Translators: the file name offered when exporting statistics; in
   * Chinese 学时统计-%d.xlsx */
  name = g_strdup_printf (_("statistics-%d.xlsx"), xs_window_tasks_get_year (tasks));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_suffix (filter, "xlsx");
  xs_job_runner_choose_path (xs_window_tasks_get_runner (tasks), XS_FILE_CHOOSER_SAVE, _("Export Statistics"),
                             _("_Export"), filter, name,
                             _("Statistics can only be exported to a local file"), statistics_chosen, self);
}

/* Export Revocation List… */

static gboolean
export_revocations (XsJob         *job,
                    XsDb          *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Export *export = data;
  g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_job_get_data_dir (job), error);

  return key != NULL && xs_revocation_list_write (db, key, export->path, &export->n_revoked, error);
}

static void
on_revocations_exported (gpointer  owner,
                         XsJob    *job)
{
  Export *export = xs_job_get_data (job);
  g_autofree char *name = g_path_get_basename (export->path);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u revoked certificate listed in “%s”",
                                       "%u revoked certificates listed in “%s”", export->n_revoked),
                          export->n_revoked, name);
  xs_window_tasks_report (owner, "win.show-saved-toast", g_variant_new ("(ss)", text, export->path));
}

void
xs_base_tasks_export_revocations (XsBaseTasks *self,
                                  const char  *path)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);

  g_return_if_fail (XS_IS_BASE_TASKS (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (xs_window_tasks_get_db (tasks) != NULL);

  xs_job_runner_run_export (xs_window_tasks_get_runner (tasks), data_dir (self), path, "win.export-revocations",
                            export_revocations,
                            export_new (path, xs_window_tasks_get_year (tasks)), (GDestroyNotify) export_free,
                            on_revocations_exported, self);
}

static void
revocations_chosen (gpointer    owner,
                    const char *path)
{
  xs_base_tasks_export_revocations (owner, path);
}

void
xs_base_tasks_choose_revocations (XsBaseTasks *self)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (XS_IS_BASE_TASKS (self));

  gtk_file_filter_set_name (filter, _("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "txt");
  /* Translators: the file name offered for the revocation list; in
   * Chinese 撤销清单.txt */
  xs_job_runner_choose_path (xs_window_tasks_get_runner (tasks), XS_FILE_CHOOSER_SAVE, _("Export Revocation List"),
                             _("_Export"),
                             filter, _("revocations.txt"),
                             _("The revocation list can only be exported to a local file"),
                             revocations_chosen, self);
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
on_undone (gpointer  owner,
           XsJob    *job)
{
  XsImportRecord *record = xs_job_get_result (job);
  g_autofree char *text = NULL;

  xs_window_tasks_report (owner, "win.reload", NULL);
  /* Translators: a file name */
  text = g_strdup_printf (_("Import of %s undone"), record->file_name);
  xs_window_tasks_report (owner, "win.show-toast", g_variant_new_string (text));
}

void
xs_base_tasks_undo_import (XsBaseTasks *self,
                           gint64       import_id)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(XsJob) job = NULL;

  g_return_if_fail (XS_IS_BASE_TASKS (self));
  g_return_if_fail (import_id > 0);
  g_return_if_fail (xs_window_tasks_get_db (tasks) != NULL);

  job = xs_job_new (data_dir (self), undo_import, g_memdup2 (&import_id, sizeof import_id), g_free);
  xs_job_runner_run (xs_window_tasks_get_runner (tasks), job, "win.undo-import", _("Cannot Undo the Import"),
                     on_undone, self);
}

/* The dialogs on the base */

static void
present (GtkWidget *dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_claim_saved (XsBaseTasks   *self,
                gint64         claim_id,
                XsClaimEditor *editor)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);

  xs_window_tasks_report (tasks, "win.reload", NULL);
}

static void
open_claim_editor (XsBaseTasks *self,
                   gint64       trainee_id,
                   gint64       claim_id)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkWindow) parent = xs_window_tasks_dup_parent (tasks);
  XsClaimEditor *editor = xs_claim_editor_new (parent, xs_window_tasks_get_db (tasks), trainee_id,
                                               xs_window_tasks_get_year (tasks), claim_id);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_claim_saved), self, G_CONNECT_SWAPPED);
  present (GTK_WIDGET (editor));
}

void
xs_base_tasks_new_claim (XsBaseTasks *self,
                         gint64       trainee_id)
{
  g_return_if_fail (XS_IS_BASE_TASKS (self));
  open_claim_editor (self, trainee_id, 0);
}

void
xs_base_tasks_edit_claim (XsBaseTasks *self,
                          gint64       claim_id)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XS_IS_BASE_TASKS (self));

  claim = xs_claim_store_get (xs_window_tasks_get_db (tasks), claim_id, &error);
  if (claim == NULL)
    {
      xs_window_tasks_report (tasks, "win.show-toast", g_variant_new_string (error->message));
      return;
    }
  open_claim_editor (self, claim->trainee_id, claim->id);
}

void
xs_base_tasks_import (XsBaseTasks *self,
                      gboolean     roster)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkWindow) parent = NULL;

  g_return_if_fail (XS_IS_BASE_TASKS (self));

  parent = xs_window_tasks_dup_parent (tasks);
  present (GTK_WIDGET (xs_import_dialog_new (parent, xs_window_tasks_get_db (tasks),
                                             roster ? XS_IMPORT_ROSTER : XS_IMPORT_HOURS, NULL)));
}

void
xs_base_tasks_check_data (XsBaseTasks *self)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkWindow) parent = NULL;

  g_return_if_fail (XS_IS_BASE_TASKS (self));

  parent = xs_window_tasks_dup_parent (tasks);
  present (xs_check_dialog_new (parent, data_dir (self)));
}

void
xs_base_tasks_verify_certificate (XsBaseTasks *self)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkWindow) parent = NULL;

  g_return_if_fail (XS_IS_BASE_TASKS (self));

  parent = xs_window_tasks_dup_parent (tasks);
  present (GTK_WIDGET (xs_verify_dialog_new (parent, xs_window_tasks_get_db (tasks))));
}

void
xs_base_tasks_archive (XsBaseTasks *self,
                       gboolean     restore)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkWindow) parent = NULL;
  g_autoptr(GSettings) settings = NULL;

  g_return_if_fail (XS_IS_BASE_TASKS (self));

  parent = xs_window_tasks_dup_parent (tasks);
  /* a restore closes and opens the application's database */
  if (parent == NULL || gtk_window_get_application (parent) == NULL || xs_window_tasks_get_db (tasks) == NULL)
    return;
  /* the user's settings (one backend for the whole program) */
  settings = g_settings_new (APP_ID);
  present (xs_archive_dialog_new (parent, data_dir (self), settings,
                                  restore ? XS_ARCHIVE_DIALOG_RESTORE : XS_ARCHIVE_DIALOG_WRITE));
}

XsBaseTasks *
xs_base_tasks_new (GtkWindow   *parent,
                   XsJobRunner *runner)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_JOB_RUNNER (runner), NULL);
  return g_object_new (XS_TYPE_BASE_TASKS, "parent", parent, "runner", runner, NULL);
}

static void
xs_base_tasks_class_init (XsBaseTasksClass *klass)
{
  /* The demo base is written: the window shows the demo's year. */
  signals[DEMO_LOADED] =
    g_signal_new ("demo-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
xs_base_tasks_init (XsBaseTasks *self)
{
}
