/* xs-page-view.h: one page of a document (or a picture) on screen, at a
 * zoom, rendered in the document's worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-document.h"

G_BEGIN_DECLS

#define XS_PAGE_VIEW_MIN_ZOOM 0.1
#define XS_PAGE_VIEW_MAX_ZOOM 8.0

#define XS_TYPE_PAGE_VIEW (xs_page_view_get_type ())
G_DECLARE_FINAL_TYPE (XsPageView, xs_page_view, XS, PAGE_VIEW, GtkWidget)

/* :thumbnails (an XsThumbnailStrip, set in the .ui) gives stand-ins while a
 * page renders, is started once the first page is painted and keeps the
 * pages rendered here; :scale is screen pixels per page unit (0 before the
 * view has its size). */
GtkWidget *xs_page_view_new            (void);
/* Shows @document, or @image, from its first page; both NULL: nothing,
 * and a spinner while @loading. Forgets every render of the one before. */
void       xs_page_view_set_document   (XsPageView  *self,
                                        XsDocument  *document,
                                        GdkTexture  *image,
                                        gboolean     loading);
/* Keeps @texture, page @page of @document rendered @pixel_width pixels
 * wide, for when it is shown (the first page, rendered while loading,
 * before the document is set). */
void       xs_page_view_add_render     (XsPageView  *self,
                                        XsDocument  *document,
                                        int          page,
                                        int          pixel_width,
                                        GdkTexture  *texture);
void       xs_page_view_set_page       (XsPageView  *self,
                                        int          page);
/* @mode: fit-width, fit-page, actual or custom (@zoom, 1.0 is 100 %). */
void       xs_page_view_set_zoom       (XsPageView  *self,
                                        const char  *mode,
                                        double       zoom);
double     xs_page_view_get_scale      (XsPageView  *self);
/* Screen pixels per page unit at 100 %: a PDF at 96 dpi, a picture pixel
 * for pixel. */
double     xs_page_view_get_base_scale (XsPageView  *self);
/* Screen pixels per page unit for @mode on a page @width × @height in a
 * view @area_width × @area_height, or 0 while the view has no size. Pure:
 * a loading thread may use it. */
double     xs_page_view_scale_for      (const char  *mode,
                                        double       zoom,
                                        double       base,
                                        gboolean     picture,
                                        double       width,
                                        double       height,
                                        int          area_width,
                                        int          area_height);

G_END_DECLS
