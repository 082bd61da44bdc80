/* xs-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-text"

#include "config.h"

#include "xs-text.h"

gboolean
xs_text_space_at (const char *p,
                  gsize      *length)
{
  const guchar *u = (const guchar *) p;

  if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == '\v' || *p == '\f')
    {
      *length = 1;
      return TRUE;
    }
  /* U+3000 IDEOGRAPHIC SPACE, U+FEFF BYTE ORDER MARK (byte by byte: the
   * string may end after the first one) */
  if ((u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
      || (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf))
    {
      *length = 3;
      return TRUE;
    }
  /* U+00A0 NO-BREAK SPACE */
  if (u[0] == 0xc2 && u[1] == 0xa0)
    {
      *length = 2;
      return TRUE;
    }
  return FALSE;
}

gboolean
xs_text_fold (const char *text,
              char       *out,
              gsize       out_size,
              gboolean    lower)
{
  const char *start = text;
  const char *end;
  gsize length;
  gsize n = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  while (*start != '\0' && xs_text_space_at (start, &length))
    start += length;

  end = start;
  for (const char *p = start; *p != '\0';)
    {
      if (xs_text_space_at (p, &length))
        p += length;
      else
        {
          p = g_utf8_next_char (p);
          end = p;
        }
    }

  for (const char *p = start; p < end;)
    {
      const guchar *u = (const guchar *) p;

      if (n + 1 >= out_size)
        return FALSE;
      /* U+FF01…U+FF3F are EF BC 81…BF, U+FF40…U+FF5E are EF BD 80…9E. */
      if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x81 && u[2] <= 0xbf)
        {
          out[n++] = (char) (u[2] - 0x81 + '!');
          p += 3;
        }
      else if (u[0] == 0xef && u[1] == 0xbd && u[2] >= 0x80 && u[2] <= 0x9e)
        {
          out[n++] = (char) (u[2] - 0x80 + '`');
          p += 3;
        }
      else
        out[n++] = *p++;
      if (lower)
        out[n - 1] = g_ascii_tolower (out[n - 1]);
    }
  out[n] = '\0';
  return TRUE;
}
