/* xs-certificate-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays out and draws a certificate on any cairo context. Positions are in
 * points on an A4 page and scaled to the area given, so the same code
 * fills a PDF page, a printer's page or a preview image.
 */
#define G_LOG_DOMAIN "xs-certificate"

#include "config.h"

#include <errno.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <string.h>

#include "xs-certificate-private.h"

#define SERIF "Noto Serif CJK SC, Noto Serif CJK, Noto Sans CJK SC, serif"
#define BORDER_R 0.62
#define BORDER_G 0.12
#define BORDER_B 0.10
#define MIN_MODULE (0.52 * 72 / 25.4)  /* points: 0.5 mm and a little for the printer */

typedef struct
{
  double width, height;        /* the page, points */
  double margin;               /* outer frame */
  double title_y;
  double serial_y;
  double lines_x, lines_y;     /* first label */
  double label_width;          /* labels, then values */
  double value_width;
  double line_height;
  double statement_width;
  double issuer_x, issuer_y;   /* right edge and top of the issuer block */
  double qr_x, qr_y, qr_size;
  double seal_size;
} Layout;

static void
layout_for (XsCertificate *self,
            Layout        *layout)
{
  xs_certificate_get_page_size (self, &layout->width, &layout->height);
  layout->margin = 34;
  layout->qr_size = 84;
  layout->seal_size = 118;
  layout->label_width = 104;
  if (self->orientation == XS_CERTIFICATE_LANDSCAPE)
    {
      /* the body on the left, the QR code and the issuer on the right */
      layout->title_y = 58;
      layout->serial_y = 106;
      layout->lines_x = 90;
      layout->lines_y = 126;
      layout->line_height = 23;
      layout->label_width = 185;
      layout->value_width = 360;
      layout->statement_width = 400;
      layout->issuer_x = layout->width - 90;
      layout->issuer_y = layout->height - 128;
      layout->qr_x = layout->width - 90 - layout->qr_size;
      layout->qr_y = 136;
    }
  else
    {
      layout->title_y = 118;
      layout->serial_y = 180;
      layout->lines_x = 96;
      layout->lines_y = 232;
      layout->line_height = 34;
      layout->value_width = 300;
      layout->statement_width = 400;
      layout->issuer_x = layout->width - 96;
      layout->issuer_y = layout->height - 240;
      layout->qr_x = 96;
      layout->qr_y = layout->height - 230;
    }
}

static PangoLayout *
text_layout (PangoContext *context,
             const char   *text,
             const char   *font,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;

/* Draws @text with its top at @y; @x is the left edge, the centre or the
 * right edge. Returns the height drawn. */
static double
show_text (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           const char   *font,
           double        x,
           double        y,
           double        width,
           Align         align)
{
  g_autoptr(PangoLayout) layout = text_layout (context, text, font, width);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (align == ALIGN_CENTER)
    x -= (width > 0 ? width : w / (double) PANGO_SCALE) / 2;
  else if (align == ALIGN_RIGHT)
    x -= w / (double) PANGO_SCALE;
  if (align == ALIGN_CENTER && width > 0)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h / (double) PANGO_SCALE;
}

static void
draw_frame (cairo_t      *cr,
            const Layout *layout)
{
  double m = layout->margin;

  cairo_save (cr);
  cairo_set_source_rgb (cr, BORDER_R, BORDER_G, BORDER_B);
  cairo_set_line_width (cr, 3);
  cairo_rectangle (cr, m, m, layout->width - 2 * m, layout->height - 2 * m);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, m + 6, m + 6, layout->width - 2 * m - 12, layout->height - 2 * m - 12);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The QR code as a tiny image, one pixel per module, scaled up without
 * smoothing: sharp at any print size, a few hundred bytes in a PDF (as
 * paths, its thousand rectangles cost ten times that and most of the
 * drawing time). */
static void
draw_qr (cairo_t    *cr,
         const char *payload,
         double      x,
         double      y,
         double      size)
{
  QRcode *code = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  cairo_surface_t *image;
  cairo_pattern_t *pattern;
  guint8 *pixels;
  int side, stride;

  if (code == NULL)
    {
      g_warning ("Could not encode a QR code: %s", g_strerror (errno));
      return;
    }

  /* four modules of quiet zone on every side */
  side = code->width + 8;
  /* a phone or a 150-dpi scan needs modules of 0.5 mm: a very long name
   * makes the code larger than its place rather than its modules smaller */
  size = MAX (size, side * MIN_MODULE);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  stride = cairo_image_surface_get_stride (image);
  pixels = cairo_image_surface_get_data (image);
  cairo_surface_flush (image);
  for (int row = 0; row < side; row++)
    {
      guint32 *line = (guint32 *) (gpointer) (pixels + row * stride);

      for (int col = 0; col < side; col++)
        {
          int r = row - 4, c = col - 4;
          gboolean dark = r >= 0 && c >= 0 && r < code->width && c < code->width
                          && (code->data[r * code->width + c] & 1);

          line[col] = dark ? 0x000000 : 0xffffff;
        }
    }
  cairo_surface_mark_dirty (image);
  QRcode_free (code);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / side, size / side);
  pattern = cairo_pattern_create_for_surface (image);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, 0, 0, side, side);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
  cairo_surface_destroy (image);
  cairo_restore (cr);
}

