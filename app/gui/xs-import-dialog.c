/* xs-import-dialog.c
 *
 * Step 1 chooses a file; step 2 reads it in a worker (a dry run of the very
 * import that step 4 runs for real); step 3 previews what would happen, row
 * by row, rejected rows first; step 4 imports, then the window says what was
 * done in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-hours-import.h"
#include "xs-import-dialog.h"
#include "xs-import-row-item.h"
#include "xs-roster-import.h"
#include "xs-table-reader.h"

/* How often the progress bar looks at the worker's progress. */
#define PROGRESS_POLL_MS 100
/* Progress is passed from the worker as an integer in 0 … PROGRESS_SCALE. */
#define PROGRESS_SCALE 10000

struct _XsImportDialog
{
  AdwWindow           parent_instance;

  XsWindow           *window;        /* weak */
  XsImportKind        kind;
  XsTrainingClass    *klass;         /* owned copy, or NULL */
  GFile              *file;
  XsImportReport     *report;        /* of the last dry run */
  GListStore         *rows;          /* XsImportRowItem, rejected first */
  GtkCustomFilter    *filter;
  GCancellable       *cancellable;
  struct ImportJob   *job;           /* the running one, for progress */
  guint               progress_poll;
  const char         *step;
  gboolean            disposed;

  /* template children */
  AdwWindowTitle     *window_title;
  GtkWidget          *import_button;
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwStatusPage      *choose_page;
  GtkDropDown        *encoding_dropdown;
  GtkLabel           *progress_title;
  GtkProgressBar     *progress_bar;
  GtkLabel           *counts_label;
  GtkLabel           *file_label;
  GtkToggleButton    *rejected_only_button;
  GtkColumnView      *column_view;
  GtkWidget          *rejected_box;
  GtkLabel           *rejected_label;
  GtkCheckButton     *skip_check;
  AdwStatusPage      *error_page;
};

G_DEFINE_FINAL_TYPE (XsImportDialog, xs_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static XsTrainingClass *
training_class_copy (const XsTrainingClass *klass)
{
  XsTrainingClass *copy;

  if (klass == NULL)
    return NULL;
  copy = xs_training_class_new ();
  *copy = *klass;
  copy->code = g_strdup (klass->code);
  copy->name = g_strdup (klass->name);
  return copy;
}

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

/* Steps */

static void
set_step (XsImportDialog *self,
          const char     *step)
{
  gboolean busy = g_str_equal (step, "reading") || g_str_equal (step, "importing");
  const char *page = busy ? "progress" : step;

  self->step = step;
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->import_button, g_str_equal (step, "preview"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !busy);
  if (!g_str_equal (step, "preview"))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", FALSE);
}

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

static void
stop_work (XsImportDialog *self)
{
  g_clear_handle_id (&self->progress_poll, g_source_remove);
  g_clear_pointer (&self->job, import_job_unref);
  g_clear_object (&self->cancellable);
}

static void
show_file_error (XsImportDialog *self,
                 const GError   *error)
{
  g_autofree char *description = NULL;

  if (g_error_matches (error, XS_TABLE_ERROR, XS_TABLE_ERROR_ENCODING))
    description = g_strdup_printf ("%s\n\n%s", error->message,
                                   _("Choose the file’s encoding under “CSV Encoding” and choose the file again."));
  else
    description = g_strdup (error->message);
  adw_status_page_set_description (self->error_page, description);
  set_step (self, "error");
}

static char *
join_counts (XsImportReport *report,
             gboolean        preview)
{
  guint added = xs_import_report_get_count (report, XS_ROW_ADDED);
  guint updated = xs_import_report_get_count (report, XS_ROW_UPDATED);
  guint unchanged = xs_import_report_get_count (report, XS_ROW_UNCHANGED);
  guint rejected = xs_import_report_get_count (report, XS_ROW_REJECTED);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  if (added > 0 || (preview && updated == 0 && unchanged == 0 && rejected == 0))
    g_ptr_array_add (parts, g_strdup_printf (preview
                                             ? g_dngettext (GETTEXT_PACKAGE, "%u to add", "%u to add", added)
                                             : g_dngettext (GETTEXT_PACKAGE, "%u added", "%u added", added),
                                             added));
  if (updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (preview
                                             ? g_dngettext (GETTEXT_PACKAGE, "%u to update", "%u to update", updated)
                                             : g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", updated),
                                             updated));
  if (unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", unchanged),
                                             unchanged));
  if (rejected > 0)
    g_ptr_array_add (parts, g_strdup_printf (preview
                                             ? g_dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected", rejected)
                                             : g_dngettext (GETTEXT_PACKAGE, "%u rejected row skipped", "%u rejected rows skipped", rejected),
                                             rejected));

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (out, _(", "));
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (out, FALSE);
}

