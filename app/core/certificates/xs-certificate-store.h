/* xs-certificate-store.h: issuing certificates, once, with a snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate-pdf.h"
#include "xs-db.h"
#include "xs-signing-key.h"

G_BEGIN_DECLS

/* Which certificates an action is about. */
typedef struct
{
  XsCertificateKind   kind;
  int                 year;        /* annual: the year; completion: ignored */
  const char * const *id_numbers;  /* NULL: everyone who qualifies */
  const char         *employer;    /* NULL, or only this employer's staff */
  const char         *class_code;  /* completion: the class */
} XsCertificateQuery;

/* An issued certificate as the register lists it. */
typedef struct
{
  gint64             id;
  char              *serial;
  XsCertificateKind  kind;
  int                year;
  char              *holder;         /* the name when issued */
  char              *masked_id;      /* the identity number when issued, masked */
  char              *issued_at;      /* UTC ISO 8601 */
  char              *data_hash;      /* SHA-256 of the document JSON */
  char              *revoked_at;     /* NULL while valid */
  char              *revoke_reason;
} XsIssuedCertificate;

void                 xs_issued_certificate_free (XsIssuedCertificate *issued);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsIssuedCertificate, xs_issued_certificate_free)

/* Issues what @query names and is not issued yet, in one transaction, and
 * returns every certificate it names (XsCertificate), new and earlier ones,
 * in roster order. Those who do not qualify (not qualified for the year,
 * not in the class, their class claim rejected) are left out and described
 * in @refused (char *, one line each, in the user's terms). When the query
 * names nobody who qualifies, fails with XS_DB_ERROR_NOT_FOUND. */
GPtrArray           *xs_certificates_issue      (XsDb                        *db,
                                                 XsSigningKey                *key,
                                                 const XsCertificateSettings *settings,
                                                 const XsCertificateQuery    *query,
                                                 XsCertificateProgressFunc    progress,
                                                 gpointer                     user_data,
                                                 GCancellable                *cancellable,
                                                 guint                       *n_issued,
                                                 GPtrArray                  **refused,
                                                 GError                     **error);
/* What the certificate of one trainee looks like: the issued one when there
 * is one, else an unsigned draft without serial or QR code. Refuses those
 * who do not qualify, with the reason. */
XsCertificate       *xs_certificate_preview     (XsDb                        *db,
                                                 const XsCertificateSettings *settings,
                                                 XsCertificateKind            kind,
                                                 int                          year,
                                                 const char                  *class_code,
                                                 const char                  *id_number,
                                                 GError                     **error);
/* The stored snapshot, drawn again or as its PDF bytes (a reprint). */
XsCertificate       *xs_certificate_store_get   (XsDb                        *db,
                                                 const char                  *serial,
                                                 GError                     **error);
GBytes              *xs_certificate_store_get_pdf (XsDb                      *db,
                                                 const char                  *serial,
                                                 GError                     **error);
XsIssuedCertificate *xs_certificate_store_lookup (XsDb                       *db,
                                                 const char                  *serial,
                                                 GError                     **error);
/* The register of @year, by serial (XsIssuedCertificate). */
GPtrArray           *xs_certificate_store_list  (XsDb                        *db,
                                                 int                          year,
                                                 GError                     **error);
/* Every revoked certificate, of every year, by serial (XsIssuedCertificate). */
GPtrArray           *xs_certificate_store_list_revoked (XsDb                 *db,
                                                 GError                     **error);
/* Records that a certificate no longer stands; @reason is required. */
gboolean             xs_certificate_store_revoke (XsDb                       *db,
                                                 const char                  *serial,
                                                 const char                  *reason,
                                                 GError                     **error);

/* What issuing @query would do, without issuing anything: how many
 * certificates would be issued now, with which serials (numbered on from
 * the last one issued: @first_serial … @last_serial, NULL when none is
 * new), how many were issued before and would be written again as they
 * were, and who is refused (char *, as xs_certificates_issue() says it).
 * A text too long for the page is only found when issuing, so at most
 * @n_new are issued. */
typedef struct
{
  guint      n_new;
  guint      n_issued;
  char      *first_serial;
  char      *last_serial;
  GPtrArray *refused;
} XsCertificatePlan;

void                 xs_certificate_plan_free   (XsCertificatePlan           *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsCertificatePlan, xs_certificate_plan_free)

XsCertificatePlan   *xs_certificates_plan       (XsDb                        *db,
                                                 const XsCertificateQuery    *query,
                                                 GError                     **error);

G_END_DECLS
