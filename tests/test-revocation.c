/* test-revocation.c: revocation that reaches whoever checks a certificate,
 * and reading its QR code from a picture, through xueshi-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "xs-certificate-store.h"
#include "xs-document.h"
#include "xs-test-util.h"

typedef XsTestRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, xs_test_run_clear)

/* xueshi-cli --data-dir DIR ARGS… */
static void
run_cli (Run        *run,
         const char *dir,
         ...)
{
  va_list ap;

  va_start (ap, dir);
  xs_test_run_cli_valist (run, dir, NULL, ap);
  va_end (ap);
}

/* A base with issued certificates, shared by the tests. */
static char *base_dir;
static char *out_dir;
static char *key_file;

static void
make_base (const char *dir,
           const char *name)
{
  g_auto(Run) demo = { 0 };
  g_auto(Run) set = { 0 };
  g_auto(Run) issue = { 0 };
  g_autofree char *pdf = g_build_filename (out_dir, "all.pdf", NULL);

  run_cli (&demo, dir, "demo", "--trainees", "30", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run_cli (&set, dir, "base", "set", "--name", name, NULL);
  g_assert_cmpint (set.status, ==, 0);
  run_cli (&issue, dir, "certificates", "--year", "2018", "--out", pdf, NULL);
  g_assert_cmpint (issue.status, ==, 0);
}

static char *
payload_of (const char *dir,
            const char *serial)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autoptr(XsCertificate) certificate = NULL;

  g_assert_no_error (error);
  certificate = xs_certificate_store_get (db, serial, &error);
  g_assert_no_error (error);
  return g_strdup (xs_certificate_get_payload (certificate));
}

static void
setup_base (void)
{
  g_auto(Run) key = { 0 };

  if (base_dir != NULL)
    return;
  base_dir = xs_test_make_tmpdir ();
  out_dir = xs_test_make_tmpdir ();
  key_file = g_build_filename (out_dir, "base.pub", NULL);
  make_base (base_dir, "漯河市继续教育基地");
  run_cli (&key, base_dir, "export-public-key", "--out", key_file, NULL);
  g_assert_cmpint (key.status, ==, 0);
}

static void
revoke_first (void)
{
  static gboolean done;
  g_auto(Run) revoke = { 0 };

  setup_base ();
  if (done)
    return;
  run_cli (&revoke, base_dir, "revoke", "2018-JX-000001", "--reason", "证书信息有误，已重新核定", NULL);
  g_assert_cmpint (revoke.status, ==, 0);
  done = TRUE;
}

/* The issuing base's own data folder knows its revocations. */
static void
test_revocation_own_register (void)
{
  g_autofree char *payload = NULL;
  g_auto(Run) before = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) with_key = { 0 };

  setup_base ();
  payload = payload_of (base_dir, "2018-JX-000001");
  run_cli (&before, base_dir, "verify", payload, NULL);
  if (strstr (before.out, "REVOKED") == NULL)
    {
      g_assert_cmpint (before.status, ==, 0);
      g_assert_true (g_str_has_prefix (before.out, "VALID"));
    }

  revoke_first ();
  run_cli (&after, base_dir, "verify", payload, NULL);
  g_assert_cmpint (after.status, ==, 3);
  g_assert_true (g_str_has_prefix (after.out, "REVOKED"));
  g_assert_nonnull (strstr (after.out, "证书信息有误，已重新核定"));
  g_assert_nonnull (strstr (after.out, "Revoked on: 20"));

  /* the same with the key given: it is this folder's own */
  run_cli (&with_key, base_dir, "verify", payload, "--public-key", key_file, NULL);
  g_assert_cmpint (with_key.status, ==, 3);
  g_assert_true (g_str_has_prefix (with_key.out, "REVOKED"));
}

