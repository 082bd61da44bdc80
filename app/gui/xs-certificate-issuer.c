/* xs-certificate-issuer.c: issuing, exporting and printing certificates
 *
 * A run has three steps. A job reads what issuing would do (who gets a new
 * certificate, with which serials, and who has one already); when any is
 * new, a dialog says so and waits, since an issued certificate is never
 * taken back, only revoked. A second job then issues them, over its own
 * database connection, and writes the PDF; a print hands the certificates
 * to a GtkPrintOperation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-issuer"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-issuer-private.h"
#include "xs-certificate-sign.h"
#include "xs-job.h"
#include "xs-report.h"
#include "xs-trainee-store.h"


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

/* Settings */

void
xs_certificate_settings_copy_clear (XsCertificateSettingsCopy *copy)
{
  g_clear_pointer (&copy->base_name, g_free);
  g_clear_pointer (&copy->issuer, g_free);
  g_clear_pointer (&copy->seal, g_bytes_unref);
  g_clear_pointer (&copy->kind_template[0], g_free);
  g_clear_pointer (&copy->kind_template[1], g_free);
}

void
xs_certificate_settings_copy_load (XsCertificateSettingsCopy *copy,
                                   XsBaseProfile             *profile)
{
  GBytes *seal = xs_base_profile_get_seal (profile);
  XsCertificateSettings settings = { 0 };

  xs_certificate_settings_copy_clear (copy);
  copy->base_name = g_strdup (xs_base_profile_get_name (profile));
  copy->issuer = g_strdup (xs_base_profile_get_issuer (profile));
  copy->seal = seal ? g_bytes_ref (seal) : NULL;
  copy->orientation = xs_base_profile_get_orientation (profile);
  copy->full_id_number = xs_base_profile_get_full_id_number (profile);
  copy->language = xs_base_profile_get_language (profile);
  xs_base_profile_get_certificate_settings (profile, &settings);
  copy->kind_template[0] = g_strdup (settings.annual_template);
  copy->kind_template[1] = g_strdup (settings.completion_template);
  copy->offset_x = settings.offset_x;
  copy->offset_y = settings.offset_y;
}

void
xs_certificate_settings_copy_copy (XsCertificateSettingsCopy       *copy,
                                   const XsCertificateSettingsCopy *from)
{
  xs_certificate_settings_copy_clear (copy);
  *copy = *from;
  copy->base_name = g_strdup (from->base_name);
  copy->issuer = g_strdup (from->issuer);
  copy->seal = from->seal ? g_bytes_ref (from->seal) : NULL;
  copy->kind_template[0] = g_strdup (from->kind_template[0]);
  copy->kind_template[1] = g_strdup (from->kind_template[1]);
}

void
xs_certificate_settings_copy_get (const XsCertificateSettingsCopy *copy,
                                  XsCertificateSettings           *settings)
{
  settings->base_name = copy->base_name;
  settings->issuer = copy->issuer;
  settings->seal_path = NULL;
  settings->seal = copy->seal;
  settings->orientation = copy->orientation;
  settings->full_id_number = copy->full_id_number;
  settings->language = copy->language;
  settings->annual_template = copy->kind_template[0];
  settings->completion_template = copy->kind_template[1];
  settings->offset_x = copy->offset_x;
  settings->offset_y = copy->offset_y;
}

/* A run */

typedef enum
{
  PHASE_PLANNING,
  PHASE_ISSUING,
  PHASE_WRITING,
} Phase;

/* Its input, its phase (written by the worker, read with atomics by the
 * main thread) and its results. */
typedef struct
{
  gboolean                   print;
  XsCertificateKind          kind;
  int                        year;
  char                      *class_code;
  GArray                    *trainee_ids;   /* gint64; NULL: everyone due one */
  XsCertificateSettingsCopy  settings;
  char                      *path;          /* export */

  int                        phase;

  XsCertificatePlan         *plan;
  GPtrArray                 *certificates;  /* XsCertificate */
  GPtrArray                 *refused;       /* char * */
  guint                      n_issued;
} Run;

static void
run_free (Run *run)
{
  g_free (run->class_code);
  g_clear_pointer (&run->trainee_ids, g_array_unref);
  xs_certificate_settings_copy_clear (&run->settings);
  g_free (run->path);
  g_clear_pointer (&run->plan, xs_certificate_plan_free);
  g_clear_pointer (&run->certificates, g_ptr_array_unref);
  g_clear_pointer (&run->refused, g_ptr_array_unref);
  g_free (run);
}

