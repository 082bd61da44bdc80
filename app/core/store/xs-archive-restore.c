/* xs-archive-restore.c: giving back a base from its archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole archive is decrypted into a folder of its own inside the data
 * folder and checked there; only then are its files moved into place, the
 * database last: until that rename the data folder holds the base it held
 * (none, or an empty one).
 */
#define G_LOG_DOMAIN "xs-archive"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "xs-archive-private.h"
#include "xs-backup-private.h"
#include "xs-data-dir.h"
#include "xs-db-private.h"

#define STAGING_PREFIX "restoring."
/* Argon2id costs an archive may ask for: a hostile file must not make
 * restoring take hours or all the memory. */
#define MAX_OPSLIMIT 32
#define MAX_MEMLIMIT ((guint64) 1024 * 1024 * 1024)
/* An entry larger than this is not one Xueshi wrote. */
#define MAX_ENTRY_SIZE ((guint64) 64 * 1024 * 1024 * 1024)

typedef struct
{
  int                 fd;
  const char         *display;
  crypto_secretstream_xchacha20poly1305_state state;
  guint8              header[ARCHIVE_HEADER_LEN];
  gboolean            started;
  gboolean            final;
  guint8              plain[ARCHIVE_CHUNK];
  gsize               length;
  gsize               pos;
  guint8              cipher[ARCHIVE_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES];
  guint64             done;
  guint64             total;
  XsArchiveProgress   progress;
  gpointer            user_data;
  GCancellable       *cancellable;
} Reader;

static gboolean
damaged (Reader  *r,
         GError **error)
{
  g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_DAMAGED,
               _("The archive “%s” has been altered or damaged. Nothing was changed; use another copy of the archive."),
               r->display);
  return FALSE;
}

static gboolean
truncated (Reader  *r,
           GError **error)
{
  g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_DAMAGED,
               _("The archive “%s” is incomplete: it ends too early (was its copy interrupted?). Nothing was changed; use a complete copy of the archive."),
               r->display);
  return FALSE;
}

/* Reads exactly @length bytes; *@got says how many came before the end. */
static gboolean
read_raw (Reader  *r,
          guint8  *data,
          gsize    length,
          gsize   *got,
          GError **error)
{
  *got = 0;
  while (*got < length)
    {
      gssize n = read (r->fd, data + *got, length - *got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_FAILED,
                       _("Could not read “%s”: %s"), r->display, g_strerror (errno));
          return FALSE;
        }
      if (n == 0)
        break;
      *got += n;
    }
  return TRUE;
}

static gboolean
next_chunk (Reader  *r,
            GError **error)
{
  guint8 prefix[4];
  unsigned long long length = 0;
  unsigned char tag = 0;
  gsize size;
  gsize got;

  if (r->final)
    return damaged (r, error);
  if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
    return FALSE;
  if (!read_raw (r, prefix, sizeof prefix, &got, error))
    return FALSE;
  if (got < sizeof prefix)
    return truncated (r, error);
  size = prefix[0] | (prefix[1] << 8) | (prefix[2] << 16) | ((gsize) prefix[3] << 24);
  if (size < crypto_secretstream_xchacha20poly1305_ABYTES || size > sizeof r->cipher)
    return damaged (r, error);
  if (!read_raw (r, r->cipher, size, &got, error))
    return FALSE;
  if (got < size)
    return truncated (r, error);

  if (crypto_secretstream_xchacha20poly1305_pull (&r->state, r->plain, &length, &tag,
                                                  r->cipher, size,
                                                  r->started ? NULL : r->header,
                                                  r->started ? 0 : sizeof r->header) != 0)
    {
      if (!r->started)
        {
          g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_PASSPHRASE,
                       _("The passphrase does not open the archive “%s”. Check it (letters are case-sensitive) and try again. Nothing was changed."),
                       r->display);
          return FALSE;
        }
      return damaged (r, error);
    }
  r->started = TRUE;
  r->final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  r->length = length;
  r->pos = 0;
  r->done += 4 + size;
  if (r->progress != NULL && r->total > 0)
    r->progress (0.9 * (double) r->done / (double) r->total, r->user_data);
  return TRUE;
}

static gboolean
get (Reader  *r,
     void    *data,
     gsize    length,
     GError **error)
{
  guint8 *p = data;

  while (length > 0)
    {
      gsize n;

      if (r->pos == r->length && !next_chunk (r, error))
        return FALSE;
      n = MIN (length, r->length - r->pos);
      memcpy (p, r->plain + r->pos, n);
      r->pos += n;
      p += n;
      length -= n;
    }
  return TRUE;
}

