/* xs-date.c: dates and hours as base clerks write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Values come from CSV files that Chinese Excel and WPS saved, from XLSX
 * cells (numbers as the file stores them: "43226", "2018.0", "1.5"), and
 * from the command line. Everything is trimmed of ASCII and full-width
 * spaces, and full-width digits and punctuation ("２０１８．５．６") count
 * as their ASCII forms.
 */
#define G_LOG_DOMAIN "xs-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-date.h"
#include "xs-text.h"

#define MAX_VALUE_BYTES 128

#define MIN_DATE_YEAR 1900
#define MAX_DATE_YEAR 2100
#define MIN_YEAR      1990
#define MAX_YEAR      2100
/* 2100-12-31 in the 1900 date system */
#define MAX_SERIAL    73415
/* 1900-02-29, a day that only exists in Lotus 1-2-3 and Excel */
#define BOGUS_SERIAL  60
#define MAX_TENTHS    10000

G_DEFINE_QUARK (xs-value-error-quark, xs_value_error)

/* Reads 1 to @max_digits digits; FALSE when there is none. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  return n > 0 && !g_ascii_isdigit (**p);
}

static void
skip_spaces (const char **p)
{
  gsize length;

  while (**p != '\0' && xs_text_space_at (*p, &length))
    *p += length;
}

static gboolean
skip_prefix (const char **p,
             const char  *prefix)
{
  gsize length = strlen (prefix);

  if (strncmp (*p, prefix, length) != 0)
    return FALSE;
  *p += length;
  return TRUE;
}

/* What may follow a date: nothing, or a time of day that spreadsheets add
 * to date cells (" 0:00", " 00:00:00", "T08:30:00.000"). */
static gboolean
is_time_or_end (const char *p)
{
  guint value;

  if (*p == '\0')
    return TRUE;
  if (*p != 'T' && *p != 't' && *p != ' ' && *p != '\t')
    return FALSE;
  p++;
  skip_spaces (&p);
  if (!read_number (&p, 2, &value) || value > 23 || *p++ != ':')
    return FALSE;
  if (!read_number (&p, 2, &value) || value > 59)
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, &value) || value > 60)
        return FALSE;
      if (*p == '.')
        for (p++; g_ascii_isdigit (*p); p++)
          ;
    }
  return *p == '\0';
}

static guint
digits_value (const char *p,
              gsize       n)
{
  guint value = 0;

  for (gsize i = 0; i < n; i++)
    value = value * 10 + (guint) (p[i] - '0');
  return value;
}

static gboolean
all_digits (const char *p,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

static gboolean
set_dmy (const char  *shown,
         guint        year,
         guint        month,
         guint        day,
         GDate       *date,
         GError     **error)
{
  if (year < MIN_DATE_YEAR || year > MAX_DATE_YEAR)
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_DATE,
                   _("The date “%s” is not between %d and %d."),
                   shown, MIN_DATE_YEAR, MAX_DATE_YEAR);
      return FALSE;
    }
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_DATE,
                   _("The date “%s” does not exist; check the month and the day."), shown);
      return FALSE;
    }
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* "43226" or "43226.5": days since 1899-12-30 in Excel's 1900 date system,
 * which counts a 29 February 1900 that never was: serials before 60 are one
 * day later than the count says. */
static gboolean
parse_serial (const char  *text,
              GDate       *date,
              GError     **error)
{
  const char *p = text;
  guint serial = 0;
  gsize n_digits = 0;

  for (; g_ascii_isdigit (*p); p++, n_digits++)
    if (n_digits < 9)
      serial = serial * 10 + (guint) (*p - '0');

  if (n_digits > 9 || serial < 1 || serial > MAX_SERIAL)
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_DATE,
                   _("The number %s is not a spreadsheet date between 1900 and %d; "
                     "write the date as 2018-05-06."),
                   text, MAX_DATE_YEAR);
      return FALSE;
    }
  if (serial == BOGUS_SERIAL)
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_DATE,
                   _("The spreadsheet date %s is 29 February 1900, which does not exist; "
                     "write the date as 2018-05-06."),
                   text);
      return FALSE;
    }

  if (serial < BOGUS_SERIAL)
    g_date_set_dmy (date, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (date, 30, G_DATE_DECEMBER, 1899);
  g_date_add_days (date, serial);
  return TRUE;
}

