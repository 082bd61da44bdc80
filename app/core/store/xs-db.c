/* xs-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <sqlite3.h>

#include "xs-backup-private.h"
#include "xs-data-dir.h"
#include "xs-output.h"
#include "xs-db-private.h"
#include "xs-pdf-key.h"
#include "xs-signing-key.h"

#define XS_APPLICATION_ID XS_DB_APPLICATION_ID

struct _XsDb
{
  GObject     parent_instance;

  sqlite3    *handle;
  char       *data_dir;
  char       *path;
  GHashTable *statements;   /* const char *sql -> sqlite3_stmt * */
  guint       depth;        /* transaction nesting */
  guint       failed : 1;   /* an inner level rolled back */
  guint       busy_ms;      /* how long a statement waits for another writer */
  gint64      busy_since;   /* when the current wait began */
  /* UTC time of the outermost transaction (see _xs_db_get_now()) */
  char        now[sizeof "YYYY-MM-DDTHH:MM:SSZ"];
};

G_DEFINE_FINAL_TYPE (XsDb, xs_db, G_TYPE_OBJECT)

G_DEFINE_QUARK (xs-db-error-quark, xs_db_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
xs_db_finalize (GObject *object)
{
  XsDb *self = (XsDb *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close (self->handle);
  g_free (self->data_dir);
  g_free (self->path);

  G_OBJECT_CLASS (xs_db_parent_class)->finalize (object);
}

static void
xs_db_class_init (XsDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_db_finalize;
  /* SQLite counts its memory under a lock taken on every allocation
   * (several a row of an import); nothing here reads the counts. Only
   * before SQLite's first use: later it is refused, and changes nothing. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
xs_db_init (XsDb *self)
{
  self->busy_ms = 5000;
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            finalize_statement);
}

sqlite3 *
_xs_db_get_handle (XsDb *self)
{
  return self->handle;
}

/* The same format as strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') in the schema. */
static void
update_now (XsDb *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  g_strlcpy (self->now, text, sizeof self->now);
}

const char *
_xs_db_get_now (XsDb *self)
{
  g_return_val_if_fail (XS_IS_DB (self), NULL);

  if (self->depth == 0)
    update_now (self);
  return self->now;
}

gboolean
_xs_db_set_error (XsDb    *self,
                  GError **error)
{
  int code = sqlite3_extended_errcode (self->handle);
  XsDbError domain_code;

  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      domain_code = XS_DB_ERROR_BUSY;
      g_set_error (error, XS_DB_ERROR, domain_code,
                   _("The database is in use by another program. Close other Xueshi windows and try again."));
      return FALSE;
    case SQLITE_NOTADB:
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_XUESHI,
                   _("“%s” is not a Xueshi database."), self->path);
      return FALSE;
    case SQLITE_CONSTRAINT:
      domain_code = XS_DB_ERROR_REFUSED;
      break;
    case SQLITE_FULL:
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_FAILED,
                   _("The disk is full. Free some space and try again."));
      return FALSE;
    default:
      domain_code = XS_DB_ERROR_FAILED;
      break;
    }

  g_set_error (error, XS_DB_ERROR, domain_code,
               _("The database refused the change: %s"),
               sqlite3_errmsg (self->handle));
  return FALSE;
}

