/* xs-certificate-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The register of issued certificates: snapshots that never change.
 */
#define G_LOG_DOMAIN "xs-certificate-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-certificate-pdf.h"
#include "xs-certificate-paint.h"
#include "xs-certificate-private.h"
#include "xs-certificate-sign.h"
#include "xs-certificate-store-private.h"
#include "xs-db-private.h"

void
xs_issued_certificate_free (XsIssuedCertificate *issued)
{
  if (issued == NULL)
    return;
  g_free (issued->serial);
  g_free (issued->holder);
  g_free (issued->masked_id);
  g_free (issued->issued_at);
  g_free (issued->data_hash);
  g_free (issued->revoked_at);
  g_free (issued->revoke_reason);
  g_free (issued);
}

static const char *
kind_to_string (XsCertificateKind kind)
{
  return kind == XS_CERTIFICATE_ANNUAL ? "annual" : "completion";
}

static gpointer
not_found (const char  *serial,
           GError     **error)
{
  g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
               _("No certificate with the number “%s” was issued here."), serial);
  return NULL;
}

/* The columns certificate_from_row() reads. */
#define SNAPSHOT_COLUMNS "c.document, a.data, t.data FROM certificate c" \
  " LEFT JOIN certificate_asset a ON a.sha256 = c.seal_sha256" \
  " LEFT JOIN certificate_asset t ON t.sha256 = json_extract (c.document, '$.template_sha256')"

/* Reads the document (column 0), the seal (column 1) and the template
 * (column 2, none for the built-in ones) of a row. */
static XsCertificate *
certificate_from_row (XsDbStmt  *stmt,
                      GError   **error)
{
  g_autoptr(GBytes) seal = NULL;
  g_autoptr(GBytes) template = NULL;

  if (!_xs_db_column_is_null (stmt, 1))
    seal = _xs_db_column_bytes (stmt, 1);
  if (!_xs_db_column_is_null (stmt, 2))
    template = _xs_db_column_bytes (stmt, 2);
  return _xs_certificate_new_from_snapshot (_xs_db_column_text (stmt, 0), seal, template, error);
}

XsCertificate *
_xs_certificate_store_find_valid (XsDb              *db,
                                  XsCertificateKind  kind,
                                  gint64             trainee_id,
                                  int                year,
                                  gint64             class_id,
                                  GError           **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  stmt = _xs_db_prepare (db,
                         "SELECT " SNAPSHOT_COLUMNS
                         " WHERE c.trainee_id = ?1 AND c.kind = ?2 AND c.revoked_at IS NULL"
                         " AND ((c.kind = 'annual' AND c.year = ?3) OR c.class_id = ?4)",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_int64 (stmt, 1, trainee_id);
  _xs_db_bind_text_static (stmt, 2, kind_to_string (kind));
  _xs_db_bind_int (stmt, 3, year);
  _xs_db_bind_int64 (stmt, 4, class_id);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_ROW)
    return certificate_from_row (stmt, error);
  if (rc != XS_DB_DONE)
    _xs_db_set_error (db, error);
  return NULL;
}

