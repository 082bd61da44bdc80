/* xs-package-exchange.c: Open Package…, Export Package… and Import
 * Decisions… for a base's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The package is written and the decisions checked and applied in workers
 * over their own database connections. The exchange knows its window only
 * as a GtkWindow: it reports through the window's actions.
 */
#define G_LOG_DOMAIN "xs-package-exchange"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-base-profile-dialog.h"
#include "xs-decisions-dialog.h"
#include "xs-output.h"
#include "xs-package.h"
#include "xs-package-exchange.h"

struct _XsPackageExchange
{
  XsWindowTasks   parent_instance;

  XsBaseProfile  *profile;
};

G_DEFINE_FINAL_TYPE (XsPackageExchange, xs_package_exchange, XS_TYPE_WINDOW_TASKS)

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
package_job_new (XsPackageExchange *self,
                 const char        *path)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  PackageJob *job = g_new0 (PackageJob, 1);

  job->path = g_strdup (path);
  job->year = xs_window_tasks_get_year (tasks);
  return job;
}

/* Workers and file choosers, through the window's runner */

typedef void (*JobDone) (XsPackageExchange *self,
                         XsJob             *job);
typedef void (*PathChosen) (XsPackageExchange *self,
                            const char        *path);

/* Runs @func on @data in a worker for @action; then @done if it
 * succeeded, else its failure in a dialog headed @failure_heading, or a
 * toast. */
static void
run_job (XsPackageExchange *self,
         XsJobFunc          func,
         PackageJob        *data,
         const char        *action,
         const char        *failure_heading,
         JobDone            done)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(XsJob) job = xs_job_new (xs_db_get_data_dir (xs_window_tasks_get_db (tasks)), func, data,
                                     (GDestroyNotify) package_job_free);

  xs_job_runner_run (xs_window_tasks_get_runner (tasks), job, action, failure_heading,
                     (XsJobRunnerDone) done, self);
}

static void
choose_path (XsPackageExchange *self,
             XsFileChooserMode  mode,
             const char        *title,
             const char        *accept_label,
             GtkFileFilter     *filter,
             const char        *initial_name,
             const char        *not_local,
             PathChosen         chosen)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);

  xs_job_runner_choose_path (xs_window_tasks_get_runner (tasks), mode, title, accept_label, filter, initial_name,
                             not_local, (XsJobRunnerChosen) chosen, self);
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

/* Open Package…: the application opens the reviewer's window on it. */

static void
open_package (XsPackageExchange *self,
              const char        *path)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);

  xs_window_tasks_report (tasks, "app.review-package", g_variant_new_string (path));
}

void
xs_package_exchange_choose_package (XsPackageExchange *self)
{
  g_autoptr(GtkFileFilter) filter = zip_filter ();

  g_return_if_fail (XS_IS_PACKAGE_EXCHANGE (self));

  choose_path (self, XS_FILE_CHOOSER_OPEN, _("Open Package"), _("_Open"), filter, NULL,
               _("Only a package in a local file can be opened"), open_package);
}

/* Export Package… */

/* The profile dialog, saying why the name is needed now; @then runs once
 * the name is saved. */
static void
ask_base_name (XsPackageExchange *self,
               void             (*then) (XsPackageExchange *self))
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkWindow) parent = xs_window_tasks_dup_parent (tasks);
  XsBaseProfileDialog *dialog;

  dialog = xs_base_profile_dialog_new (parent, xs_window_tasks_get_db (tasks), self->profile,
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
on_exported (XsPackageExchange *self,
             XsJob             *job)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  PackageJob *package = xs_job_get_data (job);
  g_autofree char *name = g_path_get_basename (package->path);
  g_autofree char *text = NULL;

  /* Translators: the year, then the file's name */
  text = g_strdup_printf (_("Package of %d written to “%s”"), package->year, name);
  xs_window_tasks_report (tasks, "win.show-saved-toast", g_variant_new ("(ss)", text, package->path));
}

void
xs_package_exchange_export (XsPackageExchange *self,
                            const char        *path)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GError) error = NULL;
  PackageJob *package;

  g_return_if_fail (XS_IS_PACKAGE_EXCHANGE (self));
  g_return_if_fail (path != NULL);

  if (!xs_base_profile_has_name (self->profile))
    {
      ask_base_name (self, NULL);
      return;
    }
  if (!xs_output_check_path (path, &error))
    {
      xs_window_tasks_report (tasks, "win.show-toast", g_variant_new_string (error->message));
      return;
    }
  package = package_job_new (self, path);
  package->base_name = g_strdup (xs_base_profile_get_name (self->profile));
  run_job (self, export_package, package, "win.export-package", NULL, on_exported);
}