static void
update_commit_enabled (XsImportDialog *self)
{
  guint rejected, writable;
  gboolean enabled;

  if (self->report == NULL || !g_str_equal (self->step, "preview"))
    return;

  rejected = xs_import_report_get_count (self->report, XS_ROW_REJECTED);
  writable = xs_import_report_get_count (self->report, XS_ROW_ADDED)
             + xs_import_report_get_count (self->report, XS_ROW_UPDATED);
  enabled = writable > 0 && (rejected == 0 || gtk_check_button_get_active (self->skip_check));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", enabled);
}

static void
show_preview (XsImportDialog *self,
              ImportResult   *result)
{
  g_autofree char *counts = NULL;
  g_autofree char *file_text = NULL;
  guint rejected, writable;
  const char *encoding;

  g_set_object (&self->report, result->report);
  g_list_store_remove_all (self->rows);
  g_list_store_splice (self->rows, 0, 0, result->items->pdata, result->items->len);

  rejected = xs_import_report_get_count (self->report, XS_ROW_REJECTED);
  writable = xs_import_report_get_count (self->report, XS_ROW_ADDED)
             + xs_import_report_get_count (self->report, XS_ROW_UPDATED);

  if (result->items->len == 0)
    counts = g_strdup (_("The file has a header row but no data rows."));
  else
    counts = join_counts (self->report, TRUE);
  gtk_label_set_label (self->counts_label, counts);

  encoding = xs_import_report_get_encoding (self->report);
  if (g_strcmp0 (encoding, "XLSX") == 0 || encoding == NULL)
    file_text = g_strdup (xs_import_report_get_file_name (self->report));
  else
    /* Translators: a file name, then its encoding, e.g. GB18030 */
    file_text = g_strdup_printf (_("%s (CSV, %s)"), xs_import_report_get_file_name (self->report), encoding);
  gtk_label_set_label (self->file_label, file_text);

  gtk_widget_set_sensitive (GTK_WIDGET (self->rejected_only_button), rejected > 0);
  if (rejected == 0)
    gtk_toggle_button_set_active (self->rejected_only_button, FALSE);
  gtk_check_button_set_active (self->skip_check, FALSE);
  gtk_widget_set_visible (self->rejected_box, rejected > 0 || (writable == 0 && result->items->len > 0));
  gtk_widget_set_visible (GTK_WIDGET (self->skip_check), rejected > 0 && writable > 0);
  if (rejected > 0 && writable > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u row has a problem, listed first. Correct it in the file and choose the file again, or import only the valid rows.",
                                      "%u rows have problems, listed first. Correct them in the file and choose the file again, or import only the valid rows.",
                                      rejected),
                         rejected);
      gtk_label_set_label (self->rejected_label, text);
    }
  else if (rejected > 0)
    gtk_label_set_label (self->rejected_label,
                         _("No row of this file can be imported. Correct the rows in the file and choose it again."));
  else
    gtk_label_set_label (self->rejected_label,
                         _("Nothing to import: everything in this file is already recorded."));

  set_step (self, "preview");
  update_commit_enabled (self);
}

static void run_import (XsImportDialog *self,
                        XsImportFlags   flags);

static void
on_import_done (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (object);
  gboolean dry_run = GPOINTER_TO_INT (user_data);
  g_autoptr(GError) error = NULL;
  ImportResult *result;
  g_autofree char *counts = NULL;
  g_autofree char *toast = NULL;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (self->disposed)
    {
      g_clear_pointer (&result, import_result_free);
      return;
    }
  stop_work (self);

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (dry_run)
            {
              set_step (self, "choose");
              adw_toast_overlay_add_toast (self->toast_overlay,
                                           adw_toast_new (_("Reading cancelled; nothing was imported.")));
            }
          else
            {
              set_step (self, "preview");
              update_commit_enabled (self);
              adw_toast_overlay_add_toast (self->toast_overlay,
                                           adw_toast_new (_("Import cancelled; nothing was written.")));
            }
          return;
        }
      show_file_error (self, error);
      return;
    }

  if (dry_run || !xs_import_report_get_committed (result->report))
    {
      /* A real import that wrote nothing found other rows than the preview
       * did (the file changed): show them. */
      show_preview (self, result);
      import_result_free (result);
      return;
    }

  counts = join_counts (result->report, FALSE);
  /* Translators: a file name, then what was done, e.g. “32 added, 5 updated” */
  toast = g_strdup_printf (_("%s imported: %s"), xs_import_report_get_file_name (result->report), counts);
  g_signal_emit (self, signals[IMPORTED], 0, result->report);
  if (self->window != NULL)
    {
      xs_window_reload (self->window);
      xs_window_show_toast (self->window, toast);
    }
  import_result_free (result);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run_import (XsImportDialog *self,
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
  stop_work (self);

  job = g_new0 (ImportJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->data_dir = g_strdup (xs_db_get_data_dir (xs_window_get_db (self->window)));
  job->path = g_file_get_path (self->file);
  encoding = gtk_drop_down_get_selected (self->encoding_dropdown);
  job->encoding = encoding == 1 ? g_strdup ("GB18030") : encoding == 2 ? g_strdup ("UTF-8") : NULL;
  job->klass = training_class_copy (self->klass);
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
  set_step (self, dry_run ? "reading" : "importing");
  update_progress_text (self, 0.0);
  self->progress_poll = g_timeout_add (PROGRESS_POLL_MS, poll_progress, self);

  task = g_task_new (self, self->cancellable, on_import_done, GINT_TO_POINTER (dry_run));
  g_task_set_source_tag (task, run_import);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_unref);
  g_task_run_in_thread (task, import_thread);
}

