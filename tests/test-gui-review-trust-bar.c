/* test-gui-review-trust-bar.c: who signed a package, and trusting its
 * base, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-gui-test-util.h"
#include "xs-review-trust-bar.h"
#include "xs-signing-key.h"
#include "xs-test-util.h"

#define BASE_NAME "漯河市职业技术学院继续教育基地"

static XsDb *the_db;

static gboolean
is_trusted (gpointer user_data)
{
  return xs_review_trust_bar_get_trust (user_data) == XS_PACKAGE_TRUST_TRUSTED;
}

static void
on_message (XsReviewTrustBar *bar,
            const char       *message,
            char            **said)
{
  g_free (*said);
  *said = g_strdup (message);
}

static gboolean
is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static void
test_review_trust_bar (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 1);
  g_autofree char *reviewer_dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autofree char *fingerprint = NULL;
  g_autofree char *said = NULL;
  g_autofree char *trusted_name = NULL;
  GtkWidget *bar = g_object_ref_sink (xs_review_trust_bar_new ());
  GtkWidget *button;
  GtkRevealer *revealer;
  AdwMessageDialog *dialog;
  GtkWindow *window;

  g_assert_no_error (error);
  fingerprint = xs_public_key_fingerprint (xs_package_get_base_key (package));
  xs_review_trust_bar_set_reviewer_dir (XS_REVIEW_TRUST_BAR (bar), reviewer_dir);
  g_signal_connect (bar, "message", G_CALLBACK (on_message), &said);
  revealer = GTK_REVEALER (gtk_widget_get_first_child (bar));
  button = xs_gui_test_find (bar, GTK_TYPE_BUTTON, "Trust This Base…");
  g_assert_nonnull (button);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, bar);
  gtk_window_present (window);

  /* no package: nothing shown */
  xs_review_trust_bar_show (XS_REVIEW_TRUST_BAR (bar), NULL, XS_PACKAGE_TRUST_UNSIGNED, NULL);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* an unsigned package: a warning, nothing to trust */
  xs_review_trust_bar_show (XS_REVIEW_TRUST_BAR (bar), package, XS_PACKAGE_TRUST_UNSIGNED, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_nonnull (strstr (xs_review_trust_bar_get_text (XS_REVIEW_TRUST_BAR (bar)), "not signed"));
  g_assert_false (gtk_widget_get_visible (button));

  /* a key not trusted yet: its fingerprint, and a button that asks */
  g_assert_cmpint (xs_trust_check_package (reviewer_dir, package, &trusted_name), ==, XS_PACKAGE_TRUST_UNKNOWN);
  xs_review_trust_bar_show (XS_REVIEW_TRUST_BAR (bar), package, XS_PACKAGE_TRUST_UNKNOWN, NULL);
  g_assert_nonnull (strstr (xs_review_trust_bar_get_text (XS_REVIEW_TRUST_BAR (bar)), fingerprint));
  g_assert_nonnull (strstr (xs_review_trust_bar_get_text (XS_REVIEW_TRUST_BAR (bar)), BASE_NAME));
  g_assert_true (gtk_widget_get_visible (button));

  /* asked, and cancelled: nothing trusted */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "trust-bar.trust");
  /* a button only clicks once it is on screen */
  g_assert_true (xs_gui_test_wait_until (is_mapped, button, 10000));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  /* a button activated by the keyboard clicks once it has shown the press */
  g_assert_true (xs_gui_test_wait_until (xs_gui_test_shows_message_dialog, NULL, 10000));
  dialog = xs_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fingerprint));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (200);
  g_assert_cmpint (xs_review_trust_bar_get_trust (XS_REVIEW_TRUST_BAR (bar)), ==, XS_PACKAGE_TRUST_UNKNOWN);
  g_assert_null (said);

  /* asked, and trusted: kept in the reviewer's folder */
  xs_review_trust_bar_ask (XS_REVIEW_TRUST_BAR (bar));
  dialog = xs_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "trust");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (is_trusted, bar, 30000));
  g_assert_cmpstr (said, ==, "The base is trusted: its packages now open as signed by it");
  g_assert_nonnull (strstr (xs_review_trust_bar_get_text (XS_REVIEW_TRUST_BAR (bar)), BASE_NAME));
  g_assert_false (gtk_widget_get_visible (button));
  g_clear_pointer (&trusted_name, g_free);
  g_assert_cmpint (xs_trust_check_package (reviewer_dir, package, &trusted_name), ==, XS_PACKAGE_TRUST_TRUSTED);
  g_assert_cmpstr (trusted_name, ==, BASE_NAME);

  gtk_window_destroy (window);
  xs_gui_test_finalize (bar, 5000);
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

  g_test_add_func ("/review-trust-bar/trust", test_review_trust_bar);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
