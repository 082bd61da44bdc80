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

char *
xs_column_spec_get_name (const XsColumnSpec *spec)
{
  g_return_val_if_fail (spec != NULL && spec->aliases != NULL, NULL);

  return g_strndup (spec->aliases, strcspn (spec->aliases, "|"));
}

/* Matches the reader's current row against @specs: fills @columns and
 * returns how many of the specs it names, or -1 (@error set) when it names
 * one twice. */
static int
match_row (XsTableReader       *reader,
           const char          *file_name,
           const XsColumnSpec  *specs,
           guint                n_specs,
           int                 *columns,
           GError             **error)
{
  guint n_fields = xs_table_reader_get_n_fields (reader);
  int found = 0;

  for (guint i = 0; i < n_specs; i++)
    columns[i] = -1;

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
              g_autofree char *place = xs_header_map_place (reader, file_name);

              g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                           _("%s: the columns %u and %u both hold “%s”; delete one of them."),
                           place, columns[i] + 1, c + 1, header);
              return -1;
            }
          columns[i] = c;
          found++;
        }
    }
  return found;
}

/* Fails naming the required columns @columns lacks, as missing from the
 * header in @row. */
static gboolean
check_required (const char          *file_name,
                guint                row,
                const XsColumnSpec  *specs,
                guint                n_specs,
                const int           *columns,
                GError             **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < n_specs; i++)
    {
      if (specs[i].required && columns[i] < 0)
        {
          g_autofree char *name = xs_column_spec_get_name (&specs[i]);

          if (missing->len > 0)
            g_string_append (missing, _(", "));
          g_string_append_printf (missing, "“%s”", name);
        }
    }

  if (missing->len > 0)
    {
      g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                   _("%s:%u: the header row has no column %s. The row above the data must name its columns."),
                   file_name, row, missing->str);
      return FALSE;
    }
  return TRUE;
}

char *
xs_header_map_place (XsTableReader *reader,
                     const char    *file_name)
{
  const char *sheet;

  g_return_val_if_fail (XS_IS_TABLE_READER (reader), NULL);

  sheet = xs_table_reader_get_sheet_name (reader);
  if (xs_table_reader_get_sheet (reader) == 0 || sheet == NULL)
    return g_strdup (file_name);
  return g_strdup_printf ("%s (%s)", file_name, sheet);
}

gboolean
xs_header_map_find (XsTableReader       *reader,
                    const char          *file_name,
                    const XsColumnSpec  *specs,
                    guint                n_specs,
                    int                 *columns,
                    GError             **error)
{
  g_autofree char *first_place = NULL;   /* of the first row read, on any sheet */
  guint first_row = 0;

  g_return_val_if_fail (XS_IS_TABLE_READER (reader), FALSE);
  g_return_val_if_fail (specs != NULL && columns != NULL, FALSE);

  for (guint i = 0; i < n_specs; i++)
    columns[i] = -1;

  for (guint sheet = 0;; sheet++)
    {
      g_autoptr(GError) local_error = NULL;

      for (guint looked = 0; looked < XS_HEADER_MAP_MAX_ROWS; looked++)
        {
          int found;

          if (!xs_table_reader_next (reader, &local_error))
            {
              if (local_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              break;   /* the sheet ends */
            }
          if (first_place == NULL)
            {
              first_place = xs_header_map_place (reader, file_name);
              first_row = xs_table_reader_get_row_number (reader);
            }

          /* the header: it names some of the columns, if not all */
          found = match_row (reader, file_name, specs, n_specs, columns, error);
          if (found < 0)
            return FALSE;
          if (found > 0)
            {
              g_autofree char *place = xs_header_map_place (reader, file_name);

              return check_required (place, xs_table_reader_get_row_number (reader),
                                     specs, n_specs, columns, error);
            }
          /* else a title, a date or a note above the header */
        }

      /* a workbook whose first tab is not the table (instructions, an
       * empty Sheet1): its next sheets, a few */
      if (sheet + 1 >= XS_HEADER_MAP_MAX_SHEETS || !xs_table_reader_next_sheet (reader, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }
    }

  if (first_place == NULL)
    {
      g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                   _("%s is empty: it has no header row and no data."), file_name);
      return FALSE;
    }
  return check_required (first_place, first_row, specs, n_specs, columns, error);
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
