/* xs-recognise.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-recognise"

#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#ifdef HAVE_TESSERACT
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#endif

#include "xs-evidence.h"
#include "xs-recognise.h"

G_DEFINE_QUARK (xs-recognise-error-quark, xs_recognise_error)

gboolean
xs_recognise_is_supported (void)
{
#ifdef HAVE_TESSERACT
  return TRUE;
#else
  return FALSE;
#endif
}

#ifdef HAVE_TESSERACT
static gboolean
set_cancelled (GCancellable  *cancellable,
               GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("Reading the text was cancelled."));
  return TRUE;
}

static bool
tess_cancel (void *cancel_this,
             int   words)
{
  return g_cancellable_is_cancelled (cancel_this);
}

static TessBaseAPI *
tess_new (GError **error)
{
  TessBaseAPI *api = TessBaseAPICreate ();

  if (TessBaseAPIInit3 (api, NULL, "chi_sim+eng") != 0)
    {
      TessBaseAPIDelete (api);
      g_set_error (error, XS_RECOGNISE_ERROR, XS_RECOGNISE_ERROR_LANGUAGE,
                   _("Text recognition needs its Chinese and English data (the Debian packages "
                     "tesseract-ocr-chi-sim and tesseract-ocr-eng)."));
      return NULL;
    }
  /* Chinese has no spaces between words; keep what the page has. */
  TessBaseAPISetVariable (api, "preserve_interword_spaces", "1");
  TessBaseAPISetVariable (api, "debug_file", "/dev/null");
  return api;
}

/* Reads the image already set on @api and appends its text to @out. */
static gboolean
tess_read (TessBaseAPI   *api,
           int            dpi,
           GString       *out,
           GCancellable  *cancellable,
           GError       **error)
{
  ETEXT_DESC *monitor = TessMonitorCreate ();
  char *text;
  int status;

  TessBaseAPISetSourceResolution (api, dpi);
  TessMonitorSetCancelFunc (monitor, tess_cancel);
  TessMonitorSetCancelThis (monitor, cancellable);
  status = TessBaseAPIRecognize (api, monitor);
  TessMonitorDelete (monitor);
  if (set_cancelled (cancellable, error))
    return FALSE;
  if (status != 0)
    {
      g_set_error (error, XS_RECOGNISE_ERROR, XS_RECOGNISE_ERROR_FAILED,
                   _("The text of the page could not be read."));
      return FALSE;
    }
  text = TessBaseAPIGetUTF8Text (api);
  if (text != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, text);
      TessDeleteText (text);
    }
  return TRUE;
}

static gboolean
read_picture (TessBaseAPI   *api,
              GBytes        *bytes,
              GString       *out,
              GCancellable  *cancellable,
              GError       **error)
{
  gsize size = 0;
  const l_uint8 *data = g_bytes_get_data (bytes, &size);
  PIX *pix = pixReadMem (data, size);
  l_int32 xres = 0, yres = 0;
  gboolean ok;

  if (pix == NULL)
    {
      g_set_error (error, XS_RECOGNISE_ERROR, XS_RECOGNISE_ERROR_FAILED,
                   _("The picture could not be decoded."));
      return FALSE;
    }
  pixGetResolution (pix, &xres, &yres);
  TessBaseAPISetImage2 (api, pix);
  ok = tess_read (api, xres >= 70 && xres <= 2400 ? xres : 200, out, cancellable, error);
  pixDestroy (&pix);
  return ok;
}

