/* xs-evidence-viewer.c
 *
 * Pages are rendered by the document's worker (see xs-document.h), most
 * urgent first: the page on screen, then the next page, then the visible
 * thumbnails. Results come back as cairo image surfaces and are wrapped,
 * without a copy, in memory textures. An LRU cache keeps recent renders;
 * results for a page or zoom the user has left are not shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xs-document.h"
#include "xs-evidence-viewer.h"

#define CACHE_LIMIT      (64 * 1024 * 1024)   /* bytes of rendered pages kept */
#define PAGE_MARGIN      12                   /* around the page, in the .ui */
#define THUMBNAIL_WIDTH  72
#define SPINNER_DELAY_MS 400
#define MIN_ZOOM         0.1
#define MAX_ZOOM         8.0

/* Worker priorities: lower goes first. */
#define PRIORITY_PAGE      G_PRIORITY_DEFAULT
#define PRIORITY_PREFETCH  G_PRIORITY_DEFAULT_IDLE
#define PRIORITY_THUMBNAIL G_PRIORITY_LOW

static const double zoom_steps[] = {
  0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 6.0, 8.0,
};

typedef struct
{
  guint64     key;        /* page << 32 | pixel width */
  GdkTexture *texture;
  gsize       size;
  GList      *link;       /* in lru */
} CacheEntry;

struct _XsEvidenceViewer
{
  GtkWidget           parent_instance;

  char               *path;
  char               *title;
  char               *password;
  guint               generation;      /* one per load: older results are dropped */
  GCancellable       *load_cancellable;

  XsDocument         *document;        /* a PDF, or … */
  GdkTexture         *image;           /* … a picture */
  int                 n_pages;
  int                 page;
  char               *zoom_mode;       /* fit-width, fit-page, actual, custom */
  double              zoom;            /* for custom: 1.0 is 100 % */

  /* the main page */
  guint64             wanted_key;      /* what the page area should show */
  guint64             shown_key;       /* what it shows (0: nothing or a stand-in) */
  int                 shown_page;      /* page of the texture shown, -1 for none */
  guint64             page_request_key;
  GCancellable       *page_cancellable;
  guint64             prefetch_key;
  guint               update_id;
  guint               prune_id;
  guint               spinner_id;
  gulong              painted_id;
  GdkFrameClock      *painted_clock;   /* weak: painted_id's */

  GHashTable         *cache;           /* &entry->key → CacheEntry */
  GQueue              lru;             /* CacheEntry, most recent first */
  gsize               cache_size;

  /* thumbnails */
  GtkStringList      *thumbnail_pages;
  GtkSingleSelection *thumbnail_selection;
  GHashTable         *thumbnails;       /* page → GdkTexture */
  GHashTable         *thumbnail_requests; /* page → GCancellable */
  GHashTable         *bound_thumbnails; /* page → GtkPicture (not owned) */
  gboolean            syncing_selection;
  gboolean            thumbnails_started; /* not before the first page is shown */

  /* template children */
  GtkStack           *stack;
  GtkWidget          *toolbar;
  GtkWidget          *page_controls;
  GtkEntry           *page_entry;
  GtkLabel           *n_pages_label;
  GtkMenuButton      *zoom_button;
  GtkScrolledWindow  *page_scroller;
  GtkPicture         *page_picture;
  GtkSpinner         *spinner;
  GtkWidget          *thumbnail_separator;
  GtkWidget          *thumbnail_scroller;
  GtkListView        *thumbnail_list;
  AdwStatusPage      *password_page;
  GtkPasswordEntry   *password_entry;
  GtkLabel           *password_error;
  AdwStatusPage      *error_page;
};

