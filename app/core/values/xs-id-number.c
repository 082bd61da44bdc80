/* xs-id-number.c: resident identity numbers (GB 11643-1999)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An identity number is 6 region digits, an 8-digit birth date, a 3-digit
 * sequence (odd for men, even for women) and a check character computed
 * with ISO 7064 MOD 11-2 (X stands for 10). Numbers issued before 1999 have
 * 15 digits: a 2-digit birth year ("19" omitted) and no check character.
 *
 * Imports call xs_id_number_normalize() once per row, so a clean 18-digit
 * number goes through without allocating anything but the result. Error
 * messages never repeat the number itself: it is personal data and the
 * caller already names the row.
 */
#define G_LOG_DOMAIN "xs-id-number"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "xs-id-number.h"
#include "xs-text.h"

#define ID_LENGTH        18
#define LEGACY_LENGTH    15
#define MIN_BIRTH_YEAR 1800
/* More characters than this cannot be a number with a few spaces around. */
#define MAX_INPUT_BYTES 256

G_DEFINE_QUARK (xs-id-number-error-quark, xs_id_number_error)

static const guint8 check_weights[17] = {
  7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2,
};

/* Remainder of the weighted sum mod 11 -> check character. */
static const char check_chars[] = "10X98765432";

static char
compute_check (const char *digits17)
{
  guint sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (guint) (digits17[i] - '0') * check_weights[i];
  return check_chars[sum % 11];
}

char
xs_id_number_compute_check (const char *first17)
{
  g_return_val_if_fail (first17 != NULL, '0');
  for (guint i = 0; i < 17; i++)
    g_return_val_if_fail (g_ascii_isdigit (first17[i]), '0');

  return compute_check (first17);
}

static gboolean
is_province (guint code)
{
  return (code >= 11 && code <= 15)
         || (code >= 21 && code <= 23)
         || (code >= 31 && code <= 37)
         || (code >= 41 && code <= 46)
         || (code >= 50 && code <= 54)
         || (code >= 61 && code <= 65)
         || code == 71
         || code == 81
         || code == 82;
}

static guint
parse_digits (const char *p,
              guint       n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (guint) (p[i] - '0');
  return value;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

/* "4.10102E+17", "4.1010219800101101E+17", "4.10102e17": how Excel shows a
 * long number it stored as a number, and how CSV and XLSX then carry it. */
static gboolean
looks_scientific (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  while (g_ascii_isdigit (*p))
    {
      digits = TRUE;
      p++;
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits || (*p != 'E' && *p != 'e'))
    return FALSE;
  p++;
  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

static void
set_scientific_error (GError **error)
{
  g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_SCIENTIFIC,
               _("The identity number was saved as a number (like 4.10102E+17), so its last "
                 "digits are lost. In Excel or WPS, format the identity-number column as text "
                 "(文本) and enter the numbers again."));
}

static gboolean
birth_date_in_future (guint  year,
                      guint  month,
                      guint  day,
                      GDate *today)
{
  gint64 birth = days_from_civil (year, month, day);
  GDate now;

  if (today != NULL)
    return birth > days_from_civil (g_date_get_year (today),
                                    g_date_get_month (today),
                                    g_date_get_day (today));

  /* Anything before yesterday in UTC is in the past in every time zone;
   * ask for the local date only for the few that are close. */
  if (birth < (gint64) (time (NULL) / 86400) - 1)
    return FALSE;
  g_date_clear (&now, 1);
  g_date_set_time_t (&now, time (NULL));
  return birth > days_from_civil (g_date_get_year (&now),
                                  g_date_get_month (&now),
                                  g_date_get_day (&now));
}

/* @id has 18 characters, the first 17 digits. */
static gboolean
check_region_and_birth (const char  *id,
                        GDate       *today,
                        GError     **error)
{
  guint year, month, day;

  if (!is_province (parse_digits (id, 2)))
    {
      g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_REGION,
                   _("The identity number does not start with a real region code: "
                     "“%.2s” is not a province. Check the first digits."),
                   id);
      return FALSE;
    }

  year = parse_digits (id + 6, 4);
  month = parse_digits (id + 10, 2);
  day = parse_digits (id + 12, 2);
  if (year < MIN_BIRTH_YEAR
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_BIRTH_DATE,
                   _("The birth date in the identity number (digits 7 to 14) is not a real "
                     "date. Check the number against the identity card."));
      return FALSE;
    }
  if (birth_date_in_future (year, month, day, today))
    {
      g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_BIRTH_DATE,
                   _("The birth date in the identity number (digits 7 to 14) is in the "
                     "future. Check the number against the identity card."));
      return FALSE;
    }
  return TRUE;
}

