/* xs-db-schema-rows.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "xs-db-schema-rows.h"

/* Whitespace runs become one space, so that only the statements count. */
static char *
normalize_sql (const char *sql)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = sql ? sql : ""; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

GPtrArray *
_xs_db_schema_rows_read (sqlite3 *handle,
                         int     *rc)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (handle,
                            "SELECT type, name, tbl_name, sql FROM main.sqlite_master "
                            "WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' "
                            "ORDER BY type, name",
                            -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return NULL;
  while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *sql = normalize_sql ((const char *) sqlite3_column_text (stmt, 3));

      g_ptr_array_add (rows, g_strdup_printf ("%s %s on %s: %s",
                                              (const char *) sqlite3_column_text (stmt, 0),
                                              (const char *) sqlite3_column_text (stmt, 1),
                                              (const char *) sqlite3_column_text (stmt, 2),
                                              sql));
    }
  sqlite3_finalize (stmt);
  if (*rc != SQLITE_DONE)
    return NULL;
  *rc = SQLITE_OK;
  return g_steal_pointer (&rows);
}
