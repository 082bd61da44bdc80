/* xs-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "xs-document.h"

struct _XsDocument
{
  GObject          parent_instance;

  GMutex           lock;        /* held around every poppler call */
  PopplerDocument *document;
  GBytes          *bytes;       /* kept alive while poppler reads from it */
  GInputStream    *stream;      /* the same, for a file */
  int              n_pages;
  double          *sizes;       /* width, height of each page, in points */

  GMutex           pool_lock;
  GThreadPool     *pool;        /* one thread: the document's worker */
  guint64          sequence;    /* ties in priority go first come, first served */
};

G_DEFINE_FINAL_TYPE (XsDocument, xs_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (xs-document-error-quark, xs_document_error)

typedef struct
{
  int     index;
  double  scale;
  int     priority;   /* order in the worker's queue */
  guint64 sequence;
} RenderData;

static void
xs_document_finalize (GObject *object)
{
  XsDocument *self = XS_DOCUMENT (object);

  /* Every queued request holds a reference: the pool is idle here, and may
   * be freed from its own thread when the last request dropped the last
   * reference, hence no waiting. */
  if (self->pool != NULL)
    g_thread_pool_free (self->pool, TRUE, FALSE);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->stream);
  g_free (self->sizes);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->pool_lock);

  G_OBJECT_CLASS (xs_document_parent_class)->finalize (object);
}

static void
xs_document_class_init (XsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_document_finalize;
}

static void
xs_document_init (XsDocument *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->pool_lock);
}

const char *
xs_document_sniff_file (const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint8 head[1024];
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &length, NULL, &local_error))
    {
      g_set_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                   _("The file cannot be read (%s). It may have been moved or deleted."),
                   local_error->message);
      return NULL;
    }

  if (length == 0)
    {
      g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                           _("The file is empty. Attach the scan again."));
      return NULL;
    }
  /* Some scanners write a few bytes before the PDF header; readers accept
   * it within the first kilobyte. */
  if (length >= 5 && memmem (head, length, "%PDF-", 5) != NULL)
    return "application/pdf";
  if (length >= 8 && memcmp (head, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (length >= 3 && memcmp (head, "\xff\xd8\xff", 3) == 0)
    return "image/jpeg";

  g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_UNSUPPORTED,
                       _("This file is not a PDF, JPEG or PNG file, so it cannot be shown."));
  return NULL;
}

static void
set_open_error (const GError *poppler_error,
                const char   *password,
                GError      **error)
{
  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password == NULL || password[0] == '\0')
        g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_NEEDS_PASSWORD,
                             _("This PDF is protected by a password."));
      else
        g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_WRONG_PASSWORD,
                             _("The password is not right. Check it and try again."));
    }
  else if (g_error_matches (poppler_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
           || g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_OPEN_FILE))
    g_set_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                 _("The file cannot be read (%s). It may have been moved or deleted."),
                 poppler_error->message);
  else
    g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                         _("The PDF is damaged and cannot be opened. Scan or save it again."));
}

static XsDocument *
wrap (PopplerDocument  *document,
      GBytes           *bytes,
      GError          **error)
{
  g_autoptr(XsDocument) self = NULL;
  int n_pages = poppler_document_get_n_pages (document);

  if (n_pages <= 0)
    {
      g_object_unref (document);
      g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                           _("The PDF has no pages. It may be damaged: scan or save it again."));
      return NULL;
    }

  self = g_object_new (XS_TYPE_DOCUMENT, NULL);
  self->document = document;
  self->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  self->n_pages = n_pages;
  self->sizes = g_new0 (double, 2 * (gsize) n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      double width = 0, height = 0;

      if (page != NULL)
        {
          poppler_page_get_size (page, &width, &height);
          g_object_unref (page);
        }
      /* A page without a usable size is drawn as A4. */
      if (!(width >= 1 && height >= 1 && width < 1e5 && height < 1e5))
        {
          width = 595.0;
          height = 842.0;
        }
      self->sizes[2 * i] = width;
      self->sizes[2 * i + 1] = height;
    }
  return g_steal_pointer (&self);
}

XsDocument *
xs_document_new_from_file (const char  *path,
                           const char  *password,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  PopplerDocument *document;
  XsDocument *self;

  g_return_val_if_fail (path != NULL, NULL);

  /* Poppler's own file reader asks the disk for 256 bytes at a time;
   * from a stream it reads a kilobyte at a time, a quarter of the system
   * calls, which shows in the first page of a large scan. */
  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                   _("The file cannot be read (%s). It may have been moved or deleted."),
                   local_error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) <= 0)
    {
      g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                           _("The file is empty. Attach the scan again."));
      return NULL;
    }
  document = poppler_document_new_from_stream (G_INPUT_STREAM (stream), g_file_info_get_size (info),
                                               password, NULL, &local_error);
  if (document == NULL)
    {
      set_open_error (local_error, password, error);
      return NULL;
    }
  self = wrap (document, NULL, error);
  if (self != NULL)
    self->stream = G_INPUT_STREAM (g_steal_pointer (&stream));
  return self;
}

XsDocument *
xs_document_new_from_bytes (GBytes      *bytes,
                            const char  *password,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                           _("The file is empty. Attach the scan again."));
      return NULL;
    }
  document = poppler_document_new_from_bytes (bytes, password, &local_error);
  if (document == NULL)
    {
      set_open_error (local_error, password, error);
      return NULL;
    }
  return wrap (document, bytes, error);
}

