/* xs-output.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xs-data-dir.h"
#include "xs-output.h"

struct _XsOutput
{
  GObject        parent_instance;

  char          *path;        /* as given, for messages */
  char          *target;      /* the file that is replaced */
  char          *temp_path;
  GOutputStream *stream;
  gboolean       committed;
};

G_DEFINE_FINAL_TYPE (XsOutput, xs_output, G_TYPE_OBJECT)

G_DEFINE_QUARK (xs-output-error-quark, xs_output_error)

/* The files of a data folder that may lie elsewhere through a link */
static const char * const own_files[] = {
  "xueshi.db", "xueshi.db-wal", "xueshi.db-shm", "xueshi.db-journal",
  "signing-key", "pdf-signing-key", "backups", "evidence",
};

static GMutex protected_lock;
static GPtrArray *protected_dirs;

void
xs_output_protect_data_dir (const char *data_dir)
{
  g_return_if_fail (data_dir != NULL);

  g_mutex_lock (&protected_lock);
  if (protected_dirs == NULL)
    protected_dirs = g_ptr_array_new_with_free_func (g_free);
  if (!g_ptr_array_find_with_equal_func (protected_dirs, data_dir, g_str_equal, NULL))
    g_ptr_array_add (protected_dirs, g_canonicalize_filename (data_dir, NULL));
  g_mutex_unlock (&protected_lock);
}

static GPtrArray *
list_protected_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (dirs, xs_data_dir_resolve (NULL));
  g_mutex_lock (&protected_lock);
  for (guint i = 0; protected_dirs != NULL && i < protected_dirs->len; i++)
    g_ptr_array_add (dirs, g_strdup (g_ptr_array_index (protected_dirs, i)));
  g_mutex_unlock (&protected_lock);
  return dirs;
}

/* @path with every link resolved, or a copy when it does not exist */
static char *
resolve (const char *path)
{
  char *real = realpath (path, NULL);
  char *copy;

  if (real == NULL)
    return g_strdup (path);
  copy = g_strdup (real);
  free (real);
  return copy;
}

