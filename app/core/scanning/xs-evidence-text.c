/* xs-evidence-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-db-private.h"
#include "xs-evidence.h"
#include "xs-evidence-text.h"
#include "xs-id-number.h"
#include "xs-recognise.h"

XsRecognition *
xs_evidence_text_get (XsDb        *db,
                      const char  *sha256,
                      GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  XsRecognition *recognition;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT t.findings, t.text FROM evidence_text t "
                         "JOIN evidence e ON e.id = t.evidence_id WHERE e.sha256 = ?1",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text (stmt, 1, sha256);
  rc = _xs_db_step (stmt);
  if (rc == XS_DB_DONE)
    return NULL;
  if (rc != XS_DB_ROW)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  recognition = xs_recognition_from_json (_xs_db_column_text (stmt, 0), error);
  if (recognition != NULL)
    {
      g_free (recognition->text);
      recognition->text = g_strdup (_xs_db_column_text (stmt, 1));
    }
  return recognition;
}

gboolean
xs_evidence_text_store (XsDb                *db,
                        const char          *sha256,
                        const XsRecognition *recognition,
                        GError             **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *findings = NULL;
  JsonObject *object;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (sha256 != NULL, FALSE);
  g_return_val_if_fail (recognition != NULL, FALSE);

  /* The text has its own column, searched; the findings leave it out. */
  node = xs_recognition_to_json (recognition);
  object = json_node_get_object (node);
  json_object_remove_member (object, "text");
  findings = json_to_string (node, FALSE);

  stmt = _xs_db_prepare (db,
                         "INSERT INTO evidence_text (evidence_id, text, findings) "
                         "SELECT id, ?2, ?3 FROM evidence WHERE sha256 = ?1 "
                         "ON CONFLICT (evidence_id) DO UPDATE SET text = excluded.text, "
                         "findings = excluded.findings, recognised_at = excluded.recognised_at",
                         error);
  if (stmt == NULL)
    return FALSE;
  _xs_db_bind_text (stmt, 1, sha256);
  _xs_db_bind_text (stmt, 2, recognition->text ? recognition->text : "");
  _xs_db_bind_text (stmt, 3, findings);
  if (!xs_db_begin (db, error))
    return FALSE;
  if (!_xs_db_exec_stmt (db, stmt, error))
    {
      xs_db_rollback (db);
      return FALSE;
    }
  if (_xs_db_changes (db) == 0)
    {
      xs_db_rollback (db);
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND,
                   _("That scan is not stored (any more); attach it again."));
      return FALSE;
    }
  return xs_db_commit (db, error);
}