static gboolean
read_pdf (TessBaseAPI   *api,
          GBytes        *bytes,
          GString       *out,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GObject) document = NULL;
  int n_pages;

  document = G_OBJECT (poppler_document_new_from_bytes (bytes, NULL, error));
  if (document == NULL)
    return FALSE;
  n_pages = MIN (poppler_document_get_n_pages (POPPLER_DOCUMENT (document)), XS_RECOGNISE_MAX_PAGES);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), i));
      double width_pt = 0, height_pt = 0;
      double scale = XS_RECOGNISE_PDF_DPI / 72.0;
      cairo_surface_t *surface;
      cairo_t *cr;
      g_autofree guint8 *grey = NULL;
      const guint8 *data;
      int width, height, stride;
      gboolean ok;

      if (set_cancelled (cancellable, error))
        return FALSE;
      if (page == NULL)
        continue;
      poppler_page_get_size (POPPLER_PAGE (page), &width_pt, &height_pt);
      width = CLAMP ((int) (width_pt * scale), 1, 10000);
      height = CLAMP ((int) (height_pt * scale), 1, 14000);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, (double) width / width_pt, (double) height / height_pt);
      poppler_page_render_for_printing (POPPLER_PAGE (page), cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      grey = g_malloc ((gsize) width * height);
      for (int y = 0; y < height; y++)
        {
          const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

          for (int x = 0; x < width; x++)
            {
              guint32 p = row[x];

              grey[(gsize) y * width + x] = (((p >> 16) & 0xff) * 30 + ((p >> 8) & 0xff) * 59 + (p & 0xff) * 11) / 100;
            }
        }
      cairo_surface_destroy (surface);
      TessBaseAPISetImage (api, grey, width, height, 1, width);
      ok = tess_read (api, XS_RECOGNISE_PDF_DPI, out, cancellable, error);
      TessBaseAPIClear (api);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

#endif

XsRecognition *
xs_recognise_bytes (GBytes        *bytes,
                    const char    *name,
                    const char    *trainee_name,
                    GCancellable  *cancellable,
                    GError       **error)
{
#ifdef HAVE_TESSERACT
  g_autoptr(XsEvidence) evidence = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  TessBaseAPI *api;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The same checks as attaching: type, size, damage, passwords. */
  evidence = xs_evidence_inspect (bytes, name, error);
  if (evidence == NULL)
    return NULL;
  if (set_cancelled (cancellable, error))
    return NULL;
  api = tess_new (error);
  if (api == NULL)
    return NULL;
  if (g_str_equal (evidence->media_type, "application/pdf"))
    ok = read_pdf (api, bytes, text, cancellable, error);
  else
    ok = read_picture (api, bytes, text, cancellable, error);
  TessBaseAPIEnd (api);
  TessBaseAPIDelete (api);
  if (!ok)
    return NULL;
  return xs_recognition_from_text (text->str, trainee_name);
#else
  g_set_error (error, XS_RECOGNISE_ERROR, XS_RECOGNISE_ERROR_UNAVAILABLE,
               _("This copy of Xueshi was built without text recognition."));
  return NULL;
#endif
}

XsRecognition *
xs_recognise_file (const char    *path,
                   const char    *trainee_name,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GError *local = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &local);
  if (mapped == NULL)
    {
      g_set_error (error, XS_EVIDENCE_ERROR, XS_EVIDENCE_ERROR_READ,
                   _("Could not read “%s”: %s"), path, local->message);
      g_error_free (local);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  name = g_path_get_basename (path);
  return xs_recognise_bytes (bytes, name, trainee_name, cancellable, error);
}

typedef struct
{
  char *path;
  char *trainee_name;
} RecogniseData;

static void
recognise_data_free (RecogniseData *data)
{
  g_free (data->path);
  g_free (data->trainee_name);
  g_free (data);
}

static void
recognise_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RecogniseData *data = task_data;
  GError *error = NULL;
  XsRecognition *recognition = xs_recognise_file (data->path, data->trainee_name, cancellable, &error);

  if (recognition == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, recognition, (GDestroyNotify) xs_recognition_free);
}

void
xs_recognise_file_async (const char         *path,
                         const char         *trainee_name,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RecogniseData *data = g_new0 (RecogniseData, 1);

  g_return_if_fail (path != NULL);

  data->path = g_strdup (path);
  data->trainee_name = g_strdup (trainee_name);
  g_task_set_source_tag (task, xs_recognise_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) recognise_data_free);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, recognise_thread);
}

XsRecognition *
xs_recognise_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
