/* test-gui-review-claim-detail.c: the chosen claim's pane, without a
 * review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-review-claim-detail.h"
#include "xs-test-util.h"

static XsDb *the_db;

static void
on_approve (GSimpleAction *action,
            GVariant      *param,
            guint         *approved)
{
  (*approved)++;
}

static const char *
row_subtitle (GtkWidget  *detail,
              const char *title)
{
  GtkWidget *row = xs_gui_test_find (detail, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
test_review_claim_detail_show (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(XsPackageClaimItem) item = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) approve_action = g_simple_action_new ("approve", NULL);
  GtkWidget *detail = g_object_ref_sink (xs_review_claim_detail_new ());
  GtkWidget *approve, *reject, *blocked;
  GtkWindow *window;
  guint approved = 0;

  g_assert_no_error (error);
  item = xs_package_claim_item_new (package, 0, NULL);
  /* the window's actions, as the buttons find them */
  g_signal_connect (approve_action, "activate", G_CALLBACK (on_approve), &approved);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (approve_action));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (window), "review", G_ACTION_GROUP (group));
  gtk_window_set_default_size (window, 400, 700);
  gtk_window_set_child (window, detail);
  gtk_window_present (window);
  xs_gui_test_wait_for_draw (GTK_WIDGET (window));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (window));
  xs_gui_test_assert_controls_named (GTK_WIDGET (window));
  approve = xs_gui_test_find (detail, GTK_TYPE_BUTTON, "Approve");
  reject = xs_gui_test_find (detail, GTK_TYPE_BUTTON, "Reject…");
  g_assert_nonnull (approve);
  g_assert_nonnull (reject);

  /* no claim: none to decide, nothing said against it */
  g_assert_null (xs_review_claim_detail_get_item (XS_REVIEW_CLAIM_DETAIL (detail)));
  g_assert_false (xs_review_claim_detail_get_can_decide (XS_REVIEW_CLAIM_DETAIL (detail)));
  g_assert_null (xs_review_claim_detail_get_blocked (XS_REVIEW_CLAIM_DETAIL (detail)));

  /* a patent shown to HR: its rows, the identity number masked, and why
   * HR may not decide it, beside the buttons and in their tooltips */
  xs_review_claim_detail_set_side (XS_REVIEW_CLAIM_DETAIL (detail), XS_REVIEW_SIDE_HR);
  g_object_set (detail, "item", item, NULL);
  g_assert_true (xs_review_claim_detail_get_item (XS_REVIEW_CLAIM_DETAIL (detail)) == item);
  g_assert_cmpstr (row_subtitle (detail, "Trainee"), ==, xs_package_claim_item_get_name (item));
  g_assert_cmpstr (row_subtitle (detail, "Identity number"), ==, xs_package_claim_item_get_masked_id (item));
  g_assert_cmpstr (row_subtitle (detail, "Title"), ==, "一种输液装置");
  g_assert_cmpstr (row_subtitle (detail, "Hours"), ==, xs_package_claim_item_get_hours_text (item));
  g_assert_cmpstr (row_subtitle (detail, "Reference"), ==, xs_package_claim_item_get_ref (item));
  g_assert_false (xs_review_claim_detail_get_can_decide (XS_REVIEW_CLAIM_DETAIL (detail)));
  g_assert_cmpstr (xs_review_claim_detail_get_blocked (XS_REVIEW_CLAIM_DETAIL (detail)), ==,
                   "Only the industry department decides professional hours");
  blocked = xs_gui_test_find (detail, GTK_TYPE_LABEL, "Only the industry department decides professional hours");
  g_assert_nonnull (blocked);
  xs_gui_test_iterate (50);
  g_assert_true (gtk_widget_get_mapped (blocked));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (approve), ==, "Only the industry department decides professional hours");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (reject), ==, "Only the industry department decides professional hours");
  g_assert_nonnull (xs_gui_test_find (detail, GTK_TYPE_LABEL, "Undecided"));

  /* the industry side may: nothing said, the button runs the action */
  g_object_set (detail, "side", XS_REVIEW_SIDE_INDUSTRY, NULL);
  g_assert_true (xs_review_claim_detail_get_can_decide (XS_REVIEW_CLAIM_DETAIL (detail)));
  g_assert_null (xs_review_claim_detail_get_blocked (XS_REVIEW_CLAIM_DETAIL (detail)));
  g_assert_false (gtk_widget_get_visible (blocked));
  g_assert_null (gtk_widget_get_tooltip_text (approve));
  xs_gui_test_iterate (20);
  g_assert_true (gtk_widget_is_sensitive (approve));
  g_signal_emit_by_name (approve, "clicked");
  g_assert_cmpuint (approved, ==, 1);

  /* the decision label follows the claim's decision */
  xs_package_claim_item_set_decision (item, XS_STATUS_REJECTED, "证书无盖章 䶮𠮷", XS_REVIEW_SIDE_INDUSTRY, "审核员");
  xs_gui_test_iterate (20);
  g_assert_nonnull (xs_gui_test_find (detail, GTK_TYPE_LABEL, "Rejected: 证书无盖章 䶮𠮷"));

  /* no claim again */
  xs_review_claim_detail_set_item (XS_REVIEW_CLAIM_DETAIL (detail), NULL);
  g_assert_false (xs_review_claim_detail_get_can_decide (XS_REVIEW_CLAIM_DETAIL (detail)));
  g_assert_false (gtk_widget_get_visible (blocked));

  gtk_window_destroy (window);
  xs_gui_test_finalize (detail, 5000);
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

  g_test_add_func ("/review-claim-detail/show", test_review_claim_detail_show);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
