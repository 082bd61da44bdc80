/* xs-db-backup.c: backing up an open base — a copy into backups/, the day's
 * copy, a copy to a file of the user's
 *
 * The copies themselves are made by xs-backup.c from the connection's
 * handle, so that opening a database (which backs it up before a migration)
 * needs nothing of this file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-backup"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-backup-private.h"
#include "xs-data-dir.h"
#include "xs-db-backup.h"
#include "xs-db-private.h"
#include "xs-output.h"

/* Interrupted writes leave NAME.XXXXXX temporaries; after this long (in
 * seconds) nothing is still writing them. */
#define STALE_TEMP_AGE (60 * 60)

char *
xs_backup_create (XsDb        *db,
                  const char  *reason,
                  GError     **error)
{
  g_return_val_if_fail (XS_IS_DB (db), NULL);

  return _xs_backup_create_from_handle (_xs_db_get_handle (db), xs_db_get_data_dir (db),
                                        reason, error);
}

gboolean
xs_backup_write (XsDb        *db,
                 const char  *path,
                 GError     **error)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  if (!xs_output_check_path (path, error))
    return FALSE;
  if (_xs_backup_same_file (path, xs_db_get_path (db)))
    {
      g_set_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_FAILED,
                   _("“%s” is the database itself; choose another file for the backup."), display);
      return FALSE;
    }
  if (!_xs_backup_write_copy (_xs_db_get_handle (db), xs_db_get_path (db), path, error))
    {
      g_prefix_error (error, _("Could not back up the database: "));
      return FALSE;
    }
  return TRUE;
}

gboolean
xs_backup_daily (XsDb    *db,
                 GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  dir = g_build_filename (xs_db_get_data_dir (db), "backups", NULL);
  backups = xs_backup_list (xs_db_get_data_dir (db), error);
  if (backups == NULL)
    return FALSE;
  for (guint i = 0; i < backups->len; i++)
    {
      XsBackup *backup = g_ptr_array_index (backups, i);

      if (g_date_time_get_year (backup->time) == g_date_time_get_year (now)
          && g_date_time_get_day_of_year (backup->time) == g_date_time_get_day_of_year (now))
        return TRUE;
    }

  path = xs_backup_create (db, "daily", error);
  if (path == NULL)
    return FALSE;

  /* Once a day, too: clear away what interrupted writes left behind. */
  {
    g_autofree char *evidence = g_build_filename (xs_db_get_data_dir (db), "evidence", NULL);
    g_autoptr(GDir) handle = g_dir_open (evidence, 0, NULL);
    const char *name;

    xs_data_dir_remove_stale_temporaries (xs_db_get_data_dir (db), STALE_TEMP_AGE);
    xs_data_dir_remove_stale_temporaries (dir, STALE_TEMP_AGE);
    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *sub = g_build_filename (evidence, name, NULL);

        if (strlen (name) == 2 && g_file_test (sub, G_FILE_TEST_IS_DIR))
          xs_data_dir_remove_stale_temporaries (sub, STALE_TEMP_AGE);
      }
  }
  return TRUE;
}
