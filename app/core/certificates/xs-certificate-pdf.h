/* xs-certificate-pdf.h: certificates as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate.h"
#include "xs-pdf-key.h"

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

G_END_DECLS
