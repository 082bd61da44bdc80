/* xs-job-runner.c: a window's long actions, from the file asked for to the
 * worker's end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window, its base tasks and its package exchange run their workers
 * through one runner: one busy state for the window's bar, one way a
 * failure is said.
 */
#define G_LOG_DOMAIN "xs-job-runner"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-job-runner.h"
#include "xs-output.h"
#include "xs-report.h"

struct _XsJobRunner
{
  GObject        parent_instance;

  GWeakRef       parent;
  GCancellable  *cancellable;
  guint          n_running;
};

G_DEFINE_FINAL_TYPE (XsJobRunner, xs_job_runner, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PARENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* win.show-toast on the parent, if it is still there. */
static void
toast (XsJobRunner *self,
       const char  *text)
{
  g_autoptr(GtkWidget) parent = g_weak_ref_get (&self->parent);

  if (parent != NULL)
    xs_report_toast (parent, text);
}

static GtkWindow *
parent_window (GtkWidget *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_running (XsJobRunner *self,
             gboolean     more)
{
  gboolean was_busy = self->n_running > 0;

  if (more)
    self->n_running++;
  else
    self->n_running--;
  if (was_busy != (self->n_running > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  XsJobRunner     *self;        /* owned */
  GObject         *owner;       /* owned */
  char            *action;
  char            *failure_heading;
  XsJobRunnerDone  done;
} Running;

static void
running_free (Running *running)
{
  g_object_unref (running->self);
  g_object_unref (running->owner);
  g_free (running->action);
  g_free (running->failure_heading);
  g_free (running);
}

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Running *running = user_data;
  XsJobRunner *self = running->self;
  g_autoptr(GtkWidget) parent = g_weak_ref_get (&self->parent);
  g_autoptr(GError) error = NULL;

  if (parent != NULL && running->action != NULL)
    gtk_widget_action_set_enabled (parent, running->action, TRUE);
  set_running (self, FALSE);
  if (xs_job_run_finish (XS_JOB (object), result, &error))
    running->done (running->owner, XS_JOB (object));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (running->failure_heading != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent_window (parent), running->failure_heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    toast (self, error->message);
  running_free (running);
}

void
xs_job_runner_run (XsJobRunner     *self,
                   XsJob           *job,
                   const char      *action,
                   const char      *failure_heading,
                   XsJobRunnerDone  done,
                   gpointer         owner)
{
  g_autoptr(GtkWidget) parent = NULL;
  Running *running;

  g_return_if_fail (XS_IS_JOB_RUNNER (self));
  g_return_if_fail (XS_IS_JOB (job));
  g_return_if_fail (done != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  running = g_new0 (Running, 1);
  running->self = g_object_ref (self);
  running->owner = g_object_ref (owner);
  running->action = g_strdup (action);
  running->failure_heading = g_strdup (failure_heading);
  running->done = done;

  parent = g_weak_ref_get (&self->parent);
  if (parent != NULL && action != NULL)
    gtk_widget_action_set_enabled (parent, action, FALSE);
  set_running (self, TRUE);
  xs_job_run_async (job, self->cancellable, on_job_done, running);
}

void
xs_job_runner_run_export (XsJobRunner     *self,
                          const char      *data_dir,
                          const char      *path,
                          const char      *action,
                          XsJobFunc        func,
                          gpointer         data,
                          GDestroyNotify   free_data,
                          XsJobRunnerDone  done,
                          gpointer         owner)
{
  g_autoptr(XsJob) job = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XS_IS_JOB_RUNNER (self));
  g_return_if_fail (data_dir != NULL && path != NULL && func != NULL && done != NULL);

  if (!xs_output_check_path (path, &error))
    {
      if (free_data != NULL)
        free_data (data);
      toast (self, error->message);
      return;
    }
  job = xs_job_new (data_dir, func, data, free_data);
  xs_job_runner_run (self, job, action, NULL, done, owner);
}

typedef struct
{
  XsJobRunner       *self;        /* owned */
  GObject           *owner;       /* owned */
  char              *not_local;
  XsJobRunnerChosen  chosen;
} Choosing;

static void
on_path_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Choosing *choosing = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path != NULL)
    choosing->chosen (choosing->owner, path);
  else if (file != NULL)
    toast (choosing->self, choosing->not_local);
  g_object_unref (choosing->self);
  g_object_unref (choosing->owner);
  g_free (choosing->not_local);
  g_free (choosing);
}

void
xs_job_runner_choose_path (XsJobRunner       *self,
                           XsFileChooserMode  mode,
                           const char        *title,
                           const char        *accept_label,
                           GtkFileFilter     *filter,
                           const char        *initial_name,
                           const char        *not_local,
                           XsJobRunnerChosen  chosen,
                           gpointer           owner)
{
  g_autoptr(GtkWidget) parent = NULL;
  g_autoptr(GListModel) filters = NULL;
  Choosing *choosing;

  g_return_if_fail (XS_IS_JOB_RUNNER (self));
  g_return_if_fail (chosen != NULL);
  g_return_if_fail (G_IS_OBJECT (owner));

  parent = g_weak_ref_get (&self->parent);
  filters = xs_file_chooser_filters_of (filter);
  choosing = g_new0 (Choosing, 1);
  choosing->self = g_object_ref (self);
  choosing->owner = g_object_ref (owner);
  choosing->not_local = g_strdup (not_local);
  choosing->chosen = chosen;
  xs_file_chooser_run_async (parent_window (parent), mode, title, accept_label, filters, NULL, initial_name,
                             self->cancellable, on_path_chosen, choosing);
}

gboolean
xs_job_runner_get_busy (XsJobRunner *self)
{
  g_return_val_if_fail (XS_IS_JOB_RUNNER (self), FALSE);
  return self->n_running > 0;
}

XsJobRunner *
xs_job_runner_new (GtkWidget *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  return g_object_new (XS_TYPE_JOB_RUNNER, "parent", parent, NULL);
}

static void
xs_job_runner_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XsJobRunner *self = XS_JOB_RUNNER (object);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_value_take_object (value, g_weak_ref_get (&self->parent));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_running > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_job_runner_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XsJobRunner *self = XS_JOB_RUNNER (object);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_weak_ref_set (&self->parent, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_job_runner_dispose (GObject *object)
{
  XsJobRunner *self = XS_JOB_RUNNER (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (xs_job_runner_parent_class)->dispose (object);
}

static void
xs_job_runner_finalize (GObject *object)
{
  XsJobRunner *self = XS_JOB_RUNNER (object);

  g_weak_ref_clear (&self->parent);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (xs_job_runner_parent_class)->finalize (object);
}

static void
xs_job_runner_class_init (XsJobRunnerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xs_job_runner_get_property;
  object_class->set_property = xs_job_runner_set_property;
  object_class->dispose = xs_job_runner_dispose;
  object_class->finalize = xs_job_runner_finalize;

  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_job_runner_init (XsJobRunner *self)
{
  g_weak_ref_init (&self->parent, NULL);
  self->cancellable = g_cancellable_new ();
}
