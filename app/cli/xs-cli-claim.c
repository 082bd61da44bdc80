/* xs-cli-claim.c: claim and review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "xs-claim-store.h"
#include "xs-cli.h"
#include "xs-date.h"
#include "xs-evidence.h"
#include "xs-evidence-text.h"
#include "xs-recognise.h"
#include "xs-id-number.h"
#include "xs-trainee-store.h"

typedef struct
{
  char     *id_number;
  char     *year;
  gboolean  public;
  gboolean  compulsory;
  int       kind;
  char     *variant;
  char     *plan_ref;
  char     *absence;
  double    months;
  char     *hours;
  char     *title;
  char     *date;
} AddOptions;

static void
add_options_clear (AddOptions *o)
{
  g_free (o->id_number);
  g_free (o->year);
  g_free (o->variant);
  g_free (o->plan_ref);
  g_free (o->absence);
  g_free (o->hours);
  g_free (o->title);
  g_free (o->date);
}

/* Turns the options into a claim; returns an exit status other than OK when
 * they do not make one. */
static int
claim_from_options (XsDb             *db,
                    const AddOptions *o,
                    XsClaim          *claim)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id_number = NULL;
  gint64 trainee_id;

  if (o->id_number == NULL || o->year == NULL || o->title == NULL || o->date == NULL)
    return xs_cli_usage_error ("claim add", _("--id-number, --year, --title and --date are required."));
  if (o->public == (o->kind != 0))
    return xs_cli_usage_error ("claim add", _("Give either --public or --kind."));
  if (o->compulsory && !o->public)
    return xs_cli_usage_error ("claim add", _("--compulsory goes with --public."));
  if ((o->absence != NULL) != (o->months != 0))
    return xs_cli_usage_error ("claim add", _("--absence and --months go together."));

  id_number = xs_id_number_normalize (o->id_number, &error);
  if (id_number == NULL)
    return xs_cli_refuse (error);
  trainee_id = xs_trainee_store_find_id (db, id_number, &error);
  if (trainee_id < 0)
    return xs_cli_refuse (error);
  if (trainee_id == 0)
    {
      g_autofree char *masked = xs_id_number_mask (id_number);

      fprintf (stderr, _("xueshi-cli: %s is not on the roster; import the roster first.\n"), masked);
      return XS_CLI_REFUSED;
    }

  claim->trainee_id = trainee_id;
  claim->source = XS_SOURCE_INDIVIDUAL;
  claim->category = o->public ? XS_CATEGORY_PUBLIC : XS_CATEGORY_PROFESSIONAL;
  claim->compulsory = o->compulsory;
  claim->kind = o->kind;
  claim->variant = g_strdup (o->variant);
  claim->plan_ref = g_strdup (o->plan_ref);
  claim->title = g_strdup (o->title);
  claim->absence_months = o->months;

  if (o->absence != NULL && !xs_absence_from_string (o->absence, &claim->absence))
    return xs_cli_usage_error ("claim add", _("--absence is one of abroad, sick-leave, maternity, other."));
  if (!xs_year_parse (o->year, &claim->year, &error)
      || !xs_date_parse (o->date, &claim->date, &error))
    return xs_cli_refuse (error);
  if (o->hours != NULL && !xs_hours_parse (o->hours, &claim->hours, &error))
    return xs_cli_refuse (error);
  if (o->hours == NULL && claim->absence == XS_ABSENCE_NONE)
    return xs_cli_usage_error ("claim add", _("--hours is required (kind 15 computes it from --months)."));
  return XS_CLI_OK;
}

#define CLAIM_ADD_SUMMARY N_("Add an individual claim as a draft; prints its number.")
#define CLAIM_ATTACH_SUMMARY N_("Attach evidence scans (PDF, JPEG, PNG) to a claim.")
#define CLAIM_SUBMIT_SUMMARY N_("Submit a claim for review once its evidence is complete.")
#define CLAIM_WITHDRAW_SUMMARY N_("Take a submitted claim back to draft, so that it can be corrected.")
#define CLAIM_REOPEN_SUMMARY N_("Take a rejected claim back to draft, so that it can be corrected and submitted again.")
#define CLAIM_SHOW_SUMMARY N_("Show a claim, its evidence and what is missing.")
#define REVIEW_SUMMARY N_("Record a review decision on submitted claims.")

