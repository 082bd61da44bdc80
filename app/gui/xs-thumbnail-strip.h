/* xs-thumbnail-strip.h: a strip of small pictures of a document's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-document.h"

G_BEGIN_DECLS

#define XS_TYPE_THUMBNAIL_STRIP (xs_thumbnail_strip_get_type ())
G_DECLARE_FINAL_TYPE (XsThumbnailStrip, xs_thumbnail_strip, XS, THUMBNAIL_STRIP, GtkWidget)

/* One row per page of :document, shown only for two pages or more. Rows
 * and renders wait for xs_thumbnail_strip_start(), so that they do not slow
 * down the first page; then only the pages in sight are rendered, in a
 * worker. :page is the page chosen, by the user or by the owner. */
GtkWidget  *xs_thumbnail_strip_new            (void);
XsDocument *xs_thumbnail_strip_get_document   (XsThumbnailStrip *self);
/* Forgets every thumbnail and request; the rows come with _start(). */
void        xs_thumbnail_strip_set_document   (XsThumbnailStrip *self,
                                               XsDocument       *document);
int         xs_thumbnail_strip_get_page       (XsThumbnailStrip *self);
void        xs_thumbnail_strip_set_page       (XsThumbnailStrip *self,
                                               int               page);
void        xs_thumbnail_strip_start          (XsThumbnailStrip *self);
gboolean    xs_thumbnail_strip_get_started    (XsThumbnailStrip *self);
/* The thumbnail of @page (transfer none), or NULL while there is none. */
GdkTexture *xs_thumbnail_strip_lookup         (XsThumbnailStrip *self,
                                               int               page);
/* Makes the thumbnail of @page by scaling down @surface, a render of the
 * whole page, instead of rendering it again. */
void        xs_thumbnail_strip_add_from_page  (XsThumbnailStrip *self,
                                               int               page,
                                               cairo_surface_t  *surface);

G_END_DECLS
