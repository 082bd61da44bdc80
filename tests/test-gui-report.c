/* test-gui-report.c: toasts that replace each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-report.h"

static void
count_dismissed (AdwToast *toast,
                 guint    *dismissed)
{
  (*dismissed)++;
}

/* Toasts are the overlay's children after its main child. */
static guint
n_toasts_on_screen (AdwToastOverlay *overlay)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (overlay))
      n++;
  return n;
}

static gboolean
no_toast_on_screen (gpointer overlay)
{
  return n_toasts_on_screen (overlay) == 0;
}

static gboolean
saved_on_screen (gpointer overlay)
{
  return xs_gui_test_find (overlay, GTK_TYPE_LABEL, "Saved") != NULL
         && n_toasts_on_screen (overlay) == 1;
}

static gboolean
removed_on_screen (gpointer overlay)
{
  return xs_gui_test_find (overlay, GTK_TYPE_LABEL, "File removed") != NULL
         && n_toasts_on_screen (overlay) == 1;
}

/* A file removed right after a save, and its Undo clicked at once: with
 * the removal's toast put in front of the save's, libadwaita 1.2 showed the
 * save's again before it had finished hiding, and aborted. */
static void
test_undo_at_once (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  AdwToast *saved = adw_toast_new ("Saved");
  AdwToast *removed = adw_toast_new ("File removed");
  guint saved_dismissed = 0;
  guint removed_dismissed = 0;

  adw_toast_overlay_set_child (overlay, gtk_label_new ("content"));
  gtk_window_set_child (window, GTK_WIDGET (overlay));
  gtk_window_set_default_size (window, 400, 300);
  gtk_window_present (window);
  xs_gui_test_wait_for_draw (GTK_WIDGET (overlay));

  g_signal_connect (saved, "dismissed", G_CALLBACK (count_dismissed), &saved_dismissed);
  g_signal_connect (removed, "dismissed", G_CALLBACK (count_dismissed), &removed_dismissed);
  xs_report_show_toast (overlay, g_object_ref (saved));
  g_assert_true (xs_gui_test_wait_until (saved_on_screen, overlay, 3000));

  /* The newer one takes the place of the older, which does not come back;
   * it slides in once the older has gone, and can be dismissed at once. */
  adw_toast_set_button_label (removed, "_Undo");
  xs_report_show_toast (overlay, g_object_ref (removed));
  g_assert_true (xs_gui_test_wait_until (removed_on_screen, overlay, 3000));
  g_assert_cmpuint (saved_dismissed, ==, 1);
  g_assert_cmpuint (n_toasts_on_screen (overlay), ==, 1);
  /* as soon as a hand can: once it has been drawn */
  xs_gui_test_wait_for_draw (xs_gui_test_find (GTK_WIDGET (overlay), GTK_TYPE_LABEL, "File removed"));
  adw_toast_dismiss (removed);
  g_assert_cmpuint (removed_dismissed, ==, 1);
  g_assert_true (xs_gui_test_wait_until (no_toast_on_screen, overlay, 3000));
  xs_gui_test_iterate (600);
  g_assert_cmpuint (n_toasts_on_screen (overlay), ==, 0);
  g_assert_cmpuint (saved_dismissed, ==, 1);

  /* Showing the same toast again keeps one on screen. */
  xs_report_show_toast (overlay, g_object_ref (saved));
  xs_report_show_toast (overlay, g_object_ref (saved));
  g_assert_true (xs_gui_test_wait_until (saved_on_screen, overlay, 3000));
  xs_gui_test_iterate (50);
  g_assert_cmpuint (n_toasts_on_screen (overlay), ==, 1);

  /* Three in a row: the middle one is replaced before it is seen. */
  {
    AdwToast *middle = adw_toast_new ("Middle");

    xs_report_show_toast (overlay, g_object_ref (middle));
    xs_report_show_toast (overlay, g_object_ref (removed));
    g_assert_true (xs_gui_test_wait_until (removed_on_screen, overlay, 3000));
    g_assert_cmpuint (saved_dismissed, ==, 2);
    xs_gui_test_iterate (600);
    g_assert_cmpuint (n_toasts_on_screen (overlay), ==, 1);
    g_assert_null (xs_gui_test_find (GTK_WIDGET (overlay), GTK_TYPE_LABEL, "Middle"));
    g_object_unref (middle);
  }

  gtk_window_destroy (window);
  g_object_unref (saved);
  g_object_unref (removed);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);
  adw_init ();

  g_test_add_func ("/report/undo-at-once", test_undo_at_once);

  return xs_gui_test_run ();
}
