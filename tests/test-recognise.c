/* test-recognise.c: what is read from scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "xs-date.h"
#include "xs-evidence.h"
#include "xs-recognise.h"
#include "xs-test-pages.h"
#include "xs-test-util.h"

static gboolean
strv_has (char * const *values,
          const char   *value)
{
  return values != NULL && g_strv_contains ((const char * const *) values, value);
}

static gboolean
hours_has (const XsRecognition *recognition,
           int                  tenths)
{
  for (guint i = 0; i < recognition->n_hours; i++)
    if (recognition->hours[i] == tenths)
      return TRUE;
  return FALSE;
}

/* Recognised Chinese as Tesseract gives it: spaces between characters,
 * full-width digits, a wrong check digit on one number. */
static void
test_from_text (void)
{
  g_autofree char *good = xs_test_id_number (5);
  g_autofree char *bad = g_strdup (good);
  g_autofree char *spaced = NULL;
  g_autofree char *text = NULL;
  g_autoptr(XsRecognition) recognition = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autoptr(XsRecognition) back = NULL;
  g_autoptr(GError) error = NULL;

  bad[17] = bad[17] == '1' ? '2' : '1';
  spaced = g_strdup_printf ("%.6s %.8s %.4s", good, good + 6, good + 14);
  text = g_strdup_printf ("结 业 证 书\n"
                          "姓名：王 䶮性别：女\n身份证号：%s\n旧号：%s\n"
                          "于２０１８年５月６日参加《基层医疗卫生人员继续教育培训班》，"
                          "共计 24 学时，成绩合格，特发此证。\n2018-05-20\n", spaced, bad);
  recognition = xs_recognition_from_text (text, NULL);
  g_assert_cmpuint (g_strv_length (recognition->id_numbers), ==, 1);
  g_assert_cmpstr (recognition->id_numbers[0], ==, good);
  g_assert_true (strv_has (recognition->names, "王䶮"));
  g_assert_cmpuint (g_strv_length (recognition->dates), ==, 2);
  g_assert_cmpstr (recognition->dates[0], ==, "2018-05-06");
  g_assert_cmpstr (recognition->dates[1], ==, "2018-05-20");
  g_assert_cmpuint (recognition->n_hours, ==, 1);
  g_assert_cmpint (recognition->hours[0], ==, 240);
  g_assert_cmpstr (recognition->title, ==, "基层医疗卫生人员继续教育培训班");
  g_assert_cmpstr (recognition->material, ==, "completion_certificate");
  g_assert_cmpfloat (recognition->material_confidence, >, 0.5);

  /* Through JSON and back, as it is stored. */
  node = xs_recognition_to_json (recognition);
  json = json_to_string (node, FALSE);
  back = xs_recognition_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->id_numbers[0], ==, good);
  g_assert_cmpint (back->hours[0], ==, 240);
  g_assert_cmpstr (back->material, ==, "completion_certificate");
  g_assert_cmpstr (back->text, ==, text);
  g_clear_pointer (&back, xs_recognition_free);
  back = xs_recognition_from_json ("[1,2", &error);
  g_assert_null (back);
  g_assert_nonnull (error);
}

static void
test_from_text_proof (void)
{
  g_autoptr(XsRecognition) recognition = NULL;
  g_autoptr(XsRecognition) nothing = NULL;

  recognition = xs_recognition_from_text ("单位证明\n兹证明张晓明同志系我单位职工，于2019年3月1日"
                                          "参加了全科医生转岗培训班，共计12.5学时。特此证明。",
                                          "李 红");
  g_assert_true (strv_has (recognition->names, "张晓明"));
  g_assert_false (strv_has (recognition->names, "李红"));
  g_assert_cmpint (recognition->hours[0], ==, 125);
  g_assert_cmpstr (recognition->title, ==, "全科医生转岗培训班");
  g_assert_cmpstr (recognition->material, ==, "employer_proof");

  /* Nothing to find is not an error. */
  nothing = xs_recognition_from_text ("", NULL);
  g_assert_cmpuint (g_strv_length (nothing->id_numbers), ==, 0);
  g_assert_null (nothing->material);
  g_assert_null (nothing->title);
}

static void
test_hostile (void)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("%PDF-1.4 garbage", 16);
  g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRecognition) recognition = NULL;

  if (!xs_recognise_is_supported ())
    {
      g_test_skip ("built without text recognition");
      return;
    }
  recognition = xs_recognise_bytes (junk, "坏.pdf", NULL, NULL, &error);
  g_assert_null (recognition);
  g_assert_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_BROKEN);
  g_clear_error (&error);
  recognition = xs_recognise_bytes (text, "a.txt", NULL, NULL, &error);
  g_assert_null (recognition);
  g_assert_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_TYPE);
}

/* A page of each template, drawn at 200 dpi, turned, noisy and saved as a
 * JPEG of quality 60, is read back. */
static void
test_scanned_page (gconstpointer data)
{
  XsTestPageKind kind = GPOINTER_TO_INT (data);
  g_autoptr(XsTestPage) page = xs_test_page_new (kind, 100 + kind);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "扫描.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRecognition) recognition = NULL;
  g_autofree char *iso = xs_date_to_iso (&page->date);

  if (!xs_recognise_is_supported ())
    {
      g_test_skip ("built without text recognition");
      return;
    }
  g_assert_true (xs_test_page_write_jpeg (page, 200, kind == XS_TEST_PAGE_NOTICE ? -1.5 : 1.2,
                                          18, 60, kind, path, &error));
  g_assert_no_error (error);
  recognition = xs_recognise_file (path, page->name, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("read: %s", recognition->text);
  g_assert_true (strv_has (recognition->id_numbers, page->id_number));
  g_assert_true (hours_has (recognition, page->hours * 10));
  g_assert_true (strv_has (recognition->dates, iso));
  g_assert_cmpstr (recognition->material, ==, xs_test_page_material (kind));
}

static void
test_cancelled (void)
{
  g_autoptr(XsTestPage) page = xs_test_page_new (XS_TEST_PAGE_PROOF, 1);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.jpg", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRecognition) recognition = NULL;

  if (!xs_recognise_is_supported ())
    {
      g_test_skip ("built without text recognition");
      return;
    }
  g_assert_true (xs_test_page_write_jpeg (page, 100, 0, 0, 80, 1, path, &error));
  g_cancellable_cancel (cancellable);
  recognition = xs_recognise_file (path, NULL, cancellable, &error);
  g_assert_null (recognition);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/recognise/from-text", test_from_text);
  g_test_add_func ("/recognise/from-text-proof", test_from_text_proof);
  g_test_add_func ("/recognise/hostile", test_hostile);
  g_test_add_func ("/recognise/cancelled", test_cancelled);
  g_test_add_data_func ("/recognise/certificate", GINT_TO_POINTER (XS_TEST_PAGE_CERTIFICATE), test_scanned_page);
  g_test_add_data_func ("/recognise/notice", GINT_TO_POINTER (XS_TEST_PAGE_NOTICE), test_scanned_page);
  g_test_add_data_func ("/recognise/proof", GINT_TO_POINTER (XS_TEST_PAGE_PROOF), test_scanned_page);
  return g_test_run ();
}
