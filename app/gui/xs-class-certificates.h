/* xs-class-certificates.h: a class's completion certificates (结业证书)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-base-profile.h"
#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_CLASS_CERTIFICATES (xs_class_certificates_get_type ())
G_DECLARE_FINAL_TYPE (XsClassCertificates, xs_class_certificates, XS, CLASS_CERTIFICATES, GtkWidget)

/* The certificates of the class @code of @year, whose first member (the
 * one the preview shows) is @first_trainee_id; @code NULL or no member
 * (@first_trainee_id 0): nothing to issue. Read from its "db" with its
 * "profile". */
void     xs_class_certificates_show_class (XsClassCertificates *self,
                                           int                  year,
                                           const char          *code,
                                           gint64               first_trainee_id);
/* Issues (after asking) and writes the class's certificates to @file, or
 * prints them; "busy" while it runs. */
void     xs_class_certificates_export     (XsClassCertificates *self,
                                           GFile               *file);
void     xs_class_certificates_print      (XsClassCertificates *self);
gboolean xs_class_certificates_get_busy   (XsClassCertificates *self);

G_END_DECLS
