/* xs-page-view.c
 *
 * Pages are rendered by the document's worker (see xs-document.h), most
 * urgent first: the page on screen, then the next page, then the visible
 * thumbnails (XsThumbnailStrip asks for those). Results come back as cairo
 * image surfaces and are wrapped, without a copy, in memory textures. An
 * XsPageCache keeps recent renders; results for a page or zoom the user
 * has left are not shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-page-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xs-page-cache.h"
#include "xs-page-view.h"
#include "xs-texture.h"
#include "xs-thumbnail-strip.h"

#define PAGE_MARGIN      12                   /* around the page, in the .ui */
#define SPINNER_DELAY_MS 400
#define CACHE_LIMIT      (64 * 1024 * 1024)   /* bytes of rendered pages kept */

/* Worker priorities: lower goes first. */
#define PRIORITY_PAGE      G_PRIORITY_DEFAULT
#define PRIORITY_PREFETCH  G_PRIORITY_DEFAULT_IDLE

struct _XsPageView
{
  GtkWidget          parent_instance;

  XsDocument        *document;        /* a PDF, or … */
  GdkTexture        *image;           /* … a picture */
  int                n_pages;
  int                page;
  char              *zoom_mode;
  double             zoom;
  double             scale;           /* last computed, for :scale */
  guint              generation;      /* one per document: older results are dropped */
  GCancellable      *cancellable;     /* the document's renders */

  guint64            wanted_key;      /* what the view should show */
  guint64            shown_key;       /* what it shows (0: nothing or a stand-in) */
  int                shown_page;      /* page of the texture shown, -1 for none */
  guint64            page_request_key;
  GCancellable      *page_cancellable;
  guint64            prefetch_key;
  guint              update_id;
  guint              spinner_id;
  gulong             painted_id;
  GdkFrameClock     *painted_clock;   /* weak: painted_id's */

  XsPageCache       *cache;           /* recent renders … */
  gconstpointer      cache_document;  /* … of this document (compared, not held) */
  XsThumbnailStrip  *thumbnails;

  /* template children */
  GtkScrolledWindow *scroller;
  GtkPicture        *picture;
  GtkSpinner        *spinner;
};

G_DEFINE_FINAL_TYPE (XsPageView, xs_page_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_THUMBNAILS,
  PROP_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A render asked of the worker: holds the view weakly, so that a closed
 * view is finalized at once and its late results are dropped. */
typedef struct
{
  GWeakRef      view;
  guint         generation;
  int           page;
  guint64       key;
} Request;

static Request *
request_new (XsPageView *self,
             int         page,
             guint64     key)
{
  Request *request = g_new0 (Request, 1);

  g_weak_ref_init (&request->view, self);
  request->generation = self->generation;
  request->page = page;
  request->key = key;
  return request;
}

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->view);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* The cache key of @page rendered @pixel_width pixels wide. */
static guint64
make_key (int page,
          int pixel_width)
{
  return (guint64) (guint32) page << 32 | (guint32) pixel_width;
}

/* Geometry */

static void
get_page_size (XsPageView *self,
               int         page,
               double     *width,
               double     *height)
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

double
xs_page_view_get_base_scale (XsPageView *self)
{
  g_return_val_if_fail (XS_IS_PAGE_VIEW (self), 1.0);
  return self->document != NULL ? 96.0 / 72.0 : 1.0;
}

double
xs_page_view_scale_for (const char *mode,
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

  g_return_val_if_fail (mode != NULL, 0);

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

  return CLAMP (scale, XS_PAGE_VIEW_MIN_ZOOM * base, XS_PAGE_VIEW_MAX_ZOOM * base);
}

static double
compute_scale (XsPageView *self)
{
  double width, height;

  get_page_size (self, self->page, &width, &height);
  return xs_page_view_scale_for (self->zoom_mode, self->zoom, xs_page_view_get_base_scale (self),
                                 self->image != NULL, width, height,
                                 gtk_widget_get_width (GTK_WIDGET (self->scroller)),
                                 gtk_widget_get_height (GTK_WIDGET (self->scroller)));
}

