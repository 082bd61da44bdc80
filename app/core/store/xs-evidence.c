/* xs-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "xs-data-dir.h"
#include "xs-db-private.h"
#include "xs-evidence.h"

/* Scans larger than this in either direction, or in area, are refused: they
 * would take gigabytes to show. */
#define MAX_IMAGE_SIDE 20000
#define MAX_IMAGE_PIXELS (200 * 1000 * 1000)

G_DEFINE_QUARK (xs-evidence-error-quark, xs_evidence_error)

void
xs_evidence_free (XsEvidence *evidence)
{
  if (evidence == NULL)
    return;
  g_free (evidence->sha256);
  g_free (evidence->media_type);
  g_free (evidence->material);
  g_free (evidence->original_name);
  g_free (evidence);
}

char *
xs_evidence_hash_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static gboolean
has_prefix (const guint8 *data,
            gsize         size,
            const char   *magic,
            gsize         magic_len)
{
  return size >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* PDF readers accept "%PDF-" anywhere in the first KiB. */
static gboolean
looks_like_pdf (const guint8 *data,
                gsize         size)
{
  gsize window = MIN (size, 1024);

  for (gsize i = 0; i + 5 <= window; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_dimensions (guint32      width,
                  guint32      height,
                  const char  *name,
                  GError     **error)
{
  if (width == 0 || height == 0)
    {
      g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_BROKEN,
                   _("“%s” is damaged: the picture has no size."), name);
      return FALSE;
    }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE
      || (guint64) width * height > MAX_IMAGE_PIXELS)
    {
      g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_TOO_BIG_IMAGE,
                   _("“%s” is a picture of %u × %u pixels, too large to show. Scan it at 300 dpi or less and attach it again."),
                   name, width, height);
      return FALSE;
    }
  return TRUE;
}

static gboolean
inspect_png (const guint8  *data,
             gsize          size,
             const char    *name,
             GError       **error)
{
  /* Signature, then the IHDR chunk: length, "IHDR", width, height. */
  if (size < 24 || memcmp (data + 12, "IHDR", 4) != 0)
    {
      g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_BROKEN,
                   _("“%s” is a damaged PNG picture."), name);
      return FALSE;
    }
  return check_dimensions ((guint32) data[16] << 24 | data[17] << 16 | data[18] << 8 | data[19],
                           (guint32) data[20] << 24 | data[21] << 16 | data[22] << 8 | data[23],
                           name, error);
}

static gboolean
inspect_jpeg (const guint8  *data,
              gsize          size,
              const char    *name,
              GError       **error)
{
  gsize pos = 2;

  /* Walk the markers up to the first start-of-frame, which holds the size. */
  while (pos + 4 <= size)
    {
      guint8 marker;
      gsize length;

      if (data[pos] != 0xFF)
        break;
      marker = data[pos + 1];
      if (marker == 0xFF)
        {
          pos++;
          continue;
        }
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        {
          pos += 2;
          continue;
        }
      length = (gsize) data[pos + 2] << 8 | data[pos + 3];
      if (length < 2)
        break;
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
        {
          if (pos + 9 > size)
            break;
          return check_dimensions ((guint32) data[pos + 7] << 8 | data[pos + 8],
                                   (guint32) data[pos + 5] << 8 | data[pos + 6],
                                   name, error);
        }
      pos += 2 + length;
    }

  g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_BROKEN,
               _("“%s” is a damaged JPEG picture."), name);
  return FALSE;
}

static int
inspect_pdf (GBytes      *bytes,
             const char  *name,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;
  int pages;

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_ENCRYPTED,
                     _("“%s” is protected by a password. Save a copy without the password (print it to PDF) and attach that."),
                     name);
      else
        g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_BROKEN,
                     _("“%s” is a damaged PDF that cannot be opened. Scan or save it again."),
                     name);
      return -1;
    }

  pages = poppler_document_get_n_pages (document);
  g_object_unref (document);
  if (pages <= 0)
    {
      g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_BROKEN,
                   _("“%s” is a PDF without pages."), name);
      return -1;
    }
  return pages;
}

