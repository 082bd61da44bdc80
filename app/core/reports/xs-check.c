/* xs-check.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-check.h"
#include "xs-evidence-text.h"
#include "xs-claim-store.h"
#include "xs-db-private.h"
#include "xs-duplicates.h"
#include "xs-evidence.h"

void
xs_check_problem_free (XsCheckProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->text);
  g_free (problem);
}

/* Adds a problem (taking @text) and returns it, for its links. */
static XsCheckProblem *
add_problem (GPtrArray *problems,
             char      *text)
{
  XsCheckProblem *problem = g_new0 (XsCheckProblem, 1);

  problem->text = text;
  g_ptr_array_add (problems, problem);
  return problem;
}

static void
link_claim (XsCheckProblem *problem,
            gint64          claim_id)
{
  for (guint i = 0; i < problem->n_claims; i++)
    if (problem->claim_ids[i] == claim_id)
      return;
  if (problem->n_claims < XS_CHECK_MAX_CLAIMS)
    problem->claim_ids[problem->n_claims++] = claim_id;
}

static gboolean
check_integrity (XsDb       *db,
                 GPtrArray  *problems,
                 GError    **error)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, "PRAGMA integrity_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      const char *line = _xs_db_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        add_problem (problems, g_strdup_printf (_("Database damage: %s"), line));
    }
  if (rc != XS_DB_DONE)
    return _xs_db_set_error (db, error);
  return TRUE;
}

static gboolean
check_foreign_keys (XsDb       *db,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    add_problem (problems,
                 g_strdup_printf (_("Row %lld of “%s” points to a missing row of “%s”."),
                                      (long long) _xs_db_column_int64 (stmt, 1),
                                      _xs_db_column_text (stmt, 0),
                                      _xs_db_column_text (stmt, 2)));
  if (rc != XS_DB_DONE)
    return _xs_db_set_error (db, error);
  return TRUE;
}

