/* xs-cli-archive.c: archive and restore-archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "xs-archive.h"
#include "xs-cli.h"
#include "xs-data-dir.h"

#define MAX_PASSPHRASE 1024
#define SCHEMA_ID "io.github.xueshi.Xueshi"

/* One line from the terminal, without echo. NULL when there is no
 * terminal. */
static char *
prompt_hidden (const char *prompt)
{
  struct termios old, quiet;
  char line[MAX_PASSPHRASE + 2];
  gboolean ok;
  FILE *tty = fopen ("/dev/tty", "r+");

  if (tty == NULL)
    return NULL;
  fputs (prompt, tty);
  fflush (tty);
  if (tcgetattr (fileno (tty), &old) != 0)
    {
      fclose (tty);
      return NULL;
    }
  quiet = old;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  ok = fgets (line, sizeof line, tty) != NULL;
  tcsetattr (fileno (tty), TCSAFLUSH, &old);
  fclose (tty);
  if (!ok)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

/* The passphrase: the first line of @file, or asked at the terminal (twice
 * when @confirm). NULL after a message. */
static char *
get_passphrase (const char *command,
                const char *file,
                gboolean    confirm)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (file != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (file, &contents, &length, &error))
        {
          xs_cli_refuse (error);
          return NULL;
        }
      contents[strcspn (contents, "\r\n")] = '\0';
      if (!g_utf8_validate (contents, -1, NULL))
        {
          xs_cli_usage_error (command, _("The passphrase file is not UTF-8 text."));
          return NULL;
        }
      return g_steal_pointer (&contents);
    }

  first = prompt_hidden (_("Passphrase: "));
  if (first == NULL)
    {
      xs_cli_usage_error (command, _("There is no terminal to ask for the passphrase: give --passphrase-file FILE."));
      return NULL;
    }
  if (!confirm)
    return g_steal_pointer (&first);
  second = prompt_hidden (_("Passphrase again: "));
  if (second == NULL || strcmp (first, second) != 0)
    {
      xs_cli_usage_error (command, _("The two passphrases differ. Nothing was written."));
      return NULL;
    }
  return g_steal_pointer (&first);
}

static void
clear_passphrase (char *passphrase)
{
  if (passphrase != NULL)
    {
      memset (passphrase, 0, strlen (passphrase));
      g_free (passphrase);
    }
}

static GSettings *
open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  return schema != NULL ? g_settings_new (SCHEMA_ID) : NULL;
}

int
xs_cli_archive (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *out = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *display = NULL;
  char *passphrase = NULL;
  gboolean ok;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the archive to FILE"), N_("FILE") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase from the first line of FILE instead of asking"), N_("FILE") },
    { NULL }
  };

  if (!xs_cli_parse ("archive", NULL,
                     _("Write the whole base (database, evidence files, signing key and settings) to one file encrypted with a passphrase: how a base moves to a new computer or survives a dead disk. Keep it off this disk."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 1 || out == NULL)
    return xs_cli_usage_error ("archive", _("Give --out FILE."));

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((passphrase = get_passphrase ("archive", passphrase_file, TRUE)) == NULL)
    return XS_CLI_USAGE;

  settings = open_settings ();
  ok = xs_archive_write (db, settings, out, passphrase, NULL, NULL, NULL, &error);
  clear_passphrase (passphrase);
  if (!ok)
    return xs_cli_refuse (error);

  display = g_filename_display_name (out);
  printf (_("Wrote the archive “%s”. Keep it and its passphrase apart: without the passphrase it cannot be opened.\n"),
          display);
  return XS_CLI_OK;
}

int
xs_cli_restore_archive (const XsCliGlobals *globals,
                        int                 argc,
                        char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *display = NULL;
  char *passphrase = NULL;
  gboolean ok;
  GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase from the first line of FILE instead of asking"), N_("FILE") },
    { NULL }
  };

  if (!xs_cli_parse ("restore-archive", _("FILE"),
                     _("Give back a whole base from its archive, in a new, empty data folder. Close every Xueshi window before."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("restore-archive", _("Give one archive file."));

  if ((passphrase = get_passphrase ("restore-archive", passphrase_file, FALSE)) == NULL)
    return XS_CLI_USAGE;

  /* The database must not be open, here either: no xs_cli_open_db(). */
  data_dir = xs_data_dir_resolve (globals->data_dir);
  settings = open_settings ();
  ok = xs_archive_restore (data_dir, settings, argv[1], passphrase, NULL, NULL, NULL, &error);
  clear_passphrase (passphrase);
  if (!ok)
    {
      xs_cli_refuse (error);
      fprintf (stderr, "%s\n", _("The data folder was not changed."));
      return XS_CLI_REFUSED;
    }

  display = g_filename_display_name (argv[1]);
  printf (_("Restored the base from the archive “%s” into %s.\n"), display, data_dir);
  return XS_CLI_OK;
}
