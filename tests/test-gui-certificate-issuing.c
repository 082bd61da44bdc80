/* test-gui-certificate-issuing.c: the parts of issuing certificates from
 * the window, each alone: a run and its workers, the question asked before
 * issuing, the print
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "xs-certificate-print.h"
#include "xs-certificate-question.h"
#include "xs-certificate-run.h"
#include "xs-certificate-store.h"
#include "xs-certificate-templates.h"
#include "xs-claim-store.h"
#include "xs-gui-test-util.h"
#include "xs-hours-import.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

#define HOURS_HEADER "身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
#define N_QUALIFIED 3

static void
import (XsDb       *db,
        const char *csv,
        gboolean    roster)
{
  g_autofree char *path = xs_test_write_file (roster ? "roster.csv" : "hours.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;

  if (roster)
    report = xs_roster_import (db, path, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  else
    report = xs_hours_import (db, path, NULL, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

/* N_QUALIFIED trainees who met 2018's requirement, and one who did not. */
static XsDb *
open_db (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GString) roster = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(GString) hours = g_string_new (HOURS_HEADER);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= N_QUALIFIED; i++)
    {
      g_autofree char *id = xs_test_id_number (i);

      g_string_append_printf (roster, "王䶮%u,%s,漯河市中心医院\n", i, id);
      g_string_append_printf (hours,
                              "%s,王䶮%u,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                              "%s,王䶮%u,2018,公需科目,否,6,,公需科目网络培训（选修）,2018-06-06\n"
                              "%s,王䶮%u,2018,专业科目,,%s,1,临床诊疗规范培训班,2018-04-14\n",
                              id, i, id, i, id, i, i == N_QUALIFIED ? "20" : "60");
    }
  import (db, roster->str, TRUE);
  import (db, hours->str, FALSE);
  xs_claim_store_approve_submitted (db, 2018, "人社局审核员", &error);
  g_assert_no_error (error);
  return g_steal_pointer (&db);
}

static XsBaseProfile *
make_profile (void)
{
  XsBaseProfile *profile = xs_base_profile_new ();

  xs_base_profile_set_name (profile, "漯河市职业技术学院继续教育基地");
  xs_base_profile_set_issuer (profile, "漯河市人力资源和社会保障局");
  return profile;
}

static void
run_job (XsDb             *db,
         XsJobFunc         func,
         XsCertificateRun *run)
{
  g_autoptr(XsJob) job = xs_job_new (xs_db_get_data_dir (db), func, g_object_ref (run), g_object_unref);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  xs_job_run_async (job, NULL, xs_gui_test_store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (xs_job_run_finish (job, result, &error));
  g_assert_no_error (error);
}

/* A run plans in one worker, then the run made from it issues and writes
 * the PDF in another; the profile is copied when the run is made. */
static void
test_run (void)
{
  g_autoptr(XsDb) db = open_db ();
  g_autoptr(XsBaseProfile) profile = make_profile ();
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "证书 2018.pdf", NULL);
  g_autoptr(XsCertificateRun) planned = xs_certificate_run_new (FALSE, XS_CERTIFICATE_ANNUAL, 2018, NULL, NULL,
                                                                profile, path);
  g_autoptr(XsCertificateRun) issuing = NULL;
  g_autoptr(XsCertificatePlan) again = NULL;
  const XsCertificatePlan *plan;
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, 2018, NULL, NULL, NULL };
  g_autofree char *result = NULL;
  g_autoptr(GError) error = NULL;

  xs_base_profile_set_name (profile, "");   /* after the run was made */
  g_assert_null (xs_certificate_run_get_plan (planned));
  run_job (db, xs_certificate_run_plan_func, planned);
  plan = xs_certificate_run_get_plan (planned);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->n_new, ==, N_QUALIFIED);
  g_assert_cmpuint (plan->n_issued, ==, 0);
  g_assert_null (xs_certificate_run_get_certificates (planned));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  issuing = xs_certificate_run_new_issuing (planned);
  g_assert_false (xs_certificate_run_get_print (issuing));
  g_assert_cmpint (xs_certificate_run_get_kind (issuing), ==, XS_CERTIFICATE_ANNUAL);
  g_assert_cmpint (xs_certificate_run_get_year (issuing), ==, 2018);
  g_assert_null (xs_certificate_run_get_plan (issuing));
  g_assert_false (xs_certificate_run_is_writing (issuing));
  run_job (db, xs_certificate_run_issue_func, issuing);

  g_assert_true (xs_certificate_run_is_writing (issuing));
  g_assert_cmpuint (xs_certificate_run_get_certificates (issuing)->len, ==, N_QUALIFIED);
  g_assert_cmpuint (xs_certificate_run_get_n_issued (issuing), ==, N_QUALIFIED);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  result = xs_certificate_run_describe_result (issuing);
  g_assert_cmpstr (result, ==, "3 certificates exported, 3 newly issued");

  /* issued for good: a second plan finds them issued */
  again = xs_certificates_plan (db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_new, ==, 0);
  g_assert_cmpuint (again->n_issued, ==, N_QUALIFIED);

  g_unlink (path);
  g_rmdir (dir);
}

