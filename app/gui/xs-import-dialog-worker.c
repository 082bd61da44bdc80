/* xs-import-dialog-worker.c: the import dialog's dry run and import
 *
 * Both run the same import as a job, which gets only plain data; the
 * progress bar follows the job's progress, and cancelling (or closing the
 * dialog) rolls the import back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-hours-import.h"
#include "xs-import-dialog-private.h"
#include "xs-report.h"
#include "xs-import-row-item.h"
#include "xs-job.h"
#include "xs-roster-import.h"

/* What a worker needs: nothing of the main thread's but plain data. */
typedef struct
{
  char             *path;
  char             *encoding;     /* NULL: detect */
  XsTrainingClass  *klass;        /* copy, or NULL */
  XsImportKind      kind;
  XsImportFlags     flags;
} ImportInput;

typedef struct
{
  XsImportReport *report;
  GPtrArray      *items;          /* XsImportRowItem, rejected first */
} ImportResult;

static void
import_input_free (ImportInput *input)
{
  g_free (input->path);
  g_free (input->encoding);
  xs_training_class_free (input->klass);
  g_free (input);
}

static void
import_result_free (ImportResult *result)
{
  g_clear_object (&result->report);
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_free (result);
}

/* Worker thread */

static gboolean
run_import (XsJob         *job,
            XsDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ImportInput *input = data;
  g_autoptr(XsImportReport) report = NULL;
  ImportResult *result;
  GPtrArray *rows;

  if (input->kind == XS_IMPORT_ROSTER)
    report = xs_roster_import (db, input->path, input->encoding, input->flags, cancellable,
                               xs_job_progress_func, job, error);
  else
    report = xs_hours_import (db, input->path, input->encoding, input->klass, input->flags, cancellable,
                              xs_job_progress_func, job, error);
  if (report == NULL)
    return FALSE;

  /* The list items are made here too: a big file has many rows. */
  rows = xs_import_report_get_rows (report);
  result = g_new0 (ImportResult, 1);
  result->items = g_ptr_array_new_full (rows->len, g_object_unref);
  /* Rejected rows first, one line for the rows that share a reason. */
  {
    g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_ptr_array_unref);
    g_autoptr(GPtrArray) order = g_ptr_array_new ();

    for (guint i = 0; i < rows->len; i++)
      {
        XsImportRow *row = g_ptr_array_index (rows, i);
        GPtrArray *group;

        if (row->outcome != XS_ROW_REJECTED)
          continue;
        group = g_hash_table_lookup (groups, row->summary);
        if (group == NULL)
          {
            group = g_ptr_array_new ();
            g_hash_table_insert (groups, row->summary, group);
            g_ptr_array_add (order, group);
          }
        g_ptr_array_add (group, row);
      }
    for (guint i = 0; i < order->len; i++)
      {
        GPtrArray *group = g_ptr_array_index (order, i);

        g_ptr_array_add (result->items,
                         xs_import_row_item_new_rejected ((XsImportRow * const *) group->pdata, group->len));
      }
  }
  for (guint i = 0; i < rows->len; i++)
    {
      const XsImportRow *row = g_ptr_array_index (rows, i);

      if (row->outcome != XS_ROW_REJECTED)
        g_ptr_array_add (result->items, xs_import_row_item_new (row));
    }
  result->report = g_steal_pointer (&report);
  xs_job_set_result (job, result, (GDestroyNotify) import_result_free);
  return TRUE;
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

static void
on_progress (XsJob          *job,
             GParamSpec     *pspec,
             XsImportDialog *self)
{
  update_progress_text (self, xs_job_get_fraction (job));
}

void
_xs_import_dialog_stop_work (XsImportDialog *self)
{
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_func (self->job, on_progress, self);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
}

/* Results */

