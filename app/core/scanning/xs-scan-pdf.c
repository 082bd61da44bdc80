/* xs-scan-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-scan-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <jpeglib.h>

#include "xs-claim-store.h"
#include "xs-recognition.h"
#include "xs-scan-pdf.h"

#define A4_WIDTH_PT (210.0 / 25.4 * 72.0)
#define A4_HEIGHT_PT (297.0 / 25.4 * 72.0)

typedef struct
{
  struct jpeg_error_mgr base;
  jmp_buf               jump;
  char                  message[JMSG_LENGTH_MAX];
} JpegError;

static void
jpeg_error_exit (j_common_ptr info)
{
  JpegError *err = (JpegError *) info->err;

  info->err->format_message (info, err->message);
  longjmp (err->jump, 1);
}

GBytes *
xs_scan_page_to_jpeg (const XsScanPage  *page,
                      int                quality,
                      GError           **error)
{
  struct jpeg_compress_struct info;
  JpegError err;
  unsigned char *volatile out = NULL;
  unsigned long size = 0;
  const guint8 *pixels;

  g_return_val_if_fail (page != NULL && page->pixels != NULL, NULL);
  g_return_val_if_fail (page->channels == 1 || page->channels == 3, NULL);

  pixels = g_bytes_get_data (page->pixels, NULL);
  memset (&info, 0, sizeof info);
  info.err = jpeg_std_error (&err.base);
  err.base.error_exit = jpeg_error_exit;
  if (setjmp (err.jump))
    {
      jpeg_destroy_compress (&info);
      free (out);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("A scanned page could not be compressed (%s)."), err.message);
      return NULL;
    }
  jpeg_create_compress (&info);
  jpeg_mem_dest (&info, (unsigned char **) &out, &size);
  info.image_width = page->width;
  info.image_height = page->height;
  info.input_components = page->channels;
  info.in_color_space = page->channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_set_defaults (&info);
  jpeg_set_quality (&info, CLAMP (quality, 10, 100), TRUE);
  info.density_unit = 1;   /* dots per inch */
  info.X_density = page->dpi;
  info.Y_density = page->dpi;
  jpeg_start_compress (&info, TRUE);
  while (info.next_scanline < info.image_height)
    {
      JSAMPROW row = (JSAMPROW) (pixels + (gsize) info.next_scanline * page->width * page->channels);

      jpeg_write_scanlines (&info, &row, 1);
    }
  jpeg_finish_compress (&info);
  jpeg_destroy_compress (&info);
  return g_bytes_new_with_free_func (out, size, free, out);
}

/* An image surface with the page's pixels (cairo's fallback) carrying the
 * JPEG, which the PDF embeds as it is. */
static cairo_surface_t *
page_surface (const XsScanPage  *page,
              GError           **error)
{
  g_autoptr(GBytes) jpeg = xs_scan_page_to_jpeg (page, 85, error);
  cairo_surface_t *surface;
  const guint8 *pixels;
  guint8 *data;
  int stride;
  gsize size;
  gpointer copy;

  if (jpeg == NULL)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, page->width, page->height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Not enough memory for a scanned page."));
      cairo_surface_destroy (surface);
      return NULL;
    }
  pixels = g_bytes_get_data (page->pixels, NULL);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  cairo_surface_flush (surface);
  for (int y = 0; y < page->height; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) y * stride);
      const guint8 *in = pixels + (gsize) y * page->width * page->channels;

      for (int x = 0; x < page->width; x++, in += page->channels)
        row[x] = page->channels == 1
                 ? (0xff000000u | (in[0] << 16) | (in[0] << 8) | in[0])
                 : (0xff000000u | (in[0] << 16) | (in[1] << 8) | in[2]);
    }
  cairo_surface_mark_dirty (surface);
  copy = g_bytes_unref_to_data (g_steal_pointer (&jpeg), &size);
  cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, copy, size, g_free, copy);
  return surface;
}

gboolean
xs_scan_write_pdf (GPtrArray   *pages,
                   const char  *path,
                   GError     **error)
{
  cairo_surface_t *pdf;
  cairo_status_t status;

  g_return_val_if_fail (pages != NULL && pages->len > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pdf = cairo_pdf_surface_create (path, A4_WIDTH_PT, A4_HEIGHT_PT);
  cairo_pdf_surface_set_metadata (pdf, CAIRO_PDF_METADATA_CREATOR, "Xueshi");
  for (guint i = 0; i < pages->len; i++)
    {
      const XsScanPage *page = g_ptr_array_index (pages, i);
      double scale = 72.0 / MAX (page->dpi, 1);
      double width = page->width * scale;
      double height = page->height * scale;
      cairo_surface_t *image = page_surface (page, error);
      cairo_t *cr;

      if (image == NULL)
        {
          cairo_surface_destroy (pdf);
          g_unlink (path);
          return FALSE;
        }
      cairo_pdf_surface_set_size (pdf, MAX (A4_WIDTH_PT, width), MAX (A4_HEIGHT_PT, height));
      cr = cairo_create (pdf);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (image);
      cairo_surface_show_page (pdf);
    }
  cairo_surface_finish (pdf);
  status = cairo_surface_status (pdf);
  cairo_surface_destroy (pdf);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The scanned pages could not be written to “%s” (%s)."),
                   path, cairo_status_to_string (status));
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

char *
xs_scan_write_pdf_tmp (const char  *material,
                       GPtrArray   *pages,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  g_return_val_if_fail (material != NULL, NULL);
  g_return_val_if_fail (pages != NULL && pages->len > 0, NULL);

  dir = g_dir_make_tmp ("xueshi-scan-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  /* The name the clerk sees in the list of attached files: the paper's own
   * (Chinese) name, as on the documents, else the material's code. */
  name = g_strdup_printf ("%s-%s.pdf", xs_recognition_material_name (material) != NULL
                                       ? xs_recognition_material_name (material) : material, stamp);
  path = g_build_filename (dir, name, NULL);
  if (!xs_scan_write_pdf (pages, path, error))
    {
      xs_scan_remove_tmp (path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

void
xs_scan_remove_tmp (const char *path)
{
  g_autofree char *dir = NULL;

  g_return_if_fail (path != NULL);

  dir = g_path_get_dirname (path);
  g_unlink (path);
  g_rmdir (dir);
}

char *
xs_scan_attach (XsDb        *db,
                gint64       claim_id,
                const char  *material,
                GPtrArray   *pages,
                GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  char *sha256 = NULL;
  const char *paths[2] = { NULL, NULL };

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (material != NULL, NULL);
  g_return_val_if_fail (pages != NULL && pages->len > 0, NULL);

  path = xs_scan_write_pdf_tmp (material, pages, error);
  if (path == NULL)
    return NULL;
  mapped = g_mapped_file_new (path, FALSE, error);
  paths[0] = path;
  if (mapped != NULL)
    bytes = g_mapped_file_get_bytes (mapped);
  if (bytes != NULL && xs_claim_store_attach (db, claim_id, material, paths, error))
    sha256 = xs_evidence_hash_bytes (bytes);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&mapped, g_mapped_file_unref);
  xs_scan_remove_tmp (path);
  return sha256;
}
