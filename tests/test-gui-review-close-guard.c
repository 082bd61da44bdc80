/* test-gui-review-close-guard.c: asking before unsaved decisions are
 * closed, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-review-close-guard.h"
#include "xs-test-util.h"

static XsDb *the_db;

static void
on_save (GSimpleAction *action,
         GVariant      *param,
         guint         *saves)
{
  (*saves)++;
}

/* Closes @window and answers the question with @response. */
static void
close_and_answer (GtkWindow  *window,
                  const char *response)
{
  AdwMessageDialog *dialog;

  gtk_window_close (window);
  xs_gui_test_iterate (50);
  dialog = xs_gui_test_find_dialog_headed ("Save the Decisions?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (100);
}

static void
test_review_close_guard_ask (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(XsReviewClaimList) list = xs_review_claim_list_new ();
  g_autoptr(XsReviewReviewer) reviewer = NULL;
  g_autoptr(XsReviewDecisions) decisions = NULL;
  g_autoptr(XsReviewSaver) saver = xs_review_saver_new ();
  g_autoptr(XsPackageClaimItem) item = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) save = g_simple_action_new ("save", NULL);
  g_autofree char *text = NULL;
  XsReviewCloseGuard *guard;
  GtkWindow *window;
  guint saves = 0;

  g_assert_no_error (error);
  item = xs_package_claim_item_new (package, 0, NULL);
  xs_review_claim_list_add (list, &item, 1);
  reviewer = xs_review_reviewer_new (settings);
  xs_review_reviewer_set (reviewer, "审核员䶮𠮷", XS_REVIEW_SIDE_INDUSTRY);
  decisions = xs_review_decisions_new (list, reviewer);
  g_signal_connect (save, "activate", G_CALLBACK (on_save), &saves);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (save));
  window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "review", G_ACTION_GROUP (group));
  gtk_window_present (window);
  guard = xs_review_close_guard_new (window, decisions, saver);

  /* a decision not saved: closing asks; Cancel keeps the window */
  text = xs_review_decisions_decide (decisions, XS_STATUS_APPROVED, NULL);
  g_assert_nonnull (text);
  close_and_answer (window, "cancel");
  g_assert_nonnull (window);
  g_assert_cmpuint (saves, ==, 0);

  /* Save…: the window's save; a failed save leaves it open, a save of
   * every step closes it */
  close_and_answer (window, "save");
  g_assert_cmpuint (saves, ==, 1);
  g_signal_emit_by_name (saver, "message", "磁盘已满");
  g_signal_emit_by_name (saver, "saved", "/tmp/审核结果-2018.json", 1, 0u);
  xs_gui_test_iterate (50);
  g_assert_nonnull (window);
  close_and_answer (window, "save");
  g_assert_cmpuint (saves, ==, 2);
  xs_review_decisions_saved (decisions, xs_review_decisions_get_generation (decisions));
  g_signal_emit_by_name (saver, "saved", "/tmp/审核结果-2018.json", 1, xs_review_decisions_get_generation (decisions));
  xs_gui_test_iterate (100);
  g_assert_null (window);

  /* nothing unsaved: closed without asking */
  window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (window);
  xs_gui_test_finalize (guard, 5000);
  guard = xs_review_close_guard_new (window, decisions, saver);
  gtk_window_close (window);
  xs_gui_test_iterate (50);
  g_assert_null (xs_gui_test_find_dialog_headed ("Save the Decisions?"));
  g_assert_null (window);

  /* Close Without Saving: closed, nothing left unsaved to ask about */
  g_clear_pointer (&text, g_free);
  xs_review_claim_list_select_item (list, item);
  text = xs_review_decisions_decide (decisions, XS_STATUS_SUBMITTED, NULL);
  g_assert_true (xs_review_decisions_get_modified (decisions));
  window = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (window);
  xs_gui_test_finalize (guard, 5000);
  guard = xs_review_close_guard_new (window, decisions, saver);
  close_and_answer (window, "close");
  g_assert_null (window);
  g_assert_false (xs_review_decisions_get_modified (decisions));

  xs_gui_test_finalize (guard, 5000);
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

  g_test_add_func ("/review-close-guard/ask", test_review_close_guard_ask);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
