/* test-gui-evidence-viewer.c: the evidence preview of PDFs and pictures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <string.h>

#include "xs-evidence-viewer.h"
#include "xs-gui-test-util.h"
#include "xs-test-util.h"

static char *tmpdir;

/* Five A4 pages, each with its number of black bars, so each page looks
 * different. */
static char *
make_pdf (void)
{
  char *path = g_build_filename (tmpdir, "five-pages.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (int page = 1; page <= 5; page++)
    {
      for (int bar = 0; bar < page; bar++)
        cairo_rectangle (cr, 60, 80 + bar * 120, 400, 60);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

static GtkWindow *
present (const char *path)
{
  GtkWindow *window = xs_evidence_viewer_present (NULL, path, "证明材料.pdf");

  xs_gui_test_wait_for_draw (GTK_WIDGET (window));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (window));
  xs_gui_test_assert_controls_named (GTK_WIDGET (window));
  return window;
}

static XsEvidenceViewer *
viewer_of (GtkWindow *window)
{
  GtkWidget *viewer = xs_gui_test_find (GTK_WIDGET (window), XS_TYPE_EVIDENCE_VIEWER, NULL);

  g_assert_nonnull (viewer);
  return XS_EVIDENCE_VIEWER (viewer);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkPicture *
page_picture (GtkWindow *window)
{
  GtkWidget *picture = find_named (GTK_WIDGET (window), "page-picture");

  g_assert_nonnull (picture);
  return GTK_PICTURE (picture);
}

static const char *
visible_page (GtkWindow *window)
{
  GtkWidget *stack = xs_gui_test_find (GTK_WIDGET (viewer_of (window)), GTK_TYPE_STACK, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

typedef struct
{
  GtkWindow *window;
  int        width;   /* the texture's width to wait for, 0 for any */
} TextureWait;

static gboolean
texture_shown (gpointer user_data)
{
  TextureWait *wait = user_data;
  GdkPaintable *paintable = gtk_picture_get_paintable (page_picture (wait->window));

  return GDK_IS_TEXTURE (paintable)
         && (wait->width == 0 || gdk_texture_get_width (GDK_TEXTURE (paintable)) == wait->width);
}

/* Waits until the page area shows a texture as wide as the picture (not a
 * stretched stand-in), has drawn it, and the layout has settled (the
 * thumbnail strip comes after the first page, which changes the height of
 * the page area). */
static GdkTexture *
wait_for_page (GtkWindow *window)
{
  GtkPicture *picture = page_picture (window);
  TextureWait wait = { window, 0 };

  for (int tries = 0; tries < 20; tries++)
    {
      int width;

      xs_gui_test_iterate (50);
      gtk_widget_get_size_request (GTK_WIDGET (picture), &wait.width, NULL);
      g_assert_true (xs_gui_test_wait_until (texture_shown, &wait, 10000));
      xs_gui_test_wait_for_draw (GTK_WIDGET (picture));
      xs_gui_test_iterate (100);
      gtk_widget_get_size_request (GTK_WIDGET (picture), &width, NULL);
      if (width == wait.width && texture_shown (&wait))
        return GDK_TEXTURE (gtk_picture_get_paintable (picture));
    }
  g_assert_not_reached ();
}

static gboolean
has_stack_page (gpointer user_data)
{
  const char **wanted = user_data;   /* window, name */

  return g_strcmp0 (visible_page ((GtkWindow *) wanted[0]), wanted[1]) == 0;
}

static void
wait_for_stack_page (GtkWindow  *window,
                     const char *name)
{
  const char *wanted[] = { (const char *) window, name };

  g_assert_true (xs_gui_test_wait_until (has_stack_page, wanted, 10000));
  xs_gui_test_wait_for_draw (GTK_WIDGET (window));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (window));
  xs_gui_test_assert_controls_named (GTK_WIDGET (window));
}

/* The texture's pixel at the left edge, a third of the way down the page:
 * black on the pages with three bars or more (the third bar). */
static guint32
sample_pixel (GdkTexture *texture,
              double      x_fraction,
              double      y_fraction)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  return pixels[(int) (y_fraction * height) * width + (int) (x_fraction * width)];
}

static void
close_window (GtkWindow *window)
{
  XsEvidenceViewer *viewer = viewer_of (window);

  /* Requests still in the worker hold the viewer weakly: it goes with the
   * window. */
  g_object_add_weak_pointer (G_OBJECT (viewer), (gpointer *) &viewer);
  g_object_ref (window);
  gtk_window_destroy (window);
  xs_gui_test_finalize (window, 10000);
  g_assert_null (viewer);
}

static void
test_pages (void)
{
  g_autofree char *path = make_pdf ();
  GtkWindow *window = present (path);
  XsEvidenceViewer *viewer = viewer_of (window);
  GtkWidget *entry, *label;
  GtkListView *thumbnails;
  GdkTexture *texture;

  texture = wait_for_page (window);
  g_assert_cmpstr (visible_page (window), ==, "document");
  g_assert_cmpint (xs_evidence_viewer_get_n_pages (viewer), ==, 5);
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 0);
  /* Page 1 has one bar: white where page 3's third bar is. */
  g_assert_cmphex (sample_pixel (texture, 0.5, (80 + 2 * 120 + 30) / 842.0), ==, 0xffffffff);
  g_assert_cmphex (sample_pixel (texture, 0.5, (80 + 30) / 842.0), ==, 0xff000000);

  entry = xs_gui_test_find (GTK_WIDGET (viewer), GTK_TYPE_ENTRY, NULL);
  label = xs_gui_test_find (GTK_WIDGET (viewer), GTK_TYPE_LABEL, "of 5");
  g_assert_nonnull (entry);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1");

  /* Next twice: page 3. */
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.next-page", NULL);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.next-page", NULL);
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "3");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "of 5");
  texture = wait_for_page (window);
  g_assert_cmphex (sample_pixel (texture, 0.5, (80 + 2 * 120 + 30) / 842.0), ==, 0xff000000);

  /* Typing a page number; a wrong one is put right. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "5");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 4);
  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "5");
  gtk_editable_set_text (GTK_EDITABLE (entry), "99");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "5");

  /* Home and End. */
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.first-page", NULL);
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.last-page", NULL);
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 4);
  wait_for_page (window);

  /* One thumbnail per page; choosing one shows that page. */
  thumbnails = GTK_LIST_VIEW (xs_gui_test_find (GTK_WIDGET (viewer), GTK_TYPE_LIST_VIEW, NULL));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (thumbnails)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (thumbnails))), ==, 5);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (thumbnails))), ==, 4);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (thumbnails)), 1);
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2");
  wait_for_page (window);

  close_window (window);
}

