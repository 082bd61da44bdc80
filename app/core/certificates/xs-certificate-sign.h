/* xs-certificate-sign.h: certificate PDFs with a PDF digital signature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate.h"
#include "xs-db.h"
#include "xs-pdf-key.h"

G_BEGIN_DECLS

/* The base's PDF signing key, from the data folder of @db. A base set up
 * before PDFs were signed gets its key here, as long as no certificate it
 * stored carries a signature; otherwise a missing or damaged key is an
 * error (XS_SIGNING_KEY_ERROR) and no key is made in its place. */
XsPdfKey *xs_certificate_open_pdf_key (XsDb           *db,
                                       GError        **error);

/* @pdf (one that cairo wrote) with an incremental update appended: an
 * invisible signature field whose value is a detached CMS signature
 * (adbe.pkcs7.detached) over every byte but the signature itself, by
 * @key's certificate for the base that issued @certificate, dated its
 * issue date. The same input gives the same bytes. */
GBytes   *xs_certificate_sign_pdf     (GBytes         *pdf,
                                       XsCertificate  *certificate,
                                       XsPdfKey       *key,
                                       GError        **error);

G_END_DECLS
