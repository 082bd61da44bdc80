/* xs-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
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
#include "xs-output.h"

/* Pages copied per sqlite3_backup_step(): 1 MiB at the default page size.
 * Between steps the source is unlocked, so a large copy does not hold off
 * other connections for long. */
#define PAGES_PER_STEP 256
/* How long a copy waits in all for a source or target that is busy. */
#define BUSY_WAIT_MS 10000
/* A temporary file younger than this may still be being written. */

#define STAMP_LEN (sizeof "YYYYMMDD-HHMMSS" - 1)

G_DEFINE_QUARK (xs-backup-error-quark, xs_backup_error)

void
xs_backup_free (XsBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_free (backup->reason);
  g_clear_pointer (&backup->time, g_date_time_unref);
  g_free (backup);
}

char *
xs_backup_get_dir (const char *data_dir)
{
  g_autofree char *dir = xs_data_dir_resolve (data_dir);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
reason_is_valid (const char *reason)
{
  if (reason == NULL)
    return TRUE;
  if (!g_ascii_islower (reason[0]))
    return FALSE;
  for (const char *p = reason; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* Sets @error for a failed SQLite call on @display (a file name for the
 * user); returns FALSE. */
gboolean
_xs_backup_set_sqlite_error (int          rc,
                  sqlite3     *handle,
                  const char  *display,
                  GError     **error)
{
  const char *message = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_NOT_XUESHI,
                   _("“%s” is not a Xueshi database."), display);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_DAMAGED,
                   _("“%s” is damaged and cannot be read (%s)."), display, message);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_BUSY,
                   _("The database is in use by another program. Close other Xueshi windows and try again."));
      break;
    case SQLITE_FULL:
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED,
                   _("The disk is full. Free some space and try again."));
      break;
    default:
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED,
                   _("Could not copy “%s”: %s"), display, message);
      break;
    }
  return FALSE;
}

gboolean
_xs_backup_set_errno_error (int          saved_errno,
                 FileOp       op,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  const char *reason = g_strerror (saved_errno);

  switch (op)
    {
    case FILE_READ:
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED,
                   _("Could not read “%s”: %s"), display, reason);
      break;
    case FILE_REMOVE:
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED,
                   _("Could not remove “%s”: %s"), display, reason);
      break;
    case FILE_WRITE:
    default:
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED,
                   _("Could not write “%s”: %s"), display, reason);
      break;
    }
  return FALSE;
}

/* Reads one number (pragmas); sets *@rc to the failure, if any. */
int
_xs_backup_query_int (sqlite3    *handle,
           const char *sql,
           int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  *rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          *rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return value;
}

/* The first row of a pragma that answers text, or NULL with *@rc set. */
char *
_xs_backup_query_text (sqlite3    *handle,
            const char *sql,
            int        *rc)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  *rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          *rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return value;
}

gboolean
_xs_backup_sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      return _xs_backup_set_errno_error (saved, FILE_WRITE, path, error);
    }
  close (fd);
  return TRUE;
}

/* Makes a rename into the folder of @path last through a power cut. */
void
_xs_backup_sync_parent (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Removes a failed copy, and whatever SQLite kept beside it. */
void
_xs_backup_remove_with_journal (const char *path)
{
  static const char * const sidecars[] = { "-journal", "-wal", "-shm" };

  g_unlink (path);
  for (gsize i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, sidecars[i], NULL);

      g_unlink (sidecar);
    }
}

/* Copies database "main" of @src into @target, an empty file, with the
 * backup API, and leaves it in rollback-journal mode so that it is one
 * self-contained file. */
