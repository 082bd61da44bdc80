/* xs-claim-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review states of a claim: decisions by the side that may take them,
 * withdrawing a submitted claim and reopening a rejected one.
 */
#define G_LOG_DOMAIN "xs-claim-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <sqlite3.h>

#include "xs-claim-store-private.h"
#include "xs-date.h"
#include "xs-db-private.h"

gboolean
xs_claim_store_decide_as (XsDb          *db,
                          gint64         id,
                          XsReviewSide   side,
                          XsStatus       decision,
                          const char    *reason,
                          const char    *reviewer,
                          GError       **error)
{
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(XsRuleSet) rules = NULL;
  g_autofree char *reason_text = _xs_claim_store_dup_stripped (reason);
  g_autofree char *reviewer_name = _xs_claim_store_dup_stripped (reviewer);
  XsReviewSide deciding;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (side == XS_REVIEW_SIDE_HR || side == XS_REVIEW_SIDE_INDUSTRY, FALSE);
  g_return_val_if_fail (decision == XS_STATUS_APPROVED || decision == XS_STATUS_REJECTED, FALSE);

  claim = xs_claim_store_get (db, id, error);
  if (claim == NULL)
    return FALSE;
  if (claim->status != XS_STATUS_SUBMITTED)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Claim %lld is %s; only submitted claims can be reviewed."),
                   (long long) id, xs_status_get_label (claim->status));
      return FALSE;
    }
  rules = xs_rule_set_for_year (claim->year, error);
  if (rules == NULL)
    return FALSE;
  deciding = xs_rule_set_get_review_side (rules, claim);
  if (side != deciding)
    {
      if (claim->category == XS_CATEGORY_PROFESSIONAL && deciding == XS_REVIEW_SIDE_HR)
        g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                     _("Claim %lld is of kind %d, whose hours the city HR bureau confirms; "
                       "the industry department cannot decide it."),
                     (long long) id, claim->kind);
      else if (claim->category == XS_CATEGORY_PUBLIC)
        g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                     _("Claim %lld is for public subjects, which the HR department reviews; "
                       "the industry department cannot decide it."),
                     (long long) id);
      else
        g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                     _("Claim %lld is for professional subjects, which the industry department "
                       "reviews; the HR department cannot decide it."),
                     (long long) id);
      return FALSE;
    }
  if (reviewer_name == NULL)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("A decision needs the name of the reviewer who made it."));
      return FALSE;
    }
  if (decision == XS_STATUS_REJECTED && reason_text == NULL)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("A rejection needs a reason, so that the base can correct the claim."));
      return FALSE;
    }

  if (decision == XS_STATUS_APPROVED && !_xs_claim_store_check_approvable (db, claim, error))
    return FALSE;

  return _xs_claim_store_set_status (db, id, decision, xs_review_side_to_string (side),
                     decision == XS_STATUS_REJECTED ? reason_text : NULL,
                     reviewer_name, error);
}

gboolean
xs_claim_store_decide (XsDb        *db,
                       gint64       id,
                       XsStatus     decision,
                       const char  *reason,
                       const char  *reviewer,
                       GError     **error)
{
  g_autoptr(XsClaim) claim = NULL;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (decision == XS_STATUS_APPROVED || decision == XS_STATUS_REJECTED, FALSE);

  /* decided by the side that reviews the claim */
  claim = xs_claim_store_get (db, id, error);
  if (claim == NULL)
    return FALSE;
  return xs_claim_store_decide_as (db, id, xs_review_side_for_kind (claim->year, claim->category, claim->kind),
                                   decision, reason, reviewer, error);
}

/* Back to draft, the decision forgotten (the audit trail keeps it) and
 * @reason (a withdrawal's; NULL keeps a rejection's) recorded. */
static gboolean
back_to_draft (XsDb        *db,
               gint64       id,
               const char  *reason,
               GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  stmt = _xs_db_prepare (db,
                         "UPDATE claim SET status = 'draft', reason = coalesce (?2, reason), "
                         "side = NULL, reviewer = NULL, decided_at = NULL, updated_at = ?3 "
                         "WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _xs_db_bind_text (stmt, 2, reason);
  _xs_db_bind_text_static (stmt, 3, _xs_db_get_now (db));
  return _xs_db_exec_stmt (db, stmt, error);
}

gboolean
xs_claim_store_reopen (XsDb     *db,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(XsClaim) claim = NULL;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  claim = xs_claim_store_get (db, id, error);
  if (claim == NULL)
    return FALSE;
  if (claim->status != XS_STATUS_REJECTED)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Claim %lld is %s; only rejected claims can be reopened."),
                   (long long) id, xs_status_get_label (claim->status));
      return FALSE;
    }
  return back_to_draft (db, id, NULL, error);
}

gboolean
xs_claim_store_withdraw (XsDb        *db,
                         gint64       id,
                         const char  *reason,
                         GError     **error)
{
  g_autoptr(XsClaim) claim = NULL;
  g_autofree char *reason_text = _xs_claim_store_dup_stripped (reason);

  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  claim = xs_claim_store_get (db, id, error);
  if (claim == NULL)
    return FALSE;
  if (claim->status != XS_STATUS_SUBMITTED)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Claim %lld is %s; only submitted claims not yet decided can be withdrawn."),
                   (long long) id, xs_status_get_label (claim->status));
      return FALSE;
    }
  if (reason_text == NULL)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("A withdrawal needs a reason; it is recorded with the claim."));
      return FALSE;
    }
  return back_to_draft (db, id, reason_text, error);
}

gint64
xs_claim_store_approve_submitted (XsDb        *db,
                                  int          year,
                                  const char  *reviewer,
                                  GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(XsRuleSet) rules = NULL;
  gint64 approved = 0;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), -1);

  rules = xs_rule_set_for_year (year, error);
  if (rules == NULL)
    return -1;
  stmt = _xs_db_prepare (db, "SELECT id FROM claim WHERE year = ?1 AND status = 'submitted' ORDER BY id",
                         error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _xs_db_set_error (db, error);
      return -1;
    }

  /* each claim decided by the side that reviews it; one whose materials
   * are missing stays submitted (no path approves it) */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(XsClaim) claim = xs_claim_store_get (db, g_array_index (ids, gint64, i), error);
      g_auto(GStrv) missing = NULL;
      XsReviewSide side;

      if (claim == NULL)
        return -1;
      missing = xs_claim_store_get_missing_materials (db, claim, error);
      if (missing == NULL)
        return -1;
      if (missing[0] != NULL)
        continue;
      side = xs_rule_set_get_review_side (rules, claim);
      if (!_xs_claim_store_set_status (db, claim->id, XS_STATUS_APPROVED,
                                       xs_review_side_to_string (side), NULL, reviewer, error))
        return -1;
      approved++;
    }
  return approved;
}
