/* xs-certificate-print.h: printing certificates, one per page, through the
 * print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-certificate.h"

G_BEGIN_DECLS

#define XS_TYPE_CERTIFICATE_PRINT (xs_certificate_print_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificatePrint, xs_certificate_print, XS, CERTIFICATE_PRINT, GObject)

/* One object prints many times: the printer and its settings chosen in one
 * print are offered in the next. */
XsCertificatePrint *xs_certificate_print_new  (void);

/* The paper @certificate is printed on at 100 %: its template's size (A4
 * for the standard designs, the form's own paper otherwise, as a custom
 * paper size), no margins, in its orientation. */
GtkPageSetup       *xs_certificate_print_page_setup (XsCertificate *certificate);
/* A print operation of @certificates, one per page, each on its own
 * paper (xs_certificate_print_page_setup()), drawn at full size. */
GtkPrintOperation  *xs_certificate_print_new_operation (GPtrArray  *certificates,
                                                        const char *job_name);

/* Shows the print dialog over @parent for @certificates (XsCertificate),
 * each page on its template's paper in the orientation its certificate was
 * issued with. When
 * it ends, "finished" says @result_text (printed) or the error; nothing
 * when the print was cancelled. Does nothing while a print is running. */
void                xs_certificate_print_run  (XsCertificatePrint *self,
                                               GtkWindow          *parent,
                                               GPtrArray          *certificates,
                                               const char         *job_name,
                                               const char         *result_text);
gboolean            xs_certificate_print_get_busy (XsCertificatePrint *self);

G_END_DECLS