static gboolean
start_reading (Reader      *r,
               const char  *passphrase,
               GError     **error)
{
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  const guint8 *salt = r->header + ARCHIVE_MAGIC_LEN;
  const guint8 *limits = salt + crypto_pwhash_SALTBYTES;
  guint64 opslimit = 0, memlimit = 0;
  gsize got;

  if (!read_raw (r, r->header, sizeof r->header, &got, error))
    return FALSE;
  if (got < ARCHIVE_MAGIC_LEN || memcmp (r->header, ARCHIVE_MAGIC, ARCHIVE_MAGIC_LEN) != 0)
    {
      g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_NOT_ARCHIVE,
                   _("“%s” is not a Xueshi archive (those are written by Back Up Everything… or xueshi-cli archive)."),
                   r->display);
      return FALSE;
    }
  if (got < sizeof r->header)
    return truncated (r, error);
  for (int i = 7; i >= 0; i--)
    {
      opslimit = (opslimit << 8) | limits[i];
      memlimit = (memlimit << 8) | limits[8 + i];
    }
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > MAX_OPSLIMIT
      || memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > MAX_MEMLIMIT)
    return damaged (r, error);

  if (!_xs_archive_derive_key (key, passphrase, salt, opslimit, memlimit, error))
    return FALSE;
  if (crypto_secretstream_xchacha20poly1305_init_pull (&r->state, limits + 16, key) != 0)
    {
      sodium_memzero (key, sizeof key);
      return damaged (r, error);
    }
  sodium_memzero (key, sizeof key);
  /* The empty chunk that checks the passphrase */
  if (!next_chunk (r, error))
    return FALSE;
  if (r->length != 0 || r->final)
    return damaged (r, error);
  return TRUE;
}

static gboolean
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  return g_rmdir (path) == 0;
}

/* Writes one entry of @size bytes into @staging. */
static gboolean
extract_entry (Reader      *r,
               const char  *staging,
               const char  *name,
               guint64      size,
               GError     **error)
{
  g_autofree char *path = g_build_filename (staging, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[ARCHIVE_CHUNK];
  gboolean ok = TRUE;
  int fd;

  if (!xs_data_dir_ensure (dir, error))
    return FALSE;
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    {
      if (errno == EEXIST)
        return damaged (r, error);
      return _xs_backup_set_errno_error (errno, FILE_WRITE, path, error);
    }
  while (ok && size > 0)
    {
      gsize n = MIN (size, sizeof buffer);
      const guint8 *p = buffer;
      gsize left = n;

      if (!get (r, buffer, n, error))
        {
          ok = FALSE;
          break;
        }
      g_checksum_update (checksum, buffer, n);
      while (left > 0)
        {
          gssize w = write (fd, p, left);

          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            {
              ok = _xs_backup_set_errno_error (errno, FILE_WRITE, path, error);
              break;
            }
          p += w;
          left -= w;
        }
      size -= n;
    }
  if (ok && fsync (fd) != 0)
    ok = _xs_backup_set_errno_error (errno, FILE_WRITE, path, error);
  close (fd);
  if (!ok)
    return FALSE;

  /* An evidence file is named by its SHA-256: check it as well. */
  if (g_str_has_prefix (name, ARCHIVE_EVIDENCE "/"))
    {
      const char *digest = g_checksum_get_string (checksum);
      const char *prefix = name + strlen (ARCHIVE_EVIDENCE "/");

      if (strncmp (digest, prefix, 2) != 0 || strcmp (digest + 2, prefix + 3) != 0)
        return damaged (r, error);
    }
  return TRUE;
}

/* Decrypts the whole archive into @staging; FALSE unless every byte up to
 * the final tag, and nothing after it, was read and authenticated. */
static gboolean
extract_all (Reader      *r,
             const char  *staging,
             GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint8 extra;
  gsize got;

  for (;;)
    {
      guint8 kind;
      guint8 name_len[2];
      guint8 size_bytes[8];
      g_autofree char *name = NULL;
      guint64 size = 0;
      gsize length;

      if (!get (r, &kind, 1, error))
        return FALSE;
      if (kind == ARCHIVE_ENTRY_END)
        break;
      if (kind != ARCHIVE_ENTRY_FILE || !get (r, name_len, sizeof name_len, error))
        return kind != ARCHIVE_ENTRY_FILE ? damaged (r, error) : FALSE;
      length = (name_len[0] << 8) | name_len[1];
      name = g_malloc0 (length + 1);
      if (!get (r, name, length, error) || !get (r, size_bytes, sizeof size_bytes, error))
        return FALSE;
      for (int i = 0; i < 8; i++)
        size = (size << 8) | size_bytes[i];
      if (strlen (name) != length || !_xs_archive_name_is_valid (name)
          || g_hash_table_contains (seen, name) || size > MAX_ENTRY_SIZE)
        return damaged (r, error);
      g_hash_table_add (seen, g_strdup (name));
      if (!extract_entry (r, staging, name, size, error))
        return FALSE;
    }

  /* The end marker is the last byte of the final chunk, the last chunk of
   * the file. */
  if (!r->final || r->pos != r->length)
    return damaged (r, error);
  if (!read_raw (r, &extra, 1, &got, error))
    return FALSE;
  if (got != 0)
    return damaged (r, error);
  if (!g_hash_table_contains (seen, ARCHIVE_DB) || !g_hash_table_contains (seen, ARCHIVE_KEY))
    return damaged (r, error);
  return TRUE;
}

/* Whether the data folder holds no base: no database, or one in which
 * nothing was recorded (what opening Xueshi once leaves). */
static gboolean
check_no_base (const char  *data_dir,
               GError     **error)
{
  g_autofree char *db_path = g_build_filename (data_dir, "xueshi.db", NULL);
  g_autofree char *display = g_filename_display_name (data_dir);
  static const char * const counts[] = {
    "SELECT count(*) FROM trainee",
    "SELECT count(*) FROM training_class",
    "SELECT count(*) FROM claim",
    "SELECT count(*) FROM evidence",
    "SELECT count(*) FROM certificate",
  };
  g_autofree char *wal = NULL;
  g_autofree char *uri = NULL;
  XsDbHeader header;
  sqlite3 *handle = NULL;
  gint64 rows = 0;
  int rc;

  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!_xs_db_read_header (db_path, &header, NULL) || !header.sqlite
      || header.application_id != XS_DB_APPLICATION_ID)
    {
      g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_NOT_EMPTY,
                   _("The data folder “%s” already holds a file xueshi.db that is not an empty base. An archive is only restored into a new, empty data folder: choose another one (--data-dir), or move this one away first."),
                   display);
      return FALSE;
    }
  /* Without a -wal beside it, read as immutable: nothing is left beside
   * the file. */
  wal = g_strconcat (db_path, "-wal", NULL);
  uri = g_filename_to_uri (db_path, NULL, NULL);
  if (!g_file_test (wal, G_FILE_TEST_EXISTS) && uri != NULL)
    {
      g_autofree char *query = g_strconcat (uri, "?mode=ro&immutable=1", NULL);

      rc = sqlite3_open_v2 (query, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    }
  else
    rc = sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READONLY, NULL);
  for (gsize i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (counts); i++)
    rows += _xs_backup_query_int (handle, counts[i], &rc);
  sqlite3_close (handle);
  if (rc != SQLITE_OK || rows > 0)
    {
      g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_NOT_EMPTY,
                   _("The data folder “%s” already holds a base with data in it. An archive is only restored into a new, empty data folder, so that nothing recorded is lost: choose another one (--data-dir), or move this one away first."),
                   display);
      return FALSE;
    }
  return TRUE;
}