/* 17 ASCII digits and a digit, X or x, nothing before or after. */
static gboolean
is_plain (const char *text)
{
  for (guint i = 0; i < ID_LENGTH - 1; i++)
    if (text[i] < '0' || text[i] > '9')
      return FALSE;
  return ((text[17] >= '0' && text[17] <= '9') || text[17] == 'X' || text[17] == 'x')
         && text[18] == '\0';
}

char *
xs_id_number_normalize_at (const char  *text,
                           GDate       *today,
                           GError     **error)
{
  char folded[MAX_INPUT_BYTES + 1];
  char id[ID_LENGTH + 1];
  const char *digits;
  gsize n_chars;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Most numbers are typed clean: 17 ASCII digits and a digit or X, with
   * nothing to fold (once a row of a large roster). */
  if (is_plain (text))
    {
      digits = text;
      length = ID_LENGTH;
      goto plain;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_CHARACTERS,
                   _("The identity number contains bytes that are not text; "
                     "check the file’s encoding."));
      return NULL;
    }
  if (!xs_text_fold (text, folded, sizeof folded, FALSE))
    {
      g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_LENGTH,
                   _("The identity number is far too long; it needs 18 characters."));
      return NULL;
    }
  /* Numbers typed by hand are often grouped: "410102 19800101 1234". */
  {
    gsize kept = 0, space;

    for (gsize i = 0; folded[i] != '\0';)
      {
        if (xs_text_space_at (folded + i, &space))
          i += space;
        else
          folded[kept++] = folded[i++];
      }
    folded[kept] = '\0';
  }
  digits = folded;
  /* A leading apostrophe is how Excel users mark a cell as text. */
  if (digits[0] == '\'')
    digits++;

  if (digits[0] == '\0')
    {
      g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_EMPTY,
                   _("The identity number is empty."));
      return NULL;
    }

  if (looks_scientific (digits))
    {
      set_scientific_error (error);
      return NULL;
    }

  length = strlen (digits);
  for (gsize i = 0; i < length; i = g_utf8_next_char (digits + i) - digits)
    {
      char c = digits[i];

      if (g_ascii_isdigit (c))
        continue;
      if ((c == 'X' || c == 'x') && i == length - 1)
        continue;
      if (c == 'X' || c == 'x')
        g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_CHARACTERS,
                     _("Only the last character of an identity number can be X."));
      else
        {
          g_autofree char *character = g_utf8_substring (digits + i, 0, 1);

          g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_CHARACTERS,
                       _("The identity number contains “%s”; only digits and a final X "
                         "are allowed."),
                       character);
        }
      return NULL;
    }

