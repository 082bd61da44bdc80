/* xs-cli-stats.c: at-risk and stats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "xs-at-risk.h"
#include "xs-cli.h"
#include "xs-date.h"
#include "xs-id-number.h"
#include "xs-safe-text.h"
#include "xs-stats.h"

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
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (root, TRUE);

  printf ("%s\n", text);
}

/* Bit c of @right is set when column c is aligned right (numbers). */
static void
append_table_row (GString           *out,
                  const char * const *cells,
                  const int          *widths,
                  gsize               n,
                  guint               right)
{
  for (gsize c = 0; c < n; c++)
    {
      xs_cli_append_padded (out, cells[c], widths[c], (right & (1u << c)) != 0);
      g_string_append (out, c + 1 < n ? "  " : "\n");
    }
}

static gboolean
check_format (const char *command,
              const char *format)
{
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv")
      && !g_str_equal (format, "json"))
    {
      xs_cli_usage_error (command, _("--format is table, csv or json."));
      return FALSE;
    }
  return TRUE;
}

/* at-risk */

static void
print_at_risk_table (XsAtRisk *at_risk,
                     gboolean  all)
{
  XsProgress *progress = xs_at_risk_get_progress (at_risk);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *headers[] = { _("Name"), _("Identity number"), _("Employer"), _("Needed"),
                            _("By year’s end"), _("What is lacking") };
  int widths[] = { 8, 18, 22, 6, 13, 0 };

  printf (g_dngettext (GETTEXT_PACKAGE, "Year %d, as of %s: %u of %u trainee not yet qualified is at risk.\n",
                       "Year %d, as of %s: %u of %u trainees not yet qualified are at risk.\n",
                       xs_at_risk_get_n_entries (at_risk)),
          xs_progress_get_year (progress), xs_at_risk_get_date (at_risk),
          xs_at_risk_count_at_risk (at_risk), xs_at_risk_get_n_entries (at_risk));
  if (xs_at_risk_get_makeup_until (at_risk) != NULL)
    printf (_("%d is not closed: its public hours can be made up until %s.\n"),
            xs_progress_get_year (progress), xs_at_risk_get_makeup_until (at_risk));
  else if (xs_at_risk_get_closed (at_risk))
    printf (_("%d is closed: no hours can be added to it any more.\n"), xs_progress_get_year (progress));
  printf ("%s\n\n", _("Needed: further hours that meet every requirement; by year’s end: hours the pace so far adds."));

  /* names and employers as wide as the widest shown, within reason */
  widths[0] = xs_cli_text_width (headers[0]);
  widths[2] = xs_cli_text_width (headers[2]);
  for (guint i = 0; i < xs_at_risk_get_n_entries (at_risk); i++)
    {
      const XsAtRiskEntry *entry = xs_at_risk_get_entry (at_risk, i);

      if (!all && !entry->at_risk)
        continue;
      widths[0] = MAX (widths[0], MIN (XS_CLI_NAME_COLUMNS, xs_cli_text_width (entry->row->name)));
      widths[2] = MAX (widths[2], MIN (XS_CLI_EMPLOYER_COLUMNS, xs_cli_text_width (entry->row->employer)));
    }
  append_table_row (out, headers, widths, G_N_ELEMENTS (headers), 0x18);
  for (guint i = 0; i < xs_at_risk_get_n_entries (at_risk); i++)
    {
      const XsAtRiskEntry *entry = xs_at_risk_get_entry (at_risk, i);
      g_autofree char *masked = NULL;
      g_autofree char *needed = NULL;
      g_autofree char *projected = NULL;

      if (!all && !entry->at_risk)
        continue;
      masked = xs_id_number_mask (entry->row->id_number);
      needed = xs_hours_format (entry->still_needed);
      projected = xs_hours_format (entry->projected);
      {
        const char *cells[] = { entry->row->name, masked, entry->row->employer, needed, projected,
                                entry->summary };

        append_table_row (out, cells, widths, G_N_ELEMENTS (cells), 0x18);
      }
      if (entry->scan_problem != NULL)
        {
          g_autofree char *safe = xs_safe_text_for_terminal (entry->scan_problem);

          /* Translators: under a trainee of the at-risk table */
          g_string_append_printf (out, _("  Scan check: %s\n"), safe);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

static void
print_at_risk_csv (XsAtRisk *at_risk,
                   gboolean  all)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append (out, "id_number,name,employer,lack_compulsory,lack_public,lack_professional,"
                        "lack_total,still_needed,projected,at_risk,lacking,scan_problem\r\n");
  for (guint i = 0; i < xs_at_risk_get_n_entries (at_risk); i++)
    {
      const XsAtRiskEntry *entry = xs_at_risk_get_entry (at_risk, i);
      int hours[] = { entry->lack_compulsory, entry->lack_public, entry->lack_professional,
                      entry->lack_total, entry->still_needed, entry->projected };

      if (!all && !entry->at_risk)
        continue;
      xs_safe_text_append_csv_cell (out, entry->row->id_number);
      g_string_append_c (out, ',');
      xs_safe_text_append_csv_cell (out, entry->row->name);
      g_string_append_c (out, ',');
      xs_safe_text_append_csv_cell (out, entry->row->employer);
      for (gsize h = 0; h < G_N_ELEMENTS (hours); h++)
        {
          g_autofree char *text = xs_hours_format (hours[h]);

          g_string_append_printf (out, ",%s", text);
        }
      g_string_append_printf (out, ",%s,", entry->at_risk ? "yes" : "no");
      xs_safe_text_append_csv_cell (out, entry->summary);
      g_string_append_c (out, ',');
      xs_safe_text_append_csv_cell (out, entry->scan_problem ? entry->scan_problem : "");
      g_string_append (out, "\r\n");
    }
  fwrite (out->str, 1, out->len, stdout);
}

static void
print_at_risk_json (XsAtRisk *at_risk,
                    gboolean  all)
{
  XsProgress *progress = xs_at_risk_get_progress (at_risk);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, xs_progress_get_year (progress));
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, xs_at_risk_get_date (at_risk));
  json_builder_set_member_name (builder, "closed");
  json_builder_add_boolean_value (builder, xs_at_risk_get_closed (at_risk));
  json_builder_set_member_name (builder, "makeup_until");
  if (xs_at_risk_get_makeup_until (at_risk) != NULL)
    json_builder_add_string_value (builder, xs_at_risk_get_makeup_until (at_risk));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "not_qualified");
  json_builder_add_int_value (builder, xs_at_risk_get_n_entries (at_risk));
  json_builder_set_member_name (builder, "at_risk");
  json_builder_add_int_value (builder, xs_at_risk_count_at_risk (at_risk));
  json_builder_set_member_name (builder, "trainees");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xs_at_risk_get_n_entries (at_risk); i++)
    {
      const XsAtRiskEntry *entry = xs_at_risk_get_entry (at_risk, i);

      if (!all && !entry->at_risk)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id_number");
      json_builder_add_string_value (builder, entry->row->id_number);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, entry->row->name);
      json_builder_set_member_name (builder, "employer");
      json_builder_add_string_value (builder, entry->row->employer);
      add_hours (builder, "lack_compulsory", entry->lack_compulsory);
      add_hours (builder, "lack_public", entry->lack_public);
      add_hours (builder, "lack_professional", entry->lack_professional);
      add_hours (builder, "lack_total", entry->lack_total);
      add_hours (builder, "still_needed", entry->still_needed);
      add_hours (builder, "projected", entry->projected);
      json_builder_set_member_name (builder, "at_risk");
      json_builder_add_boolean_value (builder, entry->at_risk);
      json_builder_set_member_name (builder, "lacking");
      json_builder_add_string_value (builder, entry->summary);
      json_builder_set_member_name (builder, "scan_problem");
      if (entry->scan_problem != NULL)
        json_builder_add_string_value (builder, entry->scan_problem);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  print_json (builder);
}

