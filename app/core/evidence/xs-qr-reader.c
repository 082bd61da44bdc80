/* xs-qr-reader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-qr-reader"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <zbar.h>

#include "xs-document.h"
#include "xs-qr-reader.h"

/* PDF pages are rendered at these resolutions, the second only for a page
 * where the first found nothing. */
static const double pdf_dpi[] = { 200.0, 300.0 };

G_DEFINE_QUARK (xs-qr-reader-error-quark, xs_qr_reader_error)

/* A picture in 8-bit grey, as zbar reads it. */
typedef struct
{
  guint8 *pixels;
  int     width;
  int     height;
} Grey;

static void
grey_clear (Grey *grey)
{
  g_clear_pointer (&grey->pixels, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Grey, grey_clear)

static void
add_unique (GPtrArray  *found,
            const char *text)
{
  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (g_ptr_array_index (found, i), text))
      return;
  g_ptr_array_add (found, g_strdup (text));
}

/* Scans @grey, adding what it finds to @found; returns how many codes. */
static guint
scan_grey (const Grey *grey,
           GPtrArray  *found)
{
  zbar_image_scanner_t *scanner = zbar_image_scanner_create ();
  zbar_image_t *image = zbar_image_create ();
  const zbar_symbol_t *symbol;
  guint n = 0;

  zbar_image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zbar_image_set_size (image, grey->width, grey->height);
  zbar_image_set_data (image, grey->pixels, (unsigned long) grey->width * grey->height, NULL);
  if (zbar_scan_image (scanner, image) > 0)
    for (symbol = zbar_image_first_symbol (image); symbol != NULL; symbol = zbar_symbol_next (symbol))
      if (zbar_symbol_get_type (symbol) == ZBAR_QRCODE && zbar_symbol_get_data (symbol) != NULL)
        {
          add_unique (found, zbar_symbol_get_data (symbol));
          n++;
        }
  zbar_image_destroy (image);
  zbar_image_scanner_destroy (scanner);
  return n;
}

/* Half the size, each pixel the mean of four: a photo's code often reads
 * better smaller. */
static void
grey_halve (const Grey *in,
            Grey       *out)
{
  out->width = in->width / 2;
  out->height = in->height / 2;
  out->pixels = g_malloc ((gsize) out->width * out->height);
  for (int y = 0; y < out->height; y++)
    for (int x = 0; x < out->width; x++)
      {
        const guint8 *p = in->pixels + (gsize) 2 * y * in->width + 2 * x;

        out->pixels[(gsize) y * out->width + x] = (p[0] + p[1] + p[in->width] + p[in->width + 1] + 2) / 4;
      }
}

static guint
scan_with_smaller (const Grey *grey,
                   GPtrArray  *found)
{
  guint n = scan_grey (grey, found);

  if (n == 0 && MAX (grey->width, grey->height) > 2500)
    {
      g_auto(Grey) half = { 0 };

      grey_halve (grey, &half);
      n = scan_grey (&half, found);
    }
  return n;
}

static guint8
luma (guint r,
      guint g,
      guint b)
{
  return (guint8) ((r * 299 + g * 587 + b * 114 + 500) / 1000);
}

static void
grey_from_surface (cairo_surface_t *surface,
                   Grey            *grey)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  grey->width = cairo_image_surface_get_width (surface);
  grey->height = cairo_image_surface_get_height (surface);
  grey->pixels = g_malloc ((gsize) grey->width * grey->height);
  for (int y = 0; y < grey->height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      /* Rendered on white: opaque, so premultiplying changed nothing. */
      for (int x = 0; x < grey->width; x++)
        grey->pixels[(gsize) y * grey->width + x] =
          luma ((row[x] >> 16) & 0xff, (row[x] >> 8) & 0xff, row[x] & 0xff);
    }
}

