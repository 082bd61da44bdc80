/* xs-claim-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <sqlite3.h>

#include "xs-claim-files.h"
#include "xs-claim-store-private.h"
#include "xs-date.h"
#include "xs-db-private.h"

#define CLAIM_COLUMNS \
  "id, trainee_id, class_id, year, category, compulsory, kind, variant, hours, title, " \
  "date, source, status, reason, reviewer, plan_ref, absence_kind, absence_months, side"

static XsClaim *
claim_from_row (XsDbStmt *stmt)
{
  XsClaim *claim = xs_claim_new ();

  claim->id = sqlite3_column_int64 (stmt, 0);
  claim->trainee_id = sqlite3_column_int64 (stmt, 1);
  claim->class_id = sqlite3_column_int64 (stmt, 2);
  claim->year = sqlite3_column_int (stmt, 3);
  xs_category_from_string (_xs_db_column_text (stmt, 4), &claim->category);
  claim->compulsory = sqlite3_column_int (stmt, 5);
  claim->kind = sqlite3_column_int (stmt, 6);
  claim->variant = g_strdup (_xs_db_column_text (stmt, 7));
  claim->hours = sqlite3_column_int (stmt, 8);
  claim->title = g_strdup (_xs_db_column_text (stmt, 9));
  xs_date_parse_iso (_xs_db_column_text (stmt, 10), &claim->date);
  xs_source_from_string (_xs_db_column_text (stmt, 11), &claim->source);
  xs_status_from_string (_xs_db_column_text (stmt, 12), &claim->status);
  claim->reason = g_strdup (_xs_db_column_text (stmt, 13));
  claim->reviewer = g_strdup (_xs_db_column_text (stmt, 14));
  claim->plan_ref = g_strdup (_xs_db_column_text (stmt, 15));
  if (!xs_absence_from_string (_xs_db_column_text (stmt, 16), &claim->absence))
    claim->absence = XS_ABSENCE_NONE;
  claim->absence_months = sqlite3_column_double (stmt, 17);
  claim->has_side = xs_review_side_from_string (_xs_db_column_text (stmt, 18), &claim->side);
  return claim;
}

gint64
xs_claim_store_find (XsDb         *db,
                     gint64        trainee_id,
                     const char   *title,
                     const GDate  *date,
                     GError      **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *iso = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), -1);

  stmt = _xs_db_prepare (db,
                         "SELECT id FROM claim WHERE trainee_id = ?1 AND title = ?2 AND date = ?3",
                         error);
  if (stmt == NULL)
    return -1;
  iso = xs_date_to_iso (date);
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  _xs_db_bind_text_static (stmt, 2, title);
  _xs_db_bind_text_static (stmt, 3, iso);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      _xs_db_set_error (db, error);
      return -1;
    }
  return 0;
}

/* The refusal of a second claim with the same trainee, title and date. */
static gboolean
set_duplicate_error (const XsClaim  *claim,
                     gint64          existing,
                     GError        **error)
{
  g_autofree char *date = xs_date_to_iso (&claim->date);

  g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
               _("This trainee already has “%s” dated %s (claim %lld)."),
               claim->title, date, (long long) existing);
  return FALSE;
}

/* The checks a new or edited claim goes through: a title, and the year's
 * rules (which may fill in computed hours). No other claim of the trainee
 * may have the same title and date: xs_claim_store_add() leaves that to its
 * INSERT, xs_claim_store_update() to check_not_duplicate(). */
static gboolean
check_new_fields (XsDb     *db,
                  XsClaim  *claim,
                  GError  **error)
{
  g_autoptr(XsRuleSet) rules = NULL;

  if (claim->title != NULL)
    g_strstrip (claim->title);
  if (claim->title == NULL || *claim->title == '\0')
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("The claim needs a title (the course, class or achievement)."));
      return FALSE;
    }

  rules = xs_rule_set_for_year (claim->year, error);
  if (rules == NULL || !xs_rule_set_check_claim (rules, claim, error)
      || !_xs_claim_store_check_year_limits (db, rules, claim, error))
    return FALSE;
  return TRUE;
}

/* No claim of the trainee but @stored_id has the title and date of @claim. */
static gboolean
check_not_duplicate (XsDb     *db,
                     XsClaim  *claim,
                     gint64    stored_id,
                     GError  **error)
{
  gint64 existing;

  existing = xs_claim_store_find (db, claim->trainee_id, claim->title, &claim->date, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0 && existing != stored_id)
    return set_duplicate_error (claim, existing, error);
  return TRUE;
}

/* Index of a named parameter of one of our own statements. */
static int
param (XsDbStmt   *stmt,
       const char *name)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  g_assert (index > 0);
  return index;
}

