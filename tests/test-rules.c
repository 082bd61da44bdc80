/* test-rules.c: the rule sets and the claim check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-rules"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "xs-rules.h"
#include "xs-test-util.h"

/* Helpers */

static XsRuleSet *
rules_2018 (void)
{
  g_autoptr(GError) error = NULL;
  XsRuleSet *set = xs_rule_set_for_year (2018, &error);

  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

static XsClaim *
make_claim (XsCategory  category,
            int         kind,
            const char *variant,
            int         year,
            const char *date,
            int         hours)
{
  XsClaim *claim = xs_claim_new ();
  int y, m, d;

  claim->category = category;
  claim->kind = kind;
  claim->variant = g_strdup (variant);
  claim->year = year;
  claim->hours = hours;
  claim->title = g_strdup ("测试");
  claim->source = XS_SOURCE_INDIVIDUAL;
  if (date != NULL)
    {
      g_assert_cmpint (sscanf (date, "%d-%d-%d", &y, &m, &d), ==, 3);
      g_date_set_dmy (&claim->date, d, m, y);
    }
  return claim;
}

static XsClaim *
public_claim (int         year,
              const char *date)
{
  return make_claim (XS_CATEGORY_PUBLIC, 0, NULL, year, date, 30);
}

static XsClaim *
professional_claim (int         kind,
                    const char *variant,
                    const char *date)
{
  return make_claim (XS_CATEGORY_PROFESSIONAL, kind, variant, 2018, date, 80);
}

static XsClaim *
absence_claim (XsAbsence   absence,
               const char *variant,
               int         months)
{
  XsClaim *claim = professional_claim (15, variant, "2018-11-30");

  claim->absence = absence;
  claim->absence_months = months;
  claim->hours = 999;
  return claim;
}

static void
assert_accepted (XsRuleSet *set,
                 XsClaim   *claim)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xs_rule_set_check_claim (set, claim, &error));
  g_assert_no_error (error);
}

/* Asserts the refusal and returns its message. */
static char *
assert_refused (XsRuleSet *set,
                XsClaim   *claim,
                int        code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xs_rule_set_check_claim (set, claim, &error));
  g_assert_error (error, XS_RULES_ERROR, code);
  g_test_message ("refused: %s", error->message);
  return g_strdup (error->message);
}