gboolean
xs_date_parse (const char  *text,
               GDate       *date,
               GError     **error)
{
  char folded[MAX_VALUE_BYTES];
  const char *p;
  guint year, month, day;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_date_clear (date, 1);

  if (!xs_text_fold (text, folded, sizeof folded, FALSE))
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_DATE,
                   _("The date is too long or is not text; write it as 2018-05-06."));
      return FALSE;
    }
  if (folded[0] == '\0')
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_DATE,
                   _("The date is empty."));
      return FALSE;
    }

  length = strlen (folded);

  /* Numbers: 20180506, a year by mistake, or a spreadsheet serial. */
  p = folded;
  while (g_ascii_isdigit (*p))
    p++;
  if (p > folded && (*p == '\0' || (*p == '.' && all_digits (p + 1, strlen (p + 1)))))
    {
      gsize n_digits = (gsize) (p - folded);

      if (*p == '\0' && n_digits == 8)
        return set_dmy (folded, digits_value (folded, 4), digits_value (folded + 4, 2),
                        digits_value (folded + 6, 2), date, error);
      /* "2018" or "2018.5" is a year (and a month?), not serial 2018 in 1905. */
      if (n_digits == 4)
        {
          year = digits_value (folded, 4);
          if (year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR)
            {
              g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_DATE,
                           _("“%s” is not a whole date; write it as 2018-05-06."),
                           folded);
              return FALSE;
            }
        }
      return parse_serial (folded, date, error);
    }

  /* 2018-05-06, 2018/5/6, 2018.5.6 */
  p = folded;
  if (length >= 8 && all_digits (folded, 4)
      && (folded[4] == '-' || folded[4] == '/' || folded[4] == '.'))
    {
      char separator = folded[4];

      year = digits_value (folded, 4);
      p += 5;
      if (read_number (&p, 2, &month) && *p++ == separator
          && read_number (&p, 2, &day) && is_time_or_end (p))
        return set_dmy (folded, year, month, day, date, error);
    }

  /* 2018年5月6日, with or without 日, spaces allowed between the parts */
  p = folded;
  if (read_number (&p, 4, &year) && p - folded == 4)
    {
      skip_spaces (&p);
      if (skip_prefix (&p, "年"))
        {
          skip_spaces (&p);
          if (read_number (&p, 2, &month))
            {
              skip_spaces (&p);
              if (skip_prefix (&p, "月"))
                {
                  skip_spaces (&p);
                  if (read_number (&p, 2, &day))
                    {
                      skip_spaces (&p);
                      if (!skip_prefix (&p, "日"))
                        skip_prefix (&p, "号");
                      if (is_time_or_end (p))
                        return set_dmy (folded, year, month, day, date, error);
                    }
                }
            }
        }
    }

  g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_DATE,
               _("“%s” is not a date; write it as 2018-05-06, 2018/5/6 or 2018年5月6日."),
               folded);
  return FALSE;
}

char *
xs_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* NULL (an empty database column) is not a date, and not a programming
 * error: @date is cleared and FALSE returned. */
gboolean
xs_date_parse_iso (const char *text,
                   GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10
      || !all_digits (text, 4) || text[4] != '-'
      || !all_digits (text + 5, 2) || text[7] != '-'
      || !all_digits (text + 8, 2))
    return FALSE;

  year = digits_value (text, 4);
  month = digits_value (text + 5, 2);
  day = digits_value (text + 8, 2);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static void
set_hours_error (GError     **error,
                 const char  *shown)
{
  g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_HOURS,
               _("The hours (学时) “%s” are not a number like 8 or 1.5."), shown);
}

gboolean
xs_hours_parse (const char  *text,
                int         *tenths,
                GError     **error)
{
  char folded[MAX_VALUE_BYTES];
  char *p;
  const char *fraction = "";
  gsize int_digits = 0;
  gsize fraction_digits = 0;
  gint64 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (tenths != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xs_text_fold (text, folded, sizeof folded, FALSE))
    {
      set_hours_error (error, "…");
      return FALSE;
    }

  /* "8学时", "8 小时" */
  if (g_str_has_suffix (folded, "学时") || g_str_has_suffix (folded, "小时"))
    {
      folded[strlen (folded) - strlen ("学时")] = '\0';
      g_strchomp (folded);
    }

  if (folded[0] == '\0')
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_HOURS,
                   _("The hours (学时) are empty."));
      return FALSE;
    }
  if (folded[0] == '-')
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_HOURS,
                   _("The hours (学时) must be more than 0."));
      return FALSE;
    }

  p = folded;
  for (; g_ascii_isdigit (*p); p++, int_digits++)
    if (value <= MAX_TENTHS)
      value = value * 10 + (*p - '0');
  if (*p == '.')
    {
      fraction = ++p;
      while (g_ascii_isdigit (*p))
        p++;
      fraction_digits = (gsize) (p - fraction);
    }
  if (*p != '\0' || (int_digits == 0 && fraction_digits == 0))
    {
      set_hours_error (error, folded);
      return FALSE;
    }

  /* "1.50" is 1.5; trailing zeros say nothing. */
  while (fraction_digits > 0 && fraction[fraction_digits - 1] == '0')
    fraction_digits--;

  value *= 10;
  if (fraction_digits >= 1)
    value += fraction[0] - '0';

  if (fraction_digits > 1)
    {
      /* A spreadsheet's binary rounding, as an XLSX file stores it:
       * "12.199999999999999" or "1.5000000000000002" mean 12.2 and 1.5. */
      const char *rest = fraction + 1;
      gsize n_rest = fraction_digits - 1;
      gsize zeros = strspn (rest, "0");
      gsize nines = strspn (rest, "9");

      if (n_rest >= 9 && zeros >= 8)
        ;
      else if (n_rest >= 9 && nines >= 8)
        value++;
      else
        {
          g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_HOURS,
                       _("The hours (学时) “%s” have more than one decimal place; "
                         "round them to one, like 1.5."),
                       folded);
          return FALSE;
        }
    }

  if (value <= 0)
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_HOURS,
                   _("The hours (学时) must be more than 0."));
      return FALSE;
    }
  if (value > MAX_TENTHS)
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_HOURS,
                   _("The hours (学时) “%s” are more than %d; is this the right column?"),
                   folded, MAX_TENTHS / 10);
      return FALSE;
    }

  *tenths = (int) value;
  return TRUE;
}

