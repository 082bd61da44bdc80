/* test-document.c: opening and rendering PDFs for the evidence preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "xs-document.h"
#include "xs-test-util.h"

/* Three pages: A4 portrait with a red square at the top left, A4 landscape,
 * and a small 200 × 100 pt page that is all blue. */
static char *
make_pdf (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, "three.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, 100, 100);
  cairo_fill (cr);
  cairo_show_page (cr);

  cairo_pdf_surface_set_size (surface, 842, 595);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, 400, 300, 10, 10);
  cairo_fill (cr);
  cairo_show_page (cr);

  cairo_pdf_surface_set_size (surface, 200, 100);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_paint (cr);
  cairo_show_page (cr);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(const guint32 *) (data + y * stride + x * 4);
}

static void
test_open_and_render (void)
{
  g_autofree char *path = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDocument) document = NULL;
  cairo_surface_t *surface;
  double width, height;

  g_assert_cmpstr (xs_document_sniff_file (path, &error), ==, "application/pdf");
  g_assert_no_error (error);

  document = xs_document_new_from_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_document_get_n_pages (document), ==, 3);

  xs_document_get_page_size (document, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 842, 0.5);
  xs_document_get_page_size (document, 1, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 842, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 595, 0.5);

  /* Half size: 298 × 421 pixels, red at the top left, white elsewhere. */
  surface = xs_document_render_page (document, 0, 0.5, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 298);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 421);
  g_assert_cmphex (pixel_at (surface, 10, 10), ==, 0xffff0000);
  g_assert_cmphex (pixel_at (surface, 200, 300), ==, 0xffffffff);
  cairo_surface_destroy (surface);

  surface = xs_document_render_page (document, 2, 1.0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 200);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 100);
  g_assert_cmphex (pixel_at (surface, 100, 50), ==, 0xff0000ff);
  cairo_surface_destroy (surface);
}

static void
test_from_bytes (void)
{
  g_autofree char *path = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (contents, length);
  document = xs_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_document_get_n_pages (document), ==, 3);
}

static void
test_scale_is_clamped (void)
{
  g_autofree char *path = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDocument) document = xs_document_new_from_file (path, NULL, &error);
  cairo_surface_t *surface;
  double scale;

  g_assert_no_error (error);
  /* 842 pt × 100 would be 84,200 pixels high. */
  scale = xs_document_clamp_scale (document, 0, 100);
  g_assert_cmpfloat (842 * scale, <=, XS_DOCUMENT_MAX_RENDER_SIZE);
  g_assert_cmpfloat (842 * scale, >, XS_DOCUMENT_MAX_RENDER_SIZE - 1);
  g_assert_cmpfloat (xs_document_clamp_scale (document, 0, 0.5), ==, 0.5);
  g_assert_cmpfloat (xs_document_clamp_scale (document, 0, -1), ==, 1.0);

  /* The small page at 1,000 %: 2000 × 1000, not clamped. At 100 ×: clamped. */
  surface = xs_document_render_page (document, 2, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), <=, XS_DOCUMENT_MAX_RENDER_SIZE);
  g_assert_cmpint (cairo_image_surface_get_height (surface), <=, XS_DOCUMENT_MAX_RENDER_SIZE / 2);
  cairo_surface_destroy (surface);
}

static void
test_password (void)
{
  g_autofree char *path = xs_test_fixture_path ("encrypted.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDocument) document = NULL;

  document = xs_document_new_from_file (path, NULL, &error);
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_NEEDS_PASSWORD);
  g_assert_null (document);
  g_assert_nonnull (strstr (error->message, "password"));
  g_clear_error (&error);

  document = xs_document_new_from_file (path, "", &error);
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_NEEDS_PASSWORD);
  g_clear_error (&error);

  document = xs_document_new_from_file (path, "wrong", &error);
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_WRONG_PASSWORD);
  g_assert_null (document);
  g_clear_error (&error);

  document = xs_document_new_from_file (path, "user", &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_document_get_n_pages (document), >=, 1);
  g_clear_object (&document);

  document = xs_document_new_from_file (path, "owner", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

static void
test_broken (void)
{
  g_autofree char *path = make_pdf ();
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *truncated = g_build_filename (dir, "truncated.pdf", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 3, NULL));
  g_free (contents);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (text, "姓名,身份证号\n", -1, NULL));

  /* A third of the file: still sniffed as a PDF, refused as damaged. */
  g_assert_cmpstr (xs_document_sniff_file (truncated, &error), ==, "application/pdf");
  document = xs_document_new_from_file (truncated, NULL, &error);
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN);
  g_assert_null (document);
  g_clear_error (&error);

  g_assert_null (xs_document_sniff_file (empty, &error));
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);
  document = xs_document_new_from_file (empty, NULL, &error);
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);
  bytes = g_bytes_new_static ("", 0);
  document = xs_document_new_from_bytes (bytes, NULL, &error);
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN);
  g_clear_error (&error);

  g_assert_null (xs_document_sniff_file (text, &error));
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  document = xs_document_new_from_file (text, NULL, &error);
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN);
  g_clear_error (&error);

  g_assert_null (xs_document_sniff_file (missing, &error));
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN);
  g_clear_error (&error);
  document = xs_document_new_from_file (missing, NULL, &error);
  g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN);
}

