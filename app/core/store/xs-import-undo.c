/* xs-import-undo.c: taking an import back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <sqlite3.h>

#include "xs-db-private.h"
#include "xs-import-log-private.h"
#include "xs-import-recover-private.h"

typedef struct
{
  gint64  id;
  char   *file_name;
  char   *summary;
  char   *undone_at;
  gint64  audit_first;
  gint64  audit_last;
  gint64  ranges[4];   /* trainee_first, trainee_last, claim_first, claim_last; 0: none */
  gboolean incomplete; /* stopped before its end, or still running */
  gboolean chunked;    /* committed in chunks: its audit ids are in import_chunk */
} Batch;

static void
batch_clear (Batch *batch)
{
  g_free (batch->file_name);
  g_free (batch->summary);
  g_free (batch->undone_at);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Batch, batch_clear)

static gboolean
load_batch (XsDb     *db,
            gint64    id,
            Batch    *batch,
            GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  stmt = _xs_db_prepare (db,
                         "SELECT file_name, ifnull (summary, ''), undone_at, ifnull (audit_last, 0), "
                         "ifnull (trainee_first, 0), ifnull (trainee_last, 0), "
                         "ifnull (claim_first, 0), ifnull (claim_last, 0), audit_first, incomplete, "
                         "EXISTS (SELECT 1 FROM import_chunk WHERE import_id = ?1) "
                         "FROM import_batch WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int64 (stmt, 1, id);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_DONE)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                   _("There is no import number %lld. The list of imports shows their numbers."),
                   (long long) id);
      return FALSE;
    }
  if (rc != XS_DB_ROW)
    return _xs_db_set_error (db, error);

  batch->id = id;
  batch->file_name = g_strdup (_xs_db_column_text (stmt, 0));
  batch->summary = g_strdup (_xs_db_column_text (stmt, 1));
  batch->undone_at = g_strdup (_xs_db_column_text (stmt, 2));
  batch->audit_last = _xs_db_column_int64 (stmt, 3);
  for (guint i = 0; i < 4; i++)
    batch->ranges[i] = _xs_db_column_int64 (stmt, 4 + i);
  batch->audit_first = _xs_db_column_int64 (stmt, 8);
  batch->incomplete = _xs_db_column_int (stmt, 9) != 0;
  batch->chunked = _xs_db_column_int (stmt, 10) != 0;
  return TRUE;
}

static void
bind_batch (XsDbStmt    *stmt,
            const Batch *batch)
{
  _xs_db_bind_int64 (stmt, 1, batch->id);
  for (guint i = 0; i < 4; i++)
    _xs_db_bind_id (stmt, 2 + i, batch->ranges[i]);
}

/* What a later audit entry did, as the end of "later, …". */
static char *
describe_later (const char *entity,
                const char *action,
                gint64      entity_id,
                const char *name)
{
  if (g_str_equal (entity, "claim") && g_str_equal (action, "insert"))
    return g_strdup_printf (_("hours were recorded for %s"), name);
  if (g_str_equal (entity, "claim") && (g_str_equal (action, "attach") || g_str_equal (action, "detach")))
    return g_strdup_printf (_("the materials of claim %lld of %s were changed"), (long long) entity_id, name);
  if (g_str_equal (entity, "claim") && g_str_equal (action, "delete"))
    return g_strdup_printf (_("claim %lld of %s was deleted"), (long long) entity_id, name);
  if (g_str_equal (entity, "claim"))
    return g_strdup_printf (_("claim %lld of %s was changed, submitted or decided"), (long long) entity_id, name);
  if (g_str_equal (entity, "trainee"))
    return g_strdup_printf (_("the roster entry of %s was changed"), name);
  if (g_str_equal (entity, "certificate"))
    return g_strdup_printf (_("a certificate of %s was issued or revoked"), name);
  return g_strdup_printf (_("something was recorded about %s"), name);
}

/* Sets @error and returns FALSE when anything recorded after the import
 * (other than by imports undone since) is about its trainees or claims. */
