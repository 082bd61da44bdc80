/* xs-decisions.c: a reviewer's decisions on a package, written and applied
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A decisions file is JSON: the format, the base id and the digest of the
 * package it answers, and one decision per claim reference, with the
 * claim's title, date and hours as the package showed them, so that a
 * claim changed since (withdrawn, corrected and submitted again) is not
 * decided on what the reviewer never saw.
 */
#define G_LOG_DOMAIN "xs-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-date.h"
#include "xs-db-private.h"
#include "xs-decisions-file.h"
#include "xs-id-number.h"
#include "xs-import-log-private.h"
#include "xs-package-private.h"
#include "xs-rules.h"
#include "xs-trainee-store.h"
#include "xs-trust.h"
#include "xs-output.h"

/* Writing ------------------------------------------------------------------ */

static const XsPackageClaim *
find_claim (XsPackage  *package,
            const char *ref)
{
  guint n = xs_package_get_n_claims (package);

  for (guint i = 0; i < n; i++)
    {
      const XsPackageClaim *claim = xs_package_get_claim (package, i);

      if (g_strcmp0 (claim->ref, ref) == 0)
        return claim;
    }
  return NULL;
}

/* NULL, empty or only spaces */
static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
check_decision (const XsPackageClaim  *claim,
                int                    year,
                const XsDecision      *decision,
                GError               **error)
{
  if (claim == NULL)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_MISMATCH,
                   _("%s: this package holds no such claim."), decision->ref);
      return FALSE;
    }
  if (claim->status != XS_STATUS_SUBMITTED)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("%s: the claim was already %s when the package was made."),
                   decision->ref, xs_status_get_label (claim->status));
      return FALSE;
    }
  if (decision->side != xs_review_side_for_kind (year, claim->category, claim->kind))
    {
      if (claim->category == XS_CATEGORY_PROFESSIONAL && decision->side == XS_REVIEW_SIDE_INDUSTRY)
        g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                     _("%s: kind %d is confirmed by the city HR bureau, not by the industry department."),
                     decision->ref, claim->kind);
      else if (claim->category == XS_CATEGORY_PUBLIC)
        g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                     _("%s: public hours are decided by the HR department, not by the industry department."),
                     decision->ref);
      else
        g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                     _("%s: professional hours are decided by the industry department, not by the HR department."),
                     decision->ref);
      return FALSE;
    }
  if (is_blank (decision->reviewer))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("%s: a decision needs the name of the reviewer who made it."), decision->ref);
      return FALSE;
    }
  if (decision->decision == XS_STATUS_REJECTED
      && is_blank (decision->reason))
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("%s: a rejection needs a reason, so that the base can correct the claim."),
                   decision->ref);
      return FALSE;
    }
  return TRUE;
}

