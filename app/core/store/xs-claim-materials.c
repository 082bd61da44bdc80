/* xs-claim-materials.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A claim's materials: the files attached to each, those the notice asks
 * for that have none yet, and their names in words. Both the claim's own
 * checks (xs-claim-store.c) and the notice's (xs-claim-notice.c) use them;
 * nothing here calls either back.
 */
#define G_LOG_DOMAIN "xs-claim-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <sqlite3.h>

#include "xs-claim-store-private.h"
#include "xs-db-private.h"

GPtrArray *
xs_claim_store_list_evidence (XsDb     *db,
                              gint64    claim_id,
                              GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_evidence_free);
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT e.id, e.sha256, e.media_type, e.size, e.pages, "
                         "ce.material, ce.original_name "
                         "FROM claim_evidence ce JOIN evidence e ON e.id = ce.evidence_id "
                         "WHERE ce.claim_id = ?1 ORDER BY ce.material, ce.added_at, e.id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      XsEvidence *evidence = g_new0 (XsEvidence, 1);

      evidence->id = sqlite3_column_int64 (stmt, 0);
      evidence->sha256 = g_strdup (_xs_db_column_text (stmt, 1));
      evidence->media_type = g_strdup (_xs_db_column_text (stmt, 2));
      evidence->size = sqlite3_column_int64 (stmt, 3);
      evidence->pages = sqlite3_column_int (stmt, 4);
      evidence->material = g_strdup (_xs_db_column_text (stmt, 5));
      evidence->original_name = g_strdup (_xs_db_column_text (stmt, 6));
      g_ptr_array_add (list, evidence);
    }
  if (rc != SQLITE_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

char **
xs_claim_store_get_missing_materials (XsDb           *db,
                                      const XsClaim  *claim,
                                      GError        **error)
{
  g_autoptr(XsRuleSet) rules = NULL;
  g_autoptr(GPtrArray) attached = NULL;
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  const char * const *required;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (claim != NULL, NULL);

  rules = xs_rule_set_for_year (claim->year, error);
  if (rules == NULL)
    return NULL;
  attached = xs_claim_store_list_evidence (db, claim->id, error);
  if (attached == NULL)
    return NULL;

  required = xs_rule_set_get_required_materials (rules, claim);
  for (guint i = 0; required != NULL && required[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < attached->len && !found; j++)
        found = g_strcmp0 (((XsEvidence *) g_ptr_array_index (attached, j))->material, required[i]) == 0;
      if (!found)
        g_strv_builder_add (missing, required[i]);
    }
  return g_strv_builder_end (missing);
}

char *
_xs_claim_store_describe_materials (XsRuleSet          *rules,
                                    const char * const *materials)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; materials != NULL && materials[i] != NULL; i++)
    g_string_append_printf (names, "%s%s (%s)", i ? _(", ") : "",
                            xs_rule_set_get_material_name (rules, materials[i]), materials[i]);
  return g_string_free (names, FALSE);
}
