/* test-gui-base-tasks.c: a window's tasks on its base, alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-base-tasks.h"
#include "xs-gui-test-util.h"
#include "xs-import-log.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

/* What the tasks reported through the parent's actions. */
static char *saved_text;
static char *saved_path;
static char *toast_text;
static guint n_reloads;
static guint n_demo_loaded;

static void
on_saved_toast (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  g_clear_pointer (&saved_text, g_free);
  g_clear_pointer (&saved_path, g_free);
  g_variant_get (param, "(ss)", &saved_text, &saved_path);
}

static void
on_toast (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  g_free (toast_text);
  toast_text = g_variant_dup_string (param, NULL);
}

static void
on_reload (GSimpleAction *action,
           GVariant      *param,
           gpointer       user_data)
{
  n_reloads++;
}

static void
on_demo_loaded (XsBaseTasks *tasks,
                gpointer     user_data)
{
  n_demo_loaded++;
}

static gboolean
toasted (gpointer user_data)
{
  return saved_text != NULL || toast_text != NULL;
}

/* A window of no kind of its own: only the actions a window of Xueshi has. */
static GtkWindow *
parent_new (void)
{
  static const GActionEntry entries[] = {
    { "show-saved-toast", on_saved_toast, "(ss)" },
    { "show-toast", on_toast, "s" },
    { "reload", on_reload, NULL },
  };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (parent), "win", G_ACTION_GROUP (group));
  return parent;
}

static void
clear_reports (void)
{
  g_clear_pointer (&saved_text, g_free);
  g_clear_pointer (&saved_path, g_free);
  g_clear_pointer (&toast_text, g_free);
}

static void
test_tasks (void)
{
  g_autofree char *data_dir = xs_test_make_tmpdir ();
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *xlsx = g_build_filename (dir, "学时统计-2018 䶮𠮷.xlsx", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "没有的文件夹", "statistics.xlsx", NULL);
  g_autofree char *roster = xs_test_roster_csv (1, 3, "学员", "漯河市中心医院");
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (data_dir, &error);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GtkWindow) parent = NULL;
  XsJobRunner *runner;
  XsBaseTasks *tasks;
  gint64 import_id;

  g_assert_no_error (error);
  parent = g_object_ref_sink (parent_new ());
  runner = xs_job_runner_new (GTK_WIDGET (parent));
  tasks = xs_base_tasks_new (parent, runner);
  g_object_set (tasks, "db", db, "year", 2018, NULL);
  g_signal_connect (tasks, "demo-loaded", G_CALLBACK (on_demo_loaded), NULL);

  /* statistics to a folder that is not there: said at once */
  xs_base_tasks_export_statistics (tasks, nowhere);
  g_assert_nonnull (toast_text);
  g_assert_false (xs_job_runner_get_busy (runner));
  clear_reports ();

  /* the demo base, written in a worker through the runner */
  xs_base_tasks_load_demo (tasks);
  g_assert_true (xs_job_runner_get_busy (runner));
  g_assert_true (xs_gui_test_wait_until (toasted, NULL, 120000));
  g_assert_cmpuint (n_demo_loaded, ==, 1);
  g_assert_nonnull (strstr (toast_text, "300"));
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM trainee"), ==, 300);
  clear_reports ();

  /* the year's statistics, and a saved toast naming the file */
  xs_base_tasks_export_statistics (tasks, xlsx);
  g_assert_true (xs_gui_test_wait_until (toasted, NULL, 60000));
  g_assert_null (toast_text);
  g_assert_cmpstr (saved_path, ==, xlsx);
  g_assert_nonnull (strstr (saved_text, "2018"));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  clear_reports ();

  /* an import taken back: the window reloads, a toast names the file */
  xs_test_import (db, roster, TRUE, NULL);
  imports = xs_import_log_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, >, 0);
  import_id = ((XsImportRecord *) g_ptr_array_index (imports, 0))->id;
  xs_base_tasks_undo_import (tasks, import_id);
  g_assert_true (xs_gui_test_wait_until (toasted, NULL, 60000));
  g_assert_cmpuint (n_reloads, ==, 1);
  g_assert_nonnull (toast_text);
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM trainee"), ==, 300);
  clear_reports ();

  g_assert_false (xs_job_runner_get_busy (runner));
  xs_gui_test_finalize (tasks, 5000);
  xs_gui_test_finalize (runner, 5000);
  gtk_window_destroy (parent);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/base-tasks/tasks", test_tasks);
  return g_test_run ();
}