typedef struct
{
  GtkWidget *root;
  guint      wanted;
} ThumbnailWait;

static guint
count_thumbnail_textures (GtkWidget *root)
{
  guint count = 0;

  if (GTK_IS_PICTURE (root) && g_strcmp0 (gtk_widget_get_name (root), "page-picture") != 0
      && GDK_IS_TEXTURE (gtk_picture_get_paintable (GTK_PICTURE (root))))
    count++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_thumbnail_textures (child);
  return count;
}

static gboolean
thumbnails_drawn (gpointer user_data)
{
  ThumbnailWait *wait = user_data;

  return count_thumbnail_textures (wait->root) >= wait->wanted;
}

static void
test_thumbnails (void)
{
  g_autofree char *path = make_pdf ();
  GtkWindow *window = present (path);
  XsEvidenceViewer *viewer = viewer_of (window);
  GtkWidget *list;
  ThumbnailWait wait;

  wait_for_page (window);
  list = xs_gui_test_find (GTK_WIDGET (viewer), GTK_TYPE_LIST_VIEW, NULL);
  /* All five fit in a 900-pixel window: all five are rendered. */
  wait.root = list;
  wait.wanted = 5;
  g_assert_true (xs_gui_test_wait_until (thumbnails_drawn, &wait, 10000));
  g_assert_cmpuint (count_thumbnail_textures (list), ==, 5);

  close_window (window);
}