/* Binds what a claim's insert and update share. @iso is its date; it and
 * the claim's strings must outlive the statement's next step. */
static void
bind_claim_fields (XsDb          *db,
                   XsDbStmt      *stmt,
                   const XsClaim *claim,
                   const char    *iso)
{
  sqlite3_bind_int (stmt, param (stmt, ":year"), claim->year);
  _xs_db_bind_text_static (stmt, param (stmt, ":category"), xs_category_to_string (claim->category));
  sqlite3_bind_int (stmt, param (stmt, ":compulsory"), claim->compulsory ? 1 : 0);
  _xs_db_bind_id (stmt, param (stmt, ":kind"), claim->category == XS_CATEGORY_PROFESSIONAL ? claim->kind : 0);
  _xs_db_bind_text_static (stmt, param (stmt, ":variant"), claim->variant);
  sqlite3_bind_int (stmt, param (stmt, ":hours"), claim->hours);
  _xs_db_bind_text_static (stmt, param (stmt, ":title"), claim->title);
  _xs_db_bind_text_static (stmt, param (stmt, ":date"), iso);
  _xs_db_bind_text_static (stmt, param (stmt, ":plan_ref"), claim->plan_ref);
  _xs_db_bind_text_static (stmt, param (stmt, ":absence_kind"), xs_absence_to_string (claim->absence));
  if (claim->absence != XS_ABSENCE_NONE && claim->absence_months > 0)
    sqlite3_bind_double (stmt, param (stmt, ":absence_months"), claim->absence_months);
  else
    sqlite3_bind_null (stmt, param (stmt, ":absence_months"));
  _xs_db_bind_text_static (stmt, param (stmt, ":now"), _xs_db_get_now (db));
}

gboolean
xs_claim_store_add (XsDb     *db,
                    XsClaim  *claim,
                    GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *iso = NULL;
  XsStatus status;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);
  g_return_val_if_fail (claim->trainee_id > 0, FALSE);

  if (!check_new_fields (db, claim, error))
    return FALSE;

  /* 基地统一上报的可以不用提供 is said of kind 1 alone: a batch claim arrives
   * submitted only when it needs no evidence (kind 1, public hours); any
   * other arrives as a draft waiting for its materials. */
  status = XS_STATUS_DRAFT;
  if (claim->source == XS_SOURCE_BATCH)
    {
      g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (claim->year, error);
      const char * const *required;

      if (rules == NULL)
        return FALSE;
      required = xs_rule_set_get_required_materials (rules, claim);
      if (required == NULL || required[0] == NULL)
        status = XS_STATUS_SUBMITTED;
    }

  /* The unique index on (trainee_id, title, date) finds a duplicate; the
   * existing claim is looked up only then, for the message. */
  stmt = _xs_db_prepare (db,
                         "INSERT INTO claim (trainee_id, class_id, year, category, compulsory, kind, "
                         "variant, hours, title, date, source, status, plan_ref, absence_kind, "
                         "absence_months, created_at, updated_at) "
                         "VALUES (:trainee_id, :class_id, :year, :category, :compulsory, :kind, "
                         ":variant, :hours, :title, :date, :source, :status, :plan_ref, :absence_kind, "
                         ":absence_months, :now, :now) "
                         "ON CONFLICT (trainee_id, title, date) DO NOTHING",
                         error);
  if (stmt == NULL)
    return FALSE;

  /* Everything bound here outlives @stmt, which is reset on return. */
  iso = xs_date_to_iso (&claim->date);
  bind_claim_fields (db, stmt, claim, iso);
  sqlite3_bind_int64 (stmt, param (stmt, ":trainee_id"), claim->trainee_id);
  _xs_db_bind_id (stmt, param (stmt, ":class_id"), claim->class_id);
  _xs_db_bind_text_static (stmt, param (stmt, ":source"), xs_source_to_string (claim->source));
  _xs_db_bind_text_static (stmt, param (stmt, ":status"), xs_status_to_string (status));

  if (!_xs_db_exec_stmt (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (_xs_db_get_handle (db)) == 0)
    {
      gint64 existing = xs_claim_store_find (db, claim->trainee_id, claim->title,
                                             &claim->date, error);

      if (existing < 0)
        return FALSE;
      return set_duplicate_error (claim, existing, error);
    }
  claim->id = sqlite3_last_insert_rowid (_xs_db_get_handle (db));
  claim->status = status;
  return TRUE;
}

XsClaim *
xs_claim_store_get (XsDb     *db,
                    gint64    id,
                    GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db, "SELECT " CLAIM_COLUMNS " FROM claim WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return claim_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                 _("There is no claim %lld."), (long long) id);
  else
    _xs_db_set_error (db, error);
  return NULL;
}