gboolean
xs_decisions_write (XsPackage         *package,
                    XsSigningKey      *reviewer_key,
                    const XsDecision  *decisions,
                    guint              n_decisions,
                    const char        *path,
                    GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *signature = NULL;
  gsize length;

  g_return_val_if_fail (XS_IS_PACKAGE (package), FALSE);
  g_return_val_if_fail (reviewer_key == NULL || XS_IS_SIGNING_KEY (reviewer_key), FALSE);
  g_return_val_if_fail (decisions != NULL || n_decisions == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, XS_DECISIONS_FORMAT);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, XS_DECISIONS_VERSION);
  json_builder_set_member_name (builder, "base_id");
  json_builder_add_string_value (builder, xs_package_get_base_id (package));
  json_builder_set_member_name (builder, "package");
  json_builder_add_string_value (builder, xs_package_get_digest (package));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, xs_package_get_year (package));
  if (reviewer_key != NULL)
    {
      json_builder_set_member_name (builder, "reviewer_key");
      json_builder_add_string_value (builder, xs_signing_key_get_public_text (reviewer_key));
    }
  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n_decisions; i++)
    {
      const XsDecision *d = &decisions[i];
      const XsPackageClaim *claim;

      g_return_val_if_fail (d->ref != NULL, FALSE);
      g_return_val_if_fail (d->decision == XS_STATUS_APPROVED || d->decision == XS_STATUS_REJECTED, FALSE);

      claim = find_claim (package, d->ref);
      if (!check_decision (claim, xs_package_get_year (package), d, error))
        return FALSE;
      if (!g_hash_table_add (seen, (gpointer) d->ref))
        {
          g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                       _("%s: the claim is decided twice."), d->ref);
          return FALSE;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ref");
      json_builder_add_string_value (builder, d->ref);
      json_builder_set_member_name (builder, "decision");
      json_builder_add_string_value (builder, xs_status_to_string (d->decision));
      json_builder_set_member_name (builder, "side");
      json_builder_add_string_value (builder, xs_review_side_to_string (d->side));
      json_builder_set_member_name (builder, "reviewer");
      json_builder_add_string_value (builder, d->reviewer);
      json_builder_set_member_name (builder, "reason");
      if (d->decision == XS_STATUS_REJECTED)
        json_builder_add_string_value (builder, d->reason);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, claim->title);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, claim->date);
      json_builder_set_member_name (builder, "hours");
      json_builder_add_int_value (builder, claim->hours);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  body = json_generator_to_data (generator, NULL);
  /* the signature line covers every byte before it */
  text = g_strconcat (body, "\n", NULL);
  if (reviewer_key != NULL)
    {
      signature = xs_signing_key_sign (reviewer_key, text);
      g_free (body);
      body = g_steal_pointer (&text);
      text = g_strconcat (body, XS_SIGNATURE_LINE, signature, "\n", NULL);
    }
  length = strlen (text);
  /* the reviewers' decisions on named people: the owner's only */
  return xs_output_write_file (path, text, length, XS_OUTPUT_PRIVATE, error);
}

/* Applying ----------------------------------------------------------------- */

/* What every row of one file is checked against. */
typedef struct
{
  XsReviewer  *reviewer;      /* registered, who signed the file */
  gint64       export_id;     /* the package it answers */
  const char  *package;       /* its SHA-256 */
} Answer;

static void
refuse (XsImportReport *report,
        guint           line,
        const char     *ref,
        const char     *reason)
{
  g_autofree char *summary = NULL;

  if (ref != NULL)
    summary = g_strdup_printf ("%s: %s", ref, reason);
  xs_import_report_add (report, line, XS_ROW_REJECTED, summary ? summary : reason);
}

/* "REF: NAME": a refused decision on a known claim names its trainee */
static char *
describe_claim (XsDb          *db,
                const XsClaim *claim,
                const char    *ref)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, claim->trainee_id, NULL);

  return trainee != NULL ? g_strdup_printf ("%s: %s", ref, trainee->name) : g_strdup (ref);
}

/* What changed in a claim since it was exported, in words. */
static char *
describe_change (XsDb               *db,
                 const XsClaim      *claim,
                 const XsClaimState *then,
                 const XsClaimState *now,
                 const char         *package)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, claim->trainee_id, NULL);
  g_autoptr(GString) what = g_string_new (NULL);

  if (then->hours != now->hours)
    {
      g_autofree char *before = xs_hours_format (then->hours);
      g_autofree char *after = xs_hours_format (now->hours);

      /* Translators: hours before → hours after */
      g_string_append_printf (what, _("hours %s → %s"), before, after);
    }
  if (g_strcmp0 (then->date, now->date) != 0)
    {
      if (what->len > 0)
        g_string_append (what, _(", "));
      /* Translators: date before → date after */
      g_string_append_printf (what, _("date %s → %s"), then->date, now->date);
    }
  if (g_strcmp0 (then->evidence, now->evidence) != 0)
    {
      if (what->len > 0)
        g_string_append (what, _(", "));
      g_string_append (what, _("its evidence files"));
    }
  if (what->len == 0)
    g_string_append (what, _("its kind, title or trainee"));
  /* Translators: trainee's name, package digest, what changed */
  return g_strdup_printf (_("%s’s claim changed since package %.16s… was exported: %s. Send the claim in a new package."),
                          trainee != NULL ? trainee->name : "?", package, what->str);
}

