/* xs-evidence-viewer-page.c
 *
 * Pages are rendered by the document's worker (see xs-document.h), most
 * urgent first: the page on screen, then the next page, then the visible
 * thumbnails (XsThumbnailStrip asks for those). Results come back as cairo image surfaces and are wrapped,
 * without a copy, in memory textures. An XsPageCache keeps recent renders;
 * results for a page or zoom the user has left are not shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xs-texture.h"
#include "xs-evidence-viewer-private.h"

#define PAGE_MARGIN      12                   /* around the page, in the .ui */
#define SPINNER_DELAY_MS 400

XsEvidenceViewerRequest *
_xs_evidence_viewer_request_new (XsEvidenceViewer *self,
                                 int               page,
                                 guint64           key,
                                 GCancellable     *cancellable)
{
  XsEvidenceViewerRequest *request = g_new0 (XsEvidenceViewerRequest, 1);

  g_weak_ref_init (&request->viewer, self);
  request->generation = self->generation;
  request->page = page;
  request->key = key;
  request->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return request;
}

void
_xs_evidence_viewer_request_free (XsEvidenceViewerRequest *request)
{
  g_weak_ref_clear (&request->viewer);
  g_clear_object (&request->cancellable);
  g_free (request);
}

guint64
_xs_evidence_viewer_make_key (int page,
                              int pixel_width)
{
  return (guint64) (guint32) page << 32 | (guint32) pixel_width;
}

/* Geometry */

gboolean
_xs_evidence_viewer_is_loaded (XsEvidenceViewer *self)
{
  return self->document != NULL || self->image != NULL;
}

static void
get_page_size (XsEvidenceViewer *self,
               int               page,
               double           *width,
               double           *height)
{
  if (self->document != NULL)
    xs_document_get_page_size (self->document, page, width, height);
  else if (self->image != NULL)
    {
      *width = gdk_texture_get_width (self->image);
      *height = gdk_texture_get_height (self->image);
    }
  else
    *width = *height = 1;
}

/* Screen pixels per page unit at 100 %: a PDF is shown at 96 dpi, a
 * picture pixel for pixel. */
double
_xs_evidence_viewer_base_scale (XsEvidenceViewer *self)
{
  return self->document != NULL ? 96.0 / 72.0 : 1.0;
}

/* Screen pixels per page unit for @mode, or 0 while the page area has no
 * size yet. Pure: the loading thread uses it too. */
double
_xs_evidence_viewer_scale_for (const char *mode,
                               double      zoom,
                               double      base,
                               gboolean    picture,
                               double      width,
                               double      height,
                               int         area_width,
                               int         area_height)
{
  double fit_width = (area_width - 2 * PAGE_MARGIN - 2) / width;
  double fit_height = (area_height - 2 * PAGE_MARGIN - 2) / height;
  double scale;

  if (g_str_equal (mode, "fit-width"))
    {
      if (area_width <= 2 * PAGE_MARGIN + 2)
        return 0;
      scale = fit_width;
    }
  else if (g_str_equal (mode, "fit-page"))
    {
      if (area_width <= 2 * PAGE_MARGIN + 2 || area_height <= 2 * PAGE_MARGIN + 2)
        return 0;
      scale = MIN (fit_width, fit_height);
      /* A small picture is not blown up past its own size. */
      if (picture)
        scale = MIN (scale, base);
    }
  else if (g_str_equal (mode, "actual"))
    scale = base;
  else
    scale = zoom * base;

  return CLAMP (scale, MIN_ZOOM * base, MAX_ZOOM * base);
}

double
_xs_evidence_viewer_compute_scale (XsEvidenceViewer *self)
{
  double width, height;

  get_page_size (self, self->page, &width, &height);
  return _xs_evidence_viewer_scale_for (self->zoom_mode, self->zoom, _xs_evidence_viewer_base_scale (self),
                                        self->image != NULL, width, height,
                                        gtk_widget_get_width (GTK_WIDGET (self->page_scroller)),
                                        gtk_widget_get_height (GTK_WIDGET (self->page_scroller)));
}

