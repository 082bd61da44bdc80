/* xs-certificate-store-private.h: the certificate register's rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate-store.h"

G_BEGIN_DECLS

/* The valid certificate of a trainee for a year (annual) or a class
 * (completion), or NULL without error when there is none. */
XsCertificate *_xs_certificate_store_find_valid (XsDb              *db,
                                                 XsCertificateKind  kind,
                                                 gint64             trainee_id,
                                                 int                year,
                                                 gint64             class_id,
                                                 GError           **error);
/* The next serial of @kind in @year, e.g. "2018-JX-000124", and its number. */
char          *_xs_certificate_store_next_serial (XsDb              *db,
                                                 XsCertificateKind  kind,
                                                 int                year,
                                                 int               *number,
                                                 GError           **error);
/* The serial of number @number of @kind in @year. */
char          *_xs_certificate_store_format_serial (XsCertificateKind  kind,
                                                   int                year,
                                                   int                number);
/* Stores an issued certificate: its document is its snapshot. */
gboolean       _xs_certificate_store_insert     (XsDb              *db,
                                                 XsCertificate     *certificate,
                                                 int                number,
                                                 gint64             trainee_id,
                                                 gint64             class_id,
                                                 const char        *masked_id,
                                                 GError           **error);

G_END_DECLS