/* Issuing is the first half of an export, writing the second. */
static void
run_progress (guint    done,
              guint    total,
              gpointer user_data)
{
  XsJob *job = user_data;
  Run *run = xs_job_get_data (job);
  g_autofree char *text = NULL;
  double fraction;

  if (total == 0)
    return;
  fraction = (double) done / total;
  if (!run->print)
    fraction = g_atomic_int_get (&run->phase) == PHASE_ISSUING ? fraction / 2 : 0.5 + fraction / 2;
  /* Translators: progress of a batch of certificates, "12 / 300" */
  text = g_strdup_printf (_("%d / %d"), (int) done, (int) total);
  xs_job_set_progress (job, fraction, text);
}

static void
run_query (Run                *run,
           GPtrArray          *id_numbers,
           XsCertificateQuery *query)
{
  query->kind = run->kind;
  query->year = run->year;
  query->employer = NULL;
  query->class_code = run->class_code;
  query->id_numbers = id_numbers != NULL ? (const char * const *) id_numbers->pdata : NULL;
}

/* The identity numbers of the run's trainees, NULL-terminated; NULL for
 * everyone due one. */
static gboolean
read_id_numbers (Run           *run,
                 XsDb          *db,
                 GPtrArray    **id_numbers,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  *id_numbers = NULL;
  if (run->trainee_ids == NULL)
    return TRUE;
  ids = g_ptr_array_new_full (run->trainee_ids->len + 1, g_free);
  for (guint i = 0; i < run->trainee_ids->len; i++)
    {
      g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, g_array_index (run->trainee_ids, gint64, i), error);

      if (trainee == NULL)
        return FALSE;
      g_ptr_array_add (ids, g_steal_pointer (&trainee->id_number));
      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  g_ptr_array_add (ids, NULL);
  *id_numbers = g_steal_pointer (&ids);
  return TRUE;
}

static gboolean
plan_certificates (XsJob         *job,
                   XsDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  Run *run = data;
  g_autoptr(GPtrArray) id_numbers = NULL;
  XsCertificateQuery query;

  if (!read_id_numbers (run, db, &id_numbers, cancellable, error))
    return FALSE;
  run_query (run, id_numbers, &query);
  run->plan = xs_certificates_plan (db, &query, error);
  return run->plan != NULL;
}

static gboolean
issue_certificates (XsJob         *job,
                    XsDb          *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Run *run = data;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GPtrArray) id_numbers = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  XsCertificateSettings settings;
  XsCertificateQuery query;

  if ((key = xs_signing_key_open (xs_job_get_data_dir (job), error)) == NULL
      || !read_id_numbers (run, db, &id_numbers, cancellable, error))
    return FALSE;
  run_query (run, id_numbers, &query);

  xs_certificate_settings_copy_get (&run->settings, &settings);
  certificates = xs_certificates_issue (db, key, &settings, &query, run_progress, job, cancellable,
                                        &run->n_issued, &run->refused, error);
  if (certificates == NULL)
    return FALSE;

  if (!run->print)
    {
      g_autoptr(XsPdfKey) pdf_key = xs_certificate_open_pdf_key (db, error);

      g_atomic_int_set (&run->phase, PHASE_WRITING);
      if (pdf_key == NULL
          || !xs_certificate_write_pdf (certificates, pdf_key, run->path, run_progress, job, cancellable, error))
        return FALSE;
    }
  run->certificates = g_steal_pointer (&certificates);
  return TRUE;
}

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
  Run *run = xs_job_get_data (job);
  g_autofree char *text = xs_job_dup_text (job);

  set_status (self,
              g_atomic_int_get (&run->phase) == PHASE_WRITING ? _("Writing the PDF…") : _("Issuing certificates…"),
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

void
_xs_certificate_issuer_show_toast (XsCertificateIssuer *self,
                                   const char          *text)
{
  if (self->owner != NULL)
    xs_report_toast (self->owner, text);
  else
    g_message ("%s", text);
}

/* "300 certificates exported, 12 newly issued", and who was refused. */
static char *
describe_result (const Run *run)
{
  guint n = run->certificates->len;
  g_autofree char *done = NULL;
  g_autofree char *refused = NULL;

  if (!run->print)
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate exported, %u newly issued",
                                         "%u certificates exported, %u newly issued", n),
                            n, run->n_issued);
  else
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate sent to the printer, %u newly issued",
                                         "%u certificates sent to the printer, %u newly issued", n),
                            n, run->n_issued);
  if (run->refused == NULL || run->refused->len == 0)
    return g_steal_pointer (&done);

  if (run->refused->len == 1)
    refused = g_strdup (g_ptr_array_index (run->refused, 0));
  else
    /* Translators: "3 refused, e.g. 王伟 (4111…): not qualified for 2018 (…)" */
    refused = g_strdup_printf (_("%u refused, e.g. %s"), run->refused->len,
                               (const char *) g_ptr_array_index (run->refused, 0));
  /* Translators: what was done; who was refused */
  return g_strdup_printf (_("%s; %s"), done, refused);
}

