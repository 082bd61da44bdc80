/* xs-certificate-private.h: building a certificate's document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>
#include <qrencode.h>

#include "xs-certificate.h"
#include "xs-certificate-template.h"

G_BEGIN_DECLS

struct _XsCertificate
{
  GObject                   parent_instance;

  XsCertificateKind         kind;
  int                       year;
  XsCertificateOrientation  orientation;
  char                     *serial;
  char                     *serial_text; /* as printed, e.g. "证书编号：2018-JX-000001" */
  char                     *holder;
  char                     *title;
  GPtrArray                *lines;      /* label, value, label, value, … */
  GPtrArray                *keys;       /* the field of each line ("name", …); empty in version 1 */
  char                     *statement;
  GPtrArray                *issuers;
  char                     *date;
  char                     *issued_on;  /* YYYY-MM-DD */
  char                     *payload;
  GBytes                   *seal;
  char                     *seal_hash;
  cairo_surface_t          *seal_surface; /* decoded on first draw */
  XsCertificateTemplate    *template;   /* NULL: the standard design (version 1) */
  int                       offset_x, offset_y; /* tenths of a mm, right and down */
  char                     *renderer;   /* what drew it when issued; NULL in version 1 */
  QRcode                   *qr;         /* the payload encoded, on first use */
};

XsCertificate *_xs_certificate_new        (XsCertificateKind         kind,
                                           int                       year,
                                           XsCertificateOrientation  orientation);
void           _xs_certificate_set_serial (XsCertificate            *self,
                                           const char               *serial);
void           _xs_certificate_set_serial_text (XsCertificate       *self,
                                           const char               *serial_text);
void           _xs_certificate_set_holder (XsCertificate            *self,
                                           const char               *holder);
void           _xs_certificate_set_title  (XsCertificate            *self,
                                           const char               *title);
/* One "label: value" line of the body, in order; @key names the field
 * for templates ("name", "employer", …). */
void           _xs_certificate_add_line   (XsCertificate            *self,
                                           const char               *key,
                                           const char               *label,
                                           const char               *value);
void           _xs_certificate_set_statement (XsCertificate         *self,
                                           const char               *statement);
/* The issuing bodies, one per line, and the date under them. */
void           _xs_certificate_add_issuer (XsCertificate            *self,
                                           const char               *issuer);
void           _xs_certificate_set_date   (XsCertificate            *self,
                                           const char               *date);
void           _xs_certificate_set_issued_on (XsCertificate         *self,
                                           const char               *iso_date);
void           _xs_certificate_set_payload (XsCertificate           *self,
                                           const char               *payload);
void           _xs_certificate_set_seal   (XsCertificate            *self,
                                           GBytes                   *seal_png);
/* The template and the printer's offset (tenths of a mm) it is drawn
 * with; records what draws it today (_xs_certificate_get_renderer()). */
void           _xs_certificate_set_template (XsCertificate          *self,
                                           XsCertificateTemplate    *template,
                                           int                       offset_x,
                                           int                       offset_y);
/* A stored document, with the seal and the template data it names. */
XsCertificate *_xs_certificate_new_from_snapshot (const char        *json,
                                           GBytes                   *seal_png,
                                           GBytes                   *template_data,
                                           GError                  **error);
/* The text of field @key ("name", "title", "issuer2", …) or NULL. */
const char    *_xs_certificate_get_field_text (XsCertificate        *self,
                                           const char               *key);
/* The payload as a QR code, encoded once; NULL for a preview. */
const QRcode  *_xs_certificate_get_qr     (XsCertificate            *self);
/* The seal image decoded (once), or NULL. */
cairo_surface_t *_xs_certificate_get_seal_surface (XsCertificate    *self);
/* A certificate on a template for pre-printed paper (xs-certificate-form.c). */
gboolean       _xs_certificate_form_check (XsCertificate            *self,
                                           GError                  **error);
void           _xs_certificate_form_draw  (XsCertificate            *self,
                                           cairo_t                  *cr);
/* The calibration page of @template: rulers, crosses at known places and
 * the boxes of its fields, moved by the offset (tenths of a mm). */
void           _xs_certificate_draw_calibration (XsCertificateTemplate *template,
                                           cairo_t                  *cr,
                                           int                       offset_x,
                                           int                       offset_y);
/* xs_certificate_draw(); @opaque FALSE leaves what is under the page
 * (the preview's scan of a blank form) showing. */
void           _xs_certificate_draw_page  (XsCertificate            *self,
                                           cairo_t                  *cr,
                                           double                    width,
                                           double                    height,
                                           gboolean                  opaque);
/* SHA-256 (hex) of the seal image, or NULL. */
const char    *_xs_certificate_get_seal_hash (XsCertificate         *self);

G_END_DECLS
