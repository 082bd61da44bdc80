/* xs-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every long action runs through one of these: the worker opens its own
 * connection (SQLite connections are not shared between threads), reports
 * progress that the main context sees as property notifications, and stops
 * when its GCancellable is cancelled.
 */
#define G_LOG_DOMAIN "xs-job"

#include "config.h"

#include "xs-job.h"

struct _XsJob
{
  GObject          parent_instance;

  char            *data_dir;
  XsJobFunc        func;
  gpointer         data;
  GDestroyNotify   data_free;
  gpointer         result;
  GDestroyNotify   result_free;
  gboolean         started;

  GMainContext    *context;         /* where progress is notified */
  GMutex           mutex;           /* guards the three below */
  double           fraction;
  char            *text;
  gboolean         notify_pending;
};

G_DEFINE_FINAL_TYPE (XsJob, xs_job, G_TYPE_OBJECT)

/* The jobs whose worker has not ended yet, so that the process does not
 * exit under one: libraries free their caches at exit (HarfBuzz its
 * languages) while a worker may still be drawing with them. */
static GMutex running_mutex;
static GCond running_cond;
static guint n_running;

enum
{
  PROP_0,
  PROP_DATA_DIR,
  PROP_FRACTION,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_job_finalize (GObject *object)
{
  XsJob *self = XS_JOB (object);

  if (self->result_free != NULL)
    g_clear_pointer (&self->result, self->result_free);
  if (self->data_free != NULL)
    g_clear_pointer (&self->data, self->data_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->data_dir);
  g_free (self->text);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (xs_job_parent_class)->finalize (object);
}

static void
xs_job_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  XsJob *self = XS_JOB (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, xs_job_get_fraction (self));
      break;
    case PROP_TEXT:
      g_value_take_string (value, xs_job_dup_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_job_class_init (XsJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_job_finalize;
  object_class->get_property = xs_job_get_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_job_init (XsJob *self)
{
  g_mutex_init (&self->mutex);
}

XsJob *
xs_job_new (const char     *data_dir,
            XsJobFunc       func,
            gpointer        data,
            GDestroyNotify  data_free)
{
  XsJob *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (XS_TYPE_JOB, NULL);
  self->data_dir = g_strdup (data_dir);
  self->func = func;
  self->data = data;
  self->data_free = data_free;
  return self;
}

const char *
xs_job_get_data_dir (XsJob *self)
{
  g_return_val_if_fail (XS_IS_JOB (self), NULL);

  return self->data_dir;
}

gpointer
xs_job_get_data (XsJob *self)
{
  g_return_val_if_fail (XS_IS_JOB (self), NULL);

  return self->data;
}

/* Progress */

static gboolean
notify_progress (gpointer user_data)
{
  XsJob *self = user_data;

  g_mutex_lock (&self->mutex);
  self->notify_pending = FALSE;
  g_mutex_unlock (&self->mutex);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  return G_SOURCE_REMOVE;
}

void
xs_job_set_progress (XsJob      *self,
                     double      fraction,
                     const char *text)
{
  gboolean schedule;

  g_return_if_fail (XS_IS_JOB (self));

  g_mutex_lock (&self->mutex);
  self->fraction = CLAMP (fraction, 0.0, 1.0);
  if (text != NULL && g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_strdup (text);
    }
  /* A worker may report thousands of times a second: one notification at
   * a time is queued, and it reads the latest values. */
  schedule = !self->notify_pending;
  self->notify_pending = TRUE;
  g_mutex_unlock (&self->mutex);

  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, notify_progress, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[xueshi] job progress");
      g_source_attach (source, self->context);
    }
}

void
xs_job_progress_func (double   fraction,
                      gpointer job)
{
  xs_job_set_progress (XS_JOB (job), fraction, NULL);
}

double
xs_job_get_fraction (XsJob *self)
{
  double fraction;

  g_return_val_if_fail (XS_IS_JOB (self), 0.0);

  g_mutex_lock (&self->mutex);
  fraction = self->fraction;
  g_mutex_unlock (&self->mutex);
  return fraction;
}

char *
xs_job_dup_text (XsJob *self)
{
  char *text;

  g_return_val_if_fail (XS_IS_JOB (self), NULL);

  g_mutex_lock (&self->mutex);
  text = g_strdup (self->text);
  g_mutex_unlock (&self->mutex);
  return text;
}

/* Result */

void
xs_job_set_result (XsJob          *self,
                   gpointer        result,
                   GDestroyNotify  result_free)
{
  g_return_if_fail (XS_IS_JOB (self));

  if (self->result_free != NULL)
    g_clear_pointer (&self->result, self->result_free);
  self->result = result;
  self->result_free = result_free;
}

gpointer
xs_job_get_result (XsJob *self)
{
  g_return_val_if_fail (XS_IS_JOB (self), NULL);

  return self->result;
}

gpointer
xs_job_steal_result (XsJob *self)
{
  g_return_val_if_fail (XS_IS_JOB (self), NULL);

  self->result_free = NULL;
  return g_steal_pointer (&self->result);
}

/* Running */

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  XsJob *self = XS_JOB (source_object);
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (self->data_dir != NULL && (db = xs_db_open (self->data_dir, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!self->func (self, db, self->data, cancellable, &error))
    {
      if (self->result_free != NULL)
        g_clear_pointer (&self->result, self->result_free);
      if (error == NULL)
        g_critical ("A job failed without saying why");
      g_task_return_error (task, error ? g_steal_pointer (&error)
                                       : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "failed"));
    }
  else
    g_task_return_boolean (task, TRUE);

  g_clear_object (&db);
  g_mutex_lock (&running_mutex);
  if (--n_running == 0)
    g_cond_broadcast (&running_cond);
  g_mutex_unlock (&running_mutex);
}

gboolean
xs_job_wait_all (guint timeout_ms)
{
  gint64 end_time = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  gboolean done;

  g_mutex_lock (&running_mutex);
  while (n_running > 0 && g_cond_wait_until (&running_cond, &running_mutex, end_time))
    ;
  done = n_running == 0;
  g_mutex_unlock (&running_mutex);
  return done;
}

void
xs_job_run_async (XsJob               *self,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XS_IS_JOB (self));
  g_return_if_fail (!self->started);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  self->started = TRUE;
  self->context = g_main_context_ref_thread_default ();
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_job_run_async);
  g_task_set_name (task, "[xueshi] job");
  g_mutex_lock (&running_mutex);
  n_running++;
  g_mutex_unlock (&running_mutex);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
xs_job_run_finish (XsJob         *self,
                   GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (XS_IS_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xs_job_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_done_for_task (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  XsJob *self = XS_JOB (object);
  g_autoptr(GTask) task = user_data;
  GDestroyNotify result_free = self->result_free;
  GError *error = NULL;

  if (!xs_job_run_finish (self, result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, xs_job_steal_result (self), result_free);
}

void
xs_job_run_for_task (XsJob *self,
                     GTask *task)
{
  g_return_if_fail (XS_IS_JOB (self));
  g_return_if_fail (G_IS_TASK (task));

  xs_job_run_async (self, g_task_get_cancellable (task), on_done_for_task, g_object_ref (task));
}
