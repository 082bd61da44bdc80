/* test-cli.c: xueshi-cli as a script or a clerk at a terminal uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <json-glib/json-glib.h>
#include <poppler.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "xs-certificate-store.h"
#include "xs-id-number.h"
#include "xs-package.h"
#include "xs-trust.h"
#include "xs-test-util.h"

typedef XsTestRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, xs_test_run_clear)

static char *data_dir;
/* Whether the next runs log everything, debug messages included. */
static gboolean debug_logs;

static void
run_cli_valist (Run     *run,
                va_list  args)
{
  const char *debug[] = { "G_MESSAGES_DEBUG", "all", NULL };

  xs_test_run_cli_valist (run, data_dir, debug_logs ? debug : NULL, args);
}

static void
run_cli (Run *run,
         ...)
{
  va_list ap;

  va_start (ap, run);
  run_cli_valist (run, ap);
  va_end (ap);
}

/* run_cli(), which must succeed. */
static void
run_ok (Run *run,
        ...)
{
  va_list ap;

  va_start (ap, run);
  run_cli_valist (run, ap);
  va_end (ap);
  g_assert_cmpint (run->status, ==, 0);
}

static void
fresh_data_dir (void)
{
  g_free (data_dir);
  data_dir = xs_test_make_tmpdir ();
}

static char *
write_roster (guint n)
{
  g_autofree char *csv = xs_test_roster_csv (0, n, "学员", "漯河市中心医院");

  return xs_test_write_file ("roster.csv", csv, -1);
}

/* Hours that qualify trainee 0 of write_roster() for 2018, as a CSV file
 * @name. */
static char *
write_qualifying_hours (const char *name)
{
  g_autofree char *id0 = xs_test_id_number (0);
  g_autofree char *hours = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                                            "%s,学员0,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                                            "%s,学员0,2018,公需科目,否,6,,公需科目网络培训（选修）,2018-06-06\n"
                                            "%s,学员0,2018,专业科目,,60,1,基地培训班,2018-06-01\n",
                                            id0, id0, id0);

  return xs_test_write_file (name, hours, -1);
}

static void
test_cli_usage (void)
{
  g_auto(Run) none = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) help = { 0 };

  fresh_data_dir ();
  run_cli (&none, NULL);
  g_assert_cmpint (none.status, ==, 2);
  run_cli (&unknown, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_nonnull (strstr (unknown.err, "frobnicate"));
  run_ok (&help, "--help", NULL);
  g_assert_nonnull (strstr (help.out, "import-roster"));
}

static void
test_cli_import_roster (void)
{
  g_autofree char *roster = write_roster (5);
  g_autofree char *bad_path = xs_test_write_file ("bad.csv",
                                                  "姓名,身份证号,工作单位\n"
                                                  "甲,110105194912310021,某单位\n"
                                                  "乙,11010519491231002X,某单位\n", -1);
  g_auto(Run) first = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) skip = { 0 };
  g_auto(Run) dry = { 0 };

  fresh_data_dir ();
  run_ok (&first, "import-roster", roster, NULL);
  g_assert_cmpstr (first.out, ==, "imported 5, updated 0, rejected 0\n");

  run_cli (&bad, "import-roster", bad_path, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "imported 0, updated 0, rejected 1\n");
  g_assert_true (g_str_has_prefix (bad.err, "bad.csv:2: "));

  run_ok (&dry, "import-roster", "--dry-run", "--skip-invalid", bad_path, NULL);
  g_assert_true (g_str_has_prefix (dry.out, "imported 1, updated 0, rejected 1"));

  run_ok (&skip, "import-roster", "--skip-invalid", bad_path, NULL);
  g_assert_cmpstr (skip.out, ==, "imported 1, updated 0, rejected 1\n");
}

/* Re-importing part of the roster keeps what the file does not say; a dry
 * run lists each change (masked); every import can be listed and undone. */
static void
test_cli_import_merge_and_undo (void)
{
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *b = xs_test_id_number (1);
  g_autofree char *full_csv = g_strdup_printf ("姓名,身份证号,工作单位,职称,专业,县区,手机号\n"
                                               "学员0,%s,漯河市中心医院,主治医师,内科,源汇区,13903950000\n"
                                               "学员1,%s,漯河市中心医院,护师,护理,郾城区,13903950001\n",
                                               a, b);
  g_autofree char *partial_csv = g_strdup_printf ("姓名,身份证号,工作单位\n"
                                                  "学员0,%s,漯河市第二人民医院\n"
                                                  "学员1,%s,漯河市中心医院\n", a, b);
  g_autofree char *blank_csv = g_strdup_printf ("姓名,身份证号,工作单位,职称,手机号\n"
                                                "学员1,%s,漯河市中心医院,,\n", b);
  g_autofree char *full = xs_test_write_file ("full.csv", full_csv, -1);
  g_autofree char *partial = xs_test_write_file ("partial.csv", partial_csv, -1);
  g_autofree char *blank = xs_test_write_file ("blank.csv", blank_csv, -1);
  g_auto(Run) first = { 0 };
  g_auto(Run) dry = { 0 };
  g_auto(Run) second = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) keep = { 0 };
  g_auto(Run) clear = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) undo = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) claim = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) bad = { 0 };
  g_autofree char *masked_a = xs_id_number_mask (a);
  g_autofree char *masked_b = xs_id_number_mask (b);
  g_autofree char *expected = NULL;

  fresh_data_dir ();
  run_ok (&first, "import-roster", full, NULL);
  g_assert_nonnull (strstr (first.err, "undo-import 1"));

  run_ok (&dry, "import-roster", "--dry-run", partial, NULL);
  expected = g_strdup_printf ("partial.csv:2: 学员0 %s: Employer 漯河市中心医院 → 漯河市第二人民医院\n"
                              "imported 0, updated 1, rejected 0 (dry run: nothing written)\n", masked_a);
  g_assert_cmpstr (dry.out, ==, expected);
  g_clear_pointer (&expected, g_free);

  run_ok (&second, "import-roster", partial, NULL);
  g_assert_cmpstr (second.out, ==, "imported 0, updated 1, rejected 0\n");

  /* the full file again: only the employer differs, nothing was emptied */
  run_cli (&check, "import-roster", "--dry-run", full, NULL);
  expected = g_strdup_printf ("full.csv:2: 学员0 %s: Employer 漯河市第二人民医院 → 漯河市中心医院\n"
                              "imported 0, updated 1, rejected 0 (dry run: nothing written)\n", masked_a);
  g_assert_cmpstr (check.out, ==, expected);
  g_clear_pointer (&expected, g_free);

  run_cli (&keep, "import-roster", "--dry-run", blank, NULL);
  g_assert_cmpstr (keep.out, ==, "imported 0, updated 0, rejected 0 (dry run: nothing written)\n");
  run_cli (&clear, "import-roster", "--dry-run", "--clear-empty", blank, NULL);
  expected = g_strdup_printf ("blank.csv:2: 学员1 %s: Title 护师 → (empty); Phone 139****0001 → (empty)\n"
                              "imported 0, updated 1, rejected 0 (dry run: nothing written)\n", masked_b);
  g_assert_cmpstr (clear.out, ==, expected);

  run_ok (&list, "imports", NULL);
  g_assert_nonnull (strstr (list.out, "partial.csv  imported 0, updated 1, rejected 0\n"));
  g_assert_nonnull (strstr (list.out, "full.csv  imported 2, updated 0, rejected 0\n"));
  g_assert_true (strstr (list.out, "partial.csv") < strstr (list.out, "full.csv"));

  run_ok (&undo, "undo-import", "2", NULL);
  g_assert_nonnull (strstr (undo.out, "partial.csv"));
  run_cli (&again, "undo-import", "2", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "undone already"));
  run_cli (&after, "import-roster", "--dry-run", full, NULL);
  g_assert_cmpstr (after.out, ==, "imported 0, updated 0, rejected 0 (dry run: nothing written)\n");

  /* hours recorded by hand for 学员0 depend on the first import */
  run_ok (&claim, "claim", "add", "--id-number", a, "--year", "2018", "--public", "--hours", "6",
          "--title", "公需科目网络培训", "--date", "2018-05-01", NULL);
  run_cli (&refused, "undo-import", "1", NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "hours were recorded for 学员0"));
  run_cli (&bad, "undo-import", "x1", NULL);
  g_assert_cmpint (bad.status, ==, 2);
}

/* Messages and debug logs name rows, never identity or phone numbers. */
static void
test_cli_logs_masked (void)
{
  g_autofree char *a = xs_test_id_number (11);
  g_autofree char *b = xs_test_id_number (12);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位,手机号\n"
                                          "张伟,%s,漯河市中心医院,13812345678\n"
                                          "李娜,%s,漯河市中心医院,1381234\n"
                                          "王芳,%s,漯河市第一中学,13912345678\n",
                                          a, b, a);
  g_autofree char *path = xs_test_write_file ("phones.csv", csv, -1);
  g_auto(Run) import = { 0 };
  g_auto(Run) skip = { 0 };

  fresh_data_dir ();
  debug_logs = TRUE;
  run_cli (&import, "import-roster", path, NULL);
  run_cli (&skip, "import-roster", "--skip-invalid", path, NULL);
  debug_logs = FALSE;

  g_assert_cmpint (import.status, ==, 1);
  g_assert_cmpint (skip.status, ==, 0);
  /* the rows are named by line */
  g_assert_nonnull (strstr (import.err, "phones.csv:3: "));
  g_assert_nonnull (strstr (import.err, "phones.csv:4: "));
  for (guint i = 0; i < 2; i++)
    {
      const Run *run = i == 0 ? &import : &skip;

      g_assert_null (strstr (run->err, a));
      g_assert_null (strstr (run->err, b));
      g_assert_null (strstr (run->err, "1381234"));
      g_assert_null (strstr (run->err, "13912345678"));
      g_assert_null (strstr (run->out, a));
    }
}

