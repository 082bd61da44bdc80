/* xs-certificate-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays out and draws a certificate on any cairo context. Every block is
 * measured with Pango before it is placed, and the page is laid out top
 * to bottom from the measurements: the title, the serial number, the
 * lines, the closing paragraph, then the QR code (with its quiet zone) and
 * the issuers side by side at the foot. Long values wrap within their
 * column; when the page still overflows, the body shrinks step by step to
 * a floor size, and a certificate that does not fit even then is refused
 * (xs_certificate_check_layout()). Positions are in points on an A4 page
 * and scaled to the area given, so the same code fills a PDF page, a
 * printer's page or a preview image.
 */
#define G_LOG_DOMAIN "xs-certificate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "xs-certificate-paint.h"
#include "xs-certificate-private.h"
#include "xs-db.h"

#define SERIF    XS_CERTIFICATE_SERIF
#define MARGIN   XS_CERTIFICATE_MARGIN
#define QR_QUIET XS_CERTIFICATE_QR_QUIET

#define PAD          62.0   /* the text area, from the page's edge */
#define TITLE_SIZE   36.0
#define TITLE_FLOOR  24.0
#define BODY_SIZE    16.0
#define BODY_STEP     0.5
#define SERIAL_SIZE  13.0
#define QR_MIN_SIZE  84.0
#define QR_MODULE    (0.52 * 72 / 25.4) /* the smallest module: 0.5 mm and a little for the printer */
#define SEAL_SIZE   118.0
#define MM          (72 / 25.4)

typedef struct
{
  PangoLayout *layout;
  double       x, y, w, h;
} Block;

typedef struct
{
  double     width, height;  /* the page, points */
  double     body_size;
  gboolean   fits;
  Block      title;
  Block      serial;
  GArray    *labels;         /* Block */
  GArray    *values;         /* Block */
  Block      statement;
  GArray    *issuers;        /* Block */
  Block      date;
  const QRcode *code;
  double     qr_x, qr_y, qr_size; /* quiet zone included */
  double     issuer_left, issuer_top, issuer_bottom;
  int        culprit;        /* the line (or issuer, from 1000) that grew most */
  double     slack;          /* the room left between the body and the foot */
} Layout;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
}

static void
layout_clear (Layout *layout)
{
  block_clear (&layout->title);
  block_clear (&layout->serial);
  block_clear (&layout->statement);
  block_clear (&layout->date);
  g_clear_pointer (&layout->labels, g_array_unref);
  g_clear_pointer (&layout->values, g_array_unref);
  g_clear_pointer (&layout->issuers, g_array_unref);
  layout->code = NULL;  /* the certificate's */
}

static GArray *
block_array (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (Block));

  g_array_set_clear_func (array, block_clear);
  return array;
}

/* Measures @text at @size points wrapped to @width (no wrapping when
 * @width <= 0), aligned within that width. */
