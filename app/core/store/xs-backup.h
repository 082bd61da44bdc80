/* xs-backup.h: copies of the database, kept beside it, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What DATA_DIR/backups keeps, by age (local time): the newest copy of each
 * of the last XS_BACKUP_KEEP_DAYS days, of each of the last
 * XS_BACKUP_KEEP_WEEKS weeks (Monday to Sunday) and of each of the last
 * XS_BACKUP_KEEP_MONTHS months, and every copy made before a migration or a
 * restore ("before-…"), which is never removed automatically. Only making a
 * backup by hand or the daily one prunes. */
#define XS_BACKUP_KEEP_DAYS 7
#define XS_BACKUP_KEEP_WEEKS 5
#define XS_BACKUP_KEEP_MONTHS 12

#define XS_BACKUP_ERROR (xs_backup_error_quark ())

typedef enum
{
  XS_BACKUP_ERROR_NOT_XUESHI,  /* the file is not a Xueshi database */
  XS_BACKUP_ERROR_TOO_NEW,     /* written by a newer version of Xueshi */
  XS_BACKUP_ERROR_DAMAGED,     /* the integrity check fails */
  XS_BACKUP_ERROR_BUSY,        /* another program has the database open */
  XS_BACKUP_ERROR_FAILED,      /* reading or writing failed */
} XsBackupError;

typedef struct
{
  char      *path;
  char      *reason;   /* "daily", "before-restore", "before-migration-v2", …; NULL when made by hand */
  GDateTime *time;     /* local time, from the file name */
  goffset    size;
} XsBackup;

GQuark      xs_backup_error_quark  (void);
void        xs_backup_free         (XsBackup    *backup);

/* DATA_DIR/backups (@data_dir as for xs_data_dir_resolve()). */
char       *xs_backup_get_dir      (const char  *data_dir);

/* Whether @backup is one that the retention never removes. */
gboolean    xs_backup_is_protected (const XsBackup *backup);
/* The backups in DATA_DIR/backups, newest first; empty when there are none.
 * An array of XsBackup. */
GPtrArray  *xs_backup_list         (const char  *data_dir,
                                    GError     **error);
/* Replaces DATA_DIR/xueshi.db by a copy of @backup_path, after checking that
 * it is a Xueshi database no newer than this program, that its schema is
 * exactly the one of its version, and that it passes SQLite's integrity
 * check. The database as it was is first kept as a "before-restore" backup;
 * nothing is pruned. Refuses with XS_BACKUP_ERROR_BUSY while another
 * program has the database open; this process must not have it open either
 * (close every XsDb of @data_dir first). */
gboolean    xs_backup_restore      (const char  *data_dir,
                                    const char  *backup_path,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsBackup, xs_backup_free)

G_END_DECLS
