/* xs-certificate-issue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issuing a batch of certificates once, a few at a time; a preview of
 * one; and what issuing would do, asked before it is done.
 */
#define G_LOG_DOMAIN "xs-certificate-issue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-certificate-batch-private.h"
#include "xs-certificate-private.h"
#include "xs-certificate-sign.h"
#include "xs-certificate-store-private.h"
#include "xs-db-private.h"
#include "xs-id-number.h"

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
  const XsCertificateHolder *holder;
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
 * sets @end after the last holder drawn. No write lock is held. A holder
 * whose texts do not fit the page is refused (drawn->refusal). */
static GPtrArray *
draw_chunk (XsCertificateBatch *batch,
            guint               start,
            guint              *end,
            int                *first_number,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GPtrArray) chunk = g_ptr_array_new_with_free_func ((GDestroyNotify) drawn_free);
  g_autofree char *first_serial = NULL;
  guint n_holders = xs_certificate_batch_get_n_holders (batch);
  gint64 began = g_get_monotonic_time ();
  int number;
  guint i;

  first_serial = xs_certificate_batch_next_serial (batch, first_number, error);
  if (first_serial == NULL)
    return NULL;
  number = *first_number;

  for (i = start; i < n_holders && (i == start || g_get_monotonic_time () - began < CHUNK_USEC); i++)
    {
      const XsCertificateHolder *holder = xs_certificate_batch_get_holder (batch, i);
      g_autoptr(GError) local_error = NULL;
      Drawn *drawn;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      drawn = g_new0 (Drawn, 1);
      drawn->holder = holder;
      g_ptr_array_add (chunk, drawn);
      drawn->certificate = xs_certificate_batch_find_issued (batch, holder, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (drawn->certificate != NULL)
        continue;

      {
        g_autofree char *serial = xs_certificate_batch_format_serial (batch, number);

        drawn->certificate = xs_certificate_batch_build (batch, holder, serial, error);
      }
      if (drawn->certificate != NULL && !xs_certificate_check_layout (drawn->certificate, &local_error))
        {
          /* too long even in the smallest type: this person is refused,
           * the others are issued */
          drawn->refusal = g_strdup (local_error->message);
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
store_chunk (XsDb                *db,
             XsCertificateBatch  *batch,
             GPtrArray           *chunk,
             int                  first_number,
             guint               *n_new,
             GError             **error)
{
  g_autofree char *serial = NULL;
  int number;

  *n_new = 0;
  if (!xs_db_begin (db, error))
    return FALSE;
  serial = xs_certificate_batch_next_serial (batch, &number, error);
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
      existing = xs_certificate_batch_find_issued (batch, drawn->holder, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      if (existing != NULL)
        goto again;
      masked = xs_id_number_mask (drawn->holder->id_number);
      if (!_xs_certificate_store_insert (db, drawn->certificate, drawn->number, drawn->holder->trainee_id,
                                         xs_certificate_batch_get_class_id (batch), masked, error))
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
  g_autoptr(GPtrArray) refusals = NULL;
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(XsCertificateBatch) batch = NULL;
  g_autoptr(XsPdfKey) pdf_key = NULL;
  guint issued = 0;
  guint retries = 0;
  guint n_holders;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), NULL);
  g_return_val_if_fail (settings != NULL && query != NULL, NULL);

  if (!check_base_name (settings, error)
      /* not used here, but no certificate is issued that could not be
       * signed when its PDF is written */
      || (pdf_key = xs_certificate_open_pdf_key (db, error)) == NULL)
    return NULL;

  /* Who is due one is read from one snapshot, without the write lock. */
  if (!_xs_db_begin_read (db, error))
    return NULL;
  batch = xs_certificate_batch_new (db, query, error);
  if (!xs_db_commit (db, batch != NULL ? error : NULL) || batch == NULL)
    return NULL;
  if (!xs_certificate_batch_set_drawing (batch, key, settings, error))
    return NULL;
  refusals = xs_certificate_batch_steal_refusals (batch);
  n_holders = xs_certificate_batch_get_n_holders (batch);
  if (n_holders == 0)
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
  for (guint i = 0; i < n_holders;)
    {
      g_autoptr(GPtrArray) chunk = NULL;
      g_autoptr(GError) local_error = NULL;
      int first_number = 0;
      guint end = i;
      guint n_new = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      chunk = draw_chunk (batch, i, &end, &first_number, cancellable, error);
      if (chunk == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (!store_chunk (db, batch, chunk, first_number, &n_new, &local_error))
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
            xs_certificate_batch_refuse (batch, drawn->holder, drawn->refusal);
          else if (drawn->certificate != NULL)
            g_ptr_array_add (certificates, g_steal_pointer (&drawn->certificate));
        }
      i = end;
      if (progress != NULL)
        progress (i, n_holders, user_data);
    }

  if (n_issued != NULL)
    *n_issued = issued;
  if (refused != NULL)
    {
      g_autoptr(GPtrArray) layout_refusals = xs_certificate_batch_steal_refusals (batch);

      g_ptr_array_extend_and_steal (refusals, g_steal_pointer (&layout_refusals));
      *refused = g_steal_pointer (&refusals);
    }
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
  g_autoptr(XsCertificateBatch) batch = NULL;
  g_autoptr(GPtrArray) refusals = NULL;
  g_autoptr(GError) local_error = NULL;
  XsCertificate *issued;
  const XsCertificateHolder *holder;

  g_return_val_if_fail (db != NULL && settings != NULL && id_number != NULL, NULL);

  batch = xs_certificate_batch_new (db, &query, error);
  if (batch == NULL)
    return NULL;
  refusals = xs_certificate_batch_steal_refusals (batch);
  if (xs_certificate_batch_get_n_holders (batch) == 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED, "%s",
                   refusals->len > 0 ? (const char *) g_ptr_array_index (refusals, 0)
                   : _("This trainee cannot be given this certificate."));
      return NULL;
    }
  holder = xs_certificate_batch_get_holder (batch, 0);
  issued = xs_certificate_batch_find_issued (batch, holder, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (issued != NULL)
    return issued;

  /* A preview shows what the settings would give, seal included, but is
   * not refused for a missing base name: the page says what to do. */
  if (!xs_certificate_batch_set_drawing (batch, NULL, settings, error))
    return NULL;
  return xs_certificate_batch_build (batch, holder, NULL, error);
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
  g_autoptr(XsCertificateBatch) batch = NULL;
  int number = 0;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* one snapshot: who is due one and which of them have one */
  if (!_xs_db_begin_read (db, error))
    return NULL;
  batch = xs_certificate_batch_new (db, query, error);
  if (batch == NULL)
    {
      xs_db_rollback (db);
      return NULL;
    }
  plan->refused = xs_certificate_batch_steal_refusals (batch);
  for (guint i = 0; i < xs_certificate_batch_get_n_holders (batch); i++)
    {
      const XsCertificateHolder *holder = xs_certificate_batch_get_holder (batch, i);
      g_autoptr(XsCertificate) issued = NULL;
      g_autoptr(GError) local_error = NULL;

      issued = xs_certificate_batch_find_issued (batch, holder, &local_error);
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
      plan->first_serial = xs_certificate_batch_next_serial (batch, &number, error);
      if (plan->first_serial == NULL)
        {
          xs_db_rollback (db);
          return NULL;
        }
      plan->last_serial = xs_certificate_batch_format_serial (batch, number + (int) plan->n_new - 1);
    }
  if (!xs_db_commit (db, error))
    return NULL;
  return g_steal_pointer (&plan);
}
