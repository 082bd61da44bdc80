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
  g_autofree char *reason_text = _xs_claim_store_dup_stripped (reason);
  g_autofree char *reviewer_name = _xs_claim_store_dup_stripped (reviewer);

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
  if (side != xs_review_side_for_category (claim->category))
    {
      if (claim->category == XS_CATEGORY_PUBLIC)
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

  /* decided by the side that reviews the claim's category */
  claim = xs_claim_store_get (db, id, error);
  if (claim == NULL)
    return FALSE;
  return xs_claim_store_decide_as (db, id, xs_review_side_for_category (claim->category),
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

  g_return_val_if_fail (XS_IS_DB (db), -1);

  /* each claim decided by the side that reviews its category */
  stmt = _xs_db_prepare (db,
                         "UPDATE claim SET status = 'approved', reviewer = ?2, reason = NULL, "
                         "side = CASE WHEN category = 'public' THEN 'hr' ELSE 'industry' END, "
                         "decided_at = ?3, updated_at = ?3 "
                         "WHERE year = ?1 AND status = 'submitted'",
                         error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, year);
  _xs_db_bind_text (stmt, 2, reviewer);
  _xs_db_bind_text_static (stmt, 3, _xs_db_get_now (db));
  if (!_xs_db_exec_stmt (db, stmt, error))
    return -1;
  return sqlite3_changes (_xs_db_get_handle (db));
}
