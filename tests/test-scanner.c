/* test-scanner.c: scanning through SANE's own "test" backend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <poppler.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-scan-pdf.h"
#include "xs-scanner.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static char *sane_dir;

/* The test backend reads test.conf each time SANE starts, which this
 * program's scanner does for every scan. */
static void
configure_backend (const char *extra)
{
  g_autofree char *path = g_build_filename (sane_dir, "test.conf", NULL);
  g_autofree char *text = g_strdup_printf ("number_of_devices 2\n"
                                           "test-picture \"Color pattern\"\n"
                                           "%s", extra ? extra : "");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GMainLoop    *loop;
  GPtrArray    *pages;
  GError       *error;
  guint         progress_calls;
  guint         last_page;
  double        last_fraction;
  gboolean      saw_thumbnail;
  GThread      *main_thread;
  gboolean      wrong_thread;
  GCancellable *cancel_on_progress;
} Scan;

static void
on_progress (guint            page,
             double           fraction,
             cairo_surface_t *thumbnail,
             gpointer         user_data)
{
  Scan *scan = user_data;

  scan->progress_calls++;
  scan->last_page = page;
  scan->last_fraction = fraction;
  if (g_thread_self () != scan->main_thread)
    scan->wrong_thread = TRUE;
  if (thumbnail != NULL)
    {
      g_assert_cmpint (cairo_image_surface_get_width (thumbnail), <=, XS_SCANNER_THUMBNAIL_SIZE);
      g_assert_cmpint (cairo_image_surface_get_height (thumbnail), <=, XS_SCANNER_THUMBNAIL_SIZE);
      scan->saw_thumbnail = TRUE;
    }
  /* Cancel once the first page is partly in. */
  if (scan->cancel_on_progress != NULL && fraction > 0 && fraction < 1)
    g_cancellable_cancel (scan->cancel_on_progress);
}

static void
on_scanned (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Scan *scan = user_data;

  scan->pages = xs_scanner_scan_finish (XS_SCANNER (source), result, &scan->error);
  g_main_loop_quit (scan->loop);
}

static void
run_scan (XsScanner    *scanner,
          GCancellable *cancellable,
          Scan         *scan)
{
  memset (scan, 0, sizeof *scan);
  scan->loop = g_main_loop_new (NULL, FALSE);
  scan->main_thread = g_thread_self ();
  scan->cancel_on_progress = cancellable;
  xs_scanner_scan_async (scanner, cancellable, on_progress, scan, NULL, on_scanned, scan);
  g_main_loop_run (scan->loop);
  g_main_loop_unref (scan->loop);
}

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->pages, g_ptr_array_unref);
  g_clear_error (&scan->error);
}

static gint64
add_claim (XsDb *db)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };

  trainee->id_number = xs_test_id_number (3);
  trainee->name = g_strdup ("王䶮");
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市中心医院");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  g_assert_no_error (error);

  claim.trainee_id = trainee->id;
  claim.year = 2018;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = 4;
  claim.variant = g_strdup ("attended");
  claim.hours = 100;
  claim.title = g_strdup ("河南省医学会年会");
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 20, 5, 2018);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  return claim.id;
}

static guint
count_evidence (XsDb   *db,
                gint64  claim_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = xs_claim_store_list_evidence (db, claim_id, &error);

  g_assert_no_error (error);
  return evidence->len;
}