double
xs_page_view_get_scale (XsPageView *self)
{
  g_return_val_if_fail (XS_IS_PAGE_VIEW (self), 0);
  return self->document != NULL || self->image != NULL ? compute_scale (self) : 0;
}

/* The spinner */

static gboolean
show_spinner_now (gpointer user_data)
{
  XsPageView *self = user_data;

  self->spinner_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  return G_SOURCE_REMOVE;
}

/* The spinner comes only when the wait is long enough to notice: before
 * that its frames would only take time from the render. */
static void
show_spinner (XsPageView *self,
              gboolean    shown)
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

/* The page */

static void prefetch_next_page (XsPageView *self);
static void on_page_rendered   (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data);

/* Thumbnails and the next page wait until the page on screen has been
 * painted: until then they would only slow it down. */
static void
on_page_painted (GdkFrameClock *clock,
                 XsPageView    *self)
{
  g_clear_signal_handler (&self->painted_id, clock);
  g_clear_weak_pointer (&self->painted_clock);
  if (self->document == NULL)
    return;
  if (self->thumbnails != NULL)
    xs_thumbnail_strip_start (self->thumbnails);
  prefetch_next_page (self);
}

static void
set_page_texture (XsPageView *self,
                  GdkTexture *texture,
                  int         page,
                  guint64     key)
{
  GdkFrameClock *clock;

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  self->shown_key = key;
  self->shown_page = texture != NULL ? page : -1;
  show_spinner (self, texture == NULL);
  if (texture == NULL || key == 0 || self->document == NULL)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    on_page_painted (NULL, self);
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
request_render (XsPageView   *self,
                int           page,
                double        device_scale,
                guint64       key,
                int           priority,
                GCancellable *cancellable)
{
  xs_document_render_page_async (self->document, page, device_scale, priority, cancellable,
                                 on_page_rendered, request_new (self, page, key));
}

static void
prefetch_next_page (XsPageView *self)
{
  int next = self->page + 1;
  double scale, device_scale;
  int pixel_width;
  guint64 key;

  if (self->document == NULL || next >= self->n_pages || self->prefetch_key != 0)
    return;
  scale = compute_scale (self);
  if (scale <= 0)
    return;
  /* The next page at the same zoom (its size may differ). */
  device_scale = xs_document_clamp_scale (self->document, next,
                                          scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  xs_document_get_render_size (self->document, next, device_scale, &pixel_width, NULL);
  key = make_key (next, pixel_width);
  if (xs_page_cache_contains (self->cache, key))
    return;
  self->prefetch_key = key;
  request_render (self, next, device_scale, key, PRIORITY_PREFETCH, self->cancellable);
}

static void
set_scale (XsPageView *self,
           double      scale)
{
  if (scale == self->scale)
    return;
  self->scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}

static void
update_view (XsPageView *self)
{
  double scale, device_scale, width, height;
  int factor, pixel_width, pixel_height;
  GdkTexture *cached;
  guint64 key;

  if (self->document == NULL && self->image == NULL)
    return;
  scale = compute_scale (self);
  if (scale <= 0)
    return;   /* again when the view has its size */
  set_scale (self, scale);

  if (self->image != NULL)
    {
      get_page_size (self, self->page, &width, &height);
      gtk_widget_set_size_request (GTK_WIDGET (self->picture),
                                   MAX (1, (int) round (width * scale)),
                                   MAX (1, (int) round (height * scale)));
      if (gtk_picture_get_paintable (self->picture) != GDK_PAINTABLE (self->image))
        set_page_texture (self, self->image, 0, 1);
      return;
    }

  /* The page is as large as its render, pixel for pixel: no blur. */
  factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  device_scale = xs_document_clamp_scale (self->document, self->page, scale * factor);
  xs_document_get_render_size (self->document, self->page, device_scale, &pixel_width, &pixel_height);
  gtk_widget_set_size_request (GTK_WIDGET (self->picture),
                               (pixel_width + factor - 1) / factor,
                               (pixel_height + factor - 1) / factor);
  key = make_key (self->page, pixel_width);
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
    set_page_texture (self, self->thumbnails != NULL ? xs_thumbnail_strip_lookup (self->thumbnails, self->page) : NULL,
                      self->page, 0);
  else
    self->shown_key = 0;
  if (gtk_picture_get_paintable (self->picture) == NULL)
    show_spinner (self, TRUE);

  if (key == self->page_request_key || key == self->prefetch_key)
    return;   /* on its way */

  /* The user moved on: the page asked for before is not needed now. */
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_cancellable = g_cancellable_new ();
  self->page_request_key = key;
  request_render (self, self->page, device_scale, key, PRIORITY_PAGE, self->page_cancellable);
}

/* A thumbnail is a stand-in while the page itself is on its way. */
static void
on_thumbnail_ready (XsPageView *self,
                    int         page,
                    GdkTexture *texture)
{
  if (page == self->page && self->document != NULL
      && gtk_picture_get_paintable (self->picture) == NULL)
    set_page_texture (self, texture, page, 0);
}

/* A render for this view's document: in the cache, and on screen if it is
 * the one wanted. */
static void
take_render (XsPageView      *self,
             const Request   *request,
             cairo_surface_t *surface,
             const GError    *error)
{
  g_autoptr(GdkTexture) texture = NULL;

  if (request->key == self->page_request_key)
    self->page_request_key = 0;
  if (request->key == self->prefetch_key)
    self->prefetch_key = 0;

  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Page %d: %s", request->page + 1, error->message);
      return;
    }

  texture = xs_texture_new_for_opaque_surface (surface);
  xs_page_cache_insert (self->cache, request->key, texture);
  if (self->thumbnails != NULL)
    xs_thumbnail_strip_add_from_page (self->thumbnails, request->page, surface);
  if (request->key == self->wanted_key)
    set_page_texture (self, texture, request->page, request->key);
  /* else the user moved on: kept for a way back, not shown */
  else if (request->key == self->shown_key)
    prefetch_next_page (self);
}

static void
on_page_rendered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(XsPageView) self = g_weak_ref_get (&request->view);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  surface = xs_document_render_page_finish (XS_DOCUMENT (source), result, &error);
  if (self != NULL && request->generation == self->generation)
    take_render (self, request, surface, error);
  g_clear_pointer (&surface, cairo_surface_destroy);
}

