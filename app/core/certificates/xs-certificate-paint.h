/* xs-certificate-paint.h: what every certificate page is drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>
#include <qrencode.h>

G_BEGIN_DECLS

/* Simplified Chinese first; the other Noto CJK faces carry the rare
 * characters (䶮 U+4DAE is not in the SC face), then anything. */
#define XS_CERTIFICATE_SERIF \
  "Noto Serif CJK SC, Noto Serif CJK JP, Noto Serif CJK TC, Noto Sans CJK SC, serif"
/* the frame's colour, as cairo_set_source_rgb() arguments */
#define XS_CERTIFICATE_BORDER    0.62, 0.12, 0.10
#define XS_CERTIFICATE_MARGIN    34.0   /* the outer frame, points from the edge */
#define XS_CERTIFICATE_QR_QUIET  4      /* modules of white on every side */

/* A Pango context laying out in points with outline metrics, on @cr or
 * for measuring only (@cr NULL). */
PangoContext *_xs_certificate_create_context (cairo_t      *cr);
/* The standard design's double frame around a page of @width × @height. */
void          _xs_certificate_draw_frame     (cairo_t      *cr,
                                              double        width,
                                              double        height);
/* The QR code with its quiet zone as a @size square at @x, @y. */
void          _xs_certificate_draw_qr        (cairo_t      *cr,
                                              const QRcode *code,
                                              double        x,
                                              double        y,
                                              double        size);
/* The versions of cairo, Pango, HarfBuzz and the fonts that draw pages in
 * this process. */
const char   *_xs_certificate_get_renderer   (void);

G_END_DECLS