XsRecognition *
xs_evidence_recognise (XsDb          *db,
                       const char    *sha256,
                       const char    *trainee_name,
                       GCancellable  *cancellable,
                       GError       **error)
{
  GError *local = NULL;
  g_autofree char *path = NULL;
  XsRecognition *recognition;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (sha256 != NULL, NULL);

  recognition = xs_evidence_text_get (db, sha256, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (recognition != NULL)
    {
      /* Read once; the trainee's name is looked for again. */
      if (trainee_name != NULL)
        {
          XsRecognition *again = xs_recognition_from_text (recognition->text, trainee_name);

          xs_recognition_free (recognition);
          recognition = again;
        }
      return recognition;
    }

  path = xs_evidence_get_path (db, sha256);
  recognition = xs_recognise_file (path, trainee_name, cancellable, error);
  if (recognition == NULL)
    return NULL;
  if (!xs_evidence_text_store (db, sha256, recognition, error))
    {
      xs_recognition_free (recognition);
      return NULL;
    }
  return recognition;
}

GArray *
xs_evidence_text_search_claims (XsDb        *db,
                                const char  *words,
                                GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) parts = NULL;
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *first = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (words != NULL, NULL);

  parts = g_strsplit_set (words, " \t\u3000", -1);
  /* The statement matches one word; the others are checked on the text. */
  for (guint i = 0; parts[i] != NULL && first == NULL; i++)
    if (*parts[i] != '\0')
      first = g_strdup (parts[i]);
  if (first == NULL)
    return g_steal_pointer (&ids);

  /* Recognised Chinese may come with spaces between characters: the text
   * is compared without them. */
  stmt = _xs_db_prepare (db,
                         "SELECT DISTINCT ce.claim_id, t.text FROM evidence_text t "
                         "JOIN claim_evidence ce ON ce.evidence_id = t.evidence_id "
                         "WHERE instr (replace (replace (t.text, ' ', ''), char (10), ''), ?1) > 0 "
                         "ORDER BY ce.claim_id DESC",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text (stmt, 1, first);
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      gint64 id = _xs_db_column_int64 (stmt, 0);
      g_autofree char *compact = NULL;
      g_auto(GStrv) lines = g_strsplit_set (_xs_db_column_text (stmt, 1), " \n", -1);
      gboolean all = TRUE;

      compact = g_strjoinv ("", lines);
      for (guint i = 0; parts[i] != NULL; i++)
        all = all && (*parts[i] == '\0' || strstr (compact, parts[i]) != NULL);
      if (all && (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != id))
        g_array_append_val (ids, id);
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

void
xs_scan_match_free (XsScanMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->snippet);
  g_free (match);
}

/* The text around the first of @words in @compact (the recognised text
 * without spaces), about @context characters either side. */
static char *
snippet_around (const char  *compact,
                const char  *word,
                glong        context)
{
  const char *at = strstr (compact, word);
  glong start, length, total;
  g_autofree char *piece = NULL;
  gboolean before, after;

  if (at == NULL)
    return NULL;
  start = g_utf8_pointer_to_offset (compact, at);
  length = g_utf8_strlen (word, -1);
  total = g_utf8_strlen (compact, -1);
  before = start > context;
  after = start + length + context < total;
  start = MAX (0, start - context);
  piece = g_utf8_substring (compact, start, MIN (total, start + length + 2 * context));
  return g_strdup_printf ("%s%s%s", before ? "…" : "", piece, after ? "…" : "");
}

GPtrArray *
xs_evidence_text_search_matches (XsDb        *db,
                                 const char  *words,
                                 GError     **error)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_scan_match_free);
  g_auto(GStrv) parts = NULL;
  g_autoptr(XsDbStmt) stmt = NULL;
  const char *first = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (words != NULL, NULL);

  parts = g_strsplit_set (words, " \t\u3000", -1);
  for (guint i = 0; parts[i] != NULL && first == NULL; i++)
    if (*parts[i] != '\0')
      first = parts[i];
  if (first == NULL)
    return g_steal_pointer (&matches);

  stmt = _xs_db_prepare (db,
                         "SELECT ce.claim_id, c.trainee_id, c.year, t.text FROM evidence_text t "
                         "JOIN claim_evidence ce ON ce.evidence_id = t.evidence_id "
                         "JOIN claim c ON c.id = ce.claim_id "
                         "WHERE instr (replace (replace (t.text, ' ', ''), char (10), ''), ?1) > 0 "
                         "ORDER BY ce.claim_id DESC",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text (stmt, 1, first);
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      gint64 id = _xs_db_column_int64 (stmt, 0);
      g_auto(GStrv) lines = g_strsplit_set (_xs_db_column_text (stmt, 3), " \n", -1);
      g_autofree char *compact = g_strjoinv ("", lines);
      gboolean all = TRUE;
      XsScanMatch *match;

      for (guint i = 0; parts[i] != NULL; i++)
        all = all && (*parts[i] == '\0' || strstr (compact, parts[i]) != NULL);
      if (!all || (matches->len > 0
                   && ((XsScanMatch *) g_ptr_array_index (matches, matches->len - 1))->claim_id == id))
        continue;
      match = g_new0 (XsScanMatch, 1);
      match->claim_id = id;
      match->trainee_id = _xs_db_column_int64 (stmt, 1);
      match->year = _xs_db_column_int (stmt, 2);
      match->snippet = snippet_around (compact, first, 12);
      g_ptr_array_add (matches, match);
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&matches);
}

