/* xs-certificate-run.c: one run of issuing certificates
 *
 * The run holds its input (which certificates, the profile's values), its
 * phase (written by the worker, read with atomics by the main thread) and
 * what its workers found: the plan, then the certificates issued or
 * written and who was refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-run"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-run.h"
#include "xs-certificate-sign.h"
#include "xs-trainee-store.h"

typedef enum
{
  PHASE_PLANNING,
  PHASE_ISSUING,
  PHASE_WRITING,
} Phase;

struct _XsCertificateRun
{
  GObject                    parent_instance;

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
};

G_DEFINE_FINAL_TYPE (XsCertificateRun, xs_certificate_run, G_TYPE_OBJECT)

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

/* Workers */

/* Issuing is the first half of an export, writing the second. */
static void
run_progress (guint    done,
              guint    total,
              gpointer user_data)
{
  XsJob *job = user_data;
  XsCertificateRun *self = xs_job_get_data (job);
  g_autofree char *text = NULL;
  double fraction;

  if (total == 0)
    return;
  fraction = (double) done / total;
  if (!self->print)
    fraction = g_atomic_int_get (&self->phase) == PHASE_ISSUING ? fraction / 2 : 0.5 + fraction / 2;
  /* Translators: progress of a batch of certificates, "12 / 300" */
  text = g_strdup_printf (_("%d / %d"), (int) done, (int) total);
  xs_job_set_progress (job, fraction, text);
}

static void
run_query (XsCertificateRun   *self,
           GPtrArray          *id_numbers,
           XsCertificateQuery *query)
{
  query->kind = self->kind;
  query->year = self->year;
  query->employer = NULL;
  query->class_code = self->class_code;
  query->id_numbers = id_numbers != NULL ? (const char * const *) id_numbers->pdata : NULL;
}

/* The identity numbers of the run's trainees, NULL-terminated; NULL for
 * everyone due one. */
static gboolean
read_id_numbers (XsCertificateRun  *self,
                 XsDb              *db,
                 GPtrArray        **id_numbers,
                 GCancellable      *cancellable,
                 GError           **error)
{
  g_autoptr(GPtrArray) ids = NULL;

  *id_numbers = NULL;
  if (self->trainee_ids == NULL)
    return TRUE;
  ids = g_ptr_array_new_full (self->trainee_ids->len + 1, g_free);
  for (guint i = 0; i < self->trainee_ids->len; i++)
    {
      g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, g_array_index (self->trainee_ids, gint64, i), error);

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

gboolean
xs_certificate_run_plan_func (XsJob         *job,
                              XsDb          *db,
                              gpointer       data,
                              GCancellable  *cancellable,
                              GError       **error)
{
  XsCertificateRun *self = data;
  g_autoptr(GPtrArray) id_numbers = NULL;
  XsCertificateQuery query;

  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), FALSE);

  if (!read_id_numbers (self, db, &id_numbers, cancellable, error))
    return FALSE;
  run_query (self, id_numbers, &query);
  self->plan = xs_certificates_plan (db, &query, error);
  return self->plan != NULL;
}

gboolean
xs_certificate_run_issue_func (XsJob         *job,
                               XsDb          *db,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error)
{
  XsCertificateRun *self = data;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GPtrArray) id_numbers = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  XsCertificateSettings settings;
  XsCertificateQuery query;

  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), FALSE);

  if ((key = xs_signing_key_open (xs_job_get_data_dir (job), error)) == NULL
      || !read_id_numbers (self, db, &id_numbers, cancellable, error))
    return FALSE;
  run_query (self, id_numbers, &query);

  xs_certificate_settings_copy_get (&self->settings, &settings);
  certificates = xs_certificates_issue (db, key, &settings, &query, run_progress, job, cancellable,
                                        &self->n_issued, &self->refused, error);
  if (certificates == NULL)
    return FALSE;

  if (!self->print)
    {
      g_autoptr(XsPdfKey) pdf_key = xs_certificate_open_pdf_key (db, error);

      g_atomic_int_set (&self->phase, PHASE_WRITING);
      if (pdf_key == NULL
          || !xs_certificate_write_pdf (certificates, pdf_key, self->path, run_progress, job, cancellable, error))
        return FALSE;
    }
  self->certificates = g_steal_pointer (&certificates);
  return TRUE;
}

/* Public */

