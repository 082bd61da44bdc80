/* test-gui-review-decisions.c: the decisions of a review made, undone and
 * read back, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-review-decisions.h"
#include "xs-test-util.h"

#define REVIEWER "卫健委审核员䶮𠮷"
#define REASON "专利证书与申报人不符"

static XsDb *the_db;

static void
test_review_decisions_steps (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(XsReviewClaimList) list = xs_review_claim_list_new ();
  g_autoptr(XsReviewReviewer) reviewer = NULL;
  g_autoptr(GPtrArray) read = g_ptr_array_new ();
  XsReviewDecisions *decisions;
  XsPackageClaimItem *items[3];
  XsDecision back = { 0 };
  char *text;
  guint generation;

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    items[i] = xs_package_claim_item_new (package, i, NULL);
  xs_review_claim_list_add (list, items, 3);
  g_settings_reset (settings, "reviewer-name");
  reviewer = xs_review_reviewer_new (settings);
  xs_review_reviewer_set (reviewer, REVIEWER, XS_REVIEW_SIDE_HR);
  decisions = xs_review_decisions_new (list, reviewer);
  g_assert_false (xs_review_decisions_get_modified (decisions));
  g_assert_false (xs_review_decisions_get_can_undo (decisions));

  /* patents are the industry's: HR may not decide them */
  g_assert_null (xs_review_decisions_decide (decisions, XS_STATUS_APPROVED, NULL));
  g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_SUBMITTED);
  g_assert_false (xs_review_decisions_get_modified (decisions));

  /* the industry side approves the first, and goes on to the next */
  xs_review_reviewer_set (reviewer, REVIEWER, XS_REVIEW_SIDE_INDUSTRY);
  xs_review_claim_list_set_side (list, XS_REVIEW_SIDE_INDUSTRY);
  text = xs_review_decisions_decide (decisions, XS_STATUS_APPROVED, NULL);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_suffix (text, ": approved"));
  g_free (text);
  g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_APPROVED);
  g_assert_cmpstr (xs_package_claim_item_get_reviewer (items[0]), ==, REVIEWER);
  g_assert_true (xs_review_claim_list_get_current (list) == items[1]);
  g_assert_true (xs_review_decisions_get_modified (decisions));
  g_assert_true (xs_review_decisions_get_can_undo (decisions));
  g_assert_cmpuint (xs_review_decisions_get_generation (decisions), ==, 1);

  /* a save of an older generation leaves it modified, of this one not */
  xs_review_decisions_saved (decisions, 0);
  g_assert_true (xs_review_decisions_get_modified (decisions));
  xs_review_decisions_saved (decisions, 1);
  g_assert_false (xs_review_decisions_get_modified (decisions));

  /* undone: undecided again, chosen again, modified */
  g_assert_true (xs_review_decisions_undo (decisions));
  g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_SUBMITTED);
  g_assert_true (xs_review_claim_list_get_current (list) == items[0]);
  g_assert_true (xs_review_decisions_get_modified (decisions));
  g_assert_false (xs_review_decisions_get_can_undo (decisions));
  g_assert_false (xs_review_decisions_undo (decisions));

  /* read back from a file: those of the package, one step to undo */
  back.ref = xs_package_claim_item_get_ref (items[2]);
  back.decision = XS_STATUS_REJECTED;
  back.side = XS_REVIEW_SIDE_INDUSTRY;
  back.reviewer = REVIEWER;
  back.reason = REASON;
  g_ptr_array_add (read, &back);
  generation = xs_review_decisions_get_generation (decisions);
  g_assert_cmpuint (xs_review_decisions_apply (decisions, read), ==, 1);
  g_assert_cmpint (xs_package_claim_item_get_decision (items[2]), ==, XS_STATUS_REJECTED);
  g_assert_cmpstr (xs_package_claim_item_get_reason (items[2]), ==, REASON);
  g_assert_cmpuint (xs_review_decisions_get_generation (decisions), ==, generation + 1);
  g_assert_true (xs_review_decisions_undo (decisions));
  g_assert_cmpint (xs_package_claim_item_get_decision (items[2]), ==, XS_STATUS_SUBMITTED);

  /* a review continued: applied, not a step to undo */
  xs_review_decisions_continue (decisions, read);
  g_assert_cmpint (xs_package_claim_item_get_decision (items[2]), ==, XS_STATUS_REJECTED);
  g_assert_false (xs_review_decisions_get_can_undo (decisions));

  /* a claim not in the package: nothing */
  back.ref = "2018-999999";
  g_assert_cmpuint (xs_review_decisions_apply (decisions, read), ==, 0);

  /* cleared: undecided again, still chosen */
  xs_review_claim_list_select_item (list, items[0]);
  text = xs_review_decisions_decide (decisions, XS_STATUS_APPROVED, NULL);
  g_free (text);
  xs_review_claim_list_set_undecided_only (list, FALSE);
  xs_review_claim_list_select_item (list, items[0]);
  text = xs_review_decisions_decide (decisions, XS_STATUS_SUBMITTED, NULL);
  g_assert_nonnull (text);
  g_free (text);
  g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_SUBMITTED);
  g_assert_true (xs_review_claim_list_get_current (list) == items[0]);

  for (guint i = 0; i < 3; i++)
    g_object_unref (items[i]);
  xs_gui_test_finalize (decisions, 5000);
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

  g_test_add_func ("/review-decisions/steps", test_review_decisions_steps);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