char *
_xs_certificate_store_next_serial (XsDb              *db,
                                   XsCertificateKind  kind,
                                   int                year,
                                   int               *number,
                                   GError           **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  stmt = _xs_db_prepare (db,
                         "SELECT coalesce (max (number), 0) + 1 FROM certificate"
                         " WHERE kind = ?1 AND year = ?2",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text_static (stmt, 1, kind_to_string (kind));
  _xs_db_bind_int (stmt, 2, year);
  if (_xs_db_step (stmt) != XS_DB_ROW)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  *number = _xs_db_column_int (stmt, 0);
  return _xs_certificate_store_format_serial (kind, year, *number);
}

char *
_xs_certificate_store_format_serial (XsCertificateKind kind,
                                     int               year,
                                     int               number)
{
  /* JX: 继续教育 (continuing education); JY: 结业 (completion) */
  return g_strdup_printf ("%04d-%s-%06d", year, kind == XS_CERTIFICATE_ANNUAL ? "JX" : "JY", number);
}

static gboolean
store_asset (XsDb        *db,
             const char  *hash,
             GBytes      *data,
             GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  if (data == NULL)
    return TRUE;
  stmt = _xs_db_prepare (db, "INSERT OR IGNORE INTO certificate_asset (sha256, data) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_text_static (stmt, 1, hash);
  _xs_db_bind_blob_static (stmt, 2, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  return _xs_db_exec_stmt (db, stmt, error);
}

/* The seal and the template (unless built in) are kept once however many
 * certificates show them. */
static gboolean
store_assets (XsDb           *db,
              XsCertificate  *certificate,
              GError        **error)
{
  XsCertificateTemplate *template = certificate->template;

  return store_asset (db, _xs_certificate_get_seal_hash (certificate), xs_certificate_get_seal (certificate), error)
         && (template == NULL || xs_certificate_template_is_builtin (template)
             || store_asset (db, xs_certificate_template_get_hash (template),
                             xs_certificate_template_get_data (template), error));
}

gboolean
_xs_certificate_store_insert (XsDb           *db,
                              XsCertificate  *certificate,
                              int             number,
                              gint64          trainee_id,
                              gint64          class_id,
                              const char     *masked_id,
                              GError        **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *document = xs_certificate_to_json (certificate);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, document, -1);

  if (!store_assets (db, certificate, error))
    return FALSE;

  stmt = _xs_db_prepare (db,
                         "INSERT INTO certificate (serial, kind, year, number, trainee_id, class_id,"
                         " holder, masked_id, document, document_sha256, seal_sha256, pdf, issued_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_text_static (stmt, 1, xs_certificate_get_serial (certificate));
  _xs_db_bind_text_static (stmt, 2, kind_to_string (xs_certificate_get_kind (certificate)));
  _xs_db_bind_int (stmt, 3, xs_certificate_get_year (certificate));
  _xs_db_bind_int (stmt, 4, number);
  _xs_db_bind_int64 (stmt, 5, trainee_id);
  _xs_db_bind_id (stmt, 6, class_id);
  _xs_db_bind_text_static (stmt, 7, xs_certificate_get_holder (certificate));
  _xs_db_bind_text_static (stmt, 8, masked_id);
  _xs_db_bind_text_static (stmt, 9, document);
  _xs_db_bind_text_static (stmt, 10, hash);
  _xs_db_bind_text_static (stmt, 11, _xs_certificate_get_seal_hash (certificate));
  /* no PDF: the document is the snapshot (version 9 of the schema) */
  _xs_db_bind_blob_static (stmt, 12, "", 0);
  _xs_db_bind_text_static (stmt, 13, _xs_db_get_now (db));
  return _xs_db_exec_stmt (db, stmt, error);
}

XsCertificate *
xs_certificate_store_get (XsDb        *db,
                          const char  *serial,
                          GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && serial != NULL, NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT " SNAPSHOT_COLUMNS " WHERE c.serial = ?1",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text_static (stmt, 1, serial);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_ROW)
    return certificate_from_row (stmt, error);
  if (rc == XS_DB_DONE)
    return not_found (serial, error);
  _xs_db_set_error (db, error);
  return NULL;
}

/* The PDF drawn from @certificate's snapshot, signed with the base's PDF
 * key: the signature is dated the issue date and deterministic, so a
 * reprint gives the same bytes each time. */
static GBytes *
render_signed (XsDb           *db,
               XsCertificate  *certificate,
               GError        **error)
{
  g_autoptr(XsPdfKey) pdf_key = xs_certificate_open_pdf_key (db, error);
  g_autoptr(GBytes) pdf = NULL;

  if (pdf_key == NULL || (pdf = xs_certificate_render_pdf (certificate, error)) == NULL)
    return NULL;
  return xs_certificate_sign_pdf (pdf, certificate, pdf_key, error);
}

GBytes *
xs_certificate_store_get_pdf (XsDb        *db,
                              const char  *serial,
                              GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && serial != NULL, NULL);

  stmt = _xs_db_prepare (db, "SELECT pdf, " SNAPSHOT_COLUMNS " WHERE c.serial = ?1", error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text_static (stmt, 1, serial);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_ROW && _xs_db_column_length (stmt, 0) > 0)
    return _xs_db_column_bytes (stmt, 0);  /* issued before version 9: as it was */
  if (rc == XS_DB_ROW)
    {
      g_autoptr(XsCertificate) certificate = NULL;
      g_autoptr(GBytes) seal = NULL;
      g_autoptr(GBytes) template = NULL;

      if (!_xs_db_column_is_null (stmt, 2))
        seal = _xs_db_column_bytes (stmt, 2);
      if (!_xs_db_column_is_null (stmt, 3))
        template = _xs_db_column_bytes (stmt, 3);
      certificate = _xs_certificate_new_from_snapshot (_xs_db_column_text (stmt, 1), seal, template, error);
      if (certificate == NULL)
        return NULL;
      g_clear_pointer (&stmt, _xs_db_stmt_release);
      if (!xs_certificate_is_drawn_as_issued (certificate))
        g_message ("Certificate %s was issued with other fonts or libraries (%s) than this computer has (%s): "
                   "its texts are the same, its PDF’s bytes may differ",
                   serial, certificate->renderer, _xs_certificate_get_renderer ());
      return render_signed (db, certificate, error);
    }
  if (rc == XS_DB_DONE)
    return not_found (serial, error);
  _xs_db_set_error (db, error);
  return NULL;
}

#define ISSUED_COLUMNS \
  "id, serial, kind, year, holder, masked_id, issued_at, document_sha256, revoked_at, revoke_reason"

static XsIssuedCertificate *
issued_from_row (XsDbStmt *stmt)
{
  XsIssuedCertificate *issued = g_new0 (XsIssuedCertificate, 1);

  issued->id = _xs_db_column_int64 (stmt, 0);
  issued->serial = g_strdup (_xs_db_column_text (stmt, 1));
  issued->kind = g_strcmp0 (_xs_db_column_text (stmt, 2), "annual") == 0
                 ? XS_CERTIFICATE_ANNUAL : XS_CERTIFICATE_COMPLETION;
  issued->year = _xs_db_column_int (stmt, 3);
  issued->holder = g_strdup (_xs_db_column_text (stmt, 4));
  issued->masked_id = g_strdup (_xs_db_column_text (stmt, 5));
  issued->issued_at = g_strdup (_xs_db_column_text (stmt, 6));
  issued->data_hash = g_strdup (_xs_db_column_text (stmt, 7));
  issued->revoked_at = g_strdup (_xs_db_column_text (stmt, 8));
  issued->revoke_reason = g_strdup (_xs_db_column_text (stmt, 9));
  return issued;
}

XsIssuedCertificate *
xs_certificate_store_lookup (XsDb        *db,
                             const char  *serial,
                             GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL && serial != NULL, NULL);

  stmt = _xs_db_prepare (db, "SELECT " ISSUED_COLUMNS " FROM certificate WHERE serial = ?1", error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text_static (stmt, 1, serial);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_ROW)
    return issued_from_row (stmt);
  if (rc == XS_DB_DONE)
    return not_found (serial, error);
  _xs_db_set_error (db, error);
  return NULL;
}

GPtrArray *
xs_certificate_store_list (XsDb    *db,
                           int      year,
                           GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_issued_certificate_free);
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = _xs_db_prepare (db, "SELECT " ISSUED_COLUMNS " FROM certificate WHERE year = ?1 ORDER BY serial", error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_int (stmt, 1, year);
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    g_ptr_array_add (list, issued_from_row (stmt));
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
xs_certificate_store_revoke (XsDb        *db,
                             const char  *serial,
                             const char  *reason,
                             GError     **error)
{
  g_autoptr(XsIssuedCertificate) issued = NULL;
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (db != NULL && serial != NULL, FALSE);

  stripped = g_strstrip (g_strdup (reason ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Give the reason for revoking certificate %s."), serial);
      return FALSE;
    }
  if ((issued = xs_certificate_store_lookup (db, serial, error)) == NULL)
    return FALSE;
  if (issued->revoked_at != NULL)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Certificate %s was already revoked on %s."), serial, issued->revoked_at);
      return FALSE;
    }

  if (!xs_db_begin (db, error))
    return FALSE;
  stmt = _xs_db_prepare (db, "UPDATE certificate SET revoked_at = ?1, revoke_reason = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    {
      xs_db_rollback (db);
      return FALSE;
    }
  _xs_db_bind_text_static (stmt, 1, _xs_db_get_now (db));
  _xs_db_bind_text_static (stmt, 2, stripped);
  _xs_db_bind_int64 (stmt, 3, issued->id);
  if (!_xs_db_exec_stmt (db, stmt, error))
    {
      g_clear_pointer (&stmt, _xs_db_stmt_release);
      xs_db_rollback (db);
      return FALSE;
    }
  g_clear_pointer (&stmt, _xs_db_stmt_release);
  return xs_db_commit (db, error);
}

GPtrArray *
xs_certificate_store_list_revoked (XsDb    *db,
                                   GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_issued_certificate_free);
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = _xs_db_prepare (db, "SELECT " ISSUED_COLUMNS " FROM certificate"
                             " WHERE revoked_at IS NOT NULL ORDER BY serial", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    g_ptr_array_add (list, issued_from_row (stmt));
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}
