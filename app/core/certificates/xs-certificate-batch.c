/* xs-certificate-batch.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The certificates of one kind for one year or class: who is due one (the
 * year's qualified trainees, or a class's members whose hours stand), and
 * what each is drawn with (the profile's texts, seal, template and offset,
 * the signing key), so that a certificate is built from a holder and a
 * serial alone. Issuing, previews and the question before issuing share it.
 */
#define G_LOG_DOMAIN "xs-certificate-batch"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-certificate-batch-private.h"
#include "xs-certificate-payload.h"
#include "xs-certificate-private.h"
#include "xs-certificate-sign.h"
#include "xs-certificate-store-private.h"
#include "xs-certificate-templates.h"
#include "xs-certificate-text.h"
#include "xs-claim-store.h"
#include "xs-class-store.h"
#include "xs-date.h"
#include "xs-db-private.h"
#include "xs-id-number.h"
#include "xs-progress.h"
#include "xs-trainee-store.h"

struct _XsCertificateBatch
{
  GObject                parent_instance;

  XsDb                  *db;
  XsCertificateKind      kind;
  int                    year;
  XsTrainingClass       *klass;       /* completion certificates: the class */
  GPtrArray             *holders;     /* XsCertificateHolder */
  GPtrArray             *refusals;    /* char * */

  /* what they are drawn with (xs_certificate_batch_set_drawing()) */
  XsSigningKey          *key;
  XsCertificateSettings  settings;    /* the strings below, own copies */
  char                  *base_name;
  char                  *issuer;
  GBytes                *seal;
  XsCertificateTemplate *template;
};

G_DEFINE_FINAL_TYPE (XsCertificateBatch, xs_certificate_batch, G_TYPE_OBJECT)

static void
holder_free (XsCertificateHolder *holder)
{
  g_free (holder->id_number);
  g_free (holder->name);
  g_free (holder->employer);
  g_free (holder);
}

static XsCertificateHolder *
holder_from_progress (const XsProgressRow *row)
{
  XsCertificateHolder *holder = g_new0 (XsCertificateHolder, 1);

  holder->trainee_id = row->trainee_id;
  holder->id_number = g_strdup (row->id_number);
  holder->name = g_strdup (row->name);
  holder->employer = g_strdup (row->employer);
  holder->public_hours = row->public_hours;
  holder->compulsory = row->compulsory;
  holder->professional = row->professional;
  holder->total = row->total;
  return holder;
}

/* "王伟 (4111**********001X)": how refusals name a person. */
static char *
describe (const char *name,
          const char *id_number)
{
  g_autofree char *masked = xs_id_number_mask (id_number);

  return g_strdup_printf ("%s (%s)", name, masked);
}

/* The identity numbers a query names, as a set; NULL for everyone. */
static GHashTable *
named_set (const XsCertificateQuery *query)
{
  GHashTable *set;

  if (query->id_numbers == NULL)
    return NULL;
  set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; query->id_numbers[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) query->id_numbers[i]);
  return set;
}

static gboolean
wanted (const XsCertificateQuery *query,
        GHashTable               *named,
        const char               *id_number,
        const char               *employer)
{
  if (query->employer != NULL && *query->employer != '\0' && g_strcmp0 (employer, query->employer) != 0)
    return FALSE;
  return named == NULL || g_hash_table_contains (named, id_number);
}

/* Names the identity numbers of @query that are not on the roster. */
static void
refuse_unknown (const XsCertificateQuery *query,
                GHashTable               *seen,
                GPtrArray                *refused)
{
  if (query->id_numbers == NULL)
    return;
  for (guint i = 0; query->id_numbers[i] != NULL; i++)
    if (!g_hash_table_contains (seen, query->id_numbers[i]))
      {
        g_autofree char *masked = xs_id_number_mask (query->id_numbers[i]);

        g_ptr_array_add (refused, g_strdup_printf (_("%s: nobody with this identity number is on the roster"), masked));
      }
}

