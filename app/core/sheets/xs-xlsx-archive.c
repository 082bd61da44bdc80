/* xs-xlsx-archive.c: the parts of an .xlsx ZIP, read from memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ZIP is read from memory with libarchive. Parts are looked up by
 * their normalized names and unpacked into memory, with limits against
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
  return NULL;
}

gboolean
_xs_xlsx_archive_read_parts (GBytes      *zip,
                             const char  *display_name,
                             XsXlsxPart  *parts,
                             guint        n_parts,
                             GHashTable  *names,
                             GError     **error)
{
  g_autoptr(XsArchive) archive = archive_read_new ();
  struct archive_entry *entry;
  gsize zip_size;
  const void *zip_data = g_bytes_get_data (zip, &zip_size);
  int r;

  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_memory (archive, zip_data, zip_size) != ARCHIVE_OK)
    {
      g_debug ("%s: %s", display_name, archive_error_string (archive));
      _xs_xlsx_set_damaged_error (display_name, error);
      return FALSE;
    }

  while ((r = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || r == ARCHIVE_WARN)
    {
      const char *path = archive_entry_pathname (entry);
      g_autofree char *name = NULL;

      if (archive_entry_is_encrypted (entry))
        {
          g_set_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT,
                       _("“%s” is protected with a password. Open it in Excel or WPS, "
                         "remove the password, save it and import it again."),
                       display_name);
          return FALSE;
        }
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
