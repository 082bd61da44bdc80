/* test-gui-review-claims-view.c: the claims of a package as a list with
 * its search, filter and counts, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-package.h"
#include "xs-package-claim-item.h"
#include "xs-signing-key.h"
#include "xs-review-claims-view.h"
#include "xs-test-util.h"

static XsDb *the_db;

static void
on_activate (XsReviewClaimsView *view,
             guint               position,
             guint              *activated)
{
  *activated = position;
}

typedef struct
{
  GtkWidget  *view;
  const char *text;
} Count;

static gboolean
shows_count (gpointer data)
{
  const Count *count = data;

  return xs_gui_test_find (count->view, GTK_TYPE_LABEL, count->text) != NULL;
}

/* The search is applied after a pause: waits until the count says @text. */
static gboolean
wait_for_count (GtkWidget  *view,
                const char *text)
{
  Count count = { view, text };

  return xs_gui_test_wait_until (shows_count, &count, 5000);
}

/* @view alone in a window @width pixels wide, shown. */
static GtkWindow *
show_in_window (GtkWidget *view,
                int        width)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, 600);
  gtk_window_set_child (window, view);
  gtk_window_present (window);
  return window;
}

static gboolean
undecided_only (XsReviewClaimList *list)
{
  gboolean only = FALSE;

  g_object_get (list, "undecided-only", &only, NULL);
  return only;
}

static void
test_review_claims_view_filter (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(XsReviewClaimList) list = xs_review_claim_list_new ();
  GtkWidget *view = g_object_ref_sink (xs_review_claims_view_new ());
  XsPackageClaimItem *items[3];
  GtkToggleButton *undecided;
  GtkWidget *search;
  GtkWindow *window;
  guint activated = G_MAXUINT;

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    items[i] = xs_package_claim_item_new (package, i, NULL);
  window = show_in_window (view, 360);
  g_signal_connect (view, "activate", G_CALLBACK (on_activate), &activated);

  /* the list takes the view's filter: only the side's to-do */
  g_object_set (view, "list", list, NULL);
  g_assert_true (xs_review_claims_view_get_list (XS_REVIEW_CLAIMS_VIEW (view)) == list);
  g_assert_true (undecided_only (list));
  xs_review_claim_list_set_side (list, XS_REVIEW_SIDE_INDUSTRY);
  xs_review_claim_list_add (list, items, 3);
  g_assert_nonnull (xs_gui_test_find (view, GTK_TYPE_LABEL, "3 of 3 claims shown · 0 decided"));
  g_assert_nonnull (xs_gui_test_find (view, GTK_TYPE_LABEL, xs_package_claim_item_get_name (items[1])));

  /* a decision: counted, out of the to-do */
  xs_package_claim_item_set_decision (items[0], XS_STATUS_APPROVED, NULL, XS_REVIEW_SIDE_INDUSTRY, "审核员䶮𠮷");
  xs_review_claim_list_refilter (list);
  g_assert_nonnull (xs_gui_test_find (view, GTK_TYPE_LABEL, "2 of 3 claims shown · 1 decided"));

  /* every claim, then searched by name */
  undecided = GTK_TOGGLE_BUTTON (xs_gui_test_find (view, GTK_TYPE_TOGGLE_BUTTON, "Undecided"));
  g_assert_nonnull (undecided);
  gtk_toggle_button_set_active (undecided, FALSE);
  g_assert_false (undecided_only (list));
  g_assert_nonnull (xs_gui_test_find (view, GTK_TYPE_LABEL, "3 of 3 claims shown · 1 decided"));
  search = xs_gui_test_find (view, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), xs_package_claim_item_get_name (items[2]));
  g_assert_true (wait_for_count (view, "1 of 3 claims shown · 1 decided"));

  /* opening a claim chooses it, then says so */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_assert_true (wait_for_count (view, "3 of 3 claims shown · 1 decided"));
  g_signal_emit_by_name (xs_gui_test_find (view, GTK_TYPE_LIST_VIEW, NULL), "activate", 2);
  g_assert_cmpuint (activated, ==, 2);
  g_assert_true (xs_review_claim_list_get_current (list) == items[2]);

  /* the search takes the keyboard */
  xs_review_claims_view_focus_search (XS_REVIEW_CLAIMS_VIEW (view));
  xs_gui_test_iterate (20);
  g_assert_true (gtk_widget_is_focus (search) || gtk_widget_get_focus_child (search) != NULL);

  for (guint i = 0; i < 3; i++)
    g_object_unref (items[i]);
  gtk_window_destroy (window);
  xs_gui_test_finalize (view, 5000);
}

/* Whether @view shows its list (and not the page saying why it is empty). */
static gboolean
list_visible (GtkWidget *view)
{
  GtkWidget *list_view = xs_gui_test_find (view, GTK_TYPE_LIST_VIEW, NULL);

  return gtk_widget_get_mapped (list_view);
}