static void
choose_package_path (XsPackageExchange *self)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkFileFilter) filter = zip_filter ();
  g_autofree char *name = NULL;

  /* Translators: the file name offered for the submission package; in
   * Chinese 学时申报-%d.zip */
  name = g_strdup_printf (_("hours-submission-%d.zip"), xs_window_tasks_get_year (tasks));
  choose_path (self, XS_FILE_CHOOSER_SAVE, _("Export Package"), _("_Export"), filter, name,
               _("The package can only be written to a local file"), xs_package_exchange_export);
}

/* A package without the base's name would reach the reviewers from
 * nobody: the name is asked first, and the export goes on once it is
 * saved. */
void
xs_package_exchange_choose_export (XsPackageExchange *self)
{
  g_return_if_fail (XS_IS_PACKAGE_EXCHANGE (self));

  if (xs_base_profile_has_name (self->profile))
    choose_package_path (self);
  else
    ask_base_name (self, choose_package_path);
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
  XsImportReport *import_report;

  if (key == NULL || (import_report = xs_decisions_import (db, key, package->path, package->flags, error)) == NULL)
    return FALSE;
  xs_job_set_result (job, import_report, g_object_unref);
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

static void
on_apply (XsPackageExchange *self,
          const char        *path,
          guint              flags,
          XsDecisionsDialog *dialog)
{
  xs_package_exchange_apply_decisions (self, path, flags);
}

static void
present_decisions (XsPackageExchange *self,
                   XsDecisionsDialog *dialog)
{
  g_signal_connect_object (dialog, "apply", G_CALLBACK (on_apply), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_decisions_previewed (XsPackageExchange *self,
                        XsJob             *job)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkWindow) parent = xs_window_tasks_dup_parent (tasks);
  PackageJob *package = xs_job_get_data (job);

  present_decisions (self, xs_decisions_dialog_new_preview (parent, package->path, xs_job_get_result (job)));
}

static void
on_decisions_imported (XsPackageExchange *self,
                       XsJob             *job)
{
  XsWindowTasks *tasks = XS_WINDOW_TASKS (self);
  g_autoptr(GtkWindow) parent = xs_window_tasks_dup_parent (tasks);
  PackageJob *package = xs_job_get_data (job);
  XsImportReport *import_report = xs_job_get_result (job);

  present_decisions (self, xs_decisions_dialog_new_report (parent, package->path, import_report));
  if (xs_import_report_get_committed (import_report))
    {
      g_autofree char *summary = xs_import_report_format_summary (import_report);

      xs_window_tasks_report (tasks, "win.reload", NULL);
      xs_window_tasks_report (tasks, "win.show-import-toast",
              g_variant_new ("(sx)", summary, xs_import_report_get_import_id (import_report)));
    }
}

void
xs_package_exchange_import_decisions (XsPackageExchange *self,
                                      const char        *path)
{
  g_return_if_fail (XS_IS_PACKAGE_EXCHANGE (self));
  g_return_if_fail (path != NULL);

  run_job (self, preview_decisions, package_job_new (self, path), "win.import-decisions", _("Cannot Import the Decisions"),
           on_decisions_previewed);
}

void
xs_package_exchange_apply_decisions (XsPackageExchange *self,
                                     const char        *path,
                                     XsImportFlags      flags)
{
  PackageJob *package;

  g_return_if_fail (XS_IS_PACKAGE_EXCHANGE (self));
  g_return_if_fail (path != NULL);

  package = package_job_new (self, path);
  package->flags = flags;
  run_job (self, import_decisions, package, "win.import-decisions", _("Cannot Import the Decisions"),
           on_decisions_imported);
}

void
xs_package_exchange_choose_decisions (XsPackageExchange *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (XS_IS_PACKAGE_EXCHANGE (self));

  gtk_file_filter_set_name (filter, _("Decisions files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  choose_path (self, XS_FILE_CHOOSER_OPEN, _("Import Decisions"), _("_Import"), filter,
               NULL, _("Only decisions in a local file can be imported"), xs_package_exchange_import_decisions);
}

XsPackageExchange *
xs_package_exchange_new (GtkWindow   *parent,
                         XsJobRunner *runner)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_JOB_RUNNER (runner), NULL);
  return g_object_new (XS_TYPE_PACKAGE_EXCHANGE, "parent", parent, "runner", runner, NULL);
}

enum
{
  PROP_0,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_package_exchange_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XsPackageExchange *self = XS_PACKAGE_EXCHANGE (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_package_exchange_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XsPackageExchange *self = XS_PACKAGE_EXCHANGE (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      if (g_set_object (&self->profile, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_package_exchange_dispose (GObject *object)
{
  XsPackageExchange *self = XS_PACKAGE_EXCHANGE (object);

  g_clear_object (&self->profile);
  G_OBJECT_CLASS (xs_package_exchange_parent_class)->dispose (object);
}

static void
xs_package_exchange_class_init (XsPackageExchangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xs_package_exchange_get_property;
  object_class->set_property = xs_package_exchange_set_property;
  object_class->dispose = xs_package_exchange_dispose;

  /* whose name the package carries */
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XS_TYPE_BASE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_package_exchange_init (XsPackageExchange *self)
{
}