static GPtrArray *
annual_holders (XsDb                     *db,
                const XsCertificateQuery *query,
                GPtrArray                *refused,
                GError                  **error)
{
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(GPtrArray) holders = g_ptr_array_new_with_free_func ((GDestroyNotify) holder_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) named = named_set (query);
  XsRuleSet *rules;

  progress = xs_progress_compute (db, query->year,
                                  query->id_numbers && query->id_numbers[0] && !query->id_numbers[1]
                                  ? query->id_numbers[0] : NULL,
                                  error);
  if (progress == NULL)
    return NULL;
  rules = xs_progress_get_rule_set (progress);

  for (guint i = 0; i < xs_progress_get_n_rows (progress); i++)
    {
      const XsProgressRow *row = xs_progress_get_row (progress, i);

      if (!wanted (query, named, row->id_number, row->employer))
        continue;
      g_hash_table_add (seen, (gpointer) row->id_number);
      if (row->qualified)
        g_ptr_array_add (holders, holder_from_progress (row));
      else if (query->id_numbers != NULL)
        {
          g_autofree char *who = describe (row->name, row->id_number);
          g_autofree char *pub = xs_hours_format (row->public_hours);
          g_autofree char *pub_required = xs_hours_format (xs_rule_set_get_required_public (rules));
          g_autofree char *pro = xs_hours_format (row->professional);
          g_autofree char *pro_required = xs_hours_format (xs_rule_set_get_required_professional (rules));

          g_ptr_array_add (refused,
                           g_strdup_printf (_("%s: not qualified for %d (approved: public %s of %s hours, professional %s of %s hours)"),
                                            who, query->year, pub, pub_required, pro, pro_required));
        }
    }
  refuse_unknown (query, seen, refused);
  return g_steal_pointer (&holders);
}

static GPtrArray *
completion_holders (XsDb                     *db,
                    const XsCertificateQuery *query,
                    const XsTrainingClass    *klass,
                    GPtrArray                *refused,
                    GError                  **error)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) holders = g_ptr_array_new_with_free_func ((GDestroyNotify) holder_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) named = named_set (query);

  claims = xs_claim_store_list_for_class (db, klass->id, error);
  if (claims == NULL)
    return NULL;

  for (guint i = 0; i < claims->len; i++)
    {
      const XsClaim *claim = g_ptr_array_index (claims, i);
      g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, claim->trainee_id, error);
      XsCertificateHolder *holder;

      if (trainee == NULL)
        return NULL;
      if (!wanted (query, named, trainee->id_number, trainee->employer))
        continue;
      g_hash_table_add (seen, g_strdup (trainee->id_number));
      if (claim->status == XS_STATUS_REJECTED)
        {
          g_autofree char *who = describe (trainee->name, trainee->id_number);

          if (query->id_numbers != NULL)
            g_ptr_array_add (refused,
                             g_strdup_printf (_("%s: the hours of class “%s” were rejected by the reviewer"),
                                              who, klass->name));
          continue;
        }
      holder = g_new0 (XsCertificateHolder, 1);
      holder->trainee_id = trainee->id;
      holder->id_number = g_strdup (trainee->id_number);
      holder->name = g_strdup (trainee->name);
      holder->employer = g_strdup (trainee->employer);
      holder->total = claim->hours;
      if (claim->category == XS_CATEGORY_PUBLIC)
        {
          holder->public_hours = claim->hours;
          holder->compulsory = claim->compulsory ? claim->hours : 0;
        }
      else
        holder->professional = claim->hours;
      g_ptr_array_add (holders, holder);
    }

  if (query->id_numbers != NULL)
    for (guint i = 0; query->id_numbers[i] != NULL; i++)
      if (!g_hash_table_contains (seen, query->id_numbers[i]))
        {
          g_autofree char *masked = xs_id_number_mask (query->id_numbers[i]);

          g_ptr_array_add (refused,
                           g_strdup_printf (_("%s: not in class “%s”: import the class’s hours sheet first"),
                                            masked, klass->name));
        }
  return g_steal_pointer (&holders);
}

static GPtrArray *
find_holders (XsDb                      *db,
              const XsCertificateQuery  *query,
              XsTrainingClass          **klass,
              GPtrArray                 *refused,
              GError                   **error)
{
  *klass = NULL;
  if (query->kind == XS_CERTIFICATE_ANNUAL)
    return annual_holders (db, query, refused, error);

  if (query->class_code == NULL || (*klass = xs_class_store_lookup (db, query->class_code, error)) == NULL)
    {
      if (query->class_code == NULL)
        g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                     _("Choose the class whose completion certificates to issue."));
      return NULL;
    }
  return completion_holders (db, query, *klass, refused, error);
}

