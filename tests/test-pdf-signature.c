/* test-pdf-signature.c: certificate PDFs carry a PDF digital signature
 * that poppler's pdfsig accepts, and that one changed byte breaks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "xs-certificate-sign.h"
#include "xs-pdf-key.h"
#include "xs-signing-key.h"
#include "xs-test-util.h"

/* poppler-glib 22 declares no autoptr cleanups */
#if !POPPLER_CHECK_VERSION (23, 0, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

typedef XsTestRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, xs_test_run_clear)

/* The longest base name a profile is likely to hold, with rare characters. */
#define BASE_NAME "漯河市职业技术学院继续教育基地（䶮𠮷培训中心）"
#define VALID "Signature Validation: Signature is Valid."

static char *data_dir;

static void
run_cli (Run *run,
         ...)
{
  va_list ap;

  va_start (ap, run);
  xs_test_run_cli_valist (run, data_dir, NULL, ap);
  va_end (ap);
}

/* What `pdfsig FILE` prints, with its own NSS database in a private home. */
static char *
pdfsig (const char *path,
        int        *status)
{
  g_autofree char *home = xs_test_make_tmpdir ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "HOME", home, TRUE);
  const char *argv[] = { g_getenv ("XUESHI_PDFSIG"), path, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("pdfsig %s:\n%s%s", path, out, err);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return g_strconcat (out, err, NULL);
}

/* Sets up a base in a new data folder and issues its 2018 certificates
 * into @pdf; returns the serial of the first. */
static void
issue_certificates (const char *pdf)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) issue = { 0 };

  g_free (data_dir);
  data_dir = xs_test_make_tmpdir ();
  run_cli (&demo, "demo", "--trainees", "12", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run_cli (&issue, "certificates", "--year", "2018", "--out", pdf, "--base-name", BASE_NAME, NULL);
  g_assert_cmpint (issue.status, ==, 0);
}

/* Renders the first page of @path with poppler-glib; TRUE when it drew
 * something dark on white. */
static gboolean
renders (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_file (uri, NULL, &error);
  g_autoptr(PopplerPage) page = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint dark = 0;
  int stride;
  const guint8 *pixels;

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), >, 0);
  page = poppler_document_get_page (document, 0);
  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < (int) height; y++)
    for (int x = 0; x < (int) width; x++)
      if ((pixels[y * stride + 4 * x + 1]) < 128)
        dark++;
  cairo_surface_destroy (surface);
  return dark > 100;
}

/* Changes one byte of @path at the first @marker, to @replacement. */
static void
change_byte (const char *path,
             const char *marker,
             gsize       index,
             char        replacement)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *at;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  at = memmem (contents, length, marker, strlen (marker));
  g_assert_nonnull (at);
  g_assert_cmpint (at[index], !=, replacement);
  at[index] = replacement;
  g_assert_true (g_file_set_contents (path, contents, length, &error));
}

static void
assert_valid (const char *path)
{
  g_autofree char *out = NULL;
  int status = -1;

  out = pdfsig (path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, VALID));
  g_assert_nonnull (strstr (out, "Signer Certificate Common Name: " BASE_NAME));
  g_assert_nonnull (strstr (out, "adbe.pkcs7.detached"));
  g_assert_nonnull (strstr (out, "Total document signed"));
}

static void
assert_broken (const char *path)
{
  g_autofree char *out = NULL;
  int status = -1;

  out = pdfsig (path, &status);
  g_assert_null (strstr (out, VALID));
  g_assert_nonnull (strstr (out, "Signature Validation: Signature is Invalid."));
}

/* `certificates` writes a signed PDF; one byte changed before or after
 * the signature breaks it. */
static void
test_certificates_signed (void)
{
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (out_dir, "certificates.pdf", NULL);
  g_autofree char *before = g_build_filename (out_dir, "before.pdf", NULL);
  g_autofree char *after = g_build_filename (out_dir, "after.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  issue_certificates (pdf);
  assert_valid (pdf);
  g_assert_true (renders (pdf));

  /* inside the first range: a letter of the file's creator */
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (before, contents, length, NULL));
  change_byte (before, "/Creator (Xueshi)", 10, 'Y');
  assert_broken (before);
  /* inside the second range: the signature's date */
  g_assert_true (g_file_set_contents (after, contents, length, NULL));
  change_byte (after, "/M (D:2", 6, '1');
  assert_broken (after);
}

/* A reprint is the stored PDF, signed when it was issued, byte for byte
 * even after the base's name changed; poppler still opens it. */
