/* test-gui-job-runner.c: a window's runner of workers, alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-gui-test-util.h"
#include "xs-job-runner.h"
#include "xs-test-util.h"

static char *toast_text;
static guint n_done;

static void
on_toast (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  g_free (toast_text);
  toast_text = g_variant_dup_string (param, NULL);
}

static GtkWindow *
parent_new (void)
{
  static const GActionEntry entries[] = {
    { "show-toast", on_toast, "s" },
  };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (parent), "win", G_ACTION_GROUP (group));
  return parent;
}

/* Writes "done" to the file @data names, or fails when it is "fail". */
static gboolean
write_marker (XsJob         *job,
              XsDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  if (g_str_has_suffix (data, "fail"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "文件“%s”写不了", (char *) data);
      return FALSE;
    }
  return g_file_set_contents (data, "done", -1, error);
}

static void
on_done (gpointer  owner,
         XsJob    *job)
{
  g_assert_true (GTK_IS_WINDOW (owner));
  n_done++;
}

static gboolean
not_busy (gpointer user_data)
{
  return !xs_job_runner_get_busy (user_data);
}

static void
test_run (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *marker = g_build_filename (dir, "䶮𠮷.txt", NULL);
  g_autofree char *failing = g_build_filename (dir, "fail", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "没有的文件夹", "x.txt", NULL);
  g_autofree char *contents = NULL;
  GtkWindow *parent = parent_new ();
  XsJobRunner *runner = xs_job_runner_new (GTK_WIDGET (parent));
  g_autoptr(XsJob) job = NULL;

  g_assert_false (xs_job_runner_get_busy (runner));

  /* a job that works: busy meanwhile, then done with its owner */
  job = xs_job_new (NULL, write_marker, g_strdup (marker), g_free);
  xs_job_runner_run (runner, job, NULL, NULL, on_done, parent);
  g_assert_true (xs_job_runner_get_busy (runner));
  g_assert_true (xs_gui_test_wait_until (not_busy, runner, 30000));
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_true (g_file_get_contents (marker, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "done");
  g_assert_null (toast_text);
  g_clear_object (&job);

  /* one that fails: said in a toast, done is not called */
  job = xs_job_new (NULL, write_marker, g_strdup (failing), g_free);
  xs_job_runner_run (runner, job, NULL, NULL, on_done, parent);
  g_assert_true (xs_gui_test_wait_until (not_busy, runner, 30000));
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_nonnull (toast_text);
  g_assert_nonnull (strstr (toast_text, "写不了"));
  g_clear_pointer (&toast_text, g_free);

  /* an export to a folder that is not there: said at once, nothing runs */
  xs_job_runner_run_export (runner, dir, nowhere, NULL, write_marker, g_strdup (nowhere), g_free, on_done, parent);
  g_assert_false (xs_job_runner_get_busy (runner));
  g_assert_nonnull (toast_text);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_pointer (&toast_text, g_free);

  /* the parent may go first */
  gtk_window_destroy (parent);
  xs_gui_test_iterate (50);
  xs_gui_test_finalize (runner, 5000);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/job-runner/run", test_run);
  return xs_gui_test_run ();
}
