/* xs-thumbnail-strip.c
 *
 * The strip beside the page: one row per page, rendered small only once
 * its owner says the page on screen has been painted, and only while in
 * sight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-thumbnail-strip"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xs-texture.h"
#include "xs-thumbnail-strip.h"

#define THUMBNAIL_WIDTH  72
/* After the page on screen and the next one: lower goes first. */
#define PRIORITY_THUMBNAIL G_PRIORITY_LOW

struct _XsThumbnailStrip
{
  GtkWidget           parent_instance;

  XsDocument         *document;
  int                 n_pages;
  int                 page;
  guint               generation;          /* one per document: older renders are dropped */
  gboolean            started;
  gboolean            syncing_selection;
  guint               prune_id;

  GtkStringList      *pages;
  GtkSingleSelection *selection;
  GHashTable         *thumbnails;          /* page → GdkTexture */
  GHashTable         *requests;            /* page → GCancellable */
  GHashTable         *bound;               /* page → GtkPicture (not owned) */
  GHashTable         *picture_pages;       /* GtkPicture (not owned) → its page + 1 */

  /* template children */
  GtkWidget          *scroller;
  GtkListView        *list;
};

G_DEFINE_FINAL_TYPE (XsThumbnailStrip, xs_thumbnail_strip, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  PROP_STARTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  THUMBNAIL_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A render for the worker: holds the strip weakly, so that a closed strip
 * is finalized at once and its late results are dropped. */
typedef struct
{
  GWeakRef      strip;
  guint         generation;
  int           page;
  GCancellable *cancellable;
} Request;

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->strip);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  return GPOINTER_TO_INT (a) - GPOINTER_TO_INT (b);
}

static double
thumbnail_scale (XsThumbnailStrip *self,
                 int               page)
{
  double width, height;

  xs_document_get_page_size (self->document, page, &width, &height);
  return (double) THUMBNAIL_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self))
         / MAX (width, height * 0.75);
}

static Request *
request_new (XsThumbnailStrip *self,
             int               page,
             GCancellable     *cancellable)
{
  Request *request = g_new0 (Request, 1);

  g_weak_ref_init (&request->strip, self);
  request->generation = self->generation;
  request->page = page;
  request->cancellable = g_object_ref (cancellable);
  return request;
}

static void
set_thumbnail (XsThumbnailStrip *self,
               int               page,
               GdkTexture       *texture)
{
  GtkPicture *picture;

  g_hash_table_replace (self->thumbnails, GINT_TO_POINTER (page), g_object_ref (texture));
  picture = g_hash_table_lookup (self->bound, GINT_TO_POINTER (page));
  if (picture != NULL)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  g_signal_emit (self, signals[THUMBNAIL_READY], 0, page, texture);
}

static void
on_thumbnail_rendered (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(XsThumbnailStrip) self = g_weak_ref_get (&request->strip);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  surface = xs_document_render_page_finish (XS_DOCUMENT (source), result, &error);
  if (surface != NULL)
    {
      texture = xs_texture_new_for_opaque_surface (surface);
      cairo_surface_destroy (surface);
    }
  if (self == NULL || request->generation != self->generation)
    return;

  if (g_hash_table_lookup (self->requests, GINT_TO_POINTER (request->page)) == request->cancellable)
    g_hash_table_remove (self->requests, GINT_TO_POINTER (request->page));
  if (texture != NULL)
    set_thumbnail (self, request->page, texture);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Thumbnail of page %d: %s", request->page + 1, error->message);
}

static void
request_thumbnail (XsThumbnailStrip *self,
                   int               page)
{
  g_autoptr(GCancellable) cancellable = NULL;
  double scale;

  if (g_hash_table_contains (self->thumbnails, GINT_TO_POINTER (page))
      || g_hash_table_contains (self->requests, GINT_TO_POINTER (page)))
    return;

  scale = thumbnail_scale (self, page);
  cancellable = g_cancellable_new ();
  g_hash_table_insert (self->requests, GINT_TO_POINTER (page), g_object_ref (cancellable));
  xs_document_render_page_async (self->document, page, scale, PRIORITY_THUMBNAIL, cancellable,
                                 on_thumbnail_rendered, request_new (self, page, cancellable));
}

static void set_pages (XsThumbnailStrip *self,
                       int               n_pages);

/* The first page goes first: a thumbnail of a scan costs as much as the
 * page itself. */