static JsonObject *
trainee_json (JsonNode   *root,
              const char *id_number)
{
  JsonArray *trainees = json_object_get_array_member (json_node_get_object (root), "trainees");

  for (guint i = 0; i < json_array_get_length (trainees); i++)
    {
      JsonObject *t = json_array_get_object_element (trainees, i);

      if (g_str_equal (json_object_get_string_member (t, "id_number"), id_number))
        return t;
    }
  g_assert_not_reached ();
}

static void
test_cli_claims_and_progress (void)
{
  g_autofree char *roster = write_roster (3);
  g_autofree char *id0 = xs_test_id_number (0);
  g_autofree char *id1 = xs_test_id_number (1);
  g_autofree char *hours = NULL;
  g_autofree char *scan = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) hours_run = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) submit = { 0 };
  g_auto(Run) attach = { 0 };
  g_auto(Run) submit2 = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) approve = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) reject = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *claim_id = NULL;
  JsonObject *t;
  static const guint8 png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
  };

  fresh_data_dir ();
  run_ok (&import, "import-roster", roster, NULL);

  hours = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,项目名称,日期\n"
                           "%s,学员0,2018,公需科目,是,24,公需必修,2018-05-01\n"
                           "%s,学员0,2018,公需科目,否,6,公需选修,2018-05-02\n"
                           "%s,学员0,2018,专业科目,,60,培训班,2018-06-01\n"
                           "%s,学员1,2018,专业科目,,30,培训班,2018-06-01\n",
                           id0, id0, id0, id1);
  g_free (roster);
  roster = xs_test_write_file ("hours.csv", hours, -1);
  run_ok (&hours_run, "import-hours", roster, NULL);
  g_assert_cmpstr (hours_run.out, ==, "imported 4, updated 0, rejected 0\n");

  /* An individual claim: the id alone on stdout */
  run_ok (&add, "claim", "add", "--id-number", id1, "--year", "2018", "--kind", "9",
          "--hours", "30", "--title", "通过全国中级资格考试", "--date", "2018-07-01", NULL);
  g_assert_true (g_regex_match_simple ("^[0-9]+\n$", add.out, 0, 0));
  claim_id = g_strstrip (g_strdup (add.out));

  run_cli (&submit, "claim", "submit", claim_id, NULL);
  g_assert_cmpint (submit.status, ==, 1);
  g_assert_nonnull (strstr (submit.err, "qualification_certificate"));

  scan = xs_test_write_file ("资格证书.png", (const char *) png, sizeof png);
  run_ok (&attach, "claim", "attach", claim_id, "--material", "qualification_certificate", scan, NULL);
  run_ok (&submit2, "claim", "submit", claim_id, NULL);

  run_ok (&show, "claim", "show", claim_id, "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, show.out, -1, &error));
  t = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (t, "status"), ==, "submitted");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (t, "evidence")), ==, 1);

  run_cli (&reject, "review", "reject", claim_id, NULL);
  g_assert_cmpint (reject.status, ==, 1);   /* no reason */

  run_ok (&approve, "review", "approve", "--year", "2018", "--all-submitted", "--reviewer", "人社局", NULL);
  g_assert_cmpstr (approve.out, ==, "approved 5 claims\n");

  run_ok (&json, "progress", "--year", "2018", "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "rule_set"), ==, "2018");
  t = trainee_json (json_parser_get_root (parser), id0);
  g_assert_cmpint (json_object_get_int_member (t, "public"), ==, 30);
  g_assert_cmpint (json_object_get_int_member (t, "compulsory"), ==, 24);
  g_assert_cmpint (json_object_get_int_member (t, "professional"), ==, 60);
  g_assert_cmpint (json_object_get_int_member (t, "total"), ==, 90);
  g_assert_cmpint (json_object_get_int_member (t, "required_total"), ==, 90);
  g_assert_true (json_object_get_boolean_member (t, "qualified"));
  t = trainee_json (json_parser_get_root (parser), id1);
  g_assert_cmpint (json_object_get_int_member (t, "professional"), ==, 60);
  g_assert_false (json_object_get_boolean_member (t, "qualified"));

  /* The table masks identity numbers. */
  run_ok (&table, "progress", "--year", "2018", NULL);
  g_assert_null (strstr (table.out, id0));
  g_assert_nonnull (strstr (table.out, "411102********"));
  g_assert_nonnull (strstr (table.out, "学员0"));
}

static void
test_cli_review_and_history (void)
{
  g_autofree char *roster = write_roster (2);
  g_autofree char *id0 = xs_test_id_number (0);
  g_autofree char *claim_id = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) submit = { 0 };
  g_auto(Run) wrong_side = { 0 };
  g_auto(Run) bad_side = { 0 };
  g_auto(Run) no_reviewer = { 0 };
  g_auto(Run) reject = { 0 };
  g_auto(Run) withdraw_rejected = { 0 };
  g_auto(Run) reopen = { 0 };
  g_auto(Run) submit2 = { 0 };
  g_auto(Run) withdraw_no_reason = { 0 };
  g_auto(Run) withdraw = { 0 };
  g_auto(Run) submit3 = { 0 };
  g_auto(Run) approve = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) history = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) nobody = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *entries;

  fresh_data_dir ();
  run_ok (&import, "import-roster", roster, NULL);
  run_ok (&add, "claim", "add", "--id-number", id0, "--year", "2018", "--public", "--hours", "6",
          "--title", "公需科目网络培训", "--date", "2018-05-01", NULL);
  claim_id = g_strstrip (g_strdup (add.out));
  run_ok (&submit, "claim", "submit", claim_id, NULL);

  /* public hours are the HR department's */
  run_cli (&wrong_side, "review", "approve", claim_id, "--side", "industry", "--reviewer", "王五", NULL);
  g_assert_cmpint (wrong_side.status, ==, 1);
  g_assert_nonnull (strstr (wrong_side.err, "HR department"));
  run_cli (&bad_side, "review", "approve", claim_id, "--side", "school", "--reviewer", "王五", NULL);
  g_assert_cmpint (bad_side.status, ==, 2);
  run_cli (&no_reviewer, "review", "approve", claim_id, "--side", "hr", NULL);
  g_assert_cmpint (no_reviewer.status, ==, 1);
  run_ok (&reject, "review", "reject", claim_id, "--side", "hr", "--reviewer", "张三",
          "--reason", "材料不清晰", NULL);

  /* rejected -> draft -> submitted; a withdrawal needs a reason */
  run_cli (&withdraw_rejected, "claim", "withdraw", claim_id, "--reason", "改正", NULL);
  g_assert_cmpint (withdraw_rejected.status, ==, 1);
  run_ok (&reopen, "claim", "reopen", claim_id, NULL);
  run_ok (&submit2, "claim", "submit", claim_id, NULL);
  run_cli (&withdraw_no_reason, "claim", "withdraw", claim_id, NULL);
  g_assert_cmpint (withdraw_no_reason.status, ==, 2);
  run_ok (&withdraw, "claim", "withdraw", claim_id, "--reason", "学时录入有误", NULL);
  run_ok (&submit3, "claim", "submit", claim_id, NULL);

  /* without --side, the side that fits the claim */
  run_ok (&approve, "review", "approve", claim_id, "--reviewer", "李四", NULL);
  run_cli (&show, "claim", "show", claim_id, "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, show.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (root, "side"), ==, "hr");
  g_assert_cmpstr (json_object_get_string_member (root, "reviewer"), ==, "李四");

  run_ok (&history, "history", "--id-number", id0, NULL);
  g_assert_null (strstr (history.out, id0));
  g_assert_nonnull (strstr (history.out, "411102********"));
  g_assert_nonnull (strstr (history.out, "学员0 added to the roster"));
  g_assert_nonnull (strstr (history.out, "rejected by the HR department (reviewer 张三): 材料不清晰"));
  g_assert_nonnull (strstr (history.out, "reopened for correction"));
  g_assert_nonnull (strstr (history.out, "withdrawn for correction: 学时录入有误"));
  g_assert_nonnull (strstr (history.out, "approved by the HR department (reviewer 李四)"));
  /* oldest first */
  g_assert_true (strstr (history.out, "rejected by") < strstr (history.out, "withdrawn"));
  g_assert_true (strstr (history.out, "withdrawn") < strstr (history.out, "approved by"));

  run_ok (&json, "history", "--id-number", id0, "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "name"), ==, "学员0");
  entries = json_object_get_array_member (root, "entries");
  /* added; claim recorded, submitted, rejected, reopened, submitted,
   * withdrawn, submitted, approved */
  g_assert_cmpuint (json_array_get_length (entries), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 6), "action"), ==, "withdraw");

  run_cli (&nobody, "history", "--id-number", "11010519491231002X", NULL);
  g_assert_cmpint (nobody.status, ==, 1);
}

static void
test_cli_demo_and_check (void)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) rules = { 0 };

  fresh_data_dir ();
  run_ok (&demo, "demo", "--trainees", "40", NULL);
  run_cli (&again, "demo", NULL);
  g_assert_cmpint (again.status, ==, 1);
  run_ok (&check, "check", NULL);
  g_assert_true (g_str_has_prefix (check.out, "ok"));
  run_ok (&rules, "rules", "--year", "2016", NULL);
  g_assert_nonnull (strstr (rules.out, "2018"));
}

