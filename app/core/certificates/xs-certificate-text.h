/* xs-certificate-text.h: what a certificate says, in its own language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base's profile chooses the language a certificate is printed in;
 * the desktop's locale does not change it. The certificate's texts are
 * therefore a table of their own here, not gettext messages.
 */
#pragma once

#include <glib.h>

#include "xs-certificate.h"

G_BEGIN_DECLS

typedef enum
{
  XS_CERTIFICATE_TEXT_ANNUAL_TITLE,
  XS_CERTIFICATE_TEXT_COMPLETION_TITLE,
  XS_CERTIFICATE_TEXT_NAME,
  XS_CERTIFICATE_TEXT_SEX,
  XS_CERTIFICATE_TEXT_MALE,
  XS_CERTIFICATE_TEXT_FEMALE,
  XS_CERTIFICATE_TEXT_ID_NUMBER,
  XS_CERTIFICATE_TEXT_EMPLOYER,
  XS_CERTIFICATE_TEXT_YEAR,
  XS_CERTIFICATE_TEXT_PUBLIC,
  XS_CERTIFICATE_TEXT_PROFESSIONAL,
  XS_CERTIFICATE_TEXT_TOTAL,
  XS_CERTIFICATE_TEXT_CLASS,
  XS_CERTIFICATE_TEXT_DATES,
  XS_CERTIFICATE_TEXT_HOURS,
  XS_CERTIFICATE_N_TEXTS
} XsCertificateText;

/* "zh" or "en": how the profile and the command line name a language. */
const char *xs_certificate_language_to_string   (XsCertificateLanguage  language);
/* FALSE (and @language untouched) for anything but "zh" or "en". */
gboolean    xs_certificate_language_from_string (const char            *text,
                                                 XsCertificateLanguage *language);

const char *xs_certificate_text                 (XsCertificateLanguage  language,
                                                 XsCertificateText      text);
/* "30 学时" / "30 hours" */
char       *xs_certificate_text_hours           (XsCertificateLanguage  language,
                                                 const char            *hours);
/* the public subjects' hours with the compulsory part */
char       *xs_certificate_text_public_hours    (XsCertificateLanguage  language,
                                                 const char            *hours,
                                                 const char            *compulsory);
/* "2018年5月6日" / "May 6, 2018", whatever the locale */
char       *xs_certificate_text_date            (XsCertificateLanguage  language,
                                                 int                    year,
                                                 int                    month,
                                                 int                    day);
/* "start 至 end" / "start to end" */
char       *xs_certificate_text_dates           (XsCertificateLanguage  language,
                                                 const char            *start,
                                                 const char            *end);
char       *xs_certificate_text_annual_statement (XsCertificateLanguage language,
                                                 int                    year);
char       *xs_certificate_text_completion_statement (XsCertificateLanguage language,
                                                 const char            *hours);
/* "证书编号：2018-JX-000001" / "No. 2018-JX-000001" */
char       *xs_certificate_text_serial          (XsCertificateLanguage  language,
                                                 const char            *serial);

G_END_DECLS
