/* test-gui-narrow.c: every page of the main window fits 360 pixels, the
 * width a clerk gives it beside a spreadsheet on a 1366-pixel screen, in
 * English and in Chinese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "xs-claim-store.h"
#include "xs-classes-view.h"
#include "xs-gui-test-util.h"
#include "xs-test-util.h"
#include "xs-trainees-view.h"
#include "xs-window-private.h"
#include "xs-window.h"

#define NARROW 360

static XsDb *the_db;
static XsBaseProfile *the_profile;

static gboolean
page_is (gpointer user_data)
{
  const char **args = user_data;

  return g_strcmp0 (xs_window_get_page ((XsWindow *) args[0]), args[1]) == 0;
}

static void
wait_for_page (XsWindow   *window,
               const char *name)
{
  const char *args[] = { (const char *) window, name };

  if (!xs_gui_test_wait_until (page_is, args, 90000))
    g_error ("page %s not shown; visible: %s", name, xs_window_get_page (window));
}

static gboolean
has_rows (gpointer user_data)
{
  return xs_trainees_view_get_n_shown (user_data) > 0;
}

static gboolean
is_narrow (gpointer user_data)
{
  return xs_trainees_view_get_narrow (user_data);
}

static gboolean
classes_read (gpointer user_data)
{
  return !xs_classes_view_get_loading (user_data);
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* With XUESHI_SHOTS set, the window as drawn goes to
 * DIR/NAME-LANGUAGE-WIDTH.png. */
static void
save_shot (XsWindow   *window,
           const char *name)
{
  g_autofree char *file = NULL;

  if (g_getenv ("XUESHI_SHOTS") == NULL)
    return;
  /* past the stack's crossfade, on a busy machine */
  xs_gui_test_iterate (1500);
  file = g_strdup_printf ("%s-%s-%d.png", name, g_getenv ("LANGUAGE"), gtk_widget_get_width (GTK_WIDGET (window)));
  xs_gui_test_maybe_shoot (GTK_WIDGET (window), file);
}

/* With XS_DEBUG_WIDTHS set, what holds a page wide: the minimum width of
 * each widget of 100 pixels or more, and of each page of a stack. */
static void
dump_widths (GtkWidget *widget,
             int        depth)
{
  if (!gtk_widget_get_visible (widget) || depth > 30
      || (minimum_width (widget) < 100 && !GTK_IS_STACK (gtk_widget_get_parent (widget))))
    return;
  g_test_message ("%*s%s %d", depth * 2, "", G_OBJECT_TYPE_NAME (widget), minimum_width (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dump_widths (child, depth + 1);
}

/* The page, the header bar above it and the window's whole content fit. */
static void
assert_fits (XsWindow   *window,
             GtkWidget  *page,
             const char *name)
{
  GtkWidget *header = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (window->stack)));
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));

  g_assert_true (ADW_IS_HEADER_BAR (header));
  xs_gui_test_iterate (300);
  g_test_message ("%s (%s): page %d, header bar %d, window %d, shown at %d", name,
                  g_getenv ("LANGUAGE"), minimum_width (page),
                  minimum_width (header), minimum_width (content), gtk_widget_get_width (content));
  save_shot (window, name);
  if (g_getenv ("XS_DEBUG_WIDTHS"))
    {
      dump_widths (header, 0);
      dump_widths (page, 0);
    }
  g_assert_cmpint (minimum_width (page), <=, NARROW);
  g_assert_cmpint (minimum_width (header), <=, NARROW);
  g_assert_cmpint (minimum_width (content), <=, NARROW);
  /* and the window did narrow to it */
  g_assert_cmpint (gtk_widget_get_width (content), <=, NARROW);
  /* each Alt+letter reaches one control */
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (window));
  xs_gui_test_assert_controls_named (GTK_WIDGET (window));
  xs_gui_test_assert_menu_mnemonics (GTK_WIDGET (window));
  /* a count or a name cut at its start says nothing */
  xs_gui_test_assert_labels_show_start (GTK_WIDGET (window));
}