/* Public */

XsImportDialog *
xs_import_dialog_new (XsWindow              *window,
                      XsImportKind           kind,
                      const XsTrainingClass *klass)
{
  XsImportDialog *self;

  g_return_val_if_fail (XS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (kind == XS_IMPORT_ROSTER || kind == XS_IMPORT_HOURS, NULL);
  g_return_val_if_fail (klass == NULL || kind == XS_IMPORT_HOURS, NULL);

  self = g_object_new (XS_TYPE_IMPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  g_set_weak_pointer (&self->window, window);
  self->kind = kind;
  self->klass = training_class_copy (klass);

  if (kind == XS_IMPORT_ROSTER)
    {
      adw_window_title_set_title (self->window_title, _("Import Roster"));
      adw_status_page_set_title (self->choose_page, _("Choose the Roster"));
      adw_status_page_set_description (self->choose_page,
                                       _("An Excel (.xlsx) or CSV file whose first row names the columns: "
                                         "姓名, 身份证号 and 工作单位; 性别, 职称, 专业, 县区 and 手机号 may follow. "
                                         "People already on the roster are updated."));
    }
  else
    {
      g_autofree char *description = NULL;

      adw_window_title_set_title (self->window_title, _("Import Hours Sheet"));
      adw_status_page_set_title (self->choose_page, _("Choose the Hours Sheet"));
      if (klass != NULL)
        {
          adw_window_title_set_subtitle (self->window_title, klass->name);
          description = g_strdup_printf (_("An Excel (.xlsx) or CSV file with the columns 身份证号 and 姓名 "
                                           "of the trainees of “%s”: the class gives the year, subject, "
                                           "hours and date. The base submits these hours itself "
                                           "(基地统一申报): they need no evidence and cannot be changed afterwards."),
                                         klass->name);
        }
      else
        description = g_strdup (_("An Excel (.xlsx) or CSV file with the columns 身份证号, 姓名, 年度, 科目类别, "
                                  "学时, 项目名称 and 日期. The base submits these hours itself "
                                  "(基地统一申报): they need no evidence and cannot be changed afterwards."));
      adw_status_page_set_description (self->choose_page, description);
    }

  return self;
}

void
xs_import_dialog_load_file (XsImportDialog *self,
                            GFile          *file)
{
  g_return_if_fail (XS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!g_file_is_native (file))
    {
      g_autoptr(GError) error = g_error_new (XS_TABLE_ERROR, XS_TABLE_ERROR_OPEN,
                                             _("This file is not on this computer; copy it to a folder here first."));
      show_file_error (self, error);
      return;
    }

  g_set_object (&self->file, file);
  g_clear_object (&self->report);
  g_list_store_remove_all (self->rows);
  run_import (self, XS_IMPORT_DRY_RUN);
}

const char *
xs_import_dialog_get_step (XsImportDialog *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_DIALOG (self), NULL);
  return self->step;
}

XsImportReport *
xs_import_dialog_get_report (XsImportDialog *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_DIALOG (self), NULL);
  return self->report;
}

/* Actions */

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsImportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && !self->disposed)
    xs_import_dialog_load_file (self, file);
}
#else
static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     XsImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT && !self->disposed)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        xs_import_dialog_load_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}
#endif