XsDbStmt *
_xs_db_prepare (XsDb        *self,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (XS_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      /* Our statements are constants: a syntax error is a bug. */
      if (sqlite3_errcode (self->handle) == SQLITE_ERROR)
        g_critical ("Cannot prepare statement: %s\n%s",
                    sqlite3_errmsg (self->handle), sql);
      _xs_db_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

void
_xs_db_stmt_release (XsDbStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
_xs_db_exec_stmt (XsDb      *self,
                  XsDbStmt  *stmt,
                  GError   **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return _xs_db_set_error (self, error);
  return TRUE;
}

void
_xs_db_bind_text (XsDbStmt   *stmt,
                  int         index,
                  const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
_xs_db_bind_text_static (XsDbStmt   *stmt,
                         int         index,
                         const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

void
_xs_db_bind_id (XsDbStmt *stmt,
                int       index,
                gint64    id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

const char *
_xs_db_column_text (XsDbStmt *stmt,
                    int       column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
_xs_db_audit (XsDb        *self,
              const char  *entity,
              gint64       entity_id,
              const char  *action,
              const char  *detail,
              GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  stmt = _xs_db_prepare (self,
                         "INSERT INTO audit (entity, entity_id, action, detail) "
                         "VALUES (?1, ?2, ?3, ?4)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_text (stmt, 1, entity);
  _xs_db_bind_id (stmt, 2, entity_id);
  _xs_db_bind_text (stmt, 3, action);
  _xs_db_bind_text (stmt, 4, detail);
  return _xs_db_exec_stmt (self, stmt, error);
}

/* Statements without values: pragmas and transaction control only. */
static gboolean
exec_plain (XsDb        *self,
            const char  *sql,
            GError     **error)
{
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _xs_db_set_error (self, error);
  return TRUE;
}

/* Reads one number (pragmas, counts); -1 when the file cannot answer. */
static int
query_int (XsDb       *self,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

gboolean
xs_db_begin (XsDb    *self,
             GError **error)
{
  g_return_val_if_fail (XS_IS_DB (self), FALSE);

  if (self->depth == 0)
    {
      if (!exec_plain (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->failed = FALSE;
      /* One time for everything this user action writes. */
      update_now (self);
    }
  self->depth++;
  return TRUE;
}

gboolean
_xs_db_begin_read (XsDb    *self,
                   GError **error)
{
  g_return_val_if_fail (XS_IS_DB (self), FALSE);

  if (self->depth == 0)
    {
      /* a snapshot that takes no write lock: other writers go on */
      if (!exec_plain (self, "BEGIN DEFERRED", error))
        return FALSE;
      self->failed = FALSE;
      update_now (self);
    }
  self->depth++;
  return TRUE;
}

gboolean
xs_db_commit (XsDb    *self,
              GError **error)
{
  g_return_val_if_fail (XS_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  if (self->failed)
    {
      exec_plain (self, "ROLLBACK", NULL);
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_FAILED,
                   _("The change was undone because part of it failed."));
      return FALSE;
    }

  if (!exec_plain (self, "COMMIT", error))
    {
      exec_plain (self, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

void
xs_db_rollback (XsDb *self)
{
  g_return_if_fail (XS_IS_DB (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    {
      self->failed = TRUE;
      return;
    }
  exec_plain (self, "ROLLBACK", NULL);
}

gboolean
xs_db_run_in_transaction (XsDb                *self,
                          XsDbTransactionFunc  func,
                          gpointer             data,
                          GError             **error)
{
  g_return_val_if_fail (XS_IS_DB (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!xs_db_begin (self, error))
    return FALSE;
  if (!func (self, data, error))
    {
      xs_db_rollback (self);
      return FALSE;
    }
  return xs_db_commit (self, error);
}

int
xs_db_get_latest_version (void)
{
  g_auto(GStrv) names = _xs_db_list_migrations ();

  return g_strv_length (names);
}

/* Runs the migrations after @version up to @latest in one transaction. */
static gboolean
run_migrations (XsDb        *self,
                char       **names,
                int          version,
                int          latest,
                GError     **error)
{
  if (!xs_db_begin (self, error))
    return FALSE;

  for (int i = version; i < latest; i++)
    {
      g_autofree char *sql = _xs_db_read_migration (names[i]);

      if (!exec_plain (self, sql, error))
        {
          g_prefix_error (error, _("Could not update the database to version %d: "), i + 1);
          xs_db_rollback (self);
          return FALSE;
        }
      /* Each migration ends by setting user_version to its own number. */
      if (query_int (self, "PRAGMA user_version") != i + 1
          || query_int (self, "PRAGMA application_id") != XS_APPLICATION_ID)
        {
          g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_FAILED,
                       "Migration %s does not set its version", names[i]);
          xs_db_rollback (self);
          return FALSE;
        }
    }

  return xs_db_commit (self, error);
}

static gboolean
refuse_not_xueshi (XsDb        *self,
                   const char  *why,
                   GError     **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_XUESHI,
               _("“%s” is not a Xueshi database: %s. Xueshi left the file as it is. Restore a backup (xueshi-cli backups, xueshi-cli restore FILE) or the base's archive (xueshi-cli restore-archive FILE)."),
               display, why);
  return FALSE;
}

/* The checks that need no SQLite: the file's size and header. */
static gboolean
check_header (XsDb    *self,
              GError **error)
{
  XsDbHeader header;
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf st;

  if (!_xs_db_read_header (self->path, &header, error))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_OPEN, "%s", (*error)->message);
      return FALSE;
    }
  if (!header.regular)
    return refuse_not_xueshi (self, _("it is not a regular file"), error);
  if (header.size == 0)
    return refuse_not_xueshi (self, _("the file is empty (0 bytes)"), error);
  if (!header.sqlite)
    return refuse_not_xueshi (self, _("it is not an SQLite database"), error);
  /* A database whose first transaction is still in its WAL (a first start
   * interrupted by a crash, before bases were set up beside the file) says
   * 0 here: SQLite reads the rest. */
  if (header.application_id == 0 && header.wal
      && g_stat (wal, &st) == 0 && st.st_size > 0)
    return TRUE;
  if (header.application_id != XS_APPLICATION_ID)
    return refuse_not_xueshi (self, _("it is another program's SQLite database"), error);
  if (header.user_version > xs_db_get_latest_version ())
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Xueshi. Install the newer version to open it."),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
refuse_read_only (const char  *path,
                  int          reason,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_READ_ONLY,
               _("“%s” cannot be written to (%s). Xueshi keeps its database, backups and evidence there and needs to write to it: make it writable, or copy the folder to a writable disk and start Xueshi with --data-dir."),
               display, g_strerror (reason));
  return FALSE;
}

/* Checks what SQLite reads of the file, before anything is written to it:
 * its id, its version and that its schema is the one of its version. */
static gboolean
check_contents (XsDb    *self,
                int      latest,
                int     *version_out,
                GError **error)
{
  int version = query_int (self, "PRAGMA user_version");
  int app_id = query_int (self, "PRAGMA application_id");
  g_autofree char *difference = NULL;
  int rc = SQLITE_OK;

  if (version < 0 || app_id < 0)
    {
      switch (sqlite3_extended_errcode (self->handle) & 0xff)
        {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
          return _xs_db_set_error (self, error);
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
          return refuse_read_only (self->data_dir, EACCES, error);
        default:
          return refuse_not_xueshi (self, _("SQLite cannot read it"), error);
        }
    }
  if (app_id != XS_APPLICATION_ID)
    return refuse_not_xueshi (self, _("it is another program's SQLite database"), error);
  if (version < 1)
    return refuse_not_xueshi (self, _("it has no Xueshi tables"), error);
  if (version > latest)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Xueshi. Install the newer version to open it."),
                   self->path);
      return FALSE;
    }
  difference = _xs_db_schema_difference (self->handle, version, &rc);
  if (rc != SQLITE_OK)
    return _xs_db_set_error (self, error);
  if (difference != NULL)
    return refuse_not_xueshi (self, difference, error);
  *version_out = version;
  return TRUE;
}

static gboolean
migrate (XsDb     *self,
         int       version,
         GError  **error)
{
  g_auto(GStrv) names = _xs_db_list_migrations ();
  int latest = g_strv_length (names);

  if (version == latest)
    return TRUE;

  /* A migration cannot be undone: keep the data as it was. */
  {
    g_autofree char *reason = g_strdup_printf ("before-migration-v%d", latest);
    g_autofree char *backup = _xs_backup_create_from_handle (self->handle, self->data_dir,
                                                             reason, error);

    if (backup == NULL)
      return FALSE;
    g_info ("Backed up the database to %s before updating it to version %d", backup, latest);
  }

  return run_migrations (self, names, version, latest, error);
}

/* Sets up a new base: the database is made complete beside its place and
 * moved in only then, so that an interrupted set-up leaves no half-made (or
 * empty) database; the signing key is made before that move. */
static gboolean
set_up (XsDb    *self,
        GError **error)
{
  g_auto(GStrv) names = _xs_db_list_migrations ();
  g_autofree char *tmp = g_strconcat (self->path, ".XXXXXX", NULL);
  g_autofree char *display = g_filename_display_name (self->path);
  gboolean ok;
  int fd;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_OPEN,
                   _("Could not create the database “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  if (sqlite3_open_v2 (tmp, &self->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_OPEN,
                   _("Could not create the database “%s”: %s"), display,
                   self->handle ? sqlite3_errmsg (self->handle) : g_strerror (ENOMEM));
      ok = FALSE;
    }
  else
    {
      sqlite3_extended_result_codes (self->handle, TRUE);
      ok = run_migrations (self, names, 0, g_strv_length (names), error);
    }
  g_hash_table_remove_all (self->statements);
  if (self->handle != NULL && sqlite3_close (self->handle) != SQLITE_OK && ok)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_OPEN,
                   _("Could not create the database “%s”: %s"), display, sqlite3_errmsg (self->handle));
      ok = FALSE;
    }
  self->handle = NULL;

  ok = ok && _xs_backup_sync_file (tmp, error) && xs_signing_key_create (self->data_dir, error)
       && xs_pdf_key_create (self->data_dir, error);
  if (ok)
    {
      /* Without replacing a database that another program set up meanwhile;
       * where the disk has no hard links, by renaming. */
      if (link (tmp, self->path) != 0 && errno != EEXIST && g_rename (tmp, self->path) != 0)
        {
          int saved = errno;

          g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_OPEN,
                       _("Could not create the database “%s”: %s"), display, g_strerror (saved));
          ok = FALSE;
        }
      _xs_backup_sync_parent (self->path);
    }
  _xs_backup_remove_with_journal (tmp);
  if (ok && !g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_OPEN,
                   _("Could not create the database “%s”: %s"), display, g_strerror (EIO));
      ok = FALSE;
    }
  return ok;
}

/* Tells a running import that a writer waits: when, in its lock file
 * (made as the import makes it, if it is not there yet). */
static void
note_waiting (XsDb   *self,
              gint64  now)
{
  g_autofree char *path = g_strconcat (self->path, XS_DB_IMPORT_LOCK_SUFFIX, NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    return;
  if (pwrite (fd, &now, sizeof now, 0) != sizeof now)
    g_debug ("Could not write %s: %s", path, g_strerror (errno));
  g_close (fd, NULL);
}

/* Waits for another writer by looking again every millisecond, up to
 * busy_ms in all. SQLite's own handler looks ever less often (every 100 ms
 * after the first quarter second), so that it could miss the moment
 * between two chunks of a large import and wait until the import's end;
 * the import pauses a few milliseconds between two chunks when a writer
 * has noted that it waits. */
static int
busy_wait (gpointer data,
           int      count)
{
  XsDb *self = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    self->busy_since = now;
  if (count % 4 == 0)
    note_waiting (self, now);
  if (now - self->busy_since >= (gint64) self->busy_ms * G_TIME_SPAN_MILLISECOND)
    return 0;
  g_usleep (G_TIME_SPAN_MILLISECOND);
  return 1;
}

void
_xs_db_set_checkpoint_pages (XsDb *self,
                             int   pages)
{
  g_return_if_fail (XS_IS_DB (self));
  sqlite3_wal_autocheckpoint (self->handle, pages > 0 ? pages : 1000);
}

void
_xs_db_set_import_cache (XsDb   *self,
                         gint64  file_bytes)
{
  const char *sql = "PRAGMA cache_size = -32768";   /* what xs_db_open() sets */

  g_return_if_fail (XS_IS_DB (self));
  if (file_bytes >= 0 && file_bytes < 16 * 1024 * 1024)
    sql = "PRAGMA cache_size = -8192";
  else if (file_bytes >= 0 && file_bytes < 32 * 1024 * 1024)
    sql = "PRAGMA cache_size = -16384";
  sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
}

void
_xs_db_set_busy_timeout (XsDb  *self,
                         guint  ms)
{
  g_return_if_fail (XS_IS_DB (self));
  self->busy_ms = ms;
}

XsDb *
_xs_db_open_file (const char  *data_dir,
                  GError     **error)
{
  g_autoptr(XsDb) self = g_object_new (XS_TYPE_DB, NULL);
  int latest = xs_db_get_latest_version ();
  int version = 0;
  int reason = 0;

  self->data_dir = xs_data_dir_resolve (data_dir);
  self->path = g_build_filename (self->data_dir, "xueshi.db", NULL);
  xs_output_protect_data_dir (self->data_dir);

  if (!xs_data_dir_ensure (self->data_dir, error))
    return NULL;
  if (xs_data_dir_is_read_only (self->data_dir, &reason))
    {
      refuse_read_only (self->data_dir, reason, error);
      return NULL;
    }

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS) && !g_file_test (self->path, G_FILE_TEST_IS_SYMLINK)
      && !set_up (self, error))
    return NULL;

  if (!check_header (self, error))
    return NULL;
  if (g_access (self->path, W_OK) != 0)
    {
      refuse_read_only (self->path, errno, error);
      return NULL;
    }

  if (sqlite3_open_v2 (self->path, &self->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_OPEN,
                   _("Could not open the database “%s”: %s"), self->path,
                   self->handle ? sqlite3_errmsg (self->handle) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_handler (self->handle, busy_wait, self);

  if (!check_contents (self, latest, &version, error))
    return NULL;

  if (!exec_plain (self,
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = NORMAL;"
                   "PRAGMA foreign_keys = ON;"
                   "PRAGMA temp_store = MEMORY;"
                   "PRAGMA cache_size = -32768;"
                   /* A large import lets the log grow (see
                    * _xs_db_set_checkpoint_pages()); afterwards it
                    * shrinks back to this. */
                   "PRAGMA journal_size_limit = 16777216;",
                   error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
xs_db_get_data_dir (XsDb *self)
{
  g_return_val_if_fail (XS_IS_DB (self), NULL);
  return self->data_dir;
}

const char *
xs_db_get_path (XsDb *self)
{
  g_return_val_if_fail (XS_IS_DB (self), NULL);
  return self->path;
}

int
xs_db_get_schema_version (XsDb *self)
{
  g_return_val_if_fail (XS_IS_DB (self), -1);
  return query_int (self, "PRAGMA user_version");
}
