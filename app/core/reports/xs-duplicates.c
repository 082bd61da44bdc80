/* xs-duplicates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence is stored once per content (SHA-256), so a scan attached to two
 * claims is one evidence row linked twice. Attaching the same scan to the
 * claims of two different people is a common shortcut when evidence is
 * faked: those links are what is listed here.
 */
#define G_LOG_DOMAIN "xs-duplicates"

#include "config.h"

#include "xs-db-private.h"
#include "xs-duplicates.h"
#include "xs-evidence-text.h"
#include "xs-id-number.h"

void
xs_shared_scan_free (XsSharedScan *self)
{
  if (self == NULL)
    return;
  g_free (self->sha256);
  g_free (self->claim_title);
  g_free (self->name);
  g_free (self->masked_id);
  g_free (self->scan_problem);
  g_free (self);
}

/* A claim can hold the same file for two materials: one row per claim. */
static const char list_sql[] =
  "SELECT e.id, e.sha256, c.id, c.title, c.year, t.id, t.name, t.id_number "
  "FROM claim_evidence ce "
  "JOIN evidence e ON e.id = ce.evidence_id "
  "JOIN claim c ON c.id = ce.claim_id "
  "JOIN trainee t ON t.id = c.trainee_id "
  "WHERE ce.evidence_id IN ("
  "  SELECT ce2.evidence_id FROM claim_evidence ce2 "
  "  JOIN claim c2 ON c2.id = ce2.claim_id "
  "  GROUP BY ce2.evidence_id HAVING count (DISTINCT c2.trainee_id) > 1) "
  "GROUP BY ce.evidence_id, ce.claim_id "
  "ORDER BY e.id, t.id, c.id";

/* From one trainee's claims of the year, through the evidence index, to
 * the claims of other trainees. */
static const char for_trainee_sql[] =
  "SELECT DISTINCT e.id, e.sha256, c.id, c2.title, c2.year, t2.id, t2.name, t2.id_number "
  "FROM claim c "
  "JOIN claim_evidence ce ON ce.claim_id = c.id "
  "JOIN evidence e ON e.id = ce.evidence_id "
  "JOIN claim_evidence ce2 ON ce2.evidence_id = ce.evidence_id AND ce2.claim_id <> c.id "
  "JOIN claim c2 ON c2.id = ce2.claim_id AND c2.trainee_id <> c.trainee_id "
  "JOIN trainee t2 ON t2.id = c2.trainee_id "
  "WHERE c.trainee_id = ?1 AND (?2 = 0 OR c.year = ?2) "
  "ORDER BY c.id, t2.id, c2.id";

static GPtrArray *
collect (XsDb      *db,
         XsDbStmt  *stmt,
         GError   **error)
{
  g_autoptr(GPtrArray) scans = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_shared_scan_free);
  int rc;

  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      XsSharedScan *scan = g_new0 (XsSharedScan, 1);

      scan->evidence_id = _xs_db_column_int64 (stmt, 0);
      scan->sha256 = g_strdup (_xs_db_column_text (stmt, 1));
      scan->claim_id = _xs_db_column_int64 (stmt, 2);
      scan->claim_title = g_strdup (_xs_db_column_text (stmt, 3));
      scan->year = _xs_db_column_int (stmt, 4);
      scan->trainee_id = _xs_db_column_int64 (stmt, 5);
      scan->name = g_strdup (_xs_db_column_text (stmt, 6));
      scan->masked_id = xs_id_number_mask (_xs_db_column_text (stmt, 7));
      g_ptr_array_add (scans, scan);
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&scans);
}

/* Flags each use whose claim's scans name another person or year, as
 * Check Data does (@year, @trainee_id 0: any). */
static GPtrArray *
flag_problems (XsDb       *db,
               GPtrArray  *scans,
               int         year,
               gint64      trainee_id,
               GError    **error)
{
  g_autoptr(GPtrArray) owned = scans;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) by_claim = NULL;

  if (owned == NULL || owned->len == 0)
    return g_steal_pointer (&owned);
  problems = xs_evidence_text_problems (db, year, trainee_id, error);
  if (problems == NULL)
    return NULL;
  by_claim = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < problems->len; i++)
    {
      XsScanProblem *problem = g_ptr_array_index (problems, i);

      if (!g_hash_table_contains (by_claim, &problem->claim_id))
        g_hash_table_insert (by_claim, &problem->claim_id, problem->text);
    }
  for (guint i = 0; i < owned->len; i++)
    {
      XsSharedScan *scan = g_ptr_array_index (owned, i);

      scan->scan_problem = g_strdup (g_hash_table_lookup (by_claim, &scan->claim_id));
    }
  return g_steal_pointer (&owned);
}

GPtrArray *
xs_duplicates_list (XsDb    *db,
                    GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, list_sql, error);
  if (stmt == NULL)
    return NULL;
  return flag_problems (db, collect (db, stmt, error), 0, 0, error);
}

GPtrArray *
xs_duplicates_for_trainee (XsDb    *db,
                           gint64   trainee_id,
                           int      year,
                           GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, for_trainee_sql, error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_int64 (stmt, 1, trainee_id);
  _xs_db_bind_int (stmt, 2, year);
  return flag_problems (db, collect (db, stmt, error), year, trainee_id, error);
}
