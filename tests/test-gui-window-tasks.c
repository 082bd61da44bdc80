/* test-gui-window-tasks.c: what the window's task objects share: the
 * window (not held), its runner, db and year, and reporting to the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "xs-gui-test-util.h"
#include "xs-test-util.h"
#include "xs-window-tasks.h"

/* The least a task object can be. */
#define TEST_TYPE_TASKS (test_tasks_get_type ())
G_DECLARE_FINAL_TYPE (TestTasks, test_tasks, TEST, TASKS, XsWindowTasks)

struct _TestTasks
{
  XsWindowTasks parent_instance;
};

G_DEFINE_FINAL_TYPE (TestTasks, test_tasks, XS_TYPE_WINDOW_TASKS)

static void
test_tasks_class_init (TestTasksClass *klass)
{
}

static void
test_tasks_init (TestTasks *self)
{
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_window_tasks (void)
{
  XsGuiTestReports reports = { 0 };
  GtkWindow *parent = g_object_ref_sink (xs_gui_test_parent_new (&reports));
  g_autoptr(XsJobRunner) runner = xs_job_runner_new (GTK_WIDGET (parent));
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GtkWindow) got = NULL;
  XsWindowTasks *tasks;
  guint n_db = 0, n_year = 0;

  tasks = g_object_new (TEST_TYPE_TASKS, "parent", parent, "runner", runner, NULL);
  g_assert_true (xs_window_tasks_get_runner (tasks) == runner);
  g_assert_null (xs_window_tasks_get_db (tasks));
  got = xs_window_tasks_dup_parent (tasks);
  g_assert_true (got == parent);
  g_clear_object (&got);

  /* the window binds its db and year: a change is notified once, the
   * same value not at all */
  g_signal_connect (tasks, "notify::db", G_CALLBACK (count_notify), &n_db);
  g_signal_connect (tasks, "notify::year", G_CALLBACK (count_notify), &n_year);
  g_object_set (tasks, "db", db, "year", 2018, NULL);
  g_object_set (tasks, "db", db, "year", 2018, NULL);
  g_assert_cmpuint (n_db, ==, 1);
  g_assert_cmpuint (n_year, ==, 1);
  g_assert_true (xs_window_tasks_get_db (tasks) == db);
  g_assert_cmpint (xs_window_tasks_get_year (tasks), ==, 2018);

  /* reporting activates the window's action with the (floating) value */
  xs_window_tasks_report (tasks, "win.show-toast", g_variant_new_string ("一条消息"));
  g_assert_cmpstr (reports.toast_text, ==, "一条消息");
  xs_window_tasks_report (tasks, "win.reload", NULL);
  g_assert_cmpuint (reports.n_reloads, ==, 1);

  /* the window is not held: once it is gone, reports go nowhere */
  gtk_window_destroy (parent);
  xs_gui_test_finalize (parent, 5000);
  g_assert_null (xs_window_tasks_dup_parent (tasks));
  xs_window_tasks_report (tasks, "win.show-toast", g_variant_new_string ("无人接收"));
  g_assert_cmpstr (reports.toast_text, ==, "一条消息");

  xs_gui_test_finalize (tasks, 5000);
  xs_gui_test_reports_clear (&reports);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);
  g_test_add_func ("/gui/window-tasks", test_window_tasks);
  return xs_gui_test_run ();
}
