/* fuzz-xlsx.c: the XLSX half of the table reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An input that starts like a ZIP ("PK\3\4" or "PK\5\6") is read as the
 * .xlsx file it is: that exercises the archive layer. A ZIP checks every
 * entry's CRC, though, so a mutation inside a part almost never gets past
 * libarchive. Any other input is therefore a list of parts in text,
 *
 *   == xl/workbook.xml
 *   <workbook …>…</workbook>
 *   == xl/worksheets/sheet1.xml
 *   <worksheet>…</worksheet>
 *
 * (a line "== NAME" starts a part, which runs to the '\n' before the next
 * such line; text before the first one is xl/worksheets/sheet1.xml), that
 * this target packs into a ZIP with stored entries and valid CRCs before
 * reading it: that exercises the workbook, relationship, shared-string and
 * worksheet parsing.
 */
#define G_LOG_DOMAIN "xs-fuzz"

#include "config.h"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>

#include "fuzz-common.h"

#define PART_MARKER "== "
#define MARKER_LENGTH (sizeof PART_MARKER - 1)
#define DEFAULT_PART "xl/worksheets/sheet1.xml"

static la_ssize_t
write_to_array (struct archive *archive,
                void           *user_data,
                const void     *buffer,
                size_t          length)
{
  g_byte_array_append (user_data, buffer, length);
  return length;
}

/* Adds one stored entry; FALSE when libarchive gives up on the archive. */
static gboolean
add_part (struct archive *archive,
          const char     *name,
          gsize           name_length,
          const uint8_t  *data,
          gsize           size)
{
  g_autofree char *path = g_strndup (name, name_length);
  struct archive_entry *entry = archive_entry_new ();
  int r;

  /* "== name\r\n" from an editor that writes CRLF */
  g_strchomp (path);
  archive_entry_copy_pathname (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) size);
  r = archive_write_header (archive, entry);
  if (r >= ARCHIVE_WARN && size > 0)
    r = archive_write_data (archive, data, size) == (la_ssize_t) size ? ARCHIVE_OK : ARCHIVE_FATAL;
  archive_entry_free (entry);
  return r != ARCHIVE_FATAL;
}

/* Where the first line at or after @from (itself the start of a line)
 * that starts a part begins, or @size. */
static gsize
find_marker (const uint8_t *data,
             gsize          size,
             gsize          from)
{
  gsize i = from;

  while (i < size)
    {
      const uint8_t *newline;

      if (size - i >= MARKER_LENGTH && memcmp (data + i, PART_MARKER, MARKER_LENGTH) == 0)
        return i;
      newline = memchr (data + i, '\n', size - i);
      if (newline == NULL)
        break;
      i = (gsize) (newline - data) + 1;
    }
  return size;
}

/* The ZIP the parts in @data make, or NULL. */
static GBytes *
pack_parts (const uint8_t *data,
            gsize          size)
{
  g_autoptr(GByteArray) zip = g_byte_array_new ();
  struct archive *archive = archive_write_new ();
  gsize marker = find_marker (data, size, 0);
  gboolean ok = TRUE;

  if (archive_write_set_format_zip (archive) != ARCHIVE_OK
      || archive_write_zip_set_compression_store (archive) != ARCHIVE_OK
      || archive_write_open (archive, zip, NULL, write_to_array, NULL) != ARCHIVE_OK)
    g_error ("cannot write a ZIP: %s", archive_error_string (archive));

  /* Text before the first part */
  if (marker > 0)
    ok = add_part (archive, DEFAULT_PART, strlen (DEFAULT_PART), data,
                   marker < size ? marker - 1 : marker);

  while (ok && marker < size)
    {
      const uint8_t *name = data + marker + MARKER_LENGTH;
      const uint8_t *newline = memchr (name, '\n', size - (marker + MARKER_LENGTH));
      gsize name_length = newline != NULL ? (gsize) (newline - name) : size - (marker + MARKER_LENGTH);
      gsize content = newline != NULL ? (gsize) (newline + 1 - data) : size;
      gsize next = find_marker (data, size, content);
      /* the '\n' before the next marker belongs to neither part */
      gsize content_end = next < size ? next - 1 : size;

      if (content_end < content)
        content_end = content;
      ok = add_part (archive, (const char *) name, name_length,
                     data + content, content_end - content);
      marker = next;
    }

  if (archive_write_close (archive) != ARCHIVE_OK)
    ok = FALSE;
  archive_write_free (archive);
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&zip));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XsTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  xs_fuzz_init ();

  if (size >= 4 && (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "PK\x05\x06", 4) == 0))
    bytes = g_bytes_new (data, size);
  else
    bytes = pack_parts (data, size);
  if (bytes == NULL)
    return 0;

  /* The encoding is ignored for XLSX; pass one to make sure */
  reader = xs_table_reader_new_for_bytes (bytes, "GB18030", &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && error->domain == XS_TABLE_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "XLSX");

  xs_fuzz_read_table (reader, FALSE);
  return 0;
}
