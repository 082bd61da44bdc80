/* xs-db-schema.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What makes a file a Xueshi database: its 100-byte header, read before
 * SQLite opens the file, and its schema, which must be exactly the one the
 * migrations make for its version.
 */
#define G_LOG_DOMAIN "xs-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "xs-core-resources.h"
#include "xs-db-private.h"
#include "xs-db-schema-rows.h"

#define HEADER_SIZE 100
#define HEADER_MAGIC "SQLite format 3"   /* and its NUL: 16 bytes */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

gboolean
_xs_db_read_header (const char  *path,
                    XsDbHeader  *header,
                    GError     **error)
{
  guint8 bytes[HEADER_SIZE];
  GStatBuf st;
  gssize got = 0;
  int fd;

  memset (header, 0, sizeof *header);
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not read “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  header->size = st.st_size;
  header->regular = S_ISREG (st.st_mode);
  while (header->regular && got < HEADER_SIZE)
    {
      gssize n = read (fd, bytes + got, HEADER_SIZE - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
  close (fd);

  header->sqlite = got == HEADER_SIZE && memcmp (bytes, HEADER_MAGIC, sizeof HEADER_MAGIC) == 0;
  if (header->sqlite)
    {
      header->user_version = (gint32) read_be32 (bytes + 60);
      header->application_id = read_be32 (bytes + 68);
      header->wal = bytes[18] == 2 || bytes[19] == 2;
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char **
_xs_db_list_migrations (void)
{
  g_auto(GStrv) names = NULL;

  g_resources_register (xs_core_get_resource ());
  names = g_resources_enumerate_children (RESOURCE_BASE "/sql/", 0, NULL);
  if (names == NULL)
    return g_new0 (char *, 1);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return g_steal_pointer (&names);
}

char *
_xs_db_read_migration (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_BASE "/sql/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

  g_assert (bytes != NULL);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

GPtrArray *
_xs_db_schema_from_migrations (int version)
{
  g_auto(GStrv) names = _xs_db_list_migrations ();
  GPtrArray *rows = NULL;
  sqlite3 *memory = NULL;
  int rc;

  g_assert (version >= 1 && version <= (int) g_strv_length (names));
  rc = sqlite3_open_v2 (":memory:", &memory, SQLITE_OPEN_READWRITE, NULL);
  for (int i = 0; rc == SQLITE_OK && i < version; i++)
    {
      g_autofree char *sql = _xs_db_read_migration (names[i]);

      rc = sqlite3_exec (memory, sql, NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rows = _xs_db_schema_rows_read (memory, &rc);
  if (rc != SQLITE_OK)
    g_error ("The migrations up to version %d do not run: %s", version, sqlite3_errmsg (memory));
  sqlite3_close (memory);
  return rows;
}

GPtrArray *
_xs_db_schema_from_dump (int *version)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE "/schema.txt", 0, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows;
  guint64 number = 0;

  *version = 0;
  if (bytes == NULL)
    return NULL;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  if (lines[0] == NULL || !g_str_has_prefix (lines[0], "xueshi-schema ")
      || !g_ascii_string_to_unsigned (lines[0] + strlen ("xueshi-schema "), 10, 1, G_MAXINT, &number, NULL))
    return NULL;
  rows = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 1; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_ptr_array_add (rows, g_strdup (lines[i]));
  *version = (int) number;
  return rows;
}

/* The schema the migrations make for @version, once per version: the
 * latest one from the lines xs-schema-dump wrote at build time (running
 * every migration again took half of a short command), any other by
 * running the migrations in an in-memory database. */
static GPtrArray *
reference_schema (int version)
{
  static GHashTable *cache;   /* version -> GPtrArray */
  G_LOCK_DEFINE_STATIC (cache);
  GPtrArray *rows;
  int dumped_version;

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  rows = g_hash_table_lookup (cache, GINT_TO_POINTER (version));
  if (rows != NULL)
    {
      g_ptr_array_ref (rows);
      G_UNLOCK (cache);
      return rows;
    }

  rows = _xs_db_schema_from_dump (&dumped_version);
  if (rows != NULL && dumped_version != version)
    g_clear_pointer (&rows, g_ptr_array_unref);
  if (rows == NULL)
    rows = _xs_db_schema_from_migrations (version);
  g_hash_table_insert (cache, GINT_TO_POINTER (version), g_ptr_array_ref (rows));
  G_UNLOCK (cache);
  return rows;
}

static gboolean
contains (GPtrArray  *rows,
          const char *row)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (g_ptr_array_index (rows, i), row))
      return TRUE;
  return FALSE;
}

/* "trigger x on claim: CREATE TRIGGER …" -> "trigger “x”" */
static char *
describe_row (const char *row)
{
  const char *space = strchr (row, ' ');
  const char *on = space ? strstr (space + 1, " on ") : NULL;
  g_autofree char *kind = space ? g_strndup (row, space - row) : g_strdup (row);
  g_autofree char *name = on ? g_strndup (space + 1, on - space - 1) : g_strdup ("?");

  return g_strdup_printf ("%s “%s”", kind, name);
}

char *
_xs_db_schema_difference (sqlite3  *handle,
                          int       version,
                          int      *rc)
{
  g_autoptr(GPtrArray) reference = reference_schema (version);
  g_autoptr(GPtrArray) actual = _xs_db_schema_rows_read (handle, rc);

  if (actual == NULL)
    return NULL;

  for (guint i = 0; i < actual->len; i++)
    if (!contains (reference, g_ptr_array_index (actual, i)))
      {
        g_autofree char *what = describe_row (g_ptr_array_index (actual, i));

        /* Translators: %s is e.g. 'trigger “wipe”' (SQL words, kept in English) */
        return g_strdup_printf (_("its %s is not one Xueshi makes, or was changed"), what);
      }
  for (guint i = 0; i < reference->len; i++)
    if (!contains (actual, g_ptr_array_index (reference, i)))
      {
        g_autofree char *what = describe_row (g_ptr_array_index (reference, i));

        /* Translators: %s is e.g. 'table “claim”' (SQL words, kept in English) */
        return g_strdup_printf (_("its %s is missing"), what);
      }
  return NULL;
}