/* Only the chosen trainees; the one who has not met the requirement is
 * refused and said so. */
static void
test_run_chosen (void)
{
  g_autoptr(XsDb) db = open_db ();
  g_autoptr(XsBaseProfile) profile = make_profile ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(XsCertificateRun) planned = NULL;
  g_autoptr(XsCertificateRun) issuing = NULL;
  g_autofree char *result = NULL;
  const XsCertificatePlan *plan;

  /* the first, and the last, who is not qualified */
  for (guint i = 0; i <= N_QUALIFIED; i += N_QUALIFIED)
    {
      g_autofree char *id_number = xs_test_id_number (i);
      g_autoptr(GError) error = NULL;
      gint64 id = xs_trainee_store_find_id (db, id_number, &error);

      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      g_array_append_val (ids, id);
    }
  planned = xs_certificate_run_new (TRUE, XS_CERTIFICATE_ANNUAL, 2018, NULL, ids, profile, NULL);
  run_job (db, xs_certificate_run_plan_func, planned);
  plan = xs_certificate_run_get_plan (planned);
  g_assert_cmpuint (plan->n_new, ==, 1);
  g_assert_cmpuint (plan->refused->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (plan->refused, 0), "王䶮3"));

  issuing = xs_certificate_run_new_issuing (planned);
  g_assert_true (xs_certificate_run_get_print (issuing));
  run_job (db, xs_certificate_run_issue_func, issuing);
  g_assert_false (xs_certificate_run_is_writing (issuing));   /* a print writes no PDF */
  g_assert_cmpuint (xs_certificate_run_get_certificates (issuing)->len, ==, 1);
  g_assert_cmpuint (xs_certificate_run_get_refused (issuing)->len, ==, 1);
  result = xs_certificate_run_describe_result (issuing);
  g_assert_true (g_str_has_prefix (result, "1 certificate sent to the printer, 1 newly issued; "));
  g_assert_nonnull (strstr (result, "王䶮3"));
}

static void
test_describe_plan (void)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  char first[] = "2018-JX-000001";
  char last[] = "2018-JX-000065";
  XsCertificatePlan plan = { 65, 0, first, last, refused };
  g_autofree char *many = NULL;
  g_autofree char *one = NULL;
  g_autofree char *mixed = NULL;

  many = xs_certificate_question_describe_plan (&plan, FALSE);
  g_assert_cmpstr (many, ==, "65 certificates will be issued, 2018-JX-000001 to 2018-JX-000065; "
                             "issued certificates can only be revoked.");
  plan.n_new = 1;
  plan.last_serial = plan.first_serial;
  one = xs_certificate_question_describe_plan (&plan, TRUE);
  g_assert_cmpstr (one, ==, "1 certificate will be issued, No. 2018-JX-000001; "
                            "issued certificates can only be revoked.");
  plan.n_new = 0;
  plan.n_issued = 2;
  g_ptr_array_add (refused, g_strdup ("王䶮 (4111…): not qualified"));
  g_ptr_array_add (refused, g_strdup ("𠮷 (4112…): not qualified"));
  mixed = xs_certificate_question_describe_plan (&plan, TRUE);
  g_assert_cmpstr (mixed, ==, "2 already issued will be printed again as they were.\n"
                              "2 refused, e.g. 王䶮 (4111…): not qualified");
}

static void
on_answered (XsCertificateQuestion *question,
             gboolean               issue,
             int                   *answer)
{
  g_assert_cmpint (*answer, ==, -1);   /* answered once */
  *answer = issue;
}

static XsCertificateQuestion *
ask (int *answer)
{
  g_autoptr(GPtrArray) refused = g_ptr_array_new ();
  char first[] = "2018-JX-000001";
  char last[] = "2018-JX-000002";
  XsCertificatePlan plan = { 2, 1, first, last, refused };
  XsCertificateQuestion *question = xs_certificate_question_new (NULL, &plan, XS_CERTIFICATE_ANNUAL, FALSE);

  *answer = -1;
  g_signal_connect (question, "answered", G_CALLBACK (on_answered), answer);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (xs_certificate_question_get_dialog (question)));
  return question;
}