static void
assert_materials (XsRuleSet     *set,
                  const XsClaim *claim,
                  const char    *expected)
{
  const char * const *materials = xs_rule_set_get_required_materials (set, claim);
  g_autofree char *joined = NULL;

  g_assert_nonnull (materials);
  joined = g_strjoinv (" ", (char **) materials);
  g_assert_cmpstr (joined, ==, expected);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

static XsRuleSet *
set_from_text (const char  *text,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return xs_rule_set_new_from_bytes (bytes, error);
}

/* The 2018 file from the resource, edited by @edit. */
static XsRuleSet *
edited_2018 (void (*edit) (JsonObject *root))
{
  g_autoptr(XsRuleSet) registered = rules_2018 ();   /* registers the resource */
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/rules/2018.json", 0, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  XsRuleSet *set;
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);
  edit (json_node_get_object (json_parser_get_root (parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  set = set_from_text (text, &error);
  g_assert_no_error (error);
  return set;
}

static JsonObject *
kind_object (JsonObject *root,
             int         number)
{
  return json_array_get_object_element (json_object_get_array_member (root, "kinds"), number - 1);
}

/* Loading */

static gpointer
load_in_thread (gpointer data)
{
  return xs_rule_set_for_year (GPOINTER_TO_INT (data), NULL);
}

/* Runs first (GTest runs a suite's own cases before its sub-suites), so
 * that the sets are loaded by racing threads. */
static void
test_load_threads (void)
{
  GThread *threads[8];
  XsRuleSet *sets[G_N_ELEMENTS (threads)];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("rules", load_in_thread, GINT_TO_POINTER (2016 + (int) i));
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      sets[i] = g_thread_join (threads[i]);
      g_assert_true (XS_IS_RULE_SET (sets[i]));
      g_assert_true (sets[i] == sets[0]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_object_unref (sets[i]);
}

static void
test_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = xs_rule_set_list_all (&error);
  g_autoptr(XsRuleSet) first = NULL;
  g_autofree char *id = NULL;
  g_autofree char *source = NULL;
  int year = 0;

  g_assert_no_error (error);
  g_assert_nonnull (all);
  g_assert_cmpuint (g_list_model_get_n_items (all), >=, 1);
  g_assert_true (g_list_model_get_item_type (all) == XS_TYPE_RULE_SET);

  first = g_list_model_get_item (all, 0);
  g_assert_cmpstr (xs_rule_set_get_id (first), ==, "2018");
  g_assert_cmpint (xs_rule_set_get_year (first), ==, 2018);
  g_assert_cmpstr (xs_rule_set_get_source (first), ==, "漯人社专技〔2018〕1号");
  g_assert_cmpstr (xs_rule_set_get_title (first), ==, "关于做好2018年全市专业技术人员继续教育工作的通知");

  g_object_get (first, "id", &id, "year", &year, "source", &source, NULL);
  g_assert_cmpstr (id, ==, "2018");
  g_assert_cmpint (year, ==, 2018);
  g_assert_cmpstr (source, ==, "漯人社专技〔2018〕1号");

  /* oldest first */
  for (guint i = 1; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(XsRuleSet) earlier = g_list_model_get_item (all, i - 1);
      g_autoptr(XsRuleSet) later = g_list_model_get_item (all, i);

      g_assert_cmpint (xs_rule_set_get_year (earlier), <, xs_rule_set_get_year (later));
    }
}

static void
test_for_year (void)
{
  const int years[] = { 2018, 2019, 2016, 2100, 1990 };
  g_autoptr(XsRuleSet) reference = rules_2018 ();

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XsRuleSet) set = xs_rule_set_for_year (years[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (xs_rule_set_get_id (set), ==, "2018");
      g_assert_true (set == reference);
    }
}

static void
test_requirements (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();
  GDate from, to;

  g_assert_cmpint (xs_rule_set_get_required_total (set), ==, 900);
  g_assert_cmpint (xs_rule_set_get_required_public (set), ==, 300);
  g_assert_cmpint (xs_rule_set_get_required_compulsory (set), ==, 240);
  g_assert_cmpint (xs_rule_set_get_required_professional (set), ==, 600);

  g_assert_true (xs_rule_set_get_makeup_window (set, &from, &to));
  g_assert_cmpint (g_date_get_year (&from), ==, 2018);
  g_assert_cmpint (g_date_get_month (&from), ==, 3);
  g_assert_cmpint (g_date_get_day (&from), ==, 1);
  g_assert_cmpint (g_date_get_year (&to), ==, 2018);
  g_assert_cmpint (g_date_get_month (&to), ==, 12);
  g_assert_cmpint (g_date_get_day (&to), ==, 30);
  g_assert_true (xs_rule_set_get_makeup_window (set, NULL, NULL));
}

static void
test_kinds (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();
  GListModel *kinds = xs_rule_set_get_kinds (set);

  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 16);
  g_assert_true (g_list_model_get_item_type (kinds) == XS_TYPE_CLAIM_KIND);

  for (guint i = 0; i < 16; i++)
    {
      g_autoptr(XsClaimKind) kind = g_list_model_get_item (kinds, i);
      int number = (int) i + 1;

      g_assert_cmpint (xs_claim_kind_get_number (kind), ==, number);
      g_assert_true (xs_rule_set_lookup_kind (set, number) == kind);
      g_assert_nonnull (xs_claim_kind_get_name_zh (kind));
      g_assert_nonnull (xs_claim_kind_get_name_en (kind));
      g_assert_cmpuint (strlen (xs_claim_kind_get_name_zh (kind)), >, 0);
      g_assert_cmpuint (strlen (xs_claim_kind_get_name_en (kind)), >, 0);
      /* short enough for a drop-down */
      g_assert_cmpint (g_utf8_strlen (xs_claim_kind_get_name_zh (kind), -1), <=, 16);
      g_assert_false (g_str_is_ascii (xs_claim_kind_get_name_zh (kind)));
      g_assert_cmpint (xs_claim_kind_get_requires_plan_ref (kind), ==, number == 13 || number == 14);
      g_assert_cmpint (xs_claim_kind_get_computed_hours (kind), ==, number == 15);
      /* the notice does not reproduce the conversion table */
      g_assert_cmpint (xs_claim_kind_get_max_hours (kind), ==, 0);
    }

  g_assert_null (xs_rule_set_lookup_kind (set, 0));
  g_assert_null (xs_rule_set_lookup_kind (set, 17));

  g_assert_cmpstr (xs_claim_kind_get_name_zh (xs_rule_set_lookup_kind (set, 1)), ==, "继续教育基地培训班");
  g_assert_cmpstr (xs_claim_kind_get_name_zh (xs_rule_set_lookup_kind (set, 13)), ==, "行业主管部门组织的培训");
  g_assert_cmpstr (xs_claim_kind_get_name_en (xs_rule_set_lookup_kind (set, 7)), ==, "Patent");
}

static void
test_variants (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();
  struct {
    int         kind;
    const char *variants;
    const char *default_variant;
  } expected[] = {
    { 1, NULL, NULL },
    { 2, NULL, NULL },
    { 3, "degree further-study", "degree" },
    { 4, "attended presented", "attended" },
    { 5, NULL, NULL },
    { 6, "book paper", NULL },
    { 7, NULL, NULL },
    { 15, "abroad sick-leave maternity other", NULL },
    { 16, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      XsClaimKind *kind = xs_rule_set_lookup_kind (set, expected[i].kind);
      const char * const *variants = xs_claim_kind_get_variants (kind);
      g_autofree char *joined = variants ? g_strjoinv (" ", (char **) variants) : NULL;

      g_assert_cmpstr (joined, ==, expected[i].variants);
      g_assert_cmpstr (xs_claim_kind_get_default_variant (kind), ==, expected[i].default_variant);
      for (guint j = 0; variants != NULL && variants[j] != NULL; j++)
        g_assert_nonnull (xs_claim_kind_get_variant_name (kind, variants[j]));
      g_assert_null (xs_claim_kind_get_variant_name (kind, "nonsense"));
    }
}

/* Materials */

static void
test_material_names (void)
{
  const char *codes[] = {
    "training_notice", "completion_certificate", "employer_proof", "transcript",
    "dispatch_proof", "assessment_proof", "meeting_notice", "presentation_proof",
    "project_proof", "book_cover", "title_page", "table_of_contents", "journal_cover",
    "article", "patent_certificate", "award_certificate", "qualification_certificate",
    "leader_instruction", "posting_document", "annual_assessment", "activity_notice",
    "participation_proof", "hospital_proof", "supporting_document", "department_approval",
  };
  g_autoptr(XsRuleSet) set = rules_2018 ();

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      const char *name = xs_rule_set_get_material_name (set, codes[i]);

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, codes[i]);
    }
  /* an unknown code names itself rather than crashing a message */
  g_assert_cmpstr (xs_rule_set_get_material_name (set, "no_such_material"), ==, "no_such_material");
}

static void
test_materials (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();
  struct {
    int         kind;
    const char *variant;
    const char *materials;
  } expected[] = {
    { 1, NULL, "training_notice completion_certificate employer_proof" },
    { 2, NULL, "training_notice completion_certificate employer_proof" },
    { 3, NULL, "transcript" },
    { 3, "degree", "transcript" },
    { 3, "further-study", "transcript dispatch_proof assessment_proof" },
    { 4, NULL, "meeting_notice employer_proof" },
    { 4, "attended", "meeting_notice employer_proof" },
    { 4, "presented", "meeting_notice employer_proof presentation_proof" },
    { 5, NULL, "project_proof" },
    { 6, "book", "book_cover title_page table_of_contents" },
    { 6, "paper", "journal_cover table_of_contents article" },
    { 7, NULL, "patent_certificate" },
    { 8, NULL, "award_certificate" },
    { 9, NULL, "qualification_certificate" },
    { 10, NULL, "leader_instruction" },
    { 11, NULL, "posting_document annual_assessment" },
    { 12, NULL, "activity_notice participation_proof employer_proof" },
    { 13, NULL, "training_notice participation_proof" },
    { 14, NULL, "training_notice participation_proof" },
    { 15, "abroad", "employer_proof" },
    { 15, "sick-leave", "employer_proof hospital_proof" },
    { 15, "maternity", "employer_proof" },
    { 15, "other", "employer_proof department_approval" },
    { 16, NULL, "supporting_document" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(XsClaim) claim = professional_claim (expected[i].kind, expected[i].variant, "2018-06-01");

      assert_materials (set, claim, expected[i].materials);
    }

  /* kind 15 before its variant is filled in: the absence decides */
  {
    g_autoptr(XsClaim) claim = absence_claim (XS_ABSENCE_SICK_LEAVE, NULL, 8);

    assert_materials (set, claim, "employer_proof hospital_proof");
  }
}

static void
test_materials_batch_and_public (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();
  g_autoptr(XsClaim) batch = professional_claim (1, NULL, "2018-06-01");
  g_autoptr(XsClaim) batch2 = professional_claim (2, NULL, "2018-06-01");
  g_autoptr(XsClaim) public = public_claim (2018, "2018-06-01");
  g_autoptr(XsClaim) unknown = professional_claim (42, NULL, "2018-06-01");

  batch->source = XS_SOURCE_BATCH;
  assert_materials (set, batch, "");
  g_assert_null (xs_rule_set_get_required_materials (set, batch)[0]);

  /* only kind 1 is submitted by the base without evidence */
  batch2->source = XS_SOURCE_BATCH;
  assert_materials (set, batch2, "training_notice completion_certificate employer_proof");

  /* public hours come from the online platform */
  assert_materials (set, public, "");
  public->compulsory = TRUE;
  assert_materials (set, public, "");

  assert_materials (set, unknown, "");
}

/* Dates */

static void
test_makeup_window (void)
{
  struct {
    const char *date;
    gboolean    accepted;
  } cases[] = {
    { "2018-02-28", FALSE },
    { "2018-03-01", TRUE },
    { "2018-07-15", TRUE },
    { "2018-12-30", TRUE },
    { "2018-12-31", FALSE },
    { "2016-06-01", TRUE },    /* in its own year: an ordinary record, not a make-up */
    { "2019-05-06", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XsRuleSet) set = xs_rule_set_for_year (2016, &error);
      g_autoptr(XsClaim) claim = public_claim (2016, cases[i].date);

      g_assert_no_error (error);
      g_test_message ("2016 public hours dated %s", cases[i].date);
      if (cases[i].accepted)
        assert_accepted (set, claim);
      else
        {
          g_autofree char *message = assert_refused (set, claim, XS_RULES_ERROR_DATE);

          g_assert_nonnull (strstr (message, cases[i].date));
          g_assert_nonnull (strstr (message, "2018-03-01"));
          g_assert_nonnull (strstr (message, "2018-12-30"));
        }
    }

  /* compulsory make-up too */
  {
    g_autoptr(XsRuleSet) set = rules_2018 ();
    g_autoptr(XsClaim) claim = public_claim (2017, "2018-04-01");

    claim->compulsory = TRUE;
    assert_accepted (set, claim);
  }
}

static void
edit_public_study_warn (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (root, "public_study"), "before", "warn");
}

/* 学习时间从2018年3月开始: 2018.json refuses earlier public hours; a set that
 * says "warn" accepts them with a warning naming the date. */
static void
test_public_study (void)
{
  g_autoptr(XsRuleSet) refuse = rules_2018 ();
  g_autoptr(XsRuleSet) warn = edited_2018 (edit_public_study_warn);
  g_autoptr(XsClaim) early = public_claim (2018, "2018-02-28");
  g_autoptr(XsClaim) early_again = public_claim (2018, "2018-02-28");
  g_autoptr(XsClaim) march = public_claim (2018, "2018-03-01");
  g_autofree char *message = assert_refused (refuse, early, XS_RULES_ERROR_DATE);
  g_autofree char *warning = NULL;

  g_assert_nonnull (strstr (message, "2018-03-01"));
  assert_accepted (warn, early_again);
  warning = xs_rule_set_warn_claim (warn, early_again);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "2018-03-01"));
  assert_accepted (refuse, march);
  g_assert_null (xs_rule_set_warn_claim (warn, march));
}