static int
claim_add (const XsCliGlobals *globals,
           int                 argc,
           char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  AddOptions o = { 0 };
  GOptionEntry entries[] = {
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &o.id_number, N_("The trainee’s identity number"), "N" },
    { "year", 0, 0, G_OPTION_ARG_STRING, &o.year, N_("The year the hours count for"), "Y" },
    { "public", 0, 0, G_OPTION_ARG_NONE, &o.public, N_("Public subjects (公需科目)"), NULL },
    { "compulsory", 0, 0, G_OPTION_ARG_NONE, &o.compulsory, N_("Compulsory public subjects (必修)"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_INT, &o.kind, N_("Professional claim kind, 1–16"), "K" },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &o.variant, N_("Variant of the kind"), "V" },
    { "plan-ref", 0, 0, G_OPTION_ARG_STRING, &o.plan_ref, N_("Filed-plan reference (kinds 13 and 14)"), "R" },
    { "absence", 0, 0, G_OPTION_ARG_STRING, &o.absence, N_("Kind 15: abroad, sick-leave, maternity or other"), "A" },
    { "months", 0, 0, G_OPTION_ARG_DOUBLE, &o.months, N_("Kind 15: months absent (halves allowed: 6.5)"), "M" },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &o.hours, N_("Hours"), "H" },
    { "title", 0, 0, G_OPTION_ARG_STRING, &o.title, N_("Course, class or achievement"), "T" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o.date, N_("Date"), "D" },
    { NULL }
  };
  int status;

  g_date_clear (&claim.date, 1);
  if (!xs_cli_parse ("claim add", NULL, _("Add an individual claim as a draft; prints its number."),
                     entries, &argc, &argv))
    status = XS_CLI_USAGE;
  else if (argc > 1)
    status = xs_cli_usage_error ("claim add", _("Unexpected argument “%s”."), argv[1]);
  else if ((db = xs_cli_open_db (globals)) == NULL)
    status = XS_CLI_REFUSED;
  else if ((status = claim_from_options (db, &o, &claim)) == XS_CLI_OK)
    {
      if (!xs_db_begin (db, &error))
        status = xs_cli_refuse (error);
      else if (!xs_claim_store_add (db, &claim, &error))
        {
          xs_db_rollback (db);
          status = xs_cli_refuse (error);
        }
      else if (!xs_db_commit (db, &error))
        status = xs_cli_refuse (error);
      else
        {
          g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (claim.year, NULL);
          g_autofree char *warning = rules != NULL ? xs_rule_set_warn_claim (rules, &claim) : NULL;

          if (warning != NULL)
            g_printerr ("%s\n", warning);
          printf ("%" G_GINT64_FORMAT "\n", claim.id);
        }
    }

  add_options_clear (&o);
  return status;
}