XsCertificateBatch *
xs_certificate_batch_new (XsDb                      *db,
                          const XsCertificateQuery  *query,
                          GError                   **error)
{
  g_autoptr(XsCertificateBatch) self = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (XS_TYPE_CERTIFICATE_BATCH, NULL);
  self->db = g_object_ref (db);
  self->kind = query->kind;
  self->holders = find_holders (db, query, &self->klass, self->refusals, error);
  if (self->holders == NULL)
    return NULL;
  self->year = self->klass != NULL ? self->klass->year : query->year;
  return g_steal_pointer (&self);
}

/* The seal image at @settings->seal_path, checked to be a PNG, else
 * @settings->seal (NULL for none). */
static gboolean
load_seal (const XsCertificateSettings  *settings,
           GBytes                      **seal,
           GError                      **error)
{
  static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  const char *path = settings->seal_path;
  g_autofree char *contents = NULL;
  gsize length = 0;

  *seal = NULL;
  if (path == NULL || *path == '\0')
    {
      *seal = settings->seal != NULL ? g_bytes_ref (settings->seal) : NULL;
      return TRUE;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    {
      g_prefix_error (error, _("The seal image cannot be read: "));
      return FALSE;
    }
  if (length < sizeof png_signature || memcmp (contents, png_signature, sizeof png_signature) != 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The seal image “%s” is not a PNG image. Choose a PNG file (a scan of the seal with a transparent background) in Preferences."),
                   path);
      return FALSE;
    }
  *seal = g_bytes_new_take (g_steal_pointer (&contents), length);
  return TRUE;
}

static XsCertificateTemplate *
lookup_template (XsDb                         *db,
                 const XsCertificateSettings  *settings,
                 XsCertificateKind             kind,
                 GError                      **error)
{
  if (settings->offset_x < -200 || settings->offset_x > 200
      || settings->offset_y < -200 || settings->offset_y > 200)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The printer’s offset is at most 20 mm each way: print the calibration page and set it again."));
      return NULL;
    }
  return xs_certificate_templates_lookup (db, kind == XS_CERTIFICATE_ANNUAL ? settings->annual_template
                                                                  : settings->completion_template,
                                          settings->orientation, error);
}

gboolean
xs_certificate_batch_set_drawing (XsCertificateBatch          *self,
                                  XsSigningKey                *key,
                                  const XsCertificateSettings *settings,
                                  GError                     **error)
{
  g_autoptr(GBytes) seal = NULL;
  g_autoptr(XsCertificateTemplate) template = NULL;

  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), FALSE);
  g_return_val_if_fail (key == NULL || XS_IS_SIGNING_KEY (key), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!load_seal (settings, &seal, error)
      || (template = lookup_template (self->db, settings, self->kind, error)) == NULL)
    return FALSE;
  g_set_object (&self->key, key);
  g_clear_pointer (&self->seal, g_bytes_unref);
  self->seal = g_steal_pointer (&seal);
  g_set_object (&self->template, template);
  g_free (self->base_name);
  g_free (self->issuer);
  self->base_name = g_strdup (settings->base_name ? settings->base_name : "");
  self->issuer = g_strdup (settings->issuer);
  self->settings = *settings;
  self->settings.base_name = self->base_name;
  self->settings.issuer = self->issuer;
  /* read once, kept here */
  self->settings.seal_path = NULL;
  self->settings.seal = NULL;
  self->settings.annual_template = NULL;
  self->settings.completion_template = NULL;
  return TRUE;
}

XsCertificateKind
xs_certificate_batch_get_kind (XsCertificateBatch *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), XS_CERTIFICATE_ANNUAL);
  return self->kind;
}

int
xs_certificate_batch_get_year (XsCertificateBatch *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), 0);
  return self->year;
}

gint64
xs_certificate_batch_get_class_id (XsCertificateBatch *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), 0);
  return self->klass != NULL ? self->klass->id : 0;
}

guint
xs_certificate_batch_get_n_holders (XsCertificateBatch *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), 0);
  return self->holders->len;
}

const XsCertificateHolder *
xs_certificate_batch_get_holder (XsCertificateBatch *self,
                                 guint               i)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), NULL);
  g_return_val_if_fail (i < self->holders->len, NULL);
  return g_ptr_array_index (self->holders, i);
}

XsCertificate *
xs_certificate_batch_find_issued (XsCertificateBatch         *self,
                                  const XsCertificateHolder  *holder,
                                  GError                    **error)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), NULL);
  g_return_val_if_fail (holder != NULL, NULL);

  return _xs_certificate_store_find_valid (self->db, self->kind, holder->trainee_id, self->year,
                                           xs_certificate_batch_get_class_id (self), error);
}