static void
test_cli_certificates (void)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) nameless = { 0 };
  g_auto(Run) issue = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) reprint = { 0 };
  g_auto(Run) revoke = { 0 };
  g_auto(Run) key = { 0 };
  g_auto(Run) verify = { 0 };
  g_autofree char *out_dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *contents = NULL;
  guint n = 0, issued = 0;

  fresh_data_dir ();
  out_dir = xs_test_make_tmpdir ();
  pdf = g_build_filename (out_dir, "certificates.pdf", NULL);
  copy = g_build_filename (out_dir, "reprint.pdf", NULL);
  key_file = g_build_filename (out_dir, "base.pub", NULL);
  run_ok (&demo, "demo", "--trainees", "60", NULL);

  /* no base name: refused, nothing written */
  run_cli (&nameless, "certificates", "--year", "2018", "--out", pdf, NULL);
  g_assert_cmpint (nameless.status, ==, 1);
  g_assert_nonnull (strstr (nameless.err, "base"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_ok (&issue, "certificates", "--year", "2018", "--out", pdf, "--base-name", "漯河市继续教育基地", NULL);
  g_assert_cmpint (sscanf (issue.out, "%u certificates (%u newly issued)", &n, &issued), ==, 2);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (issued, ==, n);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* issued once: a second run reuses every certificate */
  run_ok (&again, "certificates", "--year", "2018", "--out", pdf, "--base-name", "另一个名字", NULL);
  g_assert_nonnull (strstr (again.out, "(0 newly issued)"));

  run_ok (&reprint, "reprint", "2018-JX-000001", "--out", copy, NULL);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  run_cli (&revoke, "revoke", "2018-JX-000001", NULL);
  g_assert_cmpint (revoke.status, ==, 1);

  run_ok (&key, "export-public-key", "--out", key_file, NULL);
  g_assert_true (g_file_get_contents (key_file, &key_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (key_text, "xueshi-ed25519:"));

  run_cli (&verify, "verify", "XS1;S=2018-JX-000001;Y=2018;K=A;P=300;C=240;R=600;T=900;H=0123456789ab;G=AAAA",
           "--public-key", key_file, NULL);
  g_assert_cmpint (verify.status, ==, 1);
  g_assert_true (g_str_has_prefix (verify.out, "INVALID"));
}

/* at-risk and stats over the demo base */
static void
test_cli_at_risk_and_stats (void)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) past = { 0 };
  g_auto(Run) future = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) stats_json = { 0 };
  g_auto(Run) xlsx = { 0 };
  g_auto(Run) bad_by = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "statistics-2018.xlsx", NULL);
  g_autofree char *contents = NULL;
  JsonObject *root;
  JsonArray *trainees;

  fresh_data_dir ();
  run_ok (&demo, "demo", "--trainees", "40", NULL);

  run_ok (&json, "at-risk", "--year", "2018", "--date", "2018-07-01", "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "2018-07-01");
  trainees = json_object_get_array_member (root, "trainees");
  g_assert_cmpint (json_array_get_length (trainees), ==, json_object_get_int_member (root, "at_risk"));
  g_assert_cmpint (json_array_get_length (trainees), >, 0);
  for (guint i = 0; i < json_array_get_length (trainees); i++)
    {
      JsonObject *t = json_array_get_object_element (trainees, i);

      g_assert_true (json_object_get_boolean_member (t, "at_risk"));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (t, "lacking"), "lacks "));
    }

  /* 2018 is over: everyone not qualified who lacks hours; numbers masked */
  run_ok (&past, "at-risk", "--year", "2018", "--date", "2019-01-10", NULL);
  g_assert_nonnull (strstr (past.out, "********"));
  g_assert_nonnull (strstr (past.out, "lacks "));
  run_ok (&future, "at-risk", "--year", "2018", "--date", "2017-12-31", NULL);
  g_assert_nonnull (strstr (future.out, ": 0 of "));

  run_cli (&bad_date, "at-risk", "--date", "2018-02-30", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);

  run_ok (&csv, "stats", "--year", "2018", "--by", "county", "--format", "csv", NULL);
  g_assert_true (g_str_has_prefix (csv.out, "county,trainees,qualified,in_progress,missing_evidence\r\n"));

  g_clear_object (&parser);
  parser = json_parser_new ();
  run_ok (&stats_json, "stats", "--year", "2018", "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, stats_json.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "by"), ==, "employer");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "total"), "trainees"), ==, 40);

  run_ok (&xlsx, "stats", "--year", "2018", "--out", out, NULL);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "PK"));

  run_cli (&bad_by, "stats", "--by", "town", NULL);
  g_assert_cmpint (bad_by.status, ==, 2);
}

static void
test_cli_package_and_decisions (void)
{
  g_autofree char *roster = write_roster (2);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *package_path = g_build_filename (dir, "package.zip", NULL);
  g_autofree char *again_path = g_build_filename (dir, "again.zip", NULL);
  g_autofree char *decisions_path = g_build_filename (dir, "decisions.json", NULL);
  g_autofree char *decisions = NULL, *expected = NULL;
  char *claim_ids[2] = { NULL, NULL };
  char *refs[2] = { NULL, NULL };
  g_autoptr(XsPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) no_year = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) dry = { 0 };
  g_auto(Run) skip = { 0 };
  g_auto(Run) no_file = { 0 };
  g_auto(Run) nothing = { 0 };
  g_auto(Run) unsigned_run = { 0 };

  fresh_data_dir ();
  run_ok (&import, "import-roster", roster, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = xs_test_id_number (i);
      g_auto(Run) add = { 0 };
      g_auto(Run) submit = { 0 };

      run_ok (&add, "claim", "add", "--id-number", id, "--year", "2018", "--public", "--hours", "6",
              "--title", "公需科目网络培训", "--date", "2018-05-01", NULL);
      claim_ids[i] = g_strstrip (g_strdup (add.out));
      refs[i] = g_strdup_printf ("2018-%06d", atoi (claim_ids[i]));
      run_ok (&submit, "claim", "submit", claim_ids[i], NULL);
    }

  run_cli (&no_year, "export", "--out", package_path, NULL);
  g_assert_cmpint (no_year.status, ==, 2);
  run_cli (&nothing, "export", "--year", "2016", "--base-name", "漯河市继续教育基地", "--out", package_path, NULL);
  g_assert_cmpint (nothing.status, ==, 1);
  g_assert_false (g_file_test (package_path, G_FILE_TEST_EXISTS));

  /* the same data, the same bytes: the printed digest can be checked */
  run_ok (&export, "export", "--year", "2018", "--base-name", "漯河市继续教育基地", "--out", package_path, NULL);
  run_ok (&again, "export", "--year", "2018", "--base-name", "漯河市继续教育基地", "--out", again_path, NULL);
  package = xs_package_open (package_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_package_get_n_claims (package), ==, 2);
  g_assert_cmpstr (xs_package_get_base_name (package), ==, "漯河市继续教育基地");
  g_assert_nonnull (strstr (export.out, xs_package_get_digest (package)));
  g_assert_nonnull (strstr (again.out, xs_package_get_digest (package)));

  /* the attack: a hand-written file approving both claims */
  decisions = g_strdup_printf ("{\"format\": \"xueshi-decisions\", \"format_version\": 1, "
                               "\"base_id\": \"%s\", \"package\": \"%s\", \"decisions\": ["
                               "{\"ref\": \"%s\", \"decision\": \"approved\", \"side\": \"hr\", "
                               "\"reviewer\": \"人社局审核员\"},"
                               "{\"ref\": \"%s\", \"decision\": \"approved\", \"side\": \"hr\", "
                               "\"reviewer\": \"人社局审核员\"}]}",
                               xs_package_get_base_id (package), xs_package_get_digest (package),
                               refs[0], refs[1]);
  g_assert_true (g_file_set_contents (decisions_path, decisions, -1, NULL));
  run_cli (&unsigned_run, "import-decisions", "--skip-invalid", decisions_path, NULL);
  g_assert_cmpint (unsigned_run.status, ==, 1);
  g_assert_nonnull (strstr (unsigned_run.err, "no reviewer’s signature"));

  /* the reviewer, in another data folder, makes a key; the base registers it */
  {
    g_autofree char *reviewer_dir = xs_test_make_tmpdir ();
    g_autofree char *key_file = g_build_filename (reviewer_dir, "人社局.pub", NULL);
    g_autofree char *reviewer_key_path = NULL;
    g_autofree char *base_dir = g_strdup (data_dir);
    g_autoptr(XsSigningKey) reviewer_key = NULL;
    g_autofree char *body = NULL;
    g_autofree char *signature = NULL;
    g_auto(Run) create = { 0 };
    g_auto(Run) export_key = { 0 };
    g_auto(Run) add = { 0 };
    g_auto(Run) list = { 0 };

    g_free (data_dir);
    data_dir = g_strdup (reviewer_dir);
    run_ok (&create, "reviewer-key", "create", NULL);
    run_ok (&export_key, "reviewer-key", "export", "--out", key_file, NULL);
    g_free (data_dir);
    data_dir = g_strdup (base_dir);
    run_ok (&add, "reviewers", "add", "--name", "人社局审核员", "--side", "hr", key_file, NULL);
    run_cli (&list, "reviewers", "list", NULL);
    g_assert_nonnull (strstr (list.out, "人社局审核员\thr\t"));

    /* row 2 is decided for the side the reviewer is not registered for */
    reviewer_key_path = g_build_filename (reviewer_dir, "reviewer", "reviewer-key", NULL);
    reviewer_key = xs_signing_key_open_file (reviewer_key_path, &error);
    g_assert_no_error (error);
    body = g_strdup_printf ("{\"format\": \"xueshi-decisions\", \"format_version\": 1, "
                            "\"base_id\": \"%s\", \"package\": \"%s\", \"reviewer_key\": \"%s\", "
                            "\"decisions\": ["
                            "{\"ref\": \"%s\", \"decision\": \"approved\", \"side\": \"hr\", "
                            "\"reviewer\": \"人社局审核员\"},"
                            "{\"ref\": \"%s\", \"decision\": \"approved\", \"side\": \"industry\", "
                            "\"reviewer\": \"卫健委审核员\"}]}\n",
                            xs_package_get_base_id (package), xs_package_get_digest (package),
                            xs_signing_key_get_public_text (reviewer_key), refs[0], refs[1]);
    signature = xs_signing_key_sign (reviewer_key, body);
    g_free (decisions);
    decisions = g_strdup_printf ("%ssignature: %s\n", body, signature);
    g_assert_true (g_file_set_contents (decisions_path, decisions, -1, NULL));
  }

  run_cli (&refused, "import-decisions", decisions_path, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "applied 0, refused 1\n");
  expected = g_strdup_printf ("decisions.json:2: %s: ", refs[1]);
  g_assert_nonnull (strstr (refused.err, expected));
  run_ok (&dry, "import-decisions", "--dry-run", "--skip-invalid", decisions_path, NULL);
  g_assert_cmpstr (dry.out, ==, "applied 1, refused 1 (dry run: nothing written)\n");
  run_ok (&skip, "import-decisions", "--skip-invalid", decisions_path, NULL);
  g_assert_cmpstr (skip.out, ==, "applied 1, refused 1\n");
  /* checked again, the file says when it was applied */
  {
    g_auto(Run) checked = { 0 };

    run_cli (&checked, "import-decisions", "--dry-run", decisions_path, NULL);
    g_assert_cmpint (checked.status, ==, 1);
    g_assert_nonnull (strstr (checked.err, "was applied already, at 20"));
    g_assert_cmpstr (checked.out, ==, "applied 0, refused 2 (dry run: nothing written)\n");
  }
  run_cli (&no_file, "import-decisions", NULL);
  g_assert_cmpint (no_file.status, ==, 2);

  /* the decisions import is undone as one: the claim is submitted again */
  {
    g_auto(Run) list = { 0 };
    g_auto(Run) undo = { 0 };
    g_auto(Run) show = { 0 };
    g_autofree char *number = NULL;

    run_ok (&list, "imports", NULL);
    g_assert_nonnull (strstr (list.out, "decisions.json"));
    number = g_strndup (g_strchug (list.out), strcspn (g_strchug (list.out), " "));
    run_ok (&undo, "undo-import", number, NULL);
    run_ok (&show, "claim", "show", claim_ids[0], "--format", "json", NULL);
    g_assert_nonnull (strstr (show.out, "\"submitted\""));
  }

  for (guint i = 0; i < 2; i++)
    {
      g_free (claim_ids[i]);
      g_free (refs[i]);
    }
}

