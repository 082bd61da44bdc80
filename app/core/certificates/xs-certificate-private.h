/* xs-certificate-private.h: building a certificate's document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate.h"

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
  char                     *statement;
  GPtrArray                *issuers;
  char                     *date;
  char                     *issued_on;  /* YYYY-MM-DD */
  char                     *payload;
  GBytes                   *seal;
  char                     *seal_hash;
  cairo_surface_t          *seal_surface; /* decoded on first draw */
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
/* One "label: value" line of the body, in order. */
void           _xs_certificate_add_line   (XsCertificate            *self,
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
/* SHA-256 (hex) of the seal image, or NULL. */
const char    *_xs_certificate_get_seal_hash (XsCertificate         *self);

G_END_DECLS
