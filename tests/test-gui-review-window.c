/* test-gui-review-window.c: a reviewer's window on a submission package,
 * its decisions file and the window's Import Decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <archive.h>
#include <archive_entry.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-evidence-viewer.h"
#include "xs-gui-test-util.h"
#include "xs-hours-import.h"
#include "xs-package-claim-item.h"
#include "xs-package.h"
#include "xs-review-window.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"
#include "xs-window-package-private.h"

#define BASE_NAME "漯河市职业技术学院继续教育基地"
#define REASON "专利证书与申报人不符"

/* One base (database, profile) and one reviewer's settings per test
 * program, no application; each test has its own trainees, at an employer
 * of its own, and exports only theirs. */

static XsDb *the_db;
static XsBaseProfile *the_profile;
static GSettings *the_settings;

/* The base's name, saved in its profile as Preferences do. */
static void
set_base_name (const char *name)
{
  g_autoptr(GError) error = NULL;

  xs_base_profile_set_name (the_profile, name);
  g_assert_true (xs_base_profile_save (the_profile, the_db, &error));
  g_assert_no_error (error);
}

typedef struct
{
  char          *ids[3];
  gint64         patents[2];
  char          *dir;
  char          *package;
} Fixture;

static gint64
add_patent (XsDb               *db,
            const char         *id_number,
            const char         *title,
            const char * const *scans)
{
  g_autoptr(GError) error = NULL;
  gint64 trainee_id = xs_trainee_store_find_id (db, id_number, &error);
  gint64 id;

  g_assert_no_error (error);
  id = xs_test_add_patent (db, trainee_id, 2018, 200, title, scans);
  g_assert_true (xs_claim_store_submit (db, id, &error));
  g_assert_no_error (error);
  return id;
}

/* Three trainees with their public and professional hours, two submitted
 * patents with scans, and the package of 2018. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) roster = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(GString) hours = g_string_new ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n");
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "王芳", "李娜", "张伟" };
  g_autofree char *scan1 = xs_test_write_png ("专利证书1.png", 64, 48, 10);
  g_autofree char *scan2 = xs_test_write_png ("专利证书2.png", 64, 48, 20);
  const char *both[] = { scan1, scan2, NULL };
  const char *first[] = { scan1, NULL };
  g_autofree char *employer = g_strdup_printf ("漯河市中心医院%u", GPOINTER_TO_UINT (data));
  XsPackageQuery query = { 2018, NULL, employer };
  XsDb *db;

  /* no reviewer yet: the HR department by default */
  g_settings_reset (the_settings, "reviewer-name");
  g_settings_reset (the_settings, "review-side");
  db = the_db;
  g_assert_nonnull (db);
  for (guint i = 0; i < 3; i++)
    {
      fixture->ids[i] = xs_test_id_number (i + 10 * GPOINTER_TO_UINT (data));
      g_string_append_printf (roster, "%s,%s,%s\n", names[i], fixture->ids[i], employer);
      g_string_append_printf (hours,
                              "%s,%s,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                              "%s,%s,2018,专业科目,,60,1,临床诊疗规范培训班,2018-04-14\n",
                              fixture->ids[i], names[i], fixture->ids[i], names[i]);
    }
  xs_test_import (db, roster->str, TRUE, NULL);
  xs_test_import (db, hours->str, FALSE, NULL);
  fixture->patents[0] = add_patent (db, fixture->ids[0], "一种输液装置", both);
  fixture->patents[1] = add_patent (db, fixture->ids[1], "一种采血针", first);

  key = xs_signing_key_open (xs_db_get_data_dir (db), &error);
  g_assert_no_error (error);
  fixture->dir = xs_test_make_tmpdir ();
  fixture->package = g_build_filename (fixture->dir, "学时申报-2018.zip", NULL);
  g_assert_true (xs_package_export (db, key, BASE_NAME, &query, fixture->package, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture->ids); i++)
    g_free (fixture->ids[i]);
  g_free (fixture->dir);
  g_free (fixture->package);
}

static gboolean
is_opened (gpointer user_data)
{
  return g_strcmp0 (xs_review_window_get_page (user_data), "loading") != 0;
}

