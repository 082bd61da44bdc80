/* xs-backup-private.h: the backup that xs-db.c makes before a migration
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "xs-backup.h"

G_BEGIN_DECLS

/* xs_backup_create() for a connection that is not (yet) an XsDb: copies
 * database "main" of @handle into DATA_DIR/backups (and prunes when
 * @reason is NULL or "daily"). @data_dir is
 * already resolved. Returns the new file's path. */
char *_xs_backup_create_from_handle (sqlite3     *handle,
                                     const char  *data_dir,
                                     const char  *reason,
                                     GError     **error);

/* Backups are named BACKUP_PREFIX "YYYYMMDD-HHMMSS[-reason]" BACKUP_SUFFIX. */
#define BACKUP_PREFIX "xueshi-"
#define BACKUP_SUFFIX ".db"

/* Shared by backing up (xs-backup.c) and restoring (xs-backup-restore.c). */
typedef enum
{
  FILE_WRITE,
  FILE_READ,
  FILE_REMOVE,
} FileOp;

gboolean _xs_backup_set_sqlite_error (int rc, sqlite3 *handle, const char *display, GError **error);
gboolean _xs_backup_set_errno_error (int saved_errno, FileOp op, const char *path, GError **error);
int _xs_backup_query_int (sqlite3 *handle, const char *sql, int *rc);
char * _xs_backup_query_text (sqlite3 *handle, const char *sql, int *rc);
gboolean _xs_backup_sync_file (const char *path, GError **error);
void _xs_backup_sync_parent (const char *path);
void _xs_backup_remove_with_journal (const char *path);
/* Copies @src to @path atomically: a temporary file beside it, fsync,
 * rename. */
gboolean _xs_backup_write_copy (sqlite3 *src, const char *src_display, const char *path, GError **error);
gboolean _xs_backup_copy_database (sqlite3 *src, const char *src_display, const char *target, GError **error);
char * _xs_backup_create_temp (const char *path, GError **error);
gboolean _xs_backup_same_file (const char *a, const char *b);
void _xs_backup_prune (const char *dir, GDateTime *now);
/* The checks xs_backup_restore() makes of a file before it restores it. */
gboolean _xs_backup_check_candidate (const char *path, GError **error);
/* For each of @backups (XsBackup, newest first): whether the retention by
 * age keeps it at @now. */
gboolean *_xs_backup_retained (GPtrArray *backups, GDateTime *now);

G_END_DECLS
