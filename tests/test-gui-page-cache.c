/* test-gui-page-cache.c: the evidence viewer's cache of rendered pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "xs-page-cache.h"

/* A page's texture of @width × @height pixels: opaque, 3 bytes each. */
static GdkTexture *
make_texture (int width,
              int height)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 ((gsize) width * height * 3),
                                              (gsize) width * height * 3);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_B8G8R8, bytes, (gsize) width * 3);
}

static void
test_lru (void)
{
  /* room for two 100 × 100 textures, not three */
  XsPageCache *cache = xs_page_cache_new (100 * 100 * 3 * 2 + 1);
  g_autoptr(GdkTexture) a = make_texture (100, 100);
  g_autoptr(GdkTexture) b = make_texture (100, 100);
  g_autoptr(GdkTexture) c = make_texture (100, 100);
  g_autoptr(GdkTexture) other = make_texture (10, 10);

  g_assert_null (xs_page_cache_lookup (cache, 1));
  xs_page_cache_insert (cache, 1, a);
  xs_page_cache_insert (cache, 2, b);
  g_assert_cmpuint (xs_page_cache_get_n_textures (cache), ==, 2);
  g_assert_cmpuint (xs_page_cache_get_size (cache), ==, 2 * 100 * 100 * 3);

  /* 1 used last: 2 goes when 3 comes */
  g_assert_true (xs_page_cache_lookup (cache, 1) == a);
  xs_page_cache_insert (cache, 3, c);
  g_assert_true (xs_page_cache_contains (cache, 1));
  g_assert_false (xs_page_cache_contains (cache, 2));
  g_assert_true (xs_page_cache_lookup (cache, 3) == c);
  g_assert_cmpuint (xs_page_cache_get_n_textures (cache), ==, 2);

  /* a key kept is not replaced */
  xs_page_cache_insert (cache, 3, other);
  g_assert_true (xs_page_cache_lookup (cache, 3) == c);

  xs_page_cache_clear (cache);
  g_assert_cmpuint (xs_page_cache_get_n_textures (cache), ==, 0);
  g_assert_cmpuint (xs_page_cache_get_size (cache), ==, 0);
  g_assert_false (xs_page_cache_contains (cache, 1));

  g_assert_finalize_object (cache);
}

static void
count (guint *counter)
{
  (*counter)++;
}

static void
test_newest_stays (void)
{
  XsPageCache *cache = xs_page_cache_new (1000);
  g_autoptr(GdkTexture) small = make_texture (10, 10);
  g_autoptr(GdkTexture) large = make_texture (200, 200);
  guint notified = 0;

  g_signal_connect_swapped (cache, "notify::size", G_CALLBACK (count), &notified);
  xs_page_cache_insert (cache, 1, small);
  /* larger than the limit by itself: still kept, the older one goes */
  xs_page_cache_insert (cache, 2, large);
  g_assert_true (xs_page_cache_lookup (cache, 2) == large);
  g_assert_false (xs_page_cache_contains (cache, 1));
  g_assert_cmpuint (xs_page_cache_get_limit (cache), ==, 1000);
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (cache);
  /* the cache held its own references */
  g_assert_cmpint (G_OBJECT (large)->ref_count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/page-cache/lru", test_lru);
  g_test_add_func ("/page-cache/newest-stays", test_newest_stays);

  return g_test_run ();
}
