/* xs-certificate-issuer.c: issuing, exporting and printing certificates
 *
 * A run has three steps. A job reads what issuing would do (who gets a new
 * certificate, with which serials, and who has one already); when any is
 * new, an XsCertificateQuestion says so and waits, since an issued
 * certificate is never taken back, only revoked. A second job then issues
 * them, over its own database connection, and writes the PDF; a print
 * hands the certificates to XsCertificatePrint. Each job's data is an
 * XsCertificateRun; this object follows the jobs and says the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-issuer"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-issuer.h"
#include "xs-certificate-print.h"
#include "xs-certificate-question.h"
#include "xs-certificate-run.h"
#include "xs-job.h"
#include "xs-report.h"

struct _XsCertificateIssuer
{
  GObject                parent_instance;

  GtkWidget             *owner;          /* weak */
  XsJob                 *job;
  GCancellable          *cancellable;
  XsCertificateQuestion *question;       /* while it is asked */
  XsCertificatePrint    *print;
  char                  *data_dir;
  gboolean               busy;
  double                 fraction;
  const char            *status;
  char                  *progress_text;
};

G_DEFINE_FINAL_TYPE (XsCertificateIssuer, xs_certificate_issuer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_FRACTION,
  PROP_STATUS,
  PROP_PROGRESS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* State */

static void
set_status (XsCertificateIssuer *self,
            const char          *status,
            double               fraction,
            const char          *progress_text)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  if (g_strcmp0 (self->status, status) != 0)
    {
      self->status = status;
      g_object_notify_by_pspec (object, properties[PROP_STATUS]);
    }
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (object, properties[PROP_FRACTION]);
    }
  if (g_strcmp0 (self->progress_text, progress_text) != 0)
    {
      g_free (self->progress_text);
      self->progress_text = g_strdup (progress_text);
      g_object_notify_by_pspec (object, properties[PROP_PROGRESS_TEXT]);
    }
  g_object_thaw_notify (object);
}

static void
set_busy (XsCertificateIssuer *self,
          gboolean             busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  if (!busy)
    {
      g_clear_object (&self->cancellable);
      set_status (self, NULL, 0, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_progress (XsJob               *job,
             GParamSpec          *pspec,
             XsCertificateIssuer *self)
{
  g_autofree char *text = xs_job_dup_text (job);

  set_status (self,
              xs_certificate_run_is_writing (xs_job_get_data (job)) ? _("Writing the PDF…") : _("Issuing certificates…"),
              xs_job_get_fraction (job), text);
}

static void
set_job (XsCertificateIssuer *self,
         XsJob               *job)
{
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_func (self->job, on_progress, self);
  g_set_object (&self->job, job);
  if (job != NULL)
    g_signal_connect (job, "notify::fraction", G_CALLBACK (on_progress), self);
}

static void
show_toast (XsCertificateIssuer *self,
            const char          *text)
{
  if (self->owner != NULL)
    xs_report_toast (self->owner, text);
  else
    g_message ("%s", text);
}

static void start_issuing (XsCertificateIssuer *self,
                           XsJob               *planned);

static void
print_certificates (XsCertificateIssuer *self,
                    XsCertificateRun    *run)
{
  g_autofree char *job_name = NULL;
  g_autofree char *result_text = xs_certificate_run_describe_result (run);

  if (xs_certificate_run_get_kind (run) == XS_CERTIFICATE_ANNUAL)
    /* Translators: the name of a print job */
    job_name = g_strdup_printf (_("Continuing education certificates %d"), xs_certificate_run_get_year (run));
  else
    /* Translators: the name of a print job; %s is the class's code */
    job_name = g_strdup_printf (_("Completion certificates %s"), xs_certificate_run_get_class_code (run));
  xs_certificate_print_run (self->print, GTK_WINDOW (gtk_widget_get_root (self->owner)),
                            xs_certificate_run_get_certificates (run), job_name, result_text);
}

static void
on_printed (XsCertificatePrint  *print,
            const char          *text,
            XsCertificateIssuer *self)
{
  show_toast (self, text);
}

static void
on_issued (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XsCertificateIssuer) self = user_data;
  XsCertificateRun *run = xs_job_get_data (XS_JOB (object));
  g_autoptr(GError) error = NULL;
  gboolean ok = xs_job_run_finish (XS_JOB (object), result, &error);
  GPtrArray *refused;

  if (XS_JOB (object) == self->job)
    set_job (self, NULL);
  set_busy (self, FALSE);

  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, _("Cancelled: no certificate was issued or written"));
      else
        show_toast (self, error->message);
      /* those issued before a failure stand */
      g_signal_emit (self, signals[SIGNAL_ISSUED], 0);
      return;
    }

  refused = xs_certificate_run_get_refused (run);
  for (guint i = 0; refused != NULL && i < refused->len; i++)
    g_message ("%s", (const char *) g_ptr_array_index (refused, i));
  if (xs_certificate_run_get_print (run) && self->owner != NULL && gtk_widget_get_root (self->owner) != NULL)
    print_certificates (self, run);
  else
    {
      g_autofree char *text = xs_certificate_run_describe_result (run);

      show_toast (self, text);
    }
  g_signal_emit (self, signals[SIGNAL_ISSUED], 0);
}

