/* xs-certificate-paint.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every certificate page is drawn with, in the standard design and
 * on a template alike: the Pango context, the frame, the QR code's image,
 * and the name of all that with the fonts (the renderer) that each issued
 * certificate records. It knows no certificate.
 */
#define G_LOG_DOMAIN "xs-certificate"

#include "config.h"

#include <hb.h>
#include <string.h>

#include "xs-certificate-paint.h"

/* The version of the drawing code, recorded with the renderer: raise it
 * whenever a change in this file, xs-certificate-draw.c or
 * xs-certificate-form.c moves anything on a page or changes its bytes. */
#define LAYOUT_VERSION 2

#define QR_PIXELS 3
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
#define A1_BIT(x) (1u << (x))
#else
#define A1_BIT(x) (0x80000000u >> (x))
#endif

PangoContext *
_xs_certificate_create_context (cairo_t *cr)
{
  PangoContext *context;
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Outline metrics, as a PDF surface has them anyway: a preview and a
   * check lay out like the printed page. */
  if (cr != NULL)
    context = pango_cairo_create_context (cr);
  else
    context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* sizes in points of the page, not of a 96-dpi screen */
  pango_cairo_context_set_resolution (context, 72);
  return context;
}

void
_xs_certificate_draw_frame (cairo_t *cr,
                            double   width,
                            double   height)
{
  double m = XS_CERTIFICATE_MARGIN;

  cairo_save (cr);
  cairo_set_source_rgb (cr, XS_CERTIFICATE_BORDER);
  cairo_set_line_width (cr, 3);
  cairo_rectangle (cr, m, m, width - 2 * m, height - 2 * m);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, m + 6, m + 6, width - 2 * m - 12, height - 2 * m - 12);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The QR code as a stencil (a one-bit mask painted black) of QR_PIXELS
 * pixels a module, on its white quiet zone: a few hundred bytes in a PDF
 * (as paths, its thousand rectangles cost ten times that and most of the
 * drawing time). A viewer smooths a picture it enlarges less than four
 * times (poppler, pdftocairo): at one pixel a module, drawn 3.6 pixels wide
 * at 150 dpi, every edge blurred over three pixels and zbar read nothing
 * below 200 dpi. At three pixels a module the picture is enlarged 1.2
 * times there, and the code reads at 150 dpi in both of poppler's
 * renderers, and at 96 dpi unless the longest names make its modules
 * 0.5 mm; four pixels read as well and took a sixth longer to write. */
void
_xs_certificate_draw_qr (cairo_t      *cr,
                         const QRcode *code,
                         double        x,
                         double        y,
                         double        size)
{
  cairo_surface_t *mask;
  cairo_pattern_t *pattern;
  guint8 *pixels;
  int side, stride;

  side = code->width * QR_PIXELS;
  mask = cairo_image_surface_create (CAIRO_FORMAT_A1, side, side);
  stride = cairo_image_surface_get_stride (mask);
  pixels = cairo_image_surface_get_data (mask);
  cairo_surface_flush (mask);
  memset (pixels, 0, (gsize) stride * side);
  for (int row = 0; row < side; row++)
    {
      guint32 *line = (guint32 *) (gpointer) (pixels + row * stride);
      int r = row / QR_PIXELS;

      for (int col = 0; col < side; col++)
        if (code->data[r * code->width + col / QR_PIXELS] & 1)
          line[col / 32] |= A1_BIT (col % 32);
    }
  cairo_surface_mark_dirty (mask);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  /* the quiet zone is white, whatever the paper has there */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, size, size);
  cairo_fill (cr);
  cairo_scale (cr, size / (side + 2 * XS_CERTIFICATE_QR_QUIET * QR_PIXELS),
               size / (side + 2 * XS_CERTIFICATE_QR_QUIET * QR_PIXELS));
  cairo_translate (cr, XS_CERTIFICATE_QR_QUIET * QR_PIXELS, XS_CERTIFICATE_QR_QUIET * QR_PIXELS);
  pattern = cairo_pattern_create_for_surface (mask);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_mask (cr, pattern);
  cairo_pattern_destroy (pattern);
  cairo_surface_destroy (mask);
  cairo_restore (cr);
}

/* What a page drawn today depends on besides its document: the version
 * of the layout code here, the versions of cairo, Pango and HarfBuzz, and each face of the fonts the page may
 * use, named by its family, style, revision and checksum (from its head
 * table, without reading the whole file). The same document drawn with
 * the same renderer gives the same bytes. */
static char *
compute_renderer (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) families = g_strsplit (XS_CERTIFICATE_SERIF, ",", -1);
  PangoFontMap *map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);

  g_string_append_printf (text, "layout %d; cairo %s; pango %s; harfbuzz %s", LAYOUT_VERSION,
                          cairo_version_string (), pango_version_string (), hb_version_string ());
  for (guint i = 0; families[i] != NULL; i++)
    for (int bold = 0; bold < 2; bold++)
      {
        PangoFontDescription *description = pango_font_description_from_string (g_strstrip (families[i]));
        PangoFont *font;

        pango_font_description_set_size (description, 16 * PANGO_SCALE);
        if (bold)
          pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
        font = pango_font_map_load_font (map, context, description);
        if (font != NULL)
          {
            hb_face_t *face = hb_font_get_face (pango_font_get_hb_font (font));
            hb_blob_t *head = hb_face_reference_table (face, HB_TAG ('h', 'e', 'a', 'd'));
            unsigned int length = 0;
            const guint8 *data = (const guint8 *) hb_blob_get_data (head, &length);
            PangoFontDescription *actual = pango_font_describe (font);
            g_autofree char *name = pango_font_description_to_string (actual);

            g_string_append_printf (text, "; %s", name);
            if (length >= 12)
              g_string_append_printf (text, " %02x%02x.%02x%02x/%02x%02x%02x%02x",
                                      data[4], data[5], data[6], data[7],
                                      data[8], data[9], data[10], data[11]);
            pango_font_description_free (actual);
            hb_blob_destroy (head);
            g_object_unref (font);
          }
        pango_font_description_free (description);
      }
  g_object_unref (context);
  g_object_unref (map);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
_xs_certificate_get_renderer (void)
{
  static char *renderer;

  if (g_once_init_enter (&renderer))
    g_once_init_leave (&renderer, compute_renderer ());
  return renderer;
}
