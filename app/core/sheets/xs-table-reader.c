/* xs-table-reader.c: rows of a CSV or XLSX file, as Chinese Excel and WPS write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-table-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xs-csv-private.h"
#include "xs-table-reader.h"
#include "xs-xlsx-private.h"

/* A bigger file is refused before it is read */
#define MAX_FILE_SIZE ((gsize) 1024 * 1024 * 1024)

/* A file at least this long is mapped rather than read: the CSV reader
 * then holds in memory only the part it is at, whatever the file's
 * length (see xs-csv.c). */
#define MAP_MIN_SIZE ((gsize) 1024 * 1024)

struct _XsTableReader
{
  GObject       parent_instance;

  char         *display_name;
  XsCsv        *csv;
  XsXlsx       *xlsx;
  guint         sheet;       /* the XLSX sheet read, 0: the first tab */

  const char  **fields;
  guint         n_fields;
  guint         row_number;
};

G_DEFINE_FINAL_TYPE (XsTableReader, xs_table_reader, G_TYPE_OBJECT)

static void
xs_table_reader_finalize (GObject *object)
{
  XsTableReader *self = (XsTableReader *) object;

  g_clear_pointer (&self->csv, _xs_csv_free);
  g_clear_pointer (&self->xlsx, _xs_xlsx_free);
  g_free (self->display_name);

  G_OBJECT_CLASS (xs_table_reader_parent_class)->finalize (object);
}

static void
xs_table_reader_class_init (XsTableReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_table_reader_finalize;
}

static void
xs_table_reader_init (XsTableReader *self)
{
}

static void
set_too_large_error (const char  *display_name,
                     GError     **error)
{
  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_TOO_LARGE,
               _("“%s” is larger than %u MB, too large to import. "
                 "Split it into smaller files and import them one by one."),
               display_name, (guint) (MAX_FILE_SIZE / (1024 * 1024)));
}

