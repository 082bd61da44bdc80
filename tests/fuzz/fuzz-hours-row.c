/* fuzz-hours-row.c: one row of an hours sheet, field by field, and the
 * year's rules on the claim it makes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input holds the row's cells one per line, in this order:
 *
 *   identity number, name, year, category, compulsory, hours, kind,
 *   title, date, plan reference
 *
 * as xs_hours_import() reads them (without a class), then three cells the
 * claim editor and the CLI set on a claim but a sheet does not:
 *
 *   variant, absence ("abroad", "sick-leave", …), months of absence
 *
 * Missing lines are empty cells; the last cell keeps any further lines. Each cell is stripped of spaces as the
 * header map hands it over, and goes through its parser; when every cell
 * parses, the claim goes through the year's rule set from the resources as
 * xs_claim_store_add() sends it. Cells that are not UTF-8 are skipped: the
 * table reader never hands out such text (fuzz-csv and fuzz-xlsx check
 * that).
 *
 * The claim kind parser of xs-hours-import.c is private; parse_kind()
 * below is a copy of it.
 */
#define G_LOG_DOMAIN "xs-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "xs-claim.h"
#include "xs-date.h"
#include "xs-header-map.h"
#include "xs-id-number.h"
#include "xs-rules.h"

enum {
  COL_ID_NUMBER,
  COL_NAME,
  COL_YEAR,
  COL_CATEGORY,
  COL_COMPULSORY,
  COL_HOURS,
  COL_KIND,
  COL_TITLE,
  COL_DATE,
  COL_PLAN_REF,
  COL_VARIANT,
  COL_ABSENCE,
  COL_ABSENCE_MONTHS,
  N_COLS
};

/* A copy of xs-hours-import.c's */
static gboolean
parse_kind (const char  *text,
            int         *kind)
{
  char *end = NULL;
  gint64 value;

  value = g_ascii_strtoll (text, &end, 10);
  /* XLSX numbers may come as "3.0" */
  if (end != NULL && g_str_equal (end, ".0"))
    end += 2;
  if (end == text || *end != '\0' || value < 1 || value > 16)
    return FALSE;
  *kind = (int) value;
  return TRUE;
}

static void
check_value_error (const GError *error,
                   int           code)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == XS_VALUE_ERROR && error->code == code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* What xs-hours-import.c's read_claim_fields() does without a class,
 * each parser's result checked on the way. */
static gboolean
read_claim_fields (char    **cells,
                   XsClaim  *claim)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  const char *text;

  claim->source = XS_SOURCE_BATCH;

  if (xs_year_parse (cells[COL_YEAR], &claim->year, &error))
    g_assert_true (claim->year >= 1990 && claim->year <= 2100);
  else
    {
      check_value_error (error, XS_VALUE_ERROR_YEAR);
      g_clear_error (&error);
      ok = FALSE;
    }

  if (!xs_category_from_string (cells[COL_CATEGORY], &claim->category))
    ok = FALSE;

  text = cells[COL_COMPULSORY];
  if (*text != '\0')
    {
      if (!xs_boolean_parse (text, &claim->compulsory, &error))
        {
          check_value_error (error, XS_VALUE_ERROR_BOOLEAN);
          g_clear_error (&error);
          ok = FALSE;
        }
      else if (claim->compulsory && claim->category != XS_CATEGORY_PUBLIC)
        ok = FALSE;
    }

  text = cells[COL_KIND];
  if (claim->category == XS_CATEGORY_PUBLIC)
    {
      claim->kind = 0;
      if (*text != '\0')
        ok = FALSE;
    }
  else if (*text == '\0')
    claim->kind = 1;
  else if (!parse_kind (text, &claim->kind))
    ok = FALSE;

  if (xs_hours_parse (cells[COL_HOURS], &claim->hours, &error))
    {
      g_autofree char *shown = xs_hours_format (claim->hours);
      int again = 0;

      g_assert_cmpint (claim->hours, >, 0);
      g_assert_cmpint (claim->hours, <=, 10000);
      g_assert_true (xs_hours_parse (shown, &again, NULL));
      g_assert_cmpint (again, ==, claim->hours);
    }
  else
    {
      check_value_error (error, XS_VALUE_ERROR_HOURS);
      g_clear_error (&error);
      ok = FALSE;
    }

  /* xs_claim_store_add() strips the title and refuses an empty one */
  claim->title = g_strstrip (g_strdup (cells[COL_TITLE]));
  if (*claim->title == '\0')
    ok = FALSE;

  if (xs_date_parse (cells[COL_DATE], &claim->date, &error))
    g_assert_true (g_date_valid (&claim->date));
  else
    {
      check_value_error (error, XS_VALUE_ERROR_DATE);
      g_clear_error (&error);
      ok = FALSE;
    }

  if (*cells[COL_PLAN_REF] != '\0')
    claim->plan_ref = g_strdup (cells[COL_PLAN_REF]);

  if (*cells[COL_VARIANT] != '\0')
    claim->variant = g_strdup (cells[COL_VARIANT]);
  if (*cells[COL_ABSENCE] != '\0' && !xs_absence_from_string (cells[COL_ABSENCE], &claim->absence))
    ok = FALSE;
  if (*cells[COL_ABSENCE_MONTHS] != '\0')
    {
      gint64 months;

      if (g_ascii_string_to_signed (cells[COL_ABSENCE_MONTHS], 10, G_MININT, G_MAXINT, &months, NULL))
        claim->absence_months = (int) months;
      else
        ok = FALSE;
    }

  return ok;
}

static void
check_claim (XsClaim *claim)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (claim->year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);

  if (xs_rule_set_check_claim (rules, claim, &error))
    {
      const char * const *materials = xs_rule_set_get_required_materials (rules, claim);
      g_autofree char *hours = NULL;
      g_autofree char *iso = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (claim->hours, >, 0);
      g_assert_true (g_date_valid (&claim->date));
      if (claim->category == XS_CATEGORY_PROFESSIONAL)
        g_assert_nonnull (xs_rule_set_lookup_kind (rules, claim->kind));
      else
        g_assert_cmpint (claim->kind, ==, 0);
      g_assert_nonnull (materials);
      for (guint i = 0; materials[i] != NULL; i++)
        g_assert_nonnull (xs_rule_set_get_material_name (rules, materials[i]));

      /* the import's summary of an added row */
      hours = xs_hours_format (claim->hours);
      iso = xs_date_to_iso (&claim->date);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == XS_RULES_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(GStrv) cells = xs_fuzz_split_lines (data, size, N_COLS);
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id_number = NULL;

  xs_fuzz_init ();

  for (guint i = 0; i < N_COLS; i++)
    {
      if (!g_utf8_validate (cells[i], -1, NULL))
        return 0;
      xs_strip_spaces (cells[i]);
    }

  id_number = xs_id_number_normalize (cells[COL_ID_NUMBER], &error);
  if (id_number != NULL)
    {
      g_autofree char *masked = xs_id_number_mask (id_number);

      g_assert_nonnull (masked);
    }
  else
    g_assert_true (error != NULL && error->domain == XS_ID_NUMBER_ERROR);

  /* The import stops at a bad identity number; the rules do not look at
   * it, so they get every claim whose own fields parse. */
  g_date_clear (&claim.date, 1);
  if (read_claim_fields (cells, &claim))
    check_claim (&claim);

  return 0;
}
