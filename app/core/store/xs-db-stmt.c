/* xs-db-stmt.c: stepping prepared statements and reading their rows
 *
 * The rest of the core runs its queries through these, so that only the
 * store includes sqlite3.h: a statement is prepared with _xs_db_prepare(),
 * its values bound and its rows read here, and released with
 * _xs_db_stmt_release() (g_autoptr does that).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-db"

#include "config.h"

#include <sqlite3.h>

#include "xs-db-private.h"

G_STATIC_ASSERT (XS_DB_ROW == SQLITE_ROW);
G_STATIC_ASSERT (XS_DB_DONE == SQLITE_DONE);

int
_xs_db_step (XsDbStmt *stmt)
{
  return sqlite3_step (stmt);
}

gboolean
_xs_db_next_row (XsDb      *self,
                 XsDbStmt  *stmt,
                 gboolean  *has_row,
                 GError   **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = (rc == SQLITE_ROW);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _xs_db_set_error (self, error);
  return TRUE;
}

void
_xs_db_bind_int (XsDbStmt *stmt,
                 int       index,
                 int       value)
{
  sqlite3_bind_int (stmt, index, value);
}

void
_xs_db_bind_int64 (XsDbStmt *stmt,
                   int       index,
                   gint64    value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
_xs_db_bind_null (XsDbStmt *stmt,
                  int       index)
{
  sqlite3_bind_null (stmt, index);
}

void
_xs_db_bind_blob (XsDbStmt      *stmt,
                  int            index,
                  gconstpointer  data,
                  gsize          size)
{
  if (data == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_TRANSIENT);
}

void
_xs_db_bind_blob_static (XsDbStmt      *stmt,
                         int            index,
                         gconstpointer  data,
                         gsize          size)
{
  if (data == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_STATIC);
}

int
_xs_db_column_int (XsDbStmt *stmt,
                   int       column)
{
  return sqlite3_column_int (stmt, column);
}

gint64
_xs_db_column_int64 (XsDbStmt *stmt,
                     int       column)
{
  return sqlite3_column_int64 (stmt, column);
}

GArray *
_xs_db_select_ids (XsDb        *self,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _xs_db_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      gint64 id = _xs_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

double
_xs_db_column_double (XsDbStmt *stmt,
                      int       column)
{
  return sqlite3_column_double (stmt, column);
}

gboolean
_xs_db_column_is_null (XsDbStmt *stmt,
                       int       column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL;
}

int
_xs_db_column_length (XsDbStmt *stmt,
                      int       column)
{
  return sqlite3_column_bytes (stmt, column);
}

GBytes *
_xs_db_column_bytes (XsDbStmt *stmt,
                     int       column)
{
  const void *data = sqlite3_column_blob (stmt, column);
  int size = sqlite3_column_bytes (stmt, column);

  return g_bytes_new (data, data != NULL ? (gsize) size : 0);
}

gint64
_xs_db_changes (XsDb *self)
{
  return sqlite3_changes64 (_xs_db_get_handle (self));
}

gint64
_xs_db_last_insert_id (XsDb *self)
{
  return sqlite3_last_insert_rowid (_xs_db_get_handle (self));
}
