/* xs-certificate-issuer.h: issuing, exporting and printing certificates
 * from a view, after saying what will happen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-certificate-store.h"

G_BEGIN_DECLS

#define XS_TYPE_CERTIFICATE_ISSUER (xs_certificate_issuer_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificateIssuer, xs_certificate_issuer, XS, CERTIFICATE_ISSUER, GObject)

/* Issues for @owner (a view: its window holds the dialogs, its toasts say
 * the result). Each run first reads in a worker what issuing would do
 * (xs_certificates_plan()) and, when any certificate would be issued,
 * asks in an AdwMessageDialog; only then issues, then writes the PDF or
 * prints. "busy", "fraction", "status" and "progress-text" follow the run;
 * "issued" is emitted when certificates were issued or written. */
XsCertificateIssuer *xs_certificate_issuer_new          (GtkWidget           *owner);

/* Which certificates: @kind of @year (annual) or of the class @class_code
 * (completion), for @trainee_ids (gint64; NULL: everyone due one). */
void                 xs_certificate_issuer_export       (XsCertificateIssuer *self,
                                                         XsDb                *db,
                                                         XsBaseProfile       *profile,
                                                         XsCertificateKind    kind,
                                                         int                  year,
                                                         const char          *class_code,
                                                         GArray              *trainee_ids,
                                                         const char          *path);
void                 xs_certificate_issuer_print        (XsCertificateIssuer *self,
                                                         XsDb                *db,
                                                         XsBaseProfile       *profile,
                                                         XsCertificateKind    kind,
                                                         int                  year,
                                                         const char          *class_code,
                                                         GArray              *trainee_ids);
/* Stops the run: a question not answered yet is answered No. */
void                 xs_certificate_issuer_cancel       (XsCertificateIssuer *self);

gboolean             xs_certificate_issuer_get_busy     (XsCertificateIssuer *self);
double               xs_certificate_issuer_get_fraction (XsCertificateIssuer *self);
/* "Issuing certificates…", "Writing the PDF…" */
const char          *xs_certificate_issuer_get_status   (XsCertificateIssuer *self);
/* "12 / 300" */
const char          *xs_certificate_issuer_get_progress_text (XsCertificateIssuer *self);

G_END_DECLS