XsEvidence *
xs_evidence_inspect (GBytes      *bytes,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(XsEvidence) evidence = NULL;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_EMPTY,
                   _("“%s” is empty."), name);
      return NULL;
    }

  evidence = g_new0 (XsEvidence, 1);
  evidence->size = size;
  evidence->pages = 1;

  if (looks_like_pdf (data, size))
    {
      evidence->media_type = g_strdup ("application/pdf");
      evidence->pages = inspect_pdf (bytes, name, error);
      if (evidence->pages < 0)
        return NULL;
    }
  else if (has_prefix (data, size, "\x89PNG\r\n\x1a\n", 8))
    {
      evidence->media_type = g_strdup ("image/png");
      if (!inspect_png (data, size, name, error))
        return NULL;
    }
  else if (has_prefix (data, size, "\xff\xd8\xff", 3))
    {
      evidence->media_type = g_strdup ("image/jpeg");
      if (!inspect_jpeg (data, size, name, error))
        return NULL;
    }
  else
    {
      g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_TYPE,
                   _("“%s” is not a PDF, JPEG or PNG file. Scan the document to PDF or take a photo in JPEG and attach that."),
                   name);
      return NULL;
    }

  evidence->sha256 = xs_evidence_hash_bytes (bytes);
  return g_steal_pointer (&evidence);
}

char *
xs_evidence_get_path (XsDb       *db,
                      const char *sha256)
{
  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64, NULL);

  {
    char prefix[3] = { sha256[0], sha256[1], '\0' };

    return g_build_filename (xs_db_get_data_dir (db), "evidence", prefix, sha256 + 2, NULL);
  }
}

static GBytes *
read_limited (const char  *path,
              const char  *name,
              gsize        limit,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_READ,
                   _("Could not read “%s”: %s"), name,
                   local_error ? local_error->message : _("not a regular file"));
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > limit)
    {
      g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_TOO_LARGE,
                   _("“%s” is %.1f MB; files up to %.0f MB can be attached. Scan it at a lower resolution."),
                   name, g_file_info_get_size (info) / 1048576.0, limit / 1048576.0);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_READ,
                 _("Could not read “%s”: %s"), name, local_error->message);
  return bytes;
}

/* Whether the stored copy at @target is whole: its size and hash are
 * those of @bytes, whose hash is @sha256. */
static gboolean
stored_copy_intact (const char *target,
                    GBytes     *bytes,
                    const char *sha256)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *actual = NULL;
  GStatBuf buf;

  if (g_lstat (target, &buf) != 0 || !S_ISREG (buf.st_mode)
      || (guint64) buf.st_size != g_bytes_get_size (bytes))
    return FALSE;
  mapped = g_mapped_file_new (target, FALSE, NULL);
  if (mapped == NULL)
    return FALSE;
  stored = g_mapped_file_get_bytes (mapped);
  actual = xs_evidence_hash_bytes (stored);
  return g_str_equal (actual, sha256);
}

XsEvidence *
xs_evidence_store_file (XsDb        *db,
                        const char  *path,
                        gsize        limit,
                        GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XsEvidence) evidence = NULL;
  g_autoptr(XsDbStmt) stmt = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  bytes = read_limited (path, name, limit ? limit : XS_EVIDENCE_DEFAULT_LIMIT, error);
  if (bytes == NULL)
    return NULL;

  evidence = xs_evidence_inspect (bytes, name, error);
  if (evidence == NULL)
    return NULL;
  evidence->original_name = g_steal_pointer (&name);

  target = xs_evidence_get_path (db, evidence->sha256);
  dir = g_path_get_dirname (target);
  /* A stored copy that no longer matches its hash (damaged on disk, or
   * removed) is written again from the original the user attaches. */
  if (!stored_copy_intact (target, bytes, evidence->sha256))
    {
      g_autofree char *top = g_build_filename (xs_db_get_data_dir (db), "evidence", NULL);

      if (!xs_data_dir_ensure (top, error)
          || !xs_data_dir_ensure (dir, error)
          || !xs_data_dir_write_private (target, g_bytes_get_data (bytes, NULL),
                                         g_bytes_get_size (bytes), error))
        return NULL;
    }

  stmt = _xs_db_prepare (db,
                         "INSERT INTO evidence (sha256, media_type, size, pages) "
                         "VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT (sha256) DO UPDATE SET sha256 = excluded.sha256 "
                         "RETURNING id",
                         error);
  if (stmt == NULL)
    return NULL;
  _xs_db_bind_text (stmt, 1, evidence->sha256);
  _xs_db_bind_text (stmt, 2, evidence->media_type);
  sqlite3_bind_int64 (stmt, 3, evidence->size);
  sqlite3_bind_int (stmt, 4, evidence->pages);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }
  evidence->id = sqlite3_column_int64 (stmt, 0);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _xs_db_set_error (db, error);
      return NULL;
    }

  return g_steal_pointer (&evidence);
}
