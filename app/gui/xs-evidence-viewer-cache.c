/* xs-evidence-viewer-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-evidence-viewer"

#include "config.h"

#include "xs-evidence-viewer-cache.h"

typedef struct
{
  guint64     key;
  GdkTexture *texture;
  gsize       size;
  GList      *link;       /* in lru */
} CacheEntry;

struct _XsEvidenceViewerCache
{
  GHashTable *entries;    /* &entry->key → CacheEntry */
  GQueue      lru;        /* CacheEntry, most recent first */
  gsize       size;
  gsize       limit;
};

static void
cache_entry_free (CacheEntry *entry)
{
  g_clear_object (&entry->texture);
  g_free (entry);
}

XsEvidenceViewerCache *
xs_evidence_viewer_cache_new (gsize limit)
{
  XsEvidenceViewerCache *cache = g_new0 (XsEvidenceViewerCache, 1);

  cache->entries = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&cache->lru);
  cache->limit = limit;
  return cache;
}

void
xs_evidence_viewer_cache_free (XsEvidenceViewerCache *cache)
{
  if (cache == NULL)
    return;
  xs_evidence_viewer_cache_clear (cache);
  g_hash_table_unref (cache->entries);
  g_free (cache);
}

void
xs_evidence_viewer_cache_clear (XsEvidenceViewerCache *cache)
{
  g_hash_table_remove_all (cache->entries);
  g_queue_clear_full (&cache->lru, (GDestroyNotify) cache_entry_free);
  cache->size = 0;
}

gboolean
xs_evidence_viewer_cache_contains (XsEvidenceViewerCache *cache,
                                   guint64                key)
{
  return g_hash_table_contains (cache->entries, &key);
}

GdkTexture *
xs_evidence_viewer_cache_lookup (XsEvidenceViewerCache *cache,
                                 guint64                key)
{
  CacheEntry *entry = g_hash_table_lookup (cache->entries, &key);

  if (entry == NULL)
    return NULL;
  g_queue_unlink (&cache->lru, entry->link);
  g_queue_push_head_link (&cache->lru, entry->link);
  return entry->texture;
}

void
xs_evidence_viewer_cache_insert (XsEvidenceViewerCache *cache,
                                 guint64                key,
                                 GdkTexture            *texture)
{
  CacheEntry *entry;

  if (g_hash_table_contains (cache->entries, &key))
    return;

  entry = g_new0 (CacheEntry, 1);
  entry->key = key;
  entry->texture = g_object_ref (texture);
  entry->size = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
  g_queue_push_head (&cache->lru, entry);
  entry->link = cache->lru.head;
  g_hash_table_insert (cache->entries, &entry->key, entry);
  cache->size += entry->size;

  /* The newest entry always stays, however large. */
  while (cache->size > cache->limit && cache->lru.length > 1)
    {
      CacheEntry *oldest = g_queue_pop_tail (&cache->lru);

      g_hash_table_remove (cache->entries, &oldest->key);
      cache->size -= oldest->size;
      cache_entry_free (oldest);
    }
}