/* A file cut short while it is shown (a USB stick pulled, a copy still
 * being written over it): its pages are damaged, nothing crashes. */
static void
test_cut_short_while_open (void)
{
  g_autofree char *path = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDocument) document = xs_document_new_from_file (path, NULL, &error);
  GStatBuf info;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  /* the same file, not a new one renamed over it */
  g_assert_cmpint (truncate (path, info.st_size / 3), ==, 0);

  for (int page = 2; page >= 0; page--)
    {
      cairo_surface_t *surface = xs_document_render_page (document, page, 1.0, &error);

      if (surface != NULL)
        cairo_surface_destroy (surface);
      else
        {
          g_assert_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN);
          g_clear_error (&error);
        }
    }
}

static void
test_sniff_pictures (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *png = g_build_filename (dir, "photo", NULL);
  g_autofree char *jpeg = xs_test_fixture_path ("scan.jpg");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpstr (xs_document_sniff_file (png, &error), ==, "image/png");
  g_assert_no_error (error);
  g_assert_cmpstr (xs_document_sniff_file (jpeg, &error), ==, "image/jpeg");
  g_assert_no_error (error);
}

typedef struct
{
  GPtrArray *order;     /* page numbers, in the order the renders finished */
  guint      pending;
  guint      cancelled;
} AsyncState;

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = xs_document_render_page_finish (XS_DOCUMENT (source), result, &error);

  if (surface != NULL)
    {
      g_ptr_array_add (state->order,
                       GINT_TO_POINTER (cairo_image_surface_get_width (surface)));
      cairo_surface_destroy (surface);
    }
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      state->cancelled++;
    }
  state->pending--;
}

static void
test_async (void)
{
  g_autofree char *path = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDocument) document = xs_document_new_from_file (path, NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncState state = { g_ptr_array_new (), 0, 0 };
  guint urgent, first_idle, second_idle;

  g_assert_no_error (error);

  /* A slow first render keeps the worker busy while the others queue up:
   * the urgent one must come before the two idle ones, the cancelled one
   * never. The widths tell the renders apart. */
  xs_document_render_page_async (document, 0, 4.0, G_PRIORITY_DEFAULT, NULL, on_rendered, &state);
  xs_document_render_page_async (document, 2, 0.25, G_PRIORITY_LOW, NULL, on_rendered, &state);
  xs_document_render_page_async (document, 2, 0.5, G_PRIORITY_LOW, cancellable, on_rendered, &state);
  xs_document_render_page_async (document, 2, 0.75, G_PRIORITY_LOW, NULL, on_rendered, &state);
  xs_document_render_page_async (document, 2, 1.0, G_PRIORITY_HIGH, NULL, on_rendered, &state);
  state.pending = 5;
  g_cancellable_cancel (cancellable);

  while (state.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (state.cancelled, ==, 1);
  g_assert_cmpuint (state.order->len, ==, 4);
  /* The slow one usually goes first (the worker took it at once); the
   * urgent one then comes before the idle ones, which keep their order. */
  g_assert_true (g_ptr_array_find (state.order, GINT_TO_POINTER (2380), NULL));
  g_assert_true (g_ptr_array_find (state.order, GINT_TO_POINTER (200), &urgent));
  g_assert_true (g_ptr_array_find (state.order, GINT_TO_POINTER (50), &first_idle));
  g_assert_true (g_ptr_array_find (state.order, GINT_TO_POINTER (150), &second_idle));
  g_assert_cmpuint (urgent, <, first_idle);
  g_assert_cmpuint (first_idle, <, second_idle);
  g_ptr_array_unref (state.order);

  /* Dropping the document right after a request: the request keeps it
   * alive until it is served. */
  state.order = g_ptr_array_new ();
  state.pending = 1;
  xs_document_render_page_async (document, 1, 0.1, G_PRIORITY_DEFAULT, NULL, on_rendered, &state);
  g_clear_object (&document);
  while (state.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (state.order->len, ==, 1);
  g_ptr_array_unref (state.order);
}

int
main (int   argc,
      char *argv[])
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/document/open-and-render", test_open_and_render);
  g_test_add_func ("/document/from-bytes", test_from_bytes);
  g_test_add_func ("/document/scale-is-clamped", test_scale_is_clamped);
  g_test_add_func ("/document/password", test_password);
  g_test_add_func ("/document/broken", test_broken);
  g_test_add_func ("/document/cut-short-while-open", test_cut_short_while_open);
  g_test_add_func ("/document/sniff-pictures", test_sniff_pictures);
  g_test_add_func ("/document/async", test_async);

  return g_test_run ();
}
