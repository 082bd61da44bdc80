/* xs-csv.c: RFC 4180 CSV as Chinese Excel and WPS save it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's fields are copied, unescaped, into one row buffer that is
 * reused from row to row, so a row costs no allocation and the text read
 * is never written to.
 *
 * A large file is a read-only mapping of the file (see xs-table-reader.c):
 * it is checked a window at a time, and the pages behind the record being
 * read are given back as the reader goes, so that memory stays flat
 * whatever the file's length. A UTF-8 file is parsed where it lies; a file
 * in another encoding (GB18030, UTF-16) is converted as it is read, into a
 * window that holds the record being parsed and little more. It is
 * converted once before, with the output thrown away, so that a byte that
 * is not text is refused (with its row) before the first row is read.
 */
#define G_LOG_DOMAIN "xs-csv"

#include "config.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "xs-csv-private.h"
#include "xs-table-error.h"

struct _XsCsv
{
  char       *data;          /* the file's bytes, NUL at data[len] */
  gsize       len;
  char       *text;          /* UTF-8 data past a byte-order mark */
  char       *pos;           /* in text, or in window when converting */
  char       *end;
  GPtrArray  *fields;        /* borrowed pointers into row */
  char       *row;           /* the current record's fields, each ending in NUL */
  gsize       row_size;
  GArray     *offsets;       /* of the fields in row, while parsing */
  /* Converting from another encoding: the UTF-8 text of the records
   * being read, NUL at end. */
  GConverter *converter;
  gsize       converted;     /* bytes of data given to the converter */
  char       *window;
  gsize       window_size;
  gboolean    at_end;        /* all of data is converted into the window */
  gboolean    bom_checked;
  guint       row_number;    /* of the current record */
  guint       n_records;     /* records consumed, empty ones included */
  char       *encoding;
  char       *display_name;
  GBytes     *mapped;        /* owns data when it is the file's mapping */
  char       *released;      /* pages before this were given back */
  char        delimiter;     /* ',' or, for tab-separated text, '\t' */
  gboolean    delimiter_found; /* from the first line that is not blank */
  guint8      field_end[256]; /* bytes that end an unquoted field */
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

/* Sets the field separator: @delimiter, and what ends an unquoted field. */
static void
set_delimiter (XsCsv *self,
               char   delimiter)
{
  memset (self->field_end, 0, sizeof self->field_end);
  self->field_end['\0'] = self->field_end['\n'] = self->field_end['\r'] = 1;
  self->field_end[(guint8) delimiter] = 1;
  self->delimiter = delimiter;
}

/* Tab-separated text (Excel's and WPS's “Unicode Text” and “Text (Tab
 * delimited)”, or a copy of cells) when the first line from @p has a tab
 * and no comma outside quotes; comma-separated otherwise. */
static char
sniff_delimiter (const char *p,
                 const char *end)
{
  gboolean quoted = FALSE, tab = FALSE;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        return ',';
      else if (!quoted && *p == '\t')
        tab = TRUE;
    }
  return tab ? '\t' : ',';
}

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

/* Converts more of data into @out (@out_size bytes); FALSE with
 * @local_error when the text is not in the encoding. */
static gboolean
convert_more (GConverter  *converter,
              const char  *data,
              gsize        len,
              gsize       *converted,
              char        *out,
              gsize        out_size,
              gsize       *written,
              gboolean    *finished,
              GError     **local_error)
{
  gsize bytes_read = 0;
  GConverterResult result;

  *written = 0;
  result = g_converter_convert (converter, data + *converted, len - *converted, out, out_size,
                                G_CONVERTER_INPUT_AT_END, &bytes_read, written, local_error);
  if (result == G_CONVERTER_ERROR)
    return FALSE;
  *converted += bytes_read;
  *finished = result == G_CONVERTER_FINISHED;
  return TRUE;
}

static void
set_encoding_error (XsCsv       *self,
                    const char  *from,
                    gboolean     detected,
                    guint        row,
                    GError      *local_error,
                    GError     **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA)
      || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    {
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
}

/* The rows of converted text, counted as count_rows() does, a piece at a
 * time. */
typedef struct
{
  guint    rows;
  gboolean quoted;
  gboolean cr;               /* the last piece ended in a CR outside quotes */
} RowCount;

