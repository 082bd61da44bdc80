/* xs-db-backup.h: backing up an open base
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-backup.h"
#include "xs-db.h"

G_BEGIN_DECLS

/* Copies the database with SQLite's backup API to
 * DATA_DIR/backups/xueshi-YYYYMMDD-HHMMSS[-REASON].db (mode 0600, the folder
 * 0700), then, for a copy by hand (@reason NULL) or a "daily" one, removes
 * the backups that the retention by age no longer keeps. @reason is
 * NULL or lower-case letters, digits and '-', starting with a letter.
 * Returns the new file's path. */
char       *xs_backup_create       (XsDb        *db,
                                    const char  *reason,
                                    GError     **error);
/* Copies the database to @path (mode 0600; replaced atomically when it
 * exists). Nothing is pruned. */
gboolean    xs_backup_write        (XsDb        *db,
                                    const char  *path,
                                    GError     **error);
/* Makes a "daily" backup unless one (of any reason) exists from today, local
 * time, and then removes the temporary files that writes interrupted by a
 * crash left in the data folder. */
gboolean    xs_backup_daily        (XsDb        *db,
                                    GError     **error);

G_END_DECLS
