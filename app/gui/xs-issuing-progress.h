/* xs-issuing-progress.h: how far issuing certificates has come, with Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-certificate-issuer.h"

G_BEGIN_DECLS

#define XS_TYPE_ISSUING_PROGRESS (xs_issuing_progress_get_type ())
G_DECLARE_FINAL_TYPE (XsIssuingProgress, xs_issuing_progress, XS, ISSUING_PROGRESS, GtkWidget)

/* Shown while its "issuer" is busy: what it does, a progress bar (which
 * tells a screen reader what it shows) and Cancel, which cancels the
 * issuer. Its "orientation" places the bar beside the words or under them. */
GtkWidget           *xs_issuing_progress_new        (XsCertificateIssuer *issuer);
XsCertificateIssuer *xs_issuing_progress_get_issuer (XsIssuingProgress   *self);
void                 xs_issuing_progress_set_issuer (XsIssuingProgress   *self,
                                                     XsCertificateIssuer *issuer);

G_END_DECLS