static void
row_count_add (RowCount    *count,
               const char  *text,
               gsize        len)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (count->cr && c != '\n')
        count->rows++;
      count->cr = FALSE;
      if (c == '"')
        count->quoted = !count->quoted;
      else if (!count->quoted && c == '\n')
        count->rows++;
      else if (!count->quoted && c == '\r')
        count->cr = TRUE;
    }
}

/* Sets up the conversion of data from @from to UTF-8, after converting it
 * all once (output thrown away) to refuse a file that is not in @from or
 * whose text holds a NUL: the first row is read only from a file that can
 * be read to its end. */
static gboolean
start_conversion (XsCsv       *self,
                  const char  *from,
                  gboolean     detected,
                  GError     **error)
{
  g_autoptr(GCharsetConverter) converter = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *scratch = g_malloc (WINDOW / 4);
  RowCount count = { 1, FALSE, FALSE };
  gsize converted = 0;
  gboolean finished = FALSE;
  gboolean has_nul = FALSE;

  converter = g_charset_converter_new ("UTF-8", from, &local_error);
  if (converter == NULL)
    {
      g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_ENCODING,
                   _("The encoding “%s” is not known. Choose another encoding, "
                     "such as GB18030 or UTF-8."),
                   from);
      return FALSE;
    }

  while (!finished)
    {
      gsize written = 0;

      if (!convert_more (G_CONVERTER (converter), self->data, self->len, &converted,
                         scratch, WINDOW / 4, &written, &finished, &local_error))
        {
          set_encoding_error (self, from, detected, count.rows, local_error, error);
          return FALSE;
        }
      if (memchr (scratch, '\0', written) != NULL)
        has_nul = TRUE;
      row_count_add (&count, scratch, written);
      if (self->mapped != NULL)
        release_before (self, self->data + converted);
      if (written == 0 && !finished && converted >= self->len)
        break;
    }
  if (has_nul)
    {
      set_not_text_error (self, error);
      return FALSE;
    }

  g_converter_reset (G_CONVERTER (converter));
  self->converter = G_CONVERTER (g_steal_pointer (&converter));
  self->converted = 0;
  self->released = NULL;
  self->window_size = WINDOW / 4;
  self->window = g_malloc (self->window_size);
  self->window[0] = '\0';
  self->pos = self->end = self->text = self->window;
  self->at_end = self->len == 0;
  return TRUE;
}

/* Makes room and converts more into the window, keeping the text from
 * self->pos on: the record being parsed. FALSE with @error when the text
 * cannot be converted after all (the file changed since it was checked). */
static gboolean
fill_window (XsCsv   *self,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize kept = self->end - self->pos;
  gsize written = 0;
  gboolean finished = FALSE;

  if (self->pos != self->window)
    memmove (self->window, self->pos, kept);
  /* A record longer than half the window: a larger one. */
  if (kept * 2 >= self->window_size - 1)
    {
      self->window_size *= 2;
      self->window = g_realloc (self->window, self->window_size);
    }
  self->pos = self->text = self->window;
  self->end = self->window + kept;

  if (!convert_more (self->converter, self->data, self->len, &self->converted,
                     self->end, self->window_size - 1 - kept, &written, &finished, &local_error))
    {
      set_encoding_error (self, self->encoding, FALSE, self->n_records + 1, local_error, error);
      return FALSE;
    }
  self->end += written;
  *self->end = '\0';
  if (finished || (written == 0 && self->converted >= self->len))
    self->at_end = TRUE;
  if (self->mapped != NULL)
    release_before (self, self->data + self->converted);

  /* “Unicode text” from Excel: its BOM survives as U+FEFF */
  if (!self->bom_checked && (self->end - self->pos >= 3 || self->at_end))
    {
      self->bom_checked = TRUE;
      if (self->end - self->pos >= 3 && memcmp (self->pos, "\xEF\xBB\xBF", 3) == 0)
        self->pos += 3;
    }
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
               self->display_name, count_rows (self->data, bad - self->data));
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
      self->encoding = g_ascii_strup (encoding, -1);
      return start_conversion (self, encoding, FALSE, error);
    }
  else if (encoding == NULL && utf16 != NULL)
    {
      self->encoding = g_strdup (utf16);
      return start_conversion (self, utf16, FALSE, error);
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
          self->encoding = g_strdup ("GB18030");
          return start_conversion (self, "GB18030", TRUE, error);
        }
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
  self->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), 16);
  self->row_size = 256;
  self->row = g_malloc (self->row_size);

  if (mapped)
    {
      /* Read-only, and followed by a NUL (see xs-table-reader.c) */
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
  g_clear_pointer (&self->offsets, g_array_unref);
  g_free (self->row);
  g_free (self->window);
  g_clear_object (&self->converter);
  g_free (self->encoding);
  g_free (self->display_name);
  g_free (self);
}

