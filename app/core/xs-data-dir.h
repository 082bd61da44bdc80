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

G_END_DECLS