void
xs_thumbnail_strip_start (XsThumbnailStrip *self)
{
  g_autoptr(GList) pages = NULL;

  g_return_if_fail (XS_IS_THUMBNAIL_STRIP (self));

  if (self->started || self->document == NULL)
    return;
  self->started = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
  /* The strip itself comes now too: making its rows is a good part of a
   * frame's work. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->pages)) != (guint) self->n_pages)
    set_pages (self, self->n_pages);
  pages = g_hash_table_get_keys (self->bound);
  pages = g_list_sort (pages, (GCompareFunc) (void (*) (void)) compare_pages);
  for (GList *l = pages; l != NULL; l = l->next)
    request_thumbnail (self, GPOINTER_TO_INT (l->data));
}

/* Thumbnails scrolled out of sight before their turn: not needed now. */
static gboolean
prune_thumbnail_requests (gpointer user_data)
{
  XsThumbnailStrip *self = user_data;
  GHashTableIter iter;
  gpointer page, cancellable;

  self->prune_id = 0;
  g_hash_table_iter_init (&iter, self->requests);
  while (g_hash_table_iter_next (&iter, &page, &cancellable))
    if (!g_hash_table_contains (self->bound, page))
      {
        g_cancellable_cancel (cancellable);
        g_hash_table_iter_remove (&iter);
      }
  return G_SOURCE_REMOVE;
}

static void on_thumbnail_unbind (GtkSignalListItemFactory *factory,
                                 GtkListItem              *item,
                                 XsThumbnailStrip         *self);

/* A page rendered for the page area makes its thumbnail by scaling down,
 * in a few milliseconds: a render from the PDF would decode the scan again. */
void
xs_thumbnail_strip_add_from_page (XsThumbnailStrip *self,
                                  int               page,
                                  cairo_surface_t  *surface)
{
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *thumbnail;
  GCancellable *cancellable;
  int width, height;
  double factor;
  cairo_t *cr;

  g_return_if_fail (XS_IS_THUMBNAIL_STRIP (self));
  g_return_if_fail (surface != NULL);

  if (self->document == NULL || page < 0 || page >= self->n_pages
      || g_hash_table_contains (self->thumbnails, GINT_TO_POINTER (page)))
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
  texture = xs_texture_new_for_opaque_surface (thumbnail);
  cairo_surface_destroy (thumbnail);

  cancellable = g_hash_table_lookup (self->requests, GINT_TO_POINTER (page));
  if (cancellable != NULL)
    {
      g_cancellable_cancel (cancellable);
      g_hash_table_remove (self->requests, GINT_TO_POINTER (page));
    }
  set_thumbnail (self, page, texture);
}

static void
on_thumbnail_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    XsThumbnailStrip         *self)
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
                   XsThumbnailStrip         *self)
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
  old_page = GPOINTER_TO_INT (g_hash_table_lookup (self->picture_pages, picture)) - 1;
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

  g_hash_table_replace (self->picture_pages, picture, GINT_TO_POINTER (page + 1));
  g_hash_table_replace (self->bound, GINT_TO_POINTER (page), picture);
  texture = g_hash_table_lookup (self->thumbnails, GINT_TO_POINTER (page));
  gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
  if (texture == NULL && self->started)
    request_thumbnail (self, page);
}

static void
on_thumbnail_unbind (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     XsThumbnailStrip         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture;
  gpointer page;

  if (box == NULL)
    return;
  picture = gtk_widget_get_first_child (gtk_widget_get_first_child (box));
  /* The position may be gone already (the model changed): the picture
   * knows its page, plus one. */
  page = GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (self->picture_pages, picture)) - 1);
  g_hash_table_remove (self->picture_pages, picture);
  if (GPOINTER_TO_INT (page) < 0 || g_hash_table_lookup (self->bound, page) != picture)
    return;
  g_hash_table_remove (self->bound, page);
  gtk_picture_set_paintable (GTK_PICTURE (picture), NULL);
  /* GTK unbinds and binds again on a change of selection: requests are
   * dropped only when their page is still out of sight after that. */
  if (self->prune_id == 0)
    self->prune_id = g_idle_add (prune_thumbnail_requests, self);
}

static void
on_thumbnail_selected (GtkSingleSelection *selection,
                       GParamSpec         *pspec,
                       XsThumbnailStrip   *self)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (!self->syncing_selection && selected != GTK_INVALID_LIST_POSITION && (int) selected != self->page)
    {
      self->page = (int) selected;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

static void
cancel_requests (XsThumbnailStrip *self)
{
  GHashTableIter iter;
  gpointer cancellable;

  g_hash_table_iter_init (&iter, self->requests);
  while (g_hash_table_iter_next (&iter, NULL, &cancellable))
    g_cancellable_cancel (cancellable);
  g_hash_table_remove_all (self->requests);
}

static void
set_pages (XsThumbnailStrip *self,
           int               n_pages)
{
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  gboolean shown = n_pages > 1;

  for (int i = 0; i < n_pages && shown; i++)
    g_ptr_array_add (numbers, g_strdup_printf ("%d", i + 1));
  g_ptr_array_add (numbers, NULL);

  self->syncing_selection = TRUE;
  gtk_string_list_splice (self->pages, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->pages)),
                          (const char * const *) numbers->pdata);
  gtk_single_selection_set_selected (self->selection, shown ? (guint) CLAMP (self->page, 0, n_pages - 1)
                                                           : GTK_INVALID_LIST_POSITION);
  self->syncing_selection = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self), shown);
}

/* Public ------------------------------------------------------------------- */

GtkWidget *
xs_thumbnail_strip_new (void)
{
  return g_object_new (XS_TYPE_THUMBNAIL_STRIP, NULL);
}

