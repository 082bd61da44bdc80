/* xs-trainee-names.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trainee-store"

#include "config.h"

#include "xs-db-private.h"
#include "xs-trainee-names.h"

GHashTable *
xs_trainee_store_list_names (XsDb    *db,
                             GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, "SELECT id, name FROM trainee", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = _xs_db_column_int64 (stmt, 0);
      g_hash_table_insert (names, id, g_strdup (_xs_db_column_text (stmt, 1)));
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

/* Past this many trainees one pass over the table beats a look-up each. */
#define MAX_LOOKUPS 10000

static const char name_sql[] = "SELECT name FROM trainee WHERE id = ?1";

GHashTable *
xs_trainee_store_list_names_of (XsDb          *db,
                                const gint64  *ids,
                                guint          n_ids,
                                GError       **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (n_ids > MAX_LOOKUPS)
    return xs_trainee_store_list_names (db, error);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(XsDbStmt) stmt = NULL;
      int rc;

      if (g_hash_table_contains (names, &ids[i]))
        continue;
      /* cached: preparing it again only takes it back */
      stmt = _xs_db_prepare (db, name_sql, error);
      if (stmt == NULL)
        return NULL;
      _xs_db_bind_int64 (stmt, 1, ids[i]);
      rc = _xs_db_step (stmt);
      if (rc == XS_DB_ROW)
        g_hash_table_insert (names, g_memdup2 (&ids[i], sizeof ids[i]),
                             g_strdup (_xs_db_column_text (stmt, 0)));
      else if (rc != XS_DB_DONE)
        {
          _xs_db_set_error (db, error);
          return NULL;
        }
    }
  return g_steal_pointer (&names);
}
