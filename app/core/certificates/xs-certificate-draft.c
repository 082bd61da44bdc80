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

#include <math.h>
#include <pango/pangocairo.h>

#include "xs-certificate-private.h"

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

void
xs_certificate_draw_preview (XsCertificate *self,
                             cairo_t       *cr,
                             double         width,
                             double         height,
                             gboolean       draft)
{
  g_return_if_fail (XS_IS_CERTIFICATE (self));
  g_return_if_fail (cr != NULL);

  xs_certificate_draw (self, cr, width, height);
  if (draft)
    draw_mark (cr, width, height);
}
