/* test-certificate.c: issuing, drawing, signing and reprinting certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#ifdef HAVE_ZBAR
#include <zbar.h>
#endif

#include "xs-certificate-payload.h"
#include "xs-certificate-sign.h"
#include "xs-certificate-store.h"
#include "xs-class-store.h"
#include "xs-claim-store.h"
#include "xs-db-private.h"
#include "xs-hours-import.h"
#include "xs-id-number.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"

/* poppler-glib 22 declares no autoptr cleanups */
#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

#define RARE_NAME "王䶮堃喆𠮷"
#define HOURS_HEADER "身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"

typedef struct
{
  XsDb                  *db;
  XsSigningKey          *key;
  char                  *seal;
  char                  *ids[4];   /* 0, 1 qualified; 2 not; 3 only in the class */
  XsCertificateSettings  settings;
} Fixture;

/* A seal: a red ring on a transparent square, as a PNG. */
static char *
write_seal (guint8 shade)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 120);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, "seal.png", NULL);

  cairo_set_source_rgb (cr, shade / 255.0, 0, 0);
  cairo_set_line_width (cr, 8);
  cairo_arc (cr, 60, 60, 50, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) roster = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(GString) hours = g_string_new (HOURS_HEADER);
  g_autoptr(GError) error = NULL;
  const char *names[] = { RARE_NAME, "李娜", "张伟", "赵磊" };

  fixture->db = xs_test_open_db ();
  fixture->key = xs_signing_key_open (xs_db_get_data_dir (fixture->db), &error);
  g_assert_no_error (error);
  fixture->seal = write_seal (200);

  for (guint i = 0; i < 4; i++)
    {
      fixture->ids[i] = xs_test_id_number (i);
      g_string_append_printf (roster, "%s,%s,%s\n", names[i], fixture->ids[i],
                              i == 1 ? "临颍县人民医院" : "漯河市中心医院");
    }
  xs_test_import (fixture->db, roster->str, TRUE, NULL);

  /* 0 and 1 meet 2018's requirement; 2 lacks professional hours */
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (hours,
                            "%s,%s,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                            "%s,%s,2018,公需科目,否,6,,公需科目网络培训（选修）,2018-06-06\n"
                            "%s,%s,2018,专业科目,,%s,1,临床诊疗规范培训班,2018-04-14\n",
                            fixture->ids[i], names[i], fixture->ids[i], names[i],
                            fixture->ids[i], names[i], i == 2 ? "20" : "60");
  xs_test_import (fixture->db, hours->str, FALSE, NULL);
  g_assert_cmpint (xs_claim_store_approve_submitted (fixture->db, 2018, "人社局审核员", &error), ==, 9);
  g_assert_no_error (error);

  fixture->settings.base_name = "漯河市职业技术学院继续教育基地";
  fixture->settings.issuer = "漯河市人力资源和社会保障局";
  fixture->settings.seal_path = fixture->seal;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->key);
  g_clear_object (&fixture->db);
  g_free (fixture->seal);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->ids); i++)
    g_free (fixture->ids[i]);
}

static GPtrArray *
issue (Fixture             *fixture,
       XsCertificateKind    kind,
       const char * const  *ids,
       const char          *class_code,
       guint               *n_issued,
       GPtrArray          **refused)
{
  XsCertificateQuery query = { kind, 2018, ids, NULL, class_code };
  g_autoptr(GError) error = NULL;
  GPtrArray *certificates;

  certificates = xs_certificates_issue (fixture->db, fixture->key, &fixture->settings, &query,
                                        NULL, NULL, NULL, n_issued, refused, &error);
  g_assert_no_error (error);
  g_assert_nonnull (certificates);
  return certificates;
}

