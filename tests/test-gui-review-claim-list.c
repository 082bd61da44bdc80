/* test-gui-review-claim-list.c: a review's claims, those shown and the one
 * chosen, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-review-claim-list.h"
#include "xs-test-util.h"

static XsDb *the_db;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *notified)
{
  (*notified)++;
}

static void
test_review_claim_list_filter (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  XsReviewClaimList *list = xs_review_claim_list_new ();
  GListModel *shown = G_LIST_MODEL (xs_review_claim_list_get_selection (list));
  XsPackageClaimItem *items[3];
  guint current_notified = 0;
  guint decided_notified = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (xs_package_get_n_claims (package), ==, 3);
  for (guint i = 0; i < 3; i++)
    items[i] = xs_package_claim_item_new (package, i, NULL);
  g_signal_connect (list, "notify::current", G_CALLBACK (on_notify), &current_notified);
  g_signal_connect (list, "notify::n-decided", G_CALLBACK (on_notify), &decided_notified);

  /* empty: nothing chosen */
  g_assert_null (xs_review_claim_list_get_current (list));
  g_assert_cmpuint (xs_review_claim_list_get_n_total (list), ==, 0);

  /* the claims, the first chosen */
  xs_review_claim_list_add (list, items, 3);
  g_assert_cmpuint (xs_review_claim_list_get_n_total (list), ==, 3);
  g_assert_cmpuint (xs_review_claim_list_get_n_shown (list), ==, 3);
  g_assert_cmpuint (xs_review_claim_list_get_n_decided (list), ==, 0);
  g_assert_true (xs_review_claim_list_get_current (list) == items[0]);
  g_assert_cmpuint (current_notified, ==, 1);
  g_assert_true (g_list_model_get_n_items (xs_review_claim_list_get_claims (list)) == 3);
  g_assert_true (xs_review_claim_list_lookup (list, xs_package_claim_item_get_ref (items[2])) == items[2]);
  g_assert_null (xs_review_claim_list_lookup (list, "no such claim"));

  /* patents are the industry's to decide: nothing for HR to do */
  xs_review_claim_list_set_side (list, XS_REVIEW_SIDE_HR);
  xs_review_claim_list_set_undecided_only (list, TRUE);
  g_assert_cmpuint (xs_review_claim_list_get_n_shown (list), ==, 0);
  g_assert_null (xs_review_claim_list_get_current (list));
  g_assert_false (xs_review_claim_list_is_to_do (list, items[0]));
  xs_review_claim_list_set_side (list, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_cmpuint (xs_review_claim_list_get_n_shown (list), ==, 3);
  g_assert_true (xs_review_claim_list_is_to_do (list, items[0]));

  /* a decision: out of the to-do, counted */
  xs_package_claim_item_set_decision (items[0], XS_STATUS_APPROVED, NULL, XS_REVIEW_SIDE_INDUSTRY, "审核员䶮𠮷");
  g_assert_cmpuint (decided_notified, >, 0);
  xs_review_claim_list_refilter (list);
  g_assert_cmpuint (xs_review_claim_list_get_n_shown (list), ==, 2);
  g_assert_cmpuint (xs_review_claim_list_get_n_decided (list), ==, 1);
  g_assert_false (xs_review_claim_list_select_item (list, items[0]));
  g_assert_true (xs_review_claim_list_select_item (list, items[2]));
  g_assert_true (xs_review_claim_list_get_current (list) == items[2]);

  /* on to the next to do, from the top when at the end */
  xs_review_claim_list_advance (list, 2);
  g_assert_true (xs_review_claim_list_get_current (list) == items[1]);

  /* searching by the name, any case; all again with the toggle off */
  xs_review_claim_list_set_undecided_only (list, FALSE);
  g_assert_cmpuint (xs_review_claim_list_get_n_shown (list), ==, 3);
  xs_review_claim_list_set_search (list, xs_package_claim_item_get_ref (items[2]));
  g_assert_cmpuint (xs_review_claim_list_get_n_shown (list), ==, 1);
  g_assert_true (g_list_model_get_item (shown, 0) == (gpointer) items[2]);
  g_object_unref (items[2]);
  xs_review_claim_list_set_search (list, "没有这个人");
  g_assert_cmpuint (xs_review_claim_list_get_n_shown (list), ==, 0);
  xs_review_claim_list_set_search (list, "  ");
  g_assert_cmpuint (xs_review_claim_list_get_n_shown (list), ==, 3);

  for (guint i = 0; i < 3; i++)
    g_object_unref (items[i]);
  xs_gui_test_finalize (list, 5000);
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

  g_test_add_func ("/review-claim-list/filter", test_review_claim_list_filter);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
