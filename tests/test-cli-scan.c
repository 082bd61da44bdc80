/* test-cli-scan.c: xueshi-cli claim scan, scanners and recognise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "xs-id-number.h"
#include "xs-recognise.h"
#include "xs-scanner.h"
#include "xs-test-pages.h"
#include "xs-test-util.h"

typedef XsTestRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, xs_test_run_clear)

static char *data_dir;
static char *sane_dir;

static void
run_cli (Run *run,
         ...)
{
  const char *env[] = { "SANE_CONFIG_DIR", sane_dir, NULL };
  va_list ap;

  va_start (ap, run);
  xs_test_run_cli_valist (run, data_dir, env, ap);
  va_end (ap);
}

static char *
add_claim (void)
{
  g_autofree char *id = xs_test_id_number (2);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位\n王䶮,%s,漯河市中心医院\n", id);
  g_autofree char *roster = xs_test_write_file ("roster.csv", csv, -1);
  g_auto(Run) import = { 0 };
  g_auto(Run) add = { 0 };

  run_cli (&import, "import-roster", roster, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_cli (&add, "claim", "add", "--id-number", id, "--year", "2018", "--kind", "9",
           "--hours", "30", "--title", "通过全国中级资格考试", "--date", "2018-07-01", NULL);
  g_assert_cmpint (add.status, ==, 0);
  return g_strstrip (g_strdup (add.out));
}

static void
test_claim_scan (void)
{
  g_autofree char *claim_id = NULL;
  g_auto(Run) scanners = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) wrong_material = { 0 };
  g_auto(Run) scan = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) usage = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *evidence;

  if (!xs_scanner_is_supported ())
    {
      g_test_skip ("built without scanner support");
      return;
    }
  g_free (data_dir);
  data_dir = xs_test_make_tmpdir ();
  claim_id = add_claim ();

  run_cli (&scanners, "scanners", NULL);
  g_assert_cmpint (scanners.status, ==, 0);
  g_assert_nonnull (strstr (scanners.out, "test:0"));

  run_cli (&usage, "claim", "scan", claim_id, "--material", "qualification_certificate",
           "--resolution", "5000", NULL);
  g_assert_cmpint (usage.status, ==, 2);

  run_cli (&missing, "claim", "scan", claim_id, "--material", "qualification_certificate",
           "--device", "test:9", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "test:9"));

  run_cli (&wrong_material, "claim", "scan", claim_id, "--material", "patent_certificate",
           "--resolution", "75", NULL);
  g_assert_cmpint (wrong_material.status, ==, 1);

  run_cli (&scan, "claim", "scan", claim_id, "--material", "qualification_certificate",
           "--pages", "2", "--resolution", "100", "--grey", NULL);
  g_assert_cmpint (scan.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^[0-9a-f]{64}\n$", scan.out, 0, 0));
  g_assert_nonnull (strstr (scan.err, "Page 2 scanned"));

  run_cli (&show, "claim", "show", claim_id, "--format", "json", NULL);
  g_assert_true (json_parser_load_from_data (parser, show.out, -1, &error));
  g_assert_no_error (error);
  evidence = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "evidence");
  g_assert_cmpuint (json_array_get_length (evidence), ==, 1);
}

static void
test_recognise (void)
{
  g_autoptr(XsTestPage) page = xs_test_page_new (XS_TEST_PAGE_CERTIFICATE, 7);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "结业证书.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) json = { 0 };
  g_auto(Run) junk = { 0 };
  g_autofree char *junk_path = xs_test_write_file ("junk.pdf", "%PDF-1.4 nothing", -1);
  JsonObject *object;

  if (!xs_recognise_is_supported ())
    {
      g_test_skip ("built without text recognition");
      return;
    }
  g_assert_true (xs_test_page_write_jpeg (page, 200, 1, 12, 60, 7, path, &error));
  run_cli (&json, "recognise", path, "--format", "json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "id_numbers"), 0),
                   ==, page->id_number);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "material"), "code"),
                   ==, "completion_certificate");
  g_assert_true (json_object_has_member (object, "names"));
  g_assert_true (json_object_has_member (object, "dates"));
  g_assert_true (json_object_has_member (object, "hours"));
  g_assert_true (json_object_has_member (object, "title"));
  g_assert_true (json_object_has_member (object, "text"));

  run_cli (&junk, "recognise", junk_path, NULL);
  g_assert_cmpint (junk.status, ==, 1);
  g_assert_nonnull (strstr (junk.err, "junk.pdf"));
}

/* claim attach says what the files read: another person's number is a
 * warning, and the at-risk report flags the claim. */
static void
test_claim_attach (void)
{
  g_autoptr(XsTestPage) page = xs_test_page_new (XS_TEST_PAGE_CERTIFICATE, 11);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "资格证书.jpg", NULL);
  g_autofree char *claim_id = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *own = xs_test_id_number (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) attach = { 0 };
  g_auto(Run) at_risk = { 0 };
  JsonArray *trainees;
  guint flagged = 0;

  if (!xs_recognise_is_supported ())
    {
      g_test_skip ("built without text recognition");
      return;
    }
  g_free (data_dir);
  data_dir = xs_test_make_tmpdir ();
  claim_id = add_claim ();
  /* the page names someone else than the claim's trainee */
  g_assert_cmpstr (page->id_number, !=, own);
  masked = xs_id_number_mask (page->id_number);
  g_assert_true (xs_test_page_write_jpeg (page, 200, 1, 12, 60, 11, path, &error));
  g_assert_no_error (error);

  run_cli (&attach, "claim", "attach", claim_id, "--material", "qualification_certificate", path, NULL);
  g_test_message ("%s", attach.err);
  g_assert_cmpint (attach.status, ==, 0);
  g_assert_nonnull (strstr (attach.err, "names another person"));
  g_assert_nonnull (strstr (attach.err, masked));
  /* never the whole number */
  g_assert_null (strstr (attach.err, page->id_number));

  run_cli (&at_risk, "at-risk", "--year", "2018", "--all", "--format", "json", NULL);
  g_assert_cmpint (at_risk.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, at_risk.out, -1, &error));
  g_assert_no_error (error);
  trainees = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "trainees");
  for (guint i = 0; i < json_array_get_length (trainees); i++)
    {
      JsonObject *trainee = json_array_get_object_element (trainees, i);

      if (!json_object_get_null_member (trainee, "scan_problem"))
        {
          flagged++;
          g_assert_nonnull (strstr (json_object_get_string_member (trainee, "scan_problem"), "another person"));
        }
    }
  g_assert_cmpuint (flagged, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dll = NULL;
  int status;

  xs_test_init (&argc, &argv);
  sane_dir = xs_test_make_tmpdir ();
  dll = g_build_filename (sane_dir, "dll.conf", NULL);
  g_assert_true (g_file_set_contents (dll, "test\n", -1, NULL));

  g_test_add_func ("/cli-scan/claim-scan", test_claim_scan);
  g_test_add_func ("/cli-scan/recognise", test_recognise);
  g_test_add_func ("/cli-scan/claim-attach", test_claim_attach);
  status = g_test_run ();
  g_free (data_dir);
  g_free (sane_dir);
  return status;
}