static PopplerDocument *
write_and_open (GPtrArray *certificates)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "certificates.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;

  g_assert_true (xs_certificate_write_pdf (certificates, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  uri = g_filename_to_uri (path, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);

  return poppler_page_get_text (page);
}

static void
test_annual_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  guint n_issued = 0;
  double width, height;

  certificates = issue (fixture, XS_CERTIFICATE_ANNUAL, NULL, NULL, &n_issued, &refused);
  /* everyone qualified, in roster order; nobody named, so no refusals */
  g_assert_cmpuint (certificates->len, ==, 2);
  g_assert_cmpuint (n_issued, ==, 2);
  g_assert_cmpuint (refused->len, ==, 0);
  g_assert_cmpstr (xs_certificate_get_serial (g_ptr_array_index (certificates, 0)), ==, "2018-JX-000001");
  g_assert_cmpstr (xs_certificate_get_serial (g_ptr_array_index (certificates, 1)), ==, "2018-JX-000002");

  document = write_and_open (certificates);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.1);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.1);

  /* text stays text: the rare characters come back, not boxes */
  text = page_text (document, 0);
  g_assert_nonnull (strstr (text, RARE_NAME));
  g_assert_nonnull (strstr (text, "2018-JX-000001"));
  g_assert_nonnull (strstr (text, "2018"));
  g_assert_nonnull (strstr (text, "90"));
  g_assert_nonnull (strstr (text, "漯河市职业技术学院继续教育基地"));
  /* the identity number is masked by default */
  g_assert_null (strstr (text, fixture->ids[0]));
  g_clear_pointer (&text, g_free);
  text = page_text (document, 1);
  g_assert_nonnull (strstr (text, "李娜"));
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  const char *ids[] = { fixture->ids[1], fixture->ids[2], "110101199003077777", NULL };
  const char *only_unqualified[] = { fixture->ids[2], NULL };
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, 2018, only_unqualified, NULL, NULL };
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GError) error = NULL;
  XsCertificateSettings nameless = fixture->settings;

  certificates = issue (fixture, XS_CERTIFICATE_ANNUAL, ids, NULL, NULL, &refused);
  g_assert_cmpuint (certificates->len, ==, 1);
  g_assert_cmpstr (xs_certificate_get_holder (g_ptr_array_index (certificates, 0)), ==, "李娜");
  g_assert_cmpuint (refused->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (refused, 0), "张伟"));
  g_assert_nonnull (strstr (g_ptr_array_index (refused, 0), "2018"));
  g_assert_nonnull (strstr (g_ptr_array_index (refused, 1), "110101"));

  /* naming only those who do not qualify issues nothing */
  g_clear_pointer (&certificates, g_ptr_array_unref);
  certificates = xs_certificates_issue (fixture->db, fixture->key, &fixture->settings, &query,
                                        NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND);
  g_assert_null (certificates);
  g_clear_error (&error);

  /* no base name, no certificate */
  nameless.base_name = "";
  query.id_numbers = NULL;
  certificates = xs_certificates_issue (fixture->db, fixture->key, &nameless, &query,
                                        NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);

  /* a seal that is not a PNG */
  nameless.base_name = "基地";
  nameless.seal_path = g_test_get_filename (G_TEST_DIST, "fixtures", "scan.jpg", NULL);
  certificates = xs_certificates_issue (fixture->db, fixture->key, &nameless, &query,
                                        NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "PNG"));
}

/* A reprint is the stored PDF, whatever changed since. */
static void
test_reprint_identical (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *ids[] = { fixture->ids[0], NULL };
  g_autoptr(GPtrArray) first = issue (fixture, XS_CERTIFICATE_ANNUAL, ids, NULL, NULL, NULL);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) later = NULL;
  g_autoptr(GBytes) redrawn = NULL;
  g_autoptr(GBytes) resigned = NULL;
  g_autoptr(XsPdfKey) pdf_key = NULL;
  g_autoptr(XsCertificate) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *roster = NULL;
  g_autofree char *other_seal = write_seal (90);
  const char *serial = xs_certificate_get_serial (g_ptr_array_index (first, 0));
  guint n_issued = 99;

  stored = xs_certificate_store_get_pdf (fixture->db, serial, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (stored, NULL), "%PDF"));

  /* the trainee is renamed, the base renamed, the seal replaced */
  roster = g_strdup_printf ("姓名,身份证号,工作单位\n王岩,%s,漯河市第一人民医院\n", fixture->ids[0]);
  xs_test_import (fixture->db, roster, TRUE, NULL);
  fixture->settings.base_name = "另一个基地";
  fixture->settings.seal_path = other_seal;

  again = issue (fixture, XS_CERTIFICATE_ANNUAL, ids, NULL, &n_issued, NULL);
  g_assert_cmpuint (n_issued, ==, 0);
  g_assert_cmpstr (xs_certificate_get_serial (g_ptr_array_index (again, 0)), ==, serial);
  g_assert_cmpstr (xs_certificate_get_holder (g_ptr_array_index (again, 0)), ==, RARE_NAME);

  later = xs_certificate_store_get_pdf (fixture->db, serial, &error);
  g_assert_true (g_bytes_equal (stored, later));
  /* and drawing the snapshot again gives the same bytes */
  snapshot = xs_certificate_store_get (fixture->db, serial, &error);
  g_assert_no_error (error);
  redrawn = xs_certificate_render_pdf (snapshot, &error);
  g_assert_no_error (error);
  /* signed as issued: the signature holds no time of its own */
  pdf_key = xs_certificate_open_pdf_key (fixture->db, &error);
  g_assert_no_error (error);
  resigned = xs_certificate_sign_pdf (redrawn, snapshot, pdf_key, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (stored), >, g_bytes_get_size (redrawn));
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (redrawn),
                   g_bytes_get_data (redrawn, NULL), g_bytes_get_size (redrawn));
  g_assert_true (g_bytes_equal (stored, resigned));
}

