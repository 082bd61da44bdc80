/* xs-archive.c: writing a whole-base archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-archive"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xs-archive-private.h"
#include "xs-backup-private.h"
#include "xs-data-dir.h"
#include "xs-db-private.h"

G_DEFINE_QUARK (xs-archive-error-quark, xs_archive_error)

const char * const _xs_archive_setting_keys[] = {
  "base-name", "default-year", "certificate-issuer", "certificate-orientation",
  "print-full-id-number", "evidence-size-limit-mb", "reviewer-name", "review-side",
  NULL
};

gboolean
_xs_archive_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_FAILED,
                   _("The cryptography library could not start."));
      return FALSE;
    }
  return TRUE;
}

gboolean
_xs_archive_derive_key (guint8       key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
                        const char  *passphrase,
                        const guint8 salt[crypto_pwhash_SALTBYTES],
                        guint64      opslimit,
                        guint64      memlimit,
                        GError     **error)
{
  if (crypto_pwhash (key, crypto_secretstream_xchacha20poly1305_KEYBYTES,
                     passphrase, strlen (passphrase), salt,
                     opslimit, (size_t) memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_FAILED,
                   _("Not enough memory to work out the key from the passphrase (%u MB are needed)."),
                   (guint) (memlimit / (1024 * 1024)));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_hex (const char *text,
        gsize       length)
{
  if (strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return TRUE;
}

gboolean
_xs_archive_name_is_valid (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (g_str_equal (name, ARCHIVE_DB) || g_str_equal (name, ARCHIVE_KEY) || g_str_equal (name, ARCHIVE_PDF_KEY)
      || g_str_equal (name, ARCHIVE_SETTINGS) || g_str_equal (name, ARCHIVE_SEAL))
    return TRUE;
  parts = g_strsplit (name, "/", -1);
  return g_strv_length (parts) == 3 && g_str_equal (parts[0], ARCHIVE_EVIDENCE)
         && is_hex (parts[1], 2) && is_hex (parts[2], 62);
}

typedef struct
{
  int                 fd;
  const char         *path;       /* for messages */
  crypto_secretstream_xchacha20poly1305_state state;
  guint8              header[ARCHIVE_HEADER_LEN];
  gboolean            started;
  guint8              plain[ARCHIVE_CHUNK];
  gsize               fill;
  guint8              cipher[4 + ARCHIVE_CHUNK + crypto_secretstream_xchacha20poly1305_ABYTES];
  /* progress */
  guint64             done;
  guint64             total;
  XsArchiveProgress   progress;
  gpointer            user_data;
  GCancellable       *cancellable;
} Writer;