char *
xs_certificate_batch_next_serial (XsCertificateBatch  *self,
                                  int                 *number,
                                  GError             **error)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), NULL);
  return _xs_certificate_store_next_serial (self->db, self->kind, self->year, number, error);
}

char *
xs_certificate_batch_format_serial (XsCertificateBatch *self,
                                    int                 number)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), NULL);
  return _xs_certificate_store_format_serial (self->kind, self->year, number);
}

static char *
hours_text (XsCertificateLanguage language,
            int                   tenths)
{
  g_autofree char *hours = xs_hours_format (tenths);

  return xs_certificate_text_hours (language, hours);
}

static char *
gdate_text (XsCertificateLanguage  language,
            const GDate           *date)
{
  return xs_certificate_text_date (language, g_date_get_year (date), g_date_get_month (date),
                                   g_date_get_day (date));
}

XsCertificate *
xs_certificate_batch_build (XsCertificateBatch        *self,
                            const XsCertificateHolder *holder,
                            const char                *serial,
                            GError                   **error)
{
  XsDb *db = self->db;
  XsSigningKey *key = serial != NULL ? self->key : NULL;
  const XsCertificateSettings *settings = &self->settings;
  XsCertificateKind kind = self->kind;
  int year = self->year;
  const XsTrainingClass *klass = self->klass;
  g_autoptr(XsCertificate) certificate = _xs_certificate_new (kind, year, settings->orientation);
  g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, holder->trainee_id, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  XsCertificateLanguage language = settings->language;
  g_autofree char *id_text = NULL;
  g_autofree char *issued_on = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *date = xs_certificate_text_date (language, g_date_time_get_year (now),
                                                    g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now));
  g_autofree char *statement = NULL;

  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), NULL);
  g_return_val_if_fail (self->template != NULL, NULL);
  g_return_val_if_fail (serial == NULL || self->key != NULL, NULL);

  if (trainee == NULL)
    return NULL;

  /* Every printed text in the profile's language, not the desktop's. */
  id_text = settings->full_id_number ? g_strdup (holder->id_number) : xs_id_number_mask (holder->id_number);
  _xs_certificate_set_holder (certificate, holder->name);
  _xs_certificate_add_line (certificate, "name", xs_certificate_text (language, XS_CERTIFICATE_TEXT_NAME), holder->name);

  if (kind == XS_CERTIFICATE_ANNUAL)
    {
      g_autofree char *year_text = g_strdup_printf ("%d", year);
      g_autofree char *pub = xs_hours_format (holder->public_hours);
      g_autofree char *compulsory = xs_hours_format (holder->compulsory);
      g_autofree char *pub_text = xs_certificate_text_public_hours (language, pub, compulsory);
      g_autofree char *pro_text = hours_text (language, holder->professional);
      g_autofree char *total_text = hours_text (language, holder->total);

      _xs_certificate_set_title (certificate, xs_certificate_text (language, XS_CERTIFICATE_TEXT_ANNUAL_TITLE));
      _xs_certificate_add_line (certificate, "sex", xs_certificate_text (language, XS_CERTIFICATE_TEXT_SEX),
                                xs_certificate_text (language, trainee->sex == XS_SEX_MALE
                                                               ? XS_CERTIFICATE_TEXT_MALE
                                                               : XS_CERTIFICATE_TEXT_FEMALE));
      _xs_certificate_add_line (certificate, "id_number", xs_certificate_text (language, XS_CERTIFICATE_TEXT_ID_NUMBER), id_text);
      _xs_certificate_add_line (certificate, "employer", xs_certificate_text (language, XS_CERTIFICATE_TEXT_EMPLOYER),
                                holder->employer);
      _xs_certificate_add_line (certificate, "year", xs_certificate_text (language, XS_CERTIFICATE_TEXT_YEAR), year_text);
      _xs_certificate_add_line (certificate, "public", xs_certificate_text (language, XS_CERTIFICATE_TEXT_PUBLIC), pub_text);
      _xs_certificate_add_line (certificate, "professional", xs_certificate_text (language, XS_CERTIFICATE_TEXT_PROFESSIONAL),
                                pro_text);
      _xs_certificate_add_line (certificate, "total", xs_certificate_text (language, XS_CERTIFICATE_TEXT_TOTAL), total_text);
      statement = xs_certificate_text_annual_statement (language, year);
    }
  else
    {
      g_autofree char *start = gdate_text (language, &klass->start_date);
      g_autofree char *end = gdate_text (language, &klass->end_date);
      g_autofree char *dates = xs_certificate_text_dates (language, start, end);
      g_autofree char *hours = hours_text (language, holder->total);

      _xs_certificate_set_title (certificate, xs_certificate_text (language, XS_CERTIFICATE_TEXT_COMPLETION_TITLE));
      _xs_certificate_add_line (certificate, "id_number", xs_certificate_text (language, XS_CERTIFICATE_TEXT_ID_NUMBER), id_text);
      _xs_certificate_add_line (certificate, "class", xs_certificate_text (language, XS_CERTIFICATE_TEXT_CLASS), klass->name);
      _xs_certificate_add_line (certificate, "dates", xs_certificate_text (language, XS_CERTIFICATE_TEXT_DATES), dates);
      _xs_certificate_add_line (certificate, "hours", xs_certificate_text (language, XS_CERTIFICATE_TEXT_HOURS), hours);
      statement = xs_certificate_text_completion_statement (language, hours);
    }

  _xs_certificate_set_statement (certificate, statement);
  _xs_certificate_add_issuer (certificate, settings->base_name);
  if (settings->issuer != NULL && *settings->issuer != '\0')
    _xs_certificate_add_issuer (certificate, settings->issuer);
  _xs_certificate_set_date (certificate, date);
  _xs_certificate_set_issued_on (certificate, issued_on);
  _xs_certificate_set_seal (certificate, self->seal);
  _xs_certificate_set_template (certificate, self->template, settings->offset_x, settings->offset_y);

  if (key != NULL)
    {
      XsCertificatePayload payload = {
        .serial = (char *) serial,
        .year = year,
        .kind = kind,
        .public_hours = holder->public_hours,
        .compulsory = holder->compulsory,
        .professional = holder->professional,
        .total = holder->total,
      };
      g_autofree char *signed_payload = NULL;
      g_autofree char *serial_text = xs_certificate_text_serial (language, serial);

      /* what the page prints, and nothing of the digits it hides */
      xs_certificate_payload_set_holder (&payload, holder->id_number, holder->name,
                                         settings->full_id_number);
      signed_payload = xs_certificate_payload_sign (&payload, key);
      g_free (payload.id_text);
      g_free (payload.name);
      _xs_certificate_set_serial (certificate, serial);
      _xs_certificate_set_serial_text (certificate, serial_text);
      _xs_certificate_set_payload (certificate, signed_payload);
    }
  return g_steal_pointer (&certificate);
}

