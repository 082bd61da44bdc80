/* xs-import-log.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import's rows are found again without a record per added row. An
 * import that commits in chunks marks the trainees it adds with its id
 * (trainee.import_id), and keeps for each chunk the range of the claims it
 * added (import_chunk): a chunk holds the write lock from its first row to
 * its last, so its claims take the ids above every id there was. (An
 * import in one transaction, a dry run, keeps its ranges in import_batch.) The rows it changes get one import_change each with their
 * previous values. Whether anything later depends on an import is read
 * from the audit trail, which the schema's triggers fill whatever code
 * path writes.
 */
#define G_LOG_DOMAIN "xs-import-log"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "xs-date.h"
#include "xs-db-private.h"
#include "xs-import-log-private.h"

void
xs_import_record_free (XsImportRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->kind);
  g_free (record->file_name);
  g_free (record->summary);
  g_free (record->at);
  g_free (record->undone_at);
  g_free (record);
}

const char *
xs_import_kind_get_label (const char *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  if (g_str_equal (kind, "roster"))
    return _("Roster import");
  if (g_str_equal (kind, "hours"))
    return _("Hours import");
  if (g_str_equal (kind, "class"))
    return _("Class hours import");
  if (g_str_equal (kind, "decisions"))
    return _("Review decisions import");
  return kind;
}

/* The largest id of @table's rows ("audit", "trainee" or "claim"); 0 when
 * empty, -1 on error. */
static gint64
max_id (XsDb        *db,
        const char  *table,
        GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  const char *sql;

  if (g_str_equal (table, "audit"))
    sql = "SELECT ifnull (max (id), 0) FROM audit";
  else if (g_str_equal (table, "trainee"))
    sql = "SELECT ifnull (max (id), 0) FROM trainee";
  else
    sql = "SELECT ifnull (max (id), 0) FROM claim";

  stmt = _xs_db_prepare (db, sql, error);
  if (stmt == NULL)
    return -1;
  if (_xs_db_step (stmt) != XS_DB_ROW)
    {
      _xs_db_set_error (db, error);
      return -1;
    }
  return _xs_db_column_int64 (stmt, 0);
}

gint64
_xs_import_log_audit_mark (XsDb    *db,
                           GError **error)
{
  return max_id (db, "audit", error);
}

gint64
_xs_import_log_claim_mark (XsDb    *db,
                           GError **error)
{
  return max_id (db, "claim", error);
}

gint64
_xs_import_log_begin (XsDb        *db,
                      const char  *kind,
                      const char  *file_name,
                      gboolean     chunked,
                      GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  gint64 audit, trainee, claim;

  if ((audit = max_id (db, "audit", error)) < 0
      || (trainee = max_id (db, "trainee", error)) < 0
      || (claim = max_id (db, "claim", error)) < 0)
    return 0;

  stmt = _xs_db_prepare (db,
                         "INSERT INTO import_batch (kind, file_name, at, audit_first, "
                         "trainee_first, claim_first, incomplete) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         error);
  if (stmt == NULL)
    return 0;
  _xs_db_bind_text_static (stmt, 1, kind);
  _xs_db_bind_text_static (stmt, 2, file_name);
  _xs_db_bind_text_static (stmt, 3, _xs_db_get_now (db));
  _xs_db_bind_int64 (stmt, 4, audit);
  /* The trainees a roster import adds carry its id (trainee.import_id),
   * and the claims of a chunked import are in its chunks' ranges: no
   * range here, which another writer's rows between two chunks would
   * break. */
  if (g_str_equal (kind, "roster") || chunked)
    _xs_db_bind_null (stmt, 5);
  else
    _xs_db_bind_int64 (stmt, 5, trainee + 1);
  if (chunked)
    _xs_db_bind_null (stmt, 6);
  else
    _xs_db_bind_int64 (stmt, 6, claim + 1);
  _xs_db_bind_int (stmt, 7, chunked ? 1 : 0);
  if (!_xs_db_exec_stmt (db, stmt, error))
    return 0;
  return _xs_db_last_insert_id (db);
}

gboolean
_xs_import_log_save_chunk (XsDb        *db,
                           gint64       import_id,
                           gint64       audit_first,
                           gint64       claim_mark,
                           GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  /* The claims above @claim_mark are the chunk's (none: no range). */
  stmt = _xs_db_prepare (db,
                         "INSERT INTO import_chunk (import_id, audit_first, audit_last, "
                         "  claim_first, claim_last) "
                         "SELECT ?1, ?2, (SELECT ifnull (max (id), 0) FROM audit), "
                         "  CASE WHEN m > ?3 THEN ?3 + 1 END, CASE WHEN m > ?3 THEN m END "
                         "FROM (SELECT ifnull (max (id), 0) AS m FROM claim)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int64 (stmt, 1, import_id);
  _xs_db_bind_int64 (stmt, 2, audit_first);
  _xs_db_bind_int64 (stmt, 3, claim_mark);
  return _xs_db_exec_stmt (db, stmt, error);
}

/* The lock an import holds while it writes in chunks: a file beside the
 * database, locked with flock(), which the kernel releases when the
 * process ends however it ends. Whoever opens the database and finds an
 * incomplete import can tell a running one (locked) from a stopped one. */
static char *
lock_path (XsDb *db)
{
  return g_strconcat (xs_db_get_path (db), XS_DB_IMPORT_LOCK_SUFFIX, NULL);
}

int
_xs_import_log_lock (XsDb     *db,
                     gboolean  wait,
                     GError  **error)
{
  g_autofree char *path = lock_path (db);
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_FAILED,
                   _("Could not write in the data folder: %s"), g_strerror (saved_errno));
      return -1;
    }
  while (flock (fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0)
    {
      if (errno == EINTR)
        continue;
      g_close (fd, NULL);
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_BUSY,
                   _("Another import into this base is running. Wait until it has finished "
                     "and try again."));
      return -1;
    }
  return fd;
}