/* Checks a decision against the stored claim; returns the claim, or NULL
 * with the refusal in @report (and @error set only when the store fails). */
static XsClaim *
lookup_claim (XsDb            *db,
              const Answer    *answer,
              XsImportReport  *report,
              guint            line,
              JsonObject      *object,
              const char      *ref,
              GError         **error)
{
  g_auto(XsClaimState) then = { 0 };
  g_auto(XsClaimState) now = { 0 };
  gboolean found = FALSE;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(XsClaim) claim = NULL;
  g_autofree char *date = NULL;
  g_auto(XsJsonCheck) check = { 0 };
  const char *title, *iso;
  gint64 id, hours;
  int year;

  if (!_xs_package_parse_ref (ref, &year, &id))
    goto unknown;
  claim = xs_claim_store_get (db, id, &local_error);
  if (claim == NULL)
    {
      if (!g_error_matches (local_error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      goto unknown;
    }
  if (claim->year != year)
    goto unknown;

  /* in the package the decisions name, and as it was sent */
  if (!_xs_package_register_get_claim (db, answer->export_id, claim->id, &then, &found, error))
    return NULL;
  if (!found)
    {
      g_autofree char *text = g_strdup_printf (_("this claim was not in package %.16s…, which the decisions answer; nothing is decided on a claim the reviewer was not sent."),
                                               answer->package);

      refuse (report, line, ref, text);
      return NULL;
    }
  if (!_xs_package_claim_state (db, claim->id, &now, error))
    return NULL;
  if (g_strcmp0 (then.content, now.content) != 0 || g_strcmp0 (then.evidence, now.evidence) != 0)
    {
      g_autofree char *text = describe_change (db, claim, &then, &now, answer->package);

      refuse (report, line, ref, text);
      return NULL;
    }

  /* the claim as the reviewer saw it */
  title = _xs_json_get_string (&check, object, "title", TRUE);
  iso = _xs_json_get_string (&check, object, "date", TRUE);
  hours = json_object_has_member (object, "hours")
          ? _xs_json_get_int (&check, object, "hours", 0, G_MAXINT) : claim->hours;
  date = xs_date_to_iso (&claim->date);
  if (check.failed || (title != NULL && g_strcmp0 (title, claim->title) != 0)
      || (iso != NULL && g_strcmp0 (iso, date) != 0) || hours != claim->hours)
    {
      g_autofree char *who = describe_claim (db, claim, ref);

      refuse (report, line, who,
              _("the claim was changed after the package was made; ask the base for a new package."));
      return NULL;
    }
  return g_steal_pointer (&claim);

unknown:
  refuse (report, line, ref, _("no claim of this base has this reference."));
  return NULL;
}

static char *
describe (XsDb          *db,
          const XsClaim *claim,
          const char    *ref,
          XsStatus       decision)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, claim->trainee_id, NULL);
  g_autofree char *masked = trainee ? xs_id_number_mask (trainee->id_number) : NULL;

  return g_strdup_printf ("%s: %s %s: %s", ref, trainee ? trainee->name : "", masked ? masked : "",
                          xs_status_get_label (decision));
}

/* The fields of one decision, pointing into @object; FALSE when one is
 * missing or not one the format allows. */
static gboolean
parse_decision (JsonObject  *object,
                XsDecision  *decision)
{
  g_auto(XsJsonCheck) check = { 0 };
  const char *decision_text, *side_text;

  decision->ref = _xs_json_get_string (&check, object, "ref", FALSE);
  decision_text = _xs_json_get_string (&check, object, "decision", FALSE);
  side_text = _xs_json_get_string (&check, object, "side", FALSE);
  decision->reviewer = _xs_json_get_string (&check, object, "reviewer", TRUE);
  decision->reason = _xs_json_get_string (&check, object, "reason", TRUE);
  return !check.failed && xs_status_from_string (decision_text, &decision->decision)
         && (decision->decision == XS_STATUS_APPROVED || decision->decision == XS_STATUS_REJECTED)
         && xs_review_side_from_string (side_text, &decision->side);
}