static int
claim_attach (const XsCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *material = NULL;
  gboolean no_recognise = FALSE;
  GOptionEntry entries[] = {
    { "material", 0, 0, G_OPTION_ARG_STRING, &material, N_("Which material the files prove"), N_("CODE") },
    { "no-recognise", 0, 0, G_OPTION_ARG_NONE, &no_recognise, N_("Do not read the text of the pages"), NULL },
    { NULL }
  };
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  gint64 id;

  if (!xs_cli_parse ("claim attach", _("ID FILE…"), _("Attach evidence scans (PDF, JPEG, PNG) to a claim."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc < 3 || material == NULL)
    return xs_cli_usage_error ("claim attach", _("Give --material, the claim number and at least one file."));
  if (!xs_cli_parse_id (argv[1], &id))
    return XS_CLI_USAGE;
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if (!xs_claim_store_attach (db, id, material, (const char * const *) argv + 2, &error))
    return xs_cli_refuse (error);
  if (!xs_recognise_is_supported () || no_recognise)
    return XS_CLI_OK;

  /* What each file says is read now, once, kept with the file (for search
   * and Check Data) and shown, with a warning for another person's number. */
  claim = xs_claim_store_get (db, id, NULL);
  trainee = claim ? xs_trainee_store_get (db, claim->trainee_id, NULL) : NULL;
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (argv[i], FALSE, NULL);
      g_autoptr(GBytes) bytes = mapped ? g_mapped_file_get_bytes (mapped) : NULL;
      g_autofree char *sha256 = bytes ? xs_evidence_hash_bytes (bytes) : NULL;
      g_autoptr(XsRecognition) found = NULL;
      g_autoptr(GError) local_error = NULL;

      if (sha256 == NULL)
        continue;
      fprintf (stderr, "%s:\n", argv[i]);
      found = xs_evidence_recognise (db, sha256, trainee ? trainee->name : NULL, NULL, &local_error);
      if (found == NULL)
        {
          /* the file is attached; only the reading failed */
          fprintf (stderr, "xueshi-cli: %s\n", local_error->message);
          continue;
        }
      xs_cli_print_findings (found, trainee ? trainee->id_number : NULL);
    }
  return XS_CLI_OK;
}

static int
claim_submit (const XsCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 id;

  if (!xs_cli_parse ("claim submit", "ID", _("Submit a claim for review once its evidence is complete."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("claim submit", _("Give one claim number."));
  if (!xs_cli_parse_id (argv[1], &id))
    return XS_CLI_USAGE;
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if (!xs_claim_store_submit (db, id, &error))
    return xs_cli_refuse (error);
  return XS_CLI_OK;
}

static int
claim_withdraw (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (required; it is recorded)"), N_("TEXT") },
    { NULL }
  };
  gint64 id;

  if (!xs_cli_parse ("claim withdraw", "ID",
                     _("Take a submitted claim back to draft, so that it can be corrected."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("claim withdraw", _("Give one claim number."));
  if (reason == NULL)
    return xs_cli_usage_error ("claim withdraw", _("--reason is required: a withdrawal is recorded with its reason."));
  if (!xs_cli_parse_id (argv[1], &id))
    return XS_CLI_USAGE;
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if (!xs_claim_store_withdraw (db, id, reason, &error))
    return xs_cli_refuse (error);
  return XS_CLI_OK;
}

static int
claim_reopen (const XsCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };
  gint64 id;

  if (!xs_cli_parse ("claim reopen", "ID",
                     _("Take a rejected claim back to draft, so that it can be corrected and submitted again."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("claim reopen", _("Give one claim number."));
  if (!xs_cli_parse_id (argv[1], &id))
    return XS_CLI_USAGE;
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if (!xs_claim_store_reopen (db, id, &error))
    return xs_cli_refuse (error);
  return XS_CLI_OK;
}

static JsonNode *
claim_to_json (XsDb          *db,
               const XsClaim *claim,
               XsRuleSet     *rules,
               GPtrArray     *evidence,
               char         **missing)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, claim->trainee_id, NULL);
  g_autofree char *date = xs_date_to_iso (&claim->date);
  g_autofree char *masked = trainee ? xs_id_number_mask (trainee->id_number) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, claim->id);
  json_builder_set_member_name (builder, "id_number");
  json_builder_add_string_value (builder, masked);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, trainee ? trainee->name : NULL);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, claim->year);
  json_builder_set_member_name (builder, "rule_set");
  json_builder_add_string_value (builder, xs_rule_set_get_id (rules));
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, xs_category_to_string (claim->category));
  json_builder_set_member_name (builder, "compulsory");
  json_builder_add_boolean_value (builder, claim->compulsory);
  json_builder_set_member_name (builder, "kind");
  if (claim->kind)
    json_builder_add_int_value (builder, claim->kind);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "variant");
  json_builder_add_string_value (builder, claim->variant);
  json_builder_set_member_name (builder, "hours");
  json_builder_add_double_value (builder, claim->hours / 10.0);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, claim->title);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, xs_source_to_string (claim->source));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, xs_status_to_string (claim->status));
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, claim->reason);
  json_builder_set_member_name (builder, "reviewer");
  json_builder_add_string_value (builder, claim->reviewer);
  json_builder_set_member_name (builder, "decided_by");
  json_builder_add_string_value (builder, xs_review_side_to_string (xs_rule_set_get_review_side (rules, claim)));
  json_builder_set_member_name (builder, "side");
  json_builder_add_string_value (builder, claim->has_side ? xs_review_side_to_string (claim->side) : NULL);
  json_builder_set_member_name (builder, "plan_ref");
  json_builder_add_string_value (builder, claim->plan_ref);
  json_builder_set_member_name (builder, "absence");
  json_builder_add_string_value (builder, xs_absence_to_string (claim->absence));
  json_builder_set_member_name (builder, "absence_months");
  if (claim->absence_months == (gint64) claim->absence_months)
    json_builder_add_int_value (builder, (gint64) claim->absence_months);
  else
    json_builder_add_double_value (builder, claim->absence_months);

  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < evidence->len; i++)
    {
      XsEvidence *e = g_ptr_array_index (evidence, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "material");
      json_builder_add_string_value (builder, e->material);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, e->original_name);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, e->sha256);
      json_builder_set_member_name (builder, "media_type");
      json_builder_add_string_value (builder, e->media_type);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, e->size);
      json_builder_set_member_name (builder, "pages");
      json_builder_add_int_value (builder, e->pages);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "missing_materials");
  json_builder_begin_array (builder);
  for (guint i = 0; missing[i] != NULL; i++)
    json_builder_add_string_value (builder, missing[i]);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
