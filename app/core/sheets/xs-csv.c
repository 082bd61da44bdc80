/* xs-csv.c: RFC 4180 CSV as Chinese Excel and WPS save it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole file is decoded to UTF-8 once, into one buffer that this module
 * owns. Records are then parsed in place: quoted fields are unescaped over
 * their own bytes and every field is terminated by overwriting the byte
 * after it, so a row costs no allocation at all.
 *
 * A large UTF-8 file is a private mapping of the file (see
 * xs-table-reader.c): it is checked a window at a time, and the pages
 * behind the record being read are given back as the reader goes, so that
 * memory stays flat whatever the file's length. (A file in another
 * encoding is converted whole: its UTF-8 text is in memory once.)
 */
#define G_LOG_DOMAIN "xs-csv"

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "xs-csv-private.h"
#include "xs-table-error.h"

struct _XsCsv
{
  char       *data;          /* UTF-8, NUL at data[len] */
  gsize       len;
  char       *text;          /* data past a byte-order mark */
  char       *pos;
  char       *end;
  GPtrArray  *fields;        /* borrowed pointers into data */
  guint       row_number;    /* of the current record */
  guint       n_records;     /* records consumed, empty ones included */
  char       *encoding;
  char       *display_name;
  GBytes     *mapped;        /* owns data when it is the file's mapping */
  char       *released;      /* pages before this were given back */
};

/* Pages are given back (and a mapped file checked) this many bytes at a
 * time. */
#define WINDOW ((gsize) 1024 * 1024)

static void
data_free (XsCsv *self)
{
  if (self->mapped != NULL)
    g_clear_pointer (&self->mapped, g_bytes_unref);
  else
    g_free (self->data);
  self->data = NULL;
}

/* Gives back the whole pages between self->released and @to: parsed (or
 * checked) text never looked at again. A mapped page comes back from the
 * file if it is read after all; a buffer's page as zeros. */
static void
release_before (XsCsv *self,
                char  *to)
{
  guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
  guintptr from = MAX ((guintptr) self->released, ((guintptr) self->data + page - 1) & ~(page - 1));
  guintptr until = (guintptr) to & ~(page - 1);

  if (until <= from || until - from < WINDOW)
    return;
  madvise ((void *) from, until - from, MADV_DONTNEED);
  self->released = (char *) until;
}

/* Bytes that end an unquoted field. */
static const guint8 field_end[256] = {
  ['\0'] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1,
};

static gboolean
is_utf8_name (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "UTF-8") == 0
         || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

/* The spreadsheet row of the record that holds byte @len of @text: one
 * plus the line breaks outside quotes before it. */
static guint
count_rows (const char *text,
            gsize       len)
{
  gboolean quoted = FALSE;
  guint rows = 1;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == '\n')
        rows++;
      else if (!quoted && c == '\r' && !(i + 1 < len && text[i + 1] == '\n'))
        rows++;
    }
  return rows;
}

/* The row of the first byte that is not valid in @from_encoding, found by
 * decoding the part before it. */
static guint
row_of_bad_bytes (const char *data,
                  gsize       bad_offset,
                  const char *from_encoding)
{
  g_autofree char *prefix = NULL;
  gsize written = 0;

  if (from_encoding == NULL)
    return count_rows (data, bad_offset);

  prefix = g_convert (data, bad_offset, "UTF-8", from_encoding, NULL, &written, NULL);
  if (prefix == NULL)
    return count_rows (data, bad_offset);
  return count_rows (prefix, written);
}

static void
set_not_text_error (XsCsv   *self,
                    GError **error)
{
  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
               _("“%s” is neither a CSV text file nor an .xlsx workbook. "
                 "Open it in Excel or WPS, save it as .xlsx or as CSV (comma delimited) "
                 "and import it again."),
               self->display_name);
}

/* Converts the owned bytes to UTF-8 from @from; on success replaces
 * self->data. */