static gboolean
write_all (Writer        *w,
           const guint8  *data,
           gsize          length,
           GError       **error)
{
  while (length > 0)
    {
      gssize n = write (w->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return _xs_backup_set_errno_error (errno, FILE_WRITE, w->path, error);
      data += n;
      length -= n;
    }
  return TRUE;
}

static gboolean
flush_chunk (Writer   *w,
             guint8    tag,
             GError  **error)
{
  unsigned long long length = 0;

  crypto_secretstream_xchacha20poly1305_push (&w->state, w->cipher + 4, &length,
                                              w->plain, w->fill,
                                              w->started ? NULL : w->header,
                                              w->started ? 0 : sizeof w->header, tag);
  w->started = TRUE;
  w->cipher[0] = length & 0xff;
  w->cipher[1] = (length >> 8) & 0xff;
  w->cipher[2] = (length >> 16) & 0xff;
  w->cipher[3] = (length >> 24) & 0xff;
  w->fill = 0;
  return write_all (w, w->cipher, 4 + length, error);
}

static gboolean
put (Writer        *w,
     const void    *data,
     gsize          length,
     GError       **error)
{
  const guint8 *p = data;

  while (length > 0)
    {
      gsize n = MIN (length, sizeof w->plain - w->fill);

      memcpy (w->plain + w->fill, p, n);
      w->fill += n;
      p += n;
      length -= n;
      if (w->fill == sizeof w->plain)
        {
          if (g_cancellable_set_error_if_cancelled (w->cancellable, error)
              || !flush_chunk (w, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
put_entry_header (Writer      *w,
                  const char  *name,
                  guint64      size,
                  GError     **error)
{
  guint8 head[3];
  guint8 length[8];
  gsize name_len = strlen (name);

  g_assert (name_len < 65536);
  head[0] = ARCHIVE_ENTRY_FILE;
  head[1] = name_len >> 8;
  head[2] = name_len & 0xff;
  for (int i = 0; i < 8; i++)
    length[i] = (size >> (56 - 8 * i)) & 0xff;
  return put (w, head, sizeof head, error) && put (w, name, name_len, error)
         && put (w, length, sizeof length, error);
}

static gboolean
put_bytes (Writer      *w,
           const char  *name,
           const void  *data,
           gsize        length,
           GError     **error)
{
  return put_entry_header (w, name, length, error) && put (w, data, length, error);
}

/* One file, read as it is now: its size is taken when it is opened. */
static gboolean
put_file (Writer      *w,
          const char  *name,
          const char  *path,
          GError     **error)
{
  guint8 buffer[ARCHIVE_CHUNK];
  GStatBuf st;
  guint64 left;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  gboolean ok = TRUE;

  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      return _xs_backup_set_errno_error (saved, FILE_READ, path, error);
    }
  left = st.st_size;
  ok = put_entry_header (w, name, left, error);
  while (ok && left > 0)
    {
      gssize n = read (fd, buffer, MIN (left, sizeof buffer));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          ok = _xs_backup_set_errno_error (n < 0 ? errno : EIO, FILE_READ, path, error);
          break;
        }
      ok = put (w, buffer, n, error);
      left -= n;
      w->done += n;
      if (w->progress != NULL && w->total > 0)
        w->progress ((double) w->done / (double) w->total, w->user_data);
    }
  close (fd);
  return ok;
}

/* The base's settings as a key file: each value in GVariant text. */
static char *
settings_to_text (GSettings *settings)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  for (guint i = 0; _xs_archive_setting_keys[i] != NULL; i++)
    {
      const char *key = _xs_archive_setting_keys[i];
      g_autoptr(GVariant) value = NULL;
      g_autofree char *text = NULL;

      if (schema == NULL || !g_settings_schema_has_key (schema, key))
        continue;
      value = g_settings_get_value (settings, key);
      text = g_variant_print (value, FALSE);
      g_key_file_set_string (file, "settings", key, text);
    }
  return g_key_file_to_data (file, NULL, NULL);
}

/* The evidence files, as (name in the archive, path) pairs; their sizes are
 * added to *@total. */
static GPtrArray *
list_evidence (const char *data_dir,
               guint64    *total,
               GError    **error)
{
  g_autofree char *top = g_build_filename (data_dir, ARCHIVE_EVIDENCE, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) outer = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *prefix;

  outer = g_dir_open (top, 0, &local_error);
  if (outer == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&files);
      g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_FAILED,
                   _("Could not read the folder “%s”: %s"), top, local_error->message);
      return NULL;
    }
  while ((prefix = g_dir_read_name (outer)) != NULL)
    {
      g_autofree char *sub = g_build_filename (top, prefix, NULL);
      g_autoptr(GDir) inner = g_dir_open (sub, 0, NULL);
      const char *rest;

      while (inner != NULL && (rest = g_dir_read_name (inner)) != NULL)
        {
          g_autofree char *name = g_strconcat (ARCHIVE_EVIDENCE "/", prefix, "/", rest, NULL);
          g_autofree char *path = NULL;
          GStatBuf st;

          /* Temporary files of interrupted attaches are no evidence. */
          if (!_xs_archive_name_is_valid (name))
            continue;
          path = g_build_filename (sub, rest, NULL);
          if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
            continue;
          *total += st.st_size;
          g_ptr_array_add (files, g_steal_pointer (&name));
          g_ptr_array_add (files, g_steal_pointer (&path));
        }
    }
  return g_steal_pointer (&files);
}

static gboolean
write_contents (Writer      *w,
                XsDb        *db,
                GSettings   *settings,
                const char  *db_copy,
                GError     **error)
{
  const char *data_dir = xs_db_get_data_dir (db);
  g_autofree char *key = g_build_filename (data_dir, ARCHIVE_KEY, NULL);
  g_autofree char *pdf_key = g_build_filename (data_dir, ARCHIVE_PDF_KEY, NULL);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *seal = NULL;
  GStatBuf st;
  guint8 end = ARCHIVE_ENTRY_END;

  if (g_stat (db_copy, &st) == 0)
    w->total += st.st_size;
  evidence = list_evidence (data_dir, &w->total, error);
  if (evidence == NULL)
    return FALSE;

  if (!put_file (w, ARCHIVE_DB, db_copy, error))
    return FALSE;
  /* Without its key a base's certificates can no longer be checked: an
   * archive without it would not give back the same base. */
  if (!put_file (w, ARCHIVE_KEY, key, error))
    return FALSE;
  /* nor without the key its certificate PDFs are signed with (a base set
   * up by an earlier version has none until it signs one) */
  if (g_file_test (pdf_key, G_FILE_TEST_EXISTS) && !put_file (w, ARCHIVE_PDF_KEY, pdf_key, error))
    return FALSE;
  if (settings != NULL)
    {
      g_autofree char *text = settings_to_text (settings);

      if (!put_bytes (w, ARCHIVE_SETTINGS, text, strlen (text), error))
        return FALSE;
      seal = g_settings_get_string (settings, "seal-image");
      if (seal != NULL && *seal != '\0' && g_file_test (seal, G_FILE_TEST_IS_REGULAR)
          && !put_file (w, ARCHIVE_SEAL, seal, error))
        return FALSE;
    }
  for (guint i = 0; i + 1 < evidence->len; i += 2)
    if (!put_file (w, g_ptr_array_index (evidence, i), g_ptr_array_index (evidence, i + 1), error))
      return FALSE;

  return put (w, &end, 1, error)
         && flush_chunk (w, crypto_secretstream_xchacha20poly1305_TAG_FINAL, error);
}

static gboolean
start_stream (Writer      *w,
              const char  *passphrase,
              GError     **error)
{
  guint8 key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  guint8 *salt = w->header + ARCHIVE_MAGIC_LEN;
  guint8 *limits = salt + crypto_pwhash_SALTBYTES;
  /* Argon2id with 64 MiB and 2 passes: above what OWASP asks for
   * passwords, and quick enough on an office computer. */
  guint64 opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  guint64 memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  gboolean ok;

  memcpy (w->header, ARCHIVE_MAGIC, ARCHIVE_MAGIC_LEN);
  randombytes_buf (salt, crypto_pwhash_SALTBYTES);
  for (int i = 0; i < 8; i++)
    {
      limits[i] = (opslimit >> (8 * i)) & 0xff;
      limits[8 + i] = (memlimit >> (8 * i)) & 0xff;
    }
  if (!_xs_archive_derive_key (key, passphrase, salt, opslimit, memlimit, error))
    return FALSE;
  crypto_secretstream_xchacha20poly1305_init_push (&w->state, limits + 16, key);
  sodium_memzero (key, sizeof key);
  /* An empty first chunk, bound to the header: failing to open it means a
   * wrong passphrase (or a changed header), never damage further on. */
  ok = write_all (w, w->header, sizeof w->header, error)
       && flush_chunk (w, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, error);
  return ok;
}

gboolean
xs_archive_write (XsDb               *db,
                  GSettings          *settings,
                  const char         *path,
                  const char         *passphrase,
                  XsArchiveProgress   progress,
                  gpointer            user_data,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autofree char *display = NULL;
  g_autofree char *copy_base = NULL;
  g_autofree char *db_copy = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *absolute = NULL;
  const char *data_dir;
  Writer *w = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (path != NULL && passphrase != NULL, FALSE);

  display = g_filename_display_name (path);
  if (g_utf8_strlen (passphrase, -1) < XS_ARCHIVE_MIN_PASSPHRASE)
    {
      g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_WEAK_PASSPHRASE,
                   _("The passphrase is too short: use at least %d characters. Whoever has the archive and the passphrase has the whole base."),
                   XS_ARCHIVE_MIN_PASSPHRASE);
      return FALSE;
    }
  if (!_xs_archive_init (error))
    return FALSE;
  absolute = g_canonicalize_filename (path, NULL);
  data_dir = xs_db_get_data_dir (db);
  if (g_str_has_prefix (absolute, data_dir)
      && (absolute[strlen (data_dir)] == '/' || absolute[strlen (data_dir)] == '\0'))
    {
      g_set_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_FAILED,
                   _("“%s” is inside the data folder. Write the archive to another disk (a USB stick, a network share): it is what is left when this disk dies."),
                   display);
      return FALSE;
    }

  /* A consistent copy of the database, with SQLite's backup API. */
  copy_base = g_build_filename (xs_db_get_data_dir (db), "archive-copy", NULL);
  if ((db_copy = _xs_backup_create_temp (copy_base, error)) == NULL)
    return FALSE;
  if (!_xs_backup_copy_database (_xs_db_get_handle (db), xs_db_get_path (db), db_copy, error))
    {
      _xs_backup_remove_with_journal (db_copy);
      return FALSE;
    }

  if ((tmp = _xs_backup_create_temp (path, error)) == NULL)
    {
      _xs_backup_remove_with_journal (db_copy);
      return FALSE;
    }

  w = g_new0 (Writer, 1);
  w->path = path;
  w->progress = progress;
  w->user_data = user_data;
  w->cancellable = cancellable;
  w->fd = g_open (tmp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
  if (w->fd < 0)
    _xs_backup_set_errno_error (errno, FILE_WRITE, path, error);
  else if (start_stream (w, passphrase, error)
           && write_contents (w, db, settings, db_copy, error))
    {
      if (fsync (w->fd) != 0)
        _xs_backup_set_errno_error (errno, FILE_WRITE, path, error);
      else
        ok = TRUE;
    }
  if (w->fd >= 0 && close (w->fd) != 0 && ok)
    ok = _xs_backup_set_errno_error (errno, FILE_WRITE, path, error);
  sodium_memzero (&w->state, sizeof w->state);
  sodium_memzero (w->plain, sizeof w->plain);
  g_free (w);
  _xs_backup_remove_with_journal (db_copy);

  if (ok && g_rename (tmp, path) != 0)
    ok = _xs_backup_set_errno_error (errno, FILE_WRITE, path, error);
  if (!ok)
    {
      g_unlink (tmp);
      return FALSE;
    }
  _xs_backup_sync_parent (path);
  if (progress != NULL)
    progress (1.0, user_data);
  xs_data_dir_note_archive (xs_db_get_data_dir (db), path);
  return TRUE;
}