/* A reviewer's machine: another data folder, the base's key and list. */
static void
test_revocation_list (void)
{
  g_autofree char *reviewer = xs_test_make_tmpdir ();
  g_autofree char *list = g_build_filename (out_dir, "revocations.txt", NULL);
  g_autofree char *inside = g_build_filename (base_dir, "revocations.txt", NULL);
  g_autofree char *revoked = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) write = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) no_list = { 0 };
  g_auto(Run) with_list = { 0 };
  g_auto(Run) other = { 0 };

  revoke_first ();
  revoked = payload_of (base_dir, "2018-JX-000001");
  valid = payload_of (base_dir, "2018-JX-000002");

  run_cli (&write, base_dir, "revocations", "--out", list, NULL);
  g_assert_cmpint (write.status, ==, 0);
  g_assert_nonnull (strstr (write.out, "1 revoked"));
  g_assert_true (g_file_get_contents (list, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"key_fingerprint\""));
  g_assert_nonnull (strstr (text, "\nsignature: "));

  /* never into the data folder */
  run_cli (&refused, base_dir, "revocations", "--out", inside, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));

  /* without the list a reviewer is told revocation was not checked */
  run_cli (&no_list, reviewer, "verify", revoked, "--public-key", key_file, NULL);
  g_assert_cmpint (no_list.status, ==, 0);
  g_assert_nonnull (strstr (no_list.out, "Revocation not checked"));

  run_cli (&with_list, reviewer, "verify", revoked, "--public-key", key_file, "--revocations", list, NULL);
  g_assert_cmpint (with_list.status, ==, 3);
  g_assert_true (g_str_has_prefix (with_list.out, "REVOKED"));
  g_assert_nonnull (strstr (with_list.out, "证书信息有误，已重新核定"));
  g_assert_nonnull (strstr (with_list.out, "list of 20"));

  run_cli (&other, reviewer, "verify", valid, "--public-key", key_file, "--revocations", list, NULL);
  g_assert_cmpint (other.status, ==, 0);
  g_assert_true (g_str_has_prefix (other.out, "VALID"));
}

