/* xs-package-reader.c: opening a submission package, as hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes over the ZIP. The first reads headers only (and the
 * manifest): every name must be safe, every member a plain file, no name
 * twice, and the members exactly those the manifest lists, with the sizes
 * it gives. The second reads the data, never more than the manifest
 * declares, refuses compression ratios of a zip bomb, checks every
 * member's SHA-256, and writes the evidence, and nothing else, into a
 * private temporary directory.
 */
#define G_LOG_DOMAIN "xs-package"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xs-package-private.h"

#define MAX_MEMBERS   XS_PACKAGE_MAX_MEMBERS
#define MAX_MANIFEST  (64 * 1024 * 1024)
#define BOMB_MIN      (1024 * 1024)
#define BOMB_RATIO    100
#define CHUNK         (64 * 1024)

struct _XsPackage
{
  GObject      parent_instance;

  char        *path;
  char        *display_name;
  char        *digest;
  char        *tmpdir;
  XsPackageManifest manifest;
  GBytes      *signature;       /* manifest.sig, or NULL */
  GHashTable  *evidence_paths;  /* sha256 -> checked copy */
};

G_DEFINE_FINAL_TYPE (XsPackage, xs_package, G_TYPE_OBJECT)

typedef struct archive XsArchive;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsArchive, archive_read_free)

static void
remove_tmpdir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

static void
xs_package_finalize (GObject *object)
{
  XsPackage *self = XS_PACKAGE (object);

  if (self->tmpdir != NULL)
    remove_tmpdir (self->tmpdir);
  g_free (self->tmpdir);
  g_free (self->path);
  g_free (self->display_name);
  g_free (self->digest);
  g_clear_pointer (&self->signature, g_bytes_unref);
  _xs_package_manifest_clear (&self->manifest);
  g_clear_pointer (&self->evidence_paths, g_hash_table_unref);
  G_OBJECT_CLASS (xs_package_parent_class)->finalize (object);
}

static void
xs_package_class_init (XsPackageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_package_finalize;
}

static void
xs_package_init (XsPackage *self)
{
  self->evidence_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Names ------------------------------------------------------------------ */

/* Relative, '/'-separated, no empty, "." or ".." part, no drive letter,
 * backslash or control character. */
static gboolean
name_is_safe (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  if (name[0] == '/' || strchr (name, '\\') != NULL || strchr (name, ':') != NULL)
    return FALSE;
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

/* Errors ----------------------------------------------------------------- */

static gboolean
set_damaged (XsPackage   *self,
             const char  *detail,
             GError     **error)
{
  if (detail != NULL)
    g_debug ("%s: %s", self->display_name, detail);
  g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE,
               _("“%s” is not a submission package of Xueshi, or it is damaged."),
               self->display_name);
  return FALSE;
}

static gboolean
set_bomb (XsPackage   *self,
          const char  *member,
          GError     **error)
{
  g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSAFE,
               _("“%s” was refused: its member “%s” unpacks to more than %u times its "
                 "packed size, as a zip bomb does."),
               self->display_name, member, (guint) BOMB_RATIO);
  return FALSE;
}

/* Pass 1: headers and the manifest --------------------------------------- */

static XsArchive *
open_archive (XsPackage  *self,
              GError    **error)
{
  g_autoptr(XsArchive) archive = archive_read_new ();

  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_filename (archive, self->path, CHUNK) != ARCHIVE_OK)
    {
      set_damaged (self, archive_error_string (archive), error);
      return NULL;
    }
  return g_steal_pointer (&archive);
}

/* Reads the current entry, at most @limit bytes and no zip bomb, into
 * @checksum and, when given, @fd or @buffer. Returns the size, or -1. */