/* One decision; FALSE only when the store fails. */
static gboolean
apply_decision (XsDb            *db,
                const Answer    *answer,
                gint64           import_id,
                XsImportReport  *report,
                guint            line,
                JsonNode        *node,
                GHashTable      *seen,
                guint           *counts,
                GError         **error)
{
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  XsDecision d = { 0 };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (report, line, NULL, _("this is not a decision."));
      return TRUE;
    }
  object = json_node_get_object (node);
  if (!parse_decision (object, &d))
    {
      refuse (report, line, d.ref,
              _("the decision is incomplete: it needs a reference, “approved” or “rejected”, "
                "the side (“hr” or “industry”) and the reviewer."));
      return TRUE;
    }
  if (!g_hash_table_add (seen, (gpointer) d.ref))
    {
      refuse (report, line, d.ref, _("the claim is decided twice."));
      return TRUE;
    }

  if (d.side != answer->reviewer->side)
    {
      g_autofree char *text = g_strdup_printf (_("%s is registered as a reviewer for the %s, not for the %s; the decision is not theirs to make."),
                                               answer->reviewer->name,
                                               xs_review_side_get_label (answer->reviewer->side),
                                               xs_review_side_get_label (d.side));

      refuse (report, line, d.ref, text);
      return TRUE;
    }
  /* the name the base registered, not what the file says */
  d.reviewer = answer->reviewer->name;

  claim = lookup_claim (db, answer, report, line, object, d.ref, error);
  if (claim == NULL)
    return error == NULL || *error == NULL;

  /* Its review state as it was, for undoing the import. */
  if (!_xs_import_log_save_claim (db, import_id, claim->id, error))
    return FALSE;
  if (!xs_claim_store_decide_as (db, claim->id, d.side, d.decision, d.reason, d.reviewer, &local_error))
    {
      g_autofree char *who = NULL;

      if (!g_error_matches (local_error, XS_DB_ERROR, XS_DB_ERROR_REFUSED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      who = describe_claim (db, claim, d.ref);
      refuse (report, line, who, local_error->message);
      return TRUE;
    }

  {
    g_autofree char *summary = describe (db, claim, d.ref, d.decision);

    xs_import_report_add (report, line, XS_ROW_UPDATED, summary);
    counts[d.decision == XS_STATUS_APPROVED ? 0 : 1]++;
  }
  return TRUE;
}

/* Whether @base_id is that of one of this base's earlier keys. */
static gboolean
is_retired_id (XsDb       *db,
               const char *base_id)
{
  g_auto(GStrv) keys = xs_signing_key_list_public_texts (xs_db_get_data_dir (db), NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, keys[i], -1);

      if (base_id != NULL && strlen (base_id) == 16 && strncmp (digest, base_id, 16) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Refuses a file that names no package, or answers another base's. */
static gboolean
check_header (XsDecisionsFile  *file,
              XsDb             *db,
              XsSigningKey     *key,
              GError          **error)
{
  g_autofree char *our_id = NULL;
  const char *display_name = xs_decisions_file_get_display_name (file);
  const char *base_id = xs_decisions_file_get_base_id (file);

  if (!_xs_package_is_sha256 (xs_decisions_file_get_package (file)))
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE,
                   _("The decisions file “%s” is damaged (at “%s”)."),
                   display_name, "package");
      return FALSE;
    }
  our_id = xs_package_base_id (key);
  if (g_strcmp0 (base_id, our_id) != 0 && !is_retired_id (db, base_id))
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_OTHER_BASE,
                   _("“%s” answers a package of another base (%s); this base is %s. "
                     "Nothing was applied."),
                   display_name, base_id, our_id);
      return FALSE;
    }
  return TRUE;
}

/* When the file whose SHA-256 is @digest was applied before (and not
 * undone), as stored (UTC, ISO 8601); NULL if never. */
