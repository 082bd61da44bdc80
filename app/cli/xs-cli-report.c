/* xs-cli-report.c: progress, rules, check and demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "xs-check.h"
#include "xs-cli.h"
#include "xs-date.h"
#include "xs-demo.h"
#include "xs-id-number.h"
#include "xs-progress.h"
#include "xs-rules.h"
#include "xs-safe-text.h"

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

/* Hours as a JSON number: 24 rather than 24.0 when whole. */
static void
add_hours (JsonBuilder *builder,
           const char  *member,
           int          tenths)
{
  json_builder_set_member_name (builder, member);
  if (tenths % 10 == 0)
    json_builder_add_int_value (builder, tenths / 10);
  else
    json_builder_add_double_value (builder, tenths / 10.0);
}

static void
print_progress_json (XsProgress *progress)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  XsRuleSet *rules = xs_progress_get_rule_set (progress);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, xs_progress_get_year (progress));
  json_builder_set_member_name (builder, "rule_set");
  json_builder_add_string_value (builder, xs_rule_set_get_id (rules));
  json_builder_set_member_name (builder, "trainees");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xs_progress_get_n_rows (progress); i++)
    {
      const XsProgressRow *row = xs_progress_get_row (progress, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id_number");
      json_builder_add_string_value (builder, row->id_number);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, row->name);
      json_builder_set_member_name (builder, "employer");
      json_builder_add_string_value (builder, row->employer);
      add_hours (builder, "public", row->public_hours);
      add_hours (builder, "compulsory", row->compulsory);
      add_hours (builder, "professional", row->professional);
      add_hours (builder, "total", row->total);
      add_hours (builder, "pending_public", row->pending_public);
      add_hours (builder, "pending_professional", row->pending_professional);
      add_hours (builder, "required_public", xs_rule_set_get_required_public (rules));
      add_hours (builder, "required_compulsory", xs_rule_set_get_required_compulsory (rules));
      add_hours (builder, "required_professional", xs_rule_set_get_required_professional (rules));
      add_hours (builder, "required_total", xs_rule_set_get_required_total (rules));
      json_builder_set_member_name (builder, "qualified");
      json_builder_add_boolean_value (builder, row->qualified);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
print_progress_csv (XsProgress *progress)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append (out, "id_number,name,employer,public,compulsory,professional,total,"
                        "pending_public,pending_professional,qualified\r\n");
  for (guint i = 0; i < xs_progress_get_n_rows (progress); i++)
    {
      const XsProgressRow *row = xs_progress_get_row (progress, i);
      int hours[] = { row->public_hours, row->compulsory, row->professional, row->total,
                      row->pending_public, row->pending_professional };

      xs_safe_text_append_csv_cell (out, row->id_number);
      g_string_append_c (out, ',');
      xs_safe_text_append_csv_cell (out, row->name);
      g_string_append_c (out, ',');
      xs_safe_text_append_csv_cell (out, row->employer);
      for (gsize h = 0; h < G_N_ELEMENTS (hours); h++)
        {
          g_autofree char *text = xs_hours_format (hours[h]);

          g_string_append_printf (out, ",%s", text);
        }
      g_string_append_printf (out, ",%s\r\n", row->qualified ? "yes" : "no");
      if (out->len > 1 << 20)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

/* "18/30" or "18/30 (+6)" with pending hours */
static char *
format_of (int approved,
           int pending,
           int required)
{
  g_autofree char *a = xs_hours_format (approved);
  g_autofree char *r = xs_hours_format (required);

  if (pending > 0)
    {
      g_autofree char *p = xs_hours_format (pending);

      return g_strdup_printf ("%s/%s (+%s)", a, r, p);
    }
  return g_strdup_printf ("%s/%s", a, r);
}

static void
print_progress_table (XsProgress *progress)
{
  XsRuleSet *rules = xs_progress_get_rule_set (progress);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *headers[] = { _("Name"), _("Identity number"), _("Employer"), _("Public"),
                            _("Compulsory"), _("Professional"), _("Total"), _("Status") };
  int widths[] = { 8, 18, 22, 14, 14, 14, 14, 0 };

  printf (g_dngettext (GETTEXT_PACKAGE, "Year %d, rule set %s (%s): %u trainee, %u qualified\n",
                       "Year %d, rule set %s (%s): %u trainees, %u qualified\n", xs_progress_get_n_rows (progress)),
          xs_progress_get_year (progress), xs_rule_set_get_id (rules),
          xs_rule_set_get_source (rules),
          xs_progress_get_n_rows (progress), xs_progress_count_qualified (progress));
  printf ("%s\n\n", _("Hours are approved/required; (+N) are submitted and awaiting review."));

  /* names and employers as wide as the widest, within reason */
  widths[0] = xs_cli_text_width (headers[0]);
  widths[2] = xs_cli_text_width (headers[2]);
  for (guint i = 0; i < xs_progress_get_n_rows (progress); i++)
    {
      const XsProgressRow *row = xs_progress_get_row (progress, i);

      widths[0] = MAX (widths[0], MIN (XS_CLI_NAME_COLUMNS, xs_cli_text_width (row->name)));
      widths[2] = MAX (widths[2], MIN (XS_CLI_EMPLOYER_COLUMNS, xs_cli_text_width (row->employer)));
    }

  for (gsize c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      xs_cli_append_padded (out, headers[c], widths[c], FALSE);
      g_string_append (out, c + 1 < G_N_ELEMENTS (headers) ? "  " : "\n");
    }

  for (guint i = 0; i < xs_progress_get_n_rows (progress); i++)
    {
      const XsProgressRow *row = xs_progress_get_row (progress, i);
      g_autofree char *masked = xs_id_number_mask (row->id_number);
      g_autofree char *pub = format_of (row->public_hours, row->pending_public,
                                        xs_rule_set_get_required_public (rules));
      g_autofree char *comp = format_of (row->compulsory, row->pending_compulsory,
                                         xs_rule_set_get_required_compulsory (rules));
      g_autofree char *prof = format_of (row->professional, row->pending_professional,
                                         xs_rule_set_get_required_professional (rules));
      g_autofree char *total = format_of (row->total, row->pending_total,
                                          xs_rule_set_get_required_total (rules));
      const char *cells[] = { row->name, masked, row->employer, pub, comp, prof, total,
                              row->qualified ? _("qualified") : _("in progress") };

      for (gsize c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          xs_cli_append_padded (out, cells[c], widths[c], FALSE);
          g_string_append (out, c + 1 < G_N_ELEMENTS (cells) ? "  " : "\n");
        }
      if (out->len > 1 << 20)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

int
xs_cli_progress (const XsCliGlobals *globals,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year (default: this year)"), "Y" },
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_text, N_("Only this trainee"), "N" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table, csv or json"), N_("FORMAT") },
    { NULL }
  };
  int year = current_year ();

  if (!xs_cli_parse ("progress", NULL, _("Each trainee’s approved and pending hours toward the year’s requirement."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("progress", _("Unexpected argument “%s”."), argv[1]);
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv")
      && !g_str_equal (format, "json"))
    return xs_cli_usage_error ("progress", _("--format is table, csv or json."));
  if (year_text != NULL && !xs_cli_parse_year (year_text, &year))
    return XS_CLI_USAGE;
  if (id_text != NULL && (id_number = xs_id_number_normalize (id_text, &error)) == NULL)
    return xs_cli_refuse (error);

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  progress = xs_progress_compute (db, year, id_number, &error);
  if (progress == NULL)
    return xs_cli_refuse (error);
  if (id_number != NULL && xs_progress_get_n_rows (progress) == 0)
    {
      g_autofree char *masked = xs_id_number_mask (id_number);

      fprintf (stderr, _("xueshi-cli: %s is not on the roster.\n"), masked);
      return XS_CLI_REFUSED;
    }

  if (format == NULL || g_str_equal (format, "table"))
    print_progress_table (progress);
  else if (g_str_equal (format, "csv"))
    print_progress_csv (progress);
  else
    print_progress_json (progress);
  return XS_CLI_OK;
}

static void
print_rules_json (XsRuleSet *rules,
                  int        year)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GListModel *kinds = xs_rule_set_get_kinds (rules);
  GDate from, to;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, year);
  json_builder_set_member_name (builder, "rule_set");
  json_builder_add_string_value (builder, xs_rule_set_get_id (rules));
  json_builder_set_member_name (builder, "rule_set_year");
  json_builder_add_int_value (builder, xs_rule_set_get_year (rules));
  json_builder_set_member_name (builder, "carried_over");
  json_builder_add_boolean_value (builder, year != xs_rule_set_get_year (rules));
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, xs_rule_set_get_source (rules));
  add_hours (builder, "required_total", xs_rule_set_get_required_total (rules));
  add_hours (builder, "required_public", xs_rule_set_get_required_public (rules));
  add_hours (builder, "required_compulsory", xs_rule_set_get_required_compulsory (rules));
  add_hours (builder, "required_professional", xs_rule_set_get_required_professional (rules));
  if (xs_rule_set_get_makeup_window (rules, &from, &to))
    {
      g_autofree char *f = xs_date_to_iso (&from);
      g_autofree char *t = xs_date_to_iso (&to);

      json_builder_set_member_name (builder, "public_makeup");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, f);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, t);
      json_builder_end_object (builder);
    }
  {
    gboolean warn;

    if (xs_rule_set_get_public_study_from (rules, &from, &warn))
      {
        g_autofree char *f = xs_date_to_iso (&from);

        json_builder_set_member_name (builder, "public_study");
        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "from");
        json_builder_add_string_value (builder, f);
        json_builder_set_member_name (builder, "before");
        json_builder_add_string_value (builder, warn ? "warn" : "refuse");
        json_builder_end_object (builder);
      }
  }
  add_hours (builder, "total_counts_public_up_to", xs_rule_set_get_required_public (rules));
  json_builder_set_member_name (builder, "batch_without_evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(XsClaimKind) kind = g_list_model_get_item (kinds, i);

      if (xs_claim_kind_get_batch_without_evidence (kind))
        json_builder_add_int_value (builder, xs_claim_kind_get_number (kind));
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(XsClaimKind) kind = g_list_model_get_item (kinds, i);
      const char * const *variants = xs_claim_kind_get_variants (kind);
      XsClaim probe = { 0 };

      probe.category = XS_CATEGORY_PROFESSIONAL;
      probe.kind = xs_claim_kind_get_number (kind);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_int_value (builder, xs_claim_kind_get_number (kind));
      json_builder_set_member_name (builder, "name_zh");
      json_builder_add_string_value (builder, xs_claim_kind_get_name_zh (kind));
      json_builder_set_member_name (builder, "name_en");
      json_builder_add_string_value (builder, xs_claim_kind_get_name_en (kind));
      json_builder_set_member_name (builder, "requires_plan_ref");
      json_builder_add_boolean_value (builder, xs_claim_kind_get_requires_plan_ref (kind));
      json_builder_set_member_name (builder, "computed_hours");
      json_builder_add_boolean_value (builder, xs_claim_kind_get_computed_hours (kind));
      if (xs_claim_kind_get_max_hours (kind) > 0)
        add_hours (builder, "max_hours", xs_claim_kind_get_max_hours (kind));
      else
        {
          json_builder_set_member_name (builder, "max_hours");
          json_builder_add_null_value (builder);
        }
      json_builder_set_member_name (builder, "decided_by");
      json_builder_add_string_value (builder, xs_review_side_to_string (xs_claim_kind_get_decided_by (kind)));
      json_builder_set_member_name (builder, "batch_without_evidence");
      json_builder_add_boolean_value (builder, xs_claim_kind_get_batch_without_evidence (kind));
      if (xs_claim_kind_get_year_max_months (kind) > 0 || xs_claim_kind_get_year_max_hours (kind) > 0)
        {
          json_builder_set_member_name (builder, "year_limits");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "max_months");
          json_builder_add_int_value (builder, xs_claim_kind_get_year_max_months (kind));
          add_hours (builder, "max_hours", xs_claim_kind_get_year_max_hours (kind));
          json_builder_end_object (builder);
          json_builder_set_member_name (builder, "absence_more_than_months");
          json_builder_begin_object (builder);
          for (guint v = 0; variants != NULL && variants[v] != NULL; v++)
            {
              json_builder_set_member_name (builder, variants[v]);
              json_builder_add_int_value (builder, xs_claim_kind_get_months_more_than (kind, variants[v]));
            }
          json_builder_end_object (builder);
        }
      json_builder_set_member_name (builder, "variants");
      json_builder_begin_object (builder);
      for (guint v = 0; variants == NULL ? v < 1 : variants[v] != NULL; v++)
        {
          const char * const *materials;

          probe.variant = variants ? (char *) variants[v] : NULL;
          materials = xs_rule_set_get_required_materials (rules, &probe);
          json_builder_set_member_name (builder, probe.variant ? probe.variant : "");
          json_builder_begin_array (builder);
          for (guint m = 0; materials && materials[m]; m++)
            json_builder_add_string_value (builder, materials[m]);
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  printf ("%s\n", text);
}

