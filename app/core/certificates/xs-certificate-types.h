/* xs-certificate-types.h: the kinds, orientations and languages of certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  XS_CERTIFICATE_ANNUAL,       /* 继续教育合格证书: the year's requirement met */
  XS_CERTIFICATE_COMPLETION,   /* 结业证书: one of the base's own classes */
} XsCertificateKind;

typedef enum
{
  XS_CERTIFICATE_PORTRAIT,
  XS_CERTIFICATE_LANDSCAPE,
} XsCertificateOrientation;

/* The language a certificate is printed in, chosen in the base's profile. */
typedef enum
{
  XS_CERTIFICATE_CHINESE,
  XS_CERTIFICATE_ENGLISH,
} XsCertificateLanguage;

G_END_DECLS