static void
test_revocation_list_altered (void)
{
  g_autofree char *reviewer = xs_test_make_tmpdir ();
  g_autofree char *list = g_build_filename (out_dir, "revocations-altered.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *payload = NULL;
  g_auto(Run) write = { 0 };
  g_auto(Run) verify = { 0 };
  g_auto(Run) garbage = { 0 };
  char *at;

  revoke_first ();
  payload = payload_of (base_dir, "2018-JX-000001");
  run_cli (&write, base_dir, "revocations", "--out", list, NULL);
  g_assert_cmpint (write.status, ==, 0);

  /* someone takes the revoked certificate off the list */
  g_assert_true (g_file_get_contents (list, &text, NULL, NULL));
  at = strstr (text, "2018-JX-000001");
  g_assert_nonnull (at);
  at[13] = '9';
  g_assert_true (g_file_set_contents (list, text, -1, NULL));
  run_cli (&verify, reviewer, "verify", payload, "--public-key", key_file, "--revocations", list, NULL);
  g_assert_cmpint (verify.status, ==, 1);
  g_assert_null (strstr (verify.out, "VALID"));
  g_assert_nonnull (strstr (verify.err, "signature does not match"));

  g_assert_true (g_file_set_contents (list, "not a list\n", -1, NULL));
  run_cli (&garbage, reviewer, "verify", payload, "--public-key", key_file, "--revocations", list, NULL);
  g_assert_cmpint (garbage.status, ==, 1);
  g_assert_nonnull (strstr (garbage.err, "not a Xueshi revocation list"));
}

static void
test_revocation_list_other_base (void)
{
  g_autofree char *other_dir = xs_test_make_tmpdir ();
  g_autofree char *reviewer = xs_test_make_tmpdir ();
  g_autofree char *list = g_build_filename (out_dir, "other-base.txt", NULL);
  g_autofree char *forged = g_build_filename (out_dir, "forged.txt", NULL);
  g_autofree char *text = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *base_list = g_build_filename (out_dir, "base-list.txt", NULL);
  g_autofree char *base_text = NULL;
  g_auto(Run) write = { 0 };
  g_auto(Run) base_write = { 0 };
  g_auto(Run) verify = { 0 };
  g_auto(Run) forged_run = { 0 };
  g_auto(GStrv) lines = NULL;
  GString *changed;

  revoke_first ();
  payload = payload_of (base_dir, "2018-JX-000001");
  make_base (other_dir, "另一个基地");
  run_cli (&write, other_dir, "revocations", "--out", list, NULL);
  g_assert_cmpint (write.status, ==, 0);

  run_cli (&verify, reviewer, "verify", payload, "--public-key", key_file, "--revocations", list, NULL);
  g_assert_cmpint (verify.status, ==, 1);
  g_assert_nonnull (strstr (verify.err, "signed by another base"));
  g_assert_nonnull (strstr (verify.err, "另一个基地"));

  /* the other base's list made to name this base's key: its signature fails */
  run_cli (&base_write, base_dir, "revocations", "--out", base_list, NULL);
  g_assert_true (g_file_get_contents (base_list, &base_text, NULL, NULL));
  fingerprint = g_strndup (strstr (base_text, "\"key_fingerprint\""), 60);
  g_assert_true (g_file_get_contents (list, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  changed = g_string_new (NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "\"key_fingerprint\"") != NULL)
        g_string_append_printf (changed, "  %.*s", (int) (strchr (fingerprint, ',') - fingerprint + 1), fingerprint);
      else
        g_string_append (changed, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (changed, '\n');
    }
  g_assert_true (g_file_set_contents (forged, changed->str, -1, NULL));
  g_string_free (changed, TRUE);
  run_cli (&forged_run, reviewer, "verify", payload, "--public-key", key_file, "--revocations", forged, NULL);
  g_assert_cmpint (forged_run.status, ==, 1);
  g_assert_nonnull (strstr (forged_run.err, "signature does not match"));
}

/* Pictures */

static char *
render_page (const char *pdf,
             double      dpi,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDocument) document = xs_document_new_from_file (pdf, NULL, &error);
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  cairo_surface_t *surface;

  g_assert_no_error (error);
  surface = xs_document_render_page (document, 0, dpi / 72.0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_steal_pointer (&path);
}

static char *
one_certificate_pdf (const char *serial)
{
  g_autofree char *name = g_strconcat (serial, ".pdf", NULL);
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_auto(Run) reprint = { 0 };

  run_cli (&reprint, base_dir, "reprint", serial, "--out", path, NULL);
  g_assert_cmpint (reprint.status, ==, 0);
  return g_steal_pointer (&path);
}

static void
expect_read (const char *reviewer,
             const char *file,
             const char *serial,
             int         status)
{
  g_auto(Run) verify = { 0 };
  g_autofree char *number = g_strconcat ("Number: ", serial, "\n", NULL);

  run_cli (&verify, reviewer, "verify", "--image", file, "--public-key", key_file, NULL);
  g_assert_cmpint (verify.status, ==, status);
  g_assert_nonnull (strstr (verify.out, number));
}

static void
test_revocation_image (void)
{
  g_autofree char *reviewer = xs_test_make_tmpdir ();
  g_autofree char *pdf = NULL;
  g_autofree char *png300 = NULL;
  g_autofree char *png150 = NULL;
  g_autofree char *jpeg = g_build_filename (out_dir, "photo.jpg", NULL);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) revoked = { 0 };

  revoke_first ();
  pdf = one_certificate_pdf ("2018-JX-000002");
  png300 = render_page (pdf, 300, "page-300.png");
  png150 = render_page (pdf, 150, "page-150.png");
  {
    g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", &error);
    g_autofree char *bytes = NULL;
    gsize length = 0;

    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (png300, &bytes, &length, NULL));
    g_assert_true (gdk_pixbuf_loader_write (loader, (const guint8 *) bytes, length, &error));
    g_assert_true (gdk_pixbuf_loader_close (loader, &error));
    pixbuf = g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
  }
  g_assert_true (gdk_pixbuf_save (pixbuf, jpeg, "jpeg", &error, "quality", "85", NULL));

  expect_read (reviewer, pdf, "2018-JX-000002", 0);
  expect_read (reviewer, png300, "2018-JX-000002", 0);
  expect_read (reviewer, jpeg, "2018-JX-000002", 0);

  /* the page as the viewer draws it at a scanner's 150 dpi */
  expect_read (reviewer, png150, "2018-JX-000002", 0);

  /* the revoked one, read from its PDF in the base's own folder */
  g_free (pdf);
  pdf = one_certificate_pdf ("2018-JX-000001");
  run_cli (&revoked, base_dir, "verify", "--image", pdf, NULL);
  g_assert_cmpint (revoked.status, ==, 3);
  g_assert_true (g_str_has_prefix (revoked.out, "REVOKED"));
}