static void
print_rules_text (XsRuleSet *rules,
                  int        year)
{
  g_autofree char *text = xs_rule_set_describe (rules, year);

  fputs (text, stdout);
}

int
xs_cli_rules (const XsCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(XsRuleSet) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year (default: this year)"), "Y" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or json"), N_("FORMAT") },
    { NULL }
  };
  int year = current_year ();

  if (!xs_cli_parse ("rules", NULL, _("The requirements and claim kinds that apply to a year."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text"))
    return xs_cli_usage_error ("rules", _("--format is text or json."));
  if (year_text != NULL && !xs_cli_parse_year (year_text, &year))
    return XS_CLI_USAGE;

  rules = xs_rule_set_for_year (year, &error);
  if (rules == NULL)
    return xs_cli_refuse (error);
  if (format != NULL && g_str_equal (format, "json"))
    print_rules_json (rules, year);
  else
    print_rules_text (rules, year);
  return XS_CLI_OK;
}

int
xs_cli_check (const XsCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = { { NULL } };

  if (!xs_cli_parse ("check", NULL, _("Check the database and re-hash every evidence file."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  problems = xs_check_run (db, NULL, &error);
  if (problems == NULL)
    return xs_cli_refuse (error);
  for (guint i = 0; i < problems->len; i++)
    xs_cli_put_lines (stdout, g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return XS_CLI_REFUSED;
  printf ("%s\n", _("ok: the database and every evidence file are intact"));
  return XS_CLI_OK;
}

int
xs_cli_demo (const XsCliGlobals *globals,
             int                 argc,
             char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  int trainees = 300;
  int seed = 2018;
  GOptionEntry entries[] = {
    { "trainees", 0, 0, G_OPTION_ARG_INT, &trainees, N_("How many trainees (default 300)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generator (same seed, same base)"), "S" },
    { NULL }
  };

  if (!xs_cli_parse ("demo", NULL, _("Fill an empty database with a realistic demo base."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (trainees < 1 || trainees > 100000)
    return xs_cli_usage_error ("demo", _("--trainees is between 1 and 100000."));
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if (!xs_demo_populate (db, trainees, (guint32) seed, NULL, &error))
    return xs_cli_refuse (error);
  printf (_("Demo base with %d trainees written to %s\n"), trainees, xs_db_get_path (db));
  return XS_CLI_OK;
}