G_DEFINE_FINAL_TYPE (XsEvidenceViewer, xs_evidence_viewer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_update (XsEvidenceViewer *self);
static void update_view (XsEvidenceViewer *self);

/* A request for the worker: holds the viewer weakly, so that a closed
 * viewer is finalized at once and its late results are dropped. */
typedef struct
{
  GWeakRef      viewer;
  guint         generation;
  int           page;
  guint64       key;
  gboolean      thumbnail;
  GCancellable *cancellable;
} Request;

static Request *
request_new (XsEvidenceViewer *self,
             int               page,
             guint64           key,
             gboolean          thumbnail,
             GCancellable     *cancellable)
{
  Request *request = g_new0 (Request, 1);

  g_weak_ref_init (&request->viewer, self);
  request->generation = self->generation;
  request->page = page;
  request->key = key;
  request->thumbnail = thumbnail;
  request->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return request;
}

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->viewer);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static guint64
make_key (int page,
          int pixel_width)
{
  return (guint64) (guint32) page << 32 | (guint32) pixel_width;
}

/* Wraps the pixels of @surface (ARGB32, premultiplied, native endian: what
 * GDK_MEMORY_DEFAULT means) without copying them. */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* Cache */

static void
cache_entry_free (CacheEntry *entry)
{
  g_clear_object (&entry->texture);
  g_free (entry);
}

static void
cache_clear (XsEvidenceViewer *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->lru, (GDestroyNotify) cache_entry_free);
  self->cache_size = 0;
}

static GdkTexture *
cache_lookup (XsEvidenceViewer *self,
              guint64           key)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, &key);

  if (entry == NULL)
    return NULL;
  g_queue_unlink (&self->lru, entry->link);
  g_queue_push_head_link (&self->lru, entry->link);
  return entry->texture;
}

static void
cache_insert (XsEvidenceViewer *self,
              guint64           key,
              GdkTexture       *texture)
{
  CacheEntry *entry;

  if (g_hash_table_contains (self->cache, &key))
    return;

  entry = g_new0 (CacheEntry, 1);
  entry->key = key;
  entry->texture = g_object_ref (texture);
  entry->size = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
  g_queue_push_head (&self->lru, entry);
  entry->link = self->lru.head;
  g_hash_table_insert (self->cache, &entry->key, entry);
  self->cache_size += entry->size;

  /* The newest entry always stays, however large. */
  while (self->cache_size > CACHE_LIMIT && self->lru.length > 1)
    {
      CacheEntry *oldest = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->cache, &oldest->key);
      self->cache_size -= oldest->size;
      cache_entry_free (oldest);
    }
}

/* Geometry */

static gboolean
is_loaded (XsEvidenceViewer *self)
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
static double
base_scale (XsEvidenceViewer *self)
{
  return self->document != NULL ? 96.0 / 72.0 : 1.0;
}

/* Screen pixels per page unit for @mode, or 0 while the page area has no
 * size yet. Pure: the loading thread uses it too. */
