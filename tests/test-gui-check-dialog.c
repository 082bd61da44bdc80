/* test-gui-check-dialog.c: Check Data… finds altered and missing scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-check.h"
#include "xs-check-dialog.h"
#include "xs-claim-store.h"
#include "xs-evidence.h"
#include "xs-id-number.h"
#include "xs-trainee-store.h"
#include "xs-gui-test-util.h"
#include "xs-test-util.h"

static gboolean
is_finished (gpointer user_data)
{
  return xs_check_dialog_get_finished (user_data);
}

static GPtrArray *
run_check (const char *data_dir,
           char      **heading)
{
  XsCheckDialog *dialog = XS_CHECK_DIALOG (xs_check_dialog_new (NULL, data_dir));
  GPtrArray *problems;

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (is_finished, dialog, 30000));
  problems = g_ptr_array_ref (xs_check_dialog_get_problems (dialog));
  *heading = g_strdup (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (50);
  g_assert_finalize_object (dialog);
  return problems;
}

static void
test_check_dialog (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *scan = xs_test_fixture_path ("scan.jpg");
  g_autoptr(XsEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clean = NULL;
  g_autoptr(GPtrArray) altered = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *heading = NULL;

  evidence = xs_evidence_store_file (db, scan, 0, &error);
  g_assert_no_error (error);

  clean = run_check (xs_db_get_data_dir (db), &heading);
  g_assert_cmpuint (clean->len, ==, 0);
  g_assert_cmpstr (heading, ==, "No Problems Found");
  g_clear_pointer (&heading, g_free);

  /* someone edits the stored scan by hand */
  stored = xs_evidence_get_path (db, evidence->sha256);
  g_assert_true (g_file_set_contents (stored, "not the scan any more", -1, NULL));
  g_chmod (stored, 0600);

  altered = run_check (xs_db_get_data_dir (db), &heading);
  g_assert_cmpuint (altered->len, ==, 1);
  g_assert_cmpstr (heading, ==, "Problems Found");
}

/* Closing the dialog while it checks stops the worker and leaves nothing. */
static void
test_check_dialog_cancel (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  GtkWidget *dialog = xs_check_dialog_new (NULL, xs_db_get_data_dir (db));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  xs_gui_test_iterate (200);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (200);
  g_assert_null (dialog);
}

/* What the window's actions were asked. */
typedef struct
{
  gint64 claim_id;
  gint64 trainee_id;
} Opened;

static void
edit_claim_activated (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  ((Opened *) user_data)->claim_id = g_variant_get_int64 (param);
}

static void
show_trainee_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  ((Opened *) user_data)->trainee_id = g_variant_get_int64 (param);
}

/* The label of the listed problem whose links include @href. */
static GtkWidget *
find_link_label (GtkWidget  *root,
                 const char *href)
{
  if (GTK_IS_LABEL (root) && gtk_label_get_use_markup (GTK_LABEL (root))
      && strstr (gtk_label_get_label (GTK_LABEL (root)), href) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_link_label (child, href);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A damaged scan of one trainee's claim is listed with links to the claim
 * and to the trainee; following them asks the window to open them. */
static void
test_check_dialog_links (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *scan = xs_test_fixture_path ("scan.jpg");
  g_autofree char *id_number = xs_test_id_number (41);
  g_autofree char *claim_href = NULL;
  g_autofree char *trainee_href = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  const char *paths[] = { scan, NULL };
  Opened opened = { 0 };
  const GActionEntry entries[] = {
    { "edit-claim", edit_claim_activated, "x", NULL, NULL, { 0 } },
    { "show-trainee", show_trainee_activated, "x", NULL, NULL, { 0 } },
  };
  GtkWindow *holder;
  XsCheckDialog *dialog;
  GPtrArray *problems;
  XsCheckProblem *problem;
  GtkWidget *label;
  gboolean handled = FALSE;

  trainee->id_number = g_strdup (id_number);
  trainee->name = g_strdup ("欧阳䶮");
  trainee->sex = xs_id_number_get_sex (id_number);
  xs_id_number_get_birth_date (id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市中心医院");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  g_assert_no_error (error);
  claim.trainee_id = trainee->id;
  claim.year = 2018;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = 7;
  claim.hours = 100;
  claim.title = g_strdup ("一种输液装置");
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 20, 5, 2018);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  g_assert_true (xs_claim_store_attach (db, claim.id, "patent_certificate", paths, &error));
  g_assert_no_error (error);
  {
    g_autoptr(XsEvidence) evidence = xs_evidence_store_file (db, scan, 0, &error);

    g_assert_no_error (error);
    stored = xs_evidence_get_path (db, evidence->sha256);
  }
  g_chmod (stored, 0600);
  g_assert_true (g_file_set_contents (stored, "not the scan any more", -1, NULL));

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), &opened);
  holder = GTK_WINDOW (gtk_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (holder), "win", G_ACTION_GROUP (group));
  dialog = XS_CHECK_DIALOG (xs_check_dialog_new (holder, xs_db_get_data_dir (db)));
  g_object_ref (dialog);
  /* not modal: what a link opens is beside it, usable */
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (dialog)));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (is_finished, dialog, 30000));

  problems = xs_check_dialog_get_problems (dialog);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpuint (problem->n_claims, ==, 1);
  g_assert_cmpint (problem->claim_ids[0], ==, claim.id);
  g_assert_cmpint (problem->trainee_id, ==, trainee->id);

  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (dialog));
  claim_href = g_strdup_printf ("claim:%" G_GINT64_FORMAT, claim.id);
  trainee_href = g_strdup_printf ("trainee:%" G_GINT64_FORMAT, trainee->id);
  label = find_link_label (GTK_WIDGET (dialog), claim_href);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), trainee_href));
  /* the problem's words beside its links */
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "has been changed since it was attached"));

  g_signal_emit_by_name (label, "activate-link", claim_href, &handled);
  g_assert_true (handled);
  g_assert_cmpint (opened.claim_id, ==, claim.id);
  g_assert_cmpint (opened.trainee_id, ==, 0);
  g_signal_emit_by_name (label, "activate-link", trainee_href, &handled);
  g_assert_true (handled);
  g_assert_cmpint (opened.trainee_id, ==, trainee->id);
  /* anything else opens nothing, here or in a browser */
  opened.claim_id = opened.trainee_id = 0;
  handled = FALSE;
  g_signal_emit_by_name (label, "activate-link", "claim:x", &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (label, "activate-link", "https://example.invalid/", &handled);
  g_assert_true (handled);
  g_assert_cmpint (opened.claim_id, ==, 0);
  g_assert_cmpint (opened.trainee_id, ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (50);
  g_assert_finalize_object (dialog);
  gtk_window_destroy (holder);
  xs_gui_test_iterate (20);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/check-dialog/finds-altered-scans", test_check_dialog);
  g_test_add_func ("/check-dialog/cancel", test_check_dialog_cancel);
  g_test_add_func ("/check-dialog/links", test_check_dialog_links);
  return xs_gui_test_run ();
}