static void
update_zoom_label (XsEvidenceViewer *self,
                   double            scale)
{
  g_autofree char *label = NULL;

  if (g_str_equal (self->zoom_mode, "fit-width"))
    label = g_strdup (_("Fit Width"));
  else if (g_str_equal (self->zoom_mode, "fit-page"))
    label = g_strdup (_("Fit Page"));
  else
    /* Translators: a zoom level, e.g. 125 % */
    label = g_strdup_printf (_("%d %%"), (int) round (scale / _xs_evidence_viewer_base_scale (self) * 100));
  gtk_menu_button_set_label (self->zoom_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The main page */

static void prefetch_next_page (XsEvidenceViewer *self);

static gboolean
show_spinner_now (gpointer user_data)
{
  XsEvidenceViewer *self = user_data;

  self->spinner_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  return G_SOURCE_REMOVE;
}

/* The spinner comes only when the wait is long enough to notice: before
 * that its frames would only take time from the render. */
void
_xs_evidence_viewer_show_spinner (XsEvidenceViewer *self,
                                  gboolean          shown)
{
  if (!shown)
    {
      g_clear_handle_id (&self->spinner_id, g_source_remove);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      gtk_spinner_set_spinning (self->spinner, FALSE);
    }
  else if (self->spinner_id == 0 && !gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
    self->spinner_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner_now, self);
}

/* Thumbnails and the next page wait until the page on screen has been
 * painted: until then they would only slow it down. */
static void
on_page_painted (GdkFrameClock    *clock,
                 XsEvidenceViewer *self)
{
  g_clear_signal_handler (&self->painted_id, clock);
  g_clear_weak_pointer (&self->painted_clock);
  if (self->document == NULL)
    return;
  xs_thumbnail_strip_start (self->thumbnail_strip);
  prefetch_next_page (self);
}

static void
set_page_texture (XsEvidenceViewer *self,
                  GdkTexture       *texture,
                  int               page,
                  guint64           key)
{
  GdkFrameClock *clock;

  gtk_picture_set_paintable (self->page_picture, GDK_PAINTABLE (texture));
  self->shown_key = key;
  self->shown_page = texture != NULL ? page : -1;
  _xs_evidence_viewer_show_spinner (self, texture == NULL);
  if (texture == NULL || key == 0 || self->document == NULL)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      xs_thumbnail_strip_start (self->thumbnail_strip);
      prefetch_next_page (self);
    }
  else
    {
      /* A frame clock that went away (the window was closed) took the
       * handler with it. */
      if (self->painted_clock == NULL)
        self->painted_id = 0;
      if (self->painted_id != 0)
        return;
      g_set_weak_pointer (&self->painted_clock, clock);
      self->painted_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_page_painted), self);
    }
}

static void
request_render (XsEvidenceViewer *self,
                int               page,
                double            device_scale,
                guint64           key,
                int               priority,
                GCancellable     *cancellable)
{
  xs_document_render_page_async (self->document, page, device_scale, priority, cancellable,
                                 _xs_evidence_viewer_on_page_rendered,
                                 _xs_evidence_viewer_request_new (self, page, key, cancellable));
}