static void
on_answered (XsCertificateQuestion *question,
             gboolean               issue,
             XsCertificateIssuer   *self)
{
  g_autoptr(XsJob) planned = NULL;

  if (self->question != question)
    return;
  g_signal_handlers_disconnect_by_data (question, self);
  g_clear_object (&self->question);
  planned = self->job != NULL ? g_object_ref (self->job) : NULL;
  set_job (self, NULL);
  if (planned != NULL && issue && !g_cancellable_is_cancelled (self->cancellable))
    start_issuing (self, planned);
  else
    {
      set_busy (self, FALSE);
      show_toast (self, _("Nothing was issued"));
    }
}

static void
ask (XsCertificateIssuer *self,
     XsCertificateRun    *run)
{
  GtkRoot *root = self->owner != NULL ? gtk_widget_get_root (self->owner) : NULL;

  self->question = xs_certificate_question_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                xs_certificate_run_get_plan (run),
                                                xs_certificate_run_get_kind (run),
                                                xs_certificate_run_get_print (run));
  g_signal_connect (self->question, "answered", G_CALLBACK (on_answered), self);
}

static void
on_planned (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XsCertificateIssuer) self = user_data;
  XsJob *job = XS_JOB (object);
  XsCertificateRun *run = xs_job_get_data (job);
  const XsCertificatePlan *plan;
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (job, result, &error))
    {
      if (job == self->job)
        set_job (self, NULL);
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  if (job != self->job)
    return;

  plan = xs_certificate_run_get_plan (run);
  if (plan->n_new == 0 && plan->n_issued == 0)
    {
      /* nobody: said as issuing would say it */
      set_job (self, NULL);
      set_busy (self, FALSE);
      show_toast (self, plan->refused->len > 0 ? (const char *) g_ptr_array_index (plan->refused, 0)
                        : xs_certificate_run_get_kind (run) == XS_CERTIFICATE_ANNUAL
                        ? _("Nobody chosen has met the year’s requirement yet.")
                        : _("Nobody chosen has completed the class."));
      return;
    }
  if (plan->n_new == 0)
    {
      /* nothing permanent: the issued ones are written again as they were */
      g_autoptr(XsJob) planned = g_object_ref (job);

      set_job (self, NULL);
      start_issuing (self, planned);
      return;
    }
  ask (self, run);
}

/* Issues with the planned run's input, in a new job. */
static void
start_issuing (XsCertificateIssuer *self,
               XsJob               *planned)
{
  g_autoptr(XsJob) job = NULL;
  XsCertificateRun *run = xs_certificate_run_new_issuing (xs_job_get_data (planned));

  job = xs_job_new (self->data_dir, xs_certificate_run_issue_func, run, g_object_unref);
  set_job (self, job);
  set_status (self, _("Issuing certificates…"), 0, NULL);
  xs_job_run_async (job, self->cancellable, on_issued, g_object_ref (self));
}