static XsReviewWindow *
open_review (const char *path)
{
  XsReviewWindow *window = xs_review_window_new_for (the_settings, NULL, path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (xs_gui_test_wait_until (is_opened, window, 30000));
  xs_gui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* The position of the shown claim titled @title. */
static guint
find_claim (XsReviewWindow *window,
            const char     *title)
{
  GListModel *claims = xs_review_window_get_claims (window);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(XsPackageClaimItem) item = g_list_model_get_item (claims, i);

      if (g_strcmp0 (xs_package_claim_item_get_title (item), title) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static XsPackageClaimItem *
selected_item (XsReviewWindow *window)
{
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (xs_review_window_get_claims (window)));
}

static gboolean
has_pages (gpointer user_data)
{
  return xs_evidence_viewer_get_n_pages (user_data) > 0;
}

static gboolean
is_saved (gpointer user_data)
{
  return !xs_review_window_get_modified (user_data);
}

static gboolean
is_trusted (gpointer user_data)
{
  return xs_review_window_get_trust (user_data) == XS_PACKAGE_TRUST_TRUSTED;
}

static gboolean
key_asked (gpointer user_data)
{
  return xs_gui_test_find_dialog_headed ("Make Your Reviewer Key?") != NULL;
}

static gboolean
file_exists (gpointer user_data)
{
  return g_file_test (user_data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
report_shown (gpointer user_data)
{
  return xs_gui_test_find_dialog_headed (user_data) != NULL;
}

/* The subtitle of the action row under @root whose subtitle is @text. */
static const char *
find_subtitle (GtkWidget  *root,
               const char *text)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), text) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (root));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_subtitle (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static XsStatus
claim_status (XsDb   *db,
              gint64  id,
              char  **reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsClaim) claim = xs_claim_store_get (db, id, &error);
  XsStatus status;

  g_assert_no_error (error);
  status = claim->status;
  if (reason != NULL)
    *reason = g_strdup (claim->reason);
  return status;
}

static void
test_review_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  XsReviewWindow *review = open_review (fixture->package);
  g_autofree char *masked = NULL;
  g_autofree char *decisions = g_build_filename (fixture->dir, "decisions-2018.json", NULL);
  g_autofree char *reason = NULL;
  g_autofree char *again = g_build_filename (fixture->dir, "hours-submission-2018.zip", NULL);
  g_autoptr(GError) error = NULL;
  XsPackage *exported;
  XsDb *db = the_db;
  XsWindow *window = NULL;
  XsEvidenceViewer *viewer;
  AdwMessageDialog *dialog;
  GtkWidget *approve;
  GtkWidget *blocked;
  GtkWidget *entry;
  GtkToggleButton *undecided;
  XsPackageClaimItem *patent;

  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);
  g_assert_cmpstr (xs_review_window_get_page (review), ==, "package");
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (review)), BASE_NAME));

  /* signed by a base this reviewer does not trust yet: a warning with the
   * key's fingerprint, and a button that asks before trusting */
  {
    g_autofree char *fingerprint = xs_public_key_fingerprint (xs_package_get_base_key (xs_review_window_get_package (review)));
    GtkWidget *trust_button;

    g_assert_cmpint (xs_review_window_get_trust (review), ==, XS_PACKAGE_TRUST_UNKNOWN);
    g_assert_nonnull (strstr (xs_review_window_get_trust_text (review), fingerprint));
    trust_button = xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_BUTTON, "Trust This Base…");
    g_assert_nonnull (trust_button);
    g_assert_true (gtk_widget_get_visible (trust_button));
    xs_gui_test_iterate (300);
    xs_gui_test_maybe_shoot (GTK_WIDGET (review), "review-unknown-signer.png");
    xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (review));
    xs_gui_test_assert_controls_named (GTK_WIDGET (review));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.trust-base", NULL));
    dialog = xs_gui_test_find_dialog_headed ("Trust This Base?");
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), fingerprint));
    adw_message_dialog_response (dialog, "trust");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_true (xs_gui_test_wait_until (is_trusted, review, 30000));
    g_assert_nonnull (strstr (xs_review_window_get_trust_text (review), BASE_NAME));
    g_assert_false (gtk_widget_get_visible (trust_button));
    xs_gui_test_iterate (300);
    xs_gui_test_maybe_shoot (GTK_WIDGET (review), "review-trusted.png");
  }

  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, "王芳"));
  masked = g_strdup_printf ("%.6s********%s", fixture->ids[0], fixture->ids[0] + 14);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, masked));
  g_assert_null (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, fixture->ids[0]));
  /* 待审核 by default: what the HR department (the default side) can decide */
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, "3 of 8 claims shown · 0 decided"));
  undecided = GTK_TOGGLE_BUTTON (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_TOGGLE_BUTTON, "Undecided"));
  g_assert_nonnull (undecided);
  g_assert_true (gtk_toggle_button_get_active (undecided));
  /* off: public, professional and the patents of three trainees */
  gtk_toggle_button_set_active (undecided, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (xs_review_window_get_claims (review)), ==, 8);
  xs_gui_test_iterate (20);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, "8 of 8 claims shown · 0 decided"));

  /* an industry reviewer may not decide public hours, and reads why */
  xs_review_window_set_reviewer (review, "卫健委审核员", XS_REVIEW_SIDE_INDUSTRY);
  xs_review_window_select (review, find_claim (review, "公需科目网络培训（必修）"));
  approve = xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_BUTTON, "Approve");
  g_assert_nonnull (approve);
  xs_gui_test_iterate (50);
  /* a claim shown: its decision buttons beside the list and the search */
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (review));
  xs_gui_test_assert_menu_mnemonics (GTK_WIDGET (review));
  xs_gui_test_assert_controls_named (GTK_WIDGET (review));
  g_assert_false (gtk_widget_is_sensitive (approve));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (approve), ==, "Only the HR department decides public hours");
  blocked = xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, "Only the HR department decides public hours");
  g_assert_nonnull (blocked);
  g_assert_true (gtk_widget_get_mapped (blocked));

  /* the patent with its two scans, shown in the evidence viewer */
  xs_review_window_select (review, find_claim (review, "一种输液装置"));
  xs_gui_test_iterate (50);
  g_assert_true (gtk_widget_is_sensitive (approve));
  viewer = XS_EVIDENCE_VIEWER (xs_gui_test_find (GTK_WIDGET (review), XS_TYPE_EVIDENCE_VIEWER, NULL));
  g_assert_nonnull (viewer);
  g_assert_true (xs_gui_test_wait_until (has_pages, viewer, 30000));
  /* two scans: thumbnails and "1 / 2"; the next one is shown */
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, "1 / 2"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.next-scan", NULL));
  xs_gui_test_iterate (20);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, "2 / 2"));
  g_assert_false (gtk_widget_get_visible (blocked));
  patent = g_object_ref (selected_item (review));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.approve", NULL));
  g_assert_cmpint (xs_package_claim_item_get_decision (patent), ==, XS_STATUS_APPROVED);
  g_assert_true (xs_review_window_get_modified (review));
  /* on to a claim the industry department can decide */
  g_assert_true (selected_item (review) != patent);
  g_assert_cmpint (xs_package_claim_item_get_side (selected_item (review)), ==, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_cmpint (xs_package_claim_item_get_decision (selected_item (review)), ==, XS_STATUS_SUBMITTED);
  g_clear_object (&patent);

  /* Reject asks for the reason; the dialog's entry gives it */
  xs_review_window_select (review, find_claim (review, "一种采血针"));
  patent = g_object_ref (selected_item (review));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.reject", NULL));
  dialog = xs_gui_test_find_dialog_headed ("Reject the Claim?");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reject"));
  entry = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Reason");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reject"));
  gtk_editable_set_text (GTK_EDITABLE (entry), REASON);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reject"));
  adw_message_dialog_response (dialog, "reject");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (xs_package_claim_item_get_decision (patent), ==, XS_STATUS_REJECTED);
  g_assert_cmpstr (xs_package_claim_item_get_reason (patent), ==, REASON);
  g_clear_object (&patent);
  xs_gui_test_iterate (50);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, "Rejected: " REASON));

  /* the panes keep their widths whichever claim is shown */
  {
    /* the leaflet's child holding the list */
    GtkWidget *list_pane = gtk_widget_get_ancestor (GTK_WIDGET (undecided), ADW_TYPE_CLAMP);
    GtkWidget *details = gtk_widget_get_parent (xs_gui_test_find (GTK_WIDGET (review), ADW_TYPE_ACTION_ROW, "Trainee"));
    int list_width, details_width;

    xs_review_window_select (review, find_claim (review, "一种输液装置"));
    xs_gui_test_iterate (100);
    list_width = gtk_widget_get_width (list_pane);
    details_width = gtk_widget_get_width (details);
    /* the list's width is its own, not what is left beside the claim */
    g_assert_cmpint (list_width, ==, 340);
    for (guint i = 0; i < g_list_model_get_n_items (xs_review_window_get_claims (review)); i++)
      {
        xs_review_window_select (review, i);
        xs_gui_test_iterate (50);
        g_assert_cmpint (gtk_widget_get_width (list_pane), ==, list_width);
        g_assert_cmpint (gtk_widget_get_width (details), ==, details_width);
      }
    /* nor when the header's texts change */
    xs_review_window_set_reviewer (review, "漯河市卫生健康委员会继续教育审核办公室审核员", XS_REVIEW_SIDE_INDUSTRY);
    xs_gui_test_iterate (50);
    g_assert_cmpint (gtk_widget_get_width (list_pane), ==, list_width);
    xs_review_window_set_reviewer (review, "卫健委审核员", XS_REVIEW_SIDE_INDUSTRY);
    gtk_toggle_button_set_active (undecided, TRUE);
    xs_gui_test_iterate (50);
    g_assert_cmpint (gtk_widget_get_width (list_pane), ==, list_width);
    gtk_toggle_button_set_active (undecided, FALSE);
  }

  /* 待审核 leaves the industry department's three others */
  gtk_toggle_button_set_active (undecided, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (xs_review_window_get_claims (review)), ==, 3);
  gtk_toggle_button_set_active (undecided, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (xs_review_window_get_claims (review)), ==, 8);

  /* the first save makes the reviewer's key, after asking */
  xs_review_window_save_to (review, decisions);
  g_assert_true (xs_gui_test_wait_until (key_asked, NULL, 30000));
  dialog = xs_gui_test_find_dialog_headed ("Make Your Reviewer Key?");
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (is_saved, review, 30000));
  g_assert_true (g_file_test (decisions, G_FILE_TEST_IS_REGULAR));

  /* Export My Key… gives the base the public half */
  {
    g_autofree char *pub = g_build_filename (fixture->dir, "reviewer-key.pub", NULL);
    g_auto(GStrv) keys = NULL;

    xs_review_window_export_key_to (review, pub);
    g_assert_true (xs_gui_test_wait_until (file_exists, pub, 30000));
    xs_gui_test_iterate (100);
    keys = xs_public_key_read_file (pub, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (keys), ==, 1);
  }

  /* the base registers the reviewer's key (Preferences or xueshi-cli reviewers add) */
  {
    g_autofree char *reviewer_dir = xs_reviewer_dir_resolve (NULL);
    g_autofree char *key_path = xs_reviewer_key_path (reviewer_dir);
    g_autoptr(XsSigningKey) reviewer_key = xs_signing_key_open_file (key_path, &error);

    g_assert_no_error (error);
    g_assert_cmpint (xs_reviewers_add (db, "卫健委审核员", XS_REVIEW_SIDE_INDUSTRY,
                                       xs_signing_key_get_public_text (reviewer_key), &error), >, 0);
    g_assert_no_error (error);
  }

  /* saved: closing asks nothing */
  gtk_window_close (GTK_WINDOW (review));
  xs_gui_test_iterate (200);
  g_assert_null (review);

  /* the base applies them from its window */
  set_base_name (BASE_NAME);
  xs_gui_test_open_window (the_db, the_profile, 2018, &window);
  /* first what it would do, with names */
  _xs_window_import_decisions (window, decisions);
  g_assert_true (xs_gui_test_wait_until (report_shown, (gpointer) "Apply the Decisions?", 30000));
  dialog = xs_gui_test_find_dialog_headed ("Apply the Decisions?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "Approved: 1 · Not approved: 1 · Refused: 0.");
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "王芳"));
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "李娜"));
  g_assert_cmpint (claim_status (db, fixture->patents[0], NULL), ==, XS_STATUS_SUBMITTED);
  adw_message_dialog_response (dialog, "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (report_shown, (gpointer) "Decisions Applied", 30000));
  dialog = xs_gui_test_find_dialog_headed ("Decisions Applied");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "2 decisions applied.");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (claim_status (db, fixture->patents[0], NULL), ==, XS_STATUS_APPROVED);
  g_assert_cmpint (claim_status (db, fixture->patents[1], &reason), ==, XS_STATUS_REJECTED);
  g_assert_cmpstr (reason, ==, REASON);

  /* again: the file says when it was applied, each row is refused, with
   * its trainee's name, and nothing can be applied */
  _xs_window_import_decisions (window, decisions);
  g_assert_true (xs_gui_test_wait_until (report_shown, (gpointer) "Apply the Decisions?", 30000));
  dialog = xs_gui_test_find_dialog_headed ("Apply the Decisions?");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "This file was already applied on 20"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Refused: 2."));
  g_assert_cmpstr (find_subtitle (GTK_WIDGET (dialog), "decisions-2018.json:1"), ==, "decisions-2018.json:1");
  g_assert_cmpstr (find_subtitle (GTK_WIDGET (dialog), "decisions-2018.json:2"), ==, "decisions-2018.json:2");
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "王芳"));
  g_assert_false (adw_message_dialog_has_response (dialog, "apply-valid"));
  g_assert_false (adw_message_dialog_has_response (dialog, "apply"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* and exports the year again: the decided claims are in it */
  _xs_window_export_package (window, again);
  g_assert_true (xs_gui_test_wait_until (file_exists, again, 30000));
  xs_gui_test_iterate (200);
  exported = xs_package_open (again, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_package_get_n_claims (exported), ==, 8);
  g_assert_cmpstr (xs_package_get_base_name (exported), ==, BASE_NAME);
  g_clear_object (&exported);
  set_base_name ("");

  gtk_window_destroy (GTK_WINDOW (window));
  xs_gui_test_iterate (300);
  g_assert_null (window);
}

/* Unsaved decisions ask before the window closes; the reviewer is asked
 * for once before the first decision. */
static void
test_review_unsaved (Fixture       *fixture,
                     gconstpointer  data)
{
  XsReviewWindow *review = open_review (fixture->package);
  AdwMessageDialog *dialog;
  GtkWidget *name;

  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);
  /* every claim, the other side's too */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_TOGGLE_BUTTON,
                                                                     "Undecided")), FALSE);
  xs_review_window_select (review, find_claim (review, "一种输液装置"));

  /* HR is the default side: a patent is the industry department's */
  g_assert_false (gtk_widget_is_sensitive (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_BUTTON, "Approve")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.set-reviewer", NULL));
  dialog = xs_gui_test_find_dialog_headed ("Who Is Reviewing?");
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "ok"));
  name = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (name), "卫健委审核员");
  adw_combo_row_set_selected (ADW_COMBO_ROW (xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL)), 1);
  /* Enter in the name answers the dialog */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (name, "entry-activated");
  xs_gui_test_iterate (100);
  g_assert_null (dialog);
  g_assert_true (gtk_widget_is_sensitive (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_BUTTON, "Approve")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.approve", NULL));
  g_assert_true (xs_review_window_get_modified (review));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.clear", NULL));
  g_assert_cmpint (xs_package_claim_item_get_decision (selected_item (review)), ==, XS_STATUS_SUBMITTED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.approve", NULL));

  gtk_window_close (GTK_WINDOW (review));
  xs_gui_test_iterate (100);
  g_assert_nonnull (review);
  dialog = xs_gui_test_find_dialog_headed ("Save the Decisions?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (2000);
  g_assert_null (review);
}

static gboolean
is_autosaved (gpointer user_data)
{
  return xs_review_window_get_autosaved (user_data);
}

/* The item of the package's claim titled @title, shown or not. */
static XsPackageClaimItem *
item_titled (XsReviewWindow *window,
             const char     *title,
             const char     *name)
{
  GListModel *claims = G_LIST_MODEL (gtk_filter_list_model_get_model (
    GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (xs_review_window_get_claims (window))))));

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(XsPackageClaimItem) item = g_list_model_get_item (claims, i);

      if (g_strcmp0 (xs_package_claim_item_get_title (item), title) == 0
          && (name == NULL || g_strcmp0 (xs_package_claim_item_get_name (item), name) == 0))
        return item;
    }
  g_assert_not_reached ();
}