static gint64
read_member (XsPackage     *self,
             XsArchive     *archive,
             const char    *name,
             gint64         limit,
             GChecksum     *checksum,
             int            fd,
             GByteArray    *buffer,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree guint8 *chunk = g_malloc (CHUNK);
  gint64 start = archive_filter_bytes (archive, -1);
  gint64 count = 0;

  for (;;)
    {
      la_ssize_t n = archive_read_data (archive, chunk, CHUNK);
      gint64 packed;

      if (n < 0)
        {
          set_damaged (self, archive_error_string (archive), error);
          return -1;
        }
      if (n == 0)
        return count;
      count += n;
      if (count > limit)
        {
          g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_MISMATCH,
                       _("“%s” was refused: its member “%s” is larger than its manifest says."),
                       self->display_name, name);
          return -1;
        }
      packed = MAX (archive_filter_bytes (archive, -1) - start, 1);
      if (count > BOMB_MIN && count / packed > BOMB_RATIO)
        {
          set_bomb (self, name, error);
          return -1;
        }
      if (checksum != NULL)
        g_checksum_update (checksum, chunk, n);
      if (buffer != NULL)
        g_byte_array_append (buffer, chunk, n);
      if (fd >= 0)
        {
          gsize done = 0;

          while (done < (gsize) n)
            {
              gssize w = write (fd, chunk + done, n - done);

              if (w < 0 && errno == EINTR)
                continue;
              if (w < 0)
                {
                  int saved = errno;

                  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Could not unpack “%s”: %s"), name, g_strerror (saved));
                  return -1;
                }
              done += w;
            }
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
    }
}

/* The header checks of both passes. */
static gboolean
check_entry (XsPackage             *self,
             struct archive        *archive,
             int                    r,
             struct archive_entry  *entry,
             GHashTable            *seen,
             GError               **error)
{
  const char *name;

  if (r != ARCHIVE_OK)
    return set_damaged (self, archive_error_string (archive), error);
  name = archive_entry_pathname (entry);
  if (!name_is_safe (name))
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSAFE,
                   _("“%s” was refused: it holds a member named “%s”, which could be written "
                     "outside its folder."),
                   self->display_name, name ? name : "");
      return FALSE;
    }
  if (archive_entry_filetype (entry) != AE_IFREG || archive_entry_symlink (entry) != NULL
      || archive_entry_hardlink (entry) != NULL)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSAFE,
                   _("“%s” was refused: its member “%s” is a link or a folder, not a file."),
                   self->display_name, name);
      return FALSE;
    }
  if (archive_entry_is_encrypted (entry))
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSAFE,
                   _("“%s” was refused: its member “%s” is protected with a password."),
                   self->display_name, name);
      return FALSE;
    }
  if (!g_hash_table_add (seen, g_strdup (name)))
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSAFE,
                   _("“%s” was refused: it holds “%s” twice."),
                   self->display_name, name);
      return FALSE;
    }
  if (g_hash_table_size (seen) > MAX_MEMBERS)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSAFE,
                   _("“%s” was refused: it holds more than %u members."),
                   self->display_name, (guint) MAX_MEMBERS);
      return FALSE;
    }
  return TRUE;
}

/* Pass 1: checks every header, returns the manifest and fills @sizes
 * (name -> declared size, or -1). */
static GBytes *
scan (XsPackage     *self,
      GBytes       **signature,
      GHashTable    *sizes,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(XsArchive) archive = open_archive (self, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GByteArray) manifest = NULL;
  g_autoptr(GByteArray) sig = NULL;
  struct archive_entry *entry;
  int r;

  if (archive == NULL)
    return NULL;
  while ((r = archive_read_next_header (archive, &entry)) != ARCHIVE_EOF)
    {
      const char *name;

      if (!check_entry (self, archive, r, entry, seen, error))
        return NULL;
      name = archive_entry_pathname (entry);
      if (strcmp (name, XS_PACKAGE_MANIFEST) == 0)
        {
          manifest = g_byte_array_new ();
          if (read_member (self, archive, name, MAX_MANIFEST, NULL, -1, manifest,
                           cancellable, error) < 0)
            return NULL;
        }
      else if (strcmp (name, XS_PACKAGE_SIGNATURE) == 0)
        {
          sig = g_byte_array_new ();
          if (read_member (self, archive, name, 4096, NULL, -1, sig, cancellable, error) < 0)
            return NULL;
        }
      else
        {
          gint64 size = archive_entry_size_is_set (entry) ? archive_entry_size (entry) : -1;

          g_hash_table_insert (sizes, g_strdup (name), g_memdup2 (&size, sizeof size));
        }
    }
  if (manifest == NULL)
    {
      set_damaged (self, "no manifest", error);
      return NULL;
    }
  if (sig != NULL)
    *signature = g_byte_array_free_to_bytes (g_steal_pointer (&sig));
  return g_byte_array_free_to_bytes (g_steal_pointer (&manifest));
}