gboolean
_xs_import_log_others_wait (int     fd,
                            gint64  since)
{
  gint64 when = 0;

  if (fd < 0)
    return TRUE;
  /* Never written (no one waited since the file was made): 0 bytes. */
  return pread (fd, &when, sizeof when, 0) == sizeof when && when >= since;
}

void
_xs_import_log_unlock (int fd)
{
  if (fd >= 0)
    g_close (fd, NULL);
}

gboolean
_xs_import_log_save_trainee (XsDb             *db,
                             gint64            import_id,
                             const XsTrainee  *previous,
                             GError          **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *birth = NULL;

  stmt = _xs_db_prepare (db,
                         "INSERT INTO import_change (import_id, entity, entity_id, before) "
                         "VALUES (?1, 'trainee', ?2, json_object ('name', ?3, 'sex', ?4, "
                         "'birth_date', ?5, 'employer', ?6, 'title', ?7, 'specialty', ?8, "
                         "'county', ?9, 'phone', ?10))",
                         error);
  if (stmt == NULL)
    return FALSE;
  birth = g_date_valid (&previous->birth_date) ? xs_date_to_iso (&previous->birth_date) : NULL;
  _xs_db_bind_int64 (stmt, 1, import_id);
  _xs_db_bind_int64 (stmt, 2, previous->id);
  _xs_db_bind_text_static (stmt, 3, previous->name);
  _xs_db_bind_text_static (stmt, 4, xs_sex_to_string (previous->sex));
  _xs_db_bind_text_static (stmt, 5, birth);
  _xs_db_bind_text_static (stmt, 6, previous->employer);
  _xs_db_bind_text_static (stmt, 7, previous->title);
  _xs_db_bind_text_static (stmt, 8, previous->specialty);
  _xs_db_bind_text_static (stmt, 9, previous->county);
  _xs_db_bind_text_static (stmt, 10, previous->phone);
  return _xs_db_exec_stmt (db, stmt, error);
}

gboolean
_xs_import_log_save_claim (XsDb        *db,
                           gint64       import_id,
                           gint64       claim_id,
                           GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  stmt = _xs_db_prepare (db,
                         "INSERT INTO import_change (import_id, entity, entity_id, before) "
                         "SELECT ?1, 'claim', id, json_object ('status', status, 'side', side, "
                         "'reason', reason, 'reviewer', reviewer, 'decided_at', decided_at, "
                         "'updated_at', updated_at) "
                         "FROM claim WHERE id = ?2",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int64 (stmt, 1, import_id);
  _xs_db_bind_int64 (stmt, 2, claim_id);
  return _xs_db_exec_stmt (db, stmt, error);
}

gboolean
_xs_import_log_finish (XsDb        *db,
                       gint64       import_id,
                       const char  *summary,
                       GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  gint64 audit, trainee, claim;

  if ((audit = max_id (db, "audit", error)) < 0
      || (trainee = max_id (db, "trainee", error)) < 0
      || (claim = max_id (db, "claim", error)) < 0)
    return FALSE;

  /* An empty range (last < first) is stored as none. */
  stmt = _xs_db_prepare (db,
                         "UPDATE import_batch SET summary = ?2, audit_last = ?3, incomplete = 0, "
                         "trainee_first = CASE WHEN ?4 >= trainee_first THEN trainee_first END, "
                         "trainee_last = CASE WHEN ?4 >= trainee_first THEN ?4 END, "
                         "claim_first = CASE WHEN ?5 >= claim_first THEN claim_first END, "
                         "claim_last = CASE WHEN ?5 >= claim_first THEN ?5 END "
                         "WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_int64 (stmt, 1, import_id);
  _xs_db_bind_text_static (stmt, 2, summary);
  _xs_db_bind_int64 (stmt, 3, audit);
  _xs_db_bind_int64 (stmt, 4, trainee);
  _xs_db_bind_int64 (stmt, 5, claim);
  return _xs_db_exec_stmt (db, stmt, error);
}

#define RECORD_COLUMNS "id, kind, file_name, ifnull (summary, ''), at, undone_at"

static XsImportRecord *
record_from_row (XsDbStmt *stmt)
{
  XsImportRecord *record = g_new0 (XsImportRecord, 1);

  record->id = _xs_db_column_int64 (stmt, 0);
  record->kind = g_strdup (_xs_db_column_text (stmt, 1));
  record->file_name = g_strdup (_xs_db_column_text (stmt, 2));
  record->summary = g_strdup (_xs_db_column_text (stmt, 3));
  record->at = g_strdup (_xs_db_column_text (stmt, 4));
  record->undone_at = g_strdup (_xs_db_column_text (stmt, 5));
  return record;
}

GPtrArray *
xs_import_log_list (XsDb    *db,
                    GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_import_record_free);
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, "SELECT " RECORD_COLUMNS " FROM import_batch ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

XsImportRecord *
xs_import_log_get (XsDb    *db,
                   gint64   id,
                   GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, "SELECT " RECORD_COLUMNS " FROM import_batch WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_int64 (stmt, 1, id);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_ROW)
    return record_from_row (stmt);
  if (rc == XS_DB_DONE)
    g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                 _("There is no import number %lld. The list of imports shows their numbers."),
                 (long long) id);
  else
    _xs_db_set_error (db, error);
  return NULL;
}