/* Yes issues; Cancel, closing it or disposing it do not. */
static void
test_question (void)
{
  g_autoptr(XsCertificateQuestion) yes = NULL;
  g_autoptr(XsCertificateQuestion) no = NULL;
  g_autoptr(XsCertificateQuestion) gone = NULL;
  AdwMessageDialog *dialog;
  int answer;

  yes = ask (&answer);
  dialog = xs_certificate_question_get_dialog (yes);
  g_assert_true (adw_message_dialog_has_response (dialog, "issue"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "issue"), ==, "_Issue and Export");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "2018-JX-000002") != NULL);
  adw_message_dialog_response (dialog, "issue");
  g_assert_cmpint (answer, ==, TRUE);
  g_assert_null (xs_certificate_question_get_dialog (yes));
  gtk_window_destroy (GTK_WINDOW (dialog));

  no = ask (&answer);
  xs_certificate_question_cancel (no);
  g_assert_cmpint (answer, ==, FALSE);
  g_assert_null (xs_certificate_question_get_dialog (no));
  xs_certificate_question_cancel (no);   /* answered already: nothing more */

  gone = ask (&answer);
  g_clear_object (&gone);
  g_assert_cmpint (answer, ==, -1);
  xs_gui_test_iterate (50);
}

static void
on_finished (XsCertificatePrint *print,
             const char         *text,
             guint              *n_finished)
{
  (*n_finished)++;
}

/* Nothing to print: no print dialog, nothing said. */
static void
test_print_nothing (void)
{
  g_autoptr(XsCertificatePrint) print = xs_certificate_print_new ();
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  guint n_finished = 0;

  g_signal_connect (print, "finished", G_CALLBACK (on_finished), &n_finished);
  xs_certificate_print_run (print, NULL, none, "Continuing education certificates 2018", "0 certificates");
  g_assert_false (xs_certificate_print_get_busy (print));
  xs_gui_test_iterate (50);
  g_assert_cmpuint (n_finished, ==, 0);
}

#define SMALL_FORM \
  "{\"format\": \"xueshi-certificate-template\", \"version\": 1, \"name\": \"small-form\", \"layout\": \"fixed\"," \
  " \"paper\": {\"width\": 240, \"height\": 170}, \"fields\": [" \
  "{\"field\": \"name\", \"x\": 60, \"y\": 50, \"width\": 100, \"size\": 16}," \
  "{\"field\": \"qr\", \"x\": 20, \"y\": 120, \"width\": 30}]}"

/* Print… puts each certificate on its template's paper at 100 %: a
 * pre-printed form of 240 × 170 mm on that paper, landscape, the standard
 * design beside it on A4, as the print operation's page setup and the
 * pages it makes say. */
static void
test_print_paper (void)
{
  g_autoptr(XsDb) db = open_db ();
  g_autofree char *form = xs_test_write_file ("small-form.json", SMALL_FORM, -1);
  g_autofree char *id = xs_test_id_number (0);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(XsCertificateTemplate) template = NULL;
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  XsCertificateSettings settings = { "漯河市职业技术学院继续教育基地", NULL, NULL, NULL, XS_CERTIFICATE_PORTRAIT };
  GtkPageSetup *setup;
  GtkPrintOperationResult result;
  double width, height;

  template = xs_certificate_templates_add (db, form, &error);
  g_assert_no_error (error);
  settings.annual_template = "small-form";
  g_ptr_array_add (certificates, xs_certificate_preview (db, &settings, XS_CERTIFICATE_ANNUAL, 2018, NULL, id, &error));
  g_assert_no_error (error);
  settings.annual_template = NULL;
  g_ptr_array_add (certificates, xs_certificate_preview (db, &settings, XS_CERTIFICATE_ANNUAL, 2018, NULL, id, &error));
  g_assert_no_error (error);

  operation = xs_certificate_print_new_operation (certificates, "Continuing education certificates 2018");
  setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_cmpfloat (fabs (gtk_page_setup_get_page_width (setup, GTK_UNIT_MM) - 240), <, 0.1);
  g_assert_cmpfloat (fabs (gtk_page_setup_get_page_height (setup, GTK_UNIT_MM) - 170), <, 0.1);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpfloat (gtk_page_setup_get_left_margin (setup, GTK_UNIT_MM), ==, 0);
  g_assert_cmpfloat (gtk_page_setup_get_top_margin (setup, GTK_UNIT_MM), ==, 0);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), !=, GTK_PAPER_NAME_A4);

  /* the pages the operation makes, each of its own paper */
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  file = g_file_new_for_path (path);
  document = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (fabs (width * 25.4 / 72 - (i == 0 ? 240 : 210)), <, 0.5);
      g_assert_cmpfloat (fabs (height * 25.4 / 72 - (i == 0 ? 170 : 297)), <, 0.5);
    }
}

int
main (int   argc,
      char *argv[])
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/certificate-issuing/run", test_run);
  g_test_add_func ("/certificate-issuing/run-chosen", test_run_chosen);
  g_test_add_func ("/certificate-issuing/describe-plan", test_describe_plan);
  g_test_add_func ("/certificate-issuing/question", test_question);
  g_test_add_func ("/certificate-issuing/print-nothing", test_print_nothing);
  g_test_add_func ("/certificate-issuing/print-paper", test_print_paper);
  return xs_gui_test_run ();
}