int
xs_document_get_n_pages (XsDocument *self)
{
  g_return_val_if_fail (XS_IS_DOCUMENT (self), 0);

  return self->n_pages;
}

void
xs_document_get_page_size (XsDocument *self,
                           int         index,
                           double     *width,
                           double     *height)
{
  g_return_if_fail (XS_IS_DOCUMENT (self));
  g_return_if_fail (index >= 0 && index < self->n_pages);

  if (width != NULL)
    *width = self->sizes[2 * index];
  if (height != NULL)
    *height = self->sizes[2 * index + 1];
}

double
xs_document_clamp_scale (XsDocument *self,
                         int         index,
                         double      scale)
{
  double width, height, largest;

  g_return_val_if_fail (XS_IS_DOCUMENT (self), 1.0);
  g_return_val_if_fail (index >= 0 && index < self->n_pages, 1.0);

  xs_document_get_page_size (self, index, &width, &height);
  largest = MAX (width, height);
  if (!(scale > 0) || !isfinite (scale))
    scale = 1.0;
  if (largest * scale > XS_DOCUMENT_MAX_RENDER_SIZE)
    scale = XS_DOCUMENT_MAX_RENDER_SIZE / largest;
  /* At least one pixel each way. */
  if (MIN (width, height) * scale < 1)
    scale = 1 / MIN (width, height);
  return scale;
}

void
xs_document_get_render_size (XsDocument *self,
                             int         index,
                             double      scale,
                             int        *pixel_width,
                             int        *pixel_height)
{
  double width, height;

  g_return_if_fail (XS_IS_DOCUMENT (self));
  g_return_if_fail (index >= 0 && index < self->n_pages);

  scale = xs_document_clamp_scale (self, index, scale);
  xs_document_get_page_size (self, index, &width, &height);
  /* A hair under a whole pixel is rounding, not another pixel. */
  if (pixel_width != NULL)
    *pixel_width = MAX (1, (int) ceil (width * scale - 0.01));
  if (pixel_height != NULL)
    *pixel_height = MAX (1, (int) ceil (height * scale - 0.01));
}

cairo_surface_t *
xs_document_render_page (XsDocument  *self,
                         int          index,
                         double       scale,
                         GError     **error)
{
  PopplerPage *page;
  cairo_surface_t *surface;
  int pixel_width, pixel_height;
  cairo_t *cr;

  g_return_val_if_fail (XS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index >= 0 && index < self->n_pages, NULL);

  scale = xs_document_clamp_scale (self, index, scale);
  xs_document_get_render_size (self, index, scale, &pixel_width, &pixel_height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                           _("There is not enough memory to show this page. Try a smaller zoom."));
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);

  g_mutex_lock (&self->lock);
  page = poppler_document_get_page (self->document, index);
  if (page != NULL)
    {
      poppler_page_render (page, cr);
      g_object_unref (page);
    }
  g_mutex_unlock (&self->lock);

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (page == NULL)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                   _("Page %d of the PDF is damaged and cannot be shown."), index + 1);
      return NULL;
    }
  return surface;
}

static void
render_in_worker (gpointer data,
                  gpointer user_data)
{
  g_autoptr(GTask) task = data;
  XsDocument *self = g_task_get_source_object (task);
  RenderData *render = g_task_get_task_data (task);
  GError *error = NULL;
  cairo_surface_t *surface;

  if (g_task_return_error_if_cancelled (task))
    return;
  surface = xs_document_render_page (self, render->index, render->scale, &error);
  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static int
compare_requests (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GTask *task_a = (GTask *) a, *task_b = (GTask *) b;
  RenderData *render_a = g_task_get_task_data (task_a);
  RenderData *render_b = g_task_get_task_data (task_b);
  if (render_a->priority != render_b->priority)
    return render_a->priority < render_b->priority ? -1 : 1;
  return render_a->sequence < render_b->sequence ? -1 : render_a->sequence > render_b->sequence;
}

void
xs_document_render_page_async (XsDocument          *self,
                               int                  index,
                               double               scale,
                               int                  io_priority,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RenderData *render;

  g_return_if_fail (XS_IS_DOCUMENT (self));
  g_return_if_fail (index >= 0 && index < self->n_pages);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_document_render_page_async);
  /* @io_priority orders the worker's queue only: the result comes back at
   * the default priority, so that a busy main loop (an animation) cannot
   * starve an idle-priority result. */
  g_task_set_return_on_cancel (task, FALSE);

  render = g_new0 (RenderData, 1);
  render->index = index;
  render->scale = scale;
  render->priority = io_priority;

  g_mutex_lock (&self->pool_lock);
  render->sequence = self->sequence++;
  if (self->pool == NULL)
    {
      self->pool = g_thread_pool_new (render_in_worker, NULL, 1, FALSE, NULL);
      g_thread_pool_set_sort_function (self->pool, compare_requests, NULL);
    }
  g_mutex_unlock (&self->pool_lock);

  g_task_set_task_data (task, render, g_free);
  g_thread_pool_push (self->pool, g_steal_pointer (&task), NULL);
}

cairo_surface_t *
xs_document_render_page_finish (XsDocument    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == xs_document_render_page_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
