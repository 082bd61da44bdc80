/* test-gui-review-read-job.c: a decisions file read back in a worker,
 * without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-review-read-job.h"
#include "xs-test-util.h"

#define REVIEWER "审核员䶮𠮷"
#define REASON "专利证书与申报人不符"

static XsDb *the_db;

static void
test_review_read_job_decisions (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 2);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *decisions_path = g_build_filename (dir, "审核结果-2018.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "坏的.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(XsJob) job = NULL;
  g_autoptr(XsJob) bad_job = NULL;
  g_autoptr(GPtrArray) read = NULL;
  XsDecision decision = { 0 };
  const XsDecision *back;

  g_assert_no_error (error);
  decision.ref = xs_package_get_claim (package, 1)->ref;
  decision.decision = XS_STATUS_REJECTED;
  decision.side = XS_REVIEW_SIDE_INDUSTRY;
  decision.reviewer = REVIEWER;
  decision.reason = REASON;
  g_assert_true (xs_decisions_write (package, NULL, &decision, 1, decisions_path, &error));
  g_assert_no_error (error);

  job = xs_review_read_job_new (package, decisions_path);
  read = xs_gui_test_run_job (job, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpuint (read->len, ==, 1);
  back = g_ptr_array_index (read, 0);
  g_assert_cmpstr (back->ref, ==, decision.ref);
  g_assert_cmpint (back->decision, ==, XS_STATUS_REJECTED);
  g_assert_cmpstr (back->reviewer, ==, REVIEWER);
  g_assert_cmpstr (back->reason, ==, REASON);
  xs_gui_test_finalize (g_steal_pointer (&job), 5000);

  /* a damaged file: refused, with a reason */
  g_assert_true (g_file_set_contents (bad_path, "{ \"decisions\": [", -1, NULL));
  bad_job = xs_review_read_job_new (package, bad_path);
  g_assert_null (xs_gui_test_run_job (bad_job, &error));
  g_assert_nonnull (error);
  xs_gui_test_finalize (g_steal_pointer (&bad_job), 5000);
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

  g_test_add_func ("/review-read-job/decisions", test_review_read_job_decisions);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