static GListModel *
make_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (sheets, _("Spreadsheets (*.xlsx, *.csv)"));
  gtk_file_filter_add_suffix (sheets, "xlsx");
  gtk_file_filter_add_suffix (sheets, "csv");
  gtk_file_filter_add_mime_type (sheets, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (sheets, "text/csv");
  g_list_store_append (filters, sheets);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, all);
  return G_LIST_MODEL (filters);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (widget);
  g_autoptr(GListModel) filters = make_filters ();
  const char *title = self->kind == XS_IMPORT_ROSTER ? _("Choose the Roster") : _("Choose the Hours Sheet");

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_file_chosen, g_object_ref (self));
#else
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
#endif
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (widget);
  XsImportFlags flags = XS_IMPORT_DEFAULT;

  if (self->report == NULL)
    return;
  if (xs_import_report_get_count (self->report, XS_ROW_REJECTED) > 0)
    {
      if (!gtk_check_button_get_active (self->skip_check))
        return;
      flags |= XS_IMPORT_SKIP_INVALID;
    }
  run_import (self, flags);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Preview list */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  XsImportDialog *self = user_data;

  return !gtk_toggle_button_get_active (self->rejected_only_button)
         || xs_import_row_item_get_outcome (item) == XS_ROW_REJECTED;
}

static void
on_rejected_only_toggled (XsImportDialog  *self,
                          GtkToggleButton *button)
{
  gtk_filter_changed (GTK_FILTER (self->filter),
                      gtk_toggle_button_get_active (button) ? GTK_FILTER_CHANGE_MORE_STRICT
                                                            : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_skip_toggled (XsImportDialog *self,
                 GtkCheckButton *button)
{
  update_commit_enabled (self);
}

static void
set_error_style (GtkWidget       *widget,
                 XsImportRowItem *item)
{
  if (xs_import_row_item_get_outcome (item) == XS_ROW_REJECTED)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
setup_row_number (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_width_chars (GTK_LABEL (label), 5);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_row_number (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  XsImportRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  char text[16];

  g_snprintf (text, sizeof text, "%u", xs_import_row_item_get_row (item));
  gtk_label_set_label (GTK_LABEL (label), text);
  set_error_style (label, item);
}

static void
setup_outcome (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_box_append (GTK_BOX (box), gtk_image_new ());
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_outcome (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  XsImportRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), xs_import_row_item_get_icon_name (item));
  gtk_label_set_label (GTK_LABEL (label), xs_import_row_item_get_outcome_label (item));
  set_error_style (box, item);
}

static void
setup_summary (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_summary (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  XsImportRowItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_label (GTK_LABEL (label), xs_import_row_item_get_summary (item));
  set_error_style (label, item);
}

/* Drag and drop */

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         XsImportDialog *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST)
      || g_str_equal (self->step, "reading") || g_str_equal (self->step, "importing"))
    return FALSE;
  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;
  xs_import_dialog_load_file (self, files->data);
  return TRUE;
}

/* GObject */

static gboolean
xs_import_dialog_close_request (GtkWindow *window)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (window);

  /* Closing stops the work; the import's transaction rolls back. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (GTK_WINDOW_CLASS (xs_import_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (xs_import_dialog_parent_class)->close_request (window);
  return FALSE;
}

static void
xs_import_dialog_dispose (GObject *object)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_work (self);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->report);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (xs_import_dialog_parent_class)->dispose (object);
}

static void
xs_import_dialog_finalize (GObject *object)
{
  XsImportDialog *self = XS_IMPORT_DIALOG (object);

  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->klass, xs_training_class_free);

  G_OBJECT_CLASS (xs_import_dialog_parent_class)->finalize (object);
}

static void
xs_import_dialog_class_init (XsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xs_import_dialog_dispose;
  object_class->finalize = xs_import_dialog_finalize;
  window_class->close_request = xs_import_dialog_close_request;

  /**
   * XsImportDialog::imported:
   * @report: what was written
   *
   * Emitted once the rows are in the database, before the dialog closes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, XS_TYPE_IMPORT_REPORT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, choose_page);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, encoding_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, rejected_only_button);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, rejected_box);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, rejected_label);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, skip_check);
  gtk_widget_class_bind_template_child (widget_class, XsImportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_rejected_only_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_skip_toggled);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_number);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_number);
  gtk_widget_class_bind_template_callback (widget_class, setup_outcome);
  gtk_widget_class_bind_template_callback (widget_class, bind_outcome);
  gtk_widget_class_bind_template_callback (widget_class, setup_summary);
  gtk_widget_class_bind_template_callback (widget_class, bind_summary);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "import.choose-file", NULL);
}

static void
xs_import_dialog_init (XsImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkFilterListModel *filtered;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (XS_TYPE_IMPORT_ROW_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (filtered));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  set_step (self, "choose");
}
