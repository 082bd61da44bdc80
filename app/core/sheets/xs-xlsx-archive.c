/* xs-xlsx-archive.c: the parts of an .xlsx ZIP, read from memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ZIP is read from memory with libarchive. Parts are looked up by
 * their normalized names and unpacked into memory, or streamed as they are
 * unpacked (the worksheet and its shared strings), with limits against
 * hostile files (zip bombs).
 */
#define G_LOG_DOMAIN "xs-xlsx"

#include "config.h"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>

#include "xs-table-error.h"
#include "xs-xlsx-archive-private.h"

/* An entry may unpack to at most this much */
#define MAX_ENTRY_SIZE   (256 * 1024 * 1024)
/* An entry bigger than BOMB_MIN_SIZE may be at most BOMB_RATIO times the
 * size of the whole ZIP. The whole ZIP bounds every entry's compressed
 * size, so this never refuses an entry whose own ratio is within limits. */
#define BOMB_MIN_SIZE    (1024 * 1024)
#define BOMB_RATIO       200
#define READ_CHUNK       (64 * 1024)

/* Parts are handed to libxml2, which takes their size as an int */
G_STATIC_ASSERT (MAX_ENTRY_SIZE < G_MAXINT);

typedef struct archive XsArchive;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsArchive, archive_read_free)

void
_xs_xlsx_set_damaged_error (const char  *display_name,
                            GError     **error)
{
  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
               _("“%s” is damaged or incomplete and cannot be read as an .xlsx workbook. "
                 "Open it in Excel or WPS, save it again and import it again."),
               display_name);
}

char *
_xs_xlsx_normalize_part_name (const char *name)
{
  g_autofree char *copy = g_strdelimit (g_strdup (name), "\\", '/');
  g_auto(GStrv) parts = g_strsplit (copy, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

static void
set_too_large_error (const char  *display_name,
                     guint64      bomb_size,
                     GError     **error)
{
  if (bomb_size < MAX_ENTRY_SIZE)
    g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_TOO_LARGE,
                 _("“%s” holds a part that unpacks to more than %u times the size of "
                   "the whole file. It is damaged or not a real spreadsheet; save it "
                   "again from Excel or WPS and import it again."),
                 display_name, (guint) BOMB_RATIO);
  else
    g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_TOO_LARGE,
                 _("“%s” holds a worksheet larger than %u MB, too large to import. "
                   "Split it into smaller files and import them one by one."),
                 display_name, (guint) (MAX_ENTRY_SIZE / (1024 * 1024)));
}

static GBytes *
read_entry_data (const char           *display_name,
                 struct archive       *archive,
                 struct archive_entry *entry,
                 gsize                 zip_size,
                 GError              **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  guint64 bomb_size = MAX ((guint64) BOMB_MIN_SIZE, (guint64) zip_size * BOMB_RATIO);

  if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > 0)
    {
      guint64 declared = archive_entry_size (entry);

      if (declared > MAX_ENTRY_SIZE || declared > bomb_size)
        goto too_large;
      buffer = g_byte_array_sized_new (declared + 1);
    }
  else
    {
      buffer = g_byte_array_new ();
    }

  for (;;)
    {
      guint old_len = buffer->len;
      la_ssize_t n;

      g_byte_array_set_size (buffer, old_len + READ_CHUNK);
      n = archive_read_data (archive, buffer->data + old_len, READ_CHUNK);
      if (n < 0)
        {
          g_debug ("%s: %s", display_name, archive_error_string (archive));
          _xs_xlsx_set_damaged_error (display_name, error);
          return NULL;
        }
      g_byte_array_set_size (buffer, old_len + n);
      if (n == 0)
        break;
      if (buffer->len > MAX_ENTRY_SIZE || buffer->len > bomb_size)
        goto too_large;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));

too_large:
  set_too_large_error (display_name, bomb_size, error);
  return NULL;
}

/* Opens @zip with libarchive; NULL with @error when it is not a ZIP. */
static struct archive *
open_zip (GBytes      *zip,
          const char  *display_name,
          GError     **error)
{
  g_autoptr(XsArchive) archive = archive_read_new ();
  gsize zip_size;
  const void *zip_data = g_bytes_get_data (zip, &zip_size);

  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_memory (archive, zip_data, zip_size) != ARCHIVE_OK)
    {
      g_debug ("%s: %s", display_name, archive_error_string (archive));
      _xs_xlsx_set_damaged_error (display_name, error);
      return NULL;
    }
  return g_steal_pointer (&archive);
}

static gboolean
refuse_encrypted (struct archive_entry  *entry,
                  const char            *display_name,
                  GError               **error)
{
  if (!archive_entry_is_encrypted (entry))
    return FALSE;
  g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
               _("“%s” is protected with a password. Open it in Excel or WPS, "
                 "remove the password, save it and import it again."),
               display_name);
  return TRUE;
}

struct _XsXlsxPartStream
{
  GBytes         *zip;       /* the archive reads from it */
  struct archive *archive;
  char           *display_name;
  guint64         bomb_size;
  guint64         read;
  guint64         size;      /* declared, or 0 */
  enum { STREAM_OK, STREAM_DAMAGED, STREAM_TOO_LARGE } state;
};

