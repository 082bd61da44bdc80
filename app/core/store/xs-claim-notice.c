/* xs-claim-notice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the notice asks of a claim beyond its own fields: the materials an
 * approval needs whatever path it comes by, and the limits of kind 15 over
 * all of a trainee's claims of one year.
 */
#define G_LOG_DOMAIN "xs-claim-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <sqlite3.h>

#include "xs-claim-store-private.h"
#include "xs-date.h"
#include "xs-db-private.h"

gboolean
_xs_claim_store_check_approvable (XsDb           *db,
                                  const XsClaim  *claim,
                                  GError        **error)
{
  g_autoptr(XsRuleSet) rules = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *names = NULL;

  missing = xs_claim_store_get_missing_materials (db, claim, error);
  if (missing == NULL)
    return FALSE;
  if (missing[0] == NULL)
    return TRUE;
  rules = xs_rule_set_for_year (claim->year, error);
  if (rules == NULL)
    return FALSE;
  names = _xs_claim_store_describe_materials (rules, (const char * const *) missing);
  g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
               _("Claim %lld cannot be approved: the notice asks for materials it does not have: %s. "
                 "Only a base’s own classes (kind 1) go without evidence."),
               (long long) claim->id, names);
  return FALSE;
}

/* 学时按实际在岗时间计算: months away and the hours they credit, summed over
 * every claim of the kind in the year but @claim itself and rejected ones. */
gboolean
_xs_claim_store_check_year_limits (XsDb           *db,
                                   XsRuleSet      *rules,
                                   const XsClaim  *claim,
                                   GError        **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  XsClaimKind *kind;
  int max_months, max_hours, hours;
  double months;

  if (claim->category != XS_CATEGORY_PROFESSIONAL)
    return TRUE;
  kind = xs_rule_set_lookup_kind (rules, claim->kind);
  if (kind == NULL)
    return TRUE;
  max_months = xs_claim_kind_get_year_max_months (kind);
  max_hours = xs_claim_kind_get_year_max_hours (kind);
  if (max_months == 0 && max_hours == 0)
    return TRUE;

  stmt = _xs_db_prepare (db,
                         "SELECT coalesce (sum (absence_months), 0), coalesce (sum (hours), 0) "
                         "FROM claim WHERE trainee_id = ?1 AND year = ?2 AND kind = ?3 "
                         "AND status <> 'rejected' AND id <> ?4",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim->trainee_id);
  sqlite3_bind_int (stmt, 2, claim->year);
  sqlite3_bind_int (stmt, 3, claim->kind);
  sqlite3_bind_int64 (stmt, 4, claim->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _xs_db_set_error (db, error);
      return FALSE;
    }
  months = sqlite3_column_double (stmt, 0);
  hours = sqlite3_column_int (stmt, 1);

  if (max_months > 0 && months + claim->absence_months > max_months)
    {
      g_autofree char *recorded = xs_months_format (months);
      g_autofree char *left = xs_months_format (MAX (0, max_months - months));

      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("%d already has %s months of absence recorded; at most %s more."),
                   claim->year, recorded, left);
      return FALSE;
    }
  if (max_hours > 0 && hours + claim->hours > max_hours)
    {
      g_autofree char *recorded = xs_hours_format (hours);
      g_autofree char *left = xs_hours_format (MAX (0, max_hours - hours));
      g_autofree char *limit = xs_hours_format (max_hours);

      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("%d already has %s hours credited for absences; at most %s more "
                     "(absences credit at most %s hours in a year)."),
                   claim->year, recorded, left, limit);
      return FALSE;
    }
  return TRUE;
}