/* Staging folders left by restores that were interrupted. */
static void
remove_stale_staging (const char *data_dir)
{
  g_autoptr(GDir) dir = g_dir_open (data_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, STAGING_PREFIX) && strlen (name) == strlen (STAGING_PREFIX) + 6)
      {
        g_autofree char *path = g_build_filename (data_dir, name, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
          remove_tree (path);
      }
}

static gboolean
move_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (to);

  if (!xs_data_dir_ensure (dir, error))
    return FALSE;
  if (g_rename (from, to) != 0)
    return _xs_backup_set_errno_error (errno, FILE_WRITE, to, error);
  _xs_backup_sync_parent (to);
  return TRUE;
}

static gboolean
apply_settings (GSettings   *settings,
                const char  *staging,
                const char  *data_dir,
                GError     **error)
{
  g_autofree char *path = g_build_filename (staging, ARCHIVE_SETTINGS, NULL);
  g_autofree char *seal = g_build_filename (staging, ARCHIVE_SEAL, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return TRUE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS) && g_key_file_load_from_file (file, path, 0, NULL))
    for (guint i = 0; _xs_archive_setting_keys[i] != NULL; i++)
      {
        const char *key = _xs_archive_setting_keys[i];
        g_autofree char *text = g_key_file_get_string (file, "settings", key, NULL);
        g_autoptr(GSettingsSchemaKey) schema_key = NULL;
        g_autoptr(GVariant) value = NULL;

        if (text == NULL || schema == NULL || !g_settings_schema_has_key (schema, key))
          continue;
        schema_key = g_settings_schema_get_key (schema, key);
        value = g_variant_parse (g_settings_schema_key_get_value_type (schema_key), text, NULL, NULL, NULL);
        if (value != NULL && g_settings_schema_key_range_check (schema_key, value))
          g_settings_set_value (settings, key, value);
      }

  /* The seal is kept in the data folder: the path it had on the old
   * computer means nothing on this one. */
  if (g_file_test (seal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *target = g_build_filename (data_dir, ARCHIVE_SEAL, NULL);

      if (!move_file (seal, target, error))
        return FALSE;
      g_settings_set_string (settings, "seal-image", target);
    }
  g_settings_sync ();
  return TRUE;
}

