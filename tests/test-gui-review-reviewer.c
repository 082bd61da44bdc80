/* test-gui-review-reviewer.c: who reviews and for which side, kept in the
 * settings, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-review-reviewer.h"

#define REVIEWER "审核员䶮𠮷"

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *notified)
{
  (*notified)++;
}

static void
test_review_reviewer_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(XsReviewReviewer) again = NULL;
  g_autofree char *label = NULL;
  g_autofree char *kept = NULL;
  XsReviewReviewer *reviewer;
  guint notified = 0;

  /* what the settings hold is offered, not yet confirmed */
  g_settings_set_string (settings, "reviewer-name", "  张三  ");
  g_settings_set_enum (settings, "review-side", XS_REVIEW_SIDE_INDUSTRY);
  reviewer = xs_review_reviewer_new (settings);
  g_assert_cmpstr (xs_review_reviewer_get_name (reviewer), ==, "张三");
  g_assert_cmpint (xs_review_reviewer_get_side (reviewer), ==, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_false (xs_review_reviewer_get_confirmed (reviewer));
  label = xs_review_reviewer_dup_label (reviewer);
  g_assert_nonnull (strstr (label, "张三"));
  g_assert_nonnull (strstr (label, xs_review_side_get_label (XS_REVIEW_SIDE_INDUSTRY)));
  g_clear_pointer (&label, g_free);

  /* said here: confirmed and kept */
  g_signal_connect (reviewer, "notify::confirmed", G_CALLBACK (on_notify), &notified);
  xs_review_reviewer_set (reviewer, " " REVIEWER " ", XS_REVIEW_SIDE_HR);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (xs_review_reviewer_get_confirmed (reviewer));
  g_assert_cmpstr (xs_review_reviewer_get_name (reviewer), ==, REVIEWER);
  g_assert_cmpint (xs_review_reviewer_get_side (reviewer), ==, XS_REVIEW_SIDE_HR);
  kept = g_settings_get_string (settings, "reviewer-name");
  g_assert_cmpstr (kept, ==, REVIEWER);
  g_assert_cmpint (g_settings_get_enum (settings, "review-side"), ==, XS_REVIEW_SIDE_HR);
  again = xs_review_reviewer_new (settings);
  g_assert_cmpstr (xs_review_reviewer_get_name (again), ==, REVIEWER);
  g_assert_cmpint (xs_review_reviewer_get_side (again), ==, XS_REVIEW_SIDE_HR);

  /* a blank name is no reviewer: only the side is shown */
  xs_review_reviewer_set (reviewer, "   ", XS_REVIEW_SIDE_INDUSTRY);
  g_assert_false (xs_review_reviewer_get_confirmed (reviewer));
  label = xs_review_reviewer_dup_label (reviewer);
  g_assert_cmpstr (label, ==, xs_review_side_get_label (XS_REVIEW_SIDE_INDUSTRY));

  xs_gui_test_finalize (reviewer, 5000);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);
  g_test_add_func ("/review-reviewer/settings", test_review_reviewer_settings);
  return xs_gui_test_run ();
}
