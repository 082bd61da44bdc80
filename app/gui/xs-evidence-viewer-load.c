/* xs-evidence-viewer-load.c
 *
 * The file is sniffed and opened in a job, which for a PDF also renders
 * the first page; a wrong or missing password and a damaged file get a
 * page of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-job.h"
#include "xs-texture.h"
#include "xs-evidence-viewer-private.h"

typedef struct
{
  char            *path;
  char            *password;
  int              area_width;    /* of the page area, 0 if unknown */
  int              area_height;
  int              factor;        /* screen pixels per logical pixel */
  XsDocument      *document;
  GdkTexture      *image;
  cairo_surface_t *first_page;    /* rendered at once, as it will be shown */
  guint64          first_key;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->password);
  g_clear_object (&data->document);
  g_clear_object (&data->image);
  g_clear_pointer (&data->first_page, cairo_surface_destroy);
  g_free (data);
}

/* The first page as the page area will want it (a PDF opens at fit width),
 * while nobody else has the document yet: this saves a trip through the
 * main loop, which may be busy drawing. */
static void
render_first_page (LoadData *data)
{
  double width, height, scale;
  int pixel_width;

  xs_document_get_page_size (data->document, 0, &width, &height);
  scale = _xs_evidence_viewer_scale_for ("fit-width", 1.0, 96.0 / 72.0, FALSE, width, height,
                                         data->area_width, data->area_height);
  if (scale <= 0)
    return;
  scale = xs_document_clamp_scale (data->document, 0, scale * data->factor);
  xs_document_get_render_size (data->document, 0, scale, &pixel_width, NULL);
  data->first_page = xs_document_render_page (data->document, 0, scale, NULL);
  data->first_key = _xs_evidence_viewer_make_key (0, pixel_width);
}

/* The data's outputs are filled in the worker. */
static gboolean
load_document (XsJob         *job,
               XsDb          *db,
               gpointer       task_data,
               GCancellable  *cancellable,
               GError       **error)
{
  LoadData *data = task_data;
  const char *type;

  type = xs_document_sniff_file (data->path, error);
  if (type == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_str_equal (type, "application/pdf"))
    {
      data->document = xs_document_new_from_file (data->path, data->password, error);
      if (data->document == NULL)
        return FALSE;
      if (!g_cancellable_is_cancelled (cancellable))
        render_first_page (data);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (data->path);
      g_autoptr(GError) local_error = NULL;

      data->image = gdk_texture_new_from_file (file, &local_error);
      if (data->image == NULL)
        {
          g_debug ("%s: %s", data->path, local_error->message);
          g_set_error_literal (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                               _("The picture is damaged and cannot be shown. Scan or photograph the paper again."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Forgets the document and every request for it. */
void
_xs_evidence_viewer_reset (XsEvidenceViewer *self)
{
  self->generation++;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  if (self->thumbnail_strip != NULL)
    xs_thumbnail_strip_set_document (self->thumbnail_strip, NULL);
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  if (self->painted_clock != NULL)
    g_clear_signal_handler (&self->painted_id, self->painted_clock);
  self->painted_id = 0;
  g_clear_weak_pointer (&self->painted_clock);

  g_clear_object (&self->document);
  g_clear_object (&self->image);
  self->n_pages = 0;
  self->page = 0;
  self->wanted_key = self->shown_key = 0;
  self->page_request_key = self->prefetch_key = 0;
  self->shown_page = -1;
  xs_page_cache_clear (self->cache);
}

static void on_loaded (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data);

void
_xs_evidence_viewer_start_load (XsEvidenceViewer *self)
{
  g_autoptr(XsJob) job = NULL;
  LoadData *data;

  _xs_evidence_viewer_reset (self);
  gtk_picture_set_paintable (self->page_picture, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->page_picture), FALSE);
  _xs_evidence_viewer_show_spinner (self, TRUE);
  _xs_evidence_viewer_update_controls (self);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), "");
  gtk_label_set_label (self->n_pages_label, "");
  gtk_stack_set_visible_child_name (self->stack, "document");

  self->load_cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (self->path);
  data->password = g_strdup (self->password);
  data->area_width = gtk_widget_get_width (GTK_WIDGET (self->page_scroller));
  data->area_height = gtk_widget_get_height (GTK_WIDGET (self->page_scroller));
  data->factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  job = xs_job_new (NULL, load_document, data, (GDestroyNotify) load_data_free);
  xs_job_run_async (job, self->load_cancellable, on_loaded,
                    _xs_evidence_viewer_request_new (self, 0, 0, NULL));
}

static void
show_error (XsEvidenceViewer *self,
            const GError     *error)
{
  g_autofree char *title = NULL;

  /* Translators: %s is the file name */
  title = g_strdup_printf (_("Cannot Show “%s”"), self->title);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
show_password_page (XsEvidenceViewer *self,
                    const GError     *error)
{
  g_autofree char *description = NULL;
  gboolean wrong = g_error_matches (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_WRONG_PASSWORD);

  /* Translators: %s is the file name */
  description = g_strdup_printf (_("Type the password of “%s” to see it. The person who sent the file can tell you the password."),
                                 self->title);
  adw_status_page_set_description (self->password_page, description);
  gtk_label_set_label (self->password_error, wrong ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->password_error), wrong);
  gtk_stack_set_visible_child_name (self->stack, "password");
  if (!wrong)
    gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
  if (wrong)
    gtk_editable_select_region (GTK_EDITABLE (self->password_entry), 0, -1);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(XsEvidenceViewerRequest) request = user_data;
  g_autoptr(XsEvidenceViewer) self = g_weak_ref_get (&request->viewer);
  LoadData *data = xs_job_get_data (XS_JOB (source));
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (XS_JOB (source), result, &error))
    {
      if (self == NULL || request->generation != self->generation
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _xs_evidence_viewer_show_spinner (self, FALSE);
      if (g_error_matches (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_NEEDS_PASSWORD)
          || g_error_matches (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_WRONG_PASSWORD))
        show_password_page (self, error);
      else
        show_error (self, error);
      return;
    }
  if (self == NULL || request->generation != self->generation)
    return;

  /* In the cache before the page asks for it. */
  if (data->first_page != NULL)
    {
      g_autoptr(GdkTexture) texture = xs_texture_new_for_surface (data->first_page);

      xs_page_cache_insert (self->cache, data->first_key, texture);
    }

  _xs_evidence_viewer_set_document (self, g_steal_pointer (&data->document), g_steal_pointer (&data->image));
}
