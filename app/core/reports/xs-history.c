/* xs-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the audit table (which the schema's triggers fill, whatever code
 * path wrote a row) and says each entry in a sentence. The entries hold no
 * identity or phone numbers: a trainee's change names the fields only.
 */
#define G_LOG_DOMAIN "xs-history"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "xs-claim.h"
#include "xs-db-private.h"
#include "xs-history.h"
#include "xs-rules.h"

void
xs_history_entry_free (XsHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->text);
  g_free (entry);
}

char *
xs_history_entry_format_time (const XsHistoryEntry *entry)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->at == NULL || (at = g_date_time_new_from_iso8601 (entry->at, utc)) == NULL)
    return g_strdup (entry->at != NULL ? entry->at : "");
  local = g_date_time_to_local (at);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

/* What the reader needs besides the audit row. */
typedef struct
{
  XsDb       *db;
  GHashTable *rules;   /* year -> XsRuleSet, NULL when the year has none */
} Context;

static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    /* a trainee's */
    { "id_number", N_("identity number") },
    { "name", N_("name") },
    { "sex", N_("sex") },
    { "birth_date", N_("date of birth") },
    { "employer", N_("employer") },
    { "title", N_("title") },
    { "specialty", N_("specialty") },
    { "county", N_("county") },
    { "phone", N_("phone number") },
    /* a claim's */
    { "trainee", N_("trainee") },
    { "class", N_("class") },
    { "year", N_("year") },
    { "category", N_("category") },
    { "compulsory", N_("compulsory") },
    { "kind", N_("kind") },
    { "variant", N_("variant") },
    { "hours", N_("hours") },
    { "date", N_("date") },
    { "source", N_("source") },
    { "plan_ref", N_("plan reference") },
    { "absence", N_("absence") },
    { "absence_months", N_("months absent") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _(labels[i].label);
  return field;
}

