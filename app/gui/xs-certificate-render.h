/* xs-certificate-render.h: a certificate's preview, read and drawn in a job
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-base-profile.h"
#include "xs-certificate.h"
#include "xs-db.h"

G_BEGIN_DECLS

/* Reads, in a job over its own connection, the certificate of @kind a
 * trainee has or would get (annual: of @year; completion: of the class
 * @class_code) and draws it at @scale_factor: a certificate not issued yet
 * with 草稿 DRAFT across it. */
void           xs_certificate_render_async  (XsDb                *db,
                                             XsBaseProfile       *profile,
                                             XsCertificateKind    kind,
                                             int                  year,
                                             const char          *class_code,
                                             gint64               trainee_id,
                                             int                  scale_factor,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* The certificate, and its picture in @texture. */
XsCertificate *xs_certificate_render_finish (GObject             *source,
                                             GAsyncResult        *result,
                                             GdkTexture         **texture,
                                             GError             **error);

G_END_DECLS
