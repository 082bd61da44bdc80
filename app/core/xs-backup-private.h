/* xs-backup-private.h: the backup that xs-db.c makes before a migration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "xs-backup.h"

G_BEGIN_DECLS

/* xs_backup_create() for a connection that is not (yet) an XsDb: copies
 * database "main" of @handle into DATA_DIR/backups and prunes. @data_dir is
 * already resolved. Returns the new file's path. */
char *_xs_backup_create_from_handle (sqlite3     *handle,
                                     const char  *data_dir,
                                     const char  *reason,
                                     GError     **error);

G_END_DECLS