XsDocument *
xs_thumbnail_strip_get_document (XsThumbnailStrip *self)
{
  g_return_val_if_fail (XS_IS_THUMBNAIL_STRIP (self), NULL);
  return self->document;
}

void
xs_thumbnail_strip_set_document (XsThumbnailStrip *self,
                                 XsDocument       *document)
{
  g_return_if_fail (XS_IS_THUMBNAIL_STRIP (self));
  g_return_if_fail (document == NULL || XS_IS_DOCUMENT (document));

  self->generation++;
  cancel_requests (self);
  g_clear_handle_id (&self->prune_id, g_source_remove);
  g_hash_table_remove_all (self->thumbnails);
  g_set_object (&self->document, document);
  self->n_pages = document != NULL ? xs_document_get_n_pages (document) : 0;
  self->page = 0;
  set_pages (self, 0);
  if (self->started)
    {
      self->started = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

int
xs_thumbnail_strip_get_page (XsThumbnailStrip *self)
{
  g_return_val_if_fail (XS_IS_THUMBNAIL_STRIP (self), 0);
  return self->page;
}

void
xs_thumbnail_strip_set_page (XsThumbnailStrip *self,
                             int               page)
{
  g_return_if_fail (XS_IS_THUMBNAIL_STRIP (self));

  page = CLAMP (page, 0, MAX (self->n_pages - 1, 0));
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  if ((guint) page < g_list_model_get_n_items (G_LIST_MODEL (self->pages))
      && gtk_single_selection_get_selected (self->selection) != (guint) page)
    {
      self->syncing_selection = TRUE;
      gtk_single_selection_set_selected (self->selection, page);
      self->syncing_selection = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", (guint) page);
    }
}

gboolean
xs_thumbnail_strip_get_started (XsThumbnailStrip *self)
{
  g_return_val_if_fail (XS_IS_THUMBNAIL_STRIP (self), FALSE);
  return self->started;
}

GdkTexture *
xs_thumbnail_strip_lookup (XsThumbnailStrip *self,
                           int               page)
{
  g_return_val_if_fail (XS_IS_THUMBNAIL_STRIP (self), NULL);
  return g_hash_table_lookup (self->thumbnails, GINT_TO_POINTER (page));
}

/* GObject ------------------------------------------------------------------- */

static void
xs_thumbnail_strip_dispose (GObject *object)
{
  XsThumbnailStrip *self = XS_THUMBNAIL_STRIP (object);

  self->generation++;
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_THUMBNAIL_STRIP);
  /* Unbinding the rows may have asked for these again. */
  g_clear_handle_id (&self->prune_id, g_source_remove);
  cancel_requests (self);
  g_hash_table_remove_all (self->bound);
  g_hash_table_remove_all (self->picture_pages);
  g_clear_object (&self->selection);
  g_clear_object (&self->pages);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (xs_thumbnail_strip_parent_class)->dispose (object);
}

static void
xs_thumbnail_strip_finalize (GObject *object)
{
  XsThumbnailStrip *self = XS_THUMBNAIL_STRIP (object);

  g_hash_table_unref (self->thumbnails);
  g_hash_table_unref (self->requests);
  g_hash_table_unref (self->bound);
  g_hash_table_unref (self->picture_pages);

  G_OBJECT_CLASS (xs_thumbnail_strip_parent_class)->finalize (object);
}

static void
xs_thumbnail_strip_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsThumbnailStrip *self = XS_THUMBNAIL_STRIP (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_STARTED:
      g_value_set_boolean (value, self->started);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_thumbnail_strip_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsThumbnailStrip *self = XS_THUMBNAIL_STRIP (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      xs_thumbnail_strip_set_document (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      xs_thumbnail_strip_set_page (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_thumbnail_strip_class_init (XsThumbnailStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_thumbnail_strip_dispose;
  object_class->finalize = xs_thumbnail_strip_finalize;
  object_class->get_property = xs_thumbnail_strip_get_property;
  object_class->set_property = xs_thumbnail_strip_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, XS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STARTED] =
    g_param_spec_boolean ("started", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsThumbnailStrip::thumbnail-ready:
   * @page: the page, from 0
   * @texture: its thumbnail
   *
   * A thumbnail was made: its owner may show it while the page itself is
   * on its way.
   */
  signals[THUMBNAIL_READY] =
    g_signal_new ("thumbnail-ready",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, GDK_TYPE_TEXTURE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-thumbnail-strip.ui");
  gtk_widget_class_bind_template_child (widget_class, XsThumbnailStrip, scroller);
  gtk_widget_class_bind_template_child (widget_class, XsThumbnailStrip, list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "thumbnailstrip");
}

static void
xs_thumbnail_strip_init (XsThumbnailStrip *self)
{
  GtkListItemFactory *factory;

  self->thumbnails = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->requests = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->bound = g_hash_table_new (NULL, NULL);
  self->picture_pages = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->pages)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_thumbnail_selected), self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_thumbnail_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_thumbnail_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_thumbnail_unbind), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_thumbnail_unbind), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
}