static void
prefetch_next_page (XsEvidenceViewer *self)
{
  int next = self->page + 1;
  double scale = _xs_evidence_viewer_compute_scale (self);
  double device_scale;
  int pixel_width;
  guint64 key;

  if (self->document == NULL || next >= self->n_pages || self->prefetch_key != 0 || scale <= 0)
    return;
  /* The next page at the same zoom (its size may differ). */
  device_scale = xs_document_clamp_scale (self->document, next,
                                          scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  xs_document_get_render_size (self->document, next, device_scale, &pixel_width, NULL);
  key = _xs_evidence_viewer_make_key (next, pixel_width);
  if (xs_page_cache_contains (self->cache, key))
    return;
  self->prefetch_key = key;
  request_render (self, next, device_scale, key, PRIORITY_PREFETCH, self->load_cancellable);
}

void
_xs_evidence_viewer_update_view (XsEvidenceViewer *self)
{
  double scale, device_scale, width, height;
  int factor, pixel_width, pixel_height;
  GdkTexture *cached;
  guint64 key;

  if (!_xs_evidence_viewer_is_loaded (self))
    return;
  scale = _xs_evidence_viewer_compute_scale (self);
  if (scale <= 0)
    return;   /* again when the page area has its size */

  update_zoom_label (self, scale);

  if (self->image != NULL)
    {
      get_page_size (self, self->page, &width, &height);
      gtk_widget_set_size_request (GTK_WIDGET (self->page_picture),
                                   MAX (1, (int) round (width * scale)),
                                   MAX (1, (int) round (height * scale)));
      if (gtk_picture_get_paintable (self->page_picture) != GDK_PAINTABLE (self->image))
        set_page_texture (self, self->image, 0, 1);
      return;
    }

  /* The page is as large as its render, pixel for pixel: no blur. */
  factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  device_scale = xs_document_clamp_scale (self->document, self->page, scale * factor);
  xs_document_get_render_size (self->document, self->page, device_scale, &pixel_width, &pixel_height);
  gtk_widget_set_size_request (GTK_WIDGET (self->page_picture),
                               (pixel_width + factor - 1) / factor,
                               (pixel_height + factor - 1) / factor);
  key = _xs_evidence_viewer_make_key (self->page, pixel_width);
  self->wanted_key = key;

  if (self->shown_key == key)
    return;

  cached = xs_page_cache_lookup (self->cache, key);
  if (cached != NULL)
    {
      set_page_texture (self, cached, self->page, key);
      return;
    }

  /* While the render runs: the same page at the old zoom, scaled, or its
   * thumbnail, or nothing (and the spinner). */
  if (self->shown_page != self->page)
    set_page_texture (self, xs_thumbnail_strip_lookup (self->thumbnail_strip, self->page),
                      self->page, 0);
  else
    self->shown_key = 0;
  if (gtk_picture_get_paintable (self->page_picture) == NULL)
    _xs_evidence_viewer_show_spinner (self, TRUE);

  if (key == self->page_request_key || key == self->prefetch_key)
    return;   /* on its way */

  /* The user moved on: the page asked for before is not needed now. */
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_cancellable = g_cancellable_new ();
  self->page_request_key = key;
  request_render (self, self->page, device_scale, key, PRIORITY_PAGE, self->page_cancellable);
}

void
_xs_evidence_viewer_on_thumbnail_ready (XsEvidenceViewer *self,
                                        int               page,
                                        GdkTexture       *texture)
{
  if (page == self->page && self->document != NULL
      && gtk_picture_get_paintable (self->page_picture) == NULL)
    set_page_texture (self, texture, page, 0);
}

void
_xs_evidence_viewer_on_page_rendered (GObject      *source,
                                      GAsyncResult *result,
                                      gpointer      user_data)
{
  g_autoptr(XsEvidenceViewerRequest) request = user_data;
  g_autoptr(XsEvidenceViewer) self = g_weak_ref_get (&request->viewer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  surface = xs_document_render_page_finish (XS_DOCUMENT (source), result, &error);
  if (surface != NULL)
    {
      texture = xs_texture_new_for_surface (surface);
      cairo_surface_destroy (surface);
    }

  if (self == NULL || request->generation != self->generation)
    return;

  if (request->key == self->page_request_key)
    self->page_request_key = 0;
  if (request->key == self->prefetch_key)
    self->prefetch_key = 0;

  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Page %d of %s: %s", request->page + 1, self->path, error->message);
      return;
    }

  xs_page_cache_insert (self->cache, request->key, texture);
  /* texture keeps surface alive */
  xs_thumbnail_strip_add_from_page (self->thumbnail_strip, request->page, surface);
  if (request->key == self->wanted_key)
    set_page_texture (self, texture, request->page, request->key);
  /* else the user moved on: kept for a way back, not shown */
  else if (request->key == self->shown_key)
    prefetch_next_page (self);
}

static gboolean
update_in_idle (gpointer user_data)
{
  XsEvidenceViewer *self = user_data;

  self->update_id = 0;
  _xs_evidence_viewer_update_view (self);
  return G_SOURCE_REMOVE;
}

/* Size changes arrive during allocation: the new size request waits for it
 * to end. */
void
_xs_evidence_viewer_queue_update (XsEvidenceViewer *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_in_idle, self, NULL);
}
