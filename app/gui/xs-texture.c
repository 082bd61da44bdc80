/* xs-texture.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-texture"

#include "config.h"

#include "xs-texture.h"

GdkTexture *
xs_texture_new_for_surface (cairo_surface_t *surface)
{
  int width, height, stride;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* ARGB32 is premultiplied and native-endian: GDK_MEMORY_DEFAULT. */
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

GdkTexture *
xs_texture_new_for_opaque_surface (cairo_surface_t *surface)
{
  int width, height, stride;
  gsize packed_stride;
  const guchar *data;
  guchar *packed;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32
                        || cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24, NULL);

  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);

  /* Three bytes a pixel, blue, green, red as GDK_MEMORY_B8G8R8 names
   * them, taken from each 0xAARRGGBB pixel by value (so on any byte
   * order); the alpha byte is left behind. */
  packed_stride = (gsize) width * 3;
  packed = g_malloc (packed_stride * height);
  for (int y = 0; y < height; y++)
    {
      const guint32 *from = (const guint32 *) (data + (gsize) y * stride);
      guchar *to = packed + (gsize) y * packed_stride;

      for (int x = 0; x < width; x++, to += 3)
        {
          guint32 pixel = from[x];

          to[0] = pixel & 0xff;
          to[1] = (pixel >> 8) & 0xff;
          to[2] = (pixel >> 16) & 0xff;
        }
    }
  bytes = g_bytes_new_take (packed, packed_stride * height);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_B8G8R8, bytes, packed_stride);
}