static void
test_list_devices (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autofree char *label = NULL;

  configure_backend (NULL);
  devices = xs_scanner_list_devices (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (devices->len, ==, 2);
  g_assert_cmpstr (((XsScanDevice *) devices->pdata[0])->name, ==, "test:0");
  label = xs_scan_device_get_label (devices->pdata[0]);
  g_assert_nonnull (strstr (label, "test:0"));
}

static void
test_single_page (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsScanner) scanner = xs_scanner_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(GObject) pdf_page = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  gint64 claim_id = add_claim (db);
  XsScanPage *page;
  double width, height;
  Scan scan;

  configure_backend (NULL);
  g_assert_cmpint (xs_scanner_get_resolution (scanner), ==, 200);
  xs_scanner_set_mode (scanner, XS_SCAN_MODE_GREY);
  run_scan (scanner, NULL, &scan);
  g_assert_no_error (scan.error);
  g_assert_cmpuint (scan.pages->len, ==, 1);
  page = scan.pages->pdata[0];
  g_assert_cmpint (page->dpi, ==, 200);
  g_assert_cmpint (page->channels, ==, 1);
  /* The test backend's largest area is 200 mm square. */
  g_assert_cmpint (ABS (page->width - 1575), <=, 2);
  g_assert_cmpint (ABS (page->height - 1575), <=, 2);
  g_assert_false (scan.wrong_thread);
  g_assert_true (scan.saw_thumbnail);
  g_assert_cmpuint (scan.last_page, ==, 1);
  g_assert_cmpfloat (scan.last_fraction, ==, 1.0);

  sha256 = xs_scan_attach (db, claim_id, "meeting_notice", scan.pages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sha256);
  evidence = xs_claim_store_list_evidence (db, claim_id, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpstr (((XsEvidence *) evidence->pdata[0])->sha256, ==, sha256);
  g_assert_cmpstr (((XsEvidence *) evidence->pdata[0])->media_type, ==, "application/pdf");
  g_assert_true (g_str_has_prefix (((XsEvidence *) evidence->pdata[0])->original_name, "会议通知-"));

  /* An A4 page holding the JPEG of the scan. */
  path = xs_evidence_get_path (db, sha256);
  uri = g_filename_to_uri (path, NULL, NULL);
  document = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (POPPLER_DOCUMENT (document)), ==, 1);
  pdf_page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), 0));
  poppler_page_get_size (POPPLER_PAGE (pdf_page), &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_nonnull (memmem (contents, length, "/DCTDecode", 10));
  }
  scan_clear (&scan);
}

static void
test_three_pages (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsScanner) scanner = xs_scanner_new ("test:1");
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  gint64 claim_id = add_claim (db);
  Scan scan;

  configure_backend (NULL);
  xs_scanner_set_pages (scanner, 3);
  xs_scanner_set_resolution (scanner, 100);
  run_scan (scanner, NULL, &scan);
  g_assert_no_error (scan.error);
  g_assert_cmpuint (scan.pages->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      XsScanPage *page = scan.pages->pdata[i];

      g_assert_cmpint (page->channels, ==, 3);
      g_assert_cmpint (page->dpi, ==, 100);
    }
  g_assert_cmpuint (scan.last_page, ==, 3);
  sha256 = xs_scan_attach (db, claim_id, "employer_proof", scan.pages, &error);
  g_assert_no_error (error);
  evidence = xs_claim_store_list_evidence (db, claim_id, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpint (((XsEvidence *) evidence->pdata[0])->pages, ==, 3);
  scan_clear (&scan);
}

/* Every page the feeder holds: the test backend's feeder holds ten. */
static void
test_feeder_until_empty (void)
{
  g_autoptr(XsScanner) scanner = xs_scanner_new ("test:0");
  Scan scan;

  configure_backend (NULL);
  xs_scanner_set_pages (scanner, 0);
  xs_scanner_set_resolution (scanner, 50);
  run_scan (scanner, NULL, &scan);
  g_assert_no_error (scan.error);
  g_assert_cmpuint (scan.pages->len, ==, 10);
  scan_clear (&scan);

  /* Asking for more than it holds is an error, not a short document. */
  xs_scanner_set_pages (scanner, 12);
  run_scan (scanner, NULL, &scan);
  g_assert_error (scan.error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_NO_DOCS);
  g_assert_nonnull (strstr (scan.error->message, "10"));
  g_assert_null (scan.pages);
  scan_clear (&scan);
}