static gboolean
is_approved (gpointer user_data)
{
  return xs_package_claim_item_get_decision (user_data) == XS_STATUS_APPROVED;
}

static gboolean
continue_offered (gpointer user_data)
{
  return xs_gui_test_find_dialog_headed ("Continue the Review?") != NULL;
}

/* Approving as the HR department, switching to the industry department and
 * deciding more saves each decision with its side and reviewer; the work
 * is kept after every decision, a new window offers to continue with it,
 * and Undo takes a decision back. */
static void
test_review_side_switch_restart (Fixture       *fixture,
                                 gconstpointer  data)
{
  XsReviewWindow *review = open_review (fixture->package);
  g_autofree char *decisions = g_build_filename (fixture->dir, "审核结果-2018.json", NULL);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  XsPackageClaimItem *item;
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);

  /* HR: public hours of 王芳; the next claim HR can decide comes up */
  xs_review_window_set_reviewer (review, "人社局审核员", XS_REVIEW_SIDE_HR);
  xs_review_window_select (review, find_claim (review, "公需科目网络培训（必修）"));
  item = selected_item (review);
  g_assert_cmpstr (xs_package_claim_item_get_name (item), ==, "王芳");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.approve", NULL));
  g_assert_cmpint (xs_package_claim_item_get_side (selected_item (review)), ==, XS_REVIEW_SIDE_HR);
  g_assert_cmpint (xs_package_claim_item_get_decision (selected_item (review)), ==, XS_STATUS_SUBMITTED);
  /* decided: off the 待审核 list */
  g_assert_cmpuint (g_list_model_get_n_items (xs_review_window_get_claims (review)), ==, 2);

  /* the industry department: its claims only; a patent approved, another rejected */
  xs_review_window_set_reviewer (review, "卫健委审核员", XS_REVIEW_SIDE_INDUSTRY);
  g_assert_cmpuint (g_list_model_get_n_items (xs_review_window_get_claims (review)), ==, 5);
  xs_review_window_select (review, find_claim (review, "一种输液装置"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.approve", NULL));
  xs_review_window_select (review, find_claim (review, "一种采血针"));
  xs_review_window_reject (review, REASON);
  g_assert_cmpint (xs_package_claim_item_get_decision (item_titled (review, "一种采血针", NULL)), ==,
                   XS_STATUS_REJECTED);

  /* Undo (Ctrl+Z) takes the rejection back, and the claim is shown again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.undo", NULL));
  item = item_titled (review, "一种采血针", NULL);
  g_assert_cmpint (xs_package_claim_item_get_decision (item), ==, XS_STATUS_SUBMITTED);
  g_assert_true (selected_item (review) == item);
  xs_review_window_reject (review, REASON);

  /* the decisions file holds each decision with the side it was made as */
  xs_review_window_save_to (review, decisions);
  g_assert_true (xs_gui_test_wait_until (is_saved, review, 30000));
  written = xs_decisions_read (xs_review_window_get_package (review), decisions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 3);
  for (guint i = 0; i < written->len; i++)
    {
      const XsDecision *decision = g_ptr_array_index (written, i);
      XsPackageClaimItem *decided = NULL;
      GListModel *all = G_LIST_MODEL (gtk_filter_list_model_get_model (
        GTK_FILTER_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (xs_review_window_get_claims (review))))));

      for (guint j = 0; j < g_list_model_get_n_items (all); j++)
        {
          g_autoptr(XsPackageClaimItem) candidate = g_list_model_get_item (all, j);

          if (g_strcmp0 (xs_package_claim_item_get_ref (candidate), decision->ref) == 0)
            decided = candidate;
        }
      g_assert_nonnull (decided);
      g_assert_cmpint (decision->side, ==, xs_package_claim_item_get_side (decided));
      g_assert_cmpstr (decision->reviewer, ==,
                       decision->side == XS_REVIEW_SIDE_HR ? "人社局审核员" : "卫健委审核员");
    }

  /* a restart in the middle: the window goes, its work was kept */
  g_assert_true (xs_gui_test_wait_until (is_autosaved, review, 30000));
  gtk_window_destroy (GTK_WINDOW (review));
  xs_gui_test_iterate (200);
  g_assert_null (review);

  review = open_review (fixture->package);
  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);
  g_assert_true (xs_gui_test_wait_until (continue_offered, NULL, 30000));
  dialog = xs_gui_test_find_dialog_headed ("Continue the Review?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 decisions"));
  adw_message_dialog_response (dialog, "continue");
  gtk_window_destroy (GTK_WINDOW (dialog));

  item = item_titled (review, "公需科目网络培训（必修）", "王芳");
  g_assert_cmpint (xs_package_claim_item_get_decision (item), ==, XS_STATUS_APPROVED);
  g_assert_cmpint (xs_package_claim_item_get_decided_side (item), ==, XS_REVIEW_SIDE_HR);
  g_assert_cmpstr (xs_package_claim_item_get_reviewer (item), ==, "人社局审核员");
  item = item_titled (review, "一种输液装置", NULL);
  g_assert_cmpint (xs_package_claim_item_get_decision (item), ==, XS_STATUS_APPROVED);
  g_assert_cmpint (xs_package_claim_item_get_decided_side (item), ==, XS_REVIEW_SIDE_INDUSTRY);
  item = item_titled (review, "一种采血针", NULL);
  g_assert_cmpint (xs_package_claim_item_get_decision (item), ==, XS_STATUS_REJECTED);
  g_assert_cmpstr (xs_package_claim_item_get_reason (item), ==, REASON);
  g_assert_cmpstr (xs_package_claim_item_get_reviewer (item), ==, "卫健委审核员");

  /* Open Decisions… loads a saved file back over a cleared decision */
  xs_review_window_set_reviewer (review, "卫健委审核员", XS_REVIEW_SIDE_INDUSTRY);
  xs_review_window_select (review, 0);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_TOGGLE_BUTTON,
                                                                     "Undecided")), FALSE);
  xs_review_window_select (review, find_claim (review, "一种输液装置"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.clear", NULL));
  g_assert_cmpint (xs_package_claim_item_get_decision (item_titled (review, "一种输液装置", NULL)), ==,
                   XS_STATUS_SUBMITTED);
  xs_review_window_load_decisions (review, decisions);
  g_assert_true (xs_gui_test_wait_until (is_approved, item_titled (review, "一种输液装置", NULL), 30000));

  gtk_window_destroy (GTK_WINDOW (review));
  xs_gui_test_iterate (200);
  g_assert_null (review);
}

/* A ZIP with a manifest and a member that climbs out of its folder. */
static char *
write_hostile_zip (const char *dir)
{
  static const char *names[] = { "manifest.json", "../evil.txt" };
  static const char *texts[] = { "{\"format\": 1}", "owned" };
  char *path = g_build_filename (dir, "hostile.zip", NULL);
  struct archive *archive = archive_write_new ();

  archive_write_set_format_zip (archive);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize length = strlen (texts[i]);

      archive_entry_set_pathname (entry, names[i]);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_size (entry, length);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (archive, texts[i], length), ==, length);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return path;
}