static gboolean
convert_data (XsCsv       *self,
              const char  *from,
              gboolean     detected,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  gsize written = 0;
  char *converted;

  converted = g_convert (self->data, self->len, "UTF-8", from,
                         &bytes_read, &written, &local_error);
  if (converted == NULL)
    {
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        {
          g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_ENCODING,
                       _("The encoding “%s” is not known. Choose another encoding, "
                         "such as GB18030 or UTF-8."),
                       from);
        }
      else if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE)
               || g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_PARTIAL_INPUT))
        {
          guint row = row_of_bad_bytes (self->data, MIN (bytes_read, self->len), from);

          if (detected)
            g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_ENCODING,
                         _("“%s”, row %u: the text is neither UTF-8 nor GB18030. "
                           "Save the file again from Excel or WPS as CSV, "
                           "or choose its encoding, and import it again."),
                         self->display_name, row);
          else
            g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_ENCODING,
                         _("“%s”, row %u: the text is not valid %s. "
                           "Choose the file’s real encoding (Chinese Excel and WPS "
                           "save CSV as GB18030 or UTF-8) and import it again."),
                         self->display_name, row, from);
        }
      else
        {
          g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_ENCODING,
                       _("“%s” could not be read as %s text: %s"),
                       self->display_name, from, local_error->message);
        }
      return FALSE;
    }

  data_free (self);
  self->data = converted;
  self->len = written;
  self->released = NULL;
  return TRUE;
}

/* Looks at the whole text for a NUL byte and, with @validate, for bytes
 * that are not UTF-8 (@bad: the first), a window at a time, giving the
 * window back after it when the text is the file's mapping. Returns FALSE
 * when it finds a NUL. */
static gboolean
scan_text (XsCsv       *self,
           gboolean     validate,
           const char **bad)
{
  const char *p = self->data;
  const char *end = self->data + self->len;

  *bad = NULL;
  while (p < end)
    {
      gsize n = MIN (WINDOW, (gsize) (end - p));
      const char *stop = NULL;

      if (memchr (p, '\0', n) != NULL)
        return FALSE;
      if (validate && *bad == NULL && !g_utf8_validate_len (p, n, &stop))
        {
          /* A character cut by the window's end is checked with the next. */
          if (p + n < end && p + n - stop < 4)
            n = stop - p;
          else
            *bad = stop;
        }
      p += n;
      if (self->mapped != NULL)
        release_before (self, (char *) p);
      if (n == 0)
        break;
    }
  return TRUE;
}

static gboolean
check_utf8 (XsCsv       *self,
            const char  *bad,
            GError     **error)
{
  if (bad == NULL)
    return TRUE;

  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_ENCODING,
               _("“%s”, row %u: the text is not valid UTF-8. "
                 "Choose the file’s real encoding (Chinese Excel and WPS "
                 "save CSV as GB18030 or UTF-8) and import it again."),
               self->display_name, row_of_bad_bytes (self->data, bad - self->data, NULL));
  return FALSE;
}