static gboolean
any_date_in_year (char * const *dates,
                  int           year)
{
  g_autofree char *prefix = g_strdup_printf ("%04d-", year);

  for (guint i = 0; dates[i] != NULL; i++)
    if (g_str_has_prefix (dates[i], prefix))
      return TRUE;
  return FALSE;
}

void
xs_scan_problem_free (XsScanProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->claim_title);
  g_free (problem->file);
  g_free (problem->text);
  g_free (problem);
}

GPtrArray *
xs_evidence_text_problems (XsDb        *db,
                           int          year,
                           gint64       trainee_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_scan_problem_free);
  g_autoptr(XsDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  stmt = _xs_db_prepare (db,
                         "SELECT c.id, c.title, c.year, tr.name, tr.id_number, ce.original_name, t.findings, "
                         "c.trainee_id "
                         "FROM claim_evidence ce "
                         "JOIN evidence_text t ON t.evidence_id = ce.evidence_id "
                         "JOIN claim c ON c.id = ce.claim_id "
                         "JOIN trainee tr ON tr.id = c.trainee_id "
                         "WHERE (?1 = 0 OR c.year = ?1) AND (?2 = 0 OR c.trainee_id = ?2) "
                         "ORDER BY c.id, ce.material, ce.original_name",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_int (stmt, 1, year);
  _xs_db_bind_int64 (stmt, 2, trainee_id);
  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      gint64 claim_id = _xs_db_column_int64 (stmt, 0);
      const char *title = _xs_db_column_text (stmt, 1);
      int claim_year = _xs_db_column_int (stmt, 2);
      const char *name = _xs_db_column_text (stmt, 3);
      const char *id_number = _xs_db_column_text (stmt, 4);
      const char *file = _xs_db_column_text (stmt, 5);
      g_autoptr(XsRecognition) found = xs_recognition_from_json (_xs_db_column_text (stmt, 6), NULL);
      XsScanProblem *problem;

      if (found == NULL)
        continue;
      if (found->id_numbers[0] != NULL &&
          !g_strv_contains ((const char * const *) found->id_numbers, id_number))
        {
          g_autofree char *other = xs_id_number_mask (found->id_numbers[0]);

          problem = g_new0 (XsScanProblem, 1);
          problem->claim_id = claim_id;
          problem->trainee_id = _xs_db_column_int64 (stmt, 7);
          problem->year = claim_year;
          problem->kind = XS_SCAN_PROBLEM_OTHER_PERSON;
          problem->claim_title = g_strdup (title);
          problem->file = g_strdup (file);
          /* Translators: claim number, claim title, trainee's name, file name, masked identity number */
          problem->text = g_strdup_printf (_("Claim %lld “%s” of %s: the scan “%s” names another person (%s)."),
                                           (long long) claim_id, title, name, file, other);
          g_ptr_array_add (problems, problem);
        }
      if (found->dates[0] != NULL && !any_date_in_year (found->dates, claim_year))
        {
          problem = g_new0 (XsScanProblem, 1);
          problem->claim_id = claim_id;
          problem->trainee_id = _xs_db_column_int64 (stmt, 7);
          problem->year = claim_year;
          problem->kind = XS_SCAN_PROBLEM_OTHER_YEAR;
          problem->claim_title = g_strdup (title);
          problem->file = g_strdup (file);
          /* Translators: claim number, claim title, trainee's name, file name, a date, the claim's year */
          problem->text = g_strdup_printf (_("Claim %lld “%s” of %s: the scan “%s” is dated %s, not in %d."),
                                           (long long) claim_id, title, name, file, found->dates[0], claim_year);
          g_ptr_array_add (problems, problem);
        }
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&problems);
}

gboolean
xs_evidence_text_check (XsDb       *db,
                        GPtrArray  *problems,
                        GError    **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  found = xs_evidence_text_problems (db, 0, 0, error);
  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (problems, g_strdup (((XsScanProblem *) g_ptr_array_index (found, i))->text));
  return TRUE;
}