static void
grey_from_pixbuf (GdkPixbuf *pixbuf,
                  Grey      *grey)
{
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guint8 *data = gdk_pixbuf_read_pixels (pixbuf);

  grey->width = gdk_pixbuf_get_width (pixbuf);
  grey->height = gdk_pixbuf_get_height (pixbuf);
  grey->pixels = g_malloc ((gsize) grey->width * grey->height);
  for (int y = 0; y < grey->height; y++)
    for (int x = 0; x < grey->width; x++)
      {
        const guint8 *p = data + (gsize) y * stride + (gsize) x * channels;
        guint v = luma (p[0], p[1], p[2]);

        /* transparent parts count as the white paper under them */
        if (alpha)
          v = (v * p[3] + 255 * (255 - p[3]) + 127) / 255;
        grey->pixels[(gsize) y * grey->width + x] = (guint8) v;
      }
}

static guint
be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

/* The size a PNG or JPEG states in its header, read without any library:
 * nothing is decoded until it is known to fit. */
static gboolean
picture_size (const guint8 *data,
              gsize         length,
              gboolean      png,
              guint64      *width,
              guint64      *height)
{
  if (png)
    {
      /* signature, then the IHDR chunk: length, "IHDR", width, height */
      if (length < 24 || memcmp (data + 12, "IHDR", 4) != 0)
        return FALSE;
      *width = ((guint64) be16 (data + 16) << 16) | be16 (data + 18);
      *height = ((guint64) be16 (data + 20) << 16) | be16 (data + 22);
      return TRUE;
    }

  /* JPEG: markers after SOI up to the first frame header (SOFn) */
  for (gsize i = 2; i + 4 <= length;)
    {
      guint8 marker;

      if (data[i] != 0xff)
        return FALSE;
      marker = data[i + 1];
      if (marker == 0xff)
        {
          i++;
          continue;
        }
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (i + 9 > length)
            return FALSE;
          *height = be16 (data + i + 5);
          *width = be16 (data + i + 7);
          return TRUE;
        }
      if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01)
        i += 2;
      else
        i += 2 + be16 (data + i + 2);
    }
  return FALSE;
}

static gboolean
read_picture (const char    *path,
              const char    *type,
              GPtrArray     *found,
              GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_auto(Grey) grey = { 0 };
  GdkPixbuf *pixbuf;
  gsize length = 0;
  guint64 width = 0, height = 0;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_BROKEN,
                   _("“%s” cannot be read: %s"), path, local_error->message);
      return FALSE;
    }
  /* The size from the header, before any pixel is decoded. */
  if (!picture_size ((const guint8 *) contents, length, g_str_equal (type, "png"), &width, &height)
      || width == 0 || height == 0)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_BROKEN,
                   _("“%s” is damaged: its picture cannot be read. Scan or photograph the certificate again."), path);
      return FALSE;
    }
  if (width * height > XS_QR_READER_MAX_PIXELS)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_TOO_LARGE,
                   _("“%s” is too large a picture (%d × %d pixels). Scan the certificate at 300 dots per inch or less."),
                   path, (int) MIN (width, G_MAXINT), (int) MIN (height, G_MAXINT));
      return FALSE;
    }

  loader = gdk_pixbuf_loader_new_with_type (type, &local_error);
  if (loader == NULL)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_UNSUPPORTED,
                   _("Pictures of this kind cannot be read here (%s)."), local_error->message);
      return FALSE;
    }
  if (!gdk_pixbuf_loader_write (loader, (const guint8 *) contents, length, &local_error)
      || !gdk_pixbuf_loader_close (loader, &local_error)
      || (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL
      || gdk_pixbuf_get_n_channels (pixbuf) < 3
      || gdk_pixbuf_get_bits_per_sample (pixbuf) != 8)
    {
      if (local_error == NULL)
        g_clear_object (&loader);
      else
        gdk_pixbuf_loader_close (loader, NULL);
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_BROKEN,
                   _("“%s” is damaged or incomplete: its picture cannot be read. Scan or photograph the certificate again."), path);
      return FALSE;
    }
  if ((guint64) gdk_pixbuf_get_width (pixbuf) * gdk_pixbuf_get_height (pixbuf) > XS_QR_READER_MAX_PIXELS)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_TOO_LARGE,
                   _("“%s” is too large a picture (%d × %d pixels). Scan the certificate at 300 dots per inch or less."),
                   path, gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf));
      return FALSE;
    }
  grey_from_pixbuf (pixbuf, &grey);
  g_clear_pointer (&contents, g_free);
  scan_with_smaller (&grey, found);
  return TRUE;
}