print_claim_text (XsDb          *db,
                  const XsClaim *claim,
                  XsRuleSet     *rules,
                  GPtrArray     *evidence,
                  char         **missing)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, claim->trainee_id, NULL);
  g_autofree char *date = xs_date_to_iso (&claim->date);
  g_autofree char *hours = xs_hours_format (claim->hours);
  g_autofree char *masked = trainee ? xs_id_number_mask (trainee->id_number) : g_strdup ("");
  g_autofree char *title = xs_cli_escape (claim->title);
  g_autofree char *name = xs_cli_escape (trainee ? trainee->name : NULL);
  g_autofree char *reviewer = xs_cli_escape (claim->reviewer);
  g_autofree char *reason = xs_cli_escape (claim->reason);

  printf (_("Claim %lld: %s\n"), (long long) claim->id, title);
  printf (_("  Trainee:   %s %s\n"), name, masked);
  printf (_("  Year:      %d (rule set %s)\n"), claim->year, xs_rule_set_get_id (rules));
  if (claim->category == XS_CATEGORY_PUBLIC)
    printf (_("  Category:  %s%s\n"), xs_category_get_label (claim->category),
            claim->compulsory ? _(", compulsory") : "");
  else
    {
      XsClaimKind *kind = xs_rule_set_lookup_kind (rules, claim->kind);

      printf (_("  Category:  %s, kind %d %s%s%s\n"), xs_category_get_label (claim->category),
              claim->kind, kind ? xs_claim_kind_get_name (kind) : "",
              claim->variant ? " / " : "",
              claim->variant && kind ? xs_claim_kind_get_variant_name (kind, claim->variant) : "");
    }
  printf (_("  Hours:     %s\n"), hours);
  printf (_("  Date:      %s\n"), date);
  printf (_("  Status:    %s\n"), xs_status_get_label (claim->status));
  printf (_("  Decided by: %s\n"), xs_review_side_get_label (xs_rule_set_get_review_side (rules, claim)));
  if (claim->has_side)
    printf (_("  Reviewed:  %s, %s\n"), xs_review_side_get_label (claim->side),
            reviewer);
  if (claim->reason != NULL)
    printf (_("  Reason:    %s\n"), reason);
  for (guint i = 0; i < evidence->len; i++)
    {
      XsEvidence *e = g_ptr_array_index (evidence, i);
      g_autofree char *file_name = xs_cli_escape (e->original_name);

      printf (g_dngettext (GETTEXT_PACKAGE, "  Evidence:  %s: %s (%d page)\n", "  Evidence:  %s: %s (%d pages)\n",
                           e->pages),
              xs_rule_set_get_material_name (rules, e->material), file_name, e->pages);
    }
  for (guint i = 0; missing[i] != NULL; i++)
    printf (_("  Missing:   %s (%s)\n"), xs_rule_set_get_material_name (rules, missing[i]), missing[i]);
}