static gboolean
check_nothing_depends (XsDb         *db,
                       const Batch  *batch,
                       GError      **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *what = NULL;
  g_autofree char *at = NULL;
  const char *name;
  int rc;

  stmt = _xs_db_prepare (db,
                         "WITH changed (entity, entity_id) AS "
                         "  (SELECT entity, entity_id FROM import_change WHERE import_id = ?1), "
                         "added (first, last) AS "
                         "  (SELECT ?4, ?5 UNION ALL SELECT claim_first, claim_last FROM import_chunk "
                         "   WHERE import_id = ?1 AND claim_first IS NOT NULL) "
                         "SELECT a.entity, a.action, ifnull (a.entity_id, 0), a.at, "
                         "  ifnull ((SELECT name FROM trainee WHERE id = a.trainee_id), ''), "
                         "  (SELECT b.id FROM import_batch b WHERE b.undone_at IS NULL "
                         "   AND a.id > b.audit_first AND a.id <= b.audit_last), "
                         "  (SELECT b.file_name FROM import_batch b WHERE b.undone_at IS NULL "
                         "   AND a.id > b.audit_first AND a.id <= b.audit_last) "
                         "FROM audit a "
                         "WHERE a.id > ?6 "
                         "  AND NOT EXISTS (SELECT 1 FROM import_chunk k WHERE k.import_id = ?1 "
                         "    AND a.id > k.audit_first AND a.id <= k.audit_last) "
                         "  AND NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.undone_at IS NOT NULL "
                         "    AND ((a.id > b.audit_first AND a.id <= b.audit_last) "
                         "         OR (a.id > b.undo_audit_first AND a.id <= b.undo_audit_last))) "
                         "  AND (a.trainee_id BETWEEN ?2 AND ?3 "
                         "       OR EXISTS (SELECT 1 FROM trainee t WHERE t.id = a.trainee_id "
                         "                  AND t.import_id = ?1) "
                         "       OR a.trainee_id IN (SELECT entity_id FROM changed WHERE entity = 'trainee') "
                         "       OR (a.entity = 'claim' AND (EXISTS (SELECT 1 FROM added "
                         "                                           WHERE a.entity_id BETWEEN first AND last) "
                         "           OR a.entity_id IN (SELECT entity_id FROM changed WHERE entity = 'claim'))) "
                         "       OR (a.entity = 'certificate' AND a.trainee_id IN "
                         "           (SELECT c.trainee_id FROM added JOIN claim c ON c.id BETWEEN first AND last "
                         "            UNION SELECT trainee_id FROM claim "
                         "            WHERE id IN (SELECT entity_id FROM changed WHERE entity = 'claim')))) "
                         "ORDER BY a.id LIMIT 1",
                         error);
  if (stmt == NULL)
    return FALSE;
  bind_batch (stmt, batch);
  /* A chunked import's own entries are those of its chunks: another
   * writer's entry between two chunks is a later change like any other. */
  _xs_db_bind_int64 (stmt, 6, batch->chunked ? batch->audit_first : batch->audit_last);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_DONE)
    return TRUE;
  if (rc != XS_DB_ROW)
    return _xs_db_set_error (db, error);

  name = _xs_db_column_text (stmt, 4);
  what = describe_later (_xs_db_column_text (stmt, 0), _xs_db_column_text (stmt, 1),
                         _xs_db_column_int64 (stmt, 2), *name ? name : _("a trainee"));
  at = g_strndup (_xs_db_column_text (stmt, 3), 16);
  g_strdelimit (at, "T", ' ');

  if (!_xs_db_column_is_null (stmt, 5))
    g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                 _("Import %lld (“%s”) cannot be undone: a later import, number %lld (“%s”), "
                   "depends on it (%s, %s UTC). Undo import %lld first."),
                 (long long) batch->id, batch->file_name,
                 (long long) _xs_db_column_int64 (stmt, 5), _xs_db_column_text (stmt, 6),
                 what, at, (long long) _xs_db_column_int64 (stmt, 5));
  else
    g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                 _("Import %lld (“%s”) cannot be undone: afterwards %s (%s UTC), which depends "
                   "on it. Nothing was changed."),
                 (long long) batch->id, batch->file_name, what, at);
  return FALSE;
}

/* The trainees an import added go DELETE_STEP at a time (ids after ?7 up
 * to ?8): one statement for all would keep a copy of every page it changes
 * in memory until it ends (SQLite's statement journal), so that undoing a
 * million rows took hundreds of megabytes. */
#define DELETE_STEP 5000

static const char delete_trainees[] =
  "DELETE FROM trainee WHERE id > ?7 AND id <= ?8 AND (id BETWEEN ?2 AND ?3 OR import_id = ?1) "
  "  AND (?6 = 0 OR (NOT EXISTS (SELECT 1 FROM claim WHERE claim.trainee_id = trainee.id) "
  "                  AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.trainee_id = trainee.id)))";

static const char delete_trainees_until[] =
  "SELECT max (id) FROM (SELECT id FROM trainee "
  "  WHERE id > ?7 AND (id BETWEEN ?2 AND ?3 OR import_id = ?1) ORDER BY id LIMIT ?8)";