typedef struct
{
  const guint8 *data;
  gsize         left;
} ReadState;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  ReadState *state = closure;

  if (length > state->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, state->data, length);
  state->data += length;
  state->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
seal_surface (XsCertificate *self)
{
  if (self->seal == NULL)
    return NULL;
  if (self->seal_surface == NULL)
    {
      ReadState state = { g_bytes_get_data (self->seal, &state.left), 0 };
      cairo_surface_t *surface;

      state.left = g_bytes_get_size (self->seal);
      surface = cairo_image_surface_create_from_png_stream (read_bytes, &state);
      if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
        {
          g_warning ("The seal image of %s cannot be read", self->serial ? self->serial : "a preview");
          cairo_surface_destroy (surface);
          return NULL;
        }
      /* One image object in a PDF, however many pages show it. */
      cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID,
                                   (const guchar *) self->seal_hash, strlen (self->seal_hash),
                                   NULL, NULL);
      self->seal_surface = surface;
    }
  return self->seal_surface;
}

static void
draw_seal (cairo_t       *cr,
           XsCertificate *self,
           double         cx,
           double         cy,
           double         size)
{
  cairo_surface_t *surface = seal_surface (self);
  double w, h, scale;

  if (surface == NULL)
    return;
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  if (w < 1 || h < 1)
    return;
  scale = size / MAX (w, h);
  cairo_save (cr);
  cairo_translate (cr, cx - w * scale / 2, cy - h * scale / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
xs_certificate_draw (XsCertificate *self,
                     cairo_t       *cr,
                     double         width,
                     double         height)
{
  PangoContext *context;
  Layout layout;
  double y, scale, issuer_top, issuer_bottom;

  g_return_if_fail (XS_IS_CERTIFICATE (self));
  g_return_if_fail (cr != NULL);

  layout_for (self, &layout);
  scale = MIN (width / layout.width, height / layout.height);

  cairo_save (cr);
  cairo_translate (cr, (width - layout.width * scale) / 2, (height - layout.height * scale) / 2);
  cairo_scale (cr, scale, scale);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, layout.width, layout.height);
  cairo_fill (cr);
  draw_frame (cr, &layout);

  /* Outline metrics, as a PDF surface has them anyway: a preview lays
   * out like the printed page. */
  context = pango_cairo_create_context (cr);
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
    }
  pango_context_set_round_glyph_positions (context, FALSE);

  cairo_set_source_rgb (cr, BORDER_R, BORDER_G, BORDER_B);
  show_text (cr, context, self->title, SERIF " Bold 30", layout.width / 2, layout.title_y,
             layout.width - 2 * layout.margin - 40, ALIGN_CENTER);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (self->serial_text != NULL)
    show_text (cr, context, self->serial_text, SERIF " 11", layout.width - layout.margin - 30,
               layout.serial_y, -1, ALIGN_RIGHT);

  y = layout.lines_y;
  for (guint i = 0; i + 1 < self->lines->len; i += 2)
    {
      const char *label = g_ptr_array_index (self->lines, i);
      const char *value = g_ptr_array_index (self->lines, i + 1);
      double h;

      /* a label longer than its column wraps; the row grows with it */
      h = show_text (cr, context, label, SERIF " 13", layout.lines_x, y, layout.label_width - 12, ALIGN_LEFT);
      h = MAX (h, show_text (cr, context, value, SERIF " Bold 13", layout.lines_x + layout.label_width, y,
                             layout.value_width, ALIGN_LEFT));
      y += MAX (layout.line_height, h + 10);
    }

  if (self->statement != NULL)
    show_text (cr, context, self->statement, SERIF " 13", layout.lines_x, y + 12,
               layout.statement_width, ALIGN_LEFT);

  issuer_top = y = layout.issuer_y;
  for (guint i = 0; i < self->issuers->len; i++)
    y += show_text (cr, context, g_ptr_array_index (self->issuers, i), SERIF " 13",
                    layout.issuer_x, y, -1, ALIGN_RIGHT) + 6;
  if (self->date != NULL)
    y += show_text (cr, context, self->date, SERIF " 13", layout.issuer_x, y + 6, -1, ALIGN_RIGHT);
  issuer_bottom = y;

  /* The seal sits over the issuer's name, as stamped by hand. */
  draw_seal (cr, self, layout.issuer_x - 70, (issuer_top + issuer_bottom) / 2, layout.seal_size);

  if (self->payload != NULL)
    draw_qr (cr, self->payload, layout.qr_x, layout.qr_y, layout.qr_size);

  g_object_unref (context);
  cairo_restore (cr);
}
