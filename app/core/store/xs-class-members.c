/* xs-class-members.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The classes page showed each class's trainees by reading the claims and
 * then each claim's trainee; these join them instead.
 */
#define G_LOG_DOMAIN "xs-class-store"

#include "config.h"

#include "xs-class-members.h"
#include "xs-db-private.h"

void
xs_class_member_free (XsClassMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->id_number);
  g_free (member);
}

GPtrArray *
xs_class_store_list_members (XsDb    *db,
                             gint64   class_id,
                             GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_class_member_free);
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT c.id, c.trainee_id, t.name, t.id_number, c.hours, c.status "
                         "FROM claim c JOIN trainee t ON t.id = c.trainee_id "
                         "WHERE c.class_id = ?1 ORDER BY c.id",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_int64 (stmt, 1, class_id);
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      XsClassMember *member = g_new0 (XsClassMember, 1);

      member->claim_id = _xs_db_column_int64 (stmt, 0);
      member->trainee_id = _xs_db_column_int64 (stmt, 1);
      member->name = g_strdup (_xs_db_column_text (stmt, 2));
      member->id_number = g_strdup (_xs_db_column_text (stmt, 3));
      member->hours = _xs_db_column_int (stmt, 4);
      xs_status_from_string (_xs_db_column_text (stmt, 5), &member->status);
      g_ptr_array_add (members, member);
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&members);
}

GHashTable *
xs_class_store_count_trainees (XsDb    *db,
                               GError **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT class_id, COUNT(DISTINCT trainee_id) FROM claim "
                         "WHERE class_id IS NOT NULL GROUP BY class_id",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = _xs_db_column_int64 (stmt, 0);
      g_hash_table_insert (counts, id, GUINT_TO_POINTER ((guint) _xs_db_column_int64 (stmt, 1)));
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}