static void
test_zoom (void)
{
  g_autofree char *path = make_pdf ();
  GtkWindow *window = present (path);
  XsEvidenceViewer *viewer = viewer_of (window);
  GtkWidget *picture = GTK_WIDGET (page_picture (window));
  GtkWidget *scroller = gtk_widget_get_ancestor (picture, GTK_TYPE_SCROLLED_WINDOW);
  GtkMenuButton *zoom_button = GTK_MENU_BUTTON (xs_gui_test_find (GTK_WIDGET (viewer), GTK_TYPE_MENU_BUTTON, NULL));
  g_autofree char *mode = NULL;
  GdkTexture *texture;
  int width, height, fit_width, fit_page_width;

  /* Fit width: the page fills the width of the page area. */
  texture = wait_for_page (window);
  gtk_widget_get_size_request (picture, &fit_width, &height);
  g_assert_cmpint (fit_width, >, gtk_widget_get_width (scroller) - 40);
  g_assert_cmpint (fit_width, <=, gtk_widget_get_width (scroller));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, fit_width);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "Fit Width");

  /* Fit page: the whole page is in sight, so narrower than fit width. */
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-mode", "s", "fit-page");
  texture = wait_for_page (window);
  gtk_widget_get_size_request (picture, &fit_page_width, &height);
  g_assert_cmpint (fit_page_width, <, fit_width);
  g_assert_cmpint (height, <=, gtk_widget_get_height (scroller));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, fit_page_width);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "Fit Page");

  /* 100 %: an A4 page at 96 dpi is 793.3 pixels wide. */
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-mode", "s", "actual");
  texture = wait_for_page (window);
  gtk_widget_get_size_request (picture, &width, &height);
  g_assert_cmpint (width, ==, 794);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 794);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "100 %");

  /* Zoom in and out by steps; back to the default. */
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-in", NULL);
  g_object_get (viewer, "zoom-mode", &mode, NULL);
  g_assert_cmpstr (mode, ==, "custom");
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "110 %");
  gtk_widget_get_size_request (picture, &width, &height);
  g_assert_cmpint (width, ==, 873);
  wait_for_page (window);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-out", NULL);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "90 %");
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-reset", NULL);
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "Fit Width");
  gtk_widget_get_size_request (picture, &width, &height);
  g_assert_cmpint (width, ==, fit_width);

  /* A narrower window: fit width follows it. */
  gtk_window_set_default_size (window, 600, 800);
  xs_gui_test_iterate (200);
  texture = wait_for_page (window);
  gtk_widget_get_size_request (picture, &width, &height);
  g_assert_cmpint (width, <, fit_width);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);

  close_window (window);
}

/* Runs what @trigger (as GTK writes it, e.g. "<Control>plus") does in the
 * viewer's shortcuts, as the window does for a key press wherever the focus
 * is (the shortcuts are managed). */
static void
press (XsEvidenceViewer *viewer,
       const char       *trigger)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (viewer));
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      g_assert_cmpint (gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)), ==,
                       GTK_SHORTCUT_SCOPE_MANAGED);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *triggers = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) alternatives = g_strsplit (triggers, "|", -1);

          if (g_strv_contains ((const char * const *) alternatives, trigger))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           0, GTK_WIDGET (viewer), NULL));
              found = TRUE;
            }
        }
    }
  g_object_unref (controllers);
  g_assert_true (found);
}