static gboolean
delete_added_trainees (XsDb        *db,
                       const Batch *batch,
                       gboolean     recovering,
                       GError     **error)
{
  gint64 after = 0;

  for (;;)
    {
      g_autoptr(XsDbStmt) until = _xs_db_prepare (db, delete_trainees_until, error);
      g_autoptr(XsDbStmt) stmt = NULL;
      gint64 last;

      if (until == NULL)
        return FALSE;
      bind_batch (until, batch);
      _xs_db_bind_int64 (until, 7, after);
      _xs_db_bind_int64 (until, 8, DELETE_STEP);
      if (_xs_db_step (until) != XS_DB_ROW)
        return _xs_db_set_error (db, error);
      if (_xs_db_column_is_null (until, 0))
        return TRUE;
      last = _xs_db_column_int64 (until, 0);
      _xs_db_stmt_release (g_steal_pointer (&until));

      stmt = _xs_db_prepare (db, delete_trainees, error);
      if (stmt == NULL)
        return FALSE;
      bind_batch (stmt, batch);
      _xs_db_bind_int (stmt, 6, recovering ? 1 : 0);
      _xs_db_bind_int64 (stmt, 7, after);
      _xs_db_bind_int64 (stmt, 8, last);
      if (!_xs_db_exec_stmt (db, stmt, error))
        return FALSE;
      after = last;
    }
}

/* The claims an import added: its own range (one transaction) and those
 * of its chunks, a range at a time. */
static const char delete_claims[] = "DELETE FROM claim WHERE id BETWEEN ?4 AND ?5";

static gboolean
delete_added_claims (XsDb        *db,
                     const Batch *batch,
                     GError     **error)
{
  g_autoptr(XsDbStmt) ranges = NULL;
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  ranges = _xs_db_prepare (db,
                           "SELECT ?2, ?3 WHERE ?2 IS NOT NULL "
                           "UNION ALL SELECT claim_first, claim_last FROM import_chunk "
                           "WHERE import_id = ?1 AND claim_first IS NOT NULL",
                           error);
  if (ranges == NULL)
    return FALSE;
  _xs_db_bind_int64 (ranges, 1, batch->id);
  _xs_db_bind_id (ranges, 2, batch->ranges[2]);
  _xs_db_bind_id (ranges, 3, batch->ranges[3]);
  while ((rc = _xs_db_step (ranges)) == XS_DB_ROW)
    {
      gint64 first = _xs_db_column_int64 (ranges, 0);
      gint64 last = _xs_db_column_int64 (ranges, 1);

      g_array_append_val (bounds, first);
      g_array_append_val (bounds, last);
    }
  if (rc != XS_DB_DONE)
    return _xs_db_set_error (db, error);
  _xs_db_stmt_release (g_steal_pointer (&ranges));

  for (guint i = 0; i + 1 < bounds->len; i += 2)
    {
      g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, "DELETE FROM claim WHERE id BETWEEN ?1 AND ?2",
                                                 error);

      if (stmt == NULL)
        return FALSE;
      _xs_db_bind_int64 (stmt, 1, g_array_index (bounds, gint64, i));
      _xs_db_bind_int64 (stmt, 2, g_array_index (bounds, gint64, i + 1));
      if (!_xs_db_exec_stmt (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The statements of an undo, in order: decisions back, added claims out,
 * roster entries back, added trainees out. ?6 is 1 when rolling back an
 * import that stopped half-way: nobody checked what depends on it, so an
 * added trainee something refers to stays (as if added by hand). */
static const char * const undo_statements[] = {
  "INSERT INTO import_undo_running (one) VALUES (1)",
  "UPDATE claim SET status = json_extract (c.before, '$.status'), "
  "  side = json_extract (c.before, '$.side'), reason = json_extract (c.before, '$.reason'), "
  "  reviewer = json_extract (c.before, '$.reviewer'), "
  "  decided_at = json_extract (c.before, '$.decided_at'), "
  "  updated_at = json_extract (c.before, '$.updated_at') "
  "FROM import_change c WHERE c.import_id = ?1 AND c.entity = 'claim' AND claim.id = c.entity_id",
  delete_claims,
  "UPDATE trainee SET name = json_extract (c.before, '$.name'), "
  "  sex = json_extract (c.before, '$.sex'), birth_date = json_extract (c.before, '$.birth_date'), "
  "  employer = json_extract (c.before, '$.employer'), title = json_extract (c.before, '$.title'), "
  "  specialty = json_extract (c.before, '$.specialty'), county = json_extract (c.before, '$.county'), "
  "  phone = json_extract (c.before, '$.phone') "
  "FROM import_change c WHERE c.import_id = ?1 AND c.entity = 'trainee' AND trainee.id = c.entity_id",
  delete_trainees,
  "UPDATE trainee SET import_id = NULL WHERE import_id = ?1",
  "DELETE FROM import_undo_running",
};

static gboolean
undo_in_transaction (XsDb     *db,
                     gint64    id,
                     gboolean  recovering,
                     GError  **error)
{
  g_auto(Batch) batch = { 0 };
  g_autoptr(XsDbStmt) mark = NULL;
  g_autofree char *detail = NULL;
  gint64 undo_first;

  if (!load_batch (db, id, &batch, error))
    return FALSE;
  if (batch.undone_at != NULL)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Import %lld (“%s”) was undone already."),
                   (long long) id, batch.file_name);
      return FALSE;
    }
  if (batch.incomplete && !recovering)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Import %lld (“%s”) is still running, or stopped before its end; an import "
                     "that stopped is taken back the next time the base is opened."),
                   (long long) id, batch.file_name);
      return FALSE;
    }
  if (!recovering && !check_nothing_depends (db, &batch, error))
    return FALSE;

  mark = _xs_db_prepare (db, "SELECT ifnull (max (id), 0) FROM audit", error);
  if (mark == NULL)
    return FALSE;
  if (_xs_db_step (mark) != XS_DB_ROW)
    return _xs_db_set_error (db, error);
  undo_first = _xs_db_column_int64 (mark, 0);
  _xs_db_stmt_release (g_steal_pointer (&mark));

  for (guint i = 0; i < G_N_ELEMENTS (undo_statements); i++)
    {
      g_autoptr(XsDbStmt) stmt = NULL;

      if (undo_statements[i] == delete_claims)
        {
          if (!delete_added_claims (db, &batch, error))
            return FALSE;
          continue;
        }
      if (undo_statements[i] == delete_trainees)
        {
          if (!delete_added_trainees (db, &batch, recovering, error))
            return FALSE;
          continue;
        }
      stmt = _xs_db_prepare (db, undo_statements[i], error);
      if (stmt == NULL)
        return FALSE;
      if (sqlite3_bind_parameter_count (stmt) > 0)
        bind_batch (stmt, &batch);
      if (!_xs_db_exec_stmt (db, stmt, error))
        return FALSE;
    }

  if (recovering)
    {
      g_free (batch.summary);
      batch.summary = g_strdup (_("stopped before its end; taken back"));
    }
  detail = g_strdup_printf ("%s: %s", batch.file_name, batch.summary);
  if (!_xs_db_audit (db, "import", id, "undo", detail, error))
    return FALSE;

  mark = _xs_db_prepare (db,
                         "UPDATE import_batch SET undone_at = ?2, undo_audit_first = ?3, "
                         "undo_audit_last = (SELECT max (id) FROM audit), "
                         "summary = ifnull (summary, ?4) WHERE id = ?1",
                         error);
  if (mark == NULL)
    return FALSE;
  _xs_db_bind_int64 (mark, 1, id);
  _xs_db_bind_text_static (mark, 2, _xs_db_get_now (db));
  _xs_db_bind_int64 (mark, 3, undo_first);
  _xs_db_bind_text_static (mark, 4, batch.summary);
  return _xs_db_exec_stmt (db, mark, error);
}

