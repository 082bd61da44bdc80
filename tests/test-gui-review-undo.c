/* test-gui-review-undo.c: a review's steps undone, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-review-undo.h"
#include "xs-test-util.h"

#define REVIEWER "审核员䶮𠮷"
#define REASON "专利证书与申报人不符"

static XsDb *the_db;

static void
on_can_undo (XsReviewUndo *undo,
             GParamSpec   *pspec,
             guint        *notified)
{
  (*notified)++;
}

static void
test_review_undo_steps (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(XsPackageClaimItem) a = NULL;
  g_autoptr(XsPackageClaimItem) b = NULL;
  g_autoptr(XsPackageClaimItem) first = NULL;
  XsPackageClaimItem *both[2];
  XsReviewUndo *undo = xs_review_undo_new ();
  guint notified = 0;

  g_assert_no_error (error);
  a = xs_package_claim_item_new (package, 0, NULL);
  b = xs_package_claim_item_new (package, 1, NULL);
  both[0] = a;
  both[1] = b;
  g_signal_connect (undo, "notify::can-undo", G_CALLBACK (on_can_undo), &notified);

  /* nothing to undo yet */
  g_assert_false (xs_review_undo_get_can_undo (undo));
  g_assert_null (xs_review_undo_pop (undo));
  xs_review_undo_push (undo, NULL, 0);
  g_assert_false (xs_review_undo_get_can_undo (undo));

  /* a decision on one claim, then one step over both */
  xs_review_undo_push (undo, &a, 1);
  xs_package_claim_item_set_decision (a, XS_STATUS_APPROVED, NULL, XS_REVIEW_SIDE_INDUSTRY, REVIEWER);
  g_assert_true (xs_review_undo_get_can_undo (undo));
  g_assert_cmpuint (notified, ==, 1);
  xs_review_undo_push (undo, both, 2);
  xs_package_claim_item_set_decision (a, XS_STATUS_REJECTED, REASON, XS_REVIEW_SIDE_HR, "另一位");
  xs_package_claim_item_set_decision (b, XS_STATUS_REJECTED, REASON, XS_REVIEW_SIDE_HR, "另一位");
  g_assert_cmpuint (notified, ==, 1);

  /* the step over both: each claim back as it was, the first returned */
  first = xs_review_undo_pop (undo);
  g_assert_true (first == a);
  g_clear_object (&first);
  g_assert_true (xs_package_claim_item_get_decided_here (a));
  g_assert_cmpint (xs_package_claim_item_get_decision (a), ==, XS_STATUS_APPROVED);
  g_assert_cmpint (xs_package_claim_item_get_decided_side (a), ==, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_cmpstr (xs_package_claim_item_get_reviewer (a), ==, REVIEWER);
  g_assert_false (xs_package_claim_item_get_decided_here (b));
  g_assert_true (xs_review_undo_get_can_undo (undo));

  /* the first decision: undecided again, nothing left */
  first = xs_review_undo_pop (undo);
  g_assert_true (first == a);
  g_clear_object (&first);
  g_assert_false (xs_package_claim_item_get_decided_here (a));
  g_assert_false (xs_review_undo_get_can_undo (undo));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (xs_review_undo_pop (undo));

  /* forgetting every step */
  xs_review_undo_push (undo, both, 2);
  xs_review_undo_push (undo, &b, 1);
  xs_review_undo_clear (undo);
  g_assert_false (xs_review_undo_get_can_undo (undo));
  g_assert_cmpuint (notified, ==, 4);
  g_assert_null (xs_review_undo_pop (undo));

  g_assert_finalize_object (undo);
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

  g_test_add_func ("/review-undo/steps", test_review_undo_steps);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
