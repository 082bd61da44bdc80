/* xs-certificate-pdf.h: certificates as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate.h"
#include "xs-pdf-key.h"
#include "xs-certificate-template.h"

G_BEGIN_DECLS

/* Called after each page, from the thread doing the work. */
typedef void (*XsCertificateProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

/* One certificate as a one-page PDF. The same certificate always gives the
 * same bytes (fixed creation date, no random identifiers). */
GBytes   *xs_certificate_render_pdf (XsCertificate              *certificate,
                                     GError                    **error);
/* Writes @certificates (XsCertificate) to @path as one PDF, a page each,
 * fonts shared between pages, signed with @key (xs_certificate_sign_pdf(),
 * by the base that issued the newest of them; NULL: not signed, for
 * drafts and measurements only). The file appears whole or not at all. */
gboolean  xs_certificate_write_pdf  (GPtrArray                  *certificates,
                                     XsPdfKey                   *key,
                                     const char                 *path,
                                     XsCertificateProgressFunc   progress,
                                     gpointer                    user_data,
                                     GCancellable               *cancellable,
                                     GError                    **error);

/* Draws the calibration page of @template on @cr, in points from the
 * paper's top left corner (a PDF page, or a print context at full page). */
void      xs_certificate_draw_calibration  (XsCertificateTemplate *template,
                                     cairo_t                    *cr,
                                     int                         offset_x,
                                     int                         offset_y);
/* Writes the calibration page of @template to @path: crosses and rulers at
 * known places in mm, and the boxes of a pre-printed form's fields, moved
 * by the printer's offset (tenths of a mm, right and down), so that where
 * they land on paper says how to correct the offset. */
gboolean  xs_certificate_write_calibration (XsCertificateTemplate *template,
                                     int                         offset_x,
                                     int                         offset_y,
                                     const char                 *path,
                                     GError                    **error);

G_END_DECLS