static int
claim_show (const XsCliGlobals *globals,
            int                 argc,
            char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(XsRuleSet) rules = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or json"), N_("FORMAT") },
    { NULL }
  };
  gint64 id;

  if (!xs_cli_parse ("claim show", "ID", _("Show a claim, its evidence and what is missing."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("claim show", _("Give one claim number."));
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text"))
    return xs_cli_usage_error ("claim show", _("--format is text or json."));
  if (!xs_cli_parse_id (argv[1], &id))
    return XS_CLI_USAGE;
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;

  if ((claim = xs_claim_store_get (db, id, &error)) == NULL
      || (rules = xs_rule_set_for_year (claim->year, &error)) == NULL
      || (evidence = xs_claim_store_list_evidence (db, id, &error)) == NULL
      || (missing = xs_claim_store_get_missing_materials (db, claim, &error)) == NULL)
    return xs_cli_refuse (error);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = claim_to_json (db, claim, rules, evidence, missing);
      g_autofree char *text = json_to_string (node, TRUE);

      printf ("%s\n", text);
    }
  else
    print_claim_text (db, claim, rules, evidence, missing);
  return XS_CLI_OK;
}

int
xs_cli_claim (const XsCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  static const XsCliSubcommand subcommands[] = {
    { "add", "--id-number N --year Y --title T --date D --hours H", claim_add, CLAIM_ADD_SUMMARY },
    { "attach", N_("ID FILE…"), claim_attach, CLAIM_ATTACH_SUMMARY },
    { "scan", N_("ID"), xs_cli_claim_scan, XS_CLI_CLAIM_SCAN_SUMMARY },
    { "submit", "ID", claim_submit, CLAIM_SUBMIT_SUMMARY },
    { "show", "ID", claim_show, CLAIM_SHOW_SUMMARY },
    { "withdraw", "ID", claim_withdraw, CLAIM_WITHDRAW_SUMMARY },
    { "reopen", "ID", claim_reopen, CLAIM_REOPEN_SUMMARY },
  };

  return xs_cli_run_subcommand (globals, "claim", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}

/* argv[0] is "approve" or "reject". */
static int
review_decide (const XsCliGlobals *globals,
               gboolean            approve,
               int                 argc,
               char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *reviewer = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *side_text = NULL;
  gboolean all_submitted = FALSE;
  XsReviewSide side = XS_REVIEW_SIDE_HR;
  GOptionEntry entries[] = {
    { "side", 0, 0, G_OPTION_ARG_STRING, &side_text,
      N_("Who decides: hr (public subjects) or industry (professional subjects); "
         "without it, the side that reviews each claim"), N_("SIDE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (required to reject)"), N_("TEXT") },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer, N_("Who decided"), N_("NAME") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("With --all-submitted: the year"), "Y" },
    { "all-submitted", 0, 0, G_OPTION_ARG_NONE, &all_submitted, N_("Approve every submitted claim of the year"), NULL },
    { NULL }
  };

  if (!xs_cli_parse (approve ? "review approve" : "review reject", _("ID…"),
                     _(REVIEW_SUMMARY), entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (side_text != NULL && !xs_review_side_from_string (side_text, &side))
    return xs_cli_usage_error (approve ? "review approve" : "review reject", _("--side is hr or industry."));

  if (all_submitted)
    {
      int year;
      gint64 n;

      if (!approve || year_text == NULL || argc > 1 || side_text != NULL)
        return xs_cli_usage_error ("review approve", _("--all-submitted goes with “approve --year Y” and no claim numbers."));
      if (!xs_cli_parse_year (year_text, &year))
        return XS_CLI_USAGE;
      if ((db = xs_cli_open_db (globals)) == NULL)
        return XS_CLI_REFUSED;
      if (!xs_db_begin (db, &error))
        return xs_cli_refuse (error);
      n = xs_claim_store_approve_submitted (db, year, reviewer, &error);
      if (n < 0)
        {
          xs_db_rollback (db);
          return xs_cli_refuse (error);
        }
      if (!xs_db_commit (db, &error))
        return xs_cli_refuse (error);
      /* read by scripts: untranslated */
      printf (n == 1 ? "approved %lld claim\n" : "approved %lld claims\n", (long long) n);
      return XS_CLI_OK;
    }

  if (argc < 2)
    return xs_cli_usage_error (approve ? "review approve" : "review reject", _("Give at least one claim number."));
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;

  /* All the decisions or none. */
  if (!xs_db_begin (db, &error))
    return xs_cli_refuse (error);
  for (int i = 1; i < argc; i++)
    {
      gint64 id;

      if (!xs_cli_parse_id (argv[i], &id))
        {
          xs_db_rollback (db);
          return XS_CLI_USAGE;
        }
      if (side_text != NULL
          ? !xs_claim_store_decide_as (db, id, side, approve ? XS_STATUS_APPROVED : XS_STATUS_REJECTED,
                                       reason, reviewer, &error)
          : !xs_claim_store_decide (db, id, approve ? XS_STATUS_APPROVED : XS_STATUS_REJECTED,
                                    reason, reviewer, &error))
        {
          xs_db_rollback (db);
          return xs_cli_refuse (error);
        }
    }
  if (!xs_db_commit (db, &error))
    return xs_cli_refuse (error);
  return XS_CLI_OK;
}

static int
review_approve (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  return review_decide (globals, TRUE, argc, argv);
}

static int
review_reject (const XsCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  return review_decide (globals, FALSE, argc, argv);
}

int
xs_cli_review (const XsCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  static const XsCliSubcommand subcommands[] = {
    { "approve", N_("ID…"), review_approve, N_("Approve submitted claims (or --all-submitted --year Y).") },
    { "reject", N_("ID…"), review_reject, N_("Reject submitted claims, saying why with --reason.") },
  };

  return xs_cli_run_subcommand (globals, "review", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
