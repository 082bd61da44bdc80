/* xs-phone.c: phone numbers as clerks write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-phone"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-date.h"
#include "xs-phone.h"

char *
xs_phone_normalize (const char  *text,
                    GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gsize n_digits;

  g_return_val_if_fail (text != NULL, NULL);

  /* A leading apostrophe (or a full-width one) is how Excel users mark a
   * cell as text, and how CSV written here keeps "+86 …" from being a
   * formula. */
  if (text[0] == '\'')
    text++;
  else if (g_str_has_prefix (text, "\xef\xbc\x87"))
    text += 3;

  /* Most cells hold a mobile number as it should be: 11 ASCII digits. */
  if (text[0] == '1' && text[1] >= '3' && text[1] <= '9')
    {
      guint i = 2;

      while (i < 11 && text[i] >= '0' && text[i] <= '9')
        i++;
      if (i == 11 && text[11] == '\0')
        return g_strndup (text, 11);
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)   /* full-width digits */
        c = '0' + (c - 0xFF10);
      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char) c);
      else if (c == '-' || c == 0xFF0D)
        g_string_append_c (digits, '-');
      else if (c == '+' && digits->len == 0)
        g_string_append_c (digits, '+');
      else if (!g_unichar_isspace (c) && c != 0x3000)
        goto invalid;
    }

  /* +86 / 86 country prefix on a mobile number */
  if (g_str_has_prefix (digits->str, "+86"))
    g_string_erase (digits, 0, 3);

  n_digits = 0;
  for (gsize i = 0; i < digits->len; i++)
    n_digits += g_ascii_isdigit (digits->str[i]);

  /* a mobile number, perhaps grouped as 138-0000-0000: kept as its digits */
  if (n_digits == 11 && digits->str[0] == '1' && digits->str[1] >= '3' && digits->str[1] <= '9')
    {
      gsize kept = 0;

      for (gsize i = 0; i < digits->len; i++)
        if (g_ascii_isdigit (digits->str[i]))
          digits->str[kept++] = digits->str[i];
      g_string_truncate (digits, kept);
      return g_string_free (g_steal_pointer (&digits), FALSE);
    }

  /* Landline: 0 + 2–3 digit area code, 7–8 digit number, optional extension. */
  if (digits->str[0] == '0' && n_digits >= 10 && n_digits <= 16)
    return g_string_free (g_steal_pointer (&digits), FALSE);

invalid:
  g_set_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_PHONE,
               _("The phone number is not a mobile number (11 digits) or a landline with its area code."));
  return NULL;
}

char *
xs_phone_mask (const char *phone)
{
  g_autoptr(GString) masked = NULL;
  gsize n_digits = 0, seen = 0;

  g_return_val_if_fail (phone != NULL, NULL);

  for (const char *p = phone; *p != '\0'; p++)
    n_digits += g_ascii_isdigit (*p);

  /* 139****0001: the first three and the last four digits, when at least
   * four stay hidden. */
  masked = g_string_new (NULL);
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        {
          g_string_append_c (masked, *p);
          continue;
        }
      seen++;
      if (n_digits >= 11 && (seen <= 3 || seen > n_digits - 4))
        g_string_append_c (masked, *p);
      else
        g_string_append_c (masked, '*');
    }
  return g_string_free (g_steal_pointer (&masked), FALSE);
}