gboolean
_xs_backup_copy_database (sqlite3     *src,
               const char  *src_display,
               const char  *target,
               GError     **error)
{
  g_autofree char *target_display = g_filename_display_name (target);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  g_autofree char *mode = NULL;
  int waited = 0;
  int rc;

  rc = sqlite3_open_v2 (target, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      _xs_backup_set_sqlite_error (rc, dest, target_display, error);
      sqlite3_close (dest);
      return FALSE;
    }
  sqlite3_extended_result_codes (dest, TRUE);
  /* The file is thrown away if the copy fails, and synced once at the end. */
  sqlite3_exec (dest, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL, NULL);

  backup = sqlite3_backup_init (dest, "main", src, "main");
  if (backup == NULL)
    {
      _xs_backup_set_sqlite_error (sqlite3_errcode (dest), dest, src_display, error);
      sqlite3_close (dest);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          if (waited >= BUSY_WAIT_MS)
            break;
          sqlite3_sleep (10);
          waited += 10;
          rc = SQLITE_OK;
        }
    }
  while (rc == SQLITE_OK);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      _xs_backup_set_sqlite_error (rc, NULL, src_display, error);
      sqlite3_close (dest);
      return FALSE;
    }

  /* A copy of a WAL database says "WAL" in its header; make it standalone. */
  mode = _xs_backup_query_text (dest, "PRAGMA journal_mode = DELETE", &rc);
  if (rc == SQLITE_OK && g_strcmp0 (mode, "delete") != 0)
    rc = SQLITE_ERROR;
  if (rc != SQLITE_OK)
    {
      _xs_backup_set_sqlite_error (rc, dest, target_display, error);
      sqlite3_close (dest);
      return FALSE;
    }

  if (sqlite3_close (dest) != SQLITE_OK)
    {
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED,
                   _("Could not write “%s”: %s"), target_display, sqlite3_errmsg (dest));
      return FALSE;
    }
  return TRUE;
}

/* A new empty file "@path.XXXXXX" with mode 0600; returns its name. */
char *
_xs_backup_create_temp (const char  *path,
             GError     **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      _xs_backup_set_errno_error (errno, FILE_WRITE, path, error);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

gboolean
_xs_backup_write_copy (sqlite3     *src,
            const char  *src_display,
            const char  *path,
            GError     **error)
{
  g_autofree char *tmp = _xs_backup_create_temp (path, error);

  if (tmp == NULL)
    return FALSE;

  if (!_xs_backup_copy_database (src, src_display, tmp, error)
      || !_xs_backup_sync_file (tmp, error))
    {
      _xs_backup_remove_with_journal (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      _xs_backup_remove_with_journal (tmp);
      return _xs_backup_set_errno_error (saved, FILE_WRITE, path, error);
    }
  _xs_backup_sync_parent (path);
  return TRUE;
}

/* Parses "xueshi-YYYYMMDD-HHMMSS[-N][-REASON].db". @counter tells apart
 * backups made within the same second (1 for the first). */
static gboolean
parse_name (const char  *name,
            GDateTime  **time,
            guint       *counter,
            char       **reason)
{
  gsize len = strlen (name);
  const char *stamp = name + strlen (BACKUP_PREFIX);
  g_autofree char *rest = NULL;
  const char *p;
  int f[6];

  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX)
      || len < strlen (BACKUP_PREFIX) + STAMP_LEN + strlen (BACKUP_SUFFIX))
    return FALSE;
  for (gsize i = 0; i < STAMP_LEN; i++)
    if (i == 8 ? stamp[i] != '-' : !g_ascii_isdigit (stamp[i]))
      return FALSE;

  rest = g_strndup (stamp + STAMP_LEN, len - strlen (BACKUP_PREFIX) - STAMP_LEN - strlen (BACKUP_SUFFIX));
  *counter = 1;
  p = rest;
  if (*p != '\0')
    {
      if (*p++ != '-')
        return FALSE;
      if (g_ascii_isdigit (*p))
        {
          guint64 n = 0;

          while (g_ascii_isdigit (*p) && n < 1000000)
            n = n * 10 + (guint64) (*p++ - '0');
          if (n < 2 || (*p != '\0' && *p++ != '-'))
            return FALSE;
          *counter = (guint) n;
        }
      if (*p != '\0' && !reason_is_valid (p))
        return FALSE;
    }

  if (sscanf (stamp, "%4d%2d%2d-%2d%2d%2d", &f[0], &f[1], &f[2], &f[3], &f[4], &f[5]) != 6)
    return FALSE;
  *time = g_date_time_new_local (f[0], f[1], f[2], f[3], f[4], f[5]);
  if (*time == NULL)
    return FALSE;
  *reason = *p != '\0' ? g_strdup (p) : NULL;
  return TRUE;
}

