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
static XsGuiTestReports reports;
static guint n_demo_loaded;

static void
on_demo_loaded (XsBaseTasks *tasks,
                gpointer     user_data)
{
  n_demo_loaded++;
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
  parent = g_object_ref_sink (xs_gui_test_parent_new (&reports));
  runner = xs_job_runner_new (GTK_WIDGET (parent));
  tasks = xs_base_tasks_new (parent, runner);
  g_object_set (tasks, "db", db, "year", 2018, NULL);
  g_signal_connect (tasks, "demo-loaded", G_CALLBACK (on_demo_loaded), NULL);

  /* statistics to a folder that is not there: said at once */
  xs_base_tasks_export_statistics (tasks, nowhere);
  g_assert_nonnull (reports.toast_text);
  g_assert_false (xs_job_runner_get_busy (runner));
  xs_gui_test_reports_clear (&reports);

  /* the demo base, written in a worker through the runner */
  xs_base_tasks_load_demo (tasks);
  g_assert_true (xs_job_runner_get_busy (runner));
  g_assert_true (xs_gui_test_wait_until (xs_gui_test_reported, &reports, 120000));
  g_assert_cmpuint (n_demo_loaded, ==, 1);
  g_assert_nonnull (strstr (reports.toast_text, "300"));
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM trainee"), ==, 300);
  xs_gui_test_reports_clear (&reports);

  /* the year's statistics, and a saved toast naming the file */
  xs_base_tasks_export_statistics (tasks, xlsx);
  g_assert_true (xs_gui_test_wait_until (xs_gui_test_reported, &reports, 60000));
  g_assert_null (reports.toast_text);
  g_assert_cmpstr (reports.saved_path, ==, xlsx);
  g_assert_nonnull (strstr (reports.saved_text, "2018"));
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  xs_gui_test_reports_clear (&reports);

  /* an import taken back: the window reloads, a toast names the file */
  xs_test_import (db, roster, TRUE, NULL);
  imports = xs_import_log_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, >, 0);
  import_id = ((XsImportRecord *) g_ptr_array_index (imports, 0))->id;
  xs_base_tasks_undo_import (tasks, import_id);
  g_assert_true (xs_gui_test_wait_until (xs_gui_test_reported, &reports, 60000));
  g_assert_cmpuint (reports.n_reloads, ==, 1);
  g_assert_nonnull (reports.toast_text);
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM trainee"), ==, 300);
  xs_gui_test_reports_clear (&reports);

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
  return xs_gui_test_run ();
}