static double
scale_for (const char *mode,
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

static double
compute_scale (XsEvidenceViewer *self)
{
  double width, height;

  get_page_size (self, self->page, &width, &height);
  return scale_for (self->zoom_mode, self->zoom, base_scale (self), self->image != NULL,
                    width, height,
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
    label = g_strdup_printf (_("%d %%"), (int) round (scale / base_scale (self) * 100));
  gtk_menu_button_set_label (self->zoom_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The main page */

static void start_thumbnails (XsEvidenceViewer *self);
static void prefetch_next_page (XsEvidenceViewer *self);
static void set_thumbnail_pages (XsEvidenceViewer *self,
                                 int               n_pages);
static void update_controls (XsEvidenceViewer *self);

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
static void
show_spinner (XsEvidenceViewer *self,
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
  start_thumbnails (self);
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
  show_spinner (self, texture == NULL);
  if (texture == NULL || key == 0 || self->document == NULL)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      start_thumbnails (self);
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

static void on_page_rendered (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data);
static void thumbnail_from_page (XsEvidenceViewer *self,
                                 int               page,
                                 cairo_surface_t  *surface);

static void
request_render (XsEvidenceViewer *self,
                int               page,
                double            device_scale,
                guint64           key,
                int               priority,
                GCancellable     *cancellable)
{
  xs_document_render_page_async (self->document, page, device_scale, priority, cancellable,
                                 on_page_rendered,
                                 request_new (self, page, key, FALSE, cancellable));
}

static void
prefetch_next_page (XsEvidenceViewer *self)
{
  int next = self->page + 1;
  double scale = compute_scale (self);
  double device_scale;
  int pixel_width;
  guint64 key;

  if (self->document == NULL || next >= self->n_pages || self->prefetch_key != 0 || scale <= 0)
    return;
  /* The next page at the same zoom (its size may differ). */
  device_scale = xs_document_clamp_scale (self->document, next,
                                          scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  xs_document_get_render_size (self->document, next, device_scale, &pixel_width, NULL);
  key = make_key (next, pixel_width);
  if (g_hash_table_contains (self->cache, &key))
    return;
  self->prefetch_key = key;
  request_render (self, next, device_scale, key, PRIORITY_PREFETCH, self->load_cancellable);
}

static void
update_view (XsEvidenceViewer *self)
{
  double scale, device_scale, width, height;
  int factor, pixel_width, pixel_height;
  GdkTexture *cached;
  guint64 key;

  if (!is_loaded (self))
    return;
  scale = compute_scale (self);
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
  key = make_key (self->page, pixel_width);
  self->wanted_key = key;

  if (self->shown_key == key)
    return;

  cached = cache_lookup (self, key);
  if (cached != NULL)
    {
      set_page_texture (self, cached, self->page, key);
      return;
    }

  /* While the render runs: the same page at the old zoom, scaled, or its
   * thumbnail, or nothing (and the spinner). */
  if (self->shown_page != self->page)
    set_page_texture (self, g_hash_table_lookup (self->thumbnails, GINT_TO_POINTER (self->page)),
                      self->page, 0);
  else
    self->shown_key = 0;
  if (gtk_picture_get_paintable (self->page_picture) == NULL)
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

static void
on_page_rendered (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(XsEvidenceViewer) self = g_weak_ref_get (&request->viewer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  surface = xs_document_render_page_finish (XS_DOCUMENT (source), result, &error);
  if (surface != NULL)
    {
      texture = texture_for_surface (surface);
      cairo_surface_destroy (surface);
    }

  if (self == NULL || request->generation != self->generation)
    return;

  if (request->thumbnail)
    {
      GtkPicture *picture;

      if (g_hash_table_lookup (self->thumbnail_requests, GINT_TO_POINTER (request->page)) == request->cancellable)
        g_hash_table_remove (self->thumbnail_requests, GINT_TO_POINTER (request->page));
      if (texture == NULL)
        return;
      g_hash_table_replace (self->thumbnails, GINT_TO_POINTER (request->page), g_object_ref (texture));
      picture = g_hash_table_lookup (self->bound_thumbnails, GINT_TO_POINTER (request->page));
      if (picture != NULL)
        gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
      /* A stand-in while the page itself is on its way. */
      if (request->page == self->page && gtk_picture_get_paintable (self->page_picture) == NULL)
        set_page_texture (self, texture, request->page, 0);
      return;
    }

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

  cache_insert (self, request->key, texture);
  /* texture keeps surface alive */
  thumbnail_from_page (self, request->page, surface);
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
  update_view (self);
  return G_SOURCE_REMOVE;
}

/* Size changes arrive during allocation: the new size request waits for it
 * to end. */
static void
queue_update (XsEvidenceViewer *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_in_idle, self, NULL);
}

/* Page and controls */

static void
update_controls (XsEvidenceViewer *self)
{
  g_autofree char *number = NULL;
  g_autofree char *of = NULL;
  g_autofree char *description = NULL;
  gboolean pdf = self->document != NULL;
  gboolean loaded = is_loaded (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.previous-page", pdf && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.first-page", pdf && self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.next-page", pdf && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.last-page", pdf && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-in", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-out", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "viewer.zoom-reset", loaded);
  gtk_widget_set_sensitive (self->toolbar, loaded);
  gtk_widget_set_visible (self->page_controls, self->image == NULL);

  if (!pdf)
    return;

  number = g_strdup_printf ("%d", self->page + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
  /* Translators: after the page number entry: "[3] of 5" */
  of = g_strdup_printf (_("of %d"), self->n_pages);
  gtk_label_set_label (self->n_pages_label, of);
  /* Translators: what a screen reader says for the page shown */
  description = g_strdup_printf (_("Page %d of %d"), self->page + 1, self->n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->page_picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);

  if (self->thumbnail_selection != NULL
      && gtk_single_selection_get_selected (self->thumbnail_selection) != (guint) self->page)
    {
      self->syncing_selection = TRUE;
      gtk_single_selection_set_selected (self->thumbnail_selection, self->page);
      self->syncing_selection = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self->thumbnail_list), "list.scroll-to-item",
                                  "u", (guint) self->page);
    }
}

static void
set_page (XsEvidenceViewer *self,
          int               page)
{
  if (self->document == NULL)
    return;
  page = CLAMP (page, 0, self->n_pages - 1);
  if (page == self->page)
    {
      update_controls (self);   /* puts a mistyped number right */
      return;
    }

  self->page = page;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->page_scroller), 0);
  update_controls (self);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
set_zoom_mode (XsEvidenceViewer *self,
               const char       *mode)
{
  static const char * const modes[] = { "fit-width", "fit-page", "actual", "custom", NULL };

  if (mode == NULL || !g_strv_contains (modes, mode))
    mode = "fit-width";
  if (g_strcmp0 (self->zoom_mode, mode) == 0)
    return;
  g_free (self->zoom_mode);
  self->zoom_mode = g_strdup (mode);
  update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

static void
set_custom_zoom (XsEvidenceViewer *self,
                 double            zoom)
{
  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (g_str_equal (self->zoom_mode, "custom"))
    update_view (self);
  else
    set_zoom_mode (self, "custom");
}

static double
current_zoom (XsEvidenceViewer *self)
{
  double scale = compute_scale (self);

  return scale > 0 ? scale / base_scale (self) : 1.0;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);
  double zoom = current_zoom (self);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > zoom + 0.01)
      {
        set_custom_zoom (self, zoom_steps[i]);
        return;
      }
  set_custom_zoom (self, MAX_ZOOM);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);
  double zoom = current_zoom (self);

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom - 0.01)
      {
        set_custom_zoom (self, zoom_steps[i - 1]);
        return;
      }
  set_custom_zoom (self, MIN_ZOOM);
}

static const char *
default_zoom_mode (XsEvidenceViewer *self)
{
  /* Scans of A4 forms are read across; a photo is seen whole. */
  return self->image != NULL ? "fit-page" : "fit-width";
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);

  set_zoom_mode (self, default_zoom_mode (self));
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);

  if (g_str_equal (action_name, "viewer.previous-page"))
    set_page (self, self->page - 1);
  else if (g_str_equal (action_name, "viewer.next-page"))
    set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "viewer.first-page"))
    set_page (self, 0);
  else
    set_page (self, self->n_pages - 1);
}

