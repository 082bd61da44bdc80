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
 * Reads only inside @text. */
static gboolean
has_outer_space (const char *text,
                 gsize       length)
{
  static const char * const wide[] = { "\xe3\x80\x80", "\xef\xbb\xbf", "\xc2\xa0" };
  guchar first, last;

  if (length == 0)
    return FALSE;

  first = text[0];
  last = text[length - 1];
  if (g_ascii_isspace (first) || g_ascii_isspace (last))
    return TRUE;
  /* Other bytes can neither start nor end a multibyte space. */
  if (first < 0x80 && last < 0x80)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    {
      gsize n = strlen (wide[i]);

      if (length >= n
          && (memcmp (text, wide[i], n) == 0 || memcmp (text + length - n, wide[i], n) == 0))
        return TRUE;
    }
  return FALSE;
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
