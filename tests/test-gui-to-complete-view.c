/* test-gui-to-complete-view.c: Claims to Complete lists the year's drafts
 * with their trainees' names, and shows a trainee when asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-test-util.h"
#include "xs-to-complete-view.h"

static gboolean
has_n_items (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (xs_to_complete_view_get_model (args[0])) == GPOINTER_TO_UINT (args[1]);
}

static void
on_show_trainee (GSimpleAction *action,
                 GVariant      *param,
                 gint64        *shown)
{
  *shown = g_variant_get_int64 (param);
}

static GtkWidget *
shown_title (XsToCompleteView *view,
             const char       *title)
{
  return xs_gui_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, title);
}

static void
test_lists_year (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 ouyang = xs_test_add_trainee_full (db, 1, "欧阳䶮", NULL);
  gint64 other = xs_test_add_trainee_full (db, 2, "王𠮷", NULL);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show = g_simple_action_new ("show-trainee", G_VARIANT_TYPE_INT64);
  GtkWidget *window = gtk_window_new ();
  XsToCompleteView *view;
  GtkWidget *row, *list;
  gint64 shown = 0;

  xs_test_add_patent (db, ouyang, 2018, 20, "一种输液架", NULL);
  xs_test_add_patent (db, other, 2019, 20, "一种病床护栏", NULL);
  xs_test_add_patent (db, other, 2019, 30, "一种压脉带", NULL);
  g_signal_connect (show, "activate", G_CALLBACK (on_show_trainee), &shown);
  g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (show));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (actions));

  view = g_object_new (XS_TYPE_TO_COMPLETE_VIEW, "db", db, "year", 2018, NULL);
  g_object_ref (view);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Nothing to complete"));

  xs_to_complete_view_reload (view);
  g_assert_true (xs_gui_test_wait_until (has_n_items, (gpointer[]) { view, GUINT_TO_POINTER (1) }, 20000));
  g_assert_nonnull (shown_title (view, "欧阳䶮 · 一种输液架"));

  /* a row shows its trainee */
  row = gtk_widget_get_ancestor (shown_title (view, "欧阳䶮 · 一种输液架"), GTK_TYPE_LIST_BOX_ROW);
  list = gtk_widget_get_parent (row);
  g_assert_true (GTK_IS_LIST_BOX (list));
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpint (shown, ==, ouyang);

  g_object_set (view, "year", 2019, NULL);
  xs_to_complete_view_reload (view);
  g_assert_true (xs_gui_test_wait_until (has_n_items, (gpointer[]) { view, GUINT_TO_POINTER (2) }, 20000));
  g_assert_nonnull (shown_title (view, "王𠮷 · 一种病床护栏"));
  g_assert_nonnull (shown_title (view, "王𠮷 · 一种压脉带"));
  g_assert_null (shown_title (view, "欧阳䶮 · 一种输液架"));

  /* a read for a year no longer shown is dropped */
  g_object_set (view, "year", 2018, NULL);
  xs_to_complete_view_reload (view);
  g_object_set (view, "year", 2020, NULL);
  xs_gui_test_iterate (500);
  g_assert_null (shown_title (view, "欧阳䶮 · 一种输液架"));
  g_assert_cmpuint (g_list_model_get_n_items (xs_to_complete_view_get_model (view)), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  xs_gui_test_iterate (100);
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  xs_gui_test_init (&argc, &argv);
  g_test_add_func ("/to-complete-view/lists-year", test_lists_year);
  return xs_gui_test_run ();
}