/* Shows the page @name as the sidebar does when a row is activated. */
static void
show_page (XsWindow   *window,
           const char *name)
{
  _xs_window_show_sidebar_page (window, name);
  adw_leaflet_navigate (window->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  wait_for_page (window, name);
}

static void
visit_pages (XsWindow *window,
             gboolean  narrow)
{
  XsDb *db = xs_window_get_db (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) to_complete = NULL;
  XsClaim *claim;

  if (narrow)
    assert_fits (window, GTK_WIDGET (window->trainees_view), "trainees");
  else
    save_shot (window, "trainees");

  /* a trainee with a claim to complete: the page lists it with its state */
  to_complete = xs_claim_store_list_to_complete (db, xs_window_get_year (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (to_complete->len, >, 0);
  claim = g_ptr_array_index (to_complete, 0);
  xs_window_show_trainee (window, claim->trainee_id);
  wait_for_page (window, "trainee");
  if (narrow)
    assert_fits (window, GTK_WIDGET (window->trainee_page), "trainee");
  else
    save_shot (window, "trainee");

  show_page (window, "classes");
  g_assert_true (xs_gui_test_wait_until (classes_read, window->classes_view, 90000));
  g_assert_cmpint (xs_classes_view_get_selected_class (window->classes_view), !=, 0);
  if (narrow)
    assert_fits (window, GTK_WIDGET (window->classes_view), "classes");
  else
    save_shot (window, "classes");

  show_page (window, "certificates");
  if (narrow)
    assert_fits (window, GTK_WIDGET (window->certificates_view), "certificates");
  else
    save_shot (window, "certificates");

  show_page (window, "to-complete");
  if (narrow)
    assert_fits (window, gtk_stack_get_visible_child (window->stack), "to-complete");
  else
    save_shot (window, "to-complete");
  show_page (window, "trainees");
}

static void
test_narrow_pages (gconstpointer data)
{
  XsWindow *window = NULL;

  if (data != NULL)
    {
      /* the same window in Chinese */
      g_setenv ("LANGUAGE", data, TRUE);
      setlocale (LC_ALL, "zh_CN.UTF-8");
      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Trainees"), !=, "Trainees");
    }
  xs_gui_test_open_window (the_db, the_profile, 0, &window);
  if (g_strcmp0 (xs_window_get_page (window), "trainees") != 0)
    {
      wait_for_page (window, "empty");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
      wait_for_page (window, "trainees");
    }
  g_assert_true (xs_gui_test_wait_until (has_rows, window->trainees_view, 90000));

  /* the default size, then a wide screen: what the screenshots show */
  visit_pages (window, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  xs_gui_test_iterate (1000);
  visit_pages (window, FALSE);

  /* as a clerk drags the window's edge: the trainees' columns fold on the
   * way, and the edge goes on to 360 */
  for (guint i = 0; i < 10 && !xs_trainees_view_get_narrow (window->trainees_view); i++)
    {
      /* a resize asked for while the last one is under way may be lost */
      gtk_window_set_default_size (GTK_WINDOW (window), NARROW + (i % 2), 700);
      xs_gui_test_wait_until (is_narrow, window->trainees_view, 2000);
    }
  g_assert_true (xs_trainees_view_get_narrow (window->trainees_view));
  xs_gui_test_iterate (300);
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW + 1, 700);
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW, 700);
  xs_gui_test_iterate (500);
  visit_pages (window, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  xs_gui_test_iterate (50);
  g_assert_null (window);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *localedir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  xs_gui_test_init (&argc, &argv);
  /* the translations the build compiled */
  localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* the window's buttons many desktops show, the widest header bar */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "icon:minimize,maximize,close", NULL);
  the_db = xs_db_open (g_getenv ("XUESHI_DATA_DIR"), &error);
  g_assert_no_error (error);
  the_profile = xs_base_profile_load (the_db, &error);
  g_assert_no_error (error);
  /* in this order: the Chinese window opens on the demo base */
  g_test_add_data_func ("/gui/narrow/pages", NULL, test_narrow_pages);
  g_test_add_data_func ("/gui/narrow/pages-zh_CN", "zh_CN", test_narrow_pages);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_profile);
  g_assert_finalize_object (the_db);
  return status;
}