/* The rules of the notice, one sentence each (the core tests are in
 * test-notice-rules.c). */

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
expect (const Run  *run,
        int         status,
        const char *needle)
{
  g_assert_cmpint (run->status, ==, status);
  if (needle != NULL)
    g_assert_nonnull (strstr (status == 0 ? run->out : run->err, needle));
}

static void
test_cli_notice_rules (void)
{
  g_autofree char *roster = write_roster (3);
  g_autofree char *id0 = xs_test_id_number (0);
  g_autofree char *id1 = xs_test_id_number (1);
  g_autofree char *id2 = xs_test_id_number (2);
  g_autofree char *hours = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                                            "%s,学员0,2018,公需科目,是,24,,公需必修,2018-05-01\n"
                                            "%s,学员0,2018,专业科目,,30,1,基地培训班,2018-06-01\n"
                                            "%s,学员0,2018,专业科目,,12.5,2,医学会研修,2018-09-03\n",
                                            id0, id0, id0);
  g_autofree char *hours_path = xs_test_write_file ("notice-hours.csv", hours, -1);
  g_autofree char *scan = xs_test_fixture_path ("scan.jpg");
  g_autoptr(JsonParser) parser = json_parser_new ();
  Run r[24] = { { 0 } };
  JsonObject *o;
  JsonArray *kinds;

  fresh_data_dir ();
  run_ok (&r[0], "import-roster", roster, NULL);

  /* 1 */
  g_test_message ("附件1: 个人申报需要上传培训通知、结业证书及单位证明材料，基地统一上报的可以不用提供。");
  run_cli (&r[1], "import-hours", hours_path, NULL);
  expect (&r[1], 0, "imported 3, updated 0, rejected 0; 1 of them drafts waiting for materials");
  run_cli (&r[2], "claim", "show", "3", "--format", "json", NULL);
  o = parse_object (parser, r[2].out);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "draft");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "missing_materials")), ==, 3);
  run_cli (&r[3], "review", "approve", "--year", "2018", "--all-submitted", "--reviewer", "审核员", NULL);
  expect (&r[3], 0, "2");
  run_cli (&r[4], "claim", "submit", "3", NULL);
  expect (&r[4], 1, "training_notice");
  run_cli (&r[5], "review", "approve", "3", "--reviewer", "审核员", NULL);
  expect (&r[5], 1, NULL);

  /* 2 */
  g_test_message ("附件15: 年度内在境外工作超过 6 个月……学时按实际在岗时间计算，"
                  "如需申报 60 个学时，休半年产假可折算 30 个学时。");
  run_ok (&r[6], "claim", "add", "--id-number", id1, "--year", "2018", "--kind", "15", "--absence", "abroad",
          "--months", "7", "--title", "境外工作", "--date", "2018-11-30", NULL);
  run_cli (&r[7], "claim", "add", "--id-number", id1, "--year", "2018", "--kind", "15", "--absence", "maternity",
           "--months", "6", "--title", "产假", "--date", "2018-12-01", NULL);
  expect (&r[7], 1, "2018 already has 7 months of absence recorded; at most 5 more");
  run_ok (&r[8], "claim", "add", "--id-number", id2, "--year", "2018", "--kind", "15", "--absence", "abroad",
          "--months", "6.5", "--title", "境外工作", "--date", "2018-11-30", NULL);
  run_cli (&r[9], "claim", "show", g_strstrip (r[8].out), "--format", "json", NULL);
  o = parse_object (parser, r[9].out);
  g_assert_cmpfloat (json_object_get_double_member (o, "absence_months"), ==, 6.5);
  g_assert_cmpfloat (json_object_get_double_member (o, "hours"), ==, 32.5);

  /* 3 */
  g_test_message ("附件16: 由市人社局参照专业科目学时折算标准确认学时。");
  run_ok (&r[10], "claim", "add", "--id-number", id2, "--year", "2018", "--kind", "16", "--hours", "8",
          "--title", "其他形式学习", "--date", "2018-06-01", NULL);
  g_strstrip (r[10].out);
  run_cli (&r[11], "claim", "attach", r[10].out, "--material", "supporting_document", scan, NULL);
  run_ok (&r[12], "claim", "submit", r[10].out, NULL);
  run_cli (&r[13], "review", "approve", r[10].out, "--side", "industry", "--reviewer", "行业主管部门", NULL);
  expect (&r[13], 1, "HR bureau");
  run_cli (&r[14], "claim", "show", r[10].out, NULL);
  expect (&r[14], 0, "Decided by: HR department");
  run_ok (&r[15], "review", "approve", r[10].out, "--side", "hr", "--reviewer", "市人社局", NULL);

  /* 4 */
  g_test_message ("二(二): 补学时间安排：2018年3月1日至2018年12月30日。2019年将不再提供以往年度的补学内容。");
  run_ok (&r[16], "claim", "add", "--id-number", id1, "--year", "2017", "--public", "--hours", "6",
          "--title", "2017公需", "--date", "2017-06-01", NULL);
  run_ok (&r[17], "claim", "add", "--id-number", id1, "--year", "2017", "--kind", "2", "--hours", "6",
          "--title", "2017研修", "--date", "2017-06-02", NULL);
  run_cli (&r[18], "claim", "add", "--id-number", id1, "--year", "2017", "--public", "--hours", "6",
           "--title", "2017补学", "--date", "2019-03-01", NULL);
  expect (&r[18], 1, "2018-12-30");

  /* 5 */
  g_test_message ("二(二): 公需科目的学习……学习时间从2018年3月开始。");
  run_cli (&r[19], "claim", "add", "--id-number", id1, "--year", "2018", "--public", "--hours", "6",
           "--title", "2018公需", "--date", "2018-02-28", NULL);
  expect (&r[19], 1, "2018-03-01");

  /* 6 */
  g_test_message ("二(二): 补学时间安排：2018年3月1日至2018年12月30日。");
  run_cli (&r[20], "at-risk", "--year", "2017", "--date", "2018-06-01", "--format", "json", NULL);
  o = parse_object (parser, r[20].out);
  g_assert_false (json_object_get_boolean_member (o, "closed"));
  g_assert_cmpstr (json_object_get_string_member (o, "makeup_until"), ==, "2018-12-30");
  run_cli (&r[21], "at-risk", "--year", "2017", "--date", "2018-12-31", NULL);
  expect (&r[21], 0, "2017 is closed");

  /* the rules as data */
  run_cli (&r[22], "rules", "--year", "2019", "--format", "json", NULL);
  o = parse_object (parser, r[22].out);
  g_assert_cmpint (json_object_get_int_member (o, "year"), ==, 2019);
  g_assert_cmpstr (json_object_get_string_member (o, "rule_set"), ==, "2018");
  g_assert_true (json_object_get_boolean_member (o, "carried_over"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "batch_without_evidence")), ==, 1);
  kinds = json_object_get_array_member (o, "kinds");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (kinds, 0), "max_hours"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_array_get_object_element (kinds, 14), "year_limits"), "max_months"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (kinds, 15), "decided_by"),
                   ==, "hr");
  run_cli (&r[23], "rules", "--year", "2019", NULL);
  expect (&r[23], 0, "the rules of 2018 carry over");
  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    xs_test_run_clear (&r[i]);
}

