/* xs-claim-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-files"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-claim-files.h"
#include "xs-db-private.h"
#include "xs-evidence.h"
#include "xs-rules.h"

gboolean
xs_claim_files_check_material (const XsClaim  *claim,
                               const char     *material,
                               GError        **error)
{
  g_autoptr(XsRuleSet) rules = NULL;
  const char * const *required;
  g_autofree char *list = NULL;

  g_return_val_if_fail (claim != NULL, FALSE);
  g_return_val_if_fail (material != NULL, FALSE);

  rules = xs_rule_set_for_year (claim->year, error);
  if (rules == NULL)
    return FALSE;
  required = xs_rule_set_get_required_materials (rules, claim);
  if (required != NULL && g_strv_contains (required, material))
    return TRUE;

  list = (required && required[0]) ? g_strjoinv (", ", (char **) required) : NULL;
  if (list != NULL)
    g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_UNKNOWN_MATERIAL,
                 _("This claim does not ask for “%s”; it needs: %s."), material, list);
  else
    g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_UNKNOWN_MATERIAL,
                 _("This claim needs no evidence."));
  return FALSE;
}

gboolean
xs_claim_files_link (XsDb                *db,
                     const XsClaim       *claim,
                     const char          *material,
                     const char * const  *paths,
                     GError             **error)
{
  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);
  g_return_val_if_fail (material != NULL, FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(XsEvidence) evidence = NULL;
      g_autoptr(XsDbStmt) stmt = NULL;

      evidence = xs_evidence_store_file (db, paths[i], 0, error);
      if (evidence == NULL)
        return FALSE;

      stmt = _xs_db_prepare (db,
                             "INSERT INTO claim_evidence (claim_id, evidence_id, material, original_name) "
                             "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                             error);
      if (stmt == NULL)
        return FALSE;
      _xs_db_bind_int64 (stmt, 1, claim->id);
      _xs_db_bind_int64 (stmt, 2, evidence->id);
      _xs_db_bind_text (stmt, 3, material);
      _xs_db_bind_text (stmt, 4, evidence->original_name);
      if (!_xs_db_exec_stmt (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs @sql (a string constant), a statement on one link: ?1 its claim,
 * ?2 its material, ?3 its file. Returns how many rows it changed, or -1
 * with @error set. */
static gint64
run_on_link (XsDb        *db,
             const char  *sql,
             gint64       claim_id,
             const char  *material,
             gint64       evidence_id,
             GError     **error)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, sql, error);

  if (stmt == NULL)
    return -1;
  _xs_db_bind_int64 (stmt, 1, claim_id);
  _xs_db_bind_text (stmt, 2, material);
  _xs_db_bind_int64 (stmt, 3, evidence_id);
  if (!_xs_db_exec_stmt (db, stmt, error))
    return -1;
  return _xs_db_changes (db);
}

gboolean
xs_claim_files_unlink (XsDb        *db,
                       gint64       claim_id,
                       const char  *material,
                       gint64       evidence_id,
                       GError     **error)
{
  g_autoptr(XsDbStmt) keep = NULL;
  gint64 changed;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (material != NULL, FALSE);

  /* What xs_claim_files_relink() puts back. */
  keep = _xs_db_prepare (db,
                         "INSERT INTO detached_evidence (claim_id, evidence_id, material, "
                         "original_name, added_at, detached_at) "
                         "SELECT claim_id, evidence_id, material, original_name, added_at, ?4 "
                         "FROM claim_evidence WHERE claim_id = ?1 AND material = ?2 AND evidence_id = ?3",
                         error);
  if (keep == NULL)
    return FALSE;
  _xs_db_bind_int64 (keep, 1, claim_id);
  _xs_db_bind_text (keep, 2, material);
  _xs_db_bind_int64 (keep, 3, evidence_id);
  _xs_db_bind_text (keep, 4, _xs_db_get_now (db));
  if (!_xs_db_exec_stmt (db, keep, error))
    return FALSE;
  _xs_db_stmt_release (g_steal_pointer (&keep));

  changed = run_on_link (db,
                         "DELETE FROM claim_evidence "
                         "WHERE claim_id = ?1 AND material = ?2 AND evidence_id = ?3",
                         claim_id, material, evidence_id, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                   _("That file is not attached to claim %lld; it may have been removed already."),
                   (long long) claim_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
xs_claim_files_relink (XsDb        *db,
                       gint64       claim_id,
                       const char  *material,
                       gint64       evidence_id,
                       GError     **error)
{
  gint64 changed;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (material != NULL, FALSE);

  changed = run_on_link (db,
                         "INSERT INTO claim_evidence (claim_id, evidence_id, material, original_name, added_at) "
                         "SELECT claim_id, evidence_id, material, original_name, added_at "
                         "FROM detached_evidence WHERE claim_id = ?1 AND material = ?2 AND evidence_id = ?3 "
                         "ORDER BY id DESC LIMIT 1 "
                         "ON CONFLICT DO NOTHING",
                         claim_id, material, evidence_id, error);
  if (changed < 0)
    return FALSE;
  if (changed == 0)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                   _("That file was not removed from claim %lld, or it is attached again already."),
                   (long long) claim_id);
      return FALSE;
    }
  return run_on_link (db,
                      "DELETE FROM detached_evidence "
                      "WHERE claim_id = ?1 AND material = ?2 AND evidence_id = ?3",
                      claim_id, material, evidence_id, error) >= 0;
}
