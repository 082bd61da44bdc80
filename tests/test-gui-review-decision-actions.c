/* test-gui-review-decision-actions.c: approving, rejecting, clearing and
 * undoing the chosen claim as actions, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-reject-dialog.h"
#include "xs-review-decision-actions.h"
#include "xs-test-util.h"

#define REVIEWER "卫健委审核员䶮𠮷"
#define REASON "专利证书与申报人不符"

static XsDb *the_db;

typedef struct
{
  char  *asked;
  char  *done;
} Heard;

static void
on_ask_reviewer (XsReviewDecisionActions *actions,
                 const char              *name,
                 Heard                   *heard)
{
  g_free (heard->asked);
  heard->asked = g_strdup (name);
}

static void
on_done (XsReviewDecisionActions *actions,
         const char              *text,
         Heard                   *heard)
{
  g_free (heard->done);
  heard->done = g_strdup (text);
}

static gboolean
enabled (XsReviewDecisionActions *actions,
         const char              *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (actions), name);
}

static void
test_review_decision_actions (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(XsReviewClaimList) list = xs_review_claim_list_new ();
  g_autoptr(XsReviewReviewer) reviewer = NULL;
  g_autoptr(XsReviewDecisions) decisions = NULL;
  GtkWindow *parent = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  XsReviewDecisionActions *actions;
  XsPackageClaimItem *items[3];
  Heard heard = { NULL, NULL };

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    items[i] = xs_package_claim_item_new (package, i, NULL);
  xs_review_claim_list_add (list, items, 3);
  xs_review_claim_list_set_side (list, XS_REVIEW_SIDE_INDUSTRY);
  g_settings_reset (settings, "reviewer-name");
  g_settings_reset (settings, "review-side");
  reviewer = xs_review_reviewer_new (settings);
  decisions = xs_review_decisions_new (list, reviewer);
  actions = xs_review_decision_actions_new (parent, decisions, list, reviewer);
  g_signal_connect (actions, "ask-reviewer", G_CALLBACK (on_ask_reviewer), &heard);
  g_signal_connect (actions, "done", G_CALLBACK (on_done), &heard);

  /* nothing decided yet: nothing to clear or undo; approve and reject
   * only while the claim shown may be decided */
  g_assert_true (xs_review_claim_list_get_current (list) == items[0]);
  g_assert_false (enabled (actions, "approve"));
  g_assert_false (enabled (actions, "clear"));
  g_assert_false (enabled (actions, "undo"));
  g_object_set (actions, "can-decide", TRUE, NULL);
  g_assert_true (enabled (actions, "approve"));
  g_assert_true (enabled (actions, "reject"));

  /* a reviewer who has not said who they are is asked first */
  g_action_group_activate_action (G_ACTION_GROUP (actions), "approve", NULL);
  g_assert_cmpstr (heard.asked, ==, "approve");
  g_assert_null (heard.done);
  g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_SUBMITTED);

  /* approved: said, undoable, and the next claim is chosen */
  xs_review_reviewer_set (reviewer, REVIEWER, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_true (xs_review_reviewer_get_confirmed (reviewer));
  g_action_group_activate_action (G_ACTION_GROUP (actions), "approve", NULL);
  g_assert_nonnull (heard.done);
  g_assert_true (g_str_has_suffix (heard.done, ": approved"));
  g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_APPROVED);
  g_assert_true (enabled (actions, "undo"));
  g_assert_true (xs_review_claim_list_get_current (list) == items[1]);
  g_assert_false (enabled (actions, "clear"));

  /* undone: the claim is chosen again, and can be cleared no more */
  g_action_group_activate_action (G_ACTION_GROUP (actions), "undo", NULL);
  g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_SUBMITTED);
  g_assert_true (xs_review_claim_list_get_current (list) == items[0]);
  g_assert_false (enabled (actions, "undo"));

  /* rejected with a reason (blanks around it dropped), then cleared */
  xs_review_decision_actions_reject (actions, "  " REASON "\n");
  g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_REJECTED);
  g_assert_cmpstr (xs_package_claim_item_get_reason (items[0]), ==, REASON);
  xs_review_claim_list_set_undecided_only (list, FALSE);
  xs_review_claim_list_select_item (list, items[0]);
  g_assert_true (enabled (actions, "clear"));
  g_clear_pointer (&heard.done, g_free);
  g_action_group_activate_action (G_ACTION_GROUP (actions), "clear", NULL);
  g_assert_nonnull (heard.done);
  g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_SUBMITTED);
  g_assert_false (enabled (actions, "clear"));

  /* "reject" asks why, in a dialog over the window; cancelled, nothing */
  g_action_group_activate_action (G_ACTION_GROUP (actions), "reject", NULL);
  {
    GtkWindow *dialog = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; dialog == NULL && i < 50; i++)
      {
        for (guint j = 0; j < g_list_model_get_n_items (toplevels); j++)
          {
            g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, j);

            if (XS_IS_REJECT_DIALOG (window))
              dialog = window;
          }
        if (dialog == NULL)
          xs_gui_test_iterate (20);
      }
    g_assert_nonnull (dialog);
    g_assert_true (gtk_window_get_transient_for (dialog) == parent);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    g_assert_cmpint (xs_package_claim_item_get_decision (items[0]), ==, XS_STATUS_SUBMITTED);
  }

  g_free (heard.asked);
  g_free (heard.done);
  for (guint i = 0; i < 3; i++)
    g_object_unref (items[i]);
  xs_gui_test_finalize (actions, 5000);
  gtk_window_destroy (parent);
  xs_gui_test_finalize (parent, 5000);
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

  g_test_add_func ("/review-decision-actions/steps", test_review_decision_actions);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
