/* xs-cli-undo.c: imports and undo-import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xs-cli.h"
#include "xs-import-log.h"

/* "2026-12-05T11:58:39Z" as local time, to the minute. */
static char *
format_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = iso != NULL ? g_date_time_new_from_iso8601 (iso, utc) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (at == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (at);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

int
xs_cli_imports (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GOptionEntry entries[] = { { NULL } };

  if (!xs_cli_parse ("imports", NULL,
                     _("List the imports, newest first, with the numbers “undo-import” takes."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 1)
    return xs_cli_usage_error ("imports", _("This command takes no arguments."));

  db = xs_cli_open_db (globals);
  if (db == NULL)
    return XS_CLI_REFUSED;
  records = xs_import_log_list (db, &error);
  if (records == NULL)
    return xs_cli_refuse (error);
  if (records->len == 0)
    {
      fprintf (stderr, "%s\n", _("Nothing has been imported yet."));
      return XS_CLI_OK;
    }

  for (guint i = 0; i < records->len; i++)
    {
      XsImportRecord *record = g_ptr_array_index (records, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);
      g_autofree char *at = format_time (record->at);

      xs_cli_append_padded (out, id, 6, TRUE);
      g_string_append (out, "  ");
      g_string_append (out, at);
      g_string_append (out, "  ");
      xs_cli_append_padded (out, xs_import_kind_get_label (record->kind), 14, FALSE);
      g_string_append (out, "  ");
      g_string_append (out, record->file_name);
      g_string_append (out, "  ");
      g_string_append (out, record->summary);
      if (record->undone_at != NULL)
        {
          g_autofree char *undone = format_time (record->undone_at);

          g_string_append (out, "  ");
          g_string_append_printf (out, _("(undone %s)"), undone);
        }
      g_string_append_c (out, '\n');
    }
  fputs (out->str, stdout);
  return XS_CLI_OK;
}

int
xs_cli_undo_import (const XsCliGlobals *globals,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsImportRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  guint64 id;

  if (!xs_cli_parse ("undo-import", _("ID"),
                     _("Take back everything import ID wrote (“imports” lists the numbers), "
                       "unless something recorded later depends on it."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("undo-import", _("Give the number of one import."));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return xs_cli_usage_error ("undo-import", _("“%s” is not an import number."), argv[1]);

  db = xs_cli_open_db (globals);
  if (db == NULL)
    return XS_CLI_REFUSED;
  record = xs_import_log_get (db, (gint64) id, &error);
  if (record == NULL || !xs_import_log_undo (db, (gint64) id, &error))
    return xs_cli_refuse (error);

  printf (_("Undid import %lld (%s, “%s”: %s).\n"), (long long) id,
          xs_import_kind_get_label (record->kind), record->file_name, record->summary);
  return XS_CLI_OK;
}