static gboolean
decode (XsCsv       *self,
        const char  *encoding,
        GError     **error)
{
  const guint8 *raw = (const guint8 *) self->data;
  gboolean utf8_bom = self->len >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF;
  const char *utf16 = NULL;

  if (self->len >= 2 && raw[0] == 0xFF && raw[1] == 0xFE)
    utf16 = "UTF-16LE";
  else if (self->len >= 2 && raw[0] == 0xFE && raw[1] == 0xFF)
    utf16 = "UTF-16BE";

  if (encoding != NULL && !is_utf8_name (encoding))
    {
      if (!convert_data (self, encoding, FALSE, error))
        return FALSE;
      self->encoding = g_ascii_strup (encoding, -1);
    }
  else if (encoding == NULL && utf16 != NULL)
    {
      /* “Unicode text” from Excel; the BOM survives as U+FEFF, removed below */
      if (!convert_data (self, utf16, FALSE, error))
        return FALSE;
      self->encoding = g_strdup (utf16);
    }
  else
    {
      const char *bad = NULL;

      if (!scan_text (self, TRUE, &bad))
        {
          set_not_text_error (self, error);
          return FALSE;
        }
      self->released = NULL;

      if (encoding != NULL || utf8_bom)
        {
          if (!check_utf8 (self, bad, error))
            return FALSE;
          self->encoding = g_strdup ("UTF-8");
        }
      else if (bad == NULL)
        {
          self->encoding = g_strdup ("UTF-8");
        }
      else
        {
          if (!convert_data (self, "GB18030", TRUE, error))
            return FALSE;
          self->encoding = g_strdup ("GB18030");
        }
    }

  /* The converted text may hold a NUL where the original did not */
  if (self->mapped == NULL && memchr (self->data, '\0', self->len) != NULL)
    {
      set_not_text_error (self, error);
      return FALSE;
    }

  self->text = self->data;
  if (self->len >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    self->text += 3;
  self->pos = self->text;
  self->end = self->data + self->len;
  return TRUE;
}

XsCsv *
_xs_csv_new (GBytes      *bytes,
             gboolean     mapped,
             const char  *encoding,
             const char  *display_name,
             GError     **error)
{
  g_autoptr(XsCsv) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (XsCsv, 1);
  self->display_name = g_strdup (display_name);
  self->fields = g_ptr_array_sized_new (16);

  if (mapped)
    {
      /* Writable, and followed by a NUL (see xs-table-reader.c) */
      self->mapped = bytes;
      self->data = (char *) g_bytes_get_data (bytes, &self->len);
    }
  else
    {
      /* Steals the buffer when @bytes holds the only reference */
      self->data = g_bytes_unref_to_data (bytes, &self->len);
      self->data = g_realloc (self->data, self->len + 1);
      self->data[self->len] = '\0';
    }

  if (!decode (self, encoding, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
_xs_csv_free (XsCsv *self)
{
  if (self == NULL)
    return;
  data_free (self);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self->encoding);
  g_free (self->display_name);
  g_free (self);
}

/* Parses one record at self->pos. */
static gboolean
read_record (XsCsv   *self,
             GError **error)
{
  char *p = self->pos;
  char *end = self->end;

  g_ptr_array_set_size (self->fields, 0);
  self->row_number = ++self->n_records;

  for (;;)
    {
      char *start;
      char *stop;
      char c;

      if (*p == '"')
        {
          char *w;

          start = w = ++p;
          for (;;)
            {
              char *q = memchr (p, '"', end - p);

              if (q == NULL)
                {
                  self->pos = end;
                  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                               _("“%s”, row %u: a quoted field is never closed. "
                                 "Look for a stray quotation mark (\") in that row, "
                                 "or check that the file is complete."),
                               self->display_name, self->row_number);
                  return FALSE;
                }
              if (w != p)
                memmove (w, p, q - p);
              w += q - p;
              p = q + 1;
              if (*p != '"')
                break;
              *w++ = '"';
              p++;
            }
          /* Text after the closing quote is kept, as Excel does */
          while (!field_end[(guint8) *p])
            *w++ = *p++;
          stop = w;
        }
      else
        {
          start = p;
          while (!field_end[(guint8) *p])
            p++;
          stop = p;
        }

      c = p < end ? *p : '\0';
      *stop = '\0';
      g_ptr_array_add (self->fields, start);

      if (c == ',')
        {
          p++;
          continue;
        }
      if (c == '\r')
        {
          p++;
          if (*p == '\n')
            p++;
        }
      else if (c == '\n')
        {
          p++;
        }
      else if (p < end)
        {
          /* A NUL cannot be here: decode() refused them */
          g_assert_not_reached ();
        }
      break;
    }

  self->pos = p;
  return TRUE;
}

gboolean
_xs_csv_next (XsCsv   *self,
              GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The previous record's fields are no longer needed. */
  release_before (self, self->pos);

  while (self->pos < self->end)
    {
      gboolean empty = TRUE;

      if (!read_record (self, error))
        return FALSE;

      for (guint i = 0; i < self->fields->len && empty; i++)
        empty = *(const char *) g_ptr_array_index (self->fields, i) == '\0';
      if (!empty)
        return TRUE;
    }

  g_ptr_array_set_size (self->fields, 0);
  return FALSE;
}

const char **
_xs_csv_get_fields (XsCsv *self,
                    guint *n_fields)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_fields = self->fields->len;
  return (const char **) self->fields->pdata;
}

guint
_xs_csv_get_row_number (XsCsv *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->row_number;
}

const char *
_xs_csv_get_encoding (XsCsv *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

double
_xs_csv_get_fraction (XsCsv *self)
{
  gsize total;

  g_return_val_if_fail (self != NULL, 0.0);

  total = self->end - self->text;
  if (total == 0)
    return 1.0;
  return (double) (self->pos - self->text) / (double) total;
}
