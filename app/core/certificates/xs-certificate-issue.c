/* xs-certificate-issue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who gets which certificate, what it says, and issuing it once.
 */
#define G_LOG_DOMAIN "xs-certificate-issue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

/* Someone a certificate is about to be issued to. */
typedef struct
{
  gint64  trainee_id;
  char   *id_number;
  char   *name;
  char   *employer;
  int     public_hours;
  int     compulsory;
  int     professional;
  int     total;
} Holder;

static void
holder_free (Holder *holder)
{
  g_free (holder->id_number);
  g_free (holder->name);
  g_free (holder->employer);
  g_free (holder);
}

static Holder *
holder_from_progress (const XsProgressRow *row)
{
  Holder *holder = g_new0 (Holder, 1);

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
      Holder *holder;

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
      holder = g_new0 (Holder, 1);
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

/* The document of a certificate for @holder. @key NULL makes an unsigned
 * preview without serial and QR code. */
static XsCertificate *
build (XsDb                        *db,
       XsSigningKey                *key,
       const XsCertificateSettings *settings,
       XsCertificateTemplate       *template,
       GBytes                      *seal,
       XsCertificateKind            kind,
       int                          year,
       const XsTrainingClass       *klass,
       const Holder                *holder,
       const char                  *serial,
       GError                     **error)
{
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
  _xs_certificate_set_seal (certificate, seal);
  _xs_certificate_set_template (certificate, template, settings->offset_x, settings->offset_y);

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

static gboolean
check_base_name (const XsCertificateSettings  *settings,
                 GError                      **error)
{
  if (settings->base_name == NULL || *settings->base_name == '\0')
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Certificates name the base that issues them: set the base’s name in Preferences or with “xueshi-cli base set --name” first."));
      return FALSE;
    }
  return TRUE;
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

/* Certificates are drawn (the slow part) outside any write transaction,
 * about this long's worth at a time, then stored in one short one: other
 * writers (a revocation, a claim saved in the window) find the database
 * free most of the time and wait a few milliseconds at most. */
#define CHUNK_USEC (G_USEC_PER_SEC / 10)
/* Another program issuing the same kind and year at the same moment takes
 * the serials drawn; the chunk is drawn again, this often at most. */
#define MAX_RETRIES 5

typedef struct
{
  XsCertificate *certificate;
  gboolean       issue;        /* FALSE: issued before, or refused */
  char          *refusal;      /* why this holder's text does not fit the page */
  int            number;
  const Holder  *holder;
} Drawn;

static void
drawn_free (Drawn *drawn)
{
  g_clear_object (&drawn->certificate);
  g_free (drawn->refusal);
  g_free (drawn);
}

/* Draws the certificates of holders @start… (those not issued yet with
 * serials from the next free number on) until CHUNK_USEC has passed;
 * sets @end after the last holder drawn. No write lock is held. */
static GPtrArray *
draw_chunk (XsDb                        *db,
            XsSigningKey                *key,
            const XsCertificateSettings *settings,
            XsCertificateTemplate       *template,
            GBytes                      *seal,
            const XsCertificateQuery    *query,
            const XsTrainingClass       *klass,
            GPtrArray                   *holders,
            guint                        start,
            guint                       *end,
            int                         *first_number,
            GCancellable                *cancellable,
            GError                     **error)
{
  g_autoptr(GPtrArray) chunk = g_ptr_array_new_with_free_func ((GDestroyNotify) drawn_free);
  g_autofree char *first_serial = NULL;
  int year = klass ? klass->year : query->year;
  gint64 began = g_get_monotonic_time ();
  int number;
  guint i;

  first_serial = _xs_certificate_store_next_serial (db, query->kind, year, first_number, error);
  if (first_serial == NULL)
    return NULL;
  number = *first_number;

  for (i = start; i < holders->len && (i == start || g_get_monotonic_time () - began < CHUNK_USEC); i++)
    {
      const Holder *holder = g_ptr_array_index (holders, i);
      g_autoptr(GError) local_error = NULL;
      Drawn *drawn;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      drawn = g_new0 (Drawn, 1);
      drawn->holder = holder;
      g_ptr_array_add (chunk, drawn);
      drawn->certificate = _xs_certificate_store_find_valid (db, query->kind, holder->trainee_id, year,
                                                             klass ? klass->id : 0, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (drawn->certificate != NULL)
        continue;

      {
        g_autofree char *serial = _xs_certificate_store_format_serial (query->kind, year, number);

        drawn->certificate = build (db, key, settings, template, seal, query->kind, year, klass, holder, serial, error);
      }
      if (drawn->certificate != NULL && !xs_certificate_check_layout (drawn->certificate, &local_error))
        {
          /* too long even in the smallest type: this person is refused,
           * the others are issued */
          g_autofree char *who = describe (holder->name, holder->id_number);

          drawn->refusal = g_strdup_printf ("%s: %s", who, local_error->message);
          g_clear_object (&drawn->certificate);
          continue;
        }
      /* The document is the snapshot: its PDF is drawn from it when
       * needed, always the same (xs_certificate_store_get_pdf()). */
      if (drawn->certificate == NULL)
        return NULL;
      drawn->issue = TRUE;
      drawn->number = number++;
    }
  *end = i;
  return g_steal_pointer (&chunk);
}

/* Stores the drawn certificates of @chunk in one short transaction, unless
 * another program took their serials or issued one of them meanwhile
 * (then FALSE with @error unset: draw again). */
static gboolean
store_chunk (XsDb                      *db,
             const XsCertificateQuery  *query,
             const XsTrainingClass     *klass,
             GPtrArray                 *chunk,
             int                        first_number,
             guint                     *n_new,
             GError                   **error)
{
  g_autofree char *serial = NULL;
  int year = klass ? klass->year : query->year;
  int number;

  *n_new = 0;
  if (!xs_db_begin (db, error))
    return FALSE;
  serial = _xs_certificate_store_next_serial (db, query->kind, year, &number, error);
  if (serial == NULL)
    goto fail;
  if (number != first_number)
    goto again;

  for (guint i = 0; i < chunk->len; i++)
    {
      Drawn *drawn = g_ptr_array_index (chunk, i);
      g_autoptr(XsCertificate) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *masked = NULL;

      if (!drawn->issue)
        continue;
      existing = _xs_certificate_store_find_valid (db, query->kind, drawn->holder->trainee_id, year,
                                                   klass ? klass->id : 0, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      if (existing != NULL)
        goto again;
      masked = xs_id_number_mask (drawn->holder->id_number);
      if (!_xs_certificate_store_insert (db, drawn->certificate, drawn->number, drawn->holder->trainee_id,
                                         klass ? klass->id : 0, masked, error))
        goto fail;
      (*n_new)++;
    }
  return xs_db_commit (db, error);

again:
  xs_db_rollback (db);
  *n_new = 0;
  return FALSE;

fail:
  xs_db_rollback (db);
  *n_new = 0;
  return FALSE;
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

GPtrArray *
xs_certificates_issue (XsDb                        *db,
                       XsSigningKey                *key,
                       const XsCertificateSettings *settings,
                       const XsCertificateQuery    *query,
                       XsCertificateProgressFunc    progress,
                       gpointer                     user_data,
                       GCancellable                *cancellable,
                       guint                       *n_issued,
                       GPtrArray                  **refused,
                       GError                     **error)
{
  g_autoptr(GPtrArray) refusals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) holders = NULL;
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XsTrainingClass) klass = NULL;
  g_autoptr(GBytes) seal = NULL;
  g_autoptr(XsPdfKey) pdf_key = NULL;
  g_autoptr(XsCertificateTemplate) template = NULL;
  guint issued = 0;
  guint retries = 0;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), NULL);
  g_return_val_if_fail (settings != NULL && query != NULL, NULL);

  if (!check_base_name (settings, error) || !load_seal (settings, &seal, error)
      /* not used here, but no certificate is issued that could not be
       * signed when its PDF is written */
      || (pdf_key = xs_certificate_open_pdf_key (db, error)) == NULL
      || (template = lookup_template (db, settings, query->kind, error)) == NULL)
    return NULL;

  /* Who is due one is read from one snapshot, without the write lock. */
  if (!_xs_db_begin_read (db, error))
    return NULL;
  holders = find_holders (db, query, &klass, refusals, error);
  if (!xs_db_commit (db, holders != NULL ? error : NULL) || holders == NULL)
    return NULL;
  if (holders->len == 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND, "%s",
                   refusals->len > 0 ? (const char *) g_ptr_array_index (refusals, 0)
                   : query->kind == XS_CERTIFICATE_ANNUAL
                   ? _("Nobody chosen has met the year’s requirement yet.")
                   : _("Nobody chosen has completed the class."));
      return NULL;
    }

  /* A certificate is issued whole (its serial taken and it stored) or not
   * at all; a few at a time are stored together. A certificate already
   * issued is found, not issued twice, so running again after a failure
   * or a cancel issues the rest. */
  for (guint i = 0; i < holders->len;)
    {
      g_autoptr(GPtrArray) chunk = NULL;
      g_autoptr(GError) local_error = NULL;
      int first_number = 0;
      guint end = i;
      guint n_new = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      chunk = draw_chunk (db, key, settings, template, seal, query, klass, holders, i, &end, &first_number,
                          cancellable, error);
      if (chunk == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (!store_chunk (db, query, klass, chunk, first_number, &n_new, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto fail;
            }
          if (++retries > MAX_RETRIES)
            {
              g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_FAILED,
                           _("Another program keeps issuing certificates at the same time; try again later."));
              goto fail;
            }
          continue;
        }
      retries = 0;
      issued += n_new;
      for (guint j = 0; j < chunk->len; j++)
        {
          Drawn *drawn = g_ptr_array_index (chunk, j);

          if (drawn->refusal != NULL)
            g_ptr_array_add (refusals, g_steal_pointer (&drawn->refusal));
          else if (drawn->certificate != NULL)
            g_ptr_array_add (certificates, g_steal_pointer (&drawn->certificate));
        }
      i = end;
      if (progress != NULL)
        progress (i, holders->len, user_data);
    }

  if (n_issued != NULL)
    *n_issued = issued;
  if (refused != NULL)
    *refused = g_steal_pointer (&refusals);
  return g_steal_pointer (&certificates);

fail:
  /* the certificates of the unfinished chunk are not issued */
  if (issued > 0)
    g_prefix_error (error, g_dngettext (GETTEXT_PACKAGE,
                                        "%u certificate was issued before this and stands; run again to issue the rest. ",
                                        "%u certificates were issued before this and stand; run again to issue the rest. ",
                                        issued),
                    issued);
  return NULL;
}

