/* xs-header-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-header-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-header-map.h"
#include "xs-text.h"

/* The longest header cell looked at, spaces included */
#define MAX_HEADER_BYTES 256

char *
xs_strip_spaces (char *text)
{
  char *start = text;
  char *end;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  while (*start != '\0' && xs_text_space_at (start, &length))
    start += length;

  /* Trailing: walk forward remembering where the last non-space ended. */
  end = start;
  for (char *p = start; *p != '\0';)
    {
      if (xs_text_space_at (p, &length))
        p += length;
      else
        {
          p = g_utf8_next_char (p);
          end = p;
        }
    }

  memmove (text, start, end - start);
  text[end - start] = '\0';
  return text;
}

static gboolean
header_matches (const char *header,
                const char *aliases)
{
  g_auto(GStrv) names = g_strsplit (aliases, "|", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (header, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "姓名|name" -> "姓名" for messages */
static char *
display_name (const char *aliases)
{
  const char *bar = strchr (aliases, '|');

  return bar ? g_strndup (aliases, bar - aliases) : g_strdup (aliases);
}

gboolean
xs_header_map_build (XsTableReader       *reader,
                     const char          *file_name,
                     const XsColumnSpec  *specs,
                     guint                n_specs,
                     int                 *columns,
                     GError             **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_fields;

  g_return_val_if_fail (XS_IS_TABLE_READER (reader), FALSE);
  g_return_val_if_fail (specs != NULL && columns != NULL, FALSE);

  for (guint i = 0; i < n_specs; i++)
    columns[i] = -1;

  n_fields = xs_table_reader_get_n_fields (reader);
  for (guint c = 0; c < n_fields; c++)
    {
      const char *field = xs_table_reader_get_field (reader, c);
      g_autofree char *header = NULL;
      gsize len;

      /* A column name is a few words: a longer cell names no column, and
       * only its prefix is looked at, so that hostile files with huge
       * header cells cost no more than short ones. */
      if (strnlen (field, MAX_HEADER_BYTES + 1) > MAX_HEADER_BYTES)
        continue;
      header = xs_strip_spaces (g_strdup (field));
      len = strlen (header);

      /* Templates often mark required columns: "姓名*" or "*姓名". */
      if (len > 0 && header[len - 1] == '*')
        header[len - 1] = '\0';
      if (header[0] == '*')
        memmove (header, header + 1, len);

      for (guint i = 0; i < n_specs; i++)
        {
          if (!header_matches (header, specs[i].aliases))
            continue;
          if (columns[i] >= 0)
            {
              g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                           _("%s: the columns %u and %u both hold “%s”; delete one of them."),
                           file_name, columns[i] + 1, c + 1, header);
              return FALSE;
            }
          columns[i] = c;
        }
    }

  for (guint i = 0; i < n_specs; i++)
    {
      if (specs[i].required && columns[i] < 0)
        {
          g_autofree char *name = display_name (specs[i].aliases);

          if (missing->len > 0)
            g_string_append (missing, _(", "));
          g_string_append_printf (missing, "“%s”", name);
        }
    }

  if (missing->len > 0)
    {
      g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                   _("%s:%u: the header row has no column %s. The first row must name the columns."),
                   file_name, xs_table_reader_get_row_number (reader), missing->str);
      return FALSE;
    }
  return TRUE;
}

/* Whether @text (@length bytes) starts or ends with one of the spaces that
 * xs_text_space_at() knows, that is whether xs_strip_spaces() would change it.
 * Reads only inside @text. Called for every field of every row: the bytes
 * are compared in place. */
static gboolean
starts_wide_space (const guchar *p,
                   gsize         length)
{
  return (length >= 3 && p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)   /* U+3000 */
         || (length >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) /* U+FEFF */
         || (length >= 2 && p[0] == 0xc2 && p[1] == 0xa0);                /* U+00A0 */
}

static gboolean
ends_wide_space (const guchar *end,
                 gsize         length)
{
  return (length >= 3 && end[-3] == 0xe3 && end[-2] == 0x80 && end[-1] == 0x80)
         || (length >= 3 && end[-3] == 0xef && end[-2] == 0xbb && end[-1] == 0xbf)
         || (length >= 2 && end[-2] == 0xc2 && end[-1] == 0xa0);
}

static gboolean
has_outer_space (const char *text,
                 gsize       length)
{
  const guchar *p = (const guchar *) text;

  if (length == 0)
    return FALSE;
  if (g_ascii_isspace (p[0]) || g_ascii_isspace (p[length - 1]))
    return TRUE;
  return starts_wide_space (p, length) || ends_wide_space (p + length, length);
}

const char *
xs_header_map_field (XsTableReader *reader,
                     int            column,
                     GString       *scratch)
{
  const char *field = "";
  gsize length;

  if (column >= 0 && (guint) column < xs_table_reader_get_n_fields (reader))
    field = xs_table_reader_get_field (reader, column);

  /* Most fields have nothing to strip: return the reader's own text, which
   * lives until the reader moves to the next row, longer than promised. */
  length = strlen (field);
  if (!has_outer_space (field, length))
    return field;

  g_string_truncate (scratch, 0);
  g_string_append_len (scratch, field, length);
  xs_strip_spaces (scratch->str);
  scratch->len = strlen (scratch->str);
  return scratch->str;
}
