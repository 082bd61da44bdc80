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

G_END_DECLS