static void
test_reprint_signed (void)
{
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (out_dir, "certificates.pdf", NULL);
  g_autofree char *first = g_build_filename (out_dir, "first.pdf", NULL);
  g_autofree char *second = g_build_filename (out_dir, "second.pdf", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Run) show = { 0 };
  g_auto(Run) reprint = { 0 };
  g_auto(Run) renamed = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) reprint_again = { 0 };
  gsize a_length = 0, b_length = 0;

  issue_certificates (pdf);
  /* the fingerprint to compare the signer's key with */
  run_cli (&show, "base", "show", NULL);
  g_assert_cmpint (show.status, ==, 0);
  g_assert_nonnull (strstr (show.out, "PDF fingerprint"));
  g_assert_null (strstr (show.out, "no key yet"));
  run_cli (&reprint, "reprint", "2018-JX-000001", "--out", first, NULL);
  g_assert_cmpint (reprint.status, ==, 0);
  assert_valid (first);
  g_assert_true (renders (first));

  run_cli (&renamed, "base", "set", "--name", "另一个基地", NULL);
  g_assert_cmpint (renamed.status, ==, 0);
  run_cli (&again, "certificates", "--year", "2018", "--out", pdf, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "(0 newly issued)"));
  run_cli (&reprint_again, "reprint", "2018-JX-000001", "--out", second, NULL);
  g_assert_cmpint (reprint_again.status, ==, 0);
  g_assert_true (g_file_get_contents (first, &a, &a_length, NULL));
  g_assert_true (g_file_get_contents (second, &b, &b_length, NULL));
  g_assert_cmpmem (a, a_length, b, b_length);
}

/* A missing or damaged key is an error in words; no key is made in its
 * place and nothing is written. */
static void
test_lost_key_refused (void)
{
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (out_dir, "certificates.pdf", NULL);
  g_autofree char *again = g_build_filename (out_dir, "again.pdf", NULL);
  g_autofree char *key = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *tree_after = NULL;
  g_auto(Run) missing = { 0 };
  g_auto(Run) damaged = { 0 };
  g_autoptr(GError) error = NULL;

  issue_certificates (pdf);
  key = g_build_filename (data_dir, "pdf-signing-key", NULL);

  g_assert_cmpint (g_unlink (key), ==, 0);
  tree = xs_test_tree_of (data_dir);
  run_cli (&missing, "certificates", "--year", "2018", "--out", again, "--base-name", BASE_NAME, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "PDF signing key"));
  g_assert_nonnull (strstr (missing.err, "missing"));
  g_assert_nonnull (strstr (missing.err, "archive"));
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));
  tree_after = xs_test_tree_of (data_dir);
  g_assert_cmpstr (tree, ==, tree_after);

  g_assert_true (g_file_set_contents (key, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", -1, &error));
  run_cli (&damaged, "certificates", "--year", "2018", "--out", again, "--base-name", BASE_NAME, NULL);
  g_assert_cmpint (damaged.status, ==, 1);
  g_assert_nonnull (strstr (damaged.err, "damaged"));
  g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));
}

/* The key is made with the base, the owner's only; opening never makes
 * one; a base that never signed a PDF gets its first key when it signs. */
static void
test_key_lifecycle (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  const char *dir = xs_db_get_data_dir (db);
  g_autofree char *path = g_build_filename (dir, "pdf-signing-key", NULL);
  g_autofree char *empty = xs_test_make_tmpdir ();
  g_autoptr(XsPdfKey) key = NULL;
  g_autoptr(XsPdfKey) again = NULL;
  g_autoptr(XsPdfKey) created = NULL;
  g_autoptr(XsPdfKey) none = NULL;
  g_autoptr(GBytes) certificate = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  key = xs_pdf_key_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (xs_pdf_key_get_fingerprint (key)), ==, 39);

  /* the certificate depends on the key and the name only */
  certificate = xs_pdf_key_get_certificate (key, BASE_NAME, &error);
  g_assert_no_error (error);
  again = xs_pdf_key_open (dir, &error);
  g_assert_no_error (error);
  other = xs_pdf_key_get_certificate (again, BASE_NAME, &error);
  g_assert_true (g_bytes_equal (certificate, other));
  g_clear_pointer (&other, g_bytes_unref);
  other = xs_pdf_key_get_certificate (again, "另一个基地", &error);
  g_assert_false (g_bytes_equal (certificate, other));

  /* a name of thousands of characters still fits the room kept for
   * the signature (2048 bytes and eight per byte of the name) */
  {
    g_autoptr(GString) name = g_string_new (NULL);
    g_autoptr(GBytes) cms = NULL;

    for (guint i = 0; i < 120; i++)
      g_string_append (name, "漯河市职业技术学院继续教育基地䶮𠮷");
    cms = xs_pdf_key_sign_detached (key, name->str, (const guint8 *) "%PDF", 4, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (cms), >, 6 * name->len);
    g_assert_cmpuint (g_bytes_get_size (cms), <=, 2048 + 8 * name->len);
  }

  none = xs_pdf_key_open (empty, &error);
  g_assert_null (none);
  g_assert_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_false (xs_pdf_key_exists (empty));

  /* no certificate signed yet: the first signing makes the key */
  g_assert_cmpint (g_unlink (path), ==, 0);
  created = xs_certificate_open_pdf_key (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (created);
  g_assert_cmpstr (xs_pdf_key_get_fingerprint (created), !=, xs_pdf_key_get_fingerprint (key));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/pdf-signature/key-lifecycle", test_key_lifecycle);
  g_test_add_func ("/pdf-signature/certificates-signed", test_certificates_signed);
  g_test_add_func ("/pdf-signature/reprint-signed", test_reprint_signed);
  g_test_add_func ("/pdf-signature/lost-key-refused", test_lost_key_refused);
  return g_test_run ();
}