static void
on_page_entry_activate (XsEvidenceViewer *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry)));
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (g_strstrip (text), 10, 1, G_MAXINT, &number, NULL))
    set_page (self, (int) number - 1);
  else
    update_controls (self);
}

/* Thumbnails */

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  return GPOINTER_TO_INT (a) - GPOINTER_TO_INT (b);
}

static double
thumbnail_scale (XsEvidenceViewer *self,
                 int               page)
{
  double width, height;

  xs_document_get_page_size (self->document, page, &width, &height);
  return (double) THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self))
         / MAX (width, height * 0.75);
}

static void
request_thumbnail (XsEvidenceViewer *self,
                   int               page)
{
  g_autoptr(GCancellable) cancellable = NULL;
  double scale;

  if (g_hash_table_contains (self->thumbnails, GINT_TO_POINTER (page))
      || g_hash_table_contains (self->thumbnail_requests, GINT_TO_POINTER (page)))
    return;

  scale = thumbnail_scale (self, page);
  cancellable = g_cancellable_new ();
  g_hash_table_insert (self->thumbnail_requests, GINT_TO_POINTER (page), g_object_ref (cancellable));
  xs_document_render_page_async (self->document, page, scale, PRIORITY_THUMBNAIL, cancellable,
                                 on_page_rendered,
                                 request_new (self, page, 0, TRUE, cancellable));
}