/* A seal as a PNG file, drawn by cairo. */
static char *
write_seal (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, "印章 䶮.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 48, 48);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0, 0);
  cairo_arc (cr, 24, 24, 20, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static JsonObject *
show_base (void)
{
  g_auto(Run) show = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  run_ok (&show, "base", "show", "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, show.out, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

#define PROFILE_NAME "漯河市职业技术学院继续教育基地（䶮𠮷）"

static void
test_cli_base_profile (void)
{
  g_autofree char *seal = write_seal ();
  g_autofree char *jpeg = xs_test_fixture_path ("scan.jpg");
  g_autofree char *seal_contents = NULL;
  g_autofree char *seal_digest = NULL;
  g_autoptr(GString) too_long = g_string_new (NULL);
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) unchanged = NULL;
  g_auto(Run) nothing = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) bad_seal = { 0 };
  g_auto(Run) long_name = { 0 };
  g_auto(Run) bad_template = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) no_seal = { 0 };
  JsonObject *seal_object;
  gsize seal_length = 0;

  fresh_data_dir ();
  before = show_base ();
  g_assert_cmpstr (json_object_get_string_member (before, "name"), ==, "");
  g_assert_true (json_object_get_null_member (before, "seal"));
  /* the key is made with the base */
  g_assert_false (json_object_get_null_member (before, "key_fingerprint"));
  g_assert_true (json_object_get_boolean_member (before, "empty"));
  g_assert_cmpstr (json_object_get_string_member (before, "orientation"), ==, "portrait");

  run_cli (&nothing, "base", "set", NULL);
  g_assert_cmpint (nothing.status, ==, 2);
  run_cli (&unknown, "base", "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  run_cli (&both, "base", "set", "--landscape", "--portrait", NULL);
  g_assert_cmpint (both.status, ==, 2);

  run_ok (&set, "base", "set", "--name", PROFILE_NAME, "--issuer", "漯河市人力资源和社会保障局",
          "--seal", seal, "--landscape", "--full-id-number", NULL);
  after = show_base ();
  g_assert_cmpstr (json_object_get_string_member (after, "name"), ==, PROFILE_NAME);
  g_assert_cmpstr (json_object_get_string_member (after, "issuer"), ==, "漯河市人力资源和社会保障局");
  g_assert_cmpstr (json_object_get_string_member (after, "orientation"), ==, "landscape");
  g_assert_true (json_object_get_boolean_member (after, "full_id_number"));
  g_assert_false (json_object_get_boolean_member (after, "empty"));
  g_assert_true (g_file_get_contents (seal, &seal_contents, &seal_length, NULL));
  seal_digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) seal_contents, seal_length);
  seal_object = json_object_get_object_member (after, "seal");
  g_assert_nonnull (seal_object);
  g_assert_cmpint (json_object_get_int_member (seal_object, "bytes"), ==, seal_length);
  g_assert_cmpstr (json_object_get_string_member (seal_object, "sha256"), ==, seal_digest);

  /* refused input changes nothing */
  run_cli (&bad_seal, "base", "set", "--name", "别的名字", "--seal", jpeg, NULL);
  g_assert_cmpint (bad_seal.status, ==, 1);
  g_assert_nonnull (strstr (bad_seal.err, "scan.jpg"));
  for (int i = 0; i < 101; i++)
    g_string_append (too_long, "𠮷");
  run_cli (&long_name, "base", "set", "--name", too_long->str, NULL);
  g_assert_cmpint (long_name.status, ==, 1);
  run_cli (&bad_template, "base", "set", "--annual-template", "fancy", NULL);
  g_assert_cmpint (bad_template.status, ==, 1);
  g_assert_nonnull (strstr (bad_template.err, "fancy"));
  unchanged = show_base ();
  g_assert_cmpstr (json_object_get_string_member (unchanged, "name"), ==, PROFILE_NAME);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (unchanged, "seal"), "sha256"),
                   ==, seal_digest);

  run_ok (&table, "base", "show", NULL);
  g_assert_nonnull (strstr (table.out, PROFILE_NAME));
  g_assert_nonnull (strstr (table.out, "landscape"));

  run_ok (&no_seal, "base", "set", "--no-seal", NULL);
  g_clear_pointer (&after, json_object_unref);
  after = show_base ();
  g_assert_true (json_object_get_null_member (after, "seal"));
  g_assert_cmpstr (json_object_get_string_member (after, "name"), ==, PROFILE_NAME);
}

/* certificates and export take the base from its profile; an option
 * changes one run only. */
static void
test_cli_base_profile_used (void)
{
  g_autofree char *out_dir = NULL;
  g_autofree char *seal = write_seal ();
  g_autofree char *pdf = NULL;
  g_autofree char *package_path = NULL;
  g_autoptr(JsonObject) profile = NULL;
  g_autoptr(XsPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) nameless_export = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) issue = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) export = { 0 };
  g_autofree char *uri = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  double width = 0, height = 0;

  fresh_data_dir ();
  /* outputs never go into the data folder */
  out_dir = xs_test_make_tmpdir ();
  pdf = g_build_filename (out_dir, "certificates.pdf", NULL);
  package_path = g_build_filename (out_dir, "package.zip", NULL);
  run_ok (&demo, "demo", "--trainees", "30", NULL);

  run_cli (&nameless_export, "export", "--year", "2018", "--out", package_path, NULL);
  g_assert_cmpint (nameless_export.status, ==, 1);
  g_assert_nonnull (strstr (nameless_export.err, "base set --name"));
  g_assert_false (g_file_test (package_path, G_FILE_TEST_EXISTS));

  run_ok (&set, "base", "set", "--name", PROFILE_NAME, "--seal", seal, "--landscape", NULL);

  run_cli (&both, "certificates", "--year", "2018", "--out", pdf, "--full-id-number", "--masked-id-number", NULL);
  g_assert_cmpint (both.status, ==, 2);
  run_ok (&issue, "certificates", "--year", "2018", "--out", pdf, "--issuer", "只用这一次", NULL);
  /* the profile's orientation: pages wider than high */
  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), >, 0);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_object_unref (page);
  g_object_unref (document);
  profile = show_base ();
  g_assert_cmpstr (json_object_get_string_member (profile, "issuer"), ==, "");
  g_assert_false (json_object_get_null_member (profile, "key_fingerprint"));

  run_ok (&export, "export", "--year", "2018", "--out", package_path, NULL);
  package = xs_package_open (package_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xs_package_get_base_name (package), ==, PROFILE_NAME);
}

/* templates for pre-printed paper, the offset, the calibration page, and a
 * reprint that stays the same after the profile moves on */
static void
test_cli_templates (void)
{
  g_autofree char *form = xs_test_fixture_path ("template-form.json");
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *bad = NULL;
  g_autofree char *calibration = g_build_filename (out_dir, "calibration.pdf", NULL);
  g_autofree char *pdf = g_build_filename (out_dir, "certificates.pdf", NULL);
  g_autofree char *first = g_build_filename (out_dir, "first.pdf", NULL);
  g_autofree char *later = g_build_filename (out_dir, "later.pdf", NULL);
  g_autofree char *first_bytes = NULL;
  g_autofree char *later_bytes = NULL;
  g_autoptr(JsonObject) profile = NULL;
  gsize first_length = 0, later_length = 0;
  g_auto(Run) demo = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) twice = { 0 };
  g_auto(Run) hostile = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) far = { 0 };
  g_auto(Run) page = { 0 };
  g_auto(Run) issue = { 0 };
  g_auto(Run) reprint = { 0 };
  g_auto(Run) in_use = { 0 };
  g_auto(Run) standard = { 0 };
  g_auto(Run) removed = { 0 };
  g_auto(Run) again = { 0 };

  fresh_data_dir ();
  run_ok (&demo, "demo", "--trainees", "30", NULL);
  run_ok (&add, "templates", "add", form, NULL);
  run_cli (&twice, "templates", "add", form, NULL);
  g_assert_cmpint (twice.status, ==, 1);
  g_assert_nonnull (strstr (twice.err, "remove it first"));
  bad = xs_test_write_file ("bad-form.json",
                            "{\"format\": \"xueshi-certificate-template\", \"version\": 1, \"name\": \"bad\","
                            " \"layout\": \"fixed\", \"paper\": {\"width\": 297, \"height\": 210},"
                            " \"fields\": [{\"field\": \"name\", \"x\": -4, \"y\": 10, \"width\": 50, \"size\": 12}]}",
                            -1);
  run_cli (&hostile, "templates", "add", bad, NULL);
  g_assert_cmpint (hostile.status, ==, 1);
  g_assert_nonnull (strstr (hostile.err, "bad-form.json"));
  g_assert_nonnull (strstr (hostile.err, "“name”"));
  run_ok (&list, "templates", "list", NULL);
  g_assert_nonnull (strstr (list.out, "portrait"));
  g_assert_nonnull (strstr (list.out, "red-form-a4"));
  g_assert_null (strstr (list.out, "bad"));

  run_ok (&set, "base", "set", "--name", "漯河市继续教育基地", "--annual-template", "red-form-a4",
          "--offset-x", "1.5", "--offset-y", "-0.7", NULL);
  profile = show_base ();
  g_assert_cmpstr (json_object_get_string_member (profile, "annual_template"), ==, "red-form-a4");
  g_assert_cmpfloat (fabs (json_object_get_double_member (profile, "offset_x_mm") - 1.5), <, 0.01);
  g_assert_cmpfloat (fabs (json_object_get_double_member (profile, "offset_y_mm") + 0.7), <, 0.01);
  run_cli (&far, "base", "set", "--offset-x", "25", NULL);
  g_assert_cmpint (far.status, !=, 0);

  run_ok (&page, "certificates", "--calibration", "--out", calibration, NULL);
  g_assert_nonnull (strstr (page.out, "red-form-a4"));
  g_assert_true (g_file_test (calibration, G_FILE_TEST_IS_REGULAR));

  run_ok (&issue, "certificates", "--year", "2018", "--out", pdf, NULL);
  run_ok (&reprint, "reprint", "2018-JX-000001", "--out", first, NULL);

  /* the form is in use: not removed; once the profile moves on, it is */
  run_cli (&in_use, "templates", "remove", "red-form-a4", NULL);
  g_assert_cmpint (in_use.status, ==, 1);
  run_ok (&standard, "base", "set", "--annual-template", "standard", "--offset-x", "0", "--offset-y", "0", NULL);
  run_ok (&removed, "templates", "remove", "red-form-a4", NULL);

  /* the certificate keeps its form and offset: the same bytes */
  run_ok (&again, "reprint", "2018-JX-000001", "--out", later, NULL);
  g_assert_true (g_file_get_contents (first, &first_bytes, &first_length, NULL));
  g_assert_true (g_file_get_contents (later, &later_bytes, &later_length, NULL));
  g_assert_cmpuint (first_length, ==, later_length);
  g_assert_true (memcmp (first_bytes, later_bytes, first_length) == 0);
}