int
xs_cli_at_risk (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsAtRisk) at_risk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *format = NULL;
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year (default: the year of --date)"), "Y" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Judge the pace as on this day (default: today)"), "YYYY-MM-DD" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("List every trainee not yet qualified, at risk or not"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table, csv or json"), N_("FORMAT") },
    { NULL }
  };
  GDate today;
  int year;

  if (!xs_cli_parse ("at-risk", NULL,
                     _("Trainees who will not reach the year’s requirement at their pace so far (approved and submitted hours per month), with what each still lacks."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("at-risk", _("Unexpected argument “%s”."), argv[1]);
  if (!check_format ("at-risk", format))
    return XS_CLI_USAGE;

  g_date_clear (&today, 1);
  if (date_text == NULL)
    g_date_set_time_t (&today, time (NULL));
  else if (!xs_date_parse (date_text, &today, &error))
    return xs_cli_usage_error ("at-risk", "%s", error->message);
  year = g_date_get_year (&today);
  if (year_text != NULL && !xs_cli_parse_year (year_text, &year))
    return XS_CLI_USAGE;

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  at_risk = xs_at_risk_compute (db, year, &today, &error);
  if (at_risk == NULL)
    return xs_cli_refuse (error);

  if (format == NULL || g_str_equal (format, "table"))
    print_at_risk_table (at_risk, all);
  else if (g_str_equal (format, "csv"))
    print_at_risk_csv (at_risk, all);
  else
    print_at_risk_json (at_risk, all);
  return XS_CLI_OK;
}

/* stats */

static const char *
group_label (XsStats          *stats,
             const XsStatsRow *row)
{
  if (*row->group != '\0')
    return row->group;
  return xs_stats_get_grouping (stats) == XS_STATS_BY_COUNTY ? _("(no county recorded)") : "";
}

static void
print_stats_table (XsStats *stats)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean by_employer = xs_stats_get_grouping (stats) == XS_STATS_BY_EMPLOYER;
  const char *headers[] = { by_employer ? _("Employer") : _("County"), _("Trainees"), _("Qualified"),
                            _("In progress"), _("Missing evidence") };
  int widths[] = { 0, 10, 10, 12, 16 };

  printf (by_employer ? _("Year %d, per employer:\n\n") : _("Year %d, per county:\n\n"),
          xs_stats_get_year (stats));
  /* the groups as wide as the widest, within reason */
  widths[0] = MAX (xs_cli_text_width (headers[0]), xs_cli_text_width (_("Total")));
  for (guint i = 0; i < xs_stats_get_n_rows (stats); i++)
    widths[0] = MAX (widths[0], MIN (XS_CLI_EMPLOYER_COLUMNS,
                                     xs_cli_text_width (group_label (stats, xs_stats_get_row (stats, i)))));
  append_table_row (out, headers, widths, G_N_ELEMENTS (headers), 0x1e);
  for (guint i = 0; i <= xs_stats_get_n_rows (stats); i++)
    {
      gboolean total = i == xs_stats_get_n_rows (stats);
      const XsStatsRow *row = total ? xs_stats_get_total (stats) : xs_stats_get_row (stats, i);
      g_autofree char *n = g_strdup_printf ("%u", row->trainees);
      g_autofree char *q = g_strdup_printf ("%u", row->qualified);
      g_autofree char *p = g_strdup_printf ("%u", row->in_progress);
      g_autofree char *m = g_strdup_printf ("%u", row->missing_evidence);
      const char *cells[] = { total ? _("Total") : group_label (stats, row), n, q, p, m };

      append_table_row (out, cells, widths, G_N_ELEMENTS (cells), 0x1e);
    }
  fwrite (out->str, 1, out->len, stdout);
}

static void
print_stats_csv (XsStats *stats)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append (out, xs_stats_get_grouping (stats) == XS_STATS_BY_EMPLOYER ? "employer" : "county");
  g_string_append (out, ",trainees,qualified,in_progress,missing_evidence\r\n");
  for (guint i = 0; i < xs_stats_get_n_rows (stats); i++)
    {
      const XsStatsRow *row = xs_stats_get_row (stats, i);

      xs_safe_text_append_csv_cell (out, row->group);
      g_string_append_printf (out, ",%u,%u,%u,%u\r\n", row->trainees, row->qualified,
                              row->in_progress, row->missing_evidence);
    }
  fwrite (out->str, 1, out->len, stdout);
}