/* Room for @n more bytes in the row buffer after @used. */
static void
row_reserve (XsCsv *self,
             gsize  used,
             gsize  n)
{
  if (used + n <= self->row_size)
    return;
  while (used + n > self->row_size)
    self->row_size *= 2;
  self->row = g_realloc (self->row, self->row_size);
}

typedef enum
{
  RECORD_READ,
  RECORD_NEEDS_MORE,   /* the window ends inside it: convert more, parse again */
  RECORD_FAILED,
} RecordResult;

/* Parses one record at self->pos into the row buffer. The text is only
 * read: quoted fields are unescaped into the row buffer. */
static RecordResult
read_record (XsCsv   *self,
             GError **error)
{
  const char *p = self->pos;
  const char *end = self->end;
  gboolean more = self->converter != NULL && !self->at_end;
  gsize used = 0;

  g_array_set_size (self->offsets, 0);

  for (;;)
    {
      const char *start;
      char c;

      g_array_append_val (self->offsets, used);
      if (*p == '"')
        {
          ++p;
          for (;;)
            {
              const char *q = memchr (p, '"', end - p);

              if (q == NULL)
                {
                  if (more)
                    return RECORD_NEEDS_MORE;
                  self->pos = self->end;
                  self->row_number = ++self->n_records;
                  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                               _("“%s”, row %u: a quoted field is never closed. "
                                 "Look for a stray quotation mark (\") in that row, "
                                 "or check that the file is complete."),
                               self->display_name, self->row_number);
                  return RECORD_FAILED;
                }
              row_reserve (self, used, (q - p) + 1);
              memcpy (self->row + used, p, q - p);
              used += q - p;
              p = q + 1;
              if (p == end && more)
                return RECORD_NEEDS_MORE;   /* "" cut by the window's end? */
              if (*p != '"')
                break;
              self->row[used++] = '"';
              p++;
            }
          /* Text after the closing quote is kept, as Excel does */
          start = p;
          while (!self->field_end[(guint8) *p])
            p++;
        }
      else
        {
          start = p;
          while (!self->field_end[(guint8) *p])
            p++;
        }
      if (p == end && more)
        return RECORD_NEEDS_MORE;
      row_reserve (self, used, (p - start) + 1);
      memcpy (self->row + used, start, p - start);
      used += p - start;
      self->row[used++] = '\0';

      c = p < end ? *p : '\0';
      if (c == self->delimiter)
        {
          p++;
          continue;
        }
      if (c == '\r')
        {
          p++;
          if (p == end && more)
            return RECORD_NEEDS_MORE;
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

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields, self->row + g_array_index (self->offsets, gsize, i));
  self->row_number = ++self->n_records;
  self->pos = (char *) p;
  return RECORD_READ;
}

gboolean
_xs_csv_next (XsCsv   *self,
              GError **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The text of the records read is no longer needed. */
  if (self->converter == NULL)
    release_before (self, self->pos);

  for (;;)
    {
      gboolean empty = TRUE;
      RecordResult result;

      if (self->pos >= self->end)
        {
          if (self->converter == NULL || self->at_end)
            break;
          if (!fill_window (self, error))
            return FALSE;
          continue;
        }
      if (self->delimiter == '\0')
        set_delimiter (self, sniff_delimiter (self->pos, self->end));
      result = read_record (self, error);
      if (result == RECORD_FAILED)
        return FALSE;
      if (result == RECORD_NEEDS_MORE)
        {
          /* the first line was cut: look at it again whole */
          if (!self->delimiter_found)
            self->delimiter = '\0';
          if (!fill_window (self, error))
            return FALSE;
          continue;
        }

      for (guint i = 0; i < self->fields->len && empty; i++)
        empty = *(const char *) g_ptr_array_index (self->fields, i) == '\0';
      if (!empty)
        {
          self->delimiter_found = TRUE;
          return TRUE;
        }
      /* blank lines before the first row say nothing of it */
      if (!self->delimiter_found)
        self->delimiter = '\0';
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

  if (self->converter != NULL)
    return self->len == 0 ? 1.0 : (double) self->converted / (double) self->len;
  total = self->end - self->text;
  if (total == 0)
    return 1.0;
  return (double) (self->pos - self->text) / (double) total;
}
