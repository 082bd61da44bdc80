/* xs-page-cache.h: rendered pages kept for a way back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

#define XS_TYPE_PAGE_CACHE (xs_page_cache_get_type ())
G_DECLARE_FINAL_TYPE (XsPageCache, xs_page_cache, XS, PAGE_CACHE, GObject)

/* Textures by key, least recently used dropped first once they take more
 * than :limit bytes; the newest entry always stays, however large. No
 * widgets: the evidence viewer asks it before it asks for a render. */
XsPageCache *xs_page_cache_new      (guint64      limit);
void         xs_page_cache_clear    (XsPageCache *self);
gboolean     xs_page_cache_contains (XsPageCache *self,
                                     guint64      key);
/* Returns (transfer none) the texture for @key, now the most recent, or
 * NULL. */
GdkTexture  *xs_page_cache_lookup   (XsPageCache *self,
                                     guint64      key);
/* Keeps @texture for @key, unless @key has one already. */
void         xs_page_cache_insert   (XsPageCache *self,
                                     guint64      key,
                                     GdkTexture  *texture);
/* Bytes of the textures kept (:size) and their number (:n-textures). */
guint64      xs_page_cache_get_size       (XsPageCache *self);
guint        xs_page_cache_get_n_textures (XsPageCache *self);
guint64      xs_page_cache_get_limit      (XsPageCache *self);

G_END_DECLS