/* The ZIP's members against the manifest's --------------------------------- */

static gboolean
compare_members (XsPackage   *self,
                 GHashTable  *sizes,
                 GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, sizes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      XsPackageMember *member = g_hash_table_lookup (self->manifest.members, key);
      gint64 size = *(gint64 *) value;

      if (member == NULL)
        {
          g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_MISMATCH,
                       _("“%s” was refused: it holds “%s”, which its manifest does not list."),
                       self->display_name, (const char *) key);
          return FALSE;
        }
      if (size >= 0 && size != member->size)
        {
          if (size > member->size)
            g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_MISMATCH,
                         _("“%s” was refused: its member “%s” is larger than its manifest says."),
                         self->display_name, member->name);
          else
            g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_MISMATCH,
                         _("“%s” was refused: its member “%s” is smaller than its manifest says."),
                         self->display_name, member->name);
          return FALSE;
        }
      member->in_zip = TRUE;
    }

  g_hash_table_iter_init (&iter, self->manifest.members);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      XsPackageMember *member = value;

      if (!member->in_zip)
        {
          g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_MISMATCH,
                       _("“%s” was refused: it lacks “%s”, which its manifest lists."),
                       self->display_name, member->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Pass 2: the data ---------------------------------------------------------- */

static gboolean
unpack_member (XsPackage     *self,
               XsArchive     *archive,
               XsPackageMember *member,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *path = NULL;
  gint64 size;
  int fd = -1;

  if (member->evidence)
    {
      const char *hash = NULL, *extension = NULL;
      g_autofree char *file_name = NULL;

      _xs_package_parse_evidence_name (member->name, &hash, &extension);
      file_name = g_strdup_printf ("%.64s.%s", hash, extension);
      path = g_build_filename (self->tmpdir, file_name, NULL);
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not unpack “%s”: %s"), member->name, g_strerror (saved));
          return FALSE;
        }
    }

  size = read_member (self, archive, member->name, member->size, checksum, fd, NULL,
                      cancellable, error);
  if (fd >= 0)
    g_close (fd, NULL);
  if (size < 0)
    return FALSE;
  if (size != member->size)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_MISMATCH,
                   _("“%s” was refused: its member “%s” is smaller than its manifest says."),
                   self->display_name, member->name);
      return FALSE;
    }
  if (g_strcmp0 (g_checksum_get_string (checksum), member->sha256) != 0)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_MISMATCH,
                   _("“%s” was refused: its member “%s” does not match the SHA-256 in its "
                     "manifest; it was changed or damaged on the way."),
                   self->display_name, member->name);
      return FALSE;
    }
  if (member->evidence)
    g_hash_table_insert (self->evidence_paths, g_strdup (member->sha256), g_steal_pointer (&path));
  return TRUE;
}