static void
add_counts (JsonBuilder      *builder,
            const XsStatsRow *row)
{
  json_builder_set_member_name (builder, "trainees");
  json_builder_add_int_value (builder, row->trainees);
  json_builder_set_member_name (builder, "qualified");
  json_builder_add_int_value (builder, row->qualified);
  json_builder_set_member_name (builder, "in_progress");
  json_builder_add_int_value (builder, row->in_progress);
  json_builder_set_member_name (builder, "missing_evidence");
  json_builder_add_int_value (builder, row->missing_evidence);
}

static void
print_stats_json (XsStats *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *by = xs_stats_get_grouping (stats) == XS_STATS_BY_EMPLOYER ? "employer" : "county";

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, xs_stats_get_year (stats));
  json_builder_set_member_name (builder, "by");
  json_builder_add_string_value (builder, by);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; i < xs_stats_get_n_rows (stats); i++)
    {
      const XsStatsRow *row = xs_stats_get_row (stats, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, by);
      json_builder_add_string_value (builder, row->group);
      add_counts (builder, row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_begin_object (builder);
  add_counts (builder, xs_stats_get_total (stats));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  print_json (builder);
}

int
xs_cli_stats (const XsCliGlobals *globals,
              int                 argc,
              char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *by = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year (default: this year)"), "Y" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("employer or county (default: employer; with --out, both)"), N_("GROUPING") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("table, csv or json"), N_("FORMAT") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write an XLSX workbook to this file instead"), N_("FILE.xlsx") },
    { NULL }
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  if (!xs_cli_parse ("stats", NULL,
                     _("Trainees, qualified, in progress and missing evidence per employer or county."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("stats", _("Unexpected argument “%s”."), argv[1]);
  if (!check_format ("stats", format))
    return XS_CLI_USAGE;
  if (by != NULL && !g_str_equal (by, "employer") && !g_str_equal (by, "county"))
    return xs_cli_usage_error ("stats", _("--by is employer or county."));
  if (out != NULL && format != NULL)
    return xs_cli_usage_error ("stats", _("--out writes XLSX; leave out --format."));
  if (year_text != NULL && !xs_cli_parse_year (year_text, &year))
    return XS_CLI_USAGE;

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;

  for (int g = XS_STATS_BY_EMPLOYER; g <= XS_STATS_BY_COUNTY; g++)
    {
      XsStats *stats;

      if (by != NULL ? !g_str_equal (by, g == XS_STATS_BY_EMPLOYER ? "employer" : "county")
                     : (out == NULL && g != XS_STATS_BY_EMPLOYER))
        continue;
      stats = xs_stats_compute (db, year, g, &error);
      if (stats == NULL)
        return xs_cli_refuse (error);
      g_ptr_array_add (sheets, stats);
    }

  if (out != NULL)
    {
      if (!xs_stats_write_xlsx (sheets, out, &error))
        return xs_cli_refuse (error);
      printf (_("Statistics of %d written to %s\n"), year, out);
    }
  else if (format == NULL || g_str_equal (format, "table"))
    print_stats_table (g_ptr_array_index (sheets, 0));
  else if (g_str_equal (format, "csv"))
    print_stats_csv (g_ptr_array_index (sheets, 0));
  else
    print_stats_json (g_ptr_array_index (sheets, 0));
  return XS_CLI_OK;
}
