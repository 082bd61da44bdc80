/* xs-import-run.c: reading, previewing and importing one spreadsheet
 *
 * The preview is a dry run of the very import that xs_import_run_commit()
 * runs for real; both run as a job that gets only plain data, with the
 * run's own cancellable (cancelling rolls the import back). What happens
 * shows in the properties (step, fraction, report, rows, error) and the
 * ::imported and ::cancelled signals; the run knows nothing of who shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-run"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-hours-import.h"
#include "xs-import-row-item.h"
#include "xs-import-run.h"
#include "xs-job.h"
#include "xs-roster-import.h"
#include "xs-table-reader.h"

struct _XsImportRun
{
  GObject          parent_instance;

  XsDb            *db;
  XsImportKind     kind;
  XsTrainingClass *klass;         /* owned copy, or NULL */
  GFile           *file;
  char            *encoding;      /* of the file last read; NULL: detect */
  XsImportReport  *report;        /* of the last dry run */
  GListStore      *rows;          /* XsImportRowItem, rejected first */
  GError          *error;
  GCancellable    *cancellable;   /* of the running job */
  XsJob           *job;           /* the running one */
  const char      *step;
};

G_DEFINE_FINAL_TYPE (XsImportRun, xs_import_run, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DB,
  PROP_STEP,
  PROP_BUSY,
  PROP_FRACTION,
  PROP_FILE,
  PROP_REPORT,
  PROP_ROWS,
  PROP_ERROR,
  N_PROPS
};

enum {
  IMPORTED,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

/* Rejected rows first, one item for the rows that share a reason. */
static GPtrArray *
make_items (XsImportReport *report)
{
  GPtrArray *rows = xs_import_report_get_rows (report);
  GPtrArray *items = g_ptr_array_new_full (rows->len, g_object_unref);
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

      g_ptr_array_add (items, xs_import_row_item_new_rejected ((XsImportRow * const *) group->pdata, group->len));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const XsImportRow *row = g_ptr_array_index (rows, i);

      if (row->outcome != XS_ROW_REJECTED)
        g_ptr_array_add (items, xs_import_row_item_new (row));
    }
  return items;
}

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

  if (input->kind == XS_IMPORT_ROSTER)
    report = xs_roster_import (db, input->path, input->encoding, input->flags, cancellable,
                               xs_job_progress_func, job, error);
  else
    report = xs_hours_import (db, input->path, input->encoding, input->klass, input->flags, cancellable,
                              xs_job_progress_func, job, error);
  if (report == NULL)
    return FALSE;

  result = g_new0 (ImportResult, 1);
  /* The list items are made here too: a big file has many rows. */
  result->items = make_items (report);
  result->report = g_steal_pointer (&report);
  xs_job_set_result (job, result, (GDestroyNotify) import_result_free);
  return TRUE;
}

/* Steps */