/* The first page goes first: a thumbnail of a scan costs as much as the
 * page itself. */
static void
start_thumbnails (XsEvidenceViewer *self)
{
  g_autoptr(GList) pages = NULL;

  if (self->thumbnails_started)
    return;
  self->thumbnails_started = TRUE;
  /* The strip itself comes now too: making its rows is a good part of a
   * frame's work. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->thumbnail_pages)) != (guint) self->n_pages)
    {
      set_thumbnail_pages (self, self->n_pages);
      update_controls (self);
    }
  pages = g_hash_table_get_keys (self->bound_thumbnails);
  pages = g_list_sort (pages, (GCompareFunc) (void (*) (void)) compare_pages);
  for (GList *l = pages; l != NULL; l = l->next)
    request_thumbnail (self, GPOINTER_TO_INT (l->data));
}

/* Thumbnails scrolled out of sight before their turn: not needed now. */
static gboolean
prune_thumbnail_requests (gpointer user_data)
{
  XsEvidenceViewer *self = user_data;
  GHashTableIter iter;
  gpointer page, cancellable;

  self->prune_id = 0;
  g_hash_table_iter_init (&iter, self->thumbnail_requests);
  while (g_hash_table_iter_next (&iter, &page, &cancellable))
    if (!g_hash_table_contains (self->bound_thumbnails, page))
      {
        g_cancellable_cancel (cancellable);
        g_hash_table_iter_remove (&iter);
      }
  return G_SOURCE_REMOVE;
}

static void on_thumbnail_unbind (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 XsEvidenceViewer         *self);

/* A page rendered for the page area makes its thumbnail by scaling down,
 * in a few milliseconds: a render from the PDF would decode the scan again. */
static void
thumbnail_from_page (XsEvidenceViewer *self,
                     int               page,
                     cairo_surface_t  *surface)
{
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *thumbnail;
  GCancellable *cancellable;
  GtkPicture *picture;
  int width, height;
  double factor;
  cairo_t *cr;

  if (g_hash_table_contains (self->thumbnails, GINT_TO_POINTER (page)))
    return;
  xs_document_get_render_size (self->document, page, thumbnail_scale (self, page), &width, &height);
  factor = (double) width / cairo_image_surface_get_width (surface);
  if (factor >= 1)
    return;

  thumbnail = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (thumbnail);
  cairo_scale (cr, factor, (double) height / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
  texture = texture_for_surface (thumbnail);
  cairo_surface_destroy (thumbnail);

  cancellable = g_hash_table_lookup (self->thumbnail_requests, GINT_TO_POINTER (page));
  if (cancellable != NULL)
    {
      g_cancellable_cancel (cancellable);
      g_hash_table_remove (self->thumbnail_requests, GINT_TO_POINTER (page));
    }
  g_hash_table_replace (self->thumbnails, GINT_TO_POINTER (page), g_object_ref (texture));
  picture = g_hash_table_lookup (self->bound_thumbnails, GINT_TO_POINTER (page));
  if (picture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
on_thumbnail_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    XsEvidenceViewer         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (frame, THUMBNAIL_WIDTH, (int) (THUMBNAIL_WIDTH * 4 / 3));
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_add_css_class (picture, "card");
  gtk_box_append (GTK_BOX (frame), picture);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
on_thumbnail_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   XsEvidenceViewer         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
  GtkWidget *label = gtk_widget_get_last_child (box);
  int page = (int) gtk_list_item_get_position (item);
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  g_autofree char *description = g_strdup_printf (_("Page %d of %d"), page + 1, self->n_pages);
  double width, height;
  GdkTexture *texture;
  int old_page;

  if (self->document == NULL || page >= self->n_pages)
    return;
  /* Bound to another page without an unbind first. (GTK 4.8 binds an item
   * again, to the same page, on a change of selection: nothing to undo.) */
  old_page = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (picture), "page")) - 1;
  if (old_page >= 0 && old_page != page)
    on_thumbnail_unbind (factory, item, self);

  xs_document_get_page_size (self->document, page, &width, &height);
  if (width >= height * 0.75)
    gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, (int) round (THUMBNAIL_WIDTH * height / width));
  else
    gtk_widget_set_size_request (picture, (int) round (THUMBNAIL_WIDTH * 4 / 3 * width / height),
                                 THUMBNAIL_WIDTH * 4 / 3);
  gtk_label_set_label (GTK_LABEL (label), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);

  g_object_set_data (G_OBJECT (picture), "page", GINT_TO_POINTER (page + 1));
  g_hash_table_replace (self->bound_thumbnails, GINT_TO_POINTER (page), picture);
  texture = g_hash_table_lookup (self->thumbnails, GINT_TO_POINTER (page));
  gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
  if (texture == NULL && self->thumbnails_started)
    request_thumbnail (self, page);
}

