/* test-gui-thumbnail-strip.c: the strip of page thumbnails, alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <gtk/gtk.h>

#include "xs-gui-test-util.h"
#include "xs-test-util.h"
#include "xs-thumbnail-strip.h"

static char *tmpdir;

/* @n A4 pages, each with its number of black bars. */
static XsDocument *
make_document (int n)
{
  g_autofree char *path = g_build_filename (tmpdir, "pages.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  XsDocument *document;

  for (int page = 1; page <= n; page++)
    {
      for (int bar = 0; bar < page; bar++)
        cairo_rectangle (cr, 60, 80 + bar * 120, 400, 60);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  document = xs_document_new_from_file (path, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static guint
count_textures (GtkWidget *root)
{
  guint n = 0;

  if (GTK_IS_PICTURE (root) && GDK_IS_TEXTURE (gtk_picture_get_paintable (GTK_PICTURE (root))))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_textures (child);
  return n;
}

typedef struct
{
  GtkWidget *root;
  guint      wanted;
} Wait;

static gboolean
textures_drawn (gpointer user_data)
{
  Wait *wait = user_data;

  return count_textures (wait->root) >= wait->wanted;
}

static void
on_ready (int *ready,
          int  page)
{
  *ready |= 1 << page;
}

static void
test_strip (void)
{
  g_autoptr(XsDocument) document = make_document (5);
  GtkWidget *strip = xs_thumbnail_strip_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkListView *list;
  GtkSingleSelection *selection;
  Wait wait = { strip, 5 };
  int ready = 0;

  g_object_ref_sink (strip);
  gtk_window_set_default_size (window, 900, 200);
  gtk_window_set_child (window, strip);
  gtk_window_present (window);
  g_signal_connect_swapped (strip, "thumbnail-ready", G_CALLBACK (on_ready), &ready);

  /* Nothing before it is started: the page on screen goes first. */
  xs_thumbnail_strip_set_document (XS_THUMBNAIL_STRIP (strip), document);
  xs_gui_test_iterate (200);
  g_assert_false (gtk_widget_get_visible (strip));
  g_assert_false (xs_thumbnail_strip_get_started (XS_THUMBNAIL_STRIP (strip)));
  g_assert_cmpuint (count_textures (strip), ==, 0);

  xs_thumbnail_strip_set_page (XS_THUMBNAIL_STRIP (strip), 2);
  xs_thumbnail_strip_start (XS_THUMBNAIL_STRIP (strip));
  g_assert_true (gtk_widget_get_visible (strip));
  list = GTK_LIST_VIEW (xs_gui_test_find (strip, GTK_TYPE_LIST_VIEW, NULL));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);

  /* All five fit: all five are rendered, each announced once. */
  g_assert_true (xs_gui_test_wait_until (textures_drawn, &wait, 10000));
  g_assert_cmpuint (count_textures (strip), ==, 5);
  g_assert_cmpint (ready, ==, 0x1f);
  g_assert_nonnull (xs_thumbnail_strip_lookup (XS_THUMBNAIL_STRIP (strip), 4));

  /* Choosing a row is the strip's page. */
  gtk_single_selection_set_selected (selection, 3);
  g_assert_cmpint (xs_thumbnail_strip_get_page (XS_THUMBNAIL_STRIP (strip)), ==, 3);
  xs_thumbnail_strip_set_page (XS_THUMBNAIL_STRIP (strip), 99);
  g_assert_cmpint (xs_thumbnail_strip_get_page (XS_THUMBNAIL_STRIP (strip)), ==, 4);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 4);

  /* Another document: everything is forgotten. */
  xs_thumbnail_strip_set_document (XS_THUMBNAIL_STRIP (strip), NULL);
  g_assert_false (gtk_widget_get_visible (strip));
  g_assert_null (xs_thumbnail_strip_lookup (XS_THUMBNAIL_STRIP (strip), 4));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);

  gtk_window_destroy (window);
  g_assert_finalize_object (strip);
}

/* A page rendered large makes its thumbnail without a render of its own. */
static void
test_from_page (void)
{
  g_autoptr(XsDocument) document = make_document (1);
  GtkWidget *strip = g_object_ref_sink (xs_thumbnail_strip_new ());
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1190, 1684);
  GdkTexture *texture;
  g_autofree guint32 *pixels = NULL;
  int ready = 0, width, height;
  cairo_t *cr;

  /* a page of pale yellow paper, as a scan's */
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);

  g_signal_connect_swapped (strip, "thumbnail-ready", G_CALLBACK (on_ready), &ready);
  xs_thumbnail_strip_set_document (XS_THUMBNAIL_STRIP (strip), document);
  /* one page: no strip */
  xs_thumbnail_strip_start (XS_THUMBNAIL_STRIP (strip));
  g_assert_false (gtk_widget_get_visible (strip));

  xs_thumbnail_strip_add_from_page (XS_THUMBNAIL_STRIP (strip), 0, surface);
  texture = xs_thumbnail_strip_lookup (XS_THUMBNAIL_STRIP (strip), 0);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), <, 200);
  g_assert_cmpint (ready, ==, 1);
  /* the paper's colour to its edges: no grey border */
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  g_assert_cmphex (pixels[0], ==, 0xffffffcc);
  g_assert_cmphex (pixels[width - 1], ==, 0xffffffcc);
  g_assert_cmphex (pixels[(gsize) width * (height - 1)], ==, 0xffffffcc);
  g_assert_cmphex (pixels[(gsize) width * height - 1], ==, 0xffffffcc);
  g_assert_cmphex (pixels[(gsize) width * (height / 2) + width / 2], ==, 0xffffffcc);
  /* a page that does not exist is ignored */
  xs_thumbnail_strip_add_from_page (XS_THUMBNAIL_STRIP (strip), 7, surface);
  g_assert_null (xs_thumbnail_strip_lookup (XS_THUMBNAIL_STRIP (strip), 7));
  cairo_surface_destroy (surface);

  g_assert_finalize_object (strip);
}

int
main (int   argc,
      char *argv[])
{
  xs_gui_test_init (&argc, &argv);
  tmpdir = xs_test_make_tmpdir ();

  g_test_add_func ("/thumbnail-strip/strip", test_strip);
  g_test_add_func ("/thumbnail-strip/from-page", test_from_page);

  return xs_gui_test_run ();
}
