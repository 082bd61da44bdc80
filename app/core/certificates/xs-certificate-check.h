/* xs-certificate-check.h: is a certificate's QR code genuine, and does it
 * still stand?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate-payload.h"
#include "xs-db.h"
#include "xs-revocation-list.h"

G_BEGIN_DECLS

typedef enum
{
  XS_REVOCATION_NOT_CHECKED,   /* neither the base's register nor its list at hand */
  XS_REVOCATION_NOT_REVOKED,
  XS_REVOCATION_REVOKED,
} XsRevocationStatus;

typedef struct
{
  XsCertificatePayload payload;
  XsRevocationStatus   status;
  char                *revoked_at;   /* REVOKED: UTC ISO 8601 */
  char                *reason;       /* REVOKED: the base's words */
  /* where revocation was checked: NULL for the base's own register, else
   * the list's date (UTC ISO 8601) */
  char                *list_issued_at;
} XsCertificateCheck;

void     xs_certificate_check_clear (XsCertificateCheck *check);

/* Checks @text against @public_key_text (xs_certificate_payload_verify()),
 * then whether the certificate was revoked: in @db when it is the issuing
 * base's own database (the caller knows: its signing key is
 * @public_key_text), else in @list (already checked against the same key),
 * else not at all. A genuine code fills @check and returns TRUE, whatever
 * its revocation status. */
gboolean xs_certificate_check       (const char         *text,
                                     const char         *public_key_text,
                                     XsDb               *db,
                                     XsRevocationList   *list,
                                     XsCertificateCheck *check,
                                     GError            **error);

G_END_DECLS
