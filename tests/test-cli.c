/* test-cli.c: xueshi-cli as a script or a clerk at a terminal uses it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs-id-number.h"
#include "xs-package.h"
#include "xs-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *data_dir;
/* Whether the next runs log everything, debug messages included. */
static gboolean debug_logs;

static void
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (char *) g_getenv ("XUESHI_CLI"));
  g_ptr_array_add (args, (char *) "--data-dir");
  g_ptr_array_add (args, data_dir);
  va_start (ap, run);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  if (debug_logs)
    g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
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
  g_autoptr(GString) csv = g_string_new ("姓名,身份证号,工作单位\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = xs_test_id_number (i);

      g_string_append_printf (csv, "学员%u,%s,漯河市中心医院\n", i, id);
    }
  return xs_test_write_file ("roster.csv", csv->str, -1);
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
  run_cli (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
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
  run_cli (&first, "import-roster", roster, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, "imported 5, updated 0, rejected 0\n");

  run_cli (&bad, "import-roster", bad_path, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_cmpstr (bad.out, ==, "imported 0, updated 0, rejected 1\n");
  g_assert_true (g_str_has_prefix (bad.err, "bad.csv:2: "));

  run_cli (&dry, "import-roster", "--dry-run", "--skip-invalid", bad_path, NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_true (g_str_has_prefix (dry.out, "imported 1, updated 0, rejected 1"));

  run_cli (&skip, "import-roster", "--skip-invalid", bad_path, NULL);
  g_assert_cmpint (skip.status, ==, 0);
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
  run_cli (&first, "import-roster", full, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.err, "undo-import 1"));

  run_cli (&dry, "import-roster", "--dry-run", partial, NULL);
  g_assert_cmpint (dry.status, ==, 0);
  expected = g_strdup_printf ("partial.csv:2: 学员0 %s: Employer 漯河市中心医院 → 漯河市第二人民医院\n"
                              "imported 0, updated 1, rejected 0 (dry run: nothing written)\n", masked_a);
  g_assert_cmpstr (dry.out, ==, expected);
  g_clear_pointer (&expected, g_free);

  run_cli (&second, "import-roster", partial, NULL);
  g_assert_cmpint (second.status, ==, 0);
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

  run_cli (&list, "imports", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "partial.csv  imported 0, updated 1, rejected 0\n"));
  g_assert_nonnull (strstr (list.out, "full.csv  imported 2, updated 0, rejected 0\n"));
  g_assert_true (strstr (list.out, "partial.csv") < strstr (list.out, "full.csv"));

  run_cli (&undo, "undo-import", "2", NULL);
  g_assert_cmpint (undo.status, ==, 0);
  g_assert_nonnull (strstr (undo.out, "partial.csv"));
  run_cli (&again, "undo-import", "2", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "undone already"));
  run_cli (&after, "import-roster", "--dry-run", full, NULL);
  g_assert_cmpstr (after.out, ==, "imported 0, updated 0, rejected 0 (dry run: nothing written)\n");

  /* hours recorded by hand for 学员0 depend on the first import */
  run_cli (&claim, "claim", "add", "--id-number", a, "--year", "2018", "--public", "--hours", "6",
           "--title", "公需科目网络培训", "--date", "2018-05-01", NULL);
  g_assert_cmpint (claim.status, ==, 0);
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
  run_cli (&import, "import-roster", roster, NULL);
  g_assert_cmpint (import.status, ==, 0);

  hours = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,项目名称,日期\n"
                           "%s,学员0,2018,公需科目,是,24,公需必修,2018-05-01\n"
                           "%s,学员0,2018,公需科目,否,6,公需选修,2018-05-02\n"
                           "%s,学员0,2018,专业科目,,60,培训班,2018-06-01\n"
                           "%s,学员1,2018,专业科目,,30,培训班,2018-06-01\n",
                           id0, id0, id0, id1);
  g_free (roster);
  roster = xs_test_write_file ("hours.csv", hours, -1);
  run_cli (&hours_run, "import-hours", roster, NULL);
  g_assert_cmpint (hours_run.status, ==, 0);
  g_assert_cmpstr (hours_run.out, ==, "imported 4, updated 0, rejected 0\n");

  /* An individual claim: the id alone on stdout */
  run_cli (&add, "claim", "add", "--id-number", id1, "--year", "2018", "--kind", "9",
           "--hours", "30", "--title", "通过全国中级资格考试", "--date", "2018-07-01", NULL);
  g_assert_cmpint (add.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^[0-9]+\n$", add.out, 0, 0));
  claim_id = g_strstrip (g_strdup (add.out));

  run_cli (&submit, "claim", "submit", claim_id, NULL);
  g_assert_cmpint (submit.status, ==, 1);
  g_assert_nonnull (strstr (submit.err, "qualification_certificate"));

  scan = xs_test_write_file ("资格证书.png", (const char *) png, sizeof png);
  run_cli (&attach, "claim", "attach", claim_id, "--material", "qualification_certificate", scan, NULL);
  g_assert_cmpint (attach.status, ==, 0);
  run_cli (&submit2, "claim", "submit", claim_id, NULL);
  g_assert_cmpint (submit2.status, ==, 0);

  run_cli (&show, "claim", "show", claim_id, "--format", "json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, show.out, -1, &error));
  t = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (t, "status"), ==, "submitted");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (t, "evidence")), ==, 1);

  run_cli (&reject, "review", "reject", claim_id, NULL);
  g_assert_cmpint (reject.status, ==, 1);   /* no reason */

  run_cli (&approve, "review", "approve", "--year", "2018", "--all-submitted", "--reviewer", "人社局", NULL);
  g_assert_cmpint (approve.status, ==, 0);
  g_assert_cmpstr (approve.out, ==, "approved 5 claims\n");

  run_cli (&json, "progress", "--year", "2018", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
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
  run_cli (&table, "progress", "--year", "2018", NULL);
  g_assert_cmpint (table.status, ==, 0);
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
  run_cli (&import, "import-roster", roster, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_cli (&add, "claim", "add", "--id-number", id0, "--year", "2018", "--public", "--hours", "6",
           "--title", "公需科目网络培训", "--date", "2018-05-01", NULL);
  g_assert_cmpint (add.status, ==, 0);
  claim_id = g_strstrip (g_strdup (add.out));
  run_cli (&submit, "claim", "submit", claim_id, NULL);
  g_assert_cmpint (submit.status, ==, 0);

  /* public hours are the HR department's */
  run_cli (&wrong_side, "review", "approve", claim_id, "--side", "industry", "--reviewer", "王五", NULL);
  g_assert_cmpint (wrong_side.status, ==, 1);
  g_assert_nonnull (strstr (wrong_side.err, "HR department"));
  run_cli (&bad_side, "review", "approve", claim_id, "--side", "school", "--reviewer", "王五", NULL);
  g_assert_cmpint (bad_side.status, ==, 2);
  run_cli (&no_reviewer, "review", "approve", claim_id, "--side", "hr", NULL);
  g_assert_cmpint (no_reviewer.status, ==, 1);
  run_cli (&reject, "review", "reject", claim_id, "--side", "hr", "--reviewer", "张三",
           "--reason", "材料不清晰", NULL);
  g_assert_cmpint (reject.status, ==, 0);

  /* rejected -> draft -> submitted; a withdrawal needs a reason */
  run_cli (&withdraw_rejected, "claim", "withdraw", claim_id, "--reason", "改正", NULL);
  g_assert_cmpint (withdraw_rejected.status, ==, 1);
  run_cli (&reopen, "claim", "reopen", claim_id, NULL);
  g_assert_cmpint (reopen.status, ==, 0);
  run_cli (&submit2, "claim", "submit", claim_id, NULL);
  g_assert_cmpint (submit2.status, ==, 0);
  run_cli (&withdraw_no_reason, "claim", "withdraw", claim_id, NULL);
  g_assert_cmpint (withdraw_no_reason.status, ==, 2);
  run_cli (&withdraw, "claim", "withdraw", claim_id, "--reason", "学时录入有误", NULL);
  g_assert_cmpint (withdraw.status, ==, 0);
  run_cli (&submit3, "claim", "submit", claim_id, NULL);
  g_assert_cmpint (submit3.status, ==, 0);

  /* without --side, the side that fits the claim */
  run_cli (&approve, "review", "approve", claim_id, "--reviewer", "李四", NULL);
  g_assert_cmpint (approve.status, ==, 0);
  run_cli (&show, "claim", "show", claim_id, "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, show.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "approved");
  g_assert_cmpstr (json_object_get_string_member (root, "side"), ==, "hr");
  g_assert_cmpstr (json_object_get_string_member (root, "reviewer"), ==, "李四");

  run_cli (&history, "history", "--id-number", id0, NULL);
  g_assert_cmpint (history.status, ==, 0);
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

  run_cli (&json, "history", "--id-number", id0, "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
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
  run_cli (&demo, "demo", "--trainees", "40", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run_cli (&again, "demo", NULL);
  g_assert_cmpint (again.status, ==, 1);
  run_cli (&check, "check", NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_true (g_str_has_prefix (check.out, "ok"));
  run_cli (&rules, "rules", "--year", "2016", NULL);
  g_assert_cmpint (rules.status, ==, 0);
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
  g_autofree char *pdf = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *contents = NULL;
  guint n = 0, issued = 0;

  fresh_data_dir ();
  pdf = g_build_filename (data_dir, "certificates.pdf", NULL);
  copy = g_build_filename (data_dir, "reprint.pdf", NULL);
  key_file = g_build_filename (data_dir, "base.pub", NULL);
  run_cli (&demo, "demo", "--trainees", "60", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  /* no base name: refused, nothing written */
  run_cli (&nameless, "certificates", "--year", "2018", "--out", pdf, NULL);
  g_assert_cmpint (nameless.status, ==, 1);
  g_assert_nonnull (strstr (nameless.err, "base"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_cli (&issue, "certificates", "--year", "2018", "--out", pdf, "--base-name", "漯河市继续教育基地", NULL);
  g_assert_cmpint (issue.status, ==, 0);
  g_assert_cmpint (sscanf (issue.out, "%u certificates (%u newly issued)", &n, &issued), ==, 2);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (issued, ==, n);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  /* issued once: a second run reuses every certificate */
  run_cli (&again, "certificates", "--year", "2018", "--out", pdf, "--base-name", "另一个名字", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "(0 newly issued)"));

  run_cli (&reprint, "reprint", "2018-JX-000001", "--out", copy, NULL);
  g_assert_cmpint (reprint.status, ==, 0);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  run_cli (&revoke, "revoke", "2018-JX-000001", NULL);
  g_assert_cmpint (revoke.status, ==, 1);

  run_cli (&key, "export-public-key", "--out", key_file, NULL);
  g_assert_cmpint (key.status, ==, 0);
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
  run_cli (&demo, "demo", "--trainees", "40", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run_cli (&json, "at-risk", "--year", "2018", "--date", "2018-07-01", "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
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
  run_cli (&past, "at-risk", "--year", "2018", "--date", "2019-01-10", NULL);
  g_assert_cmpint (past.status, ==, 0);
  g_assert_nonnull (strstr (past.out, "********"));
  g_assert_nonnull (strstr (past.out, "lacks "));
  run_cli (&future, "at-risk", "--year", "2018", "--date", "2017-12-31", NULL);
  g_assert_cmpint (future.status, ==, 0);
  g_assert_nonnull (strstr (future.out, ": 0 of "));

  run_cli (&bad_date, "at-risk", "--date", "2018-02-30", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);

  run_cli (&csv, "stats", "--year", "2018", "--by", "county", "--format", "csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "county,trainees,qualified,in_progress,missing_evidence\r\n"));

  g_clear_object (&parser);
  parser = json_parser_new ();
  run_cli (&stats_json, "stats", "--year", "2018", "--format", "json", NULL);
  g_assert_cmpint (stats_json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, stats_json.out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "by"), ==, "employer");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "total"), "trainees"), ==, 40);

  run_cli (&xlsx, "stats", "--year", "2018", "--out", out, NULL);
  g_assert_cmpint (xlsx.status, ==, 0);
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

  fresh_data_dir ();
  run_cli (&import, "import-roster", roster, NULL);
  g_assert_cmpint (import.status, ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = xs_test_id_number (i);
      g_auto(Run) add = { 0 };
      g_auto(Run) submit = { 0 };

      run_cli (&add, "claim", "add", "--id-number", id, "--year", "2018", "--public", "--hours", "6",
               "--title", "公需科目网络培训", "--date", "2018-05-01", NULL);
      g_assert_cmpint (add.status, ==, 0);
      claim_ids[i] = g_strstrip (g_strdup (add.out));
      refs[i] = g_strdup_printf ("2018-%06d", atoi (claim_ids[i]));
      run_cli (&submit, "claim", "submit", claim_ids[i], NULL);
      g_assert_cmpint (submit.status, ==, 0);
    }

  run_cli (&no_year, "export", "--out", package_path, NULL);
  g_assert_cmpint (no_year.status, ==, 2);
  run_cli (&nothing, "export", "--year", "2016", "--out", package_path, NULL);
  g_assert_cmpint (nothing.status, ==, 1);
  g_assert_false (g_file_test (package_path, G_FILE_TEST_EXISTS));

  /* the same data, the same bytes: the printed digest can be checked */
  run_cli (&export, "export", "--year", "2018", "--base-name", "漯河市继续教育基地", "--out", package_path, NULL);
  g_assert_cmpint (export.status, ==, 0);
  run_cli (&again, "export", "--year", "2018", "--base-name", "漯河市继续教育基地", "--out", again_path, NULL);
  g_assert_cmpint (again.status, ==, 0);
  package = xs_package_open (package_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_package_get_n_claims (package), ==, 2);
  g_assert_cmpstr (xs_package_get_base_name (package), ==, "漯河市继续教育基地");
  g_assert_nonnull (strstr (export.out, xs_package_get_digest (package)));
  g_assert_nonnull (strstr (again.out, xs_package_get_digest (package)));

  /* row 2 is decided by the wrong side */
  decisions = g_strdup_printf ("{\"format\": \"xueshi-decisions\", \"format_version\": 1, "
                               "\"base_id\": \"%s\", \"package\": \"%s\", \"decisions\": ["
                               "{\"ref\": \"%s\", \"decision\": \"approved\", \"side\": \"hr\", "
                               "\"reviewer\": \"人社局审核员\"},"
                               "{\"ref\": \"%s\", \"decision\": \"approved\", \"side\": \"industry\", "
                               "\"reviewer\": \"卫健委审核员\"}]}",
                               xs_package_get_base_id (package), xs_package_get_digest (package),
                               refs[0], refs[1]);
  g_assert_true (g_file_set_contents (decisions_path, decisions, -1, NULL));

  run_cli (&refused, "import-decisions", decisions_path, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "applied 0, refused 1\n");
  expected = g_strdup_printf ("decisions.json:2: %s: ", refs[1]);
  g_assert_nonnull (strstr (refused.err, expected));
  run_cli (&dry, "import-decisions", "--dry-run", "--skip-invalid", decisions_path, NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_cmpstr (dry.out, ==, "applied 1, refused 1 (dry run: nothing written)\n");
  run_cli (&skip, "import-decisions", "--skip-invalid", decisions_path, NULL);
  g_assert_cmpint (skip.status, ==, 0);
  g_assert_cmpstr (skip.out, ==, "applied 1, refused 1\n");
  run_cli (&no_file, "import-decisions", NULL);
  g_assert_cmpint (no_file.status, ==, 2);

  /* the decisions import is undone as one: the claim is submitted again */
  {
    g_auto(Run) list = { 0 };
    g_auto(Run) undo = { 0 };
    g_auto(Run) show = { 0 };
    g_autofree char *number = NULL;

    run_cli (&list, "imports", NULL);
    g_assert_cmpint (list.status, ==, 0);
    g_assert_nonnull (strstr (list.out, "decisions.json"));
    number = g_strndup (g_strchug (list.out), strcspn (g_strchug (list.out), " "));
    run_cli (&undo, "undo-import", number, NULL);
    g_assert_cmpint (undo.status, ==, 0);
    run_cli (&show, "claim", "show", claim_ids[0], "--format", "json", NULL);
    g_assert_cmpint (show.status, ==, 0);
    g_assert_nonnull (strstr (show.out, "\"submitted\""));
  }

  for (guint i = 0; i < 2; i++)
    {
      g_free (claim_ids[i]);
      g_free (refs[i]);
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
  g_test_add_func ("/cli/logs-masked", test_cli_logs_masked);
  g_test_add_func ("/cli/claims-and-progress", test_cli_claims_and_progress);
  g_test_add_func ("/cli/review-and-history", test_cli_review_and_history);
  g_test_add_func ("/cli/demo-and-check", test_cli_demo_and_check);
  g_test_add_func ("/cli/at-risk-and-stats", test_cli_at_risk_and_stats);
  g_test_add_func ("/cli/certificates", test_cli_certificates);
  g_test_add_func ("/cli/package-and-decisions", test_cli_package_and_decisions);

  status = g_test_run ();
  g_free (data_dir);
  return status;
}
