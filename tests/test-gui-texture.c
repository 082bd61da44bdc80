/* test-gui-texture.c: cairo drawings as textures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "xs-texture.h"

/* Four pixels a row, three rows: red, green, blue, white; then grey
 * shades; then black. Stride larger than the row, as cairo may make it. */
static cairo_surface_t *
make_surface (cairo_format_t format)
{
  static const guint32 colours[3][4] = {
    { 0xffff0000, 0xff00ff00, 0xff0000ff, 0xffffffff },
    { 0xff101010, 0xff808080, 0xffc0c0c0, 0xff123456 },
    { 0xff000000, 0xff000000, 0xff000000, 0xff000000 },
  };
  cairo_surface_t *surface = cairo_image_surface_create (format, 4, 3);
  guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < 3; y++)
    for (int x = 0; x < 4; x++)
      {
        guint32 pixel = colours[y][x];

        /* RGB24 leaves the top byte undefined: make it anything but 0xff */
        if (format == CAIRO_FORMAT_RGB24)
          pixel = (pixel & 0xffffff) | 0x3c000000;
        ((guint32 *) (data + y * stride))[x] = pixel;
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The texture's pixels as GDK_MEMORY_DEFAULT (premultiplied 0xAARRGGBB). */
static guint32 *
download (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  return pixels;
}

static void
assert_colours (GdkTexture *texture)
{
  g_autofree guint32 *pixels = download (texture);

  g_assert_cmpint (gdk_texture_get_width (texture), ==, 4);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 3);
  g_assert_cmphex (pixels[0], ==, 0xffff0000);
  g_assert_cmphex (pixels[1], ==, 0xff00ff00);
  g_assert_cmphex (pixels[2], ==, 0xff0000ff);
  g_assert_cmphex (pixels[3], ==, 0xffffffff);
  g_assert_cmphex (pixels[4], ==, 0xff101010);
  g_assert_cmphex (pixels[5], ==, 0xff808080);
  g_assert_cmphex (pixels[6], ==, 0xffc0c0c0);
  g_assert_cmphex (pixels[7], ==, 0xff123456);
  for (int i = 8; i < 12; i++)
    g_assert_cmphex (pixels[i], ==, 0xff000000);
}

/* A page's texture keeps its colours, is opaque whatever the alpha byte
 * held, and no longer needs the surface. */
static void
test_opaque (void)
{
  cairo_format_t formats[] = { CAIRO_FORMAT_ARGB32, CAIRO_FORMAT_RGB24 };

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      cairo_surface_t *surface = make_surface (formats[i]);
      g_autoptr(GdkTexture) texture = xs_texture_new_for_opaque_surface (surface);

      g_assert_cmpint (cairo_surface_get_reference_count (surface), ==, 1);
      cairo_surface_destroy (surface);
      assert_colours (texture);
    }
}

/* A drawing with transparency shares the surface's pixels: the texture
 * keeps the surface alive, and shows what it holds, alpha included. */
static void
test_shared (void)
{
  cairo_surface_t *surface = make_surface (CAIRO_FORMAT_ARGB32);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  cairo_t *cr;

  cr = cairo_create (surface);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_rectangle (cr, 3, 2, 1, 1);
  cairo_fill (cr);
  cairo_destroy (cr);

  texture = xs_texture_new_for_surface (surface);
  g_assert_cmpint (cairo_surface_get_reference_count (surface), ==, 2);
  cairo_surface_destroy (surface);
  pixels = download (texture);
  g_assert_cmphex (pixels[0], ==, 0xffff0000);
  g_assert_cmphex (pixels[7], ==, 0xff123456);
  g_assert_cmphex (pixels[11], ==, 0x00000000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/texture/opaque", test_opaque);
  g_test_add_func ("/texture/shared", test_shared);

  return g_test_run ();
}