/* No --out lands in the data folder; outputs are the owner's only. */
static void
test_cli_safe_outputs (void)
{
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *db = NULL, *key = NULL, *inside = NULL, *link = NULL, *dotdot = NULL;
  g_autofree char *db_before = NULL, *key_before = NULL, *db_after = NULL, *key_after = NULL;
  g_autofree char *pdf = g_build_filename (out_dir, "c.pdf", NULL);
  g_autofree char *copy = g_build_filename (out_dir, "r.pdf", NULL);
  g_autofree char *zip = g_build_filename (out_dir, "p.zip", NULL);
  g_autofree char *xlsx = g_build_filename (out_dir, "s.xlsx", NULL);
  g_autofree char *pub = g_build_filename (out_dir, "k.pub", NULL);
  g_autofree char *base = NULL;
  g_auto(Run) demo = { 0 };
  g_auto(Run) issue = { 0 };
  g_auto(Run) reprint = { 0 };
  g_auto(Run) export = { 0 };
  g_auto(Run) stats = { 0 };
  g_auto(Run) key_run = { 0 };

  fresh_data_dir ();
  db = g_build_filename (data_dir, "xueshi.db", NULL);
  key = g_build_filename (data_dir, "signing-key", NULL);
  inside = g_build_filename (data_dir, "c.pdf", NULL);
  link = g_build_filename (out_dir, "link.pdf", NULL);
  base = g_path_get_basename (data_dir);
  dotdot = g_build_filename (out_dir, "..", base, "signing-key", NULL);
  run_ok (&demo, "demo", "--trainees", "30", NULL);
  run_ok (&issue, "certificates", "--year", "2018", "--base-name", "基地", "--out", pdf, NULL);
  run_ok (&reprint, "reprint", "2018-JX-000001", "--out", copy, NULL);
  run_ok (&export, "export", "--year", "2018", "--base-name", "基地", "--out", zip, NULL);
  run_ok (&stats, "stats", "--year", "2018", "--out", xlsx, NULL);
  run_ok (&key_run, "export-public-key", "--out", pub, NULL);

  /* personal data: the owner's only; the public key: anyone's */
  g_assert_cmpint (xs_test_file_mode (pdf), ==, 0600);
  g_assert_cmpint (xs_test_file_mode (copy), ==, 0600);
  g_assert_cmpint (xs_test_file_mode (zip), ==, 0600);
  g_assert_cmpint (xs_test_file_mode (xlsx), ==, 0600);
  g_assert_cmpint (xs_test_file_mode (pub), ==, 0644);

  g_assert_cmpint (symlink (db, link), ==, 0);
  db_before = xs_test_read_file (db, NULL);
  key_before = xs_test_read_file (key, NULL);
  {
    const char *targets[] = { db, key, inside, link, dotdot };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        const char *commands[][9] = {
          { "certificates", "--year", "2018", "--base-name", "基地", "--out", targets[i], NULL },
          { "reprint", "2018-JX-000001", "--out", targets[i], NULL },
          { "export", "--year", "2018", "--base-name", "基地", "--out", targets[i], NULL },
          { "stats", "--year", "2018", "--out", targets[i], NULL },
          { "export-public-key", "--out", targets[i], NULL },
          { "backup", "--out", targets[i], NULL },
        };

        for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
          {
            const char **a = commands[c];
            g_auto(Run) run = { 0 };

            run_cli (&run, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);
            g_assert_cmpint (run.status, ==, 1);
            g_assert_nonnull (strstr (run.err, "data folder"));
          }
      }
  }
  db_after = xs_test_read_file (db, NULL);
  key_after = xs_test_read_file (key, NULL);
  g_assert_cmpstr (key_after, ==, key_before);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
}

/* Names that are formulas come out of every CSV as text; names with
 * control characters are refused at import, and what is printed is
 * escaped. */
static void
test_cli_hostile_names (void)
{
  g_autofree char *id0 = xs_test_id_number (0);
  g_autofree char *id1 = xs_test_id_number (1);
  g_autofree char *id2 = xs_test_id_number (2);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位\n"
                                          "\"=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",%s,\"+cmd|' /C calc'!A0\"\n"
                                          "王\xe2\x80\xae" "明,%s,漯河市中心医院\n"
                                          "\x1b[2J李四,%s,漯河市中心医院\n", id0, id1, id2);
  g_autofree char *roster = xs_test_write_file ("bad\x1b]0;x\x07.csv", csv, -1);
  g_autofree char *masked = g_strdup_printf ("%.6s", id0);
  g_auto(Run) import = { 0 };
  g_auto(Run) progress = { 0 };
  g_auto(Run) at_risk = { 0 };
  g_auto(Run) stats = { 0 };
  g_auto(Run) table = { 0 };
  g_auto(Run) missing = { 0 };

  fresh_data_dir ();
  run_ok (&import, "import-roster", "--skip-invalid", roster, NULL);
  g_assert_cmpstr (import.out, ==, "imported 1, updated 0, rejected 2\n");
  g_assert_nonnull (strstr (import.err, "\\u{202E}"));
  g_assert_nonnull (strstr (import.err, "\\x1B[2J"));
  g_assert_nonnull (strstr (import.err, "bad\\x1B]0;x\\x07.csv"));
  g_assert_null (strchr (import.err, '\x1b'));
  g_assert_null (strstr (import.err, "\xe2\x80\xae"));

  run_ok (&progress, "progress", "--year", "2018", "--format", "csv", NULL);
  g_assert_nonnull (strstr (progress.out, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\","));
  g_assert_nonnull (strstr (progress.out, ",'+cmd|' /C calc'!A0,"));
  g_assert_null (strstr (progress.out, ",=HYPERLINK"));
  run_ok (&at_risk, "at-risk", "--year", "2018", "--date", "2019-01-10", "--format", "csv", NULL);
  g_assert_nonnull (strstr (at_risk.out, "'=HYPERLINK"));
  g_assert_nonnull (strstr (at_risk.out, "'+cmd"));
  run_ok (&stats, "stats", "--year", "2018", "--format", "csv", NULL);
  g_assert_nonnull (strstr (stats.out, "\r\n'+cmd|' /C calc'!A0,"));
  run_ok (&table, "progress", "--year", "2018", NULL);
  g_assert_nonnull (strstr (table.out, "=HYPERLINK"));

  /* a file name is escaped in a refusal too */
  run_cli (&missing, "import-roster", "/nonexistent/\x1b[31mred.csv", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_null (strchr (missing.err, '\x1b'));
  g_assert_nonnull (strstr (missing.err, "\\x1B[31mred.csv"));
}

/* Terminal columns of @text up to @end (CJK counts double). */
static int
columns_to (const char *text,
            const char *end)
{
  int width = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* The tables' columns line up whatever the names and employers: the
 * widest sets a column's width, within twenty and forty columns, and a
 * longer one is cut with "…" (csv and json give it whole). */
static void
test_cli_tables_aligned (void)
{
  g_autofree char *id0 = xs_test_id_number (0);
  g_autofree char *id1 = xs_test_id_number (1);
  g_autofree char *id2 = xs_test_id_number (2);
  const char *long_employer = "漯河市第一人民医院附属心血管病专科医院临床医学研究中心检验科实验室分部";
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位\n"
                                          "李娜,%s,漯河市中心医院\n"
                                          "欧阳娜娜娜娜娜娜娜娜,%s,%s\n"
                                          "Alexander Maximilian Longname-Smith,%s,Luohe Central Hospital\n",
                                          id0, id1, long_employer, id2);
  g_autofree char *roster = xs_test_write_file ("roster.csv", csv, -1);
  const char *commands[][4] = {
    { "progress", "--year", "2018", NULL },
    { "at-risk", "--year", "2018", "--all" },
  };
  g_auto(Run) import = { 0 };
  g_auto(Run) whole = { 0 };

  fresh_data_dir ();
  run_ok (&import, "import-roster", roster, NULL);
  for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_auto(Run) table = { 0 };
      g_auto(GStrv) lines = NULL;
      int id_column = -1, after_employer = -1;
      guint rows = 0;

      run_ok (&table, commands[c][0], commands[c][1], commands[c][2], commands[c][3], NULL);
      lines = g_strsplit (table.out, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          const char *id = strstr (lines[i], "411");
          const char *employer_end;

          if (id == NULL || strstr (lines[i], "********") == NULL)
            continue;
          rows++;
          /* the identity number's column */
          if (id_column < 0)
            id_column = columns_to (lines[i], id);
          g_assert_cmpint (columns_to (lines[i], id), ==, id_column);
          /* and the column after the employer's, past two spaces */
          employer_end = strstr (id + 18, "  ");
          g_assert_nonnull (employer_end);
          while (*employer_end == ' ')
            employer_end++;
          employer_end = strstr (employer_end, "  ");
          g_assert_nonnull (employer_end);
          while (*employer_end == ' ')
            employer_end++;
          if (after_employer < 0)
            after_employer = columns_to (lines[i], employer_end);
          g_assert_cmpint (columns_to (lines[i], employer_end), ==, after_employer);
        }
      g_assert_cmpuint (rows, ==, 3);
      /* ten Chinese characters fit; a longer name or employer is cut */
      g_assert_nonnull (strstr (table.out, "欧阳娜娜娜娜娜娜娜娜 "));
      g_assert_nonnull (strstr (table.out, "Alexander Maximilia… "));
      g_assert_nonnull (strstr (table.out, "漯河市第一人民医院附属心血管病专科医院… "));
      g_assert_null (strstr (table.out, long_employer));
    }
  run_ok (&whole, "progress", "--year", "2018", "--format", "csv", NULL);
  g_assert_nonnull (strstr (whole.out, long_employer));
  g_assert_nonnull (strstr (whole.out, "Alexander Maximilian Longname-Smith"));
}

