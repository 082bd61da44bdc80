/* test-gui-issuing-progress.c: an issuer's progress, shown while it runs,
 * with Cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "xs-base-profile.h"
#include "xs-certificate-issuer.h"
#include "xs-demo.h"
#include "xs-gui-test-util.h"
#include "xs-issuing-progress.h"
#include "xs-test-util.h"

#define YEAR 2018

static gboolean
not_busy (gpointer user_data)
{
  return !xs_certificate_issuer_get_busy (user_data);
}

static void
test_follows_issuer (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(XsCertificateIssuer) issuer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "certificates.pdf", NULL);
  GtkWidget *window = gtk_window_new ();
  XsIssuingProgress *progress;
  GtkWidget *label, *bar, *cancel;

  g_assert_true (xs_demo_populate (db, 40, YEAR, NULL, &error));
  g_assert_no_error (error);
  profile = xs_base_profile_load (db, &error);
  g_assert_no_error (error);
  xs_base_profile_set_name (profile, "漯河市专业技术人员继续教育基地");

  progress = XS_ISSUING_PROGRESS (xs_issuing_progress_new (NULL));
  g_object_ref (progress);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (progress));
  gtk_window_present (GTK_WINDOW (window));
  issuer = xs_certificate_issuer_new (GTK_WIDGET (progress));
  label = xs_gui_test_find (GTK_WIDGET (progress), GTK_TYPE_LABEL, NULL);
  bar = xs_gui_test_find (GTK_WIDGET (progress), GTK_TYPE_PROGRESS_BAR, NULL);
  g_assert_nonnull (label);
  g_assert_nonnull (bar);
  cancel = xs_gui_test_find (GTK_WIDGET (progress), GTK_TYPE_BUTTON, "Cancel");
  g_assert_nonnull (cancel);

  /* no issuer, or an idle one: nothing shown, nothing to cancel */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (progress)));
  g_object_set (progress, "issuer", issuer, NULL);
  g_assert_true (xs_issuing_progress_get_issuer (progress) == issuer);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (progress)));
  g_assert_false (gtk_widget_get_sensitive (cancel));

  /* running: what it does, under way */
  xs_certificate_issuer_export (issuer, db, profile, XS_CERTIFICATE_ANNUAL, YEAR, NULL, NULL, path);
  g_assert_true (xs_certificate_issuer_get_busy (issuer));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (progress)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, xs_certificate_issuer_get_status (issuer));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), !=, "");
  g_assert_true (gtk_widget_get_sensitive (cancel));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), ==,
                     xs_certificate_issuer_get_fraction (issuer));

  /* Cancel stops the issuer, and the progress goes away with it */
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_true (xs_gui_test_wait_until (not_busy, issuer, 30000));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (progress)));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* the bar goes under the words */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (progress), GTK_ORIENTATION_VERTICAL);
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (gtk_widget_get_parent (label))), ==,
                   GTK_ORIENTATION_VERTICAL);

  gtk_window_destroy (GTK_WINDOW (window));
  xs_gui_test_finalize (progress, 10000);
  g_rmdir (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  xs_gui_test_init (&argc, &argv);
  g_test_add_func ("/issuing-progress/follows-issuer", test_follows_issuer);
  return xs_gui_test_run ();
}
