/* xs-page-cache.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-page-cache"

#include "config.h"

#include "xs-page-cache.h"

typedef struct
{
  guint64     key;
  GdkTexture *texture;
  gsize       size;
  GList      *link;       /* in lru */
} CacheEntry;

struct _XsPageCache
{
  GObject     parent_instance;

  GHashTable *entries;    /* &entry->key → CacheEntry */
  GQueue      lru;        /* CacheEntry, most recent first */
  guint64     size;
  guint64     limit;
};

G_DEFINE_FINAL_TYPE (XsPageCache, xs_page_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIMIT,
  PROP_SIZE,
  PROP_N_TEXTURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cache_entry_free (CacheEntry *entry)
{
  g_clear_object (&entry->texture);
  g_free (entry);
}

XsPageCache *
xs_page_cache_new (guint64 limit)
{
  return g_object_new (XS_TYPE_PAGE_CACHE, "limit", limit, NULL);
}

static void
notify_size (XsPageCache *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TEXTURES]);
}

void
xs_page_cache_clear (XsPageCache *self)
{
  g_return_if_fail (XS_IS_PAGE_CACHE (self));

  if (self->lru.length == 0)
    return;
  g_hash_table_remove_all (self->entries);
  g_queue_clear_full (&self->lru, (GDestroyNotify) cache_entry_free);
  self->size = 0;
  notify_size (self);
}

gboolean
xs_page_cache_contains (XsPageCache *self,
                        guint64      key)
{
  g_return_val_if_fail (XS_IS_PAGE_CACHE (self), FALSE);
  return g_hash_table_contains (self->entries, &key);
}

GdkTexture *
xs_page_cache_lookup (XsPageCache *self,
                      guint64      key)
{
  CacheEntry *entry;

  g_return_val_if_fail (XS_IS_PAGE_CACHE (self), NULL);

  entry = g_hash_table_lookup (self->entries, &key);
  if (entry == NULL)
    return NULL;
  g_queue_unlink (&self->lru, entry->link);
  g_queue_push_head_link (&self->lru, entry->link);
  return entry->texture;
}

void
xs_page_cache_insert (XsPageCache *self,
                      guint64      key,
                      GdkTexture  *texture)
{
  CacheEntry *entry;

  g_return_if_fail (XS_IS_PAGE_CACHE (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  if (g_hash_table_contains (self->entries, &key))
    return;

  entry = g_new0 (CacheEntry, 1);
  entry->key = key;
  entry->texture = g_object_ref (texture);
  /* Pages are opaque textures: three bytes a pixel. */
  entry->size = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 3;
  g_queue_push_head (&self->lru, entry);
  entry->link = self->lru.head;
  g_hash_table_insert (self->entries, &entry->key, entry);
  self->size += entry->size;

  /* The newest entry always stays, however large. */
  while (self->size > self->limit && self->lru.length > 1)
    {
      CacheEntry *oldest = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->entries, &oldest->key);
      self->size -= oldest->size;
      cache_entry_free (oldest);
    }
  notify_size (self);
}

guint64
xs_page_cache_get_size (XsPageCache *self)
{
  g_return_val_if_fail (XS_IS_PAGE_CACHE (self), 0);
  return self->size;
}

guint
xs_page_cache_get_n_textures (XsPageCache *self)
{
  g_return_val_if_fail (XS_IS_PAGE_CACHE (self), 0);
  return self->lru.length;
}

guint64
xs_page_cache_get_limit (XsPageCache *self)
{
  g_return_val_if_fail (XS_IS_PAGE_CACHE (self), 0);
  return self->limit;
}

static void
xs_page_cache_finalize (GObject *object)
{
  XsPageCache *self = XS_PAGE_CACHE (object);

  g_hash_table_remove_all (self->entries);
  g_queue_clear_full (&self->lru, (GDestroyNotify) cache_entry_free);
  g_hash_table_unref (self->entries);

  G_OBJECT_CLASS (xs_page_cache_parent_class)->finalize (object);
}

static void
xs_page_cache_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XsPageCache *self = XS_PAGE_CACHE (object);

  switch (prop_id)
    {
    case PROP_LIMIT:
      g_value_set_uint64 (value, self->limit);
      break;
    case PROP_SIZE:
      g_value_set_uint64 (value, self->size);
      break;
    case PROP_N_TEXTURES:
      g_value_set_uint (value, self->lru.length);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_page_cache_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  XsPageCache *self = XS_PAGE_CACHE (object);

  switch (prop_id)
    {
    case PROP_LIMIT:
      self->limit = g_value_get_uint64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_page_cache_class_init (XsPageCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_page_cache_finalize;
  object_class->get_property = xs_page_cache_get_property;
  object_class->set_property = xs_page_cache_set_property;

  properties[PROP_LIMIT] =
    g_param_spec_uint64 ("limit", NULL, NULL, 0, G_MAXUINT64, 64 * 1024 * 1024,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_uint64 ("size", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_TEXTURES] =
    g_param_spec_uint ("n-textures", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_page_cache_init (XsPageCache *self)
{
  self->entries = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->lru);
}