/* Moves the checked files into place, the database last. */
static gboolean
put_in_place (const char  *staging,
              const char  *data_dir,
              GSettings   *settings,
              GError     **error)
{
  g_autofree char *evidence = g_build_filename (staging, ARCHIVE_EVIDENCE, NULL);
  g_autofree char *key = g_build_filename (staging, ARCHIVE_KEY, NULL);
  g_autofree char *key_target = g_build_filename (data_dir, ARCHIVE_KEY, NULL);
  g_autofree char *pdf_key = g_build_filename (staging, ARCHIVE_PDF_KEY, NULL);
  g_autofree char *pdf_key_target = g_build_filename (data_dir, ARCHIVE_PDF_KEY, NULL);
  g_autofree char *db = g_build_filename (staging, ARCHIVE_DB, NULL);
  g_autoptr(GDir) outer = g_dir_open (evidence, 0, NULL);
  const char *prefix;

  /* Evidence files are named by their contents: one already there is the
   * same file. */
  while (outer != NULL && (prefix = g_dir_read_name (outer)) != NULL)
    {
      g_autofree char *sub = g_build_filename (evidence, prefix, NULL);
      g_autoptr(GDir) inner = g_dir_open (sub, 0, NULL);
      const char *name;

      while (inner != NULL && (name = g_dir_read_name (inner)) != NULL)
        {
          g_autofree char *from = g_build_filename (sub, name, NULL);
          g_autofree char *to = g_build_filename (data_dir, ARCHIVE_EVIDENCE, prefix, name, NULL);

          if (!g_file_test (to, G_FILE_TEST_EXISTS) && !move_file (from, to, error))
            return FALSE;
        }
    }

  if (!move_file (key, key_target, error)
      || (g_file_test (pdf_key, G_FILE_TEST_EXISTS) && !move_file (pdf_key, pdf_key_target, error))
      || !apply_settings (settings, staging, data_dir, error))
    return FALSE;
  /* The database last: a restore interrupted before this rename leaves the
   * folder without a base of its own, and can simply be run again. */
  return xs_backup_restore (data_dir, db, error);
}

gboolean
xs_archive_restore (const char         *data_dir,
                    GSettings          *settings,
                    const char         *path,
                    const char         *passphrase,
                    XsArchiveProgress   progress,
                    gpointer            user_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *display = NULL;
  g_autofree char *staging = NULL;
  g_autofree char *staged_db = NULL;
  Reader *r;
  GStatBuf st;
  gboolean ok;

  g_return_val_if_fail (path != NULL && passphrase != NULL, FALSE);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), FALSE);

  dir = xs_data_dir_resolve (data_dir);
  display = g_filename_display_name (path);
  if (!_xs_archive_init (error) || !check_no_base (dir, error) || !xs_data_dir_ensure (dir, error))
    return FALSE;
  remove_stale_staging (dir);

  r = g_new0 (Reader, 1);
  r->display = display;
  r->progress = progress;
  r->user_data = user_data;
  r->cancellable = cancellable;
  r->fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (r->fd < 0 || fstat (r->fd, &st) != 0)
    {
      _xs_backup_set_errno_error (errno, FILE_READ, path, error);
      if (r->fd >= 0)
        close (r->fd);
      g_free (r);
      return FALSE;
    }
  r->total = st.st_size;

  staging = g_build_filename (dir, STAGING_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp_full (staging, 0700) == NULL)
    {
      _xs_backup_set_errno_error (errno, FILE_WRITE, staging, error);
      close (r->fd);
      g_free (r);
      return FALSE;
    }

  ok = start_reading (r, passphrase, error) && extract_all (r, staging, error);
  close (r->fd);
  sodium_memzero (&r->state, sizeof r->state);
  sodium_memzero (r->plain, sizeof r->plain);
  g_free (r);

  staged_db = g_build_filename (staging, ARCHIVE_DB, NULL);
  ok = ok && _xs_backup_check_candidate (staged_db, error)
       && !g_cancellable_set_error_if_cancelled (cancellable, error)
       && check_no_base (dir, error)
       && put_in_place (staging, dir, settings, error);
  remove_tree (staging);
  if (!ok)
    return FALSE;
  /* The archive this base came from is the one to restore a lost key from. */
  xs_data_dir_note_archive (dir, path);
  if (progress != NULL)
    progress (1.0, user_data);
  return TRUE;
}
