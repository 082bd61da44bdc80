/* test-gui-review-evidence.c: a claim's scans under review, without a
 * review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-evidence-viewer.h"
#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-review-evidence.h"
#include "xs-test-util.h"

static XsDb *the_db;

static gboolean
has_pages (gpointer user_data)
{
  return xs_evidence_viewer_get_n_pages (user_data) > 0;
}

static void
test_review_evidence_scans (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(XsPackageClaimItem) claim = NULL;
  GtkWidget *evidence = g_object_ref_sink (xs_review_evidence_new ());
  XsEvidenceViewer *viewer;
  GtkWindow *window;

  g_assert_no_error (error);
  claim = xs_package_claim_item_new (package, 0, NULL);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 600);
  gtk_window_set_child (window, evidence);
  gtk_window_present (window);
  viewer = XS_EVIDENCE_VIEWER (xs_gui_test_find (evidence, XS_TYPE_EVIDENCE_VIEWER, NULL));
  g_assert_nonnull (viewer);

  /* no claim: no scan */
  xs_review_evidence_set_claim (XS_REVIEW_EVIDENCE (evidence), NULL);
  g_assert_cmpuint (xs_review_evidence_get_selected (XS_REVIEW_EVIDENCE (evidence)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_nonnull (xs_gui_test_find (evidence, GTK_TYPE_LABEL, "No Evidence"));

  /* the claim's two scans: the first in the viewer, "1 / 2" */
  xs_review_evidence_set_package (XS_REVIEW_EVIDENCE (evidence), package, NULL);
  xs_review_evidence_set_claim (XS_REVIEW_EVIDENCE (evidence), claim);
  g_assert_cmpuint (xs_review_evidence_get_selected (XS_REVIEW_EVIDENCE (evidence)), ==, 0);
  g_assert_nonnull (xs_gui_test_find (evidence, GTK_TYPE_LABEL, "1 / 2"));
  g_assert_true (xs_gui_test_wait_until (has_pages, viewer, 30000));

  /* the next one, not past the last; the previous one, not before the first */
  g_assert_true (gtk_widget_activate_action (evidence, "evidence.next", NULL));
  g_assert_cmpuint (xs_review_evidence_get_selected (XS_REVIEW_EVIDENCE (evidence)), ==, 1);
  g_assert_nonnull (xs_gui_test_find (evidence, GTK_TYPE_LABEL, "2 / 2"));
  xs_review_evidence_select_next (XS_REVIEW_EVIDENCE (evidence));
  g_assert_cmpuint (xs_review_evidence_get_selected (XS_REVIEW_EVIDENCE (evidence)), ==, 1);
  xs_review_evidence_select_previous (XS_REVIEW_EVIDENCE (evidence));
  xs_review_evidence_select_previous (XS_REVIEW_EVIDENCE (evidence));
  g_assert_cmpuint (xs_review_evidence_get_selected (XS_REVIEW_EVIDENCE (evidence)), ==, 0);
  /* the thumbnails are made meanwhile; the choice stays */
  xs_gui_test_iterate (500);
  g_assert_cmpuint (xs_review_evidence_get_selected (XS_REVIEW_EVIDENCE (evidence)), ==, 0);

  /* another claim chosen while the thumbnails are made: nothing left over */
  xs_review_evidence_set_claim (XS_REVIEW_EVIDENCE (evidence), NULL);
  xs_review_evidence_set_claim (XS_REVIEW_EVIDENCE (evidence), claim);
  xs_review_evidence_set_claim (XS_REVIEW_EVIDENCE (evidence), NULL);
  g_assert_cmpuint (xs_review_evidence_get_selected (XS_REVIEW_EVIDENCE (evidence)), ==, GTK_INVALID_LIST_POSITION);

  gtk_window_destroy (window);
  xs_gui_test_finalize (evidence, 5000);
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

  g_test_add_func ("/review-evidence/scans", test_review_evidence_scans);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