static void
start (XsCertificateIssuer *self,
       gboolean             print,
       XsDb                *db,
       XsBaseProfile       *profile,
       XsCertificateKind    kind,
       int                  year,
       const char          *class_code,
       GArray              *trainee_ids,
       const char          *path)
{
  g_autoptr(XsJob) job = NULL;

  if (self->busy)
    return;
  if (!xs_base_profile_has_name (profile))
    {
      show_toast (self, _("Set the base’s name in Preferences first: certificates name the base that issues them."));
      return;
    }

  g_free (self->data_dir);
  self->data_dir = g_strdup (xs_db_get_data_dir (db));
  self->cancellable = g_cancellable_new ();
  job = xs_job_new (self->data_dir, xs_certificate_run_plan_func,
                    xs_certificate_run_new (print, kind, year, class_code, trainee_ids, profile, path),
                    g_object_unref);
  set_job (self, job);
  set_busy (self, TRUE);
  /* nothing is issued before the answer */
  set_status (self, _("Checking which certificates are due…"), 0, NULL);
  xs_job_run_async (job, self->cancellable, on_planned, g_object_ref (self));
}


/* Public */

XsCertificateIssuer *
xs_certificate_issuer_new (GtkWidget *owner)
{
  XsCertificateIssuer *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);

  self = g_object_new (XS_TYPE_CERTIFICATE_ISSUER, NULL);
  self->owner = owner;
  g_object_add_weak_pointer (G_OBJECT (owner), (gpointer *) &self->owner);
  return self;
}

void
xs_certificate_issuer_export (XsCertificateIssuer *self,
                              XsDb                *db,
                              XsBaseProfile       *profile,
                              XsCertificateKind    kind,
                              int                  year,
                              const char          *class_code,
                              GArray              *trainee_ids,
                              const char          *path)
{
  g_return_if_fail (XS_IS_CERTIFICATE_ISSUER (self));
  g_return_if_fail (db != NULL && XS_IS_BASE_PROFILE (profile) && path != NULL);

  start (self, FALSE, db, profile, kind, year, class_code, trainee_ids, path);
}

void
xs_certificate_issuer_print (XsCertificateIssuer *self,
                             XsDb                *db,
                             XsBaseProfile       *profile,
                             XsCertificateKind    kind,
                             int                  year,
                             const char          *class_code,
                             GArray              *trainee_ids)
{
  g_return_if_fail (XS_IS_CERTIFICATE_ISSUER (self));
  g_return_if_fail (db != NULL && XS_IS_BASE_PROFILE (profile));

  start (self, TRUE, db, profile, kind, year, class_code, trainee_ids, NULL);
}

void
xs_certificate_issuer_cancel (XsCertificateIssuer *self)
{
  g_return_if_fail (XS_IS_CERTIFICATE_ISSUER (self));

  g_cancellable_cancel (self->cancellable);
  if (self->question != NULL)
    {
      g_autoptr(XsCertificateQuestion) question = g_object_ref (self->question);

      /* answered No: on_answered ends the run */
      xs_certificate_question_cancel (question);
    }
}

gboolean
xs_certificate_issuer_get_busy (XsCertificateIssuer *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_ISSUER (self), FALSE);
  return self->busy;
}

double
xs_certificate_issuer_get_fraction (XsCertificateIssuer *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_ISSUER (self), 0);
  return self->fraction;
}

const char *
xs_certificate_issuer_get_status (XsCertificateIssuer *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_ISSUER (self), NULL);
  return self->status;
}

const char *
xs_certificate_issuer_get_progress_text (XsCertificateIssuer *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_ISSUER (self), NULL);
  return self->progress_text;
}

/* GObject */

static void
xs_certificate_issuer_dispose (GObject *object)
{
  XsCertificateIssuer *self = XS_CERTIFICATE_ISSUER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->question != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->question, self);
      g_clear_object (&self->question);
    }
  if (self->print != NULL)
    g_signal_handlers_disconnect_by_data (self->print, self);
  set_job (self, NULL);
  if (self->owner != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->owner), (gpointer *) &self->owner);
  self->owner = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->print);
  g_clear_pointer (&self->progress_text, g_free);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (xs_certificate_issuer_parent_class)->dispose (object);
}

static void
xs_certificate_issuer_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XsCertificateIssuer *self = XS_CERTIFICATE_ISSUER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, self->progress_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_certificate_issuer_class_init (XsCertificateIssuerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xs_certificate_issuer_dispose;
  object_class->get_property = xs_certificate_issuer_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS_TEXT] =
    g_param_spec_string ("progress-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
xs_certificate_issuer_init (XsCertificateIssuer *self)
{
  self->print = xs_certificate_print_new ();
  g_signal_connect (self->print, "finished", G_CALLBACK (on_printed), self);
}
