/* xs-package-register.c: what the base sent its reviewers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every package written is recorded with the SHA-256 of its file, and each
 * claim in it as it was: a digest of its content (trainee, kind, hours,
 * date, title) and one of its evidence files. A decision applies only when
 * the claim is still in that state.
 */
#define G_LOG_DOMAIN "xs-package"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-claim-store.h"
#include "xs-db-private.h"
#include "xs-evidence.h"
#include "xs-package-private.h"

void
_xs_claim_state_clear (XsClaimState *state)
{
  g_clear_pointer (&state->content, g_free);
  g_clear_pointer (&state->evidence, g_free);
  g_clear_pointer (&state->date, g_free);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

gboolean
_xs_package_claim_state (XsDb          *db,
                         gint64         claim_id,
                         XsClaimState  *state,
                         GError       **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GChecksum) content = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GChecksum) files = g_checksum_new (G_CHECKSUM_SHA256);
  int rc;

  stmt = _xs_db_prepare (db,
                         "SELECT t.id_number, c.year, c.category, c.compulsory, c.kind, "
                         "ifnull(c.variant, ''), c.hours, c.title, c.date "
                         "FROM claim c JOIN trainee t ON t.id = c.trainee_id WHERE c.id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int64 (stmt, 1, claim_id);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_DONE)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND, "no claim %" G_GINT64_FORMAT, claim_id);
      return FALSE;
    }
  if (rc != XS_DB_ROW)
    return _xs_db_set_error (db, error);
  /* one field a line: no field can run into the next */
  for (int i = 0; i < 9; i++)
    {
      const char *text = _xs_db_column_text (stmt, i);

      g_checksum_update (content, (const guchar *) (text ? text : ""), -1);
      g_checksum_update (content, (const guchar *) "\n", 1);
    }
  state->hours = _xs_db_column_int (stmt, 6);
  state->date = g_strdup (_xs_db_column_text (stmt, 8));
  g_clear_pointer (&stmt, _xs_db_stmt_release);

  evidence = xs_claim_store_list_evidence (db, claim_id, error);
  if (evidence == NULL)
    return FALSE;
  for (guint i = 0; i < evidence->len; i++)
    {
      XsEvidence *e = g_ptr_array_index (evidence, i);

      g_ptr_array_add (parts, g_strdup_printf ("%s %s\n", e->sha256, e->material ? e->material : ""));
    }
  g_ptr_array_sort (parts, compare_strings);
  for (guint i = 0; i < parts->len; i++)
    g_checksum_update (files, g_ptr_array_index (parts, i), -1);
  state->content = g_strdup (g_checksum_get_string (content));
  state->evidence = g_strdup (g_checksum_get_string (files));
  return TRUE;
}

/* One export to record, as a transaction's data. */
typedef struct
{
  const char    *digest;
  const char    *file_name;
  int            year;
  const gint64  *claim_ids;
  guint          n_claims;
} Export;

static gboolean
record_export (XsDb      *db,
               gpointer   data,
               GError   **error)
{
  const Export *export = data;
  g_autoptr(XsDbStmt) stmt = NULL;
  gint64 export_id;

  stmt = _xs_db_prepare (db,
                         "INSERT INTO package_export (digest, file_name, year, exported_at) "
                         "VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT (digest) DO UPDATE SET exported_at = excluded.exported_at",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_text (stmt, 1, export->digest);
  _xs_db_bind_text (stmt, 2, export->file_name);
  _xs_db_bind_int (stmt, 3, export->year);
  _xs_db_bind_text_static (stmt, 4, _xs_db_get_now (db));
  if (!_xs_db_exec_stmt (db, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, _xs_db_stmt_release);
  export_id = _xs_package_register_lookup (db, export->digest, error);
  if (export_id <= 0)
    return FALSE;

  for (guint i = 0; i < export->n_claims; i++)
    {
      g_auto(XsClaimState) state = { 0 };
      g_autoptr(XsDbStmt) insert = NULL;

      if (!_xs_package_claim_state (db, export->claim_ids[i], &state, error))
        return FALSE;
      insert = _xs_db_prepare (db,
                               "INSERT OR REPLACE INTO package_export_claim (export_id, claim_id, "
                               "content_digest, evidence_digest, hours, date) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                               error);
      if (insert == NULL)
        return FALSE;
      _xs_db_bind_int64 (insert, 1, export_id);
      _xs_db_bind_int64 (insert, 2, export->claim_ids[i]);
      _xs_db_bind_text (insert, 3, state.content);
      _xs_db_bind_text (insert, 4, state.evidence);
      _xs_db_bind_int (insert, 5, state.hours);
      _xs_db_bind_text (insert, 6, state.date);
      if (!_xs_db_exec_stmt (db, insert, error))
        return FALSE;
    }
  return _xs_db_audit (db, "package", export_id, "export", export->file_name, error);
}

gboolean
_xs_package_register_export (XsDb          *db,
                             const char    *digest,
                             const char    *file_name,
                             int            year,
                             const gint64  *claim_ids,
                             guint          n_claims,
                             GError       **error)
{
  Export export = { digest, file_name, year, claim_ids, n_claims };

  return xs_db_run_in_transaction (db, record_export, &export, error);
}

gint64
_xs_package_register_lookup (XsDb        *db,
                             const char  *digest,
                             GError     **error)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, "SELECT id FROM package_export WHERE digest = ?1", error);
  int rc;

  if (stmt == NULL)
    return -1;
  _xs_db_bind_text (stmt, 1, digest);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_ROW)
    return _xs_db_column_int64 (stmt, 0);
  if (rc == XS_DB_DONE)
    return 0;
  _xs_db_set_error (db, error);
  return -1;
}

gboolean
_xs_package_register_get_claim (XsDb          *db,
                                gint64         export_id,
                                gint64         claim_id,
                                XsClaimState  *state,
                                gboolean      *found,
                                GError       **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  *found = FALSE;
  stmt = _xs_db_prepare (db,
                         "SELECT content_digest, evidence_digest, hours, date FROM package_export_claim "
                         "WHERE export_id = ?1 AND claim_id = ?2",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int64 (stmt, 1, export_id);
  _xs_db_bind_int64 (stmt, 2, claim_id);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_DONE)
    return TRUE;
  if (rc != XS_DB_ROW)
    return _xs_db_set_error (db, error);
  state->content = g_strdup (_xs_db_column_text (stmt, 0));
  state->evidence = g_strdup (_xs_db_column_text (stmt, 1));
  state->hours = _xs_db_column_int (stmt, 2);
  state->date = g_strdup (_xs_db_column_text (stmt, 3));
  *found = TRUE;
  return TRUE;
}