/* "“NAME” (claim N), …": the files a damaged scan was attached as */
static char *
describe_attachments (XsDb           *db,
                      gint64          evidence_id,
                      XsCheckProblem *problem)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT original_name, min (claim_id) FROM claim_evidence "
                         "WHERE evidence_id = ?1 GROUP BY original_name ORDER BY 2 LIMIT 5",
                         NULL);
  if (stmt == NULL)
    return g_string_free (g_steal_pointer (&text), FALSE);
  _xs_db_bind_int64 (stmt, 1, evidence_id);
  while (_xs_db_step (stmt) == XS_DB_ROW)
    {
      if (text->len > 0)
        /* Translators: separates the claims in a list */
        g_string_append (text, _("; "));
      /* Translators: a file's name as it was attached, then a claim's number */
      g_string_append_printf (text, _("“%s” (claim %lld)"), _xs_db_column_text (stmt, 0),
                              (long long) _xs_db_column_int64 (stmt, 1));
      link_claim (problem, _xs_db_column_int64 (stmt, 1));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_damaged (XsDb       *db,
             GPtrArray  *problems,
             gint64      evidence_id,
             const char *what)
{
  XsCheckProblem *problem = add_problem (problems, NULL);
  g_autofree char *attachments = describe_attachments (db, evidence_id, problem);
  g_autoptr(XsDbStmt) stmt = NULL;

  /* The trainee, when the scan is attached to one person's claims only. */
  stmt = _xs_db_prepare (db,
                         "SELECT min (c.trainee_id), count (DISTINCT c.trainee_id) FROM claim_evidence ce "
                         "JOIN claim c ON c.id = ce.claim_id WHERE ce.evidence_id = ?1",
                         NULL);
  if (stmt != NULL)
    {
      _xs_db_bind_int64 (stmt, 1, evidence_id);
      if (_xs_db_step (stmt) == XS_DB_ROW && _xs_db_column_int64 (stmt, 1) == 1)
        problem->trainee_id = _xs_db_column_int64 (stmt, 0);
    }

  if (*attachments == '\0')
    problem->text = g_strdup (what);
  else
    /* Translators: the problem, then the files as they were attached */
    problem->text = g_strdup_printf (_("%s It can be repaired: attach the original file again "
                                       "to any claim (it was attached as %s)."),
                                     what, attachments);
}

static void
check_evidence_file (XsDb       *db,
                     gint64      evidence_id,
                     const char *sha256,
                     gint64      size,
                     GPtrArray  *problems)
{
  g_autofree char *path = xs_evidence_get_path (db, sha256);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *what = NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      what = g_strdup_printf (_("Evidence file %s is missing."), path);
      add_damaged (db, problems, evidence_id, what);
      return;
    }
  mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    {
      what = g_strdup_printf (_("Evidence file %s cannot be read."), path);
      add_damaged (db, problems, evidence_id, what);
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  actual = xs_evidence_hash_bytes (bytes);
  if ((gint64) g_bytes_get_size (bytes) != size || !g_str_equal (actual, sha256))
    {
      what = g_strdup_printf (_("Evidence file %s has been changed since it was attached."), path);
      add_damaged (db, problems, evidence_id, what);
    }
}

/* One problem per scan attached to claims of more than one trainee. */
static gboolean
check_shared_scans (XsDb       *db,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(GPtrArray) scans = xs_duplicates_list (db, error);
  g_autoptr(GString) uses = g_string_new (NULL);
  gint64 linked[XS_CHECK_MAX_CLAIMS];
  guint n_linked = 0;

  if (scans == NULL)
    return FALSE;
  for (guint i = 0; i < scans->len; i++)
    {
      XsSharedScan *scan = g_ptr_array_index (scans, i);
      XsSharedScan *next = i + 1 < scans->len ? g_ptr_array_index (scans, i + 1) : NULL;
      g_autofree char *use = NULL;

      /* Translators: claim number, claim title, trainee's name, masked identity number */
      use = g_strdup_printf (_("claim %lld “%s” of %s (%s)"), (long long) scan->claim_id,
                             scan->claim_title, scan->name, scan->masked_id);
      if (uses->len > 0)
        /* Translators: separates the claims in a list */
        g_string_append (uses, _("; "));
      g_string_append (uses, use);
      if (n_linked < XS_CHECK_MAX_CLAIMS)
        linked[n_linked++] = scan->claim_id;
      if (next == NULL || next->evidence_id != scan->evidence_id)
        {
          XsCheckProblem *problem;

          /* Translators: %s are the first characters of the file's SHA-256, then the claims */
          problem = add_problem (problems, g_strdup_printf (_("The same scan (%.12s…) is attached to claims of different trainees: %s."),
                                                            scan->sha256, uses->str));
          for (guint j = 0; j < n_linked; j++)
            link_claim (problem, linked[j]);
          n_linked = 0;
          g_string_truncate (uses, 0);
        }
    }
  return TRUE;
}

/* Claims approved before the notice's materials were required of batch
 * claims of kinds other than 1: they stay approved, and are named here. */
static gboolean
check_approved_materials (XsDb       *db,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autoptr(GArray) ids = NULL;

  ids = _xs_db_select_ids (db,
                           "SELECT id FROM claim WHERE status = 'approved' AND category = 'professional' "
                           "ORDER BY id",
                           error);
  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(XsClaim) claim = xs_claim_store_get (db, g_array_index (ids, gint64, i), error);
      g_autoptr(XsRuleSet) rules = NULL;
      g_auto(GStrv) missing = NULL;
      g_autoptr(GString) names = g_string_new (NULL);
      XsCheckProblem *problem;

      if (claim == NULL)
        return FALSE;
      missing = xs_claim_store_get_missing_materials (db, claim, error);
      if (missing == NULL)
        return FALSE;
      if (missing[0] == NULL)
        continue;
      rules = xs_rule_set_for_year (claim->year, error);
      if (rules == NULL)
        return FALSE;
      for (guint j = 0; missing[j] != NULL; j++)
        g_string_append_printf (names, "%s%s", j ? _(", ") : "",
                                xs_rule_set_get_material_name (rules, missing[j]));
      problem = add_problem (problems,
                             g_strdup_printf (_("Claim %lld (%d, kind %d, “%s”) was approved without the "
                                                "materials the notice asks for: %s."),
                                              (long long) claim->id, claim->year, claim->kind,
                                              claim->title, names->str));
      problem->trainee_id = claim->trainee_id;
      link_claim (problem, claim->id);
    }
  return TRUE;
}

/* The problems scans' text shows (xs-evidence-text.h), with their links. */
static gboolean
check_scan_text (XsDb       *db,
                 GPtrArray  *problems,
                 GError    **error)
{
  g_autoptr(GPtrArray) found = xs_evidence_text_problems (db, 0, 0, error);

  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      XsScanProblem *scan = g_ptr_array_index (found, i);
      XsCheckProblem *problem = add_problem (problems, g_strdup (scan->text));

      problem->trainee_id = scan->trainee_id;
      link_claim (problem, scan->claim_id);
    }
  return TRUE;
}

GPtrArray *
xs_check_run (XsDb          *db,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  GPtrArray *texts;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  problems = xs_check_run_problems (db, cancellable, error);
  if (problems == NULL)
    return NULL;
  texts = g_ptr_array_new_full (problems->len, g_free);
  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (texts, g_strdup (((XsCheckProblem *) g_ptr_array_index (problems, i))->text));
  return texts;
}

GPtrArray *
xs_check_run_problems (XsDb          *db,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_check_problem_free);
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  if (!check_integrity (db, problems, error) || !check_foreign_keys (db, problems, error)
      || !check_shared_scans (db, problems, error)
      || !check_approved_materials (db, problems, error)
      || !check_scan_text (db, problems, error))
    return NULL;

  stmt = _xs_db_prepare (db, "SELECT id, sha256, size FROM evidence ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      check_evidence_file (db, _xs_db_column_int64 (stmt, 0), _xs_db_column_text (stmt, 1),
                           _xs_db_column_int64 (stmt, 2), problems);
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&problems);
}