static void
on_thumbnail_unbind (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     XsEvidenceViewer         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture;
  gpointer page;

  if (box == NULL)
    return;
  picture = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
  /* The position may be gone already (the model changed): the picture
   * knows its page, plus one. */
  page = GINT_TO_POINTER (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (picture), "page")) - 1);
  g_object_set_data (G_OBJECT (picture), "page", NULL);
  if (GPOINTER_TO_INT (page) < 0 || g_hash_table_lookup (self->bound_thumbnails, page) != picture)
    return;
  g_hash_table_remove (self->bound_thumbnails, page);
  gtk_picture_set_paintable (GTK_PICTURE (picture), NULL);
  /* GTK unbinds and binds again on a change of selection: requests are
   * dropped only when their page is still out of sight after that. */
  if (self->prune_id == 0)
    self->prune_id = g_idle_add (prune_thumbnail_requests, self);
}

static void
on_thumbnail_selected (GtkSingleSelection *selection,
                       GParamSpec         *pspec,
                       XsEvidenceViewer   *self)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (!self->syncing_selection && selected != GTK_INVALID_LIST_POSITION)
    set_page (self, (int) selected);
}

static void
cancel_thumbnails (XsEvidenceViewer *self)
{
  GHashTableIter iter;
  gpointer cancellable;

  g_hash_table_iter_init (&iter, self->thumbnail_requests);
  while (g_hash_table_iter_next (&iter, NULL, &cancellable))
    g_cancellable_cancel (cancellable);
  g_hash_table_remove_all (self->thumbnail_requests);
}

static void
set_thumbnail_pages (XsEvidenceViewer *self,
                     int               n_pages)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  gboolean shown = n_pages > 1;

  for (int i = 0; i < n_pages && shown; i++)
    g_ptr_array_add (numbers, g_strdup_printf ("%d", i + 1));
  g_ptr_array_add (numbers, NULL);

  self->syncing_selection = TRUE;
  gtk_string_list_splice (self->thumbnail_pages, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->thumbnail_pages)),
                          (const char * const *) numbers->pdata);
  gtk_single_selection_set_selected (self->thumbnail_selection, shown ? 0 : GTK_INVALID_LIST_POSITION);
  self->syncing_selection = FALSE;

  gtk_widget_set_visible (self->thumbnail_scroller, shown);
  gtk_widget_set_visible (self->thumbnail_separator, shown);
}

/* Loading */

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

/* The first page as update_view() will want it (a PDF opens at fit
 * width), while nobody else has the document yet: this saves a trip
 * through the main loop, which may be busy drawing. */
