/* xs-cli-backup.c: backup, backups and restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xs-backup.h"
#include "xs-db-backup.h"
#include "xs-cli.h"
#include "xs-data-dir.h"

int
xs_cli_backup (const XsCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the backup to FILE instead of the backups folder"), N_("FILE") },
    { NULL }
  };

  summary = g_strdup_printf (_("Copy the database into the backups folder beside it, or to --out FILE. The folder keeps a copy of each of the last %d days, %d weeks and %d months, and every copy made before an update or a restore."),
                             XS_BACKUP_KEEP_DAYS, XS_BACKUP_KEEP_WEEKS, XS_BACKUP_KEEP_MONTHS);
  if (!xs_cli_parse ("backup", NULL, summary, entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 1)
    return xs_cli_usage_error ("backup", _("Give no file, or --out FILE."));

  /* Not xs_cli_open_db(): its daily backup would only repeat this one. */
  db = xs_db_open (globals->data_dir, &error);
  if (db == NULL)
    return xs_cli_refuse (error);

  if (out != NULL)
    {
      if (!xs_backup_write (db, out, &error))
        return xs_cli_refuse (error);
      path = g_steal_pointer (&out);
    }
  else if ((path = xs_backup_create (db, NULL, &error)) == NULL)
    return xs_cli_refuse (error);

  printf ("%s\n", path);
  return XS_CLI_OK;
}

static char *
describe_reason (const char *reason)
{
  int version;

  if (reason == NULL)
    return g_strdup (_("by hand"));
  if (g_str_equal (reason, "daily"))
    return g_strdup (_("daily"));
  if (g_str_equal (reason, "before-restore"))
    return g_strdup (_("before a restore"));
  if (g_str_equal (reason, "before-restore-unreadable"))
    return g_strdup (_("before a restore (unreadable)"));
  if (sscanf (reason, "before-migration-v%d", &version) == 1)
    return g_strdup_printf (_("before the update to version %d"), version);
  return g_strdup (reason);
}

int
xs_cli_backups (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GOptionEntry entries[] = { { NULL } };

  if (!xs_cli_parse ("backups", NULL, _("List the backups of the database, newest first."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 1)
    return xs_cli_usage_error ("backups", _("This command takes no arguments."));

  list = xs_backup_list (globals->data_dir, &error);
  if (list == NULL)
    return xs_cli_refuse (error);

  if (list->len == 0)
    {
      g_autofree char *dir = xs_backup_get_dir (globals->data_dir);

      fprintf (stderr, _("There are no backups in %s yet.\n"), dir);
      return XS_CLI_OK;
    }

  for (guint i = 0; i < list->len; i++)
    {
      XsBackup *backup = g_ptr_array_index (list, i);
      g_autofree char *time = g_date_time_format (backup->time, "%Y-%m-%d %H:%M:%S");
      g_autofree char *size = g_format_size (backup->size);
      g_autofree char *reason = describe_reason (backup->reason);

      g_string_append (out, time);
      g_string_append (out, "  ");
      xs_cli_append_padded (out, size, 10, TRUE);
      g_string_append (out, "  ");
      xs_cli_append_padded (out, reason, 32, FALSE);
      g_string_append (out, "  ");
      g_string_append (out, backup->path);
      g_string_append_c (out, '\n');
    }
  fputs (out->str, stdout);
  return XS_CLI_OK;
}

int
xs_cli_restore (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *display = NULL;
  gboolean had_database;
  GOptionEntry entries[] = { { NULL } };

  if (!xs_cli_parse ("restore", _("FILE"),
                     _("Replace the database by a backup. The database as it was is first kept in the backups folder. Close every Xueshi window before."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("restore", _("Give one backup file."));

  data_dir = xs_data_dir_resolve (globals->data_dir);
  db_path = g_build_filename (data_dir, "xueshi.db", NULL);
  had_database = g_file_test (db_path, G_FILE_TEST_EXISTS);

  /* The database must not be open, here either: no xs_cli_open_db(). */
  if (!xs_backup_restore (data_dir, argv[1], &error))
    {
      xs_cli_refuse (error);
      fprintf (stderr, "%s\n", _("The database was not changed."));
      return XS_CLI_REFUSED;
    }

  dir = xs_backup_get_dir (data_dir);
  display = g_filename_display_name (argv[1]);
  if (had_database)
    printf (_("Restored the database from “%s”. The database as it was is kept in %s.\n"),
            display, dir);
  else
    printf (_("Restored the database from “%s”.\n"), display);
  return XS_CLI_OK;
}