/* Garbage, a hostile ZIP, a cut-off package and a missing file: a status page with the
 * reason, nothing else. */
static void
test_review_broken (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *garbage = xs_test_write_file ("package.zip", "PK\003\004 not really a zip", -1);
  g_autofree char *contents = NULL;
  g_autofree char *cut = g_build_filename (fixture->dir, "cut.zip", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.zip", NULL);
  g_autofree char *hostile = write_hostile_zip (fixture->dir);
  g_autofree char *evil = g_build_filename (fixture->dir, "..", "evil.txt", NULL);
  const char *paths[] = { garbage, hostile, cut, missing };
  gsize length;

  g_assert_true (g_file_get_contents (fixture->package, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      XsReviewWindow *review = open_review (paths[i]);
      GtkWidget *status;

      g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);
      g_assert_cmpstr (xs_review_window_get_page (review), ==, "error");
      g_assert_null (xs_review_window_get_package (review));
      status = xs_gui_test_find (GTK_WIDGET (review), ADW_TYPE_STATUS_PAGE, "Cannot Open the Package");
      g_assert_nonnull (status);
      g_assert_true (gtk_widget_get_mapped (status));
      g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), !=, NULL);
      g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), !=, "");
      g_assert_false (gtk_widget_activate_action (GTK_WIDGET (review), "review.save", NULL)
                      && xs_review_window_get_modified (review));
      gtk_window_destroy (GTK_WINDOW (review));
      xs_gui_test_iterate (100);
      g_assert_null (review);
    }

  g_assert_false (g_file_test (evil, G_FILE_TEST_EXISTS));

  /* closing while it opens */
  {
    XsReviewWindow *early = xs_review_window_new_for (the_settings, NULL, fixture->package);

    g_object_add_weak_pointer (G_OBJECT (early), (gpointer *) &early);
    gtk_window_present (GTK_WINDOW (early));
    gtk_window_destroy (GTK_WINDOW (early));
    xs_gui_test_iterate (500);
    g_assert_null (early);
  }
}