#ifdef HAVE_ZBAR
/* Renders the page as a scanner would see it and reads its QR code. */
static char *
scan_qr (PopplerDocument *document)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);

  return xs_test_scan_page (page, 216);
}
#endif

static void
test_qr_verifies (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *ids[] = { fixture->ids[0], NULL };
  g_autoptr(GPtrArray) certificates = issue (fixture, XS_CERTIFICATE_ANNUAL, ids, NULL, NULL, NULL);
  XsCertificate *certificate = g_ptr_array_index (certificates, 0);
  const char *public_key = xs_signing_key_get_public_text (fixture->key);
  XsCertificatePayload payload = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *tampered = NULL;
  g_autofree char *scanned = NULL;
  g_autoptr(XsSigningKey) other = NULL;
  g_autofree char *other_dir = xs_test_make_tmpdir ();
  g_autofree char *masked = NULL;

#ifdef HAVE_ZBAR
  {
    g_autoptr(PopplerDocument) document = write_and_open (certificates);

    scanned = scan_qr (document);
    g_assert_cmpstr (scanned, ==, xs_certificate_get_payload (certificate));
  }
#else
  scanned = g_strdup (xs_certificate_get_payload (certificate));
#endif

  g_assert_true (xs_certificate_payload_verify (scanned, public_key, &payload, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (payload.serial, ==, "2018-JX-000001");
  g_assert_cmpint (payload.year, ==, 2018);
  g_assert_cmpint (payload.kind, ==, XS_CERTIFICATE_ANNUAL);
  g_assert_cmpint (payload.public_hours, ==, 300);
  g_assert_cmpint (payload.compulsory, ==, 240);
  g_assert_cmpint (payload.professional, ==, 600);
  g_assert_cmpint (payload.total, ==, 900);
  /* what the page prints, and only that */
  masked = xs_id_number_mask (fixture->ids[0]);
  g_assert_cmpint (payload.version, ==, 2);
  g_assert_cmpstr (payload.name, ==, RARE_NAME);
  g_assert_cmpstr (payload.id_text, ==, masked);
  g_assert_true (xs_certificate_payload_check_holder (&payload, fixture->ids[0], RARE_NAME));
  g_assert_false (xs_certificate_payload_check_holder (&payload, fixture->ids[1], RARE_NAME));
  g_assert_false (xs_certificate_payload_check_holder (&payload, fixture->ids[0], "李娜"));
  xs_certificate_payload_clear (&payload);

  /* one digit changed: the signature no longer matches */
  tampered = g_strdup (scanned);
  tampered[10] = tampered[10] == '1' ? '2' : '1';
  g_assert_false (xs_certificate_payload_verify (tampered, public_key, &payload, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == XS_CERTIFICATE_PAYLOAD_ERROR);
  g_clear_error (&error);

  /* another base's key */
  g_assert_true (xs_signing_key_create (other_dir, &error));
  other = xs_signing_key_open (other_dir, &error);
  g_assert_false (xs_certificate_payload_verify (scanned, xs_signing_key_get_public_text (other), &payload, &error));
  g_assert_error (error, XS_CERTIFICATE_PAYLOAD_ERROR, XS_CERTIFICATE_PAYLOAD_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  /* not a payload at all */
  g_assert_false (xs_certificate_payload_verify ("https://example.org/", public_key, &payload, &error));
  g_assert_error (error, XS_CERTIFICATE_PAYLOAD_ERROR, XS_CERTIFICATE_PAYLOAD_ERROR_MALFORMED);
}

static void
test_revoke (Fixture       *fixture,
             gconstpointer  data)
{
  const char *ids[] = { fixture->ids[1], NULL };
  g_autoptr(GPtrArray) first = issue (fixture, XS_CERTIFICATE_ANNUAL, ids, NULL, NULL, NULL);
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(XsIssuedCertificate) issued = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  const char *serial = xs_certificate_get_serial (g_ptr_array_index (first, 0));

  g_assert_false (xs_certificate_store_revoke (fixture->db, serial, "  ", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (xs_certificate_store_revoke (fixture->db, serial, "工作单位填写错误", &error));
  g_assert_no_error (error);
  g_assert_false (xs_certificate_store_revoke (fixture->db, serial, "again", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);

  issued = xs_certificate_store_lookup (fixture->db, serial, &error);
  g_assert_nonnull (issued->revoked_at);
  g_assert_cmpstr (issued->revoke_reason, ==, "工作单位填写错误");
  g_assert_cmpstr (issued->holder, ==, "李娜");

  /* a new certificate, with the next serial */
  second = issue (fixture, XS_CERTIFICATE_ANNUAL, ids, NULL, NULL, NULL);
  g_assert_cmpstr (xs_certificate_get_serial (g_ptr_array_index (second, 0)), ==, "2018-JX-000002");
  list = xs_certificate_store_list (fixture->db, 2018, &error);
  g_assert_cmpuint (list->len, ==, 2);
}

static void
test_completion (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XsTrainingClass) klass = xs_training_class_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  const char *ids[] = { fixture->ids[3], fixture->ids[1], NULL };
  double width, height;

  klass->code = g_strdup ("2018-07");
  klass->name = g_strdup ("BIM 技术与工程管理培训班");
  klass->year = 2018;
  klass->category = XS_CATEGORY_PROFESSIONAL;
  klass->hours = 240;
  g_date_set_dmy (&klass->start_date, 10, 7, 2018);
  g_date_set_dmy (&klass->end_date, 14, 7, 2018);
  g_assert_true (xs_class_store_add (fixture->db, klass, &error));
  sheet = g_strdup_printf ("身份证号,姓名\n%s,赵磊\n", fixture->ids[3]);
  xs_test_import (fixture->db, sheet, FALSE, klass);

  fixture->settings.orientation = XS_CERTIFICATE_LANDSCAPE;
  certificates = issue (fixture, XS_CERTIFICATE_COMPLETION, ids, "2018-07", NULL, &refused);
  g_assert_cmpuint (certificates->len, ==, 1);
  g_assert_cmpstr (xs_certificate_get_serial (g_ptr_array_index (certificates, 0)), ==, "2018-JY-000001");
  /* 李娜 is not in the class */
  g_assert_cmpuint (refused->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (refused, 0), "BIM"));

  document = write_and_open (certificates);
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);

    poppler_page_get_size (page, &width, &height);
  }
  g_assert_cmpfloat (width, >, height);
  text = page_text (document, 0);
  g_assert_nonnull (strstr (text, "赵磊"));
  g_assert_nonnull (strstr (text, "BIM 技术与工程管理培训班"));
  g_assert_nonnull (strstr (text, "24"));
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(XsCertificate) draft = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  draft = xs_certificate_preview (fixture->db, &fixture->settings, XS_CERTIFICATE_ANNUAL, 2018,
                                  NULL, fixture->ids[0], &error);
  g_assert_no_error (error);
  g_assert_null (xs_certificate_get_serial (draft));
  g_assert_null (xs_certificate_get_payload (draft));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 210, 297);
  cr = cairo_create (surface);
  xs_certificate_draw (draft, cr, 210, 297);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_clear_object (&draft);
  draft = xs_certificate_preview (fixture->db, &fixture->settings, XS_CERTIFICATE_ANNUAL, 2018,
                                  NULL, fixture->ids[2], &error);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_null (draft);
}

static void
test_signing_key_private (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "signing-key", NULL);
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(XsSigningKey) again = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  /* Opening never makes a key: only setting the base up does */
  g_assert_null (xs_signing_key_open (dir, &error));
  g_assert_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (xs_signing_key_create (dir, &error));
  key = xs_signing_key_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  again = xs_signing_key_open (dir, &error);
  g_assert_cmpstr (xs_signing_key_get_public_text (key), ==, xs_signing_key_get_public_text (again));

  g_assert_true (g_file_set_contents (path, "short", -1, NULL));
  g_clear_object (&again);
  again = xs_signing_key_open (dir, &error);
  g_assert_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_DAMAGED);
  g_assert_null (again);
}