void
_xs_xlsx_part_stream_free (XsXlsxPartStream *stream)
{
  if (stream == NULL)
    return;
  g_clear_pointer (&stream->archive, archive_read_free);
  g_clear_pointer (&stream->zip, g_bytes_unref);
  g_free (stream->display_name);
  g_free (stream);
}

XsXlsxPartStream *
_xs_xlsx_archive_open_part (GBytes      *zip,
                            const char  *display_name,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(XsXlsxPartStream) stream = g_new0 (XsXlsxPartStream, 1);
  struct archive_entry *entry;
  int r;

  stream->archive = open_zip (zip, display_name, error);
  if (stream->archive == NULL)
    return NULL;
  stream->zip = g_bytes_ref (zip);
  stream->display_name = g_strdup (display_name);
  stream->bomb_size = MAX ((guint64) BOMB_MIN_SIZE, (guint64) g_bytes_get_size (zip) * BOMB_RATIO);

  while ((r = archive_read_next_header (stream->archive, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      const char *path = archive_entry_pathname (entry);
      g_autofree char *normalized = NULL;

      if (refuse_encrypted (entry, display_name, error))
        return NULL;
      if (path == NULL)
        continue;
      normalized = _xs_xlsx_normalize_part_name (path);
      if (strcmp (normalized, name) != 0)
        continue;

      if (archive_entry_size_is_set (entry) && archive_entry_size (entry) > 0)
        {
          stream->size = archive_entry_size (entry);
          if (stream->size > MAX_ENTRY_SIZE || stream->size > stream->bomb_size)
            {
              set_too_large_error (display_name, stream->bomb_size, error);
              return NULL;
            }
        }
      return g_steal_pointer (&stream);
    }
  if (r != ARCHIVE_EOF)
    {
      g_debug ("%s: %s", display_name, archive_error_string (stream->archive));
      _xs_xlsx_set_damaged_error (display_name, error);
    }
  return NULL;
}

gssize
_xs_xlsx_part_stream_read (XsXlsxPartStream *stream,
                           void             *buffer,
                           gsize             size)
{
  la_ssize_t n;

  if (stream->state != STREAM_OK)
    return -1;
  n = archive_read_data (stream->archive, buffer, size);
  if (n < 0)
    {
      g_debug ("%s: %s", stream->display_name, archive_error_string (stream->archive));
      stream->state = STREAM_DAMAGED;
      return -1;
    }
  stream->read += n;
  if (stream->read > MAX_ENTRY_SIZE || stream->read > stream->bomb_size)
    {
      stream->state = STREAM_TOO_LARGE;
      return -1;
    }
  return n;
}

guint64
_xs_xlsx_part_stream_get_read (XsXlsxPartStream *stream)
{
  return stream->read;
}

gboolean
_xs_xlsx_part_stream_check (XsXlsxPartStream  *stream,
                            GError           **error)
{
  if (stream->state == STREAM_TOO_LARGE)
    set_too_large_error (stream->display_name, stream->bomb_size, error);
  else if (stream->state == STREAM_DAMAGED)
    _xs_xlsx_set_damaged_error (stream->display_name, error);
  return stream->state == STREAM_OK;
}

gboolean
_xs_xlsx_part_stream_skip (XsXlsxPartStream  *stream,
                           GError           **error)
{
  g_autofree char *buffer = g_malloc (READ_CHUNK);
  gssize n;

  while ((n = _xs_xlsx_part_stream_read (stream, buffer, READ_CHUNK)) > 0)
    ;
  return _xs_xlsx_part_stream_check (stream, error);
}

gboolean
_xs_xlsx_archive_read_parts (GBytes      *zip,
                             const char  *display_name,
                             XsXlsxPart  *parts,
                             guint        n_parts,
                             GHashTable  *names,
                             GError     **error)
{
  g_autoptr(XsArchive) archive = open_zip (zip, display_name, error);
  struct archive_entry *entry;
  gsize zip_size = g_bytes_get_size (zip);
  int r;

  if (archive == NULL)
    return FALSE;

  while ((r = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      const char *path = archive_entry_pathname (entry);
      g_autofree char *name = NULL;

      if (refuse_encrypted (entry, display_name, error))
        return FALSE;
      if (path == NULL)
        continue;

      name = _xs_xlsx_normalize_part_name (path);
      for (guint i = 0; i < n_parts; i++)
        {
          if (parts[i].data == NULL && parts[i].name != NULL && strcmp (parts[i].name, name) == 0)
            {
              parts[i].data = read_entry_data (display_name, archive, entry, zip_size, error);
              if (parts[i].data == NULL)
                return FALSE;
              break;
            }
        }
      if (names != NULL)
        g_hash_table_add (names, g_steal_pointer (&name));
    }

  if (r != ARCHIVE_EOF)
    {
      g_debug ("%s: %s", display_name, archive_error_string (archive));
      _xs_xlsx_set_damaged_error (display_name, error);
      return FALSE;
    }
  return TRUE;
}
