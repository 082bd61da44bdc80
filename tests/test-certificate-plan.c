/* test-certificate-plan.c: saying what issuing would do before it is done,
 * and the draft mark that only a preview carries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "xs-certificate-store.h"
#include "xs-claim-store.h"
#include "xs-class-store.h"
#include "xs-hours-import.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"

#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

#define HOURS_HEADER "身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
#define N_QUALIFIED 5

typedef struct
{
  XsDb                  *db;
  XsSigningKey          *key;
  char                  *ids[N_QUALIFIED + 1];   /* the last one is not qualified */
  XsCertificateSettings  settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) roster = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(GString) hours = g_string_new (HOURS_HEADER);
  g_autoptr(GError) error = NULL;

  fixture->db = xs_test_open_db ();
  fixture->key = xs_signing_key_open (xs_db_get_data_dir (fixture->db), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->ids); i++)
    {
      fixture->ids[i] = xs_test_id_number (i);
      g_string_append_printf (roster, "王䶮%u,%s,漯河市中心医院\n", i, fixture->ids[i]);
      g_string_append_printf (hours,
                              "%s,王䶮%u,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                              "%s,王䶮%u,2018,公需科目,否,6,,公需科目网络培训（选修）,2018-06-06\n"
                              "%s,王䶮%u,2018,专业科目,,%s,1,临床诊疗规范培训班,2018-04-14\n",
                              fixture->ids[i], i, fixture->ids[i], i, fixture->ids[i], i,
                              i == N_QUALIFIED ? "20" : "60");
    }
  xs_test_import (fixture->db, roster->str, TRUE, NULL);
  xs_test_import (fixture->db, hours->str, FALSE, NULL);
  xs_claim_store_approve_submitted (fixture->db, 2018, "人社局审核员", &error);
  g_assert_no_error (error);

  fixture->settings.base_name = "漯河市职业技术学院继续教育基地";
  fixture->settings.issuer = "漯河市人力资源和社会保障局";
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->key);
  g_clear_object (&fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->ids); i++)
    g_free (fixture->ids[i]);
}

static GPtrArray *
issue (Fixture                  *fixture,
       const XsCertificateQuery *query,
       guint                    *n_issued)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *certificates;

  certificates = xs_certificates_issue (fixture->db, fixture->key, &fixture->settings, query,
                                        NULL, NULL, NULL, n_issued, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (certificates);
  return certificates;
}

/* The plan names the serials issuing then gives, and issues nothing. */
static void
test_plan_annual (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *two[] = { fixture->ids[1], fixture->ids[3], NULL };
  const char *with_unqualified[] = { fixture->ids[0], fixture->ids[N_QUALIFIED], NULL };
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, 2018, two, NULL, NULL };
  g_autoptr(XsCertificatePlan) plan = NULL;
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_issued = 0;

  plan = xs_certificates_plan (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_new, ==, 2);
  g_assert_cmpuint (plan->n_issued, ==, 0);
  g_assert_cmpstr (plan->first_serial, ==, "2018-JX-000001");
  g_assert_cmpstr (plan->last_serial, ==, "2018-JX-000002");
  /* nothing was issued by asking */
  list = xs_certificate_store_list (fixture->db, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);

  issued = issue (fixture, &query, &n_issued);
  g_assert_cmpuint (n_issued, ==, plan->n_new);
  g_assert_cmpstr (xs_certificate_get_serial (g_ptr_array_index (issued, 0)), ==, plan->first_serial);
  g_assert_cmpstr (xs_certificate_get_serial (g_ptr_array_index (issued, 1)), ==, plan->last_serial);

  /* everyone now: two were issued and are written again, three are new */
  g_clear_pointer (&plan, xs_certificate_plan_free);
  query.id_numbers = NULL;
  plan = xs_certificates_plan (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_issued, ==, 2);
  g_assert_cmpuint (plan->n_new, ==, N_QUALIFIED - 2);
  g_assert_cmpstr (plan->first_serial, ==, "2018-JX-000003");
  g_assert_cmpstr (plan->last_serial, ==, "2018-JX-000005");
  again = issue (fixture, &query, &n_issued);
  g_assert_cmpuint (n_issued, ==, N_QUALIFIED - 2);
  g_assert_cmpstr (xs_certificate_get_serial (g_ptr_array_index (again, again->len - 1)), ==, plan->last_serial);

  /* all issued: nothing new, no serials */
  g_clear_pointer (&plan, xs_certificate_plan_free);
  plan = xs_certificates_plan (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_new, ==, 0);
  g_assert_cmpuint (plan->n_issued, ==, N_QUALIFIED);
  g_assert_null (plan->first_serial);
  g_assert_null (plan->last_serial);

  /* someone not qualified is refused in the plan, as issuing would */
  g_clear_pointer (&plan, xs_certificate_plan_free);
  query.id_numbers = with_unqualified;
  plan = xs_certificates_plan (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_issued, ==, 1);
  g_assert_cmpuint (plan->n_new, ==, 0);
  g_assert_cmpuint (plan->refused->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (plan->refused, 0), "王䶮5"));
}