/* What one undo is asked for, as a transaction's data. */
typedef struct
{
  gint64    id;
  gboolean  recovering;
} Undo;

static gboolean
run_undo (XsDb      *db,
          gpointer   data,
          GError   **error)
{
  const Undo *undo = data;

  return undo_in_transaction (db, undo->id, undo->recovering, error);
}

gboolean
xs_import_log_undo (XsDb     *db,
                    gint64    id,
                    GError  **error)
{
  Undo undo = { id, FALSE };

  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  return xs_db_run_in_transaction (db, run_undo, &undo, error);
}

gboolean
_xs_import_log_abandon (XsDb     *db,
                        gint64    id,
                        GError  **error)
{
  Undo undo = { id, TRUE };

  return xs_db_run_in_transaction (db, run_undo, &undo, error);
}

gboolean
_xs_import_log_recover (XsDb     *db,
                        GError  **error)
{
  g_autoptr(GArray) ids = NULL;

  ids = _xs_db_select_ids (db,
                           "SELECT id FROM import_batch WHERE incomplete = 1 AND undone_at IS NULL "
                           "ORDER BY id DESC",
                           error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!_xs_import_log_abandon (db, id, error))
        return FALSE;
      g_info ("import %lld had stopped before its end; taken back", (long long) id);
    }
  return TRUE;
}

gboolean
_xs_import_recover_at_open (XsDb     *db,
                            GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  gboolean ok;
  int fd;

  stmt = _xs_db_prepare (db,
                         "SELECT EXISTS (SELECT 1 FROM import_batch "
                         "WHERE incomplete = 1 AND undone_at IS NULL)",
                         error);
  if (stmt == NULL)
    return FALSE;
  if (_xs_db_step (stmt) != XS_DB_ROW)
    return _xs_db_set_error (db, error);
  ok = _xs_db_column_int (stmt, 0) == 0;
  _xs_db_stmt_release (g_steal_pointer (&stmt));
  if (ok)
    return TRUE;

  fd = _xs_import_log_lock (db, FALSE, NULL);
  if (fd < 0)
    return TRUE;   /* it runs */
  ok = _xs_import_log_recover (db, error);
  _xs_import_log_unlock (fd);
  return ok;
}
