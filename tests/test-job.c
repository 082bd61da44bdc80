/* test-job.c: the one way long work runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "xs-job.h"
#include "xs-test-util.h"

typedef struct
{
  GThread *main_thread;
  GThread *worker_thread;
  XsDb    *main_db;
  guint    notifications;
  gboolean notified_off_main;
  double   last_fraction;
} Watch;

static gboolean
count_to_ten (XsJob         *job,
              XsDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Watch *watch = data;

  watch->worker_thread = g_thread_self ();
  /* its own connection to the same folder */
  g_assert_nonnull (db);
  g_assert_true (db != watch->main_db);
  g_assert_cmpstr (xs_db_get_data_dir (db), ==, xs_db_get_data_dir (watch->main_db));
  for (int i = 1; i <= 10; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      xs_job_set_progress (job, i / 10.0, i == 10 ? "done" : "counting");
      g_usleep (2000);
    }
  xs_job_set_result (job, g_strdup ("ten"), g_free);
  return TRUE;
}

static gboolean
wait_for_cancel (XsJob         *job,
                 XsDb          *db,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  while (!g_cancellable_is_cancelled (cancellable))
    g_usleep (1000);
  xs_job_set_result (job, g_strdup ("left behind"), g_free);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
refuse (XsJob         *job,
        XsDb          *db,
        gpointer       data,
        GCancellable  *cancellable,
        GError       **error)
{
  g_assert_null (db);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "refused");
  return FALSE;
}

static gboolean
wait_for_release (XsJob         *job,
                  XsDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  while (!g_atomic_int_get ((int *) data))
    g_usleep (1000);
  /* still at work a little after being let go */
  g_usleep (20000);
  return TRUE;
}

static void
on_progress (XsJob      *job,
             GParamSpec *pspec,
             Watch      *watch)
{
  watch->notifications++;
  if (g_thread_self () != watch->main_thread)
    watch->notified_off_main = TRUE;
  g_assert_cmpfloat (xs_job_get_fraction (job), >=, watch->last_fraction);
  watch->last_fraction = xs_job_get_fraction (job);
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
run_and_wait (XsJob        *job,
              GCancellable *cancellable)
{
  GAsyncResult *result = NULL;

  xs_job_run_async (job, cancellable, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return result;
}

static void
test_progress_and_result (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  Watch watch = { g_thread_self (), NULL, db, 0, FALSE, 0.0 };
  g_autoptr(XsJob) job = xs_job_new (xs_db_get_data_dir (db), count_to_ten, &watch, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_signal_connect (job, "notify::fraction", G_CALLBACK (on_progress), &watch);
  result = run_and_wait (job, NULL);
  g_assert_true (xs_job_run_finish (job, result, &error));
  g_assert_no_error (error);

  g_assert_true (watch.worker_thread != watch.main_thread);
  g_assert_false (watch.notified_off_main);
  g_assert_cmpuint (watch.notifications, >=, 1);
  g_assert_cmpfloat (xs_job_get_fraction (job), ==, 1.0);
  text = xs_job_dup_text (job);
  g_assert_cmpstr (text, ==, "done");
  g_assert_cmpstr (xs_job_get_result (job), ==, "ten");
}

static void
test_cancel (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsJob) job = xs_job_new (xs_db_get_data_dir (db), wait_for_cancel, NULL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  xs_job_run_async (job, cancellable, on_done, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (xs_job_run_finish (job, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* a failed job keeps no result */
  g_assert_null (xs_job_get_result (job));
}

/* The end of a process waits for workers still running, even for a job
 * nobody holds any more. */
static void
test_wait_all (void)
{
  int released = 0;
  g_autoptr(GAsyncResult) result = NULL;
  XsJob *job = xs_job_new (NULL, wait_for_release, &released, NULL);

  g_assert_true (xs_job_wait_all (0));
  xs_job_run_async (job, NULL, on_done, &result);
  g_object_unref (job);
  g_assert_false (xs_job_wait_all (50));
  g_atomic_int_set (&released, 1);
  g_assert_true (xs_job_wait_all (10000));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_failure_without_database (void)
{
  g_autoptr(XsJob) job = xs_job_new (NULL, refuse, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = run_and_wait (job, NULL);
  g_assert_false (xs_job_run_finish (job, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_unopenable_folder (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *file = g_build_filename (dir, "not-a-folder", NULL);
  g_autoptr(XsJob) job = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  job = xs_job_new (file, refuse, NULL, NULL);
  result = run_and_wait (job, NULL);
  g_assert_false (xs_job_run_finish (job, result, &error));
  /* the database's error, not the function's */
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
  g_assert_nonnull (error);
}

static void
test_for_task (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  Watch watch = { g_thread_self (), NULL, db, 0, FALSE, 0.0 };
  g_autoptr(XsJob) job = xs_job_new (xs_db_get_data_dir (db), count_to_ten, &watch, NULL);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  task = g_task_new (NULL, NULL, on_done, &result);
  xs_job_run_for_task (job, task);
  g_clear_object (&task);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* the task has the result now, the job no longer */
  text = g_task_propagate_pointer (G_TASK (result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "ten");
  g_assert_null (xs_job_get_result (job));
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);
  g_test_add_func ("/job/progress-and-result", test_progress_and_result);
  g_test_add_func ("/job/cancel", test_cancel);
  g_test_add_func ("/job/failure-without-database", test_failure_without_database);
  g_test_add_func ("/job/unopenable-folder", test_unopenable_folder);
  g_test_add_func ("/job/for-task", test_for_task);
  g_test_add_func ("/job/wait-all", test_wait_all);
  return g_test_run ();
}