static GPtrArray *
collect_claims (XsDb      *db,
                XsDbStmt  *stmt,
                GError   **error)
{
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_claim_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (claims, claim_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&claims);
}

GPtrArray *
xs_claim_store_list_for_trainee (XsDb     *db,
                                 gint64    trainee_id,
                                 int       year,
                                 GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT " CLAIM_COLUMNS " FROM claim "
                         "WHERE trainee_id = ?1 AND (?2 = 0 OR year = ?2) "
                         "ORDER BY date DESC, id DESC",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, trainee_id);
  sqlite3_bind_int (stmt, 2, year);
  return collect_claims (db, stmt, error);
}

GPtrArray *
xs_claim_store_list_to_complete (XsDb     *db,
                                 int       year,
                                 GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT " CLAIM_COLUMNS " FROM claim "
                         "WHERE year = ?1 AND status IN ('draft', 'rejected') "
                         "ORDER BY updated_at, id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  return collect_claims (db, stmt, error);
}

GArray *
xs_claim_store_list_years (XsDb     *db,
                           GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  /* One index seek per year of claims, however many claims there are. */
  stmt = _xs_db_prepare (db,
                         "WITH RECURSIVE y (v) AS "
                         "  (SELECT max (year) FROM claim "
                         "   UNION ALL SELECT (SELECT max (year) FROM claim WHERE year < y.v) FROM y "
                         "   WHERE y.v IS NOT NULL) "
                         "SELECT v FROM y WHERE v IS NOT NULL "
                         "UNION SELECT year FROM training_class "
                         "ORDER BY 1 DESC",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      int year = _xs_db_column_int (stmt, 0);

      g_array_append_val (years, year);
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&years);
}

GPtrArray *
xs_claim_store_list_for_class (XsDb     *db,
                               gint64    class_id,
                               GError  **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT " CLAIM_COLUMNS " FROM claim WHERE class_id = ?1 ORDER BY id",
                         error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, class_id);
  return collect_claims (db, stmt, error);
}

static gboolean
claim_is_editable (const XsClaim  *claim,
                   GError        **error)
{
  if (claim->status == XS_STATUS_DRAFT || claim->status == XS_STATUS_REJECTED)
    return TRUE;

  if (claim->status == XS_STATUS_SUBMITTED)
    g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                 _("Claim %lld is submitted and locked; withdraw it first to change it."),
                 (long long) claim->id);
  else
    g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                 _("Claim %lld is %s and can no longer be changed."),
                 (long long) claim->id, xs_status_get_label (claim->status));
  return FALSE;
}

gboolean
xs_claim_store_update (XsDb     *db,
                       XsClaim  *claim,
                       GError  **error)
{
  g_autoptr(XsClaim) stored = NULL;
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);
  g_return_val_if_fail (claim->id > 0, FALSE);

  stored = xs_claim_store_get (db, claim->id, error);
  if (stored == NULL || !claim_is_editable (stored, error))
    return FALSE;

  /* who the claim is for and where it came from are not edited */
  claim->trainee_id = stored->trainee_id;
  claim->class_id = stored->class_id;
  claim->source = stored->source;
  if (!check_new_fields (db, claim, error)
      || !check_not_duplicate (db, claim, stored->id, error))
    return FALSE;

  stmt = _xs_db_prepare (db,
                         "UPDATE claim SET year = :year, category = :category, compulsory = :compulsory, "
                         "kind = :kind, variant = :variant, hours = :hours, title = :title, date = :date, "
                         "status = 'draft', side = NULL, reviewer = NULL, decided_at = NULL, "
                         "plan_ref = :plan_ref, absence_kind = :absence_kind, "
                         "absence_months = :absence_months, updated_at = :now "
                         "WHERE id = :id AND (status = 'draft' OR status = 'rejected')",
                         error);
  if (stmt == NULL)
    return FALSE;

  iso = xs_date_to_iso (&claim->date);
  bind_claim_fields (db, stmt, claim, iso);
  sqlite3_bind_int64 (stmt, param (stmt, ":id"), claim->id);
  if (!_xs_db_exec_stmt (db, stmt, error))
    return FALSE;

  claim->status = XS_STATUS_DRAFT;
  claim->has_side = FALSE;
  g_clear_pointer (&claim->reviewer, g_free);
  return TRUE;
}

/* One change of a claim's files, as a transaction's data. */
typedef struct
{
  const XsClaim       *claim;        /* attaching: checked before */
  gint64               claim_id;
  const char          *material;
  const char * const  *paths;        /* attaching */
  gint64               evidence_id;  /* detaching and undoing */
} FilesChange;