/* check names the scans a second attach repairs, and the attach does */
static void
test_cli_evidence_repair (void)
{
  g_autofree char *roster = write_roster (1);
  g_autofree char *id = xs_test_id_number (0);
  g_autofree char *scan = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *evidence_dir = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GDir) dir = NULL;
  g_auto(Run) import = { 0 };
  g_auto(Run) add = { 0 };
  g_auto(Run) attach = { 0 };
  g_auto(Run) damaged = { 0 };
  g_auto(Run) reattach = { 0 };
  g_auto(Run) repaired = { 0 };
  const char *name;
  static const guint8 png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
  };

  fresh_data_dir ();
  run_ok (&import, "import-roster", roster, NULL);
  run_ok (&add, "claim", "add", "--id-number", id, "--year", "2018", "--kind", "9",
          "--hours", "30", "--title", "通过全国中级资格考试", "--date", "2018-07-01", NULL);
  claim_id = g_strstrip (g_strdup (add.out));
  scan = xs_test_write_file ("资格证书.png", (const char *) png, sizeof png);
  run_ok (&attach, "claim", "attach", claim_id, "--material", "qualification_certificate", scan, NULL);

  /* the stored copy is lost */
  evidence_dir = g_build_filename (data_dir, "evidence", NULL);
  dir = g_dir_open (evidence_dir, 0, NULL);
  g_assert_nonnull (dir);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  {
    g_autofree char *sub = g_build_filename (evidence_dir, name, NULL);
    g_autoptr(GDir) inner = g_dir_open (sub, 0, NULL);

    stored = g_build_filename (sub, g_dir_read_name (inner), NULL);
  }
  g_assert_true (g_file_set_contents (stored, "damaged", -1, NULL));

  run_cli (&damaged, "check", NULL);
  g_assert_cmpint (damaged.status, ==, 1);
  g_assert_nonnull (strstr (damaged.out, "can be repaired"));
  g_assert_nonnull (strstr (damaged.out, "资格证书.png"));

  run_cli (&reattach, "claim", "attach", claim_id, "--material", "qualification_certificate", scan, NULL);
  run_ok (&repaired, "check", NULL);
  g_assert_true (g_str_has_prefix (repaired.out, "ok"));
}

/* A database of version 3, as a base has it: its batch claims of kind 2
 * arrived submitted without evidence, and one was approved. */
static void
test_cli_notice_migration (void)
{
  g_autofree char *id = xs_test_id_number (0);
  g_autofree char *db_path = NULL;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO trainee (id_number, name, sex, birth_date, employer) "
    "VALUES ('%s', '学员0', 'female', '1980-01-01', '漯河市中心医院');"
    "INSERT INTO claim (id, trainee_id, year, category, kind, hours, title, date, source, status) VALUES "
    "(1, 1, 2018, 'professional', 2, 125, '医学会研修', '2018-09-03', 'batch', 'submitted'),"
    "(2, 1, 2018, 'professional', 2, 100, '研修班', '2018-10-03', 'batch', 'submitted');"
    "UPDATE claim SET status = 'approved', side = 'industry', reviewer = '行业主管部门' WHERE id = 2;", id);
  const char *files[] = { "001-initial.sql", "002-certificates.sql", "003-review.sql" };
  sqlite3 *handle = NULL;
  g_auto(Run) check = { 0 };
  g_auto(Run) show = { 0 };

  g_test_message ("附件1: 个人申报需要上传培训通知、结业证书及单位证明材料，基地统一上报的可以不用提供。");
  fresh_data_dir ();
  db_path = g_build_filename (data_dir, "xueshi.db", NULL);
  g_assert_cmpint (sqlite3_open (db_path, &handle), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "sql", files[i], NULL);
      g_autofree char *text = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_assert_cmpint (sqlite3_exec (handle, text, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  run_cli (&check, "check", NULL);
  expect (&check, 1, NULL);
  g_assert_nonnull (strstr (check.out, "approved without the materials the notice asks for"));
  g_assert_nonnull (strstr (check.out, "Claim 2 "));
  g_assert_null (strstr (check.out, "Claim 1 "));
  run_cli (&show, "claim", "show", "1", NULL);
  expect (&show, 0, "kind 1");
  g_assert_nonnull (strstr (show.out, xs_status_get_label (XS_STATUS_DRAFT)));
}

/* verify prints what the page prints; --id-number checks the printed digits
 * only, so every birth date that fits the mask gets the same answer */
static void
test_cli_verify_printed (void)
{
  g_autofree char *roster = write_roster (2);
  g_autofree char *id0 = xs_test_id_number (0);
  g_autofree char *id1 = xs_test_id_number (1);
  g_autofree char *masked = xs_id_number_mask (id0);
  g_autofree char *hours_path = write_qualifying_hours ("verify-hours.csv");
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (out_dir, "certificates.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsCertificate) certificate = NULL;
  char other_birth[19];
  GDate date;
  Run r[8] = { { 0 } };

  fresh_data_dir ();
  run_ok (&r[0], "import-roster", roster, NULL);
  run_ok (&r[1], "import-hours", hours_path, NULL);
  run_ok (&r[2], "review", "approve", "--year", "2018", "--all-submitted", "--reviewer", "审核员", NULL);
  run_ok (&r[3], "certificates", "--year", "2018", "--out", pdf, "--base-name", "漯河市继续教育基地", NULL);

  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  certificate = xs_certificate_store_get (db, "2018-JX-000001", &error);
  g_assert_no_error (error);

  run_cli (&r[4], "verify", xs_certificate_get_payload (certificate), NULL);
  expect (&r[4], 0, "学员0");
  g_assert_true (g_str_has_prefix (r[4].out, "VALID"));
  g_assert_nonnull (strstr (r[4].out, masked));
  g_assert_nonnull (strstr (r[4].out, "2018-JX-000001"));

  run_ok (&r[5], "verify", xs_certificate_get_payload (certificate), "--id-number", id0, "--name", "学员0", NULL);

  /* another birth date with the same check character: the same answer */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1950);
  do
    {
      g_date_add_days (&date, 1);
      g_snprintf (other_birth, 18, "%.6s%04d%02d%02d%.3s", id0, g_date_get_year (&date),
                  g_date_get_month (&date), g_date_get_day (&date), id0 + 14);
    }
  while (xs_id_number_compute_check (other_birth) != id0[17]);
  other_birth[17] = id0[17];
  other_birth[18] = '\0';
  g_assert_cmpstr (other_birth, !=, id0);
  run_cli (&r[6], "verify", xs_certificate_get_payload (certificate), "--id-number", other_birth, "--name", "学员0", NULL);
  g_assert_cmpint (r[6].status, ==, r[5].status);
  g_assert_cmpstr (r[6].out, ==, r[5].out);

  /* the printed digits differ: not this person's */
  run_cli (&r[7], "verify", xs_certificate_get_payload (certificate), "--id-number", id1, "--name", "学员0", NULL);
  expect (&r[7], 1, NULL);
  g_assert_nonnull (strstr (r[7].out, "NOT"));

  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    xs_test_run_clear (&r[i]);
}

/* A reviewer trusts a base once, from its key file or a package. */
static void
test_cli_trust_base (void)
{
  g_autofree char *roster = write_roster (1);
  g_autofree char *id = xs_test_id_number (0);
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *package_path = g_build_filename (out_dir, "package.zip", NULL);
  g_autofree char *key_path = g_build_filename (out_dir, "base.pub", NULL);
  g_autofree char *base_dir = NULL;
  g_autofree char *reviewer_dir = xs_test_make_tmpdir ();
  g_autofree char *fingerprint = NULL;
  g_autoptr(XsPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  Run r[10] = { { 0 } };

  fresh_data_dir ();
  base_dir = g_strdup (data_dir);
  run_ok (&r[0], "import-roster", roster, NULL);
  run_ok (&r[1], "claim", "add", "--id-number", id, "--year", "2018", "--public", "--hours", "6",
          "--title", "公需科目网络培训", "--date", "2018-05-01", NULL);
  g_strstrip (r[1].out);
  run_ok (&r[2], "claim", "submit", r[1].out, NULL);
  run_ok (&r[3], "export", "--year", "2018", "--base-name", "漯河市继续教育基地", "--out", package_path, NULL);
  run_ok (&r[4], "export-public-key", "--out", key_path, NULL);
  package = xs_package_open (package_path, NULL, &error);
  g_assert_no_error (error);
  fingerprint = xs_public_key_fingerprint (xs_package_get_base_key (package));

  /* the reviewer's own folder */
  g_free (data_dir);
  data_dir = g_strdup (reviewer_dir);
  run_cli (&r[5], "trust-base", key_path, NULL);
  expect (&r[5], 2, NULL);
  run_cli (&r[6], "trust-base", "--from-package", package_path, NULL);
  expect (&r[6], 0, fingerprint);
  g_assert_nonnull (strstr (r[6].out, "漯河市继续教育基地"));
  {
    g_autofree char *dir = xs_reviewer_dir_resolve (reviewer_dir);
    g_autofree char *name = NULL;

    g_assert_cmpint (xs_trust_check_package (dir, package, &name), ==, XS_PACKAGE_TRUST_TRUSTED);
    g_assert_cmpstr (name, ==, "漯河市继续教育基地");
  }
  run_cli (&r[7], "trust-base", "--name", "漯河基地", key_path, NULL);
  expect (&r[7], 0, fingerprint);
  /* a file that is no key */
  run_cli (&r[8], "trust-base", "--name", "漯河基地", package_path, NULL);
  expect (&r[8], 1, NULL);
  g_assert_nonnull (strstr (r[8].err, "not a public key"));
  run_cli (&r[9], "reviewer-key", "show", NULL);
  expect (&r[9], 1, NULL);
  g_assert_nonnull (strstr (r[9].err, "reviewer-key create"));
  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    xs_test_run_clear (&r[i]);
  g_free (data_dir);
  data_dir = g_strdup (base_dir);
}

/* A new key keeps the old public keys: certificates signed before verify. */
static void
test_cli_rotate_key (void)
{
  g_autofree char *roster = write_roster (1);
  g_autofree char *hours_path = write_qualifying_hours ("rotate-hours.csv");
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (out_dir, "certificates.pdf", NULL);
  g_autofree char *payload = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Run r[9] = { { 0 } };

  fresh_data_dir ();
  run_ok (&r[0], "import-roster", roster, NULL);
  run_ok (&r[1], "import-hours", hours_path, NULL);
  run_ok (&r[2], "review", "approve", "--year", "2018", "--all-submitted", "--reviewer", "审核员", NULL);
  run_ok (&r[3], "certificates", "--year", "2018", "--out", pdf, "--base-name", "漯河市继续教育基地", NULL);
  {
    g_autoptr(XsDb) db = xs_db_open (data_dir, &error);
    g_autoptr(XsCertificate) certificate = NULL;

    g_assert_no_error (error);
    certificate = xs_certificate_store_get (db, "2018-JX-000001", &error);
    g_assert_no_error (error);
    payload = g_strdup (xs_certificate_get_payload (certificate));
  }
  run_ok (&r[4], "export-public-key", NULL);

  /* asks first */
  run_cli (&r[5], "rotate-key", NULL);
  expect (&r[5], 2, NULL);
  run_ok (&r[6], "rotate-key", "--yes", NULL);
  run_ok (&r[7], "export-public-key", NULL);
  lines = g_strsplit (r[7].out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_cmpstr (lines[1], ==, g_strstrip (r[4].out));
  g_assert_cmpstr (lines[0], !=, lines[1]);

  /* the certificate signed with the old key still verifies */
  run_ok (&r[8], "verify", payload, NULL);
  g_assert_true (g_str_has_prefix (r[8].out, "VALID"));
  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    xs_test_run_clear (&r[i]);
}

/* trainee add: one trainee checked as a roster row, refused in words when
 * already there or invalid, listed as an import and taken back by
 * undo-import; the whole identity number is printed nowhere. */
static void
test_cli_trainee_add (void)
{
  g_autofree char *id = xs_test_id_number (11);
  g_autofree char *masked = xs_id_number_mask (id);
  g_autofree char *expected = NULL;
  g_autofree char *hours_csv = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                                                "%s,周九𠮷,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n", id);
  g_autofree char *hours = xs_test_write_file ("hours.csv", hours_csv, -1);
  g_auto(Run) refused_hours = { 0 };
  g_auto(Run) added = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) invalid = { 0 };
  g_auto(Run) usage = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) dry = { 0 };
  g_auto(Run) undo = { 0 };
  g_auto(Run) after = { 0 };

  fresh_data_dir ();
  run_cli (&refused_hours, "import-hours", "--dry-run", hours, NULL);
  g_assert_cmpint (refused_hours.status, ==, 1);
  g_assert_nonnull (strstr (refused_hours.err, "not on the roster"));

  run_cli (&usage, "trainee", "add", "--name", "周九𠮷", "--id-number", id, NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "--employer"));

  run_cli (&invalid, "trainee", "add", "--name", "周九𠮷", "--id-number", id,
           "--employer", "漯河市中心医院", "--phone", "12345", NULL);
  g_assert_cmpint (invalid.status, ==, 1);
  g_assert_nonnull (strstr (invalid.err, "mobile number"));

  run_cli (&added, "trainee", "add", "--name", "周九𠮷", "--id-number", id,
           "--employer", "漯河市中心医院", "--title", "护师", "--phone", "13903950009", NULL);
  g_assert_cmpint (added.status, ==, 0);
  expected = g_strdup_printf ("Added 周九𠮷 %s to the roster as import 1; "
                              "“xueshi-cli undo-import 1” takes it back.\n", masked);
  g_assert_cmpstr (added.out, ==, expected);

  run_cli (&again, "trainee", "add", "--name", "周九", "--id-number", id, "--employer", "别的单位", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, masked));
  g_assert_nonnull (strstr (again.err, "already on the roster, as 周九𠮷 of 漯河市中心医院"));

  run_cli (&list, "imports", NULL);
  g_assert_nonnull (strstr (list.out, "周九𠮷, entered by hand"));
  g_assert_nonnull (strstr (list.out, "imported 1, updated 0, rejected 0"));

  /* the hours row imports now */
  run_cli (&dry, "import-hours", "--dry-run", hours, NULL);
  g_assert_cmpint (dry.status, ==, 0);

  run_cli (&undo, "undo-import", "1", NULL);
  g_assert_cmpint (undo.status, ==, 0);
  run_cli (&after, "import-hours", "--dry-run", hours, NULL);
  g_assert_cmpint (after.status, ==, 1);

  g_assert_null (strstr (added.out, id));
  g_assert_null (strstr (added.err, id));
  g_assert_null (strstr (again.err, id));
  g_assert_null (strstr (list.out, id));
}