static void
test_cancel_mid_page (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsScanner) scanner = xs_scanner_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 claim_id = add_claim (db);
  Scan scan;

  /* Slow frames: 4 KiB every 20 ms. */
  configure_backend ("read-limit true\nread-limit-size 4096\n"
                     "read-delay true\nread-delay-duration 20000\n");
  xs_scanner_set_mode (scanner, XS_SCAN_MODE_GREY);
  xs_scanner_set_resolution (scanner, 75);
  run_scan (scanner, cancellable, &scan);
  g_assert_error (scan.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (scan.error->message, "nothing was stored"));
  g_assert_null (scan.pages);
  g_assert_cmpuint (scan.last_page, ==, 1);
  g_assert_cmpfloat (scan.last_fraction, <, 1.0);
  g_assert_cmpuint (count_evidence (db, claim_id), ==, 0);
  scan_clear (&scan);

  /* The scanner is free again afterwards. */
  configure_backend (NULL);
  run_scan (scanner, NULL, &scan);
  g_assert_no_error (scan.error);
  g_assert_cmpuint (scan.pages->len, ==, 1);
  scan_clear (&scan);
}

static void
test_device_missing (void)
{
  g_autoptr(XsScanner) scanner = xs_scanner_new ("test:7");
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dll = g_build_filename (sane_dir, "dll.conf", NULL);
  Scan scan;

  configure_backend (NULL);
  run_scan (scanner, NULL, &scan);
  g_assert_error (scan.error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_NO_DEVICE);
  g_assert_nonnull (strstr (scan.error->message, "test:7"));
  scan_clear (&scan);

  /* No scanner at all. */
  g_assert_true (g_file_set_contents (dll, "# none\n", -1, NULL));
  devices = xs_scanner_list_devices (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (devices->len, ==, 0);
  xs_scanner_set_device (scanner, NULL);
  run_scan (scanner, NULL, &scan);
  g_assert_error (scan.error, XS_SCANNER_ERROR, XS_SCANNER_ERROR_NO_DEVICE);
  g_assert_nonnull (strstr (scan.error->message, "No scanner"));
  scan_clear (&scan);
  g_assert_true (g_file_set_contents (dll, "test\n", -1, NULL));
}

static void
check_failure (const char *status,
               guint       pages,
               int         code)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsScanner) scanner = xs_scanner_new ("test:0");
  g_autofree char *conf = g_strdup_printf ("read-status-code \"%s\"\n", status);
  gint64 claim_id = add_claim (db);
  Scan scan;

  configure_backend (conf);
  xs_scanner_set_pages (scanner, pages);
  xs_scanner_set_resolution (scanner, 75);
  run_scan (scanner, NULL, &scan);
  g_assert_error (scan.error, XS_SCANNER_ERROR, code);
  g_assert_null (scan.pages);
  g_assert_nonnull (strstr (scan.error->message, "nothing was stored"));
  g_assert_cmpuint (count_evidence (db, claim_id), ==, 0);
  scan_clear (&scan);
}

static void
test_vanishes_mid_page (void)
{
  check_failure ("SANE_STATUS_IO_ERROR", 1, XS_SCANNER_ERROR_GONE);
}

static void
test_jammed (void)
{
  check_failure ("SANE_STATUS_JAMMED", 3, XS_SCANNER_ERROR_JAMMED);
  check_failure ("SANE_STATUS_COVER_OPEN", 1, XS_SCANNER_ERROR_COVER_OPEN);
  check_failure ("SANE_STATUS_DEVICE_BUSY", 1, XS_SCANNER_ERROR_BUSY);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dll = NULL;

  xs_test_init (&argc, &argv);
  sane_dir = xs_test_make_tmpdir ();
  dll = g_build_filename (sane_dir, "dll.conf", NULL);
  g_assert_true (g_file_set_contents (dll, "test\n", -1, NULL));
  g_setenv ("SANE_CONFIG_DIR", sane_dir, TRUE);

  g_test_add_func ("/scanner/list-devices", test_list_devices);
  g_test_add_func ("/scanner/single-page", test_single_page);
  g_test_add_func ("/scanner/three-pages", test_three_pages);
  g_test_add_func ("/scanner/feeder-until-empty", test_feeder_until_empty);
  g_test_add_func ("/scanner/cancel-mid-page", test_cancel_mid_page);
  g_test_add_func ("/scanner/device-missing", test_device_missing);
  g_test_add_func ("/scanner/vanishes-mid-page", test_vanishes_mid_page);
  g_test_add_func ("/scanner/jammed", test_jammed);
  return g_test_run ();
}