static gboolean
attach_files (XsDb      *db,
              gpointer   data,
              GError   **error)
{
  const FilesChange *change = data;

  return xs_claim_files_link (db, change->claim, change->material, change->paths, error);
}

gboolean
xs_claim_store_attach (XsDb               *db,
                       gint64              claim_id,
                       const char         *material,
                       const char * const *paths,
                       GError            **error)
{
  g_autoptr(XsClaim) claim = NULL;
  FilesChange change = { NULL, claim_id, material, paths, 0 };

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (material != NULL, FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);

  claim = xs_claim_store_get (db, claim_id, error);
  if (claim == NULL || !claim_is_editable (claim, error)
      || !xs_claim_files_check_material (claim, material, error))
    return FALSE;

  change.claim = claim;
  return xs_db_run_in_transaction (db, attach_files, &change, error);
}

/* The claim is read again inside the transaction: it may have been
 * submitted since the file was shown. */
static gboolean
check_still_editable (XsDb     *db,
                      gint64    claim_id,
                      GError  **error)
{
  g_autoptr(XsClaim) claim = xs_claim_store_get (db, claim_id, error);

  return claim != NULL && claim_is_editable (claim, error);
}

static gboolean
detach_file (XsDb      *db,
             gpointer   data,
             GError   **error)
{
  const FilesChange *change = data;

  return check_still_editable (db, change->claim_id, error)
         && xs_claim_files_unlink (db, change->claim_id, change->material, change->evidence_id, error);
}

static gboolean
undo_detach_file (XsDb      *db,
                  gpointer   data,
                  GError   **error)
{
  const FilesChange *change = data;

  return check_still_editable (db, change->claim_id, error)
         && xs_claim_files_relink (db, change->claim_id, change->material, change->evidence_id, error);
}

gboolean
xs_claim_store_detach (XsDb        *db,
                       gint64       claim_id,
                       const char  *material,
                       gint64       evidence_id,
                       GError     **error)
{
  FilesChange change = { NULL, claim_id, material, NULL, evidence_id };

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (material != NULL, FALSE);

  return xs_db_run_in_transaction (db, detach_file, &change, error);
}

gboolean
xs_claim_store_undo_detach (XsDb        *db,
                            gint64       claim_id,
                            const char  *material,
                            gint64       evidence_id,
                            GError     **error)
{
  FilesChange change = { NULL, claim_id, material, NULL, evidence_id };

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (material != NULL, FALSE);

  return xs_db_run_in_transaction (db, undo_detach_file, &change, error);
}

/* Moves a claim to @status; @side (a decision's) may be NULL. */
gboolean
_xs_claim_store_set_status (XsDb        *db,
            gint64       id,
            XsStatus     status,
            const char  *side,
            const char  *reason,
            const char  *reviewer,
            GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;

  stmt = _xs_db_prepare (db,
                         "UPDATE claim SET status = ?2, side = ?6, reason = ?3, reviewer = ?4, "
                         "decided_at = CASE WHEN ?2 IN ('approved', 'rejected') THEN ?5 END, "
                         "updated_at = ?5 "
                         "WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _xs_db_bind_text (stmt, 2, xs_status_to_string (status));
  _xs_db_bind_text (stmt, 3, reason);
  _xs_db_bind_text (stmt, 4, reviewer);
  _xs_db_bind_text_static (stmt, 5, _xs_db_get_now (db));
  _xs_db_bind_text (stmt, 6, side);
  return _xs_db_exec_stmt (db, stmt, error);
}

/* @text without surrounding blanks, NULL when nothing is left. */
char *
_xs_claim_store_dup_stripped (const char *text)
{
  char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

gboolean
xs_claim_store_submit (XsDb     *db,
                       gint64    id,
                       GError  **error)
{
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(XsRuleSet) rules = NULL;
  g_auto(GStrv) missing = NULL;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);

  claim = xs_claim_store_get (db, id, error);
  if (claim == NULL || !claim_is_editable (claim, error))
    return FALSE;

  missing = xs_claim_store_get_missing_materials (db, claim, error);
  if (missing == NULL)
    return FALSE;
  if (missing[0] != NULL)
    {
      g_autofree char *names = NULL;

      rules = xs_rule_set_for_year (claim->year, error);
      if (rules == NULL)
        return FALSE;
      names = _xs_claim_store_describe_materials (rules, (const char * const *) missing);
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("Claim %lld cannot be submitted yet; attach: %s."),
                   (long long) id, names);
      return FALSE;
    }

  return _xs_claim_store_set_status (db, id, XS_STATUS_SUBMITTED, NULL, NULL, NULL, error);
}
