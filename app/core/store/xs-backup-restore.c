/* xs-backup-restore.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Putting a backup back: the candidate is checked read-only, copied beside
 * the database, the current database kept as a backup, and the copy moved
 * into place.
 */
#define G_LOG_DOMAIN "xs-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "xs-backup-private.h"
#include "xs-data-dir.h"
#include "xs-db-private.h"

/* Opens @path read-only and checks that it can be restored. */
static sqlite3 *
open_candidate (const char  *path,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *check = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *uri_query = NULL;
  g_autofree char *difference = NULL;
  sqlite3 *handle = NULL;
  XsDbHeader header;
  GStatBuf st;
  int latest = xs_db_get_latest_version ();
  int app_id, version;
  int rc;

  if (g_stat (path, &st) != 0)
    {
      _xs_backup_set_errno_error (errno, FILE_READ, path, error);
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || !_xs_db_read_header (path, &header, NULL)
      || !header.sqlite || header.size == 0
      || (header.application_id != XS_DB_APPLICATION_ID && !header.wal))
    {
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_NOT_XUESHI,
                   _("“%s” is not a Xueshi database."), display);
      return NULL;
    }

  /* Without a -wal beside it, nobody is writing to the file: reading it as
   * immutable leaves no -wal and -shm of ours beside a backup in WAL format
   * (a copied database). With one, SQLite must read the WAL too. */
  wal = g_strconcat (path, "-wal", NULL);
  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);
      g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

      if (uri != NULL)
        uri_query = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
    }
  if (uri_query != NULL)
    rc = sqlite3_open_v2 (uri_query, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  else
    rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    goto failed;
  sqlite3_extended_result_codes (handle, TRUE);

  app_id = _xs_backup_query_int (handle, "PRAGMA application_id", &rc);
  if (rc != SQLITE_OK)
    goto failed;
  version = _xs_backup_query_int (handle, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    goto failed;
  if (app_id != XS_DB_APPLICATION_ID || version < 1)
    {
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_NOT_XUESHI,
                   _("“%s” is not a Xueshi database."), display);
      sqlite3_close (handle);
      return NULL;
    }
  if (version > latest)
    {
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Xueshi (database version %d; this version knows up to %d). Install the newer version to restore it."),
                   display, version, latest);
      sqlite3_close (handle);
      return NULL;
    }

  /* Tables, indexes, triggers and views exactly as the migrations make
   * them: a trigger of its own would run at the next import. */
  difference = _xs_db_schema_difference (handle, version, &rc);
  if (rc != SQLITE_OK)
    goto failed;
  if (difference != NULL)
    {
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_NOT_XUESHI,
                   _("“%s” is not a Xueshi database as Xueshi makes it: %s. It cannot be restored; choose another backup."),
                   display, difference);
      sqlite3_close (handle);
      return NULL;
    }

  check = _xs_backup_query_text (handle, "PRAGMA integrity_check", &rc);
  if (rc != SQLITE_OK)
    goto failed;
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_DAMAGED,
                   _("“%s” is damaged (%s) and cannot be restored. Choose another backup."),
                   display, check ? check : "?");
      sqlite3_close (handle);
      return NULL;
    }
  return handle;

failed:
  _xs_backup_set_sqlite_error (rc, handle, display, error);
  sqlite3_close (handle);
  return NULL;
}

gboolean
_xs_backup_check_candidate (const char  *path,
                            GError     **error)
{
  sqlite3 *handle = open_candidate (path, error);

  if (handle == NULL)
    return FALSE;
  sqlite3_close (handle);
  return TRUE;
}

/* A raw copy of a database file that SQLite cannot read, so that a restore
 * over it loses nothing. */