static void
render_first_page (LoadData *data)
{
  double width, height, scale;
  int pixel_width;

  xs_document_get_page_size (data->document, 0, &width, &height);
  scale = scale_for ("fit-width", 1.0, 96.0 / 72.0, FALSE, width, height,
                     data->area_width, data->area_height);
  if (scale <= 0)
    return;
  scale = xs_document_clamp_scale (data->document, 0, scale * data->factor);
  xs_document_get_render_size (data->document, 0, scale, &pixel_width, NULL);
  data->first_page = xs_document_render_page (data->document, 0, scale, NULL);
  data->first_key = make_key (0, pixel_width);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;
  const char *type;

  type = xs_document_sniff_file (data->path, &error);
  if (type == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  if (g_str_equal (type, "application/pdf"))
    {
      data->document = xs_document_new_from_file (data->path, data->password, &error);
      if (data->document != NULL && !g_cancellable_is_cancelled (cancellable))
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
          g_set_error_literal (&error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_BROKEN,
                               _("The picture is damaged and cannot be shown. Scan or photograph the paper again."));
        }
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Forgets the document and every request for it. */
static void
reset (XsEvidenceViewer *self)
{
  self->generation++;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  cancel_thumbnails (self);
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->prune_id, g_source_remove);
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
  self->thumbnails_started = FALSE;
  cache_clear (self);
  g_hash_table_remove_all (self->thumbnails);
}

static void on_loaded (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
start_load (XsEvidenceViewer *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  reset (self);
  set_thumbnail_pages (self, 0);
  gtk_picture_set_paintable (self->page_picture, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->page_picture), FALSE);
  show_spinner (self, TRUE);
  update_controls (self);
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

  task = g_task_new (NULL, self->load_cancellable, on_loaded,
                     request_new (self, 0, 0, FALSE, NULL));
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_in_thread);
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
  g_autoptr(Request) request = user_data;
  g_autoptr(XsEvidenceViewer) self = g_weak_ref_get (&request->viewer);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (self == NULL || request->generation != self->generation
          || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_spinner (self, FALSE);
      if (g_error_matches (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_NEEDS_PASSWORD)
          || g_error_matches (error, XS_DOCUMENT_ERROR, XS_DOCUMENT_ERROR_WRONG_PASSWORD))
        show_password_page (self, error);
      else
        show_error (self, error);
      return;
    }
  if (self == NULL || request->generation != self->generation)
    return;

  self->document = g_steal_pointer (&data->document);
  self->image = g_steal_pointer (&data->image);
  self->n_pages = self->document != NULL ? xs_document_get_n_pages (self->document) : 1;
  self->page = 0;
  g_free (self->zoom_mode);
  self->zoom_mode = g_strdup (default_zoom_mode (self));
  self->zoom = 1.0;

  if (data->first_page != NULL)
    {
      g_autoptr(GdkTexture) texture = texture_for_surface (data->first_page);

      cache_insert (self, data->first_key, texture);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->page_picture), TRUE);
  update_controls (self);
  update_view (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

static void
open_with_password_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (widget);

  if (self->path == NULL)
    return;
  g_free (self->password);
  self->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
  start_load (self);
}

static void
on_password_activate (XsEvidenceViewer *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "viewer.open-with-password", NULL);
}

static void
on_area_size_changed (XsEvidenceViewer *self)
{
  if (!g_str_equal (self->zoom_mode, "actual") && !g_str_equal (self->zoom_mode, "custom"))
    queue_update (self);
}

/* GObject */

static void
xs_evidence_viewer_dispose (GObject *object)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (object);

  reset (self);
  if (self->thumbnail_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->thumbnail_selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_EVIDENCE_VIEWER);
  /* Unbinding the thumbnails may have asked for these again. */
  g_clear_handle_id (&self->prune_id, g_source_remove);
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  cancel_thumbnails (self);
  g_hash_table_remove_all (self->bound_thumbnails);
  g_clear_object (&self->thumbnail_selection);
  g_clear_object (&self->thumbnail_pages);

  G_OBJECT_CLASS (xs_evidence_viewer_parent_class)->dispose (object);
}

static void
xs_evidence_viewer_finalize (GObject *object)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (object);

  g_hash_table_unref (self->cache);
  g_hash_table_unref (self->thumbnails);
  g_hash_table_unref (self->thumbnail_requests);
  g_hash_table_unref (self->bound_thumbnails);
  g_free (self->path);
  g_free (self->title);
  g_free (self->password);
  g_free (self->zoom_mode);

  G_OBJECT_CLASS (xs_evidence_viewer_parent_class)->finalize (object);
}

