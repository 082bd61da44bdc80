/* xs-certificate-draft.c: the preview of a certificate not issued yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preview draws the certificate as issuing would, then, for one not
 * issued yet, 草稿 DRAFT across the page, so that a picture or a print of
 * the preview cannot pass for the certificate. Issuing and reprinting draw
 * with xs_certificate_draw() and never carry the mark.
 */
#define G_LOG_DOMAIN "xs-certificate-draft"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "xs-certificate-private.h"
#include "xs-png-read.h"

/* Both words, whatever the certificate's language: the mark is read by
 * whoever holds the page. */
#define DRAFT_MARK "草稿 DRAFT"

static void
draw_mark (cairo_t *cr,
           double   width,
           double   height)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string ("Noto Sans CJK SC Bold");
  double diagonal = sqrt (width * width + height * height);
  PangoRectangle ink;
  double scale;

  /* the mark fills about two thirds of the page's diagonal */
  pango_font_description_set_absolute_size (description, 100 * PANGO_SCALE);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, DRAFT_MARK, -1);
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  if (ink.width <= 0 || ink.height <= 0)
    return;
  scale = diagonal * 0.66 / ink.width;

  cairo_save (cr);
  cairo_translate (cr, width / 2, height / 2);
  cairo_rotate (cr, -atan2 (height, width));
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, -ink.x - ink.width / 2.0, -ink.y - ink.height / 2.0);
  cairo_set_source_rgba (cr, 0.80, 0.10, 0.10, 0.28);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The scan as an image surface: a PNG read by cairo, a JPEG by
 * GdkPixbuf's JPEG loader, named (its sniffing asks the desktop's MIME
 * database, which a sandbox or a bare system may not have); NULL when it
 * cannot be read. */
static cairo_surface_t *
decode_scan (GBytes *image)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (image, &size);
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;
  cairo_surface_t *surface;
  int w, h, channels, stride, surface_stride;
  const guint8 *pixels;
  guint8 *out;

  if (size > 8 && data[0] == 0x89 && data[1] == 'P')
    {
      surface = _xs_png_read (image);
      if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        return surface;
      cairo_surface_destroy (surface);
      return NULL;
    }
  loader = gdk_pixbuf_loader_new_with_type ("jpeg", &error);
  if (loader != NULL)
    {
      gboolean written = gdk_pixbuf_loader_write_bytes (loader, image, &error);

      /* a loader is closed in any case */
      if (!gdk_pixbuf_loader_close (loader, written ? &error : NULL))
        written = FALSE;
      if (!written)
        g_clear_object (&loader);
    }
  if (loader == NULL)
    {
      g_debug ("A blank form's scan cannot be read: %s", error ? error->message : "");
      return NULL;
    }
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    return NULL;
  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  surface_stride = cairo_image_surface_get_stride (surface);
  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;

        ((guint32 *) (gpointer) (out + y * surface_stride))[x] = ((guint32) p[0] << 16) | (p[1] << 8) | p[2];
      }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* The scan of the blank form under the page on white paper, stretched to
 * the paper (as the paper is, not moved by the printer's offset); FALSE
 * when it cannot be read. */
static gboolean
draw_background (XsCertificate *self,
                 cairo_t       *cr,
                 double         width,
                 double         height)
{
  cairo_surface_t *surface = decode_scan (xs_certificate_template_get_background (self->template));
  double page_width, page_height, scale;
  int w, h;

  if (surface == NULL)
    {
      g_debug ("The scan of the blank form of “%s” cannot be read",
               xs_certificate_template_get_name (self->template));
      return FALSE;
    }
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  xs_certificate_get_page_size (self, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);
  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, page_width * scale, page_height * scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, 1, 1);
  cairo_fill_preserve (cr);
  cairo_scale (cr, 1.0 / w, 1.0 / h);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_surface_destroy (surface);
  return TRUE;
}

void
xs_certificate_draw_preview (XsCertificate *self,
                             cairo_t       *cr,
                             double         width,
                             double         height,
                             gboolean       draft)
{
  g_return_if_fail (XS_IS_CERTIFICATE (self));
  g_return_if_fail (cr != NULL);

  if (self->template != NULL && xs_certificate_template_get_background (self->template) != NULL
      && draw_background (self, cr, width, height))
    _xs_certificate_draw_page (self, cr, width, height, FALSE);
  else
    xs_certificate_draw (self, cr, width, height);
  if (draft)
    draw_mark (cr, width, height);
}