void
xs_certificate_batch_refuse (XsCertificateBatch        *self,
                             const XsCertificateHolder *holder,
                             const char                *reason)
{
  g_autofree char *who = NULL;

  g_return_if_fail (XS_IS_CERTIFICATE_BATCH (self));
  g_return_if_fail (holder != NULL && reason != NULL);

  who = describe (holder->name, holder->id_number);
  g_ptr_array_add (self->refusals, g_strdup_printf ("%s: %s", who, reason));
}

GPtrArray *
xs_certificate_batch_steal_refusals (XsCertificateBatch *self)
{
  GPtrArray *refusals;

  g_return_val_if_fail (XS_IS_CERTIFICATE_BATCH (self), NULL);

  refusals = self->refusals;
  self->refusals = g_ptr_array_new_with_free_func (g_free);
  return refusals;
}

static void
xs_certificate_batch_finalize (GObject *object)
{
  XsCertificateBatch *self = XS_CERTIFICATE_BATCH (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->klass, xs_training_class_free);
  g_clear_pointer (&self->holders, g_ptr_array_unref);
  g_clear_pointer (&self->refusals, g_ptr_array_unref);
  g_clear_object (&self->key);
  g_free (self->base_name);
  g_free (self->issuer);
  g_clear_pointer (&self->seal, g_bytes_unref);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (xs_certificate_batch_parent_class)->finalize (object);
}

static void
xs_certificate_batch_class_init (XsCertificateBatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_certificate_batch_finalize;
}

static void
xs_certificate_batch_init (XsCertificateBatch *self)
{
  self->refusals = g_ptr_array_new_with_free_func (g_free);
}