static char *
find_earlier_import (XsDb        *db,
                     const char  *digest,
                     GError     **error)
{
  g_autoptr(XsDbStmt) stmt = NULL;
  g_autofree char *needle = g_strdup_printf ("file %s", digest);
  gboolean has_row;

  stmt = _xs_db_prepare (db,
                         "SELECT b.at FROM audit a JOIN import_batch b ON b.id = a.entity_id"
                         " WHERE a.entity = 'decisions' AND a.action = 'import'"
                         " AND b.kind = 'decisions' AND b.undone_at IS NULL"
                         " AND instr (a.detail, ?1) > 0"
                         " ORDER BY b.id DESC LIMIT 1",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text (stmt, 1, needle);
  if (!_xs_db_next_row (db, stmt, &has_row, error) || !has_row)
    return NULL;
  return g_strdup (_xs_db_column_text (stmt, 0));
}

/* Applies (or with XS_IMPORT_DRY_RUN only checks) @path; @counts gets the
 * approvals and rejections that pass, @earlier when the same file was
 * applied before. */
static XsImportReport *
import_file (XsDb           *db,
             XsSigningKey   *key,
             const char     *path,
             XsImportFlags   flags,
             guint          *counts,
             char          **earlier,
             GError        **error)
{
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsDecisionsFile) file = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(XsReviewer) reviewer = NULL;
  const char *display_name, *digest, *package;
  const char *reviewer_key;
  Answer answer = { 0 };
  gint64 import_id;
  JsonArray *decisions;
  guint n, applied;
  gboolean keep;

  file = xs_decisions_file_load (path, error);
  if (file == NULL || !check_header (file, db, key, error))
    return NULL;
  display_name = xs_decisions_file_get_display_name (file);
  digest = xs_decisions_file_get_digest (file);
  package = xs_decisions_file_get_package (file);
  decisions = xs_decisions_file_get_decisions (file);

  /* signed by a reviewer this base registered */
  if (!xs_decisions_file_verify (file, error))
    return NULL;
  reviewer_key = xs_decisions_file_get_reviewer_key (file);
  reviewer = xs_reviewers_lookup (db, reviewer_key, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (reviewer == NULL)
    {
      g_autofree char *fingerprint = xs_public_key_fingerprint (reviewer_key);

      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNKNOWN_SIGNER,
                   _("“%s” is signed by a reviewer this base has not registered (key %s). Nothing was applied. If the base accepts this reviewer’s decisions, register the reviewer first (Preferences → Reviewers, or “xueshi-cli reviewers add”)."),
                   display_name, fingerprint);
      return NULL;
    }
  answer.reviewer = reviewer;
  answer.package = package;
  answer.export_id = _xs_package_register_lookup (db, package, error);
  if (answer.export_id < 0)
    return NULL;
  if (answer.export_id == 0)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_EXPORTED,
                   _("“%s” answers a package (SHA-256 %.16s…) that this base never exported. Nothing was applied."),
                   display_name, package);
      return NULL;
    }

  report = xs_import_report_new (display_name);
  xs_import_report_set_dry_run (report, (flags & XS_IMPORT_DRY_RUN) != 0);
  if (!xs_db_begin (db, error))
    return NULL;
  if (earlier != NULL)
    {
      *earlier = find_earlier_import (db, digest, &local_error);
      if (local_error != NULL)
        {
          xs_db_rollback (db);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  import_id = _xs_import_log_begin (db, "decisions", display_name, FALSE, error);
  if (import_id == 0)
    {
      xs_db_rollback (db);
      return NULL;
    }

  n = json_array_get_length (decisions);
  for (guint i = 0; i < n; i++)
    if (!apply_decision (db, &answer, import_id, report, i + 1, json_array_get_element (decisions, i), seen,
                         counts, error))
      {
        xs_db_rollback (db);
        return NULL;
      }

  applied = xs_import_report_get_count (report, XS_ROW_UPDATED);
  keep = !(flags & XS_IMPORT_DRY_RUN)
         && (xs_import_report_get_count (report, XS_ROW_REJECTED) == 0 || (flags & XS_IMPORT_SKIP_INVALID));
  if (!keep)
    {
      xs_db_rollback (db);
      return g_steal_pointer (&report);
    }

  /* the file's digest tells a later import of the same file */
  detail = g_strdup_printf ("%s: package %.16s, file %s, applied %u, refused %u", display_name, package,
                            digest, applied, xs_import_report_get_count (report, XS_ROW_REJECTED));
  xs_import_report_set_committed (report, TRUE);
  summary = xs_import_report_format_summary (report);
  if (!_xs_db_audit (db, "decisions", import_id, "import", detail, error)
      || !_xs_import_log_finish (db, import_id, summary, error))
    {
      xs_db_rollback (db);
      return NULL;
    }
  if (!xs_db_commit (db, error))
    return NULL;
  xs_import_report_set_import_id (report, import_id);
  return g_steal_pointer (&report);
}

XsImportReport *
xs_decisions_import (XsDb           *db,
                     XsSigningKey   *key,
                     const char     *path,
                     XsImportFlags   flags,
                     GError        **error)
{
  guint counts[2] = { 0, 0 };

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return import_file (db, key, path, flags, counts, NULL, error);
}

void
xs_decisions_preview_free (XsDecisionsPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_object (&preview->report);
  g_free (preview->imported_at);
  g_free (preview);
}

XsDecisionsPreview *
xs_decisions_preview (XsDb          *db,
                      XsSigningKey  *key,
                      const char    *path,
                      GError       **error)
{
  g_autoptr(XsDecisionsPreview) preview = g_new0 (XsDecisionsPreview, 1);
  guint counts[2] = { 0, 0 };

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  preview->report = import_file (db, key, path, XS_IMPORT_DRY_RUN, counts, &preview->imported_at, error);
  if (preview->report == NULL)
    return NULL;
  preview->n_approved = counts[0];
  preview->n_rejected = counts[1];
  return g_steal_pointer (&preview);
}

/* Reading a decisions file back -------------------------------------------- */

void
xs_decision_free (XsDecision *decision)
{
  if (decision == NULL)
    return;
  g_free ((char *) decision->ref);
  g_free ((char *) decision->reviewer);
  g_free ((char *) decision->reason);
  g_free (decision);
}

GPtrArray *
xs_decisions_read (XsPackage   *package,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_decision_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(XsDecisionsFile) file = NULL;
  const char *display_name;
  JsonArray *decisions;
  guint n;

  g_return_val_if_fail (XS_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = xs_decisions_file_load (path, error);
  if (file == NULL)
    return NULL;
  display_name = xs_decisions_file_get_display_name (file);
  decisions = xs_decisions_file_get_decisions (file);
  if (g_strcmp0 (xs_decisions_file_get_base_id (file), xs_package_get_base_id (package)) != 0
      || g_strcmp0 (xs_decisions_file_get_package (file), xs_package_get_digest (package)) != 0)
    {
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_OTHER_BASE,
                   _("“%s” holds decisions on another package, not on this one."), display_name);
      return NULL;
    }

  n = json_array_get_length (decisions);
  for (guint i = 0; i < n; i++)
    {
      g_auto(XsJsonCheck) row = { 0 };
      JsonObject *item = _xs_json_array_get_object (&row, decisions, i, "decisions");
      XsDecision decision = { 0 };
      XsDecision *copy;

      if (item == NULL || !parse_decision (item, &decision))
        goto damaged;
      if (!check_decision (find_claim (package, decision.ref), xs_package_get_year (package), &decision, error))
        {
          g_prefix_error (error, "%s: ", display_name);
          return NULL;
        }
      if (!g_hash_table_add (seen, (gpointer) decision.ref))
        {
          g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                       _("%s: the claim is decided twice."), decision.ref);
          g_prefix_error (error, "%s: ", display_name);
          return NULL;
        }
      copy = g_new0 (XsDecision, 1);
      copy->ref = g_strdup (decision.ref);
      copy->decision = decision.decision;
      copy->side = decision.side;
      copy->reviewer = g_strdup (decision.reviewer);
      copy->reason = decision.decision == XS_STATUS_REJECTED ? g_strdup (decision.reason) : NULL;
      g_ptr_array_add (result, copy);
      continue;

    damaged:
      g_set_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE,
                   _("The decisions file “%s” is damaged (decision %u)."), display_name, i + 1);
      return NULL;
    }
  return g_steal_pointer (&result);
}