/* "name, employer" from "name,employer". */
static char *
fields_text (const char *detail)
{
  g_auto(GStrv) fields = g_strsplit (detail != NULL ? detail : "", ",", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (*fields[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, field_label (fields[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
trainee_sentence (const char *action,
                  const char *detail)
{
  if (g_str_equal (action, "insert"))
    /* Translators: %s is the trainee's name */
    return g_strdup_printf (_("%s added to the roster"), detail != NULL ? detail : "");
  if (g_str_equal (action, "update"))
    {
      g_autofree char *fields = fields_text (detail);

      /* Translators: %s lists the fields, “name, employer” */
      return g_strdup_printf (_("Trainee details changed: %s"), fields);
    }
  if (g_str_equal (action, "delete"))
    return g_strdup (_("Removed from the roster"));
  return NULL;
}

/* The material's name in the rule set of @year, else its code. */
static const char *
material_name (Context    *context,
               int         year,
               const char *material)
{
  XsRuleSet *rules;

  if (material == NULL)
    return "";
  if (year <= 0)
    return material;
  if ((rules = g_hash_table_lookup (context->rules, GINT_TO_POINTER (year))) == NULL)
    {
      rules = xs_rule_set_for_year (year, NULL);
      if (rules != NULL)
        g_hash_table_insert (context->rules, GINT_TO_POINTER (year), rules);
    }
  return rules != NULL ? xs_rule_set_get_material_name (rules, material) : material;
}

typedef struct
{
  char *from;
  char *to;
  char *side;
  char *reviewer;
  char *reason;
} StatusChange;

static void
status_change_clear (StatusChange *change)
{
  g_free (change->from);
  g_free (change->to);
  g_free (change->side);
  g_free (change->reviewer);
  g_free (change->reason);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StatusChange, status_change_clear)

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

/* Version 3 writes a JSON object; version 1 wrote "draft -> submitted". */
static void
parse_status_change (const char   *detail,
                     StatusChange *change)
{
  if (detail == NULL)
    return;
  if (detail[0] == '{')
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (json_parser_load_from_data (parser, detail, -1, NULL)
          && (root = json_parser_get_root (parser)) != NULL
          && JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *object = json_node_get_object (root);

          change->from = dup_member (object, "from");
          change->to = dup_member (object, "to");
          change->side = dup_member (object, "side");
          change->reviewer = dup_member (object, "reviewer");
          change->reason = dup_member (object, "reason");
        }
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (detail, " -> ", 2);

      if (parts[0] != NULL && parts[1] != NULL)
        {
          change->from = g_strdup (parts[0]);
          change->to = g_strdup (parts[1]);
        }
    }
}

static char *
decision_sentence (const char         *claim,
                   const StatusChange *change,
                   XsStatus            decision)
{
  XsReviewSide side;
  gboolean has_side = xs_review_side_from_string (change->side, &side);
  const char *reviewer = change->reviewer;
  const char *reason = change->reason != NULL ? change->reason : "";

  if (decision == XS_STATUS_APPROVED)
    {
      if (has_side && side == XS_REVIEW_SIDE_HR)
        return reviewer != NULL
          /* Translators: “Claim 12 “…” approved by the HR department (reviewer 张三)” */
          ? g_strdup_printf (_("%s approved by the HR department (reviewer %s)"), claim, reviewer)
          : g_strdup_printf (_("%s approved by the HR department"), claim);
      if (has_side)
        return reviewer != NULL
          ? g_strdup_printf (_("%s approved by the industry department (reviewer %s)"), claim, reviewer)
          : g_strdup_printf (_("%s approved by the industry department"), claim);
      return reviewer != NULL
        ? g_strdup_printf (_("%s approved (reviewer %s)"), claim, reviewer)
        : g_strdup_printf (_("%s approved"), claim);
    }

  if (has_side && side == XS_REVIEW_SIDE_HR)
    return reviewer != NULL
      /* Translators: “Claim 12 “…” rejected by the HR department (reviewer 张三): the reason” */
      ? g_strdup_printf (_("%s rejected by the HR department (reviewer %s): %s"), claim, reviewer, reason)
      : g_strdup_printf (_("%s rejected by the HR department: %s"), claim, reason);
  if (has_side)
    return reviewer != NULL
      ? g_strdup_printf (_("%s rejected by the industry department (reviewer %s): %s"), claim, reviewer, reason)
      : g_strdup_printf (_("%s rejected by the industry department: %s"), claim, reason);
  return reviewer != NULL
    ? g_strdup_printf (_("%s rejected (reviewer %s): %s"), claim, reviewer, reason)
    : g_strdup_printf (_("%s rejected: %s"), claim, reason);
}

static char *
status_sentence (const char *claim,
                 const char *action,
                 const char *detail)
{
  g_auto(StatusChange) change = { NULL };
  XsStatus from = XS_STATUS_DRAFT;
  XsStatus to = XS_STATUS_DRAFT;

  parse_status_change (detail, &change);
  if (!xs_status_from_string (change.from, &from) || !xs_status_from_string (change.to, &to))
    /* Translators: %s is “Claim 12 “…”” */
    return g_strdup_printf (_("%s changed state"), claim);

  if (g_str_equal (action, "withdraw") || (from == XS_STATUS_SUBMITTED && to == XS_STATUS_DRAFT))
    return change.reason != NULL
      /* Translators: “Claim 12 “…” withdrawn for correction: the reason” */
      ? g_strdup_printf (_("%s withdrawn for correction: %s"), claim, change.reason)
      : g_strdup_printf (_("%s withdrawn for correction"), claim);
  if (to == XS_STATUS_SUBMITTED)
    return g_strdup_printf (_("%s submitted for review"), claim);
  if (to == XS_STATUS_APPROVED || to == XS_STATUS_REJECTED)
    return decision_sentence (claim, &change, to);
  if (from == XS_STATUS_REJECTED && to == XS_STATUS_DRAFT)
    return g_strdup_printf (_("%s reopened for correction"), claim);
  /* Translators: “Claim 12 “…”: Draft → Submitted” */
  return g_strdup_printf (_("%s: %s → %s"), claim, xs_status_get_label (from), xs_status_get_label (to));
}

static char *
claim_sentence (Context    *context,
                gint64      claim_id,
                const char *title,
                int         year,
                const char *action,
                const char *detail)
{
  g_autofree char *claim = NULL;

  if (title != NULL)
    /* Translators: “Claim 12 “公需科目网络培训”” */
    claim = g_strdup_printf (_("Claim %lld “%s”"), (long long) claim_id, title);
  else
    claim = g_strdup_printf (_("Claim %lld"), (long long) claim_id);

  if (g_str_equal (action, "insert"))
    return g_strcmp0 (detail, "submitted") == 0
      ? g_strdup_printf (_("%s recorded and submitted by the base"), claim)
      : g_strdup_printf (_("%s recorded as a draft"), claim);
  if (g_str_equal (action, "change"))
    {
      g_autofree char *fields = fields_text (detail);

      /* Translators: “Claim 12 “…” changed: hours, date” */
      return g_strdup_printf (_("%s changed: %s"), claim, fields);
    }
  if (g_str_equal (action, "status") || g_str_equal (action, "withdraw"))
    return status_sentence (claim, action, detail);
  if (g_str_equal (action, "delete"))
    return g_strdup_printf (_("%s deleted"), claim);
  if (g_str_equal (action, "attach"))
    /* Translators: “Claim 12 “…”: evidence attached for the training notice” */
    return g_strdup_printf (_("%s: evidence attached for “%s”"), claim,
                            material_name (context, year, detail));
  if (g_str_equal (action, "detach"))
    return g_strdup_printf (_("%s: evidence removed from “%s”"), claim,
                            material_name (context, year, detail));
  return NULL;
}

static char *
certificate_sentence (const char *action,
                      const char *detail)
{
  if (g_str_equal (action, "issue"))
    return g_strdup_printf (_("Certificate %s issued"), detail != NULL ? detail : "");
  if (g_str_equal (action, "revoke"))
    {
      /* "serial: reason" */
      g_auto(GStrv) parts = g_strsplit (detail != NULL ? detail : "", ": ", 2);

      return g_strdup_printf (_("Certificate %s revoked: %s"),
                              parts[0] != NULL ? parts[0] : "",
                              parts[0] != NULL && parts[1] != NULL ? parts[1] : "");
    }
  return NULL;
}

GPtrArray *
xs_history_list_for_trainee (XsDb     *db,
                             gint64    trainee_id,
                             GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_history_entry_free);
  g_autoptr(GHashTable) rules = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(XsDbStmt) stmt = NULL;
  Context context = { db, rules };
  int rc;

  g_return_val_if_fail (XS_IS_DB (db), NULL);

  /* Entries since version 3 name the trainee; older ones are found by the
   * claim or certificate they are about. A trainee a roster import added
   * has no entry of its own (since version 9): the import's stands for it. */
  stmt = _xs_db_prepare (db,
                         "SELECT a.id, a.at, a.entity, a.entity_id, a.action, a.detail, c.title, c.year, "
                         "  (SELECT b.id FROM import_batch b WHERE b.undone_at IS NULL "
                         "   AND a.id > b.audit_first AND a.id <= b.audit_last) "
                         "FROM (SELECT * FROM audit WHERE trainee_id = ?1 "
                         "      UNION ALL "
                         "      SELECT * FROM audit WHERE trainee_id IS NULL AND entity = 'claim' "
                         "        AND entity_id IN (SELECT id FROM claim WHERE trainee_id = ?1) "
                         "      UNION ALL "
                         "      SELECT * FROM audit WHERE trainee_id IS NULL AND entity = 'certificate' "
                         "        AND entity_id IN (SELECT id FROM certificate WHERE trainee_id = ?1) "
                         "      UNION ALL "
                         "      SELECT b.audit_first + 1, b.at, 'trainee', t.id, 'insert', t.name, t.id "
                         "        FROM trainee t JOIN import_batch b ON b.id = t.import_id WHERE t.id = ?1) a "
                         "LEFT JOIN claim c ON a.entity = 'claim' AND c.id = a.entity_id "
                         "ORDER BY a.id",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_int64 (stmt, 1, trainee_id);

  while ((rc = _xs_db_step (stmt)) == XS_DB_ROW)
    {
      g_autoptr(XsHistoryEntry) entry = g_new0 (XsHistoryEntry, 1);
      const char *detail = _xs_db_column_text (stmt, 5);
      const char *title = _xs_db_column_text (stmt, 6);
      int year = _xs_db_column_int (stmt, 7);

      entry->id = _xs_db_column_int64 (stmt, 0);
      entry->at = g_strdup (_xs_db_column_text (stmt, 1));
      entry->entity = g_strdup (_xs_db_column_text (stmt, 2));
      entry->entity_id = _xs_db_column_int64 (stmt, 3);
      entry->action = g_strdup (_xs_db_column_text (stmt, 4));
      entry->import_id = _xs_db_column_int64 (stmt, 8);

      if (g_str_equal (entry->entity, "trainee"))
        entry->text = trainee_sentence (entry->action, detail);
      else if (g_str_equal (entry->entity, "claim"))
        entry->text = claim_sentence (&context, entry->entity_id, title, year, entry->action, detail);
      else if (g_str_equal (entry->entity, "certificate"))
        entry->text = certificate_sentence (entry->action, detail);
      if (entry->text == NULL)
        /* Translators: an entry the program does not know how to say: “claim 12: frobnicate” */
        entry->text = g_strdup_printf (_("%s %lld: %s"), entry->entity,
                                       (long long) entry->entity_id, entry->action);
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }
  if (rc != XS_DB_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