static void
test_date_in_year (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();
  const char *refused[] = { "2017-12-31", "2019-01-01", "2016-06-01" };
  const char *accepted[] = { "2018-01-01", "2018-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(XsClaim) claim = professional_claim (2, NULL, refused[i]);
      g_autofree char *message = assert_refused (set, claim, XS_RULES_ERROR_DATE);

      g_assert_nonnull (strstr (message, refused[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(XsClaim) claim = professional_claim (2, NULL, accepted[i]);

      assert_accepted (set, claim);
    }

  /* public hours of the set's own year or later: in that year */
  {
    g_autoptr(XsClaim) late = public_claim (2018, "2019-01-02");
    g_autoptr(XsClaim) later = public_claim (2019, "2019-05-06");
    g_autoptr(XsClaim) early = public_claim (2019, "2018-12-01");
    g_autofree char *message = assert_refused (set, late, XS_RULES_ERROR_DATE);

    g_free (assert_refused (set, early, XS_RULES_ERROR_DATE));
    assert_accepted (set, later);
  }

  /* professional hours for an earlier year: in that year, no window */
  {
    g_autoptr(XsClaim) claim = make_claim (XS_CATEGORY_PROFESSIONAL, 2, NULL, 2017, "2017-05-06", 80);
    g_autoptr(XsClaim) makeup = make_claim (XS_CATEGORY_PROFESSIONAL, 2, NULL, 2017, "2018-05-06", 80);

    assert_accepted (set, claim);
    g_free (assert_refused (set, makeup, XS_RULES_ERROR_DATE));
  }

  /* no date at all */
  {
    g_autoptr(XsClaim) claim = professional_claim (2, NULL, NULL);

    g_free (assert_refused (set, claim, XS_RULES_ERROR_DATE));
  }
}

/* Kind 15: absences */

static void
test_absence (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();

  {
    g_autoptr(XsClaim) claim = absence_claim (XS_ABSENCE_MATERNITY, "maternity", 6);

    assert_accepted (set, claim);
    g_assert_cmpint (claim->hours, ==, 300);   /* the typed 999 is overwritten */
  }
  {
    g_autoptr(XsClaim) claim = absence_claim (XS_ABSENCE_MATERNITY, "maternity", 5);

    assert_accepted (set, claim);
    g_assert_cmpint (claim->hours, ==, 250);
  }
  {
    g_autoptr(XsClaim) claim = absence_claim (XS_ABSENCE_ABROAD, "abroad", 6);
    g_autofree char *message = assert_refused (set, claim, XS_RULES_ERROR_ABSENCE);

    g_assert_nonnull (strstr (message, "more than 6 months"));
    g_assert_cmpint (claim->hours, ==, 999);
  }
  {
    g_autoptr(XsClaim) claim = absence_claim (XS_ABSENCE_ABROAD, "abroad", 7);

    assert_accepted (set, claim);
    g_assert_cmpint (claim->hours, ==, 350);
  }
  {
    g_autoptr(XsClaim) claim = absence_claim (XS_ABSENCE_SICK_LEAVE, "sick-leave", 6);

    g_free (assert_refused (set, claim, XS_RULES_ERROR_ABSENCE));
  }
  {
    g_autoptr(XsClaim) claim = absence_claim (XS_ABSENCE_SICK_LEAVE, "sick-leave", 12);

    assert_accepted (set, claim);
    g_assert_cmpint (claim->hours, ==, 600);
  }
  {
    g_autoptr(XsClaim) claim = absence_claim (XS_ABSENCE_OTHER, "other", 1);

    assert_accepted (set, claim);
    g_assert_cmpint (claim->hours, ==, 50);
  }
  /* the variant follows from the absence */
  {
    g_autoptr(XsClaim) claim = absence_claim (XS_ABSENCE_MATERNITY, NULL, 6);

    assert_accepted (set, claim);
    g_assert_cmpstr (claim->variant, ==, "maternity");
    g_assert_cmpint (claim->hours, ==, 300);
  }
  /* refused */
  {
    g_autoptr(XsClaim) none = absence_claim (XS_ABSENCE_NONE, "maternity", 6);
    g_autoptr(XsClaim) neither = absence_claim (XS_ABSENCE_NONE, NULL, 6);
    g_autoptr(XsClaim) mismatch = absence_claim (XS_ABSENCE_MATERNITY, "abroad", 8);
    g_autoptr(XsClaim) zero = absence_claim (XS_ABSENCE_MATERNITY, "maternity", 0);
    g_autoptr(XsClaim) thirteen = absence_claim (XS_ABSENCE_MATERNITY, "maternity", 13);
    g_autoptr(XsClaim) on_kind_2 = professional_claim (2, NULL, "2018-06-01");

    g_free (assert_refused (set, none, XS_RULES_ERROR_ABSENCE));
    g_free (assert_refused (set, neither, XS_RULES_ERROR_ABSENCE));
    g_free (assert_refused (set, mismatch, XS_RULES_ERROR_ABSENCE));
    g_free (assert_refused (set, zero, XS_RULES_ERROR_ABSENCE));
    g_free (assert_refused (set, thirteen, XS_RULES_ERROR_ABSENCE));

    on_kind_2->absence = XS_ABSENCE_MATERNITY;
    on_kind_2->absence_months = 6;
    g_free (assert_refused (set, on_kind_2, XS_RULES_ERROR_ABSENCE));
  }
}

/* Kinds 13 and 14 */

static void
test_plan_ref (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();

  for (int kind = 13; kind <= 14; kind++)
    {
      g_autoptr(XsClaim) missing = professional_claim (kind, NULL, "2018-06-01");
      g_autoptr(XsClaim) blank = professional_claim (kind, NULL, "2018-06-01");
      g_autoptr(XsClaim) filed = professional_claim (kind, NULL, "2018-06-01");

      g_free (assert_refused (set, missing, XS_RULES_ERROR_PLAN_REF));
      blank->plan_ref = g_strdup (" \t　");
      g_free (assert_refused (set, blank, XS_RULES_ERROR_PLAN_REF));
      filed->plan_ref = g_strdup ("漯卫科教〔2018〕3号");
      assert_accepted (set, filed);
    }

  /* other kinds need none */
  {
    g_autoptr(XsClaim) claim = professional_claim (2, NULL, "2018-06-01");

    assert_accepted (set, claim);
  }
}

/* Variants */

static void
test_variant_check (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();

  /* the clerk must choose book or paper */
  {
    g_autoptr(XsClaim) claim = professional_claim (6, NULL, "2018-06-01");
    g_autofree char *message = assert_refused (set, claim, XS_RULES_ERROR_UNKNOWN_VARIANT);

    g_assert_nonnull (strstr (message, "book"));
    g_assert_nonnull (strstr (message, "paper"));
  }
  {
    g_autoptr(XsClaim) claim = professional_claim (6, "poem", "2018-06-01");
    g_autofree char *message = assert_refused (set, claim, XS_RULES_ERROR_UNKNOWN_VARIANT);

    g_assert_nonnull (strstr (message, "poem"));
    g_assert_nonnull (strstr (message, "book"));
    g_assert_nonnull (strstr (message, "paper"));
  }
  {
    g_autoptr(XsClaim) claim = professional_claim (6, "paper", "2018-06-01");

    assert_accepted (set, claim);
    g_assert_cmpstr (claim->variant, ==, "paper");
  }
  /* defaults are filled in */
  {
    g_autoptr(XsClaim) degree = professional_claim (3, NULL, "2018-06-01");
    g_autoptr(XsClaim) attended = professional_claim (4, NULL, "2018-06-01");
    g_autoptr(XsClaim) presented = professional_claim (4, "presented", "2018-06-01");

    assert_accepted (set, degree);
    g_assert_cmpstr (degree->variant, ==, "degree");
    assert_accepted (set, attended);
    g_assert_cmpstr (attended->variant, ==, "attended");
    assert_accepted (set, presented);
    g_assert_cmpstr (presented->variant, ==, "presented");
  }
  /* a kind without variants */
  {
    g_autoptr(XsClaim) named = professional_claim (2, "x", "2018-06-01");
    g_autoptr(XsClaim) empty = professional_claim (2, "", "2018-06-01");

    g_free (assert_refused (set, named, XS_RULES_ERROR_UNKNOWN_VARIANT));
    assert_accepted (set, empty);
    g_assert_null (empty->variant);
  }
}

/* Category, kind and hours */

static void
test_category (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();

  {
    g_autoptr(XsClaim) claim = professional_claim (2, NULL, "2018-06-01");

    claim->compulsory = TRUE;
    g_free (assert_refused (set, claim, XS_RULES_ERROR_CATEGORY));
  }
  {
    g_autoptr(XsClaim) claim = public_claim (2018, "2018-06-01");

    claim->compulsory = TRUE;
    assert_accepted (set, claim);
  }
  {
    g_autoptr(XsClaim) claim = public_claim (2018, "2018-06-01");

    claim->kind = 3;
    g_free (assert_refused (set, claim, XS_RULES_ERROR_CATEGORY));
  }
  {
    g_autoptr(XsClaim) claim = public_claim (2018, "2018-06-01");

    claim->variant = g_strdup ("book");
    g_free (assert_refused (set, claim, XS_RULES_ERROR_CATEGORY));
  }
  {
    g_autoptr(XsClaim) zero = professional_claim (0, NULL, "2018-06-01");
    g_autoptr(XsClaim) seventeen = professional_claim (17, NULL, "2018-06-01");
    g_autofree char *message = assert_refused (set, seventeen, XS_RULES_ERROR_UNKNOWN_KIND);

    g_free (assert_refused (set, zero, XS_RULES_ERROR_UNKNOWN_KIND));
    g_assert_nonnull (strstr (message, "17"));
    g_assert_nonnull (strstr (message, "16"));
  }
  {
    g_autoptr(XsClaim) professional = professional_claim (2, NULL, "2018-06-01");
    g_autoptr(XsClaim) public = public_claim (2018, "2018-06-01");

    professional->hours = 0;
    public->hours = -10;
    g_free (assert_refused (set, professional, XS_RULES_ERROR_HOURS));
    g_free (assert_refused (set, public, XS_RULES_ERROR_HOURS));
  }
  /* no limit in the 2018 data */
  {
    g_autoptr(XsClaim) claim = professional_claim (6, "book", "2018-06-01");

    claim->hours = 9000;
    assert_accepted (set, claim);
  }
}

static void
edit_limits (JsonObject *root)
{
  json_object_set_double_member (kind_object (root, 2), "max_hours", 40);
  json_object_set_double_member (kind_object (root, 5), "max_hours", 12.5);
  json_object_set_int_member (json_object_get_object_member (root, "requirements"), "professional", 55);
  json_object_set_string_member (root, "id", "2020");
  json_object_set_int_member (root, "year", 2020);
}

static void
test_max_hours (void)
{
  g_autoptr(XsRuleSet) set = edited_2018 (edit_limits);

  g_assert_cmpint (xs_rule_set_get_year (set), ==, 2020);
  g_assert_cmpint (xs_claim_kind_get_max_hours (xs_rule_set_lookup_kind (set, 2)), ==, 400);
  g_assert_cmpint (xs_claim_kind_get_max_hours (xs_rule_set_lookup_kind (set, 5)), ==, 125);
  g_assert_cmpint (xs_claim_kind_get_max_hours (xs_rule_set_lookup_kind (set, 3)), ==, 0);

  {
    g_autoptr(XsClaim) at_limit = make_claim (XS_CATEGORY_PROFESSIONAL, 2, NULL, 2020, "2020-04-01", 400);
    g_autoptr(XsClaim) over = make_claim (XS_CATEGORY_PROFESSIONAL, 2, NULL, 2020, "2020-04-01", 401);
    g_autoptr(XsClaim) half_over = make_claim (XS_CATEGORY_PROFESSIONAL, 5, NULL, 2020, "2020-04-01", 126);
    g_autoptr(XsClaim) unlimited = make_claim (XS_CATEGORY_PROFESSIONAL, 3, NULL, 2020, "2020-04-01", 5000);
    g_autofree char *message = NULL;
    g_autofree char *half_message = NULL;

    assert_accepted (set, at_limit);
    assert_accepted (set, unlimited);
    message = assert_refused (set, over, XS_RULES_ERROR_HOURS);
    g_assert_nonnull (strstr (message, "at most 40 hours"));
    g_assert_nonnull (strstr (message, "40.1"));
    half_message = assert_refused (set, half_over, XS_RULES_ERROR_HOURS);
    g_assert_nonnull (strstr (half_message, "12.5"));
  }

  /* pro rata rounds to the nearest tenth: 55 × 5 / 12 = 22.916… → 22.9 */
  {
    g_autoptr(XsClaim) claim = make_claim (XS_CATEGORY_PROFESSIONAL, 15, "maternity", 2020, "2020-10-01", 0);

    claim->absence = XS_ABSENCE_MATERNITY;
    claim->absence_months = 5;
    assert_accepted (set, claim);
    g_assert_cmpint (claim->hours, ==, 229);
  }
}

/* Names */

static void
test_localized_names (void)
{
  g_autoptr(XsRuleSet) set = rules_2018 ();
  XsClaimKind *kind1 = xs_rule_set_lookup_kind (set, 1);
  XsClaimKind *kind6 = xs_rule_set_lookup_kind (set, 6);
  g_autofree char *property_name = NULL;

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_assert_cmpstr (xs_claim_kind_get_name (kind1), ==, "继续教育基地培训班");
  g_assert_cmpstr (xs_claim_kind_get_variant_name (kind6, "book"), ==, "著作（译作）");
  g_assert_cmpstr (xs_rule_set_get_material_name (set, "training_notice"), ==, "培训通知");
  g_assert_cmpstr (xs_rule_set_get_material_name (set, "hospital_proof"), ==, "医院证明");
  g_object_get (kind1, "name", &property_name, NULL);
  g_assert_cmpstr (property_name, ==, "继续教育基地培训班");
  g_clear_pointer (&property_name, g_free);

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (xs_claim_kind_get_name (kind1), ==, "Class at a continuing-education base");
  g_assert_cmpstr (xs_claim_kind_get_variant_name (kind6, "book"), ==, "Book or translation");
  g_assert_cmpstr (xs_rule_set_get_material_name (set, "training_notice"), ==, "Training notice");
  g_object_get (kind1, "name", &property_name, NULL);
  g_assert_cmpstr (property_name, ==, "Class at a continuing-education base");

  /* and back */
  g_setenv ("LANGUAGE", "zh_TW:en", TRUE);
  g_assert_cmpstr (xs_claim_kind_get_name (kind1), ==, "继续教育基地培训班");
  g_setenv ("LANGUAGE", "en", TRUE);
}

/* Malformed files */

#define MINIMAL                                                                        \
  "{\"format\": 1, \"id\": \"t\", \"year\": 2020, \"source\": \"S\","                  \
  " \"requirements\": {\"total\": 90, \"public\": 30, \"compulsory\": 24, \"professional\": 60}," \
  " \"materials\": {\"a\": {\"zh\": \"甲\", \"en\": \"A\"}},"                          \
  " \"kinds\": [{\"number\": 1, \"zh\": \"一\", \"en\": \"One\", \"materials\": [\"a\"]}]}"

static void
test_minimal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRuleSet) set = set_from_text (MINIMAL, &error);
  g_autoptr(XsClaim) old_public = public_claim (2016, "2016-05-01");

  g_assert_no_error (error);
  g_assert_cmpstr (xs_rule_set_get_id (set), ==, "t");
  g_assert_null (xs_rule_set_get_title (set));
  g_assert_false (xs_rule_set_get_makeup_window (set, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (xs_rule_set_get_kinds (set)), ==, 1);
  /* without a make-up window, earlier public hours lie in their own year */
  assert_accepted (set, old_public);
}

static void
test_malformed (void)
{
  struct {
    const char *from;
    const char *to;
  } edits[] = {
    { "\"format\": 1", "\"format\": 2" },
    { "\"format\": 1,", "" },
    { "\"id\": \"t\"", "\"id\": 7" },
    { "\"id\": \"t\"", "\"id\": \"\"" },
    { "\"year\": 2020", "\"year\": \"2020\"" },
    { "\"year\": 2020", "\"year\": 20200" },
    { "\"source\": \"S\",", "" },
    { "\"source\"", "\"sauce\"" },
    { "\"total\": 90", "\"total\": -90" },
    { "\"total\": 90", "\"total\": 90.25" },
    { "\"compulsory\": 24", "\"compulsory\": 31" },
    { "\"professional\": 60", "\"professional\": null" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"b\"]" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\", \"a\"]" },
    { "\"materials\": [\"a\"]", "\"materials\": \"a\"" },
    { "\"materials\": [\"a\"]", "\"materials\": [1]" },
    { "\"materials\": [\"a\"]}", "\"materials\": [\"a\"]}, {\"number\": 1, \"zh\": \"二\", \"en\": \"Two\", \"materials\": []}" },
    { "\"number\": 1", "\"number\": 0" },
    { "\"zh\": \"一\", ", "" },
    { "\"kinds\": [", "\"kinds\": [3, " },
    { "[{\"number\": 1, \"zh\": \"一\", \"en\": \"One\", \"materials\": [\"a\"]}]", "[]" },
    { "{\"zh\": \"甲\", \"en\": \"A\"}", "\"甲\"" },
    { "\"a\": {", "\"A b\": {" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"max_hours\": -1" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"max_hours\": 0" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"requires_plan_ref\": \"yes\"" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"default_variant\": \"x\"" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"variants\": []" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"variants\": [{\"code\": \"x\", \"zh\": \"x\", \"en\": \"x\", \"materials\": [\"a\"]}]" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"variants\": [{\"code\": \"x\", \"zh\": \"x\", \"en\": \"x\"}, {\"code\": \"x\", \"zh\": \"y\", \"en\": \"y\"}]" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"variants\": [{\"code\": \"X Y\", \"zh\": \"x\", \"en\": \"x\"}]" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"computed_hours\": true" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"computed_hours\": true, \"variants\": [{\"code\": \"holiday\", \"zh\": \"x\", \"en\": \"x\"}]" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"computed_hours\": true, \"max_hours\": 10, \"variants\": [{\"code\": \"abroad\", \"zh\": \"x\", \"en\": \"x\"}]" },
    { "\"materials\": [\"a\"]", "\"materials\": [\"a\"], \"variants\": [{\"code\": \"x\", \"zh\": \"x\", \"en\": \"x\", \"months_more_than\": 12}]" },
    { "\"source\": \"S\",", "\"source\": \"S\", \"public_makeup\": {\"from\": \"2018-03-01\"}," },
    { "\"source\": \"S\",", "\"source\": \"S\", \"public_makeup\": {\"from\": \"2018-02-30\", \"to\": \"2018-12-30\"}," },
    { "\"source\": \"S\",", "\"source\": \"S\", \"public_makeup\": {\"from\": \"2018/03/01\", \"to\": \"2018-12-30\"}," },
    { "\"source\": \"S\",", "\"source\": \"S\", \"public_makeup\": {\"from\": \"2018-12-31\", \"to\": \"2018-12-30\"}," },
    { "\"source\": \"S\",", "\"source\": \"S\", \"issued\": \"23 March 2018\"," },
  };
  const char *texts[] = {
    "",
    "{",
    "[]",
    "null",
    "not json at all",
    "{\"format\": 1,}",
    "\xff\xfe{\"format\": 1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XsRuleSet) set = set_from_text (texts[i], &error);

      g_assert_null (set);
      g_assert_error (error, XS_RULES_ERROR, XS_RULES_ERROR_INVALID);
      g_test_message ("%s", error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = replace_once (MINIMAL, edits[i].from, edits[i].to);
      g_autoptr(XsRuleSet) set = set_from_text (text, &error);

      if (set != NULL)
        g_error ("accepted: %s", text);
      g_assert_error (error, XS_RULES_ERROR, XS_RULES_ERROR_INVALID);
      g_test_message ("%s", error->message);
    }

  /* comments are allowed: members starting with "_" */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = replace_once (MINIMAL, "\"format\": 1,", "\"format\": 1, \"_comment\": \"注释\",");
    g_autoptr(XsRuleSet) set = set_from_text (text, &error);

    g_assert_no_error (error);
    g_assert_nonnull (set);
  }
}

int
main (int   argc,
      char *argv[])
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/rules/load-threads", test_load_threads);
  g_test_add_func ("/rules/load/resource", test_load);
  g_test_add_func ("/rules/load/minimal", test_minimal);
  g_test_add_func ("/rules/load/malformed", test_malformed);
  g_test_add_func ("/rules/for-year", test_for_year);
  g_test_add_func ("/rules/requirements", test_requirements);
  g_test_add_func ("/rules/kinds", test_kinds);
  g_test_add_func ("/rules/kinds/variants", test_variants);
  g_test_add_func ("/rules/materials/names", test_material_names);
  g_test_add_func ("/rules/materials/per-kind", test_materials);
  g_test_add_func ("/rules/materials/batch-and-public", test_materials_batch_and_public);
  g_test_add_func ("/rules/check/makeup-window", test_makeup_window);
  g_test_add_func ("/rules/check/public-study", test_public_study);
  g_test_add_func ("/rules/check/date-in-year", test_date_in_year);
  g_test_add_func ("/rules/check/absence", test_absence);
  g_test_add_func ("/rules/check/plan-ref", test_plan_ref);
  g_test_add_func ("/rules/check/variant", test_variant_check);
  g_test_add_func ("/rules/check/category", test_category);
  g_test_add_func ("/rules/check/max-hours", test_max_hours);
  g_test_add_func ("/rules/names", test_localized_names);

  return g_test_run ();
}
