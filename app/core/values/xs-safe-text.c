/* xs-safe-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-safe-text"

#include "config.h"

#include <string.h>

#include "xs-safe-text.h"

gboolean
xs_safe_text_is_formula (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

void
xs_safe_text_append_csv_cell (GString    *out,
                              const char *text)
{
  gboolean formula;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  formula = xs_safe_text_is_formula (text);
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      if (formula)
        g_string_append_c (out, '\'');
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c < 0xa0)
         || c == 0x061c                       /* ARABIC LETTER MARK */
         || c == 0x200e || c == 0x200f        /* LRM, RLM */
         || (c >= 0x2028 && c <= 0x202e)      /* separators, embeddings, overrides */
         || (c >= 0x2066 && c <= 0x2069);     /* isolates */
}

gboolean
xs_safe_text_has_control (const char *text,
                          gunichar   *found)
{
  const char *end = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!g_utf8_validate (text, -1, &end))
    {
      if (found != NULL)
        *found = (guchar) *end;
      return TRUE;
    }
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_control (c))
        {
          if (found != NULL)
            *found = c;
          return TRUE;
        }
    }
  return FALSE;
}

char *
xs_safe_text_for_terminal (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  if (!xs_safe_text_has_control (text, NULL))
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 16);
  p = text;
  while (*p)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if (c < 0x100 && is_control (c))
        g_string_append_printf (out, "\\x%02X", c);
      else if (is_control (c))
        g_string_append_printf (out, "\\u{%04X}", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}