static gboolean
update_in_idle (gpointer user_data)
{
  XsPageView *self = user_data;

  self->update_id = 0;
  update_view (self);
  return G_SOURCE_REMOVE;
}

/* Size changes arrive during allocation: the new size request waits for it
 * to end. */
static void
queue_update (XsPageView *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_in_idle, self, NULL);
}

static void
on_area_size_changed (XsPageView *self)
{
  if (!g_str_equal (self->zoom_mode, "actual") && !g_str_equal (self->zoom_mode, "custom"))
    queue_update (self);
}

static void
update_description (XsPageView *self)
{
  g_autofree char *description = NULL;

  if (self->document == NULL)
    return;
  /* Translators: what a screen reader says for the page shown */
  description = g_strdup_printf (_("Page %d of %d"), self->page + 1, self->n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* Forgets the document and every request for it. */
static void
reset (XsPageView *self)
{
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
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
}

/* Public */

GtkWidget *
xs_page_view_new (void)
{
  return g_object_new (XS_TYPE_PAGE_VIEW, NULL);
}

void
xs_page_view_set_document (XsPageView *self,
                           XsDocument *document,
                           GdkTexture *image,
                           gboolean    loading)
{
  g_return_if_fail (XS_IS_PAGE_VIEW (self));
  g_return_if_fail (document == NULL || XS_IS_DOCUMENT (document));
  g_return_if_fail (image == NULL || GDK_IS_TEXTURE (image));

  reset (self);
  gtk_picture_set_paintable (self->picture, NULL);
  /* what was rendered beforehand for this document is kept */
  if (document == NULL || document != self->cache_document)
    {
      xs_page_cache_clear (self->cache);
      self->cache_document = document;
    }
  self->document = document != NULL ? g_object_ref (document) : NULL;
  self->image = image != NULL ? g_object_ref (image) : NULL;
  self->n_pages = document != NULL ? xs_document_get_n_pages (document) : image != NULL ? 1 : 0;
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->picture), document != NULL || image != NULL);
  show_spinner (self, document == NULL && image == NULL && loading);
  update_description (self);
  update_view (self);
}

