/* xs-certificate-templates.h: the templates a base can print with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificate-template.h"
#include "xs-db.h"

G_BEGIN_DECLS

/* The built-in designs, then the base's own templates by name
 * (XsCertificateTemplate). */
GPtrArray             *xs_certificate_templates_list   (XsDb        *db,
                                                        GError     **error);
/* The template named @name, built-in or the base's; "" or NULL for the
 * standard design in @orientation. */
XsCertificateTemplate *xs_certificate_templates_lookup (XsDb        *db,
                                                        const char  *name,
                                                        XsCertificateOrientation orientation,
                                                        GError     **error);
/* Reads, checks and keeps the template file @path in @db (one audited
 * transaction). Refuses a name already used: remove that one first. */
XsCertificateTemplate *xs_certificate_templates_add    (XsDb        *db,
                                                        const char  *path,
                                                        GError     **error);
/* Removes one of the base's templates, unless the profile prints with it.
 * Certificates issued with it keep their copy. */
gboolean               xs_certificate_templates_remove (XsDb        *db,
                                                        const char  *name,
                                                        GError     **error);

G_END_DECLS