static void
test_keys (void)
{
  g_autofree char *path = make_pdf ();
  GtkWindow *window = present (path);
  XsEvidenceViewer *viewer = viewer_of (window);
  GtkMenuButton *zoom_button = GTK_MENU_BUTTON (xs_gui_test_find (GTK_WIDGET (viewer), GTK_TYPE_MENU_BUTTON, NULL));

  wait_for_page (window);
  press (viewer, "Page_Down");
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 1);
  press (viewer, "End");
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 4);
  press (viewer, "Page_Up");
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 3);
  press (viewer, "Home");
  g_assert_cmpint (xs_evidence_viewer_get_page (viewer), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-mode", "s", "actual");
  press (viewer, "<Control>plus");
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "110 %");
  press (viewer, "<Control>equal");
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "125 %");
  press (viewer, "<Control>minus");
  press (viewer, "<Control>minus");
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "100 %");
  press (viewer, "<Control>0");
  g_assert_cmpstr (gtk_menu_button_get_label (zoom_button), ==, "Fit Width");
  wait_for_page (window);

  close_window (window);
}

static gboolean
wrong_password_shown (gpointer status)
{
  GtkWidget *label = xs_gui_test_find (status, GTK_TYPE_LABEL, "password is not right");

  return label != NULL && gtk_widget_get_visible (label);
}

static void
test_password (void)
{
  g_autofree char *path = xs_test_fixture_path ("encrypted.pdf");
  GtkWindow *window = present (path);
  XsEvidenceViewer *viewer = viewer_of (window);
  GtkWidget *status, *entry, *error_label, *open;

  wait_for_stack_page (window, "password");
  status = xs_gui_test_find (GTK_WIDGET (viewer), ADW_TYPE_STATUS_PAGE, "Protected by a Password");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "证明材料.pdf"));
  entry = xs_gui_test_find (status, GTK_TYPE_PASSWORD_ENTRY, NULL);
  open = xs_gui_test_find (status, GTK_TYPE_BUTTON, "Open");
  g_assert_nonnull (entry);
  g_assert_nonnull (open);

  /* A wrong password: the page says so and stays. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "guess");
  g_signal_emit_by_name (open, "clicked");
  g_assert_true (xs_gui_test_wait_until (wrong_password_shown, status, 10000));
  wait_for_stack_page (window, "password");
  error_label = xs_gui_test_find (status, GTK_TYPE_LABEL, "password is not right");
  g_assert_true (gtk_widget_is_visible (error_label));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "guess");

  /* The right one, with Enter: the page. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "user");
  g_signal_emit_by_name (entry, "activate");
  wait_for_stack_page (window, "document");
  wait_for_page (window);
  g_assert_cmpint (xs_evidence_viewer_get_n_pages (viewer), >=, 1);

  close_window (window);
}

static void
check_broken (const char *path,
              const char *message)
{
  GtkWindow *window = present (path);
  XsEvidenceViewer *viewer = viewer_of (window);
  GtkWidget *status;

  wait_for_stack_page (window, "error");
  status = xs_gui_test_find (GTK_WIDGET (viewer), ADW_TYPE_STATUS_PAGE, "Cannot Show “证明材料.pdf”");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), message));

  close_window (window);
}

static void
test_broken (void)
{
  g_autofree char *path = make_pdf ();
  g_autofree char *truncated = g_build_filename (tmpdir, "truncated.pdf", NULL);
  g_autofree char *empty = g_build_filename (tmpdir, "empty.pdf", NULL);
  g_autofree char *text = g_build_filename (tmpdir, "notes.txt", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.pdf", NULL);
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 3, NULL));
  g_free (contents);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (text, "姓名,身份证号\n", -1, NULL));

  check_broken (truncated, "damaged");
  check_broken (empty, "empty");
  check_broken (text, "not a PDF, JPEG or PNG");
  check_broken (missing, "cannot be read");
}

static void
test_picture (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "photo", NULL);   /* stored without an extension */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);
  GtkWindow *window;
  XsEvidenceViewer *viewer;
  GtkWidget *picture;
  GdkTexture *texture;
  int width, height;

  cairo_set_source_rgb (cr, 0, 0.5, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  window = present (path);
  viewer = viewer_of (window);
  picture = GTK_WIDGET (page_picture (window));
  texture = wait_for_page (window);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 400);
  g_assert_cmpint (xs_evidence_viewer_get_n_pages (viewer), ==, 1);
  /* No page controls or thumbnails for a picture; fit page does not blow a
   * small picture up. */
  g_assert_false (gtk_widget_is_visible (xs_gui_test_find (GTK_WIDGET (viewer), GTK_TYPE_LIST_VIEW, NULL)));
  g_assert_false (gtk_widget_is_visible (xs_gui_test_find (GTK_WIDGET (viewer), GTK_TYPE_ENTRY, NULL)));
  gtk_widget_get_size_request (picture, &width, &height);
  g_assert_cmpint (width, ==, 400);
  g_assert_cmpint (height, ==, 300);

  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-in", NULL);
  gtk_widget_get_size_request (picture, &width, &height);
  g_assert_cmpint (width, ==, 440);
  gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.zoom-mode", "s", "fit-width");
  gtk_widget_get_size_request (picture, &width, &height);
  g_assert_cmpint (width, >, 800);
  g_assert_true (gtk_picture_get_paintable (GTK_PICTURE (picture)) == GDK_PAINTABLE (texture));

  close_window (window);
}