XsCertificate *
xs_certificate_preview (XsDb                        *db,
                        const XsCertificateSettings *settings,
                        XsCertificateKind            kind,
                        int                          year,
                        const char                  *class_code,
                        const char                  *id_number,
                        GError                     **error)
{
  const char *ids[] = { id_number, NULL };
  XsCertificateQuery query = { kind, year, ids, NULL, class_code };
  g_autoptr(GPtrArray) refusals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) holders = NULL;
  g_autoptr(XsTrainingClass) klass = NULL;
  g_autoptr(GBytes) seal = NULL;
  g_autoptr(GError) local_error = NULL;
  XsCertificateSettings shown;
  g_autoptr(XsCertificateTemplate) template = NULL;
  XsCertificate *issued;
  const Holder *holder;

  g_return_val_if_fail (db != NULL && settings != NULL && id_number != NULL, NULL);

  holders = find_holders (db, &query, &klass, refusals, error);
  if (holders == NULL)
    return NULL;
  if (holders->len == 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED, "%s",
                   refusals->len > 0 ? (const char *) g_ptr_array_index (refusals, 0)
                   : _("This trainee cannot be given this certificate."));
      return NULL;
    }
  holder = g_ptr_array_index (holders, 0);
  issued = _xs_certificate_store_find_valid (db, kind, holder->trainee_id, klass ? klass->year : year,
                                             klass ? klass->id : 0, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (issued != NULL)
    return issued;

  /* A preview shows what the settings would give, seal included, but is
   * not refused for a missing base name: the page says what to do. */
  if (!load_seal (settings, &seal, error)
      || (template = lookup_template (db, settings, kind, error)) == NULL)
    return NULL;
  shown = *settings;
  if (shown.base_name == NULL)
    shown.base_name = "";
  return build (db, NULL, &shown, template, seal, kind, klass ? klass->year : year, klass, holder, NULL, error);
}