static void
set_step (XsImportRun *self,
          const char  *step)
{
  gboolean was_busy = xs_import_run_get_busy (self);

  if (g_strcmp0 (self->step, step) == 0)
    return;
  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  if (was_busy != xs_import_run_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_error (XsImportRun  *self,
           const GError *error)
{
  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  set_step (self, "error");
}

static void
set_preview (XsImportRun    *self,
             XsImportReport *report,
             GPtrArray      *items)
{
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  g_set_object (&self->report, report);
  g_list_store_splice (self->rows, 0, n_before, items->pdata, items->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

static void
on_fraction (XsJob       *job,
             GParamSpec  *pspec,
             XsImportRun *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

/* Forgets the running work: its job and its cancellable. */
static void
stop_work (XsImportRun *self)
{
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_func (self->job, on_fraction, self);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
}

static void
on_import_done (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  g_autoptr(XsImportRun) self = user_data;
  XsJob *job = XS_JOB (object);
  gboolean dry_run = (((ImportInput *) xs_job_get_data (job))->flags & XS_IMPORT_DRY_RUN) != 0;
  g_autoptr(GError) error = NULL;
  ImportResult *result = NULL;

  if (xs_job_run_finish (job, async_result, &error))
    result = xs_job_steal_result (job);
  if (job != self->job)
    {
      /* replaced by later work, or the run was disposed */
      g_clear_pointer (&result, import_result_free);
      return;
    }
  stop_work (self);

  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_step (self, dry_run ? "choose" : "preview");
          g_signal_emit (self, signals[CANCELLED], 0, dry_run);
        }
      else
        set_error (self, error);
      return;
    }

  if (dry_run || !xs_import_report_get_committed (result->report))
    {
      /* A real import that wrote nothing found other rows than the preview
       * did (the file changed): show them. */
      set_preview (self, result->report, result->items);
      set_step (self, "preview");
    }
  else
    {
      set_step (self, "done");
      g_signal_emit (self, signals[IMPORTED], 0, result->report);
    }
  import_result_free (result);
}

static void
start (XsImportRun   *self,
       XsImportFlags  flags)
{
  ImportInput *input;

  g_cancellable_cancel (self->cancellable);
  stop_work (self);

  input = g_new0 (ImportInput, 1);
  input->path = g_file_get_path (self->file);
  input->encoding = g_strdup (self->encoding);
  input->klass = training_class_copy (self->klass);
  input->kind = self->kind;
  input->flags = flags;

  self->job = xs_job_new (xs_db_get_data_dir (self->db), run_import,
                          input, (GDestroyNotify) import_input_free);
  self->cancellable = g_cancellable_new ();
  g_signal_connect (self->job, "notify::fraction", G_CALLBACK (on_fraction), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  set_step (self, (flags & XS_IMPORT_DRY_RUN) != 0 ? "reading" : "importing");
  xs_job_run_async (self->job, self->cancellable, on_import_done, g_object_ref (self));
}

/* Public */

XsImportRun *
xs_import_run_new (XsDb                  *db,
                   XsImportKind           kind,
                   const XsTrainingClass *klass)
{
  XsImportRun *self;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (kind == XS_IMPORT_ROSTER || kind == XS_IMPORT_HOURS, NULL);
  g_return_val_if_fail (klass == NULL || kind == XS_IMPORT_HOURS, NULL);

  self = g_object_new (XS_TYPE_IMPORT_RUN, "db", db, NULL);
  self->kind = kind;
  self->klass = training_class_copy (klass);
  return self;
}

XsImportKind
xs_import_run_get_kind (XsImportRun *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), XS_IMPORT_ROSTER);
  return self->kind;
}

void
xs_import_run_read (XsImportRun   *self,
                    GFile         *file,
                    const char    *encoding,
                    XsImportFlags  flags)
{
  g_return_if_fail (XS_IS_IMPORT_RUN (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!g_file_is_native (file))
    {
      g_autoptr(GError) error = g_error_new (XS_TABLE_ERROR, XS_TABLE_ERROR_OPEN,
                                             _("This file is not on this computer; copy it to a folder here first."));

      g_cancellable_cancel (self->cancellable);
      stop_work (self);
      set_error (self, error);
      return;
    }

  if (self->file != file)
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  if (encoding != self->encoding)
    {
      g_free (self->encoding);
      self->encoding = g_strdup (encoding);
    }
  if (self->report != NULL)
    {
      g_clear_object (&self->report);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
    }
  g_list_store_remove_all (self->rows);
  start (self, XS_IMPORT_DRY_RUN | flags);
}

void
xs_import_run_commit (XsImportRun   *self,
                      XsImportFlags  flags)
{
  g_return_if_fail (XS_IS_IMPORT_RUN (self));
  g_return_if_fail (self->file != NULL);
  g_return_if_fail ((flags & XS_IMPORT_DRY_RUN) == 0);

  start (self, flags);
}

gboolean
xs_import_run_cancel (XsImportRun *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), FALSE);

  if (self->cancellable == NULL)
    return FALSE;
  g_cancellable_cancel (self->cancellable);
  return TRUE;
}

const char *
xs_import_run_get_step (XsImportRun *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), NULL);
  return self->step;
}