static void
measure_in (Block          *block,
            PangoContext   *context,
            const char     *family,
            const char     *text,
            gboolean        bold,
            double          size,
            double          width,
            PangoAlignment  alignment)
{
  PangoFontDescription *description = pango_font_description_from_string (family);
  PangoRectangle logical;

  g_clear_object (&block->layout);
  pango_font_description_set_size (description, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
  block->layout = pango_layout_new (context);
  pango_layout_set_font_description (block->layout, description);
  pango_font_description_free (description);
  pango_layout_set_text (block->layout, text ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (block->layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (block->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (block->layout, alignment);
    }
  pango_layout_get_extents (block->layout, NULL, &logical);
  block->w = width > 0 ? width : logical.width / (double) PANGO_SCALE;
  block->h = logical.height / (double) PANGO_SCALE;
}

static void
measure (Block          *block,
         PangoContext   *context,
         const char     *text,
         gboolean        bold,
         double          size,
         double          width,
         PangoAlignment  alignment)
{
  measure_in (block, context, SERIF, text, bold, size, width, alignment);
}

static int
block_lines (const Block *block)
{
  return block->layout ? pango_layout_get_line_count (block->layout) : 0;
}

/* Lays the page out with the body at @body_size; sets layout->fits. */
static void
layout_at (XsCertificate *self,
           PangoContext  *context,
           Layout        *layout,
           double         body_size)
{
  double left = PAD, right = layout->width - PAD;
  double text_width = right - left;
  double bottom = layout->height - PAD;
  double y, label_width = 0, value_width, foot_height, issuer_width, body_end, gap = body_size * 0.7;
  int most_lines = 0;

  layout->body_size = body_size;

  /* the title on one line if a size down to the floor allows, else wrapped */
  for (double size = TITLE_SIZE; size >= TITLE_FLOOR; size -= 2)
    {
      measure (&layout->title, context, self->title, TRUE, size, text_width, PANGO_ALIGN_CENTER);
      if (block_lines (&layout->title) <= 1)
        break;
    }
  layout->title.x = left;
  layout->title.y = PAD;
  y = layout->title.y + layout->title.h + 6;

  if (self->serial_text != NULL)
    {
      measure (&layout->serial, context, self->serial_text, FALSE, MIN (SERIAL_SIZE, body_size),
               text_width, PANGO_ALIGN_RIGHT);
      layout->serial.x = left;
      layout->serial.y = y;
      y += layout->serial.h;
    }
  y += gap * 2;

  /* the labels' column: as wide as the widest label, at most 40% */
  g_array_set_size (layout->labels, self->lines->len / 2);
  g_array_set_size (layout->values, self->lines->len / 2);
  for (guint i = 0; i + 1 < self->lines->len; i += 2)
    {
      Block *label = &g_array_index (layout->labels, Block, i / 2);

      measure (label, context, g_ptr_array_index (self->lines, i), FALSE, body_size, -1, PANGO_ALIGN_LEFT);
      label_width = MAX (label_width, label->w);
    }
  label_width = MIN (label_width + body_size, text_width * 0.4);
  value_width = text_width - label_width;

  for (guint i = 0; i + 1 < self->lines->len; i += 2)
    {
      Block *label = &g_array_index (layout->labels, Block, i / 2);
      Block *value = &g_array_index (layout->values, Block, i / 2);

      /* measured once more only when it must wrap: a label that fits
       * stays on its line as measured */
      if (label->w > label_width - body_size)
        measure (label, context, g_ptr_array_index (self->lines, i), FALSE, body_size,
                 label_width - body_size, PANGO_ALIGN_LEFT);
      measure (value, context, g_ptr_array_index (self->lines, i + 1), TRUE, body_size,
               value_width, PANGO_ALIGN_LEFT);
      label->x = left;
      value->x = left + label_width;
      label->y = value->y = y;
      y += MAX (label->h, value->h) + gap;
      if (block_lines (value) > most_lines)
        {
          most_lines = block_lines (value);
          layout->culprit = i / 2;
        }
    }

  if (self->statement != NULL)
    {
      y += gap;
      measure (&layout->statement, context, self->statement, FALSE, body_size, text_width, PANGO_ALIGN_LEFT);
      layout->statement.x = left;
      layout->statement.y = y;
      y += layout->statement.h;
    }
  body_end = y;

  /* the foot: the QR code and its quiet zone on the left, the issuers
   * and the date right-aligned beside it */
  if (layout->code != NULL)
    {
      int side = layout->code->width + 2 * QR_QUIET;

      layout->qr_size = MAX (QR_MIN_SIZE, side * QR_MODULE);
    }
  else
    layout->qr_size = QR_MIN_SIZE;  /* a preview keeps the room */
  issuer_width = text_width - layout->qr_size - 2 * body_size;
  g_array_set_size (layout->issuers, self->issuers->len);
  foot_height = 0;
  for (guint i = 0; i < self->issuers->len; i++)
    {
      Block *issuer = &g_array_index (layout->issuers, Block, i);

      measure (issuer, context, g_ptr_array_index (self->issuers, i), FALSE, body_size,
               issuer_width, PANGO_ALIGN_RIGHT);
      foot_height += issuer->h + 4;
      if (block_lines (issuer) > most_lines)
        {
          most_lines = block_lines (issuer);
          layout->culprit = 1000 + i;
        }
    }
  if (self->date != NULL)
    {
      measure (&layout->date, context, self->date, FALSE, body_size, issuer_width, PANGO_ALIGN_RIGHT);
      foot_height += 6 + layout->date.h;
    }

  layout->qr_x = left;
  layout->qr_y = bottom - layout->qr_size;
  layout->issuer_left = right - issuer_width;
  layout->issuer_bottom = bottom;
  layout->issuer_top = bottom - foot_height;
  y = layout->issuer_top;
  for (guint i = 0; i < layout->issuers->len; i++)
    {
      Block *issuer = &g_array_index (layout->issuers, Block, i);

      issuer->x = layout->issuer_left;
      issuer->y = y;
      y += issuer->h + 4;
    }
  if (self->date != NULL)
    {
      layout->date.x = layout->issuer_left;
      layout->date.y = y + 6;
    }

  layout->slack = MIN (layout->qr_y, layout->issuer_top) - (body_end + gap * 2);
  layout->fits = layout->slack >= 0;
}

/* The largest body size from BODY_SIZE down to the floor at which the
 * page fits; the floor when none does (layout->fits FALSE). */
static void
layout_page (XsCertificate *self,
             PangoContext  *context,
             Layout        *layout)
{
  memset (layout, 0, sizeof *layout);
  xs_certificate_get_page_size (self, &layout->width, &layout->height);
  layout->labels = block_array ();
  layout->values = block_array ();
  layout->issuers = block_array ();
  layout->code = _xs_certificate_get_qr (self);
  for (double size = BODY_SIZE; size >= XS_CERTIFICATE_FLOOR_SIZE; size -= BODY_STEP)
    {
      layout_at (self, context, layout, size);
      if (layout->fits)
        {
          /* a short text sits a little lower, not under the title */
          double shift = MIN (layout->slack * 0.4, 3 * size);

          for (guint i = 0; i < layout->labels->len; i++)
            {
              g_array_index (layout->labels, Block, i).y += shift;
              g_array_index (layout->values, Block, i).y += shift;
            }
          layout->statement.y += shift;
          return;
        }
    }
}

gboolean
xs_certificate_check_layout (XsCertificate  *self,
                             GError        **error)
{
  PangoContext *context;
  Layout layout;
  gboolean fits;

  g_return_val_if_fail (XS_IS_CERTIFICATE (self), FALSE);

  if (self->template != NULL && xs_certificate_template_is_fixed (self->template))
    return _xs_certificate_form_check (self, error);
  context = _xs_certificate_create_context (NULL);
  layout_page (self, context, &layout);
  fits = layout.fits;
  if (!fits)
    {
      const char *field;

      if (layout.culprit >= 1000)
        field = layout.culprit == 1000 ? _("the base’s name") : _("the issuer");
      else
        field = g_ptr_array_index (self->lines, 2 * layout.culprit);
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED,
                   _("“%s” is too long to fit on the certificate even in %g-point type: shorten it and issue again"),
                   field, XS_CERTIFICATE_FLOOR_SIZE);
    }
  layout_clear (&layout);
  g_object_unref (context);
  return fits;
}

/* The seal sits over the issuers, as stamped by hand, but never on the
 * QR code's quiet zone. */
static void
draw_seal (cairo_t       *cr,
           XsCertificate *self,
           const Layout  *layout)
{
  cairo_surface_t *surface = _xs_certificate_get_seal_surface (self);
  double w, h, scale, x, y;

  if (surface == NULL)
    return;
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  if (w < 1 || h < 1)
    return;
  scale = SEAL_SIZE / MAX (w, h);
  x = layout->width - PAD - 70 - w * scale / 2;
  x = MAX (x, layout->qr_x + layout->qr_size + 4);
  y = (layout->issuer_top + layout->issuer_bottom) / 2 - h * scale / 2;
  y = MIN (y, layout->height - MARGIN - 8 - h * scale);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
show (cairo_t     *cr,
      const Block *block)
{
  if (block->layout == NULL)
    return;
  cairo_move_to (cr, block->x, block->y);
  pango_cairo_show_layout (cr, block->layout);
}

void
xs_certificate_draw (XsCertificate *self,
                     cairo_t       *cr,
                     double         width,
                     double         height)
{
  g_return_if_fail (XS_IS_CERTIFICATE (self));
  g_return_if_fail (cr != NULL);

  _xs_certificate_draw_page (self, cr, width, height, TRUE);
}

void
_xs_certificate_draw_page (XsCertificate *self,
                           cairo_t       *cr,
                           double         width,
                           double         height,
                           gboolean       opaque)
{
  PangoContext *context;
  Layout layout;
  double scale, page_width, page_height;

  cairo_save (cr);
  xs_certificate_get_page_size (self, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (opaque)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, page_width, page_height);
      cairo_fill (cr);
    }
  /* the printer's drift, corrected: everything moves, nothing else changes */
  if (self->offset_x != 0 || self->offset_y != 0)
    cairo_translate (cr, self->offset_x / 10.0 * MM, self->offset_y / 10.0 * MM);
  if (self->template != NULL && xs_certificate_template_is_fixed (self->template))
    {
      _xs_certificate_form_draw (self, cr);
      cairo_restore (cr);
      return;
    }
  context = _xs_certificate_create_context (cr);
  layout_page (self, context, &layout);

  if (self->template == NULL || xs_certificate_template_draws_frame (self->template))
    _xs_certificate_draw_frame (cr, layout.width, layout.height);

  cairo_set_source_rgb (cr, XS_CERTIFICATE_BORDER);
  if (self->template == NULL || xs_certificate_template_draws_title (self->template))
    show (cr, &layout.title);

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  show (cr, &layout.serial);
  for (guint i = 0; i < layout.labels->len; i++)
    {
      show (cr, &g_array_index (layout.labels, Block, i));
      show (cr, &g_array_index (layout.values, Block, i));
    }
  show (cr, &layout.statement);
  for (guint i = 0; i < layout.issuers->len; i++)
    show (cr, &g_array_index (layout.issuers, Block, i));
  show (cr, &layout.date);

  if (self->template == NULL || xs_certificate_template_draws_seal (self->template))
    draw_seal (cr, self, &layout);
  if (layout.code != NULL)
    _xs_certificate_draw_qr (cr, layout.code, layout.qr_x, layout.qr_y, layout.qr_size);

  layout_clear (&layout);
  g_object_unref (context);
  cairo_restore (cr);
}
