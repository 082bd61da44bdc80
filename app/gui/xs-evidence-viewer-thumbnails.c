/* xs-evidence-viewer-thumbnails.c
 *
 * The strip beside the page: one row per page, rendered small only once
 * the page on screen has been painted, and only while in sight.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-viewer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xs-texture.h"
#include "xs-evidence-viewer-private.h"

#define THUMBNAIL_WIDTH  72

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
                                 _xs_evidence_viewer_on_page_rendered,
                                 _xs_evidence_viewer_request_new (self, page, 0, TRUE, cancellable));
}

/* The first page goes first: a thumbnail of a scan costs as much as the
 * page itself. */
void
_xs_evidence_viewer_start_thumbnails (XsEvidenceViewer *self)
{
  g_autoptr(GList) pages = NULL;

  if (self->thumbnails_started)
    return;
  self->thumbnails_started = TRUE;
  /* The strip itself comes now too: making its rows is a good part of a
   * frame's work. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->thumbnail_pages)) != (guint) self->n_pages)
    {
      _xs_evidence_viewer_set_thumbnail_pages (self, self->n_pages);
      _xs_evidence_viewer_update_controls (self);
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
void
_xs_evidence_viewer_thumbnail_from_page (XsEvidenceViewer *self,
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
  texture = xs_texture_new_for_surface (thumbnail);
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
  page = GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (self->picture_pages, picture)) - 1);
  g_hash_table_remove (self->picture_pages, picture);
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
    xs_evidence_viewer_set_page (self, (int) selected);
}

void
_xs_evidence_viewer_cancel_thumbnails (XsEvidenceViewer *self)
{
  GHashTableIter iter;
  gpointer cancellable;

  g_hash_table_iter_init (&iter, self->thumbnail_requests);
  while (g_hash_table_iter_next (&iter, NULL, &cancellable))
    g_cancellable_cancel (cancellable);
  g_hash_table_remove_all (self->thumbnail_requests);
}

void
_xs_evidence_viewer_set_thumbnail_pages (XsEvidenceViewer *self,
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

void
_xs_evidence_viewer_init_thumbnails (XsEvidenceViewer *self)
{
  GtkListItemFactory *factory;

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
}
