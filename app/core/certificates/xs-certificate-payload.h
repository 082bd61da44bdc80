/* xs-certificate-payload.h: the signed text in a certificate's QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Version 2, what certificates carry now, signs exactly what the page
 * prints: kind, serial (and so the year), the hours, the identity number
 * as printed (masked, unless the base prints numbers whole) and the name.
 * Nothing in it depends on the digits the page hides, so it cannot confirm
 * a guess of them. It is "XS2:" and digits (the QR code's numeric mode,
 * 3.3 bits a character): every 7 bytes of
 *
 *   flags (1: completion, 2: whole number) | year (2 bytes, big-endian)
 *   | number, public, compulsory, professional, total hours in tenths
 *     (LEB128) | identity number | name (UTF-8, the rest) | signature (64)
 *
 * as 17 decimal digits, a last shorter run as 3, 5, 8, 10, 13 or 15. The
 * identity number is, masked, the first six digits and the last three
 * digits times 11 plus the check character (X = 10), both LEB128; whole,
 * the first 17 digits (LEB128) and the check character (one byte). The
 * signature covers "XS2" and the bytes before it.
 *
 * Version 1, still verified:
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
  char               holder[13];     /* version 1: 12 hex digits */
  int                version;        /* 1 or 2, set by verify */
  char              *id_text;        /* version 2: the identity number as printed */
  char              *name;           /* version 2: the name as printed */
} XsCertificatePayload;


void   xs_certificate_payload_clear  (XsCertificatePayload       *payload);
/* 12 hex digits identifying the holder without naming them. */
void   xs_certificate_holder_digest  (const char                 *id_number,
                                      const char                 *name,
                                      char                        digest[13]);
/* Fills @payload's printed identity number and name: the masked number,
 * or the whole one when @whole_id_number (the base prints them whole). */
void   xs_certificate_payload_set_holder (XsCertificatePayload   *payload,
                                          const char             *id_number,
                                          const char             *name,
                                          gboolean                whole_id_number);
/* The signed payload (version 2) for @payload, which has its holder set. */
char  *xs_certificate_payload_sign   (const XsCertificatePayload *payload,
                                      XsSigningKey               *key);
/* Checks @text against @public_key_text (as xs_signing_key_get_public_text()
 * gives it) and fills @payload. A payload that was changed, or signed by
 * another key, fails with BAD_SIGNATURE. */
gboolean xs_certificate_payload_verify (const char               *text,
                                        const char               *public_key_text,
                                        XsCertificatePayload     *payload,
                                        GError                  **error);

/* Whether @id_number and @name (read off an ID card) are those on the
 * certificate: for version 2, the name and the digits the page prints
 * (all of them only when the page prints them all); for version 1, the
 * holder digest. */
gboolean xs_certificate_payload_check_holder (const XsCertificatePayload *payload,
                                              const char                 *id_number,
                                              const char                 *name);

G_END_DECLS
