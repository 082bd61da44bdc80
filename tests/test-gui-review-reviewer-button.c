/* test-gui-review-reviewer-button.c: the button saying who reviews, and
 * asking them, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-review-reviewer-button.h"
#include "xs-test-util.h"

#define LONG_NAME "漯河市卫生健康委员会继续教育审核办公室审核员䶮𠮷"

static void
on_approve (GSimpleAction *action,
            GVariant      *param,
            guint         *approved)
{
  (*approved)++;
}

/* Answers the open "Who Is Reviewing?" with @name for the industry side. */
static void
answer (const char *name,
        const char *response)
{
  AdwMessageDialog *dialog = xs_gui_test_find_dialog_headed ("Who Is Reviewing?");
  GtkWidget *entry;

  g_assert_nonnull (dialog);
  entry = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  adw_combo_row_set_selected (ADW_COMBO_ROW (xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL)), 1);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (50);
}

static void
test_review_reviewer_button_ask (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(XsReviewReviewer) reviewer = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) approve = g_simple_action_new ("approve", NULL);
  GtkWidget *button = g_object_ref_sink (xs_review_reviewer_button_new ());
  GtkWindow *window;
  guint approved = 0;

  g_settings_reset (settings, "reviewer-name");
  g_settings_reset (settings, "review-side");
  reviewer = xs_review_reviewer_new (settings);
  g_signal_connect (approve, "activate", G_CALLBACK (on_approve), &approved);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (approve));
  window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (window), "review", G_ACTION_GROUP (group));
  gtk_window_set_default_size (window, 200, 60);
  gtk_window_set_child (window, button);
  gtk_window_present (window);

  /* no one yet: the side alone */
  g_object_set (button, "reviewer", reviewer, NULL);
  g_assert_true (xs_review_reviewer_button_get_reviewer (XS_REVIEW_REVIEWER_BUTTON (button)) == reviewer);
  g_assert_nonnull (xs_gui_test_find (button, GTK_TYPE_LABEL, xs_review_side_get_label (XS_REVIEW_SIDE_HR)));

  /* asked before approving: cancelled, nothing is approved */
  xs_review_reviewer_button_ask (XS_REVIEW_REVIEWER_BUTTON (button), "review.approve");
  answer (LONG_NAME, "cancel");
  g_assert_false (xs_review_reviewer_get_confirmed (reviewer));
  g_assert_cmpuint (approved, ==, 0);

  /* answered: kept, shown cut to fit with the whole in its tooltip, and
   * the approval asked for follows */
  xs_review_reviewer_button_ask (XS_REVIEW_REVIEWER_BUTTON (button), "review.approve");
  answer (LONG_NAME, "ok");
  g_assert_true (xs_review_reviewer_get_confirmed (reviewer));
  g_assert_cmpstr (xs_review_reviewer_get_name (reviewer), ==, LONG_NAME);
  g_assert_cmpint (xs_review_reviewer_get_side (reviewer), ==, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_cmpuint (approved, ==, 1);
  {
    g_autofree char *label = xs_review_reviewer_dup_label (reviewer);
    GtkWidget *shown = xs_gui_test_find (button, GTK_TYPE_LABEL, label);

    g_assert_nonnull (shown);
    g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (shown)), ==, PANGO_ELLIPSIZE_END);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (shown, ADW_TYPE_BUTTON_CONTENT)), ==, label);
  }

  /* asked only to change: no action follows */
  xs_review_reviewer_button_ask (XS_REVIEW_REVIEWER_BUTTON (button), NULL);
  answer ("张三", "ok");
  g_assert_cmpuint (approved, ==, 1);
  g_assert_cmpstr (xs_review_reviewer_get_name (reviewer), ==, "张三");

  /* a change made elsewhere is shown too */
  xs_review_reviewer_set (reviewer, "李四", XS_REVIEW_SIDE_HR);
  {
    g_autofree char *label = xs_review_reviewer_dup_label (reviewer);

    g_assert_nonnull (xs_gui_test_find (button, GTK_TYPE_LABEL, label));
  }

  gtk_window_destroy (window);
  xs_gui_test_finalize (button, 5000);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/review-reviewer-button/ask", test_review_reviewer_button_ask);
  return xs_gui_test_run ();
}
