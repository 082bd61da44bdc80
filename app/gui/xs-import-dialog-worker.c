/* xs-import-dialog-worker.c: the import dialog's dry run and import
 *
 * Both run the same import in a GTask worker, which gets only plain data;
 * the progress bar polls the worker's progress, and cancelling (or closing
 * the dialog) rolls the import back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-hours-import.h"
#include "xs-import-dialog-private.h"
#include "xs-import-row-item.h"
#include "xs-roster-import.h"

/* How often the progress bar looks at the worker's progress. */
#define PROGRESS_POLL_MS 100
/* Progress is passed from the worker as an integer in 0 … PROGRESS_SCALE. */
#define PROGRESS_SCALE 10000

/* What a worker needs: nothing of the main thread's but plain data. */
typedef struct ImportJob
{
  gatomicrefcount   ref_count;
  char             *data_dir;
  char             *path;
  char             *encoding;     /* NULL: detect */
  XsTrainingClass  *klass;        /* copy, or NULL */
  XsImportKind      kind;
  XsImportFlags     flags;
  int               progress;     /* atomic, 0 … PROGRESS_SCALE */
} ImportJob;

typedef struct
{
  XsImportReport *report;
  GPtrArray      *items;          /* XsImportRowItem, rejected first */
} ImportResult;

static ImportJob *
import_job_ref (ImportJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
import_job_unref (ImportJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_free (job->data_dir);
  g_free (job->path);
  g_free (job->encoding);
  xs_training_class_free (job->klass);
  g_free (job);
}

static void
import_result_free (ImportResult *result)
{
  g_clear_object (&result->report);
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_free (result);
}

/* Worker thread */

static void
on_worker_progress (double   fraction,
                    gpointer user_data)
{
  ImportJob *job = user_data;

  g_atomic_int_set (&job->progress, (int) (CLAMP (fraction, 0.0, 1.0) * PROGRESS_SCALE));
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  ImportResult *result;
  GPtrArray *rows;

  db = xs_db_open (job->data_dir, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->kind == XS_IMPORT_ROSTER)
    report = xs_roster_import (db, job->path, job->encoding, job->flags, cancellable,
                               on_worker_progress, job, &error);
  else
    report = xs_hours_import (db, job->path, job->encoding, job->klass, job->flags, cancellable,
                              on_worker_progress, job, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The list items are made here too: a big file has many rows. */
  rows = xs_import_report_get_rows (report);
  result = g_new0 (ImportResult, 1);
  result->items = g_ptr_array_new_full (rows->len, g_object_unref);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < rows->len; i++)
      {
        const XsImportRow *row = g_ptr_array_index (rows, i);

        if ((row->outcome == XS_ROW_REJECTED) == (pass == 0))
          g_ptr_array_add (result->items, xs_import_row_item_new (row));
      }
  result->report = g_steal_pointer (&report);
  g_task_return_pointer (task, result, (GDestroyNotify) import_result_free);
}

/* Progress */

static void
update_progress_text (XsImportDialog *self,
                      double          fraction)
{
  g_autofree char *name = self->file ? g_file_get_basename (self->file) : g_strdup ("");
  g_autofree char *text = NULL;
  int percent = (int) (fraction * 100 + 0.5);

  if (g_str_equal (self->step, "importing"))
    /* Translators: “roster.xlsx”, then a percentage */
    text = g_strdup_printf (_("Importing “%s”: %d %%"), name, percent);
  else
    text = g_strdup_printf (_("Reading “%s”: %d %%"), name, percent);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static gboolean
poll_progress (gpointer user_data)
{
  XsImportDialog *self = user_data;

  if (self->job != NULL)
    update_progress_text (self, (double) g_atomic_int_get (&self->job->progress) / PROGRESS_SCALE);
  return G_SOURCE_CONTINUE;
}

void
_xs_import_dialog_stop_work (XsImportDialog *self)
{
  g_clear_handle_id (&self->progress_poll, g_source_remove);
  g_clear_pointer (&self->job, import_job_unref);
  g_clear_object (&self->cancellable);
}

/* Results */

static void
on_import_done (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (object);
  gboolean dry_run = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;
  ImportResult *result;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (self->disposed)
    {
      g_clear_pointer (&result, import_result_free);
      return;
    }
  _xs_import_dialog_stop_work (self);

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (dry_run)
            {
              _xs_import_dialog_set_step (self, "choose");
              adw_toast_overlay_add_toast (self->toast_overlay,
                                           adw_toast_new (_("Reading cancelled; nothing was imported.")));
            }
          else
            {
              _xs_import_dialog_set_step (self, "preview");
              _xs_import_dialog_update_commit_enabled (self);
              adw_toast_overlay_add_toast (self->toast_overlay,
                                           adw_toast_new (_("Import cancelled; nothing was written.")));
            }
          return;
        }
      _xs_import_dialog_show_file_error (self, error);
      return;
    }

  if (dry_run || !xs_import_report_get_committed (result->report))
    {
      /* A real import that wrote nothing found other rows than the preview
       * did (the file changed): show them. */
      _xs_import_dialog_show_preview (self, result->report, result->items);
      import_result_free (result);
      return;
    }

  _xs_import_dialog_report_imported (self, result->report);
  import_result_free (result);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
_xs_import_dialog_run_import (XsImportDialog *self,
                              XsImportFlags   flags)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  ImportJob *job;
  guint encoding;
  gboolean dry_run = (flags & XS_IMPORT_DRY_RUN) != 0;

  g_return_if_fail (self->file != NULL);
  g_return_if_fail (self->window != NULL);

  g_cancellable_cancel (self->cancellable);
  _xs_import_dialog_stop_work (self);

  job = g_new0 (ImportJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->data_dir = g_strdup (xs_db_get_data_dir (xs_window_get_db (self->window)));
  job->path = g_file_get_path (self->file);
  encoding = gtk_drop_down_get_selected (self->encoding_dropdown);
  job->encoding = encoding == 1 ? g_strdup ("GB18030") : encoding == 2 ? g_strdup ("UTF-8") : NULL;
  job->klass = _xs_import_dialog_training_class_copy (self->klass);
  job->kind = self->kind;
  job->flags = flags;

  self->job = import_job_ref (job);
  self->cancellable = g_cancellable_new ();

  name = g_file_get_basename (self->file);
  if (dry_run)
    title = g_strdup_printf (_("Checking “%s”…"), name);
  else
    title = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_label (self->progress_title, title);
  _xs_import_dialog_set_step (self, dry_run ? "reading" : "importing");
  update_progress_text (self, 0.0);
  self->progress_poll = g_timeout_add (PROGRESS_POLL_MS, poll_progress, self);

  task = g_task_new (self, self->cancellable, on_import_done, GINT_TO_POINTER (dry_run));
  g_task_set_source_tag (task, _xs_import_dialog_run_import);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_unref);
  g_task_run_in_thread (task, import_thread);
}