static gboolean
is_within (const char *path,
           const char *dir)
{
  gsize n = strlen (dir);

  if (n > 1 && dir[n - 1] == '/')
    n--;
  return strncmp (path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static gboolean
same_file (const struct stat *a,
           const char        *path)
{
  struct stat b;

  return g_stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

static gboolean
refuse_protected (const char  *path,
                  const char  *dir,
                  GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir_display = g_filename_display_name (dir);

  g_set_error (error, XS_OUTPUT_ERROR, XS_OUTPUT_ERROR_PROTECTED,
               _("“%s” is inside Xueshi’s data folder “%s”, which holds the database, the "
                 "evidence, the signing key and the backups. Choose a file outside it."),
               display, dir_display);
  return FALSE;
}

static gboolean
set_failed (const char  *path,
            int          saved_errno,
            GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, XS_OUTPUT_ERROR, XS_OUTPUT_ERROR_FAILED,
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
  return FALSE;
}

/* The data folder @target lies in or is one of the files of, or NULL.
 * @buf is @target's status when @exists. */
static char *
find_protecting_dir (const char        *target,
                     gboolean           exists,
                     const struct stat *buf)
{
  g_autoptr(GPtrArray) dirs = list_protected_dirs ();

  for (guint i = 0; i < dirs->len; i++)
    {
      const char *data_dir = g_ptr_array_index (dirs, i);
      g_autofree char *real_data_dir = resolve (data_dir);

      if (is_within (target, data_dir) || is_within (target, real_data_dir))
        return g_strdup (data_dir);
      for (guint j = 0; j < G_N_ELEMENTS (own_files); j++)
        {
          g_autofree char *own = g_build_filename (data_dir, own_files[j], NULL);
          g_autofree char *real_own = resolve (own);

          if (is_within (target, real_own) || (exists && same_file (buf, own)))
            return g_strdup (data_dir);
        }
    }
  return NULL;
}

/* Checks @path and returns the file a write replaces. */
static char *
check_path (const char  *path,
            GError     **error)
{
  g_autofree char *given_dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *target = NULL;
  g_autofree char *protecting = NULL;
  struct stat buf;
  gboolean exists;
  char *real;

  base = g_path_get_basename (path);
  if (path[0] == '\0' || g_str_has_suffix (path, "/")
      || g_str_equal (base, ".") || g_str_equal (base, ".."))
    {
      set_failed (path, EISDIR, error);
      return NULL;
    }
  /* The folder with every link and ".." resolved as the system does, then
   * the file itself when it is a link. */
  given_dir = g_path_get_dirname (path);
  real = realpath (given_dir, NULL);
  if (real == NULL)
    {
      int saved = errno;
      g_autofree char *canonical = g_canonicalize_filename (path, NULL);

      /* a folder of the data folder that is not there yet is still refused */
      protecting = find_protecting_dir (canonical, FALSE, NULL);
      if (protecting != NULL)
        refuse_protected (path, protecting, error);
      else
        set_failed (path, saved, error);
      return NULL;
    }
  real_dir = g_strdup (real);
  free (real);
  joined = g_build_filename (real_dir, base, NULL);
  target = resolve (joined);
  exists = g_stat (target, &buf) == 0;
  if (exists && S_ISDIR (buf.st_mode))
    {
      set_failed (path, EISDIR, error);
      return NULL;
    }

  protecting = find_protecting_dir (target, exists, &buf);
  if (protecting != NULL)
    {
      refuse_protected (path, protecting, error);
      return NULL;
    }
  return g_steal_pointer (&target);
}

gboolean
xs_output_check_path (const char  *path,
                      GError     **error)
{
  g_autofree char *target = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  target = check_path (path, error);
  return target != NULL;
}

static void
xs_output_finalize (GObject *object)
{
  XsOutput *self = XS_OUTPUT (object);

  if (self->stream != NULL && !g_output_stream_is_closed (self->stream))
    g_output_stream_close (self->stream, NULL, NULL);
  g_clear_object (&self->stream);
  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->target);
  g_free (self->path);

  G_OBJECT_CLASS (xs_output_parent_class)->finalize (object);
}

static void
xs_output_class_init (XsOutputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_output_finalize;
}

static void
xs_output_init (XsOutput *self)
{
}

XsOutput *
xs_output_new (const char     *path,
               XsOutputFlags   flags,
               GError        **error)
{
  g_autoptr(XsOutput) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (XS_TYPE_OUTPUT, NULL);
  self->path = g_strdup (path);
  self->target = check_path (path, error);
  if (self->target == NULL)
    return NULL;

  /* hidden beside the target, so that the rename stays on one file system */
  dir = g_path_get_dirname (self->target);
  base = g_path_get_basename (self->target);
  self->temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (self->temp_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_clear_pointer (&self->temp_path, g_free);
      set_failed (path, saved, error);
      return NULL;
    }
  if ((flags & XS_OUTPUT_PUBLIC) != 0 && fchmod (fd, 0644) != 0)
    {
      int saved = errno;

      close (fd);
      set_failed (path, saved, error);
      return NULL;
    }
  close (fd);

  {
    g_autoptr(GFile) file = g_file_new_for_path (self->temp_path);

    /* the file is there and empty: appending writes it from the start */
    self->stream = G_OUTPUT_STREAM (g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL, error));
    if (self->stream == NULL)
      return NULL;
  }
  return g_steal_pointer (&self);
}

const char *
xs_output_get_temp_path (XsOutput *self)
{
  g_return_val_if_fail (XS_IS_OUTPUT (self), NULL);

  return self->temp_path;
}

GOutputStream *
xs_output_get_stream (XsOutput *self)
{
  g_return_val_if_fail (XS_IS_OUTPUT (self), NULL);
  g_return_val_if_fail (!self->committed, NULL);

  return self->stream;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
xs_output_commit (XsOutput  *self,
                  GError   **error)
{
  g_autofree char *target = NULL;
  int fd;

  g_return_val_if_fail (XS_IS_OUTPUT (self), FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->stream != NULL && !g_output_stream_is_closed (self->stream)
      && !g_output_stream_close (self->stream, NULL, error))
    return FALSE;

  fd = g_open (self->temp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      return set_failed (self->path, saved, error);
    }
  close (fd);

  /* A link may have been put in the way while the file was written. */
  target = check_path (self->path, error);
  if (target == NULL)
    return FALSE;
  if (g_strcmp0 (target, self->target) != 0)
    return set_failed (self->path, EAGAIN, error);

  if (g_rename (self->temp_path, self->target) != 0)
    return set_failed (self->path, errno, error);
  self->committed = TRUE;
  sync_folder (self->target);
  return TRUE;
}

gboolean
xs_output_write_file (const char     *path,
                      const void     *data,
                      gsize           length,
                      XsOutputFlags   flags,
                      GError        **error)
{
  g_autoptr(XsOutput) output = NULL;
  gsize written = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  output = xs_output_new (path, flags, error);
  if (output == NULL)
    return FALSE;
  if (length > 0
      && !g_output_stream_write_all (xs_output_get_stream (output), data, length, &written, NULL, error))
    return FALSE;
  return xs_output_commit (output, error);
}