static void
xs_evidence_viewer_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_int (value, self->n_pages);
      break;
    case PROP_ZOOM_MODE:
      g_value_set_string (value, self->zoom_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_viewer_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsEvidenceViewer *self = XS_EVIDENCE_VIEWER (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      set_page (self, g_value_get_int (value));
      break;
    case PROP_ZOOM_MODE:
      set_zoom_mode (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_evidence_viewer_class_init (XsEvidenceViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_evidence_viewer_dispose;
  object_class->finalize = xs_evidence_viewer_finalize;
  object_class->get_property = xs_evidence_viewer_get_property;
  object_class->set_property = xs_evidence_viewer_set_property;

  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_PAGES] =
    g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_string ("zoom-mode", NULL, NULL, "fit-width",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-evidence-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, toolbar);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, page_controls);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, page_entry);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, page_picture);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, spinner);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, thumbnail_separator);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, thumbnail_scroller);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, thumbnail_list);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, password_page);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, password_entry);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, password_error);
  gtk_widget_class_bind_template_child (widget_class, XsEvidenceViewer, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activate);

  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.last-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_property_action (widget_class, "viewer.zoom-mode", "zoom-mode");
  gtk_widget_class_install_action (widget_class, "viewer.open-with-password", NULL, open_with_password_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "evidenceviewer");
}

static void
xs_evidence_viewer_init (XsEvidenceViewer *self)
{
  GtkListItemFactory *factory;

  self->zoom_mode = g_strdup ("fit-width");
  self->zoom = 1.0;
  self->shown_page = -1;
  self->cache = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->thumbnails = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->thumbnail_requests = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->bound_thumbnails = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->thumbnail_pages = gtk_string_list_new (NULL);
  self->thumbnail_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->thumbnail_pages)));
  gtk_single_selection_set_autoselect (self->thumbnail_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->thumbnail_selection, FALSE);
  g_signal_connect (self->thumbnail_selection, "notify::selected",
                    G_CALLBACK (on_thumbnail_selected), self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_thumbnail_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_thumbnail_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_thumbnail_unbind), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_thumbnail_unbind), self);
  gtk_list_view_set_factory (self->thumbnail_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->thumbnail_list, GTK_SELECTION_MODEL (self->thumbnail_selection));

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->page_scroller), "notify::page-size",
                           G_CALLBACK (on_area_size_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->page_scroller), "notify::page-size",
                           G_CALLBACK (on_area_size_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (queue_update), NULL);

  update_controls (self);
}

GtkWidget *
xs_evidence_viewer_new (void)
{
  return g_object_new (XS_TYPE_EVIDENCE_VIEWER, NULL);
}

void
xs_evidence_viewer_load_file (XsEvidenceViewer *self,
                              const char       *path,
                              const char       *title)
{
  g_return_if_fail (XS_IS_EVIDENCE_VIEWER (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->title);
  self->title = title != NULL ? g_strdup (title) : g_path_get_basename (path);
  g_clear_pointer (&self->password, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  start_load (self);
}

int
xs_evidence_viewer_get_page (XsEvidenceViewer *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_VIEWER (self), 0);

  return self->page;
}

void
xs_evidence_viewer_set_page (XsEvidenceViewer *self,
                             int               page)
{
  g_return_if_fail (XS_IS_EVIDENCE_VIEWER (self));

  set_page (self, page);
}

int
xs_evidence_viewer_get_n_pages (XsEvidenceViewer *self)
{
  g_return_val_if_fail (XS_IS_EVIDENCE_VIEWER (self), 0);

  return self->n_pages;
}

GtkWindow *
xs_evidence_viewer_present (GtkWindow  *parent,
                            const char *path,
                            const char *title)
{
  g_autofree char *name = NULL;
  GtkWidget *window, *box, *header, *viewer;
  GtkEventController *shortcuts;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  name = title != NULL ? g_strdup (title) : g_path_get_basename (path);
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), name);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (name, NULL));
  gtk_box_append (GTK_BOX (box), header);
  viewer = xs_evidence_viewer_new ();
  gtk_widget_set_vexpand (viewer, TRUE);
  gtk_box_append (GTK_BOX (box), viewer);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>w|Escape"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  xs_evidence_viewer_load_file (XS_EVIDENCE_VIEWER (viewer), path, name);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
