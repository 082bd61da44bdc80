/* test-gui-import-preview.c: the import preview alone, on a run of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-gui-test-util.h"
#include "xs-import-preview.h"
#include "xs-import-run.h"
#include "xs-test-util.h"

static XsDb *db;

static gboolean
previewed (gpointer run)
{
  return g_strcmp0 (xs_import_run_get_step (run), "preview") == 0;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *n)
{
  (*n)++;
}

/* It shows the run's preview; skipping the rejected rows is what lets the
 * valid ones be imported. */
static void
test_preview_follows_run (void)
{
  g_autofree char *a = xs_test_id_number (501);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位\n"
                                          "欧阳䶮,%s,漯河市第一中学\n"
                                          "𠮷二,41110219800101123,漯河市中心医院\n", a);
  g_autofree char *path = xs_test_write_file ("preview.csv", csv, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(XsImportRun) run = xs_import_run_new (db, XS_IMPORT_ROSTER, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  XsImportPreview *preview = g_object_new (XS_TYPE_IMPORT_PREVIEW, "run", run, NULL);
  GtkWidget *check, *toggle, *view;
  GListModel *model;
  guint n_can_commit = 0;

  g_object_ref (preview);
  /* the size of the import dialog */
  gtk_window_set_default_size (window, 760, 640);
  gtk_window_set_child (window, GTK_WIDGET (preview));
  gtk_window_present (window);
  g_signal_connect (preview, "notify::can-commit", G_CALLBACK (on_notify), &n_can_commit);
  g_assert_true (xs_import_preview_get_run (preview) == run);
  g_assert_false (xs_import_preview_get_can_commit (preview));
  /* a roster's empty cells may clear */
  g_assert_true (gtk_widget_is_visible (xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_SWITCH, NULL)));

  xs_import_run_read (run, file, NULL, XS_IMPORT_DEFAULT);
  g_assert_true (xs_gui_test_wait_until (previewed, run, 30000));
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_LABEL, "1 to add, 1 rejected"));
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_LABEL, "1 row has a problem"));
  g_assert_cmpuint (n_can_commit, >=, 1);
  g_assert_false (xs_import_preview_get_can_commit (preview));

  check = xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_true (gtk_widget_is_visible (check));
  n_can_commit = 0;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (n_can_commit, ==, 1);
  g_assert_true (xs_import_preview_get_skip_rejected (preview));
  g_assert_true (xs_import_preview_get_can_commit (preview));

  /* only the rejected row */
  view = xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_COLUMN_VIEW, NULL);
  model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  toggle = xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_TOGGLE_BUTTON, "Rejected Rows");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* the words of what an import did */
  {
    g_autofree char *text = xs_import_preview_count_text (xs_import_run_get_report (run), FALSE);

    g_assert_cmpstr (text, ==, "1 added, 1 rejected row skipped");
  }

  gtk_window_destroy (window);
  xs_gui_test_finalize (preview, 10000);
}

/* An hours sheet has no empty cells to clear. */
static void
test_hours_have_no_clear_switch (void)
{
  g_autoptr(XsImportRun) run = xs_import_run_new (db, XS_IMPORT_HOURS, NULL);
  XsImportPreview *preview = g_object_ref_sink (g_object_new (XS_TYPE_IMPORT_PREVIEW, NULL));

  xs_import_preview_set_run (preview, run);
  g_assert_false (gtk_widget_is_visible (xs_gui_test_find (GTK_WIDGET (preview), GTK_TYPE_SWITCH, NULL)));
  g_assert_false (xs_import_preview_get_clear_empty (preview));
  g_assert_finalize_object (preview);
}

int
main (int    argc,
      char **argv)
{
  int status;

  xs_gui_test_init (&argc, &argv);
  db = xs_test_open_db ();

  g_test_add_func ("/gui/import-preview/follows-run", test_preview_follows_run);
  g_test_add_func ("/gui/import-preview/hours-have-no-clear-switch", test_hours_have_no_clear_switch);

  status = xs_gui_test_run ();
  g_clear_object (&db);
  return status;
}
