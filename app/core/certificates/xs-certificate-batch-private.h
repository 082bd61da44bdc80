/* xs-certificate-batch-private.h: the certificates of one kind for one year
 * or class, who is due one and what they are drawn with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate-store.h"

G_BEGIN_DECLS

/* Someone a certificate is about to be issued to. */
typedef struct
{
  gint64  trainee_id;
  char   *id_number;
  char   *name;
  char   *employer;
  int     public_hours;
  int     compulsory;
  int     professional;
  int     total;
} XsCertificateHolder;

#define XS_TYPE_CERTIFICATE_BATCH (xs_certificate_batch_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificateBatch, xs_certificate_batch, XS, CERTIFICATE_BATCH, GObject)

/* Who @query names that is due a certificate (read from @db: the caller
 * holds a snapshot); those it names who are not are described in the
 * refusals (xs_certificate_batch_steal_refusals()). */
XsCertificateBatch        *xs_certificate_batch_new        (XsDb                        *db,
                                                            const XsCertificateQuery    *query,
                                                            GError                     **error);
/* What the certificates are drawn with: @settings (copied), their seal
 * and template, signed with @key (NULL: unsigned previews, without serial
 * or QR code). Refuses an unreadable seal, an unknown template or an
 * offset out of range. */
gboolean                   xs_certificate_batch_set_drawing (XsCertificateBatch         *self,
                                                            XsSigningKey                *key,
                                                            const XsCertificateSettings *settings,
                                                            GError                     **error);
XsCertificateKind          xs_certificate_batch_get_kind   (XsCertificateBatch          *self);
/* The certificates' year: the query's, or the class's. */
int                        xs_certificate_batch_get_year   (XsCertificateBatch          *self);
/* The class's id, 0 for annual certificates. */
gint64                     xs_certificate_batch_get_class_id (XsCertificateBatch        *self);
guint                      xs_certificate_batch_get_n_holders (XsCertificateBatch       *self);
const XsCertificateHolder *xs_certificate_batch_get_holder (XsCertificateBatch          *self,
                                                            guint                        i);
/* The valid certificate issued to @holder before, or NULL (@error unset). */
XsCertificate             *xs_certificate_batch_find_issued (XsCertificateBatch         *self,
                                                            const XsCertificateHolder   *holder,
                                                            GError                     **error);
/* The next free serial, and its number. */
char                      *xs_certificate_batch_next_serial (XsCertificateBatch         *self,
                                                            int                         *number,
                                                            GError                     **error);
char                      *xs_certificate_batch_format_serial (XsCertificateBatch       *self,
                                                            int                          number);
/* The document of @holder's certificate with @serial (NULL for a preview),
 * after xs_certificate_batch_set_drawing(). */
XsCertificate             *xs_certificate_batch_build      (XsCertificateBatch          *self,
                                                            const XsCertificateHolder   *holder,
                                                            const char                  *serial,
                                                            GError                     **error);
/* Adds "王伟 (4111**********001X): @reason" to the refusals. */
void                       xs_certificate_batch_refuse     (XsCertificateBatch          *self,
                                                            const XsCertificateHolder   *holder,
                                                            const char                  *reason);
/* The refusals so far (char *, one line each); the batch starts a new list. */
GPtrArray                 *xs_certificate_batch_steal_refusals (XsCertificateBatch      *self);

G_END_DECLS