static gboolean
keep_unreadable (const char  *db_path,
                 const char  *data_dir,
                 GError     **error)
{
  g_autofree char *dir = g_build_filename (data_dir, "backups", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strconcat (BACKUP_PREFIX, stamp, "-before-restore-unreadable" BACKUP_SUFFIX, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;

  mapped = g_mapped_file_new (db_path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error_literal (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED, local_error->message);
      g_prefix_error (error, _("Could not back up the database: "));
      return FALSE;
    }
  if (!xs_data_dir_ensure (dir, error)
      || !xs_data_dir_write_private (path, g_mapped_file_get_contents (mapped),
                                     g_mapped_file_get_length (mapped), error))
    return FALSE;
  return TRUE;
}

/* Takes the current database out of use before it is replaced: makes sure
 * no other program has it open, folds its WAL into the file, keeps a copy,
 * and holds an exclusive lock. Sets *@locked to the connection that holds
 * the lock, or to NULL when SQLite cannot read the file (it is then kept as
 * a raw copy). */
static gboolean
retire_current (const char  *db_path,
                const char  *data_dir,
                sqlite3    **locked,
                GError     **error)
{
  g_autofree char *display = g_filename_display_name (db_path);
  g_autofree char *mode = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *handle = NULL;
  XsDbHeader header;
  int rc;

  *locked = NULL;
  /* Another program's file (or an empty one) is not opened at all, so that
   * it is kept exactly as it is. */
  if (!_xs_db_read_header (db_path, &header, NULL) || !header.sqlite
      || (header.application_id != XS_DB_APPLICATION_ID && !header.wal))
    return keep_unreadable (db_path, data_dir, error);

  rc = sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _xs_backup_set_sqlite_error (rc, handle, display, error);
      sqlite3_close (handle);
      return FALSE;
    }
  sqlite3_extended_result_codes (handle, TRUE);
  sqlite3_busy_timeout (handle, 2000);

  /* Leaving WAL mode needs the only connection: this fails while another
   * program has the database open. */
  sqlite3_exec (handle, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
  mode = _xs_backup_query_text (handle, "PRAGMA journal_mode = DELETE", &rc);
  if (rc == SQLITE_OK && g_strcmp0 (mode, "delete") != 0)
    rc = SQLITE_BUSY;
  if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    {
      sqlite3_close (handle);
      return keep_unreadable (db_path, data_dir, error);
    }
  if (rc != SQLITE_OK)
    goto failed;

  /* Take the exclusive lock and, in exclusive locking mode, keep it: no
   * other program gets in until the new file is in place, while this
   * connection can still read its database for the copy. */
  rc = sqlite3_exec (handle, "BEGIN EXCLUSIVE; COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    goto failed;

  kept = _xs_backup_create_from_handle (handle, data_dir, "before-restore", &local_error);
  if (kept == NULL)
    {
      if (!g_error_matches (local_error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_DAMAGED)
          && !g_error_matches (local_error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_NOT_XUESHI))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          sqlite3_close (handle);
          return FALSE;
        }
      sqlite3_close (handle);
      return keep_unreadable (db_path, data_dir, error);
    }

  *locked = handle;
  return TRUE;

failed:
  _xs_backup_set_sqlite_error (rc, handle, display, error);
  sqlite3_close (handle);
  return FALSE;
}

gboolean
xs_backup_restore (const char  *data_dir,
                   const char  *backup_path,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  sqlite3 *candidate = NULL;
  sqlite3 *locked = NULL;
  static const char * const stale[] = { "-wal", "-shm", "-journal" };

  g_return_val_if_fail (backup_path != NULL, FALSE);

  dir = xs_data_dir_resolve (data_dir);
  db_path = g_build_filename (dir, "xueshi.db", NULL);
  display = g_filename_display_name (backup_path);

  if (_xs_backup_same_file (backup_path, db_path))
    {
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED,
                   _("“%s” is the database itself, not a backup of it."), display);
      return FALSE;
    }

  candidate = open_candidate (backup_path, error);
  if (candidate == NULL)
    return FALSE;

  /* The copy goes beside the database, so that the rename is atomic. */
  if (!xs_data_dir_ensure (dir, error)
      || (tmp = _xs_backup_create_temp (db_path, error)) == NULL)
    {
      sqlite3_close (candidate);
      return FALSE;
    }
  if (!_xs_backup_copy_database (candidate, display, tmp, error) || !_xs_backup_sync_file (tmp, error))
    {
      sqlite3_close (candidate);
      _xs_backup_remove_with_journal (tmp);
      return FALSE;
    }
  sqlite3_close (candidate);

  if (g_file_test (db_path, G_FILE_TEST_EXISTS)
      && !retire_current (db_path, dir, &locked, error))
    {
      _xs_backup_remove_with_journal (tmp);
      return FALSE;
    }

  /* A -wal or -journal left beside the new file would be replayed into it. */
  for (gsize i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_strconcat (db_path, stale[i], NULL);

      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          _xs_backup_set_errno_error (errno, FILE_REMOVE, path, error);
          _xs_backup_remove_with_journal (tmp);
          sqlite3_close (locked);
          return FALSE;
        }
    }

  if (g_rename (tmp, db_path) != 0)
    {
      int saved = errno;

      _xs_backup_remove_with_journal (tmp);
      sqlite3_close (locked);
      return _xs_backup_set_errno_error (saved, FILE_WRITE, db_path, error);
    }
  _xs_backup_sync_parent (db_path);

  sqlite3_close (locked);
  return TRUE;
}
