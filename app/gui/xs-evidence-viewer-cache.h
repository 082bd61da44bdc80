/* xs-evidence-viewer-cache.h: the evidence viewer's cache of rendered pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Textures by key, least recently used dropped first once they take more
 * than a limit in bytes; the newest entry always stays, however large. */
typedef struct _XsEvidenceViewerCache XsEvidenceViewerCache;

XsEvidenceViewerCache *xs_evidence_viewer_cache_new      (gsize                  limit);
void                   xs_evidence_viewer_cache_free     (XsEvidenceViewerCache *cache);
void                   xs_evidence_viewer_cache_clear    (XsEvidenceViewerCache *cache);
gboolean               xs_evidence_viewer_cache_contains (XsEvidenceViewerCache *cache,
                                                          guint64                key);
/* Returns (transfer none) the texture for @key, now the most recent, or
 * NULL. */
GdkTexture            *xs_evidence_viewer_cache_lookup   (XsEvidenceViewerCache *cache,
                                                          guint64                key);
/* Keeps @texture for @key, unless @key has one already. */
void                   xs_evidence_viewer_cache_insert   (XsEvidenceViewerCache *cache,
                                                          guint64                key,
                                                          GdkTexture            *texture);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsEvidenceViewerCache, xs_evidence_viewer_cache_free)

G_END_DECLS
