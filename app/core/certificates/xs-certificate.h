/* xs-certificate.h: what one certificate shows, fixed when it is issued
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "xs-certificate-types.h"

G_BEGIN_DECLS

/* The base's choices that go onto a certificate when it is issued (the
 * window's preferences, or the command line's options). */
typedef struct
{
  const char               *base_name;      /* the issuing base */
  const char               *issuer;         /* e.g. the department above it; may be NULL */
  const char               *seal_path;      /* a PNG; NULL or "" for none */
  GBytes                   *seal;           /* a PNG already read (the base profile's):
                                               used when seal_path is NULL or "" */
  XsCertificateOrientation  orientation;
  gboolean                  full_id_number; /* print it whole instead of masked */
  XsCertificateLanguage     language;       /* of the printed texts, whatever the locale */
  const char               *annual_template;     /* a template's name (xs-certificate-templates.h); */
  const char               *completion_template; /* NULL or "" for the standard one in @orientation */
  int                       offset_x, offset_y;  /* the printer's drift corrected, tenths of a mm,
                                                    right and down */
} XsCertificateSettings;

#define XS_TYPE_CERTIFICATE (xs_certificate_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificate, xs_certificate, XS, CERTIFICATE, GObject)

/* A certificate's document: every text it shows, its QR payload and its
 * seal. Drawing it again gives the same page, whatever changed since in
 * the roster or the preferences. */
XsCertificate           *xs_certificate_new_from_json  (const char     *json,
                                                        GBytes         *seal_png,
                                                        GError        **error);
/* The document as canonical JSON (fixed member order, no spaces): what is
 * stored and hashed. */
char                    *xs_certificate_to_json        (XsCertificate  *self);

XsCertificateKind        xs_certificate_get_kind       (XsCertificate  *self);
/* "2018-JX-000123"; NULL for a preview of one not yet issued */
const char              *xs_certificate_get_serial     (XsCertificate  *self);
int                      xs_certificate_get_year       (XsCertificate  *self);
const char              *xs_certificate_get_holder     (XsCertificate  *self);
/* The signed text of the QR code; NULL for a preview */
const char              *xs_certificate_get_payload    (XsCertificate  *self);
GBytes                  *xs_certificate_get_seal       (XsCertificate  *self);
XsCertificateOrientation xs_certificate_get_orientation (XsCertificate *self);

/* A4 in points (1/72 inch), turned for the orientation. */
void                     xs_certificate_get_page_size  (XsCertificate  *self,
                                                        double         *width,
                                                        double         *height);
/* Draws the certificate to fill @width × @height (points) of @cr: a PDF
 * page, a GtkPrintContext or an image for a preview. Text is drawn as text
 * with Pango, so a PDF keeps it selectable. */
void                     xs_certificate_draw           (XsCertificate  *self,
                                                        cairo_t        *cr,
                                                        double          width,
                                                        double          height);

/* Whether this computer draws the certificate with the same fonts and
 * libraries as when it was issued, so that its PDF has the same bytes.
 * TRUE for a preview and for a certificate issued as a PDF. */
gboolean                 xs_certificate_is_drawn_as_issued (XsCertificate *self);

/* The smallest size, in points, the body of a certificate shrinks to
 * before a value too long for the page is refused. */
#define XS_CERTIFICATE_FLOOR_SIZE 9.0

/* Whether the certificate's page holds all of its text without overlap at
 * XS_CERTIFICATE_FLOOR_SIZE or larger; if not, an XS_DB_ERROR_REFUSED
 * error naming the field (as the certificate labels it) to shorten. */
gboolean                 xs_certificate_check_layout   (XsCertificate  *self,
                                                        GError        **error);

/* Draws the certificate as xs_certificate_draw() does and, when @draft,
 * 草稿 DRAFT across the page: what the preview of one not issued yet shows.
 * Issued PDFs and prints never go through here. */
void                     xs_certificate_draw_preview   (XsCertificate  *self,
                                                        cairo_t        *cr,
                                                        double          width,
                                                        double          height,
                                                        gboolean        draft);

G_END_DECLS