static gboolean
read_pdf (const char    *path,
          GPtrArray     *found,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(XsDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  int n_pages;

  document = xs_document_new_from_file (path, NULL, &local_error);
  if (document == NULL)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_BROKEN,
                   "“%s”: %s", path, local_error->message);
      return FALSE;
    }
  n_pages = xs_document_get_n_pages (document);
  if (n_pages > XS_QR_READER_MAX_PAGES)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_TOO_LARGE,
                   _("“%s” has %d pages; a QR code is looked for in at most %d. Print the certificate to a PDF of its own."),
                   path, n_pages, XS_QR_READER_MAX_PAGES);
      return FALSE;
    }

  for (int i = 0; i < n_pages; i++)
    for (guint r = 0; r < G_N_ELEMENTS (pdf_dpi); r++)
      {
        cairo_surface_t *surface;
        g_auto(Grey) grey = { 0 };

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          return FALSE;
        surface = xs_document_render_page (document, i, pdf_dpi[r] / 72.0, &local_error);
        if (surface == NULL)
          {
            g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_BROKEN,
                         _("Page %d of “%s” cannot be drawn: %s"), i + 1, path, local_error->message);
            return FALSE;
          }
        grey_from_surface (surface, &grey);
        cairo_surface_destroy (surface);
        if (scan_grey (&grey, found) > 0)
          break;
      }
  return TRUE;
}

GPtrArray *
xs_qr_reader_read_file (const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  const char *type;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_BROKEN,
                   _("“%s” cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_UNSUPPORTED,
                   _("“%s” is not a file. Choose the photo, scan or PDF of the certificate."), path);
      return NULL;
    }
  if (g_file_info_get_size (info) > XS_QR_READER_MAX_BYTES)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB. Scan the certificate at 300 dots per inch or less."),
                   path, XS_QR_READER_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  type = xs_document_sniff_file (path, &local_error);
  if (type == NULL)
    {
      if (g_error_matches (local_error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_UNSUPPORTED))
        g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_UNSUPPORTED,
                     _("“%s” is not a JPEG, PNG or PDF file. Photograph or scan the certificate to one of those."), path);
      else
        g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_BROKEN,
                     "“%s”: %s", path, local_error->message);
      return NULL;
    }

  if (g_str_equal (type, "application/pdf"))
    {
      if (!read_pdf (path, found, cancellable, error))
        return NULL;
    }
  else if (!read_picture (path, g_str_equal (type, "image/png") ? "png" : "jpeg", found, error))
    return NULL;

  if (found->len == 0)
    {
      g_set_error (error, XS_QR_READER_ERROR, XS_QR_READER_ERROR_NOT_FOUND,
                   _("No QR code was found in “%s”. Photograph or scan the certificate again, with the whole code sharp and in the picture, or type its text."),
                   path);
      return NULL;
    }
  return g_steal_pointer (&found);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *found = xs_qr_reader_read_file (task_data, cancellable, &error);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

void
xs_qr_reader_read_file_async (const char          *path,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_qr_reader_read_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_thread);
}

GPtrArray *
xs_qr_reader_read_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

GPtrArray *
xs_qr_reader_read_surface (cairo_surface_t *surface)
{
  g_auto(Grey) grey = { 0 };
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (surface != NULL, found);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, found);

  grey_from_surface (surface, &grey);
  scan_grey (&grey, found);
  return found;
}