/* Keyboard Shortcuts lists the review window's keys, in their own group. */
static void
test_review_shortcuts_listed (void)
{
  const char *accels[] = { "<Control>f", "<Alt>a", "<Alt>r", "<Alt>c", "<Control>z", "<Control>Page_Up",
                           "<Control>Page_Down", "<Alt>Left", "<Control>o", "<Control>s" };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GtkWidget *group = NULL;

  for (GSList *l = objects; l != NULL && group == NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_GROUP (l->data))
      {
        g_autofree char *title = NULL;

        g_object_get (l->data, "title", &title, NULL);
        if (g_strcmp0 (title, "Reviewing a Package") == 0)
          group = l->data;
      }
  g_assert_nonnull (group);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      gboolean found = FALSE;

      for (GtkWidget *child = gtk_widget_get_first_child (group); child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          g_autofree char *accelerator = NULL;

          if (!GTK_IS_SHORTCUTS_SHORTCUT (child))
            continue;
          g_object_get (child, "accelerator", &accelerator, NULL);
          found = found || g_strcmp0 (accelerator, accels[i]) == 0;
        }
      if (!found)
        g_error ("%s is not listed among the review window's keys", accels[i]);
    }
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

/* The review window fits a 360-px-wide screen, and on a package of a base
 * not trusted yet its notice reads as lines of text at 1440 px, not one
 * character per line. */
