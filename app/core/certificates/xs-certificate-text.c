/* xs-certificate-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-text"

#include "config.h"

#include "xs-certificate-text.h"

/* Chinese, English: in the order of XsCertificateText. */
static const char * const texts[XS_CERTIFICATE_N_TEXTS][2] = {
  { "继续教育合格证书", "Continuing Education Certificate" },
  { "结业证书", "Certificate of Completion" },
  { "姓名", "Name" },
  { "性别", "Sex" },
  { "男", "Male" },
  { "女", "Female" },
  { "身份证号", "Identity number" },
  { "工作单位", "Employer" },
  { "年度", "Year" },
  { "公需科目", "Public subjects" },
  { "专业科目", "Professional subjects" },
  { "合计", "Total" },
  { "培训班", "Class" },
  { "日期", "Dates" },
  { "学时", "Hours" },
};

static const char * const months[12] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

#define ENGLISH(language) ((language) == XS_CERTIFICATE_ENGLISH)

const char *
xs_certificate_language_to_string (XsCertificateLanguage language)
{
  return ENGLISH (language) ? "en" : "zh";
}

gboolean
xs_certificate_language_from_string (const char            *text,
                                     XsCertificateLanguage *language)
{
  g_return_val_if_fail (language != NULL, FALSE);

  if (g_strcmp0 (text, "zh") == 0)
    *language = XS_CERTIFICATE_CHINESE;
  else if (g_strcmp0 (text, "en") == 0)
    *language = XS_CERTIFICATE_ENGLISH;
  else
    return FALSE;
  return TRUE;
}

const char *
xs_certificate_text (XsCertificateLanguage language,
                     XsCertificateText     text)
{
  g_return_val_if_fail (text < XS_CERTIFICATE_N_TEXTS, "");

  return texts[text][ENGLISH (language) ? 1 : 0];
}

char *
xs_certificate_text_hours (XsCertificateLanguage  language,
                           const char            *hours)
{
  return ENGLISH (language) ? g_strdup_printf ("%s hours", hours) : g_strdup_printf ("%s 学时", hours);
}

char *
xs_certificate_text_public_hours (XsCertificateLanguage  language,
                                  const char            *hours,
                                  const char            *compulsory)
{
  return ENGLISH (language)
         ? g_strdup_printf ("%s hours (of which compulsory %s hours)", hours, compulsory)
         : g_strdup_printf ("%s 学时（其中必修 %s 学时）", hours, compulsory);
}

char *
xs_certificate_text_date (XsCertificateLanguage language,
                          int                   year,
                          int                   month,
                          int                   day)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  return ENGLISH (language)
         ? g_strdup_printf ("%s %d, %d", months[month - 1], day, year)
         : g_strdup_printf ("%d年%d月%d日", year, month, day);
}

char *
xs_certificate_text_dates (XsCertificateLanguage  language,
                           const char            *start,
                           const char            *end)
{
  return ENGLISH (language) ? g_strdup_printf ("%s to %s", start, end) : g_strdup_printf ("%s 至 %s", start, end);
}

char *
xs_certificate_text_annual_statement (XsCertificateLanguage language,
                                      int                   year)
{
  return ENGLISH (language)
         ? g_strdup_printf ("Having been reviewed, the holder has completed the continuing education of %d "
                            "and was assessed as qualified. This certificate is issued accordingly.", year)
         : g_strdup_printf ("经审核，该同志已完成 %d 年度继续教育学习，考核合格，特发此证。", year);
}

char *
xs_certificate_text_completion_statement (XsCertificateLanguage  language,
                                          const char            *hours)
{
  return ENGLISH (language)
         ? g_strdup_printf ("The holder attended the class above, completed all of its %s and has graduated.", hours)
         : g_strdup_printf ("该同志参加上述培训班学习，完成全部 %s，准予结业。", hours);
}

char *
xs_certificate_text_serial (XsCertificateLanguage  language,
                            const char            *serial)
{
  return ENGLISH (language) ? g_strdup_printf ("No. %s", serial) : g_strdup_printf ("证书编号：%s", serial);
}
