/* xs-certificate-preview.h: one certificate's preview, drawn in a job
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-base-profile.h"
#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_CERTIFICATE_PREVIEW (xs_certificate_preview_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificatePreview, xs_certificate_preview, XS, CERTIFICATE_PREVIEW, GtkWidget)

/* The certificate the trainee "trainee-id" has or would get from its "db"
 * with its "profile": the annual one of "year", or with a "class-code"
 * the completion certificate of that class. It is read and drawn in a job;
 * the last picture stays until the new one is drawn. */
GtkWidget *xs_certificate_preview_new          (void);
/* Sets what is shown at once (one drawing, not one for each); @trainee_id
 * 0 shows nothing. */
void       xs_certificate_preview_show         (XsCertificatePreview *self,
                                                int                   year,
                                                const char           *class_code,
                                                gint64                trainee_id);
gint64     xs_certificate_preview_get_trainee_id (XsCertificatePreview *self);
/* Reads and draws the certificate again (it may just have been issued). */
void       xs_certificate_preview_redraw       (XsCertificatePreview *self);

G_END_DECLS