static guint32
crc32 (const guint8 *data,
       gsize         length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
    }
  return ~crc;
}

/* A PNG whose header claims @width × @height and holds no pixels. */
static char *
write_png_header (guint32 width,
                  guint32 height)
{
  guint8 png[8 + 25];
  guint8 *ihdr = png + 8;
  guint32 crc;

  memcpy (png, "\x89PNG\r\n\x1a\n", 8);
  memcpy (ihdr, "\0\0\0\x0dIHDR", 8);
  ihdr[8] = width >> 24; ihdr[9] = width >> 16; ihdr[10] = width >> 8; ihdr[11] = width;
  ihdr[12] = height >> 24; ihdr[13] = height >> 16; ihdr[14] = height >> 8; ihdr[15] = height;
  ihdr[16] = 8;   /* bit depth */
  ihdr[17] = 2;   /* RGB */
  ihdr[18] = ihdr[19] = ihdr[20] = 0;
  crc = crc32 (ihdr + 4, 17);
  ihdr[21] = crc >> 24; ihdr[22] = crc >> 16; ihdr[23] = crc >> 8; ihdr[24] = crc;
  return xs_test_write_file ("huge.png", (const char *) png, sizeof png);
}

static void
expect_refused (const char *reviewer,
                const char *file,
                const char *words)
{
  g_auto(Run) verify = { 0 };

  run_cli (&verify, reviewer, "verify", "--image", file, "--public-key", key_file, NULL);
  g_assert_cmpint (verify.status, ==, 1);
  g_assert_cmpstr (verify.out, ==, "");
  g_assert_nonnull (strstr (verify.err, words));
}

static void
test_revocation_image_hostile (void)
{
  g_autofree char *reviewer = xs_test_make_tmpdir ();
  g_autofree char *blank = g_build_filename (out_dir, "blank.png", NULL);
  g_autofree char *huge = write_png_header (100000, 100000);
  g_autofree char *text = xs_test_write_file ("notes.png", "这不是图片\n", -1);
  g_autofree char *png300 = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *truncated = NULL;
  g_autofree char *pdf = NULL;
  gsize length = 0;
  cairo_surface_t *surface;
  cairo_t *cr;

  setup_base ();
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1240, 1754);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, blank), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  expect_refused (reviewer, blank, "No QR code was found");
  expect_refused (reviewer, huge, "too large a picture (100000 × 100000 pixels)");
  expect_refused (reviewer, text, "not a JPEG, PNG or PDF file");

  pdf = one_certificate_pdf ("2018-JX-000003");
  png300 = render_page (pdf, 300, "page-3-300.png");
  g_assert_true (g_file_get_contents (png300, &contents, &length, NULL));
  truncated = xs_test_write_file ("truncated.png", contents, length / 3);
  /* what is left may decode as the top of a page: refused in words either way */
  expect_refused (reviewer, truncated, "truncated.png");
  g_free (truncated);
  truncated = xs_test_write_file ("truncated.pdf", "%PDF-1.4\n1 0 obj\n<<", -1);
  expect_refused (reviewer, truncated, "truncated.pdf");
}

int
main (int    argc,
      char **argv)
{
  int status;

  xs_test_init (&argc, &argv);

  g_test_add_func ("/revocation/own-register", test_revocation_own_register);
  g_test_add_func ("/revocation/list", test_revocation_list);
  g_test_add_func ("/revocation/list-altered", test_revocation_list_altered);
  g_test_add_func ("/revocation/list-other-base", test_revocation_list_other_base);
  g_test_add_func ("/revocation/image", test_revocation_image);
  g_test_add_func ("/revocation/image-hostile", test_revocation_image_hostile);

  status = g_test_run ();
  g_free (base_dir);
  g_free (out_dir);
  g_free (key_file);
  return status;
}
