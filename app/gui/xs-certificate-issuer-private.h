/* xs-certificate-issuer-private.h: what the issuer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate-issuer.h"
#include "xs-job.h"

G_BEGIN_DECLS

struct _XsCertificateIssuer
{
  GObject            parent_instance;

  GtkWidget         *owner;          /* weak */
  XsJob             *job;
  GCancellable      *cancellable;
  AdwMessageDialog  *dialog;         /* the question, while it is asked */
  char              *data_dir;
  gboolean           busy;
  double             fraction;
  const char        *status;
  char              *progress_text;

  GtkPrintOperation *print_operation;
  GtkPrintSettings  *print_settings;
  char              *print_result;
};

/* xs-certificate-issuer.c: the result in a toast of the owner's window */
void _xs_certificate_issuer_show_toast (XsCertificateIssuer *self,
                                        const char          *text);

/* xs-certificate-issuer-print.c: @certificates (XsCertificate) to the
 * print dialog, as @job_name; @result_text is said once printed. */
void _xs_certificate_issuer_print      (XsCertificateIssuer *self,
                                        GPtrArray           *certificates,
                                        const char          *job_name,
                                        const char          *result_text);

G_END_DECLS