static gboolean
has_prefix (const guint8 *data,
            gsize         size,
            const char   *prefix,
            gsize         prefix_len)
{
  return size >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* Whether @needle (lower-case ASCII) occurs in the first @size bytes of
 * @data, ignoring ASCII case. */
static gboolean
contains_ascii_nocase (const guint8 *data,
                       gsize         size,
                       const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (g_ascii_strncasecmp ((const char *) data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* “Excel” files that online systems export: a web page or an XML
 * Spreadsheet 2003 under an .xls name. */
static gboolean
looks_like_markup (const guint8 *data,
                   gsize         size)
{
  gsize i = 0;

  if (has_prefix (data, size, "\xEF\xBB\xBF", 3))
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  if (i >= size || data[i] != '<')
    return FALSE;

  size = MIN (size - i, 4096);
  data += i;
  return contains_ascii_nocase (data, size, "<html")
         || contains_ascii_nocase (data, size, "<!doctype")
         || contains_ascii_nocase (data, size, "<table")
         || contains_ascii_nocase (data, size, "<?xml");
}

static gboolean
contains_bytes (const guint8 *data,
                gsize         size,
                const char   *needle,
                gsize         needle_len)
{
  return memmem (data, size, needle, needle_len) != NULL;
}

/* Takes @bytes (transfer full); @mapped when they are a read-only
 * mapping of the file followed by a NUL (see map_file()). */
static XsTableReader *
reader_new (GBytes      *bytes,
            gboolean     mapped,
            const char  *encoding,
            const char  *display_name,
            GError     **error)
{
  g_autoptr(XsTableReader) self = NULL;
  g_autoptr(GBytes) owned = bytes;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (size == 0)
    {
      g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                   _("“%s” is empty. Choose the file that holds the table."),
                   display_name);
      return NULL;
    }
  if (size > MAX_FILE_SIZE)
    {
      set_too_large_error (display_name, error);
      return NULL;
    }

  /* OLE2 compound document: an .xls workbook, or an .xlsx with a password */
  if (has_prefix (data, size, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    {
      static const char encrypted_package[] =
        "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";

      if (contains_bytes (data, size, encrypted_package, sizeof encrypted_package - 1))
        g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                     _("“%s” is protected with a password. Open it in Excel or WPS, "
                       "remove the password, save it and import it again."),
                     display_name);
      else
        g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                     _("“%s” is an old Excel 97-2003 .xls file; save it as .xlsx "
                       "or CSV (comma delimited) and import again."),
                     display_name);
      return NULL;
    }

  self = g_object_new (XS_TYPE_TABLE_READER, NULL);
  self->display_name = g_strdup (display_name);

  if (has_prefix (data, size, "PK\x03\x04", 4) || has_prefix (data, size, "PK\x05\x06", 4))
    {
      self->xlsx = _xs_xlsx_new (bytes, display_name, error);
      if (self->xlsx == NULL)
        return NULL;
      return g_steal_pointer (&self);
    }

  if (looks_like_markup (data, size))
    {
      g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                   _("“%s” is a web page or XML file, not a real spreadsheet (online systems "
                     "often export these under an .xls name). Open it in Excel or WPS, save "
                     "it as .xlsx or CSV (comma delimited) and import again."),
                   display_name);
      return NULL;
    }

  self->csv = _xs_csv_new (g_steal_pointer (&owned), mapped, encoding, display_name, error);
  if (self->csv == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

typedef struct
{
  void  *start;
  gsize  length;
} Mapping;

static void
mapping_free (gpointer data)
{
  Mapping *mapping = data;

  munmap (mapping->start, mapping->length);
  g_free (mapping);
}

/* Maps @size bytes of @fd read-only (the CSV reader never writes to the
 * text: a write would copy the page), followed by at least one NUL byte: an anonymous mapping a page
 * longer than the file, with the file mapped over its start. NULL when
 * mapping fails (the caller reads instead). */
static GBytes *
map_file (int   fd,
          gsize size)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  gsize length = (size / page + 2) * page;
  Mapping *mapping;
  void *start;

  start = mmap (NULL, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (start == MAP_FAILED)
    return NULL;
  if (mmap (start, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED)
    {
      munmap (start, length);
      return NULL;
    }
  mapping = g_new (Mapping, 1);
  mapping->start = start;
  mapping->length = length;
  return g_bytes_new_with_free_func (start, size, mapping_free, mapping);
}

static GBytes *
read_file (const char  *path,
           const char  *display_name,
           gboolean    *mapped,
           GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize size;
  gsize done = 0;
  int saved_errno;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    goto failed;
  if (fstat (fd, &st) != 0)
    goto failed_close;
  if (S_ISDIR (st.st_mode))
    {
      errno = EISDIR;
      goto failed_close;
    }
  if (st.st_size < 0 || (guint64) st.st_size > MAX_FILE_SIZE)
    {
      g_close (fd, NULL);
      set_too_large_error (display_name, error);
      return NULL;
    }

  size = st.st_size;
  *mapped = FALSE;
  if (size >= MAP_MIN_SIZE && S_ISREG (st.st_mode))
    {
      GBytes *bytes = map_file (fd, size);

      if (bytes != NULL)
        {
          g_close (fd, NULL);
          *mapped = TRUE;
          return bytes;
        }
    }
  data = g_malloc (size + 1);
  while (done < size)
    {
      gssize n = read (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto failed_close;
      if (n == 0)
        break;  /* shrank while reading */
      done += n;
    }
  g_close (fd, NULL);
  data[done] = '\0';
  return g_bytes_new_take (g_steal_pointer (&data), done);

failed_close:
  saved_errno = errno;
  g_close (fd, NULL);
  errno = saved_errno;
failed:
  saved_errno = errno;
  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_OPEN,
               _("Could not read “%s”: %s"), display_name, g_strerror (saved_errno));
  return NULL;
}

/**
 * xs_table_reader_new_for_path:
 * @path: the file
 * @encoding: (nullable): the CSV encoding, or %NULL to detect it
 * @error: return location for an #XS_TABLE_ERROR
 *
 * Returns: (transfer full): a reader before the first row, or %NULL
 */
XsTableReader *
xs_table_reader_new_for_path (const char  *path,
                              const char  *encoding,
                              GError     **error)
{
  g_autofree char *display_name = NULL;
  gboolean mapped = FALSE;
  GBytes *bytes;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_basename (path);
  bytes = read_file (path, display_name, &mapped, error);
  if (bytes == NULL)
    return NULL;

  return reader_new (bytes, mapped, encoding, display_name, error);
}

/**
 * xs_table_reader_new_for_bytes:
 * @bytes: the file's contents
 * @encoding: (nullable): the CSV encoding, or %NULL to detect it
 * @error: return location for an #XS_TABLE_ERROR
 *
 * Returns: (transfer full): a reader before the first row, or %NULL
 */
XsTableReader *
xs_table_reader_new_for_bytes (GBytes      *bytes,
                               const char  *encoding,
                               GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* No file name to show: messages name the table generically */
  return reader_new (g_bytes_ref (bytes), FALSE, encoding, _("the table"), error);
}

gboolean
xs_table_reader_next (XsTableReader  *self,
                      GError        **error)
{
  gboolean ok;

  g_return_val_if_fail (XS_IS_TABLE_READER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->csv != NULL)
    {
      ok = _xs_csv_next (self->csv, error);
      self->fields = _xs_csv_get_fields (self->csv, &self->n_fields);
      self->row_number = _xs_csv_get_row_number (self->csv);
    }
  else
    {
      ok = _xs_xlsx_next (self->xlsx, error);
      self->fields = _xs_xlsx_get_fields (self->xlsx, &self->n_fields);
      self->row_number = _xs_xlsx_get_row_number (self->xlsx);
    }

  if (!ok)
    self->n_fields = 0;
  return ok;
}

gboolean
xs_table_reader_next_sheet (XsTableReader  *self,
                            GError        **error)
{
  g_return_val_if_fail (XS_IS_TABLE_READER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->xlsx == NULL || self->sheet + 1 >= _xs_xlsx_get_n_sheets (self->xlsx)
      || !_xs_xlsx_open_sheet (self->xlsx, self->sheet + 1, error))
    return FALSE;
  self->sheet++;
  self->fields = NULL;
  self->n_fields = 0;
  self->row_number = 0;
  return TRUE;
}

const char *
xs_table_reader_get_sheet_name (XsTableReader *self)
{
  g_return_val_if_fail (XS_IS_TABLE_READER (self), NULL);

  return self->xlsx != NULL ? _xs_xlsx_get_sheet_name (self->xlsx) : NULL;
}

guint
xs_table_reader_get_sheet (XsTableReader *self)
{
  g_return_val_if_fail (XS_IS_TABLE_READER (self), 0);

  return self->sheet;
}

guint
xs_table_reader_get_n_fields (XsTableReader *self)
{
  g_return_val_if_fail (XS_IS_TABLE_READER (self), 0);

  return self->n_fields;
}

const char *
xs_table_reader_get_field (XsTableReader *self,
                           guint          index)
{
  g_return_val_if_fail (XS_IS_TABLE_READER (self), "");

  if (index >= self->n_fields)
    return "";
  return self->fields[index];
}

guint
xs_table_reader_get_row_number (XsTableReader *self)
{
  g_return_val_if_fail (XS_IS_TABLE_READER (self), 0);

  return self->row_number;
}

const char *
xs_table_reader_get_encoding (XsTableReader *self)
{
  g_return_val_if_fail (XS_IS_TABLE_READER (self), NULL);

  if (self->csv != NULL)
    return _xs_csv_get_encoding (self->csv);
  return "XLSX";
}

double
xs_table_reader_get_fraction (XsTableReader *self)
{
  g_return_val_if_fail (XS_IS_TABLE_READER (self), 0.0);

  if (self->csv != NULL)
    return _xs_csv_get_fraction (self->csv);
  return _xs_xlsx_get_fraction (self->xlsx);
}