void
xs_page_view_add_render (XsPageView *self,
                         XsDocument *document,
                         int         page,
                         int         pixel_width,
                         GdkTexture *texture)
{
  g_return_if_fail (XS_IS_PAGE_VIEW (self));
  g_return_if_fail (XS_IS_DOCUMENT (document));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  if (document != self->cache_document)
    {
      xs_page_cache_clear (self->cache);
      self->cache_document = document;
    }
  xs_page_cache_insert (self->cache, make_key (page, pixel_width), texture);
}

void
xs_page_view_set_page (XsPageView *self,
                       int         page)
{
  g_return_if_fail (XS_IS_PAGE_VIEW (self));

  if (self->document == NULL)
    return;
  page = CLAMP (page, 0, self->n_pages - 1);
  if (page == self->page)
    return;
  self->page = page;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_description (self);
  update_view (self);
}

void
xs_page_view_set_zoom (XsPageView *self,
                       const char *mode,
                       double      zoom)
{
  g_return_if_fail (XS_IS_PAGE_VIEW (self));
  g_return_if_fail (mode != NULL);

  g_free (self->zoom_mode);
  self->zoom_mode = g_strdup (mode);
  self->zoom = CLAMP (zoom, XS_PAGE_VIEW_MIN_ZOOM, XS_PAGE_VIEW_MAX_ZOOM);
  update_view (self);
}

/* GObject */

static void
set_thumbnails (XsPageView       *self,
                XsThumbnailStrip *thumbnails)
{
  if (self->thumbnails != NULL)
    g_signal_handlers_disconnect_by_data (self->thumbnails, self);
  g_set_object (&self->thumbnails, thumbnails);
  if (thumbnails != NULL)
    g_signal_connect_swapped (thumbnails, "thumbnail-ready", G_CALLBACK (on_thumbnail_ready), self);
}

static void
xs_page_view_dispose (GObject *object)
{
  XsPageView *self = XS_PAGE_VIEW (object);
  GtkWidget *child;

  reset (self);
  self->cache_document = NULL;
  set_thumbnails (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_PAGE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (xs_page_view_parent_class)->dispose (object);
}

static void
xs_page_view_finalize (GObject *object)
{
  XsPageView *self = XS_PAGE_VIEW (object);

  g_clear_object (&self->cache);
  g_free (self->zoom_mode);

  G_OBJECT_CLASS (xs_page_view_parent_class)->finalize (object);
}

static void
xs_page_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  XsPageView *self = XS_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_THUMBNAILS:
      g_value_set_object (value, self->thumbnails);
      break;
    case PROP_SCALE:
      g_value_set_double (value, self->scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_page_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  XsPageView *self = XS_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_THUMBNAILS:
      set_thumbnails (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_page_view_class_init (XsPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_page_view_dispose;
  object_class->finalize = xs_page_view_finalize;
  object_class->get_property = xs_page_view_get_property;
  object_class->set_property = xs_page_view_set_property;

  properties[PROP_THUMBNAILS] =
    g_param_spec_object ("thumbnails", NULL, NULL, XS_TYPE_THUMBNAIL_STRIP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-page-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XsPageView, scroller);
  gtk_widget_class_bind_template_child (widget_class, XsPageView, picture);
  gtk_widget_class_bind_template_child (widget_class, XsPageView, spinner);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pageview");
}

static void
xs_page_view_init (XsPageView *self)
{
  self->zoom_mode = g_strdup ("fit-width");
  self->zoom = 1.0;
  self->shown_page = -1;
  self->cache = xs_page_cache_new (CACHE_LIMIT);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (on_area_size_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "notify::page-size",
                           G_CALLBACK (on_area_size_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (queue_update), NULL);
}
