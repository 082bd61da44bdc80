/* test-gui-package-exchange.c: a window's packages and decisions, alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-gui-test-util.h"
#include "xs-package.h"
#include "xs-package-exchange.h"
#include "xs-review-window.h"
#include "xs-window.h"
#include "xs-test-util.h"

/* What the exchange reported through the parent's actions. */
static XsGuiTestReports reports;
static guint n_busy_changes;

static void
on_busy (XsJobRunner *runner,
         GParamSpec  *pspec,
         gpointer     user_data)
{
  n_busy_changes++;
}

static void
test_export (void)
{
  g_autofree char *data_dir = xs_test_make_tmpdir ();
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *zip = g_build_filename (dir, "学时申报-2018.zip", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "没有的文件夹", "package.zip", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (data_dir, &error);
  g_autoptr(XsBaseProfile) profile = xs_base_profile_new ();
  g_autoptr(XsPackage) package = NULL;
  GtkWindow *parent = xs_gui_test_parent_new (&reports);
  XsJobRunner *runner = xs_job_runner_new (GTK_WIDGET (parent));
  XsPackageExchange *exchange;
  gint64 trainee;
  gint64 claim;
  g_autofree char *scan = xs_test_write_png ("专利证书.png", 64, 48, 10);
  const char *scans[] = { scan, NULL };

  g_assert_no_error (error);
  trainee = xs_test_add_trainee_full (db, 1, "䶮𠮷", NULL);
  claim = xs_test_add_patent (db, trainee, 2018, 120, "一种发明专利", scans);
  g_assert_true (xs_claim_store_submit (db, claim, &error));
  g_assert_no_error (error);
  xs_base_profile_set_name (profile, "漯河市𠮷䶮继续教育基地");

  exchange = xs_package_exchange_new (parent, runner);
  g_object_set (exchange, "db", db, "profile", profile, "year", 2018, NULL);
  g_signal_connect (runner, "notify::busy", G_CALLBACK (on_busy), NULL);
  g_assert_false (xs_job_runner_get_busy (runner));

  /* a folder that is not there: said at once, nothing runs */
  xs_package_exchange_export (exchange, nowhere);
  g_assert_nonnull (reports.toast_text);
  g_assert_null (reports.saved_text);
  g_assert_cmpuint (n_busy_changes, ==, 0);
  g_clear_pointer (&reports.toast_text, g_free);

  /* the year's package, written in a worker, and a saved toast */
  xs_package_exchange_export (exchange, zip);
  g_assert_true (xs_job_runner_get_busy (runner));
  g_assert_true (xs_gui_test_wait_until (xs_gui_test_reported, &reports, 30000));
  g_assert_cmpstr (reports.toast_text, ==, NULL);
  g_assert_cmpstr (reports.saved_path, ==, zip);
  g_assert_nonnull (strstr (reports.saved_text, "2018"));
  g_assert_false (xs_job_runner_get_busy (runner));
  g_assert_cmpuint (n_busy_changes, ==, 2);

  package = xs_package_open (zip, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xs_package_get_base_name (package), ==, "漯河市𠮷䶮继续教育基地");
  g_assert_cmpuint (xs_package_get_n_claims (package), ==, 1);

  /* the window may go first: the exchange then reports to nobody */
  gtk_window_destroy (parent);
  xs_gui_test_iterate (50);
  g_clear_pointer (&reports.saved_text, g_free);
  g_clear_pointer (&reports.saved_path, g_free);
  xs_gui_test_finalize (exchange, 5000);
  xs_gui_test_finalize (runner, 5000);
}

static gboolean
review_window_shown (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (XS_IS_REVIEW_WINDOW (window) && gtk_window_get_application (window) == user_data)
        return TRUE;
    }
  return FALSE;
}

/* Open Package… in the base's window asks the application, which opens the
 * reviewer's window on the package. */
static void
test_review_package (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *zip = g_build_filename (dir, "学时申报-2018 䶮𠮷.zip", NULL);
  g_autoptr(XsBaseProfile) profile = xs_base_profile_new ();
  g_autoptr(GError) error = NULL;
  XsApplication *app = xs_gui_test_start_app ();
  XsDb *db = xs_application_get_db (app);
  g_autofree char *scan = xs_test_write_png ("专利证书.png", 64, 48, 11);
  const char *scans[] = { scan, NULL };
  GtkWindow *parent = xs_gui_test_parent_new (&reports);
  XsJobRunner *runner = xs_job_runner_new (GTK_WIDGET (parent));
  XsPackageExchange *exchange;
  XsWindow *window;
  GListModel *toplevels;
  gint64 claim;

  claim = xs_test_add_patent (db, xs_test_add_trainee_full (db, 1, "䶮𠮷", NULL), 2018, 120, "一种发明专利", scans);
  g_assert_true (xs_claim_store_submit (db, claim, &error));
  g_assert_no_error (error);
  xs_base_profile_set_name (profile, "漯河市继续教育基地");
  exchange = xs_package_exchange_new (parent, runner);
  g_object_set (exchange, "db", db, "profile", profile, "year", 2018, NULL);
  xs_package_exchange_export (exchange, zip);
  g_assert_true (xs_gui_test_wait_until (xs_gui_test_reported, &reports, 30000));
  g_assert_cmpstr (reports.saved_path, ==, zip);
  gtk_window_destroy (parent);
  xs_gui_test_finalize (exchange, 5000);
  xs_gui_test_finalize (runner, 5000);
  g_clear_pointer (&reports.saved_text, g_free);
  g_clear_pointer (&reports.saved_path, g_free);

  window = xs_window_new (GTK_APPLICATION (app), db, profile, 2018, TRUE);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (review_window_shown (app));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.review-package", "s", zip));
  g_assert_true (xs_gui_test_wait_until (review_window_shown, app, 30000));

  /* every window goes, then the application */
  toplevels = gtk_window_get_toplevels ();
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (toplevel);
    }
  xs_gui_test_iterate (100);
  xs_gui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/package-exchange/export", test_export);
  g_test_add_func ("/package-exchange/review-package", test_review_package);
  return xs_gui_test_run ();
}