typedef struct
{
  XsBackup *backup;
  guint     counter;
} Entry;

/* Newest first. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(Entry * const *) a;
  const Entry *y = *(Entry * const *) b;
  int c = g_date_time_compare (y->backup->time, x->backup->time);

  if (c != 0)
    return c;
  return (y->counter > x->counter) - (y->counter < x->counter);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  xs_backup_free (entry->backup);
  g_free (entry);
}

/* The backups in @dir, newest first, as Entry. */
static GPtrArray *
list_entries (const char  *dir,
              GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&entries);
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED,
                   _("Could not read the folder “%s”: %s"), dir, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *path = NULL;
      GStatBuf st;
      guint counter;
      Entry *entry;

      if (!parse_name (name, &time, &counter, &reason))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      entry = g_new0 (Entry, 1);
      entry->counter = counter;
      entry->backup = g_new0 (XsBackup, 1);
      entry->backup->path = g_steal_pointer (&path);
      entry->backup->reason = g_steal_pointer (&reason);
      entry->backup->time = g_steal_pointer (&time);
      entry->backup->size = st.st_size;
      g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

GPtrArray *
xs_backup_list (const char  *data_dir,
                GError     **error)
{
  g_autofree char *dir = xs_backup_get_dir (data_dir);
  g_autoptr(GPtrArray) entries = list_entries (dir, error);
  GPtrArray *list;

  if (entries == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_backup_free);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      g_ptr_array_add (list, g_steal_pointer (&entry->backup));
    }
  return list;
}

/* Removes the backups that the retention by age no longer keeps (see
 * xs_backup_is_kept()). A failure to remove one is only logged: the new
 * backup is made. */
void
_xs_backup_prune (const char *dir,
                  GDateTime  *now)
{
  g_autoptr(GPtrArray) entries = list_entries (dir, NULL);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree gboolean *kept = NULL;

  if (entries == NULL)
    return;
  backups = g_ptr_array_new ();
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (backups, ((Entry *) g_ptr_array_index (entries, i))->backup);
  kept = _xs_backup_retained (backups, now);
  for (guint i = 0; i < backups->len; i++)
    {
      XsBackup *backup = g_ptr_array_index (backups, i);

      if (!kept[i] && g_unlink (backup->path) != 0)
        g_warning ("Could not remove the old backup %s: %s",
                   backup->path, g_strerror (errno));
    }
}

char *
_xs_backup_create_from_handle (sqlite3     *handle,
                               const char  *data_dir,
                               const char  *reason,
                               GError     **error)
{
  g_autofree char *dir = g_build_filename (data_dir, "backups", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = NULL;
  g_autofree char *db_display = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint first;

  g_return_val_if_fail (handle != NULL, NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (reason_is_valid (reason), NULL);

  if (!xs_data_dir_ensure (dir, error))
    return NULL;

  /* Later backups within the same second get "-2", "-3", … after the
   * time, whatever their reason, so that the names keep their order. */
  first = 1;
  entries = list_entries (dir, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *other = g_date_time_format (entry->backup->time, "%Y%m%d-%H%M%S");

      if (g_str_equal (other, stamp))
        first = MAX (first, entry->counter + 1);
    }
  for (guint n = first; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *counter = n > 1 ? g_strdup_printf ("-%u", n) : NULL;
      g_autofree char *name = g_strconcat (BACKUP_PREFIX, stamp, counter ? counter : "",
                                           reason ? "-" : "", reason ? reason : "",
                                           BACKUP_SUFFIX, NULL);

      g_free (path);
      path = g_build_filename (dir, name, NULL);
    }

  db_display = g_filename_display_name (sqlite3_db_filename (handle, "main"));
  if (!_xs_backup_write_copy (handle, db_display, path, error))
    {
      g_prefix_error (error, _("Could not back up the database: "));
      return NULL;
    }
  /* Copies made before a migration or a restore are never pruned, and
   * neither restoring nor migrating prunes the others. */
  if (reason == NULL || g_str_equal (reason, "daily"))
    _xs_backup_prune (dir, now);
  return g_steal_pointer (&path);
}

gboolean
_xs_backup_same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