static gboolean
unpack (XsPackage     *self,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(XsArchive) archive = open_archive (self, error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct archive_entry *entry;
  int r;

  if (archive == NULL)
    return FALSE;
  while ((r = archive_read_next_header (archive, &entry)) != ARCHIVE_EOF)
    {
      const char *name;
      XsPackageMember *member;

      if (!check_entry (self, archive, r, entry, seen, error))
        return FALSE;
      name = archive_entry_pathname (entry);
      if (strcmp (name, XS_PACKAGE_MANIFEST) == 0 || strcmp (name, XS_PACKAGE_SIGNATURE) == 0)
        continue;
      /* the file changed since the first pass */
      member = g_hash_table_lookup (self->manifest.members, name);
      if (member == NULL)
        return set_damaged (self, "member not seen before", error);
      if (!unpack_member (self, archive, member, cancellable, error))
        return FALSE;
    }
  if (g_hash_table_size (seen) != g_hash_table_size (self->manifest.members) + 1
                                   + (self->signature != NULL ? 1 : 0))
    return set_damaged (self, "members changed", error);
  return TRUE;
}

/* The manifest against the base's signature in manifest.sig: the manifest
 * holds every other member's SHA-256, so this covers the whole package. */
static gboolean
check_signature (XsPackage  *self,
                 GBytes     *manifest,
                 GError    **error)
{
  const char *key = self->manifest.base_key;
  g_autofree char *text = NULL;
  g_autofree char *fingerprint = NULL;
  gsize length;
  const guint8 *data;

  if (key == NULL && self->signature == NULL)
    return TRUE;
  if (key == NULL)
    return set_damaged (self, "a signature without a key", error);
  fingerprint = xs_public_key_fingerprint (key);
  if (self->signature == NULL)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_BAD_SIGNATURE,
                   _("“%s” was refused: its signature was removed, so nobody can tell who made it "
                     "or whether it was changed. Ask the base for the package again."),
                   self->display_name);
      return FALSE;
    }
  text = g_strndup (g_bytes_get_data (self->signature, NULL), g_bytes_get_size (self->signature));
  g_strchomp (text);
  data = g_bytes_get_data (manifest, &length);
  if (!g_str_has_prefix (text, XS_SIGNATURE_LINE)
      || !xs_public_key_verify (key, data != NULL ? data : (const guint8 *) "", length,
                                text + strlen (XS_SIGNATURE_LINE)))
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_BAD_SIGNATURE,
                   _("“%s” was refused: its contents do not match the signature of the base that "
                     "made it (key %s). It was changed after it was signed. Ask the base for the "
                     "package again."),
                   self->display_name, fingerprint);
      return FALSE;
    }
  return TRUE;
}

XsPackage *
xs_package_open (const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(XsPackage) self = NULL;
  g_autoptr(GHashTable) sizes = NULL;
  g_autoptr(GBytes) manifest = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (XS_TYPE_PACKAGE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_path_get_basename (path);
  _xs_package_manifest_init (&self->manifest, self->display_name);
  self->digest = _xs_package_file_digest (path, cancellable, error);
  if (self->digest == NULL)
    return NULL;

  sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  manifest = scan (self, &self->signature, sizes, cancellable, error);
  if (manifest == NULL
      || !_xs_package_parse_manifest (&self->manifest, manifest, error)
      || !check_signature (self, manifest, error)
      || !compare_members (self, sizes, error))
    return NULL;

  /* g_dir_make_tmp() makes it 0700 */
  self->tmpdir = g_dir_make_tmp ("xueshi-package-XXXXXX", error);
  if (self->tmpdir == NULL || !unpack (self, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
xs_package_get_path (XsPackage *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), NULL);
  return self->path;
}

const char *
xs_package_get_base_name (XsPackage *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), NULL);
  return self->manifest.base_name;
}

const char *
xs_package_get_base_id (XsPackage *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), NULL);
  return self->manifest.base_id;
}

int
xs_package_get_year (XsPackage *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), 0);
  return self->manifest.year;
}

const char *
xs_package_get_rule_set (XsPackage *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), NULL);
  return self->manifest.rule_set;
}

const char *
xs_package_get_digest (XsPackage *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), NULL);
  return self->digest;
}

guint
xs_package_get_n_claims (XsPackage *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), 0);
  return self->manifest.claims->len;
}

const XsPackageClaim *
xs_package_get_claim (XsPackage *self,
                      guint      index)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), NULL);
  g_return_val_if_fail (index < self->manifest.claims->len, NULL);
  return &g_array_index (self->manifest.claims, XsPackageClaim, index);
}

const char *
xs_package_get_evidence_path (XsPackage  *self,
                              const char *sha256)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), NULL);
  return sha256 != NULL ? g_hash_table_lookup (self->evidence_paths, sha256) : NULL;
}

const char *
xs_package_get_base_key (XsPackage *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE (self), NULL);
  return self->manifest.base_key;
}
