/* xs-document-loader.c
 *
 * The file is sniffed and opened in a job, which for a PDF also renders
 * the first page as the view will show it: this saves a trip through the
 * main loop, which may be busy drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-document-loader"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-document-loader.h"
#include "xs-job.h"
#include "xs-page-view.h"
#include "xs-texture.h"

struct _XsDocumentLoader
{
  GObject      parent_instance;

  char        *path;
  char        *password;
  int          view_width;
  int          view_height;
  int          factor;

  XsDocument  *document;
  GdkTexture  *image;
  GdkTexture  *first_page;
  int          first_width;
};

G_DEFINE_FINAL_TYPE (XsDocumentLoader, xs_document_loader, G_TYPE_OBJECT)

/* What the worker is given: plain data. */
typedef struct
{
  char *path;
  char *password;
  int   view_width;
  int   view_height;
  int   factor;
} Input;

/* What it gives back. */
typedef struct
{
  XsDocument      *document;
  GdkTexture      *image;
  GdkTexture      *first_page;
  int              first_width;
} Loaded;

static void
input_free (Input *input)
{
  g_free (input->path);
  g_free (input->password);
  g_free (input);
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->document);
  g_clear_object (&loaded->image);
  g_clear_object (&loaded->first_page);
  g_free (loaded);
}

XsDocumentLoader *
xs_document_loader_new (const char *path,
                        const char *password)
{
  XsDocumentLoader *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (XS_TYPE_DOCUMENT_LOADER, NULL);
  self->path = g_strdup (path);
  self->password = g_strdup (password);
  return self;
}

void
xs_document_loader_set_view_size (XsDocumentLoader *self,
                                  int               width,
                                  int               height,
                                  int               factor)
{
  g_return_if_fail (XS_IS_DOCUMENT_LOADER (self));

  self->view_width = MAX (width, 0);
  self->view_height = MAX (height, 0);
  self->factor = MAX (factor, 1);
}

/* The first page as the view will want it (a PDF opens at fit width),
 * while nobody else has the document yet. */
static void
render_first_page (const Input *input,
                   Loaded      *loaded)
{
  double width, height, scale;
  cairo_surface_t *surface;

  xs_document_get_page_size (loaded->document, 0, &width, &height);
  scale = xs_page_view_scale_for ("fit-width", 1.0, 96.0 / 72.0, FALSE, width, height,
                                  input->view_width, input->view_height);
  if (scale <= 0)
    return;
  scale = xs_document_clamp_scale (loaded->document, 0, scale * input->factor);
  xs_document_get_render_size (loaded->document, 0, scale, &loaded->first_width, NULL);
  surface = xs_document_render_page (loaded->document, 0, scale, NULL);
  if (surface == NULL)
    return;
  /* A texture is made in any thread; this one takes a few milliseconds. */
  loaded->first_page = xs_texture_new_for_opaque_surface (surface);
  cairo_surface_destroy (surface);
}

static gboolean
load (XsJob         *job,
      XsDb          *db,
      gpointer       data,
      GCancellable  *cancellable,
      GError       **error)
{
  const Input *input = data;
  Loaded *loaded = g_new0 (Loaded, 1);
  const char *type;

  xs_job_set_result (job, loaded, (GDestroyNotify) loaded_free);
  type = xs_document_sniff_file (input->path, error);
  if (type == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_str_equal (type, "application/pdf"))
    {
      loaded->document = xs_document_new_from_file (input->path, input->password, error);
      if (loaded->document == NULL)
        return FALSE;
      if (!g_cancellable_is_cancelled (cancellable))
        render_first_page (input, loaded);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (input->path);
      g_autoptr(GError) local_error = NULL;

      loaded->image = gdk_texture_new_from_file (file, &local_error);
      if (loaded->image == NULL)
        {
          g_debug ("%s: %s", input->path, local_error->message);
          g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                               _("The picture is damaged and cannot be shown. Scan or photograph the paper again."));
          return FALSE;
        }
    }
  return TRUE;
}

void
xs_document_loader_load_async (XsDocumentLoader    *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(XsJob) job = NULL;
  Input *input;

  g_return_if_fail (XS_IS_DOCUMENT_LOADER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_document_loader_load_async);
  input = g_new0 (Input, 1);
  input->path = g_strdup (self->path);
  input->password = g_strdup (self->password);
  input->view_width = self->view_width;
  input->view_height = self->view_height;
  input->factor = MAX (self->factor, 1);
  job = xs_job_new (NULL, load, input, (GDestroyNotify) input_free);
  xs_job_run_for_task (job, task);
}

gboolean
xs_document_loader_load_finish (XsDocumentLoader  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  Loaded *loaded;

  g_return_val_if_fail (XS_IS_DOCUMENT_LOADER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;
  g_set_object (&self->document, loaded->document);
  g_set_object (&self->image, loaded->image);
  g_set_object (&self->first_page, loaded->first_page);
  self->first_width = loaded->first_width;
  loaded_free (loaded);
  return TRUE;
}

XsDocument *
xs_document_loader_get_document (XsDocumentLoader *self)
{
  g_return_val_if_fail (XS_IS_DOCUMENT_LOADER (self), NULL);
  return self->document;
}

GdkTexture *
xs_document_loader_get_image (XsDocumentLoader *self)
{
  g_return_val_if_fail (XS_IS_DOCUMENT_LOADER (self), NULL);
  return self->image;
}

GdkTexture *
xs_document_loader_get_first_page (XsDocumentLoader *self,
                                   int              *pixel_width)
{
  g_return_val_if_fail (XS_IS_DOCUMENT_LOADER (self), NULL);

  if (pixel_width != NULL)
    *pixel_width = self->first_width;
  return self->first_page;
}

static void
xs_document_loader_finalize (GObject *object)
{
  XsDocumentLoader *self = XS_DOCUMENT_LOADER (object);

  g_free (self->path);
  g_free (self->password);
  g_clear_object (&self->document);
  g_clear_object (&self->image);
  g_clear_object (&self->first_page);

  G_OBJECT_CLASS (xs_document_loader_parent_class)->finalize (object);
}

static void
xs_document_loader_class_init (XsDocumentLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_document_loader_finalize;
}

static void
xs_document_loader_init (XsDocumentLoader *self)
{
  self->factor = 1;
}
