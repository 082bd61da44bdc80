/* xs-data-dir.h: where the database and the evidence files live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @explicit_dir (from --data-dir) wins, then $XUESHI_DATA_DIR, then
 * $XDG_DATA_HOME/xueshi. Returns a newly allocated absolute path. */
char     *xs_data_dir_resolve        (const char  *explicit_dir);
/* Creates @path (and parents) with mode 0700 when it does not exist. */
gboolean  xs_data_dir_ensure         (const char  *path,
                                      GError     **error);
/* Writes @bytes to @path atomically with mode 0600 (temporary file, fsync,
 * rename). */
gboolean  xs_data_dir_write_private  (const char  *path,
                                      const void  *data,
                                      gsize        length,
                                      GError     **error);
/* Removes from @dir the temporary files ("NAME.XXXXXX", and SQLite's
 * "-wal", "-shm", "-journal" beside one) that xs_data_dir_write_private()
 * and the backups leave when a crash interrupts them, if older than
 * @min_age seconds (a younger one may still be being written). Returns how
 * many it removed. */
guint     xs_data_dir_remove_stale_temporaries (const char *dir,
                                                gint64      min_age);

/* Remembers @archive_path as the latest whole-base archive written of the
 * base in @dir ("latest-archive" in it), so that messages about a lost
 * file can name it. Failures are only logged. */
void      xs_data_dir_note_archive   (const char  *dir,
                                      const char  *archive_path);
/* The archive last noted for @dir, or NULL. */
char     *xs_data_dir_get_noted_archive (const char *dir);
/* TRUE when @dir exists but this process cannot create files in it (a
 * read-only folder or disk), with errno's reason in @reason. */
gboolean  xs_data_dir_is_read_only   (const char  *dir,
                                      int         *reason);

G_END_DECLS