XsCertificateRun *
xs_certificate_run_new (gboolean           print,
                        XsCertificateKind  kind,
                        int                year,
                        const char        *class_code,
                        GArray            *trainee_ids,
                        XsBaseProfile     *profile,
                        const char        *path)
{
  XsCertificateRun *self;

  g_return_val_if_fail (XS_IS_BASE_PROFILE (profile), NULL);
  g_return_val_if_fail (print || path != NULL, NULL);

  self = g_object_new (XS_TYPE_CERTIFICATE_RUN, NULL);
  self->print = print;
  self->kind = kind;
  self->year = year;
  self->class_code = g_strdup (class_code);
  self->trainee_ids = trainee_ids ? g_array_ref (trainee_ids) : NULL;
  self->path = g_strdup (path);
  self->phase = PHASE_PLANNING;
  xs_certificate_settings_copy_load (&self->settings, profile);
  return self;
}

XsCertificateRun *
xs_certificate_run_new_issuing (XsCertificateRun *planned)
{
  XsCertificateRun *self;

  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (planned), NULL);

  self = g_object_new (XS_TYPE_CERTIFICATE_RUN, NULL);
  self->print = planned->print;
  self->kind = planned->kind;
  self->year = planned->year;
  self->class_code = g_strdup (planned->class_code);
  self->trainee_ids = planned->trainee_ids ? g_array_ref (planned->trainee_ids) : NULL;
  xs_certificate_settings_copy_copy (&self->settings, &planned->settings);
  self->path = g_strdup (planned->path);
  self->phase = PHASE_ISSUING;
  return self;
}

gboolean
xs_certificate_run_get_print (XsCertificateRun *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), FALSE);
  return self->print;
}

XsCertificateKind
xs_certificate_run_get_kind (XsCertificateRun *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), XS_CERTIFICATE_ANNUAL);
  return self->kind;
}

int
xs_certificate_run_get_year (XsCertificateRun *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), 0);
  return self->year;
}

const char *
xs_certificate_run_get_class_code (XsCertificateRun *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), NULL);
  return self->class_code;
}

gboolean
xs_certificate_run_is_writing (XsCertificateRun *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), FALSE);
  return g_atomic_int_get (&self->phase) == PHASE_WRITING;
}

const XsCertificatePlan *
xs_certificate_run_get_plan (XsCertificateRun *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), NULL);
  return self->plan;
}

GPtrArray *
xs_certificate_run_get_certificates (XsCertificateRun *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), NULL);
  return self->certificates;
}

GPtrArray *
xs_certificate_run_get_refused (XsCertificateRun *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), NULL);
  return self->refused;
}

guint
xs_certificate_run_get_n_issued (XsCertificateRun *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), 0);
  return self->n_issued;
}

char *
xs_certificate_run_describe_result (XsCertificateRun *self)
{
  guint n;
  g_autofree char *done = NULL;
  g_autofree char *refused = NULL;

  g_return_val_if_fail (XS_IS_CERTIFICATE_RUN (self), NULL);
  g_return_val_if_fail (self->certificates != NULL, NULL);

  n = self->certificates->len;
  if (!self->print)
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate exported, %u newly issued",
                                         "%u certificates exported, %u newly issued", n),
                            n, self->n_issued);
  else
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate sent to the printer, %u newly issued",
                                         "%u certificates sent to the printer, %u newly issued", n),
                            n, self->n_issued);
  if (self->refused == NULL || self->refused->len == 0)
    return g_steal_pointer (&done);

  if (self->refused->len == 1)
    refused = g_strdup (g_ptr_array_index (self->refused, 0));
  else
    /* Translators: "3 refused, e.g. 王伟 (4111…): not qualified for 2018 (…)" */
    refused = g_strdup_printf (_("%u refused, e.g. %s"), self->refused->len,
                               (const char *) g_ptr_array_index (self->refused, 0));
  /* Translators: what was done; who was refused */
  return g_strdup_printf (_("%s; %s"), done, refused);
}

/* GObject */

static void
xs_certificate_run_finalize (GObject *object)
{
  XsCertificateRun *self = XS_CERTIFICATE_RUN (object);

  g_free (self->class_code);
  g_clear_pointer (&self->trainee_ids, g_array_unref);
  xs_certificate_settings_copy_clear (&self->settings);
  g_free (self->path);
  g_clear_pointer (&self->plan, xs_certificate_plan_free);
  g_clear_pointer (&self->certificates, g_ptr_array_unref);
  g_clear_pointer (&self->refused, g_ptr_array_unref);

  G_OBJECT_CLASS (xs_certificate_run_parent_class)->finalize (object);
}

static void
xs_certificate_run_class_init (XsCertificateRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_certificate_run_finalize;
}

static void
xs_certificate_run_init (XsCertificateRun *self)
{
}