void
xs_certificate_plan_free (XsCertificatePlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->first_serial);
  g_free (plan->last_serial);
  g_clear_pointer (&plan->refused, g_ptr_array_unref);
  g_free (plan);
}

XsCertificatePlan *
xs_certificates_plan (XsDb                      *db,
                      const XsCertificateQuery  *query,
                      GError                   **error)
{
  g_autoptr(XsCertificatePlan) plan = g_new0 (XsCertificatePlan, 1);
  g_autoptr(GPtrArray) holders = NULL;
  g_autoptr(XsTrainingClass) klass = NULL;
  int year, number = 0;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  plan->refused = g_ptr_array_new_with_free_func (g_free);
  /* one snapshot: who is due one and which of them have one */
  if (!_xs_db_begin_read (db, error))
    return NULL;
  holders = find_holders (db, query, &klass, plan->refused, error);
  if (holders == NULL)
    {
      xs_db_rollback (db);
      return NULL;
    }
  year = klass ? klass->year : query->year;
  for (guint i = 0; i < holders->len; i++)
    {
      const Holder *holder = g_ptr_array_index (holders, i);
      g_autoptr(XsCertificate) issued = NULL;
      g_autoptr(GError) local_error = NULL;

      issued = _xs_certificate_store_find_valid (db, query->kind, holder->trainee_id, year,
                                                 klass ? klass->id : 0, &local_error);
      if (local_error != NULL)
        {
          xs_db_rollback (db);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (issued != NULL)
        plan->n_issued++;
      else
        plan->n_new++;
    }
  if (plan->n_new > 0)
    {
      plan->first_serial = _xs_certificate_store_next_serial (db, query->kind, year, &number, error);
      if (plan->first_serial == NULL)
        {
          xs_db_rollback (db);
          return NULL;
        }
      plan->last_serial = _xs_certificate_store_format_serial (query->kind, year,
                                                               number + (int) plan->n_new - 1);
    }
  if (!xs_db_commit (db, error))
    return NULL;
  return g_steal_pointer (&plan);
}