char *
xs_certificate_issuer_describe_plan (const XsCertificatePlan *plan,
                                     gboolean                 print)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  if (plan->n_new == 1)
    /* Translators: %s is the serial, e.g. 2018-JX-000001 */
    g_string_append_printf (text, _("1 certificate will be issued, No. %s; issued certificates can only be revoked."),
                            plan->first_serial);
  else if (plan->n_new > 1)
    /* Translators: "65 certificates will be issued, 2018-JX-000001 to 2018-JX-000065; …" */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%u certificate will be issued, %s to %s; issued certificates can only be revoked.",
                                               "%u certificates will be issued, %s to %s; issued certificates can only be revoked.",
                                               plan->n_new),
                            plan->n_new, plan->first_serial, plan->last_serial);
  if (plan->n_issued > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, print
                                    ? g_dngettext (GETTEXT_PACKAGE,
                                                   "%u already issued will be printed again as it was.",
                                                   "%u already issued will be printed again as they were.",
                                                   plan->n_issued)
                                    : g_dngettext (GETTEXT_PACKAGE,
                                                   "%u already issued will be exported again as it was.",
                                                   "%u already issued will be exported again as they were.",
                                                   plan->n_issued),
                              plan->n_issued);
    }
  if (plan->refused != NULL && plan->refused->len > 0)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      if (plan->refused->len == 1)
        g_string_append (text, g_ptr_array_index (plan->refused, 0));
      else
        g_string_append_printf (text, _("%u refused, e.g. %s"), plan->refused->len,
                                (const char *) g_ptr_array_index (plan->refused, 0));
    }
  return g_string_free (text, FALSE);
}

static void start_issuing (XsCertificateIssuer *self,
                           XsJob               *planned);

/* Hands the issued certificates to the print dialog. */
static void
run_print (XsCertificateIssuer *self,
           const Run           *run)
{
  g_autofree char *job_name = NULL;
  g_autofree char *result = describe_result (run);

  if (run->kind == XS_CERTIFICATE_ANNUAL)
    /* Translators: the name of a print job */
    job_name = g_strdup_printf (_("Continuing education certificates %d"), run->year);
  else
    /* Translators: the name of a print job; %s is the class's code */
    job_name = g_strdup_printf (_("Completion certificates %s"), run->class_code);
  _xs_certificate_issuer_print (self, run->certificates, job_name, result);
}

static void
on_issued (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XsCertificateIssuer) self = user_data;
  Run *run = xs_job_get_data (XS_JOB (object));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = xs_job_run_finish (XS_JOB (object), result, &error);

  if (XS_JOB (object) == self->job)
    set_job (self, NULL);
  set_busy (self, FALSE);

  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _xs_certificate_issuer_show_toast (self, _("Cancelled: no certificate was issued or written"));
      else
        _xs_certificate_issuer_show_toast (self, error->message);
      /* those issued before a failure stand */
      g_signal_emit (self, signals[SIGNAL_ISSUED], 0);
      return;
    }

  for (guint i = 0; run->refused != NULL && i < run->refused->len; i++)
    g_message ("%s", (const char *) g_ptr_array_index (run->refused, i));
  if (run->print && self->owner != NULL && gtk_widget_get_root (self->owner) != NULL)
    run_print (self, run);
  else
    {
      text = describe_result (run);
      _xs_certificate_issuer_show_toast (self, text);
    }
  g_signal_emit (self, signals[SIGNAL_ISSUED], 0);
}