static void
test_review_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *reviewer_dir = g_build_filename (fixture->dir, "reviewer", NULL);
  XsReviewWindow *review;
  GtkWidget *label;
  int minimum = 0;
  int natural = 0;

  /* a reviewer of its own, who trusts no base yet */
  review = xs_review_window_new_for (the_settings, reviewer_dir, fixture->package);
  gtk_window_set_default_size (GTK_WINDOW (review), 1440, 900);
  gtk_window_present (GTK_WINDOW (review));
  g_assert_true (xs_gui_test_wait_until (is_opened, review, 30000));
  xs_gui_test_wait_for_draw (GTK_WIDGET (review));
  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);
  g_assert_cmpint (xs_review_window_get_trust (review), ==, XS_PACKAGE_TRUST_UNKNOWN);
  label = xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_LABEL, xs_review_window_get_trust_text (review));
  g_assert_nonnull (label);
  xs_gui_test_iterate (500);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpint (gtk_widget_get_width (label), >, 200);
  xs_gui_test_maybe_shoot (GTK_WIDGET (review), "review-untrusted-1440.png");

  /* a claim shown, so that its page counts too */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (xs_gui_test_find (GTK_WIDGET (review), GTK_TYPE_TOGGLE_BUTTON,
                                                                     "Undecided")), FALSE);
  xs_review_window_select (review, find_claim (review, "一种输液装置"));
  xs_gui_test_iterate (200);
  gtk_widget_measure (GTK_WIDGET (review), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("review window: minimum width %d px", minimum);
  g_assert_cmpint (minimum, <=, 360);

  gtk_window_set_default_size (GTK_WINDOW (review), 360, 720);
  xs_gui_test_iterate (500);
  xs_gui_test_maybe_shoot (GTK_WIDGET (review), "review-360.png");

  gtk_window_destroy (GTK_WINDOW (review));
  xs_gui_test_iterate (500);
  g_assert_null (review);
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
  the_profile = xs_base_profile_load (the_db, &error);
  g_assert_no_error (error);
  the_settings = g_settings_new (APP_ID);

  g_test_add_func ("/review-window/shortcuts-listed", test_review_shortcuts_listed);
  g_test_add ("/review-window/round-trip", Fixture, GUINT_TO_POINTER (0), fixture_set_up,
              test_review_round_trip, fixture_tear_down);
  g_test_add ("/review-window/unsaved", Fixture, GUINT_TO_POINTER (1), fixture_set_up,
              test_review_unsaved, fixture_tear_down);
  g_test_add ("/review-window/side-switch-restart", Fixture, GUINT_TO_POINTER (3), fixture_set_up,
              test_review_side_switch_restart, fixture_tear_down);
  g_test_add ("/review-window/broken", Fixture, GUINT_TO_POINTER (2), fixture_set_up,
              test_review_broken, fixture_tear_down);
  g_test_add ("/review-window/narrow", Fixture, GUINT_TO_POINTER (4), fixture_set_up,
              test_review_narrow, fixture_tear_down);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_settings);
  g_assert_finalize_object (the_profile);
  g_assert_finalize_object (the_db);
  return status;
}