typedef struct
{
  XsDb                  *db;
  XsSigningKey          *key;
  XsCertificateSettings *settings;
  guint                  done;     /* atomic */
  guint                  total;    /* atomic */
  guint                  issued;
} Issuing;

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  Issuing *issuing = user_data;

  g_atomic_int_set (&issuing->total, total);
  g_atomic_int_set (&issuing->done, done);
}

static gpointer
issue_in_thread (gpointer data)
{
  Issuing *issuing = data;
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, 2018, NULL, NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = NULL;

  certificates = xs_certificates_issue (issuing->db, issuing->key, issuing->settings, &query,
                                        count_progress, issuing, NULL, &issuing->issued, NULL, &error);
  g_assert_no_error (error);
  return NULL;
}

/* While many certificates are being issued, another connection's write
 * (a revocation) gets through with a 2 s busy timeout, long before the
 * issuing ends: the issuing holds no write transaction for long. */
static void
test_short_transactions (void)
{
  g_autoptr(GString) roster = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(GString) hours = g_string_new (HOURS_HEADER);
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsDb) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seal = write_seal (200);
  XsCertificateSettings settings = { 0 };
  Issuing issuing = { 0 };
  GThread *thread;
  /* enough for many chunks of a tenth of a second, now that a
   * certificate is issued in about a millisecond */
  guint n = 1000, done_after_write;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = xs_test_id_number (i);

      g_string_append_printf (roster, "学员%u,%s,漯河市中心医院\n", i, id);
      g_string_append_printf (hours,
                              "%s,学员%u,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                              "%s,学员%u,2018,公需科目,否,6,,公需科目网络培训（选修）,2018-06-06\n"
                              "%s,学员%u,2018,专业科目,,60,1,临床诊疗规范培训班,2018-04-14\n",
                              id, i, id, i, id, i);
    }
  xs_test_import (db, roster->str, TRUE, NULL);
  xs_test_import (db, hours->str, FALSE, NULL);
  g_assert_cmpint (xs_claim_store_approve_submitted (db, 2018, "人社局审核员", &error), ==, 3 * n);

  settings.base_name = "漯河市职业技术学院继续教育基地";
  settings.seal_path = seal;
  issuing.db = db;
  issuing.settings = &settings;
  issuing.key = xs_signing_key_open (xs_db_get_data_dir (db), &error);
  g_assert_no_error (error);

  other = xs_db_open (xs_db_get_data_dir (db), &error);
  g_assert_no_error (error);
  sqlite3_busy_timeout (_xs_db_get_handle (other), 2000);

  thread = g_thread_new ("issue", issue_in_thread, &issuing);
  /* the first certificates are stored */
  while (g_atomic_int_get (&issuing.done) == 0)
    g_usleep (1000);
  /* the write lock itself (a claim saved in the window), then a revocation */
  g_assert_true (xs_db_begin (other, &error));
  g_assert_no_error (error);
  g_assert_true (xs_db_commit (other, &error));
  g_assert_no_error (error);
  g_assert_true (xs_certificate_store_revoke (other, "2018-JX-000001", "写错了姓名", &error));
  g_assert_no_error (error);
  done_after_write = g_atomic_int_get (&issuing.done);
  g_thread_join (thread);

  /* the write did not wait for the end of the issuing */
  g_assert_cmpuint (done_after_write, <, n);
  g_assert_cmpuint (issuing.issued, ==, n);
  g_clear_object (&issuing.key);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/certificate/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("annual-pdf", test_annual_pdf);
  ADD ("refusals", test_refusals);
  ADD ("reprint-identical", test_reprint_identical);
  ADD ("qr-verifies", test_qr_verifies);
  ADD ("revoke", test_revoke);
  ADD ("completion", test_completion);
  ADD ("preview", test_preview);
#undef ADD
  g_test_add_func ("/certificate/signing-key-private", test_signing_key_private);
  g_test_add_func ("/certificate/short-transactions", test_short_transactions);
  return g_test_run ();
}