char *
xs_hours_format (int tenths)
{
  guint magnitude = tenths < 0 ? (guint) -(gint64) tenths : (guint) tenths;
  const char *sign = tenths < 0 ? "-" : "";

  if (magnitude % 10 == 0)
    return g_strdup_printf ("%s%u", sign, magnitude / 10);
  return g_strdup_printf ("%s%u.%u", sign, magnitude / 10, magnitude % 10);
}

char *
xs_months_format (double months)
{
  /* NaN and the infinities fail the test */
  if (!(months > -1e6 && months < 1e6))
    return g_strdup ("?");
  return xs_hours_format ((int) (months * 10 + (months < 0 ? -0.5 : 0.5)));
}

gboolean
xs_year_parse (const char  *text,
               int         *year,
               GError     **error)
{
  char folded[MAX_VALUE_BYTES];
  const char *p;
  guint value = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!xs_text_fold (text, folded, sizeof folded, FALSE))
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_YEAR,
                   _("The year (年度) is not a year like 2018."));
      return FALSE;
    }
  if (folded[0] == '\0')
    {
      g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_YEAR,
                   _("The year (年度) is empty."));
      return FALSE;
    }

  p = folded;
  if (read_number (&p, 4, &value) && p - folded == 4)
    {
      /* "2018.0" is how an XLSX number cell may carry it. */
      if (*p == '.' && p[1] != '\0' && strspn (p + 1, "0") == strlen (p + 1))
        p += strlen (p);
      skip_spaces (&p);
      if (!skip_prefix (&p, "年度"))
        skip_prefix (&p, "年");
      if (*p == '\0')
        {
          if (value < MIN_YEAR || value > MAX_YEAR)
            {
              g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_YEAR,
                           _("The year (年度) %u is not between %d and %d."),
                           value, MIN_YEAR, MAX_YEAR);
              return FALSE;
            }
          *year = (int) value;
          return TRUE;
        }
    }

  g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_YEAR,
               _("The year (年度) “%s” is not a year like 2018."), folded);
  return FALSE;
}

gboolean
xs_boolean_parse (const char  *text,
                  gboolean    *value,
                  GError     **error)
{
  static const struct {
    const char *word;
    gboolean    value;
  } words[] = {
    { "是", TRUE }, { "否", FALSE },
    { "必修", TRUE }, { "选修", FALSE },
    { "必修课", TRUE }, { "选修课", FALSE },
    { "yes", TRUE }, { "no", FALSE },
    { "y", TRUE }, { "n", FALSE },
    { "true", TRUE }, { "false", FALSE },
    { "1", TRUE }, { "0", FALSE },
    { "√", TRUE }, { "×", FALSE },
    { "✓", TRUE }, { "✔", TRUE }, { "✗", FALSE }, { "✘", FALSE },
  };
  char folded[MAX_VALUE_BYTES];

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (xs_text_fold (text, folded, sizeof folded, TRUE))
    {
      if (folded[0] == '\0')
        {
          *value = FALSE;
          return TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        if (strcmp (folded, words[i].word) == 0)
          {
            *value = words[i].value;
            return TRUE;
          }
    }

  if (!xs_text_fold (text, folded, sizeof folded, FALSE))
    g_strlcpy (folded, "…", sizeof folded);
  g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_BOOLEAN,
               _("“%s” is not 是 or 否."), folded);
  return FALSE;
}
