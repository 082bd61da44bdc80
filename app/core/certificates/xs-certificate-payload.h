/* xs-certificate-payload.h: the signed text in a certificate's QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   XS1;S=2018-JX-000123;Y=2018;K=A;P=300;C=240;R=600;T=900;H=1a2b3c4d5e6f;G=<signature>
 *
 * S serial, Y year, K kind (A annual, C completion), P/C/R/T public,
 * compulsory, professional and total hours in tenths, H the first six
 * bytes of SHA-256 over the holder's identity number and name (so a
 * reviewer holding the ID card can check it is theirs, and the payload
 * names nobody), G the Ed25519 signature of everything before ";G=".
 */
#pragma once

#include "xs-certificate.h"
#include "xs-signing-key.h"

G_BEGIN_DECLS

#define XS_CERTIFICATE_PAYLOAD_ERROR (xs_certificate_payload_error_quark ())
GQuark xs_certificate_payload_error_quark (void);

typedef enum
{
  XS_CERTIFICATE_PAYLOAD_ERROR_MALFORMED,
  XS_CERTIFICATE_PAYLOAD_ERROR_BAD_KEY,
  XS_CERTIFICATE_PAYLOAD_ERROR_BAD_SIGNATURE,
} XsCertificatePayloadError;

typedef struct
{
  char              *serial;
  int                year;
  XsCertificateKind  kind;
  int                public_hours;   /* tenths */
  int                compulsory;
  int                professional;
  int                total;
  char               holder[13];     /* 12 hex digits */
} XsCertificatePayload;

void   xs_certificate_payload_clear  (XsCertificatePayload       *payload);
/* 12 hex digits identifying the holder without naming them. */
void   xs_certificate_holder_digest  (const char                 *id_number,
                                      const char                 *name,
                                      char                        digest[13]);
/* The signed payload for @payload. */
char  *xs_certificate_payload_sign   (const XsCertificatePayload *payload,
                                      XsSigningKey               *key);
/* Checks @text against @public_key_text (as xs_signing_key_get_public_text()
 * gives it) and fills @payload. A payload that was changed, or signed by
 * another key, fails with BAD_SIGNATURE. */
gboolean xs_certificate_payload_verify (const char               *text,
                                        const char               *public_key_text,
                                        XsCertificatePayload     *payload,
                                        GError                  **error);

G_END_DECLS
