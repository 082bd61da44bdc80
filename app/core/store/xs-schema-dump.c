/* xs-schema-dump.c: the schema the migrations make, written at build time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xs-schema-dump OUTPUT MIGRATION.sql…
 *
 * Runs the migrations, in the order given, in an in-memory database and
 * writes its schema to OUTPUT: a first line "xueshi-schema N" (N: how many
 * migrations ran), then one line per table, index, trigger and view, as
 * _xs_db_schema_rows_read() gives them. Opening a database of the latest
 * version compares its schema with these lines instead of running every
 * migration again.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "xs-db-schema-rows.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *memory = NULL;
  int rc;

  if (argc < 3)
    {
      fprintf (stderr, "usage: xs-schema-dump OUTPUT MIGRATION.sql…\n");
      return 2;
    }
  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE, NULL);
  for (int i = 2; rc == SQLITE_OK && i < argc; i++)
    {
      g_autofree char *sql = NULL;

      if (!g_file_get_contents (argv[i], &sql, NULL, &error))
        {
          fprintf (stderr, "xs-schema-dump: %s\n", error->message);
          return 1;
        }
      rc = sqlite3_exec (memory, sql, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        fprintf (stderr, "xs-schema-dump: %s: %s\n", argv[i], sqlite3_errmsg (memory));
    }
  if (rc == SQLITE_OK)
    rows = _xs_db_schema_rows_read (memory, &rc);
  if (rows == NULL)
    {
      fprintf (stderr, "xs-schema-dump: %s\n", sqlite3_errmsg (memory));
      sqlite3_close (memory);
      return 1;
    }
  sqlite3_close (memory);

  out = g_string_new (NULL);
  g_string_append_printf (out, "xueshi-schema %d\n", argc - 2);
  for (guint i = 0; i < rows->len; i++)
    {
      g_string_append (out, g_ptr_array_index (rows, i));
      g_string_append_c (out, '\n');
    }
  if (!g_file_set_contents (argv[1], out->str, out->len, &error))
    {
      fprintf (stderr, "xs-schema-dump: %s\n", error->message);
      return 1;
    }
  return 0;
}