static void
on_import_done (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  g_autoptr(XsImportDialog) self = user_data;
  XsJob *job = XS_JOB (object);
  gboolean dry_run = (((ImportInput *) xs_job_get_data (job))->flags & XS_IMPORT_DRY_RUN) != 0;
  g_autoptr(GError) error = NULL;
  ImportResult *result = NULL;

  if (xs_job_run_finish (job, async_result, &error))
    result = xs_job_steal_result (job);
  if (self->disposed || job != self->job)
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
              xs_report_show_toast (self->toast_overlay,
                                    adw_toast_new (_("Reading cancelled; nothing was imported.")));
            }
          else
            {
              _xs_import_dialog_set_step (self, "preview");
              _xs_import_dialog_update_commit_enabled (self);
              xs_report_show_toast (self->toast_overlay,
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
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  ImportInput *input;
  guint encoding;
  gboolean dry_run = (flags & XS_IMPORT_DRY_RUN) != 0;

  g_return_if_fail (self->file != NULL);
  g_return_if_fail (self->db != NULL);

  g_cancellable_cancel (self->cancellable);
  _xs_import_dialog_stop_work (self);

  input = g_new0 (ImportInput, 1);
  input->path = g_file_get_path (self->file);
  encoding = gtk_drop_down_get_selected (self->encoding_dropdown);
  input->encoding = encoding == 1 ? g_strdup ("GB18030") : encoding == 2 ? g_strdup ("UTF-8") : NULL;
  input->klass = _xs_import_dialog_training_class_copy (self->klass);
  input->kind = self->kind;
  input->flags = flags;

  self->job = xs_job_new (xs_db_get_data_dir (self->db), run_import,
                          input, (GDestroyNotify) import_input_free);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->job, "notify::fraction", G_CALLBACK (on_progress), self);

  name = g_file_get_basename (self->file);
  if (dry_run)
    title = g_strdup_printf (_("Checking “%s”…"), name);
  else
    title = g_strdup_printf (_("Importing “%s”…"), name);
  gtk_label_set_label (self->progress_title, title);
  _xs_import_dialog_set_step (self, dry_run ? "reading" : "importing");
  update_progress_text (self, 0.0);
  xs_job_run_async (self->job, self->cancellable, on_import_done, g_object_ref (self));
}

/* Save Rejected Rows… */

typedef struct
{
  XsImportReport *report;    /* read only, from here on */
  char           *path;
} RejectedOutput;

static void
rejected_output_free (RejectedOutput *output)
{
  g_clear_object (&output->report);
  g_free (output->path);
  g_free (output);
}

static gboolean
write_rejected (XsJob         *job,
                XsDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  RejectedOutput *output = data;

  return xs_import_report_write_rejected (output->report, output->path, error);
}

static void
on_rejected_written (GObject      *object,
                     GAsyncResult *async_result,
                     gpointer      user_data)
{
  g_autoptr(XsImportDialog) self = user_data;
  XsJob *job = XS_JOB (object);
  RejectedOutput *output = xs_job_get_data (job);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!xs_job_run_finish (job, async_result, &error))
    {
      if (!self->disposed && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xs_report_show_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  name = g_path_get_basename (output->path);
  /* Translators: a file name */
  text = g_strdup_printf (_("Rejected rows saved to “%s”"), name);
  if (!self->disposed)
    xs_report_show_toast (self->toast_overlay, xs_report_saved_toast_new (text, output->path));
}

void
_xs_import_dialog_save_rejected (XsImportDialog *self,
                                 const char     *path)
{
  g_autoptr(XsJob) job = NULL;
  RejectedOutput *output;

  g_return_if_fail (XS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  if (self->report == NULL)
    return;
  output = g_new0 (RejectedOutput, 1);
  output->report = g_object_ref (self->report);
  output->path = g_strdup (path);
  job = xs_job_new (NULL, write_rejected, output, (GDestroyNotify) rejected_output_free);
  xs_job_run_async (job, NULL, on_rejected_written, g_object_ref (self));
}