static void
test_jpeg (void)
{
  g_autofree char *path = xs_test_fixture_path ("scan.jpg");
  GtkWindow *window = present (path);

  wait_for_page (window);
  g_assert_cmpstr (visible_page (window), ==, "document");
  close_window (window);
}

/* Loading another file while the first is still on its way: only the
 * second is shown. */
static void
test_reload (void)
{
  g_autofree char *path = make_pdf ();
  g_autofree char *jpeg = xs_test_fixture_path ("scan.jpg");
  GtkWindow *window = present (path);
  XsEvidenceViewer *viewer = viewer_of (window);
  GdkTexture *texture;

  xs_evidence_viewer_load_file (viewer, jpeg, "scan.jpg");
  texture = wait_for_page (window);
  xs_gui_test_iterate (300);
  g_assert_cmpint (xs_evidence_viewer_get_n_pages (viewer), ==, 1);
  g_assert_true (gtk_picture_get_paintable (page_picture (window)) == GDK_PAINTABLE (texture));
  g_assert_false (gtk_widget_is_visible (xs_gui_test_find (GTK_WIDGET (viewer), GTK_TYPE_LIST_VIEW, NULL)));

  close_window (window);
}

/* The viewer's window fits a 1366 × 768 screen below its top bar: it opens
 * no higher than 720 pixels and can be made smaller still. */
static void
test_fits_768 (void)
{
  g_autofree char *path = make_pdf ();
  GtkWindow *window = present (path);
  int default_width = 0;
  int default_height = 0;
  int minimum = 0;

  wait_for_page (window);
  gtk_window_get_default_size (window, &default_width, &default_height);
  g_assert_cmpint (default_height, >, 0);
  g_assert_cmpint (default_height, <=, 720);
  gtk_widget_measure (gtk_window_get_child (window), GTK_ORIENTATION_VERTICAL, 900, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 600);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 720);
  gtk_window_destroy (window);
  xs_gui_test_iterate (50);
}

int
main (int   argc,
      char *argv[])
{
  xs_gui_test_init (&argc, &argv);
  tmpdir = xs_test_make_tmpdir ();

  g_test_add_func ("/evidence-viewer/pages", test_pages);
  g_test_add_func ("/evidence-viewer/thumbnails", test_thumbnails);
  g_test_add_func ("/evidence-viewer/zoom", test_zoom);
  g_test_add_func ("/evidence-viewer/keys", test_keys);
  g_test_add_func ("/evidence-viewer/password", test_password);
  g_test_add_func ("/evidence-viewer/broken", test_broken);
  g_test_add_func ("/evidence-viewer/picture", test_picture);
  g_test_add_func ("/evidence-viewer/jpeg", test_jpeg);
  g_test_add_func ("/evidence-viewer/reload", test_reload);
  g_test_add_func ("/evidence-viewer/fits-768", test_fits_768);

  return xs_gui_test_run ();
}
