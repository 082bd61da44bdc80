/* test-gui-review-open-job.c: a package opened for review in a worker,
 * without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-review-open-job.h"
#include "xs-test-util.h"

static XsDb *the_db;

static void
test_review_open_job_package (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 2);
  g_autofree char *reviewer_dir = g_dir_make_tmp ("xs-review-open-job-XXXXXX", NULL);
  g_autoptr(XsJob) job = xs_review_open_job_new (path, reviewer_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsReviewOpened) opened = xs_gui_test_run_job (job, &error);

  g_assert_no_error (error);
  g_assert_nonnull (opened);
  g_assert_nonnull (opened->package);
  g_assert_cmpuint (opened->items->len, ==, xs_package_get_n_claims (opened->package));
  g_assert_cmpuint (opened->items->len, ==, 2);
  g_assert_true (XS_IS_PACKAGE_CLAIM_ITEM (g_ptr_array_index (opened->items, 0)));
  /* no base trusted yet in a new folder, nothing kept from before */
  g_assert_cmpint (opened->trust, !=, XS_PACKAGE_TRUST_TRUSTED);
  g_assert_null (opened->saved);
  /* the worker holds nothing of it once done */
  xs_gui_test_finalize (g_steal_pointer (&job), 5000);
}

static void
test_review_open_job_not_a_package (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xs-review-open-job-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "不是包.zip", NULL);
  g_autoptr(XsJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsReviewOpened) opened = NULL;

  g_assert_true (g_file_set_contents (path, "PK\x03\x04 nonsense", -1, NULL));
  job = xs_review_open_job_new (path, dir);
  opened = xs_gui_test_run_job (job, &error);
  g_assert_null (opened);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  xs_gui_test_finalize (g_steal_pointer (&job), 5000);
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

  g_test_add_func ("/review-open-job/package", test_review_open_job_package);
  g_test_add_func ("/review-open-job/not-a-package", test_review_open_job_not_a_package);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
