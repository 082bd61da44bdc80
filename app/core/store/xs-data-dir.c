/* xs-data-dir.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-data-dir"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xs-data-dir.h"

char *
xs_data_dir_resolve (const char *explicit_dir)
{
  const char *env;

  if (explicit_dir != NULL && *explicit_dir != '\0')
    return g_canonicalize_filename (explicit_dir, NULL);

  env = g_getenv ("XUESHI_DATA_DIR");
  if (env != NULL && *env != '\0')
    return g_canonicalize_filename (env, NULL);

  return g_build_filename (g_get_user_data_dir (), "xueshi", NULL);
}

gboolean
xs_data_dir_ensure (const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail_write (const char  *tmp,
            const char  *path,
            int          saved_errno,
            GError     **error)
{
  g_unlink (tmp);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
xs_data_dir_write_private (const char  *path,
                           const void  *data,
                           gsize        length,
                           GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.XXXXXX", path);
  const guint8 *p = data;
  gsize left = length;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    return fail_write (tmp, path, errno, error);

  while (left > 0)
    {
      gssize n = write (fd, p, left);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      p += n;
      left -= n;
    }

  if (left > 0 || fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      return fail_write (tmp, path, saved, error);
    }
  if (close (fd) != 0 || g_rename (tmp, path) != 0)
    return fail_write (tmp, path, errno, error);

  /* The rename itself lasts through a power cut only once the folder is
   * synced: otherwise the database could name a file that is not there. */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd >= 0)
      {
        fsync (fd);
        close (fd);
      }
  }

  return TRUE;
}

/* "NAME.XXXXXX" as g_mkstemp() makes it, or what SQLite keeps beside such
 * a file (a database copy): "NAME.XXXXXX-wal", "-shm", "-journal". */
static gboolean
is_temporary_name (const char *name)
{
  static const char * const sidecars[] = { "-wal", "-shm", "-journal" };
  gsize len = strlen (name);

  for (gsize i = 0; i < G_N_ELEMENTS (sidecars); i++)
    if (g_str_has_suffix (name, sidecars[i]))
      {
        len -= strlen (sidecars[i]);
        break;
      }
  if (len < 8 || name[len - 7] != '.')
    return FALSE;
  for (gsize i = len - 6; i < len; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

guint
xs_data_dir_remove_stale_temporaries (const char *dir,
                                      gint64      min_age)
{
  g_autoptr(GDir) handle = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (dir != NULL, 0);

  handle = g_dir_open (dir, 0, NULL);
  if (handle == NULL)
    return 0;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_temporary_name (name))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode)
          || now - (gint64) st.st_mtime < min_age)
        continue;
      if (g_unlink (path) == 0)
        removed++;
    }
  return removed;
}

#define NOTED_ARCHIVE "latest-archive"

void
xs_data_dir_note_archive (const char *dir,
                          const char *archive_path)
{
  g_autofree char *path = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (dir != NULL && archive_path != NULL);

  path = g_build_filename (dir, NOTED_ARCHIVE, NULL);
  absolute = g_canonicalize_filename (archive_path, NULL);
  if (!xs_data_dir_write_private (path, absolute, strlen (absolute), &error))
    g_info ("Could not note the archive: %s", error->message);
}

char *
xs_data_dir_get_noted_archive (const char *dir)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (dir != NULL, NULL);

  path = g_build_filename (dir, NOTED_ARCHIVE, NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL) || length == 0
      || length > 4096 || memchr (contents, '\n', length) != NULL)
    return NULL;
  return g_steal_pointer (&contents);
}

gboolean
xs_data_dir_is_read_only (const char *dir,
                          int        *reason)
{
  g_autofree char *probe = NULL;
  int fd;

  g_return_val_if_fail (dir != NULL, FALSE);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return FALSE;
  /* access () answers yes to root on a read-only disk: try for real. */
  probe = g_build_filename (dir, ".write-test.XXXXXX", NULL);
  fd = g_mkstemp_full (probe, O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      g_unlink (probe);
      return FALSE;
    }
  if (reason != NULL)
    *reason = errno;
  return errno == EACCES || errno == EROFS || errno == EPERM;
}
