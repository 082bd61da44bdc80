/* test-gui-review-package-title.c: the title of a package under review,
 * without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-review-package-title.h"
#include "xs-rules.h"
#include "xs-test-util.h"

#define BASE_NAME "漯河市职业技术学院继续教育基地"

static XsDb *the_db;

static void
test_review_package_title_show (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(XsRuleSet) rules = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *title = g_object_ref_sink (xs_review_package_title_new ());
  AdwWindowTitle *shown;
  GtkWindow *window;

  g_assert_no_error (error);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, title);
  gtk_window_present (window);
  shown = ADW_WINDOW_TITLE (xs_gui_test_find (title, ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_nonnull (shown);

  /* no package: nothing */
  g_assert_null (xs_review_package_title_get_base_name (XS_REVIEW_PACKAGE_TITLE (title)));
  g_assert_cmpstr (adw_window_title_get_title (shown), ==, "");

  /* the base's name; the year and the notice of its rule set */
  g_object_set (title, "package", package, NULL);
  g_assert_true (xs_review_package_title_get_package (XS_REVIEW_PACKAGE_TITLE (title)) == package);
  g_assert_cmpstr (xs_review_package_title_get_base_name (XS_REVIEW_PACKAGE_TITLE (title)), ==, BASE_NAME);
  g_assert_cmpstr (adw_window_title_get_title (shown), ==, BASE_NAME);
  rules = xs_rule_set_for_year (xs_package_get_year (package), &error);
  g_assert_no_error (error);
  subtitle = g_strdup_printf ("%d · %s", xs_package_get_year (package), xs_rule_set_get_source (rules));
  g_assert_cmpstr (adw_window_title_get_subtitle (shown), ==, subtitle);

  /* none again */
  xs_review_package_title_set_package (XS_REVIEW_PACKAGE_TITLE (title), NULL);
  g_assert_cmpstr (adw_window_title_get_title (shown), ==, "");
  g_assert_cmpstr (adw_window_title_get_subtitle (shown), ==, "");

  gtk_window_destroy (window);
  xs_gui_test_finalize (title, 5000);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  xs_gui_test_init (&argc, &argv);
  the_db = xs_db_open (g_getenv ("XUESHI_DATA_DIR"), &error);
  g_assert_no_error (error);

  g_test_add_func ("/review-package-title/show", test_review_package_title_show);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
