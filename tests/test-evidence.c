/* test-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "xs-evidence.h"
#include "xs-test-util.h"

static GBytes *
make_pdf (int pages)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "scan.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  char *contents;
  gsize length;

  for (int i = 0; i < pages; i++)
    {
      cairo_rectangle (cr, 50, 50, 100 + i, 100);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static GBytes *
make_png (int width,
          int height)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "photo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  char *contents;
  gsize length;

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = xs_test_fixture_path (name);
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (contents, length);
}

static void
test_evidence_types (void)
{
  g_autoptr(GBytes) pdf = make_pdf (3);
  g_autoptr(GBytes) png = make_png (40, 30);
  g_autoptr(GBytes) jpeg = fixture_bytes ("scan.jpg");
  g_autoptr(GError) error = NULL;
  g_autoptr(XsEvidence) a = xs_evidence_inspect (pdf, "scan.pdf", &error);
  g_autoptr(XsEvidence) b = xs_evidence_inspect (png, "photo.png", &error);
  g_autoptr(XsEvidence) c = xs_evidence_inspect (jpeg, "scan.pdf", &error);   /* named wrongly */

  g_assert_no_error (error);
  g_assert_cmpstr (a->media_type, ==, "application/pdf");
  g_assert_cmpint (a->pages, ==, 3);
  g_assert_cmpint (strlen (a->sha256), ==, 64);
  g_assert_cmpstr (b->media_type, ==, "image/png");
  g_assert_cmpint (b->pages, ==, 1);
  g_assert_cmpstr (c->media_type, ==, "image/jpeg");
}

static void
expect_refusal (GBytes     *bytes,
                const char *name,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsEvidence) evidence = xs_evidence_inspect (bytes, name, &error);

  g_assert_null (evidence);
  g_assert_error (error, XS_EVIDENCE_ERROR, code);
  /* the message names the file */
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_evidence_refusals (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) zip = g_bytes_new_static ("PK\x03\x04 not a scan", 18);
  g_autoptr(GBytes) encrypted = fixture_bytes ("encrypted.pdf");
  g_autoptr(GBytes) pdf = make_pdf (2);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 3);
  /* A PNG header claiming 30000 × 30000 pixels: a decompression bomb. */
  static const guint8 bomb[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 2, 0, 0, 0, 0, 0, 0, 0,
  };
  g_autoptr(GBytes) big = g_bytes_new_static (bomb, sizeof bomb);
  static const guint8 bad_jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00 };
  g_autoptr(GBytes) jpeg = g_bytes_new_static (bad_jpeg, sizeof bad_jpeg);

  expect_refusal (empty, "empty.pdf", XS_EVIDENCE_ERROR_EMPTY);
  expect_refusal (zip, "photo.jpg", XS_EVIDENCE_ERROR_TYPE);
  expect_refusal (encrypted, "encrypted.pdf", XS_EVIDENCE_ERROR_ENCRYPTED);
  expect_refusal (truncated, "truncated.pdf", XS_EVIDENCE_ERROR_BROKEN);
  expect_refusal (big, "huge.png", XS_EVIDENCE_ERROR_TOO_BIG_IMAGE);
  expect_refusal (jpeg, "cut.jpg", XS_EVIDENCE_ERROR_BROKEN);
}

static void
test_evidence_store (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GBytes) pdf = make_pdf (1);
  g_autofree char *path = xs_test_write_file ("证明.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_autofree char *copy = xs_test_write_file ("copy.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_autoptr(GError) error = NULL;
  g_autoptr(XsEvidence) first = xs_evidence_store_file (db, path, 0, &error);
  g_autoptr(XsEvidence) second = xs_evidence_store_file (db, copy, 0, &error);
  g_autofree char *stored = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (first->id, >, 0);
  g_assert_cmpint (first->id, ==, second->id);
  g_assert_cmpstr (first->original_name, ==, "证明.pdf");

  stored = xs_evidence_get_path (db, first->sha256);
  g_assert_true (g_str_has_suffix (stored, first->sha256 + 2));
  g_assert_true (g_file_get_contents (stored, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_assert_cmpint (g_stat (stored, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (stored);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* Attaching the original again repairs a damaged or lost stored copy. */
static void
test_evidence_repair (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GBytes) pdf = make_pdf (2);
  g_autofree char *path = xs_test_write_file ("证明.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_autoptr(GError) error = NULL;
  g_autoptr(XsEvidence) first = xs_evidence_store_file (db, path, 0, &error);
  g_autoptr(XsEvidence) again = NULL;
  g_autoptr(XsEvidence) third = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  stored = xs_evidence_get_path (db, first->sha256);

  /* the same size, one byte changed */
  g_assert_true (g_file_get_contents (stored, &contents, &length, NULL));
  contents[length / 2] ^= 0x20;
  g_assert_true (g_file_set_contents (stored, contents, length, NULL));
  again = xs_evidence_store_file (db, path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, first->id);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (stored, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));

  /* lost */
  g_assert_cmpint (g_unlink (stored), ==, 0);
  third = xs_evidence_store_file (db, path, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
}

static void
test_evidence_limit (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GBytes) pdf = make_pdf (1);
  g_autofree char *path = xs_test_write_file ("big.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  g_autoptr(GError) error = NULL;
  g_autoptr(XsEvidence) evidence = xs_evidence_store_file (db, path, 100, &error);
  g_autoptr(XsEvidence) missing = NULL;

  g_assert_null (evidence);
  g_assert_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  missing = xs_evidence_store_file (db, "/nonexistent/scan.pdf", 0, &error);
  g_assert_null (missing);
  g_assert_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_READ);
}

/* What offices send besides scans: a misnamed file, a huge PDF, a JPEG
 * whose header claims more pixels than memory holds. */
static void
test_evidence_hostile (void)
{
  g_autoptr(GBytes) many = make_pdf (3000);
  g_autoptr(XsEvidence) pdf = NULL;
  g_autoptr(XsEvidence) misnamed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scan = xs_test_fixture_path ("scan.jpg");
  g_autoptr(GBytes) jpeg = NULL;
  /* SOI, then a baseline frame header of 30000 × 30000 */
  static const guint8 bomb[] = {
    0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x75, 0x30, 0x75, 0x30, 0x03,
    0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
  };
  g_autoptr(GBytes) jpeg_bomb = g_bytes_new_static (bomb, sizeof bomb);
  char *contents;
  gsize length;

  /* thousands of pages: accepted, counted; the viewer renders on demand */
  pdf = xs_evidence_inspect (many, "3000页.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pdf->pages, ==, 3000);

  /* a JPEG named .pdf is stored as the JPEG it is */
  g_assert_true (g_file_get_contents (scan, &contents, &length, NULL));
  jpeg = g_bytes_new_take (contents, length);
  misnamed = xs_evidence_inspect (jpeg, "证明.pdf", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (misnamed->media_type, ==, "image/jpeg");

  expect_refusal (jpeg_bomb, "huge.jpg", XS_EVIDENCE_ERROR_TOO_BIG_IMAGE);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/evidence/types", test_evidence_types);
  g_test_add_func ("/evidence/refusals", test_evidence_refusals);
  g_test_add_func ("/evidence/store", test_evidence_store);
  g_test_add_func ("/evidence/limit", test_evidence_limit);
  g_test_add_func ("/evidence/repair", test_evidence_repair);
  g_test_add_func ("/evidence/hostile", test_evidence_hostile);

  return g_test_run ();
}