gboolean
xs_import_run_get_busy (XsImportRun *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), FALSE);
  return g_strcmp0 (self->step, "reading") == 0 || g_strcmp0 (self->step, "importing") == 0;
}

double
xs_import_run_get_fraction (XsImportRun *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), 0.0);
  return self->job != NULL ? xs_job_get_fraction (self->job) : 0.0;
}

GFile *
xs_import_run_get_file (XsImportRun *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), NULL);
  return self->file;
}

XsImportReport *
xs_import_run_get_report (XsImportRun *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), NULL);
  return self->report;
}

GListModel *
xs_import_run_get_rows (XsImportRun *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), NULL);
  return G_LIST_MODEL (self->rows);
}

const GError *
xs_import_run_get_error (XsImportRun *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), NULL);
  return self->error;
}

/* Save Rejected Rows */

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

  if (!xs_import_report_write_rejected (output->report, output->path, error))
    return FALSE;
  xs_job_set_result (job, g_strdup (output->path), g_free);
  return TRUE;
}

void
xs_import_run_save_rejected_async (XsImportRun         *self,
                                   const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(XsJob) job = NULL;
  RejectedOutput *output;

  g_return_if_fail (XS_IS_IMPORT_RUN (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_import_run_save_rejected_async);
  if (self->report == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("No file has been read yet."));
      return;
    }
  output = g_new0 (RejectedOutput, 1);
  output->report = g_object_ref (self->report);
  output->path = g_strdup (path);
  job = xs_job_new (NULL, write_rejected, output, (GDestroyNotify) rejected_output_free);
  xs_job_run_for_task (job, task);
}

char *
xs_import_run_save_rejected_finish (XsImportRun   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (XS_IS_IMPORT_RUN (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GObject */

static void
xs_import_run_dispose (GObject *object)
{
  XsImportRun *self = XS_IMPORT_RUN (object);

  /* a running import rolls back */
  g_cancellable_cancel (self->cancellable);
  stop_work (self);

  G_OBJECT_CLASS (xs_import_run_parent_class)->dispose (object);
}

static void
xs_import_run_finalize (GObject *object)
{
  XsImportRun *self = XS_IMPORT_RUN (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->klass, xs_training_class_free);
  g_clear_object (&self->file);
  g_free (self->encoding);
  g_clear_object (&self->report);
  g_clear_object (&self->rows);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (xs_import_run_parent_class)->finalize (object);
}

static void
xs_import_run_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XsImportRun *self = XS_IMPORT_RUN (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_STEP:
      g_value_set_string (value, self->step);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, xs_import_run_get_busy (self));
      break;
    case PROP_FRACTION:
      g_value_set_double (value, xs_import_run_get_fraction (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_ROWS:
      g_value_set_object (value, self->rows);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_import_run_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DB:
      g_set_object (&XS_IMPORT_RUN (object)->db, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_import_run_class_init (XsImportRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xs_import_run_dispose;
  object_class->finalize = xs_import_run_finalize;
  object_class->get_property = xs_import_run_get_property;
  object_class->set_property = xs_import_run_set_property;

  /* the database the rows go into (the job opens its own connection to the
   * same folder) */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, "choose",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, XS_TYPE_IMPORT_REPORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROWS] =
    g_param_spec_object ("rows", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsImportRun::imported:
   * @report: what was written
   *
   * Emitted once the rows are in the database.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, XS_TYPE_IMPORT_REPORT);
  /**
   * XsImportRun::cancelled:
   * @reading: TRUE when the preview was cancelled, FALSE the import
   *
   * Emitted after the step went back ("choose" or "preview"): nothing was
   * written.
   */
  signals[CANCELLED] =
    g_signal_new ("cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
xs_import_run_init (XsImportRun *self)
{
  self->rows = g_list_store_new (XS_TYPE_IMPORT_ROW_ITEM);
  self->step = "choose";
}