plain:
  /* Only ASCII is left. */
  n_chars = length;
  if (n_chars == LEGACY_LENGTH)
    {
      if (digits[14] == 'X' || digits[14] == 'x')
        {
          g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_CHARACTERS,
                       _("An old 15-digit identity number has no X; check the number."));
          return NULL;
        }
      memcpy (id, digits, 6);
      id[6] = '1';
      id[7] = '9';
      memcpy (id + 8, digits + 6, 9);
      id[17] = compute_check (id);
      id[18] = '\0';
      if (!check_region_and_birth (id, today, error))
        return NULL;
      return g_strdup (id);
    }

  if (n_chars != ID_LENGTH)
    {
      g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_LENGTH,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The identity number has %u character; it needs 18 "
                                "(or 15 for an old number).",
                                "The identity number has %u characters; it needs 18 "
                                "(or 15 for an old number).",
                                (gulong) n_chars),
                   (guint) n_chars);
      return NULL;
    }

  memcpy (id, digits, ID_LENGTH);
  id[ID_LENGTH] = '\0';
  if (id[17] == 'x')
    id[17] = 'X';

  if (!check_region_and_birth (id, today, error))
    return NULL;

  if (compute_check (id) != id[17])
    {
      /* Excel keeps 15 significant digits: a number typed into a cell that
       * is not formatted as text comes back ending in 000. */
      if (memcmp (id + 15, "000", 3) == 0)
        g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_CHECK,
                     _("The check digit is wrong, and the number ends in 000: Excel or WPS "
                       "probably rounded it. Format the identity-number column as text "
                       "(文本) and enter the numbers again."));
      else
        g_set_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_CHECK,
                     _("The check digit (the last character) is wrong: a digit was probably "
                       "mistyped or two were swapped. Check the number against the identity "
                       "card."));
      return NULL;
    }

  return g_strdup (id);
}

char *
xs_id_number_normalize (const char  *text,
                        GError     **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return xs_id_number_normalize_at (text, NULL, error);
}

static gboolean
is_normalized (const char *id)
{
  for (guint i = 0; i < 17; i++)
    if (!g_ascii_isdigit (id[i]))
      return FALSE;
  return (g_ascii_isdigit (id[17]) || id[17] == 'X') && id[18] == '\0';
}

void
xs_id_number_get_birth_date (const char *normalized,
                             GDate      *date)
{
  g_return_if_fail (date != NULL);
  g_date_clear (date, 1);
  g_return_if_fail (normalized != NULL);
  g_return_if_fail (is_normalized (normalized));

  g_date_set_dmy (date,
                  (GDateDay) parse_digits (normalized + 12, 2),
                  (GDateMonth) parse_digits (normalized + 10, 2),
                  (GDateYear) parse_digits (normalized + 6, 4));
}

XsSex
xs_id_number_get_sex (const char *normalized)
{
  g_return_val_if_fail (normalized != NULL, XS_SEX_FEMALE);
  g_return_val_if_fail (is_normalized (normalized), XS_SEX_FEMALE);

  return (normalized[16] - '0') % 2 == 1 ? XS_SEX_MALE : XS_SEX_FEMALE;
}

char *
xs_id_number_mask (const char *normalized)
{
  g_return_val_if_fail (normalized != NULL, NULL);
  g_return_val_if_fail (is_normalized (normalized), NULL);

  return g_strdup_printf ("%.6s********%.4s", normalized, normalized + 14);
}

const char *
xs_sex_to_string (XsSex sex)
{
  switch (sex)
    {
    case XS_SEX_MALE:
      return "male";
    case XS_SEX_FEMALE:
      return "female";
    default:
      g_return_val_if_reached ("female");
    }
}

/* NULL (an empty database column) is not a sex, not a programming error. */
gboolean
xs_sex_from_string (const char *text,
                    XsSex      *sex)
{
  static const struct {
    const char *name;
    XsSex       sex;
  } names[] = {
    { "男", XS_SEX_MALE }, { "男性", XS_SEX_MALE },
    { "male", XS_SEX_MALE }, { "m", XS_SEX_MALE },
    { "女", XS_SEX_FEMALE }, { "女性", XS_SEX_FEMALE },
    { "female", XS_SEX_FEMALE }, { "f", XS_SEX_FEMALE },
  };
  char folded[32];

  g_return_val_if_fail (sex != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL)
      || !xs_text_fold (text, folded, sizeof folded, FALSE))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (folded, names[i].name) == 0)
      {
        *sex = names[i].sex;
        return TRUE;
      }
  return FALSE;
}