/* A command with commands of its own ("claim add", "review approve") lists
 * them on --help, and says which it lacks when given none or a wrong one:
 * "xueshi-cli claim --help" used to answer "run xueshi-cli claim --help". */
static void
test_cli_command_groups (void)
{
  static const struct { const char *group; const char *commands[8]; } groups[] = {
    { "claim", { "add", "attach", "scan", "submit", "show", "withdraw", "reopen", NULL } },
    { "review", { "approve", "reject", NULL } },
    { "base", { "show", "set", NULL } },
    { "templates", { "list", "add", "remove", NULL } },
    { "trainee", { "add", NULL } },
  };

  fresh_data_dir ();
  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      const char *group = groups[i].group;
      g_auto(Run) help = { 0 };
      g_auto(Run) bare = { 0 };
      g_auto(Run) wrong = { 0 };
      g_autofree char *usage = g_strdup_printf ("Usage: xueshi-cli [--data-dir DIR] %s COMMAND", group);
      g_autofree char *needs = g_strdup_printf ("“%s” needs a command.", group);
      g_autofree char *has_no = g_strdup_printf ("“%s” has no command “frob\\x1B[2J”.", group);

      run_ok (&help, group, "--help", NULL);
      g_assert_true (g_str_has_prefix (help.out, usage));
      g_assert_cmpstr (help.err, ==, "");
      for (guint c = 0; groups[i].commands[c] != NULL; c++)
        {
          g_autofree char *line = g_strdup_printf ("\n  %s %s", group, groups[i].commands[c]);
          g_autofree char *sub_usage = g_strdup_printf ("xueshi-cli [OPTION…] %s %s", group, groups[i].commands[c]);
          g_auto(Run) sub_help = { 0 };

          g_assert_nonnull (strstr (help.out, line));
          /* Each command it lists answers --help with its own options. */
          run_ok (&sub_help, group, groups[i].commands[c], "--help", NULL);
          g_assert_nonnull (strstr (sub_help.out, sub_usage));
        }

      run_cli (&bare, group, NULL);
      g_assert_cmpint (bare.status, ==, 2);
      g_assert_cmpstr (bare.out, ==, "");
      g_assert_nonnull (strstr (bare.err, needs));
      g_assert_nonnull (strstr (bare.err, usage));

      /* A wrong word is echoed escaped, like anything else printed. */
      run_cli (&wrong, group, "frob\x1b[2J", NULL);
      g_assert_cmpint (wrong.status, ==, 2);
      g_assert_nonnull (strstr (wrong.err, has_no));
      g_assert_null (strchr (wrong.err, '\x1b'));
    }
  /* Nothing was opened, so no base was set up. */
  {
    g_autofree char *db = g_build_filename (data_dir, "xueshi.db", NULL);

    g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  xs_test_init (&argc, &argv);

  g_test_add_func ("/cli/usage", test_cli_usage);
  g_test_add_func ("/cli/import-roster", test_cli_import_roster);
  g_test_add_func ("/cli/import-merge-and-undo", test_cli_import_merge_and_undo);
  g_test_add_func ("/cli/trainee-add", test_cli_trainee_add);
  g_test_add_func ("/cli/command-groups", test_cli_command_groups);
  g_test_add_func ("/cli/logs-masked", test_cli_logs_masked);
  g_test_add_func ("/cli/claims-and-progress", test_cli_claims_and_progress);
  g_test_add_func ("/cli/review-and-history", test_cli_review_and_history);
  g_test_add_func ("/cli/demo-and-check", test_cli_demo_and_check);
  g_test_add_func ("/cli/at-risk-and-stats", test_cli_at_risk_and_stats);
  g_test_add_func ("/cli/certificates", test_cli_certificates);
  g_test_add_func ("/cli/verify-printed", test_cli_verify_printed);
  g_test_add_func ("/cli/templates", test_cli_templates);
  g_test_add_func ("/cli/package-and-decisions", test_cli_package_and_decisions);
  g_test_add_func ("/cli/trust-base", test_cli_trust_base);
  g_test_add_func ("/cli/rotate-key", test_cli_rotate_key);
  g_test_add_func ("/cli/notice-rules", test_cli_notice_rules);
  g_test_add_func ("/cli/base-profile", test_cli_base_profile);
  g_test_add_func ("/cli/base-profile-used", test_cli_base_profile_used);
  g_test_add_func ("/cli/safe-outputs", test_cli_safe_outputs);
  g_test_add_func ("/cli/hostile-names", test_cli_hostile_names);
  g_test_add_func ("/cli/tables-aligned", test_cli_tables_aligned);
  g_test_add_func ("/cli/evidence-repair", test_cli_evidence_repair);
  g_test_add_func ("/cli/notice-migration", test_cli_notice_migration);

  status = g_test_run ();
  g_free (data_dir);
  return status;
}