static void
test_plan_completion (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(XsTrainingClass) klass = xs_training_class_new ();
  g_autoptr(XsCertificatePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  XsCertificateQuery query = { XS_CERTIFICATE_COMPLETION, 0, NULL, NULL, "2018-07" };

  klass->code = g_strdup ("2018-07");
  klass->name = g_strdup ("BIM 技术与工程管理培训班");
  klass->year = 2018;
  klass->category = XS_CATEGORY_PROFESSIONAL;
  klass->hours = 240;
  g_date_set_dmy (&klass->start_date, 10, 7, 2018);
  g_date_set_dmy (&klass->end_date, 14, 7, 2018);
  g_assert_true (xs_class_store_add (fixture->db, klass, &error));
  sheet = g_strdup_printf ("身份证号,姓名\n%s,王䶮0\n%s,王䶮5\n", fixture->ids[0], fixture->ids[N_QUALIFIED]);
  xs_test_import (fixture->db, sheet, FALSE, klass);

  plan = xs_certificates_plan (fixture->db, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_new, ==, 2);
  g_assert_cmpstr (plan->first_serial, ==, "2018-JY-000001");
  g_assert_cmpstr (plan->last_serial, ==, "2018-JY-000002");

  /* an unknown class is an error, as when issuing */
  g_clear_pointer (&plan, xs_certificate_plan_free);
  query.class_code = "1999-99";
  plan = xs_certificates_plan (fixture->db, &query, &error);
  g_assert_null (plan);
  g_assert_nonnull (error);
}

/* The text a PDF page holds, drawn by @draw. */
static char *
pdf_text (XsCertificate *certificate,
          gboolean       preview,
          gboolean       draft)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "page.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  xs_certificate_get_page_size (certificate, &width, &height);
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  if (preview)
    xs_certificate_draw_preview (certificate, cr, width, height, draft);
  else
    xs_certificate_draw (certificate, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  return poppler_page_get_text (page);
}

/* Whether a page's text holds the draft mark. The mark is drawn across
 * the page, so poppler gives its pieces among the lines it crosses ("DR",
 * "AF", "草", "稿"): each piece is looked for; none of them is printed
 * anywhere else on a Chinese certificate. */
static gboolean
has_mark (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  g_autofree char *compact = g_strjoinv ("", words);

  return strstr (compact, "草") != NULL && strstr (compact, "稿") != NULL
         && strstr (compact, "DR") != NULL && strstr (compact, "AF") != NULL;
}

/* Whether any piece of it is there. */
static gboolean
has_any_of_mark (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t", -1);
  g_autofree char *compact = g_strjoinv ("", words);

  return strstr (compact, "草") != NULL || strstr (compact, "稿") != NULL
         || strstr (compact, "DR") != NULL || strstr (compact, "AF") != NULL;
}

static void
test_draft_mark (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *one[] = { fixture->ids[0], NULL };
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, 2018, one, NULL, NULL };
  g_autoptr(XsCertificate) draft = NULL;
  g_autoptr(XsCertificate) issued_preview = NULL;
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "issued.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *reprinted = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GBytes) reprint = NULL;

  /* the preview of one not issued yet carries the mark */
  draft = xs_certificate_preview (fixture->db, &fixture->settings, XS_CERTIFICATE_ANNUAL, 2018,
                                  NULL, fixture->ids[0], &error);
  g_assert_no_error (error);
  g_assert_null (xs_certificate_get_serial (draft));
  text = pdf_text (draft, TRUE, TRUE);
  g_assert_true (has_mark (text));
  g_assert_nonnull (strstr (text, "王䶮0"));
  /* the flag is what draws it */
  plain = pdf_text (draft, TRUE, FALSE);
  g_assert_false (has_any_of_mark (plain));
  g_assert_nonnull (strstr (plain, "王䶮0"));

  /* the issued PDF, as exported and as stored for a reprint, never has it */
  issued = issue (fixture, &query, NULL);
  g_assert_true (xs_certificate_write_pdf (issued, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  g_clear_pointer (&text, g_free);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "2018-JX-000001"));
  g_assert_false (has_any_of_mark (text));

  reprint = xs_certificate_store_get_pdf (fixture->db, "2018-JX-000001", &error);
  g_assert_no_error (error);
  g_clear_object (&page);
  g_clear_object (&document);
  document = poppler_document_new_from_bytes (reprint, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 0);
  reprinted = poppler_page_get_text (page);
  g_assert_nonnull (strstr (reprinted, "2018-JX-000001"));
  g_assert_false (has_any_of_mark (reprinted));

  /* once issued, the preview is the issued certificate, without the mark
   * when the view asks for none */
  issued_preview = xs_certificate_preview (fixture->db, &fixture->settings, XS_CERTIFICATE_ANNUAL, 2018,
                                           NULL, fixture->ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xs_certificate_get_serial (issued_preview), ==, "2018-JX-000001");
  g_clear_pointer (&text, g_free);
  text = pdf_text (issued_preview, TRUE, xs_certificate_get_serial (issued_preview) == NULL);
  g_assert_false (has_any_of_mark (text));
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/certificate-plan/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("annual", test_plan_annual);
  ADD ("completion", test_plan_completion);
  ADD ("draft-mark", test_draft_mark);
#undef ADD
  return g_test_run ();
}