static void
on_response (AdwMessageDialog    *dialog,
             const char          *response,
             XsCertificateIssuer *self)
{
  g_autoptr(XsJob) planned = NULL;

  if (self->dialog != dialog)
    return;
  self->dialog = NULL;
  planned = self->job != NULL ? g_object_ref (self->job) : NULL;
  set_job (self, NULL);
  if (planned != NULL && g_str_equal (response, "issue")
      && !g_cancellable_is_cancelled (self->cancellable))
    start_issuing (self, planned);
  else
    {
      set_busy (self, FALSE);
      _xs_certificate_issuer_show_toast (self, _("Nothing was issued"));
    }
}

static void
ask (XsCertificateIssuer *self,
     const Run           *run)
{
  GtkRoot *root = self->owner != NULL ? gtk_widget_get_root (self->owner) : NULL;
  g_autofree char *body = xs_certificate_issuer_describe_plan (run->plan, run->print);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       run->kind == XS_CERTIFICATE_ANNUAL
                                                       ? _("Issue Certificates?")
                                                       : _("Issue Completion Certificates?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "issue", run->print ? _("_Issue and Print") : _("_Issue and Export"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  self->dialog = dialog;
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_planned (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XsCertificateIssuer) self = user_data;
  XsJob *job = XS_JOB (object);
  Run *run = xs_job_get_data (job);
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (job, result, &error))
    {
      if (job == self->job)
        set_job (self, NULL);
      set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _xs_certificate_issuer_show_toast (self, error->message);
      return;
    }
  if (job != self->job)
    return;

  if (run->plan->n_new == 0 && run->plan->n_issued == 0)
    {
      /* nobody: said as issuing would say it */
      set_job (self, NULL);
      set_busy (self, FALSE);
      _xs_certificate_issuer_show_toast (self, run->plan->refused->len > 0 ? (const char *) g_ptr_array_index (run->plan->refused, 0)
                        : run->kind == XS_CERTIFICATE_ANNUAL ? _("Nobody chosen has met the year’s requirement yet.")
                        : _("Nobody chosen has completed the class."));
      return;
    }
  if (run->plan->n_new == 0)
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
  Run *planned_run = xs_job_get_data (planned);
  g_autoptr(XsJob) job = NULL;
  Run *run = g_new0 (Run, 1);

  run->print = planned_run->print;
  run->kind = planned_run->kind;
  run->year = planned_run->year;
  run->class_code = g_strdup (planned_run->class_code);
  run->trainee_ids = planned_run->trainee_ids ? g_array_ref (planned_run->trainee_ids) : NULL;
  xs_certificate_settings_copy_copy (&run->settings, &planned_run->settings);
  run->path = g_strdup (planned_run->path);
  run->phase = PHASE_ISSUING;

  job = xs_job_new (self->data_dir, issue_certificates, run, (GDestroyNotify) run_free);
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
  Run *run;

  if (self->busy)
    return;
  if (*xs_base_profile_get_name (profile) == '\0')
    {
      _xs_certificate_issuer_show_toast (self, _("Set the base’s name in Preferences first: certificates name the base that issues them."));
      return;
    }

  run = g_new0 (Run, 1);
  run->print = print;
  run->kind = kind;
  run->year = year;
  run->class_code = g_strdup (class_code);
  run->trainee_ids = trainee_ids ? g_array_ref (trainee_ids) : NULL;
  run->path = g_strdup (path);
  run->phase = PHASE_PLANNING;
  xs_certificate_settings_copy_load (&run->settings, profile);

  g_free (self->data_dir);
  self->data_dir = g_strdup (xs_db_get_data_dir (db));
  self->cancellable = g_cancellable_new ();
  job = xs_job_new (self->data_dir, plan_certificates, run, (GDestroyNotify) run_free);
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
  if (self->dialog != NULL)
    {
      g_autoptr(AdwMessageDialog) dialog = g_object_ref (self->dialog);

      /* answered No: on_response ends the run */
      adw_message_dialog_response (dialog, "cancel");
      gtk_window_destroy (GTK_WINDOW (dialog));
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
  if (self->dialog != NULL)
    {
      AdwMessageDialog *dialog = self->dialog;

      self->dialog = NULL;
      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  set_job (self, NULL);
  if (self->owner != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->owner), (gpointer *) &self->owner);
  self->owner = NULL;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->print_operation);
  g_clear_object (&self->print_settings);
  g_clear_pointer (&self->print_result, g_free);
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
}