/* With every claim decided, or a search that finds none, the list says so
 * and how to see the claims, instead of standing empty. */
static void
test_review_claims_view_empty (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 4, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(XsReviewClaimList) list = xs_review_claim_list_new ();
  GtkWidget *view = g_object_ref_sink (xs_review_claims_view_new ());
  XsPackageClaimItem *items[3];
  GtkWidget *search, *show_all;
  GtkWindow *window;

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    items[i] = xs_package_claim_item_new (package, i, NULL);
  window = show_in_window (view, 360);
  g_object_set (view, "list", list, NULL);
  xs_review_claim_list_set_side (list, XS_REVIEW_SIDE_INDUSTRY);
  xs_review_claim_list_add (list, items, 3);
  xs_gui_test_iterate (20);
  g_assert_true (list_visible (view));

  /* everything decided: nothing left under Undecided */
  for (guint i = 0; i < 3; i++)
    xs_package_claim_item_set_decision (items[i], XS_STATUS_APPROVED, NULL, XS_REVIEW_SIDE_INDUSTRY, "审核员");
  xs_review_claim_list_refilter (list);
  g_assert_true (wait_for_count (view, "0 of 3 claims shown · 3 decided"));
  xs_gui_test_iterate (20);
  g_assert_false (list_visible (view));
  g_assert_nonnull (xs_gui_test_find (view, ADW_TYPE_STATUS_PAGE, "Nothing Left to Decide"));
  show_all = xs_gui_test_find (view, GTK_TYPE_BUTTON, "how All Claims");
  g_assert_nonnull (show_all);
  g_assert_true (gtk_widget_get_mapped (show_all));

  /* its button turns Undecided off: the list again */
  g_signal_emit_by_name (show_all, "clicked");
  g_assert_true (wait_for_count (view, "3 of 3 claims shown · 3 decided"));
  xs_gui_test_iterate (20);
  g_assert_true (list_visible (view));

  /* a search that finds nothing, over every claim: no button to offer */
  search = xs_gui_test_find (view, GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "没有这个人");
  g_assert_true (wait_for_count (view, "0 of 3 claims shown · 3 decided"));
  xs_gui_test_iterate (20);
  g_assert_false (list_visible (view));
  g_assert_nonnull (xs_gui_test_find (view, ADW_TYPE_STATUS_PAGE, "No Claims Found"));
  g_assert_false (gtk_widget_get_visible (show_all));

  for (guint i = 0; i < 3; i++)
    g_object_unref (items[i]);
  gtk_window_destroy (window);
  xs_gui_test_finalize (view, 5000);
}

/* A long name is cut in its row, and the list stays as narrow as the
 * review window's list pane (340 pixels): it used to widen the pane to the
 * name's length, the panes jumping when such a claim came into the list. */
static void
test_review_claims_view_long_name (void)
{
  const char *long_name = "阿卜杜热合曼·买买提艾力·Alexander Maximilian Longname-Smith";
  g_autofree char *first = xs_test_export_package (the_db, 7, 1);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.zip", NULL);
  XsPackageQuery query = { 2018, NULL, NULL };
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = NULL;
  g_autoptr(XsReviewClaimList) list = xs_review_claim_list_new ();
  GtkWidget *view = g_object_ref_sink (xs_review_claims_view_new ());
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *window;
  int minimum = 0;

  /* the same trainee, renamed, in a package of its own */
  xs_test_add_trainee_full (the_db, 7, long_name, NULL);
  key = xs_signing_key_open (xs_db_get_data_dir (the_db), &error);
  g_assert_no_error (error);
  g_assert_true (xs_package_export (the_db, key, "漯河市职业技术学院继续教育基地", &query, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  package = xs_package_open (path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < xs_package_get_n_claims (package); i++)
    g_ptr_array_add (items, xs_package_claim_item_new (package, i, NULL));

  window = show_in_window (view, 340);
  g_object_set (view, "list", list, NULL);
  xs_review_claim_list_set_side (list, XS_REVIEW_SIDE_INDUSTRY);
  xs_review_claim_list_add (list, (XsPackageClaimItem **) items->pdata, items->len);
  xs_gui_test_iterate (50);
  g_assert_nonnull (xs_gui_test_find (view, GTK_TYPE_LABEL, long_name));
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 340);

  gtk_window_destroy (window);
  xs_gui_test_finalize (view, 5000);
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

  g_test_add_func ("/review-claims-view/filter", test_review_claims_view_filter);
  g_test_add_func ("/review-claims-view/empty", test_review_claims_view_empty);
  g_test_add_func ("/review-claims-view/long-name", test_review_claims_view_long_name);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
