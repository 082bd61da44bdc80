/* test-gui-claim-scan.c: Scan… on a claim not saved yet, with SANE's test
 * backend: the PDF waits with the claim, is stored when it is saved (with
 * what was read on it), and nothing is left when the claim is dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-claim-editor.h"
#include "xs-claim-fields.h"
#include "xs-claim-store.h"
#include "xs-evidence-text.h"
#include "xs-gui-test-util.h"
#include "xs-material-row.h"
#include "xs-recognise.h"
#include "xs-scanner.h"
#include "xs-test-pages.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

typedef XsGuiTestClaimFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xs_gui_test_claim_fixture_set_up (fixture, 3, "欧阳䶮");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  xs_gui_test_claim_fixture_tear_down (fixture);
}

/* Helpers ------------------------------------------------------------------ */

static XsClaimEditor *
open_new_claim (Fixture *fixture)
{
  XsClaimEditor *editor = xs_claim_editor_new (fixture->parent, fixture->db, fixture->trainee_id, 2018, 0);

  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  xs_gui_test_wait_for_draw (GTK_WIDGET (editor));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (editor));
  xs_gui_test_assert_controls_named (GTK_WIDGET (editor));
  xs_gui_test_wait_editor_idle (editor);
  return editor;
}

static GtkWidget *
find_row (XsClaimEditor *editor,
          GType          type,
          const char    *title)
{
  GtkWidget *row = xs_gui_test_find (GTK_WIDGET (editor), type, title);

  g_assert_nonnull (row);
  return row;
}

/* A claim of kind 4 (a meeting attended): a notice and the employer's
 * proof. */
static void
fill_claim (XsClaimEditor *editor)
{
  GtkWidget *hours;

  xs_gui_test_select_kind (GTK_WIDGET (editor), 4);
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, "Title")), "河南省医学会年会");
  gtk_editable_set_text (GTK_EDITABLE (find_row (editor, ADW_TYPE_ENTRY_ROW, "Date")), "2018-05-20");
  hours = xs_gui_test_find (find_row (editor, ADW_TYPE_ACTION_ROW, "Hours"), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (hours);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hours), 8);
  xs_gui_test_wait_editor_idle (editor);
}

/* The row's Scan… button (an icon). */
static GtkWidget *
find_by_action (GtkWidget  *root,
                const char *action)
{
  if (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
scan_button (XsMaterialRow *row)
{
  GtkWidget *button = find_by_action (GTK_WIDGET (row), "material.scan");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  return button;
}

static gboolean
scan_ready (gpointer dialog)
{
  GtkWidget *button = xs_gui_test_find (dialog, GTK_TYPE_BUTTON, "Scan");

  return button != NULL && gtk_widget_get_sensitive (button);
}

static gboolean
row_has_pending (gpointer row)
{
  return g_strv_length ((char **) xs_material_row_get_pending (row)) == 1;
}

/* Scan… on @row as the clerk presses it; one page of the test backend's
 * colour pattern. Returns the pending PDF's path. */
static char *
scan_into (XsMaterialRow *row)
{
  XsScanDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "material.scan", NULL));
  dialog = xs_scan_launcher_get_dialog (xs_material_row_get_scan_launcher (row));
  g_assert_nonnull (dialog);
  g_assert_true (xs_gui_test_wait_until (scan_ready, dialog, 20000));
  xs_scan_dialog_start (dialog);
  g_assert_true (xs_gui_test_wait_until (row_has_pending, row, 120000));
  g_assert_true (xs_gui_test_wait_until (scan_ready, dialog, 120000));
  return g_strdup (xs_material_row_get_pending (row)[0]);
}

static void
close_scan_dialog (XsMaterialRow *row)
{
  XsScanDialog *dialog = xs_scan_launcher_get_dialog (xs_material_row_get_scan_launcher (row));

  gtk_window_close (GTK_WINDOW (dialog));
  xs_gui_test_iterate (50);
  g_assert_null (xs_scan_launcher_get_dialog (xs_material_row_get_scan_launcher (row)));
}

static guint
count_claims (Fixture *fixture)
{
  g_autoptr(GPtrArray) claims = xs_claim_store_list_for_trainee (fixture->db, fixture->trainee_id, 0, NULL);

  g_assert_nonnull (claims);
  return claims->len;
}

static char *
stored_files (Fixture *fixture)
{
  g_autofree char *dir = g_build_filename (xs_db_get_data_dir (fixture->db), "evidence", NULL);

  return xs_test_tree_of (dir);
}

/* Tests -------------------------------------------------------------------- */

/* Scan… is offered on a claim not saved yet; the PDF waits on the row and
 * is stored, with its text, when the claim is. */
static void
test_scan_then_save (Fixture       *fixture,
                     gconstpointer  data)
{
  XsClaimEditor *editor = open_new_claim (fixture);
  g_autofree char *before = stored_files (fixture);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  XsMaterialRow *notice;
  const XsEvidence *stored;

  fill_claim (editor);
  notice = xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice");
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (scan_button (notice)));

  path = scan_into (notice);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_suffix (path, ".pdf"));
  g_assert_nonnull (strstr (path, "会议通知-"));
  g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 1);
  /* read, but nothing stored yet */
  if (xs_recognise_is_supported ())
    g_assert_nonnull (xs_material_row_get_pending_text (notice, path));
  g_assert_cmpuint (count_claims (fixture), ==, 0);
  g_assert_cmpstr (stored_files (fixture), ==, before);
  close_scan_dialog (notice);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  xs_gui_test_wait_editor_idle (editor);
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), >, 0);
  evidence = xs_claim_store_list_evidence (fixture->db, xs_claim_editor_get_claim_id (editor), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);
  stored = g_ptr_array_index (evidence, 0);
  g_assert_cmpstr (stored->material, ==, "meeting_notice");
  g_assert_cmpstr (stored->media_type, ==, "application/pdf");
  g_assert_true (g_str_has_prefix (stored->original_name, "会议通知-"));
  /* the text read at the scan went with it */
  if (xs_recognise_is_supported ())
    {
      g_autoptr(XsRecognition) text = xs_evidence_text_get (fixture->db, stored->sha256, &error);

      g_assert_no_error (error);
      g_assert_nonnull (text);
    }
  /* the stored copy is the only one left */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_strv_length ((char **) xs_material_row_get_pending (notice)), ==, 0);
  g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 1);

  gtk_window_destroy (GTK_WINDOW (editor));
  xs_gui_test_finalize (editor, 10000);
}

/* A claim dropped after a scan leaves nothing: no claim, no stored file,
 * and the scan's PDF is deleted. Removing the pending scan deletes it too. */
static void
test_scan_then_discard (Fixture       *fixture,
                        gconstpointer  data)
{
  XsClaimEditor *editor = open_new_claim (fixture);
  g_autofree char *before = stored_files (fixture);
  g_autofree char *removed = NULL;
  g_autofree char *path = NULL;
  XsMaterialRow *proof;
  AdwMessageDialog *dialog;

  fill_claim (editor);
  proof = xs_gui_test_material_row (GTK_WIDGET (editor), "Employer’s proof");

  removed = scan_into (proof);
  gtk_widget_activate_action_variant (GTK_WIDGET (proof), "material.remove-pending",
                                      g_variant_new_string (removed));
  xs_gui_test_wait_editor_idle (editor);
  g_assert_cmpuint (xs_material_row_get_n_files (proof), ==, 0);
  g_assert_false (g_file_test (removed, G_FILE_TEST_EXISTS));

  /* scanned again, and the dialog left open while the claim is dropped */
  xs_scan_dialog_start (xs_scan_launcher_get_dialog (xs_material_row_get_scan_launcher (proof)));
  g_assert_true (xs_gui_test_wait_until (row_has_pending, proof, 120000));
  path = g_strdup (xs_material_row_get_pending (proof)[0]);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  xs_gui_test_iterate (50);
  dialog = xs_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  xs_gui_test_finalize (editor, 10000);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_claims (fixture), ==, 0);
  g_assert_cmpstr (stored_files (fixture), ==, before);
}

static void
on_title_changed (GtkEditable *title,
                  GString     *seen)
{
  g_string_assign (seen, gtk_editable_get_text (title));
}

/* What the dialog offers on a claim not saved yet reaches its fields only
 * through Use. */
static void
test_suggestion_fills_new_claim (Fixture       *fixture,
                                 gconstpointer  data)
{
  XsClaimEditor *editor = open_new_claim (fixture);
  g_autofree char *own = xs_test_id_number (3);
  g_autofree char *text = g_strdup_printf ("会议通知\n姓名：欧阳䶮 身份证号：%s\n"
                                           "兹定于2018年5月20日召开《河南省护理学会学术年会》，共计8学时。", own);
  g_autoptr(XsRecognition) found = xs_recognition_from_text (text, "欧阳䶮");
  g_autoptr(GString) seen = g_string_new (NULL);
  GtkWidget *title_row;
  XsScanDialog *dialog;
  XsMaterialRow *notice;
  GtkWidget *use;

  fill_claim (editor);
  title_row = find_row (editor, ADW_TYPE_ENTRY_ROW, "Title");
  g_signal_connect (title_row, "changed", G_CALLBACK (on_title_changed), seen);
  notice = xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notice), "material.scan", NULL));
  dialog = xs_scan_launcher_get_dialog (xs_material_row_get_scan_launcher (notice));
  g_assert_nonnull (dialog);
  /* Scan… again shows the same dialog */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notice), "material.scan", NULL));
  g_assert_true (xs_scan_launcher_get_dialog (xs_material_row_get_scan_launcher (notice)) == dialog);

  xs_scan_dialog_show_recognition (dialog, found, own);
  xs_gui_test_iterate (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "河南省医学会年会");
  g_assert_cmpstr (seen->str, ==, "");
  use = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Use");
  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "河南省护理学会学术年会");
  g_assert_cmpstr (seen->str, ==, "河南省护理学会学术年会");
  g_signal_handlers_disconnect_by_data (title_row, seen);

  /* the editor closing closes its scan dialog */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_destroy (GTK_WINDOW (editor));
  xs_gui_test_finalize (editor, 10000);
  g_assert_null (dialog);
}

static gboolean
row_offers_hours (gpointer row)
{
  return xs_gui_test_find (row, ADW_TYPE_ACTION_ROW, "Hours") != NULL;
}

/* A training notice of this trainee's name but another person's identity
 * number, written as a desk scanner leaves it, attached to the meeting
 * notice of the claim in @editor; returns the row once it offers what the
 * page says. */
static XsMaterialRow *
attach_notice (XsClaimEditor *editor,
               char         **path)
{
  g_autoptr(XsTestPage) page = xs_test_page_new (XS_TEST_PAGE_NOTICE, 7);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  XsMaterialRow *notice = xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice");
  const char *paths[2] = { NULL, NULL };

  g_free (page->name);
  page->name = g_strdup ("欧阳䶮");
  g_free (page->id_number);
  page->id_number = xs_test_id_number (5);
  page->hours = 12;
  *path = g_build_filename (dir, "通知.jpg", NULL);
  g_assert_true (xs_test_page_write_jpeg (page, 200, 1.0, 20, 60, 7, *path, &error));
  g_assert_no_error (error);
  paths[0] = *path;
  xs_material_row_attach_paths (notice, paths);
  g_assert_true (xs_gui_test_wait_until (row_offers_hours, notice, 120000));
  return notice;
}

static double
hours_of (XsClaimEditor *editor)
{
  GtkWidget *hours = xs_gui_test_find (find_row (editor, ADW_TYPE_ACTION_ROW, "Hours"), GTK_TYPE_SPIN_BUTTON, NULL);

  g_assert_nonnull (hours);
  return gtk_spin_button_get_value (GTK_SPIN_BUTTON (hours));
}

/* What an attached file says is offered as after a scan, the other
 * person's number as a warning, and reaches the claim only through Use. */
static void
check_attach_offers (XsClaimEditor *editor,
                     XsMaterialRow *notice)
{
  GtkWidget *offer = xs_gui_test_find (GTK_WIDGET (notice), ADW_TYPE_ACTION_ROW, "Hours");
  GtkWidget *use = xs_gui_test_find (offer, GTK_TYPE_BUTTON, "Use");

  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (notice), ADW_TYPE_ACTION_ROW,
                                      "This certificate names another person"));
  g_assert_null (xs_gui_test_find (GTK_WIDGET (notice), ADW_TYPE_ACTION_ROW,
                                   "Identity number matches the trainee"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (offer)), ==, "12");
  g_assert_cmpfloat (hours_of (editor), ==, 8);
  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
  g_assert_cmpfloat (hours_of (editor), ==, 12);
  g_assert_false (gtk_widget_get_sensitive (use));
}

/* Attach… on a claim not saved yet: the file is read while it waits, and
 * its text is stored with it when the claim is saved. */
static void
test_attach_offers_new_claim (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(XsRecognition) text = NULL;
  g_autoptr(GError) error = NULL;
  XsClaimEditor *editor;
  XsMaterialRow *notice;

  if (!xs_recognise_is_supported ())
    {
      g_test_skip ("built without text recognition");
      return;
    }
  editor = open_new_claim (fixture);
  fill_claim (editor);
  notice = attach_notice (editor, &path);
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), ==, 0);
  g_assert_nonnull (xs_material_row_get_pending_text (notice, path));
  check_attach_offers (editor, notice);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  xs_gui_test_wait_editor_idle (editor);
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), >, 0);
  evidence = xs_claim_store_list_evidence (fixture->db, xs_claim_editor_get_claim_id (editor), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evidence->len, ==, 1);
  text = xs_evidence_text_get (fixture->db, ((XsEvidence *) g_ptr_array_index (evidence, 0))->sha256, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);

  gtk_window_destroy (GTK_WINDOW (editor));
  xs_gui_test_finalize (editor, 10000);
}

/* Attach… on a saved claim: stored, read, and offered the same way. */
static void
test_attach_offers_saved_claim (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = NULL;
  XsClaimEditor *editor;
  XsMaterialRow *notice;

  if (!xs_recognise_is_supported ())
    {
      g_test_skip ("built without text recognition");
      return;
    }
  editor = open_new_claim (fixture);
  fill_claim (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  xs_gui_test_wait_editor_idle (editor);
  g_assert_cmpint (xs_claim_editor_get_claim_id (editor), >, 0);
  notice = attach_notice (editor, &path);
  xs_gui_test_wait_editor_idle (editor);
  g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 1);
  check_attach_offers (editor, notice);

  gtk_window_destroy (GTK_WINDOW (editor));
  xs_gui_test_finalize (editor, 10000);
}

/* Another kind that asks for the same material keeps its pending file. */
static void
test_kind_change_keeps_pending (Fixture       *fixture,
                                gconstpointer  data)
{
  XsClaimEditor *editor = open_new_claim (fixture);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "单位证明.pdf", NULL);
  const char *paths[2] = { path, NULL };
  XsMaterialRow *proof;

  g_assert_true (g_file_set_contents (path, "%PDF-1.4\n", -1, NULL));
  fill_claim (editor);
  proof = xs_gui_test_material_row (GTK_WIDGET (editor), "Employer’s proof");
  xs_material_row_attach_paths (proof, paths);
  g_assert_cmpuint (xs_material_row_get_n_files (proof), ==, 1);

  /* a training (kind 1) asks for an employer's proof too */
  xs_gui_test_select_kind (GTK_WIDGET (editor), 1);
  xs_gui_test_wait_editor_idle (editor);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (editor), XS_TYPE_MATERIAL_ROW, "Training notice"));
  g_assert_null (xs_gui_test_find (GTK_WIDGET (editor), XS_TYPE_MATERIAL_ROW, "Meeting notice"));
  proof = xs_gui_test_material_row (GTK_WIDGET (editor), "Employer’s proof");
  g_assert_cmpuint (xs_material_row_get_n_files (proof), ==, 1);
  g_assert_cmpstr (xs_material_row_get_pending (proof)[0], ==, path);
  /* nothing was lost: nothing asked */
  g_assert_null (xs_gui_test_find_message_dialog ());

  gtk_window_destroy (GTK_WINDOW (editor));
  xs_gui_test_finalize (editor, 10000);
}

static int
shown_kind (XsClaimEditor *editor)
{
  GtkWidget *fields = xs_gui_test_find (GTK_WIDGET (editor), XS_TYPE_CLAIM_FIELDS, NULL);
  g_auto(XsClaim) claim = { 0 };

  g_assert_nonnull (fields);
  xs_claim_fields_read (XS_CLAIM_FIELDS (fields), &claim, NULL, NULL);
  return claim.kind;
}

/* Pending files of a material the new kind does not ask for are not
 * dropped without asking; Keep Kind puts the kind back. */
static void
test_kind_change_asks (Fixture       *fixture,
                       gconstpointer  data)
{
  gboolean discard = GPOINTER_TO_INT (data);
  XsClaimEditor *editor = open_new_claim (fixture);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *first = g_build_filename (dir, "会议通知.pdf", NULL);
  g_autofree char *second = g_build_filename (dir, "会议日程.pdf", NULL);
  g_autofree char *proof_path = g_build_filename (dir, "单位证明.pdf", NULL);
  const char *notices[3] = { first, second, NULL };
  const char *proofs[2] = { proof_path, NULL };
  AdwMessageDialog *dialog;
  GtkWidget *button;
  XsMaterialRow *notice;
  XsMaterialRow *proof;

  for (const char * const *p = notices; *p != NULL; p++)
    g_assert_true (g_file_set_contents (*p, "%PDF-1.4\n", -1, NULL));
  g_assert_true (g_file_set_contents (proof_path, "%PDF-1.4\n", -1, NULL));
  fill_claim (editor);
  notice = xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice");
  xs_material_row_attach_paths (notice, notices);
  proof = xs_gui_test_material_row (GTK_WIDGET (editor), "Employer’s proof");
  xs_material_row_attach_paths (proof, proofs);
  g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 2);
  g_assert_null (xs_gui_test_find_message_dialog ());

  /* a training (kind 1) asks for no meeting notice: its two files would go */
  xs_gui_test_select_kind (GTK_WIDGET (editor), 1);
  dialog = xs_gui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard 2 Files?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Meeting notice"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "会议通知.pdf"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "会议日程.pdf"));
  /* the employer's proof stays: not named */
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "单位证明.pdf"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "keep");
  /* nothing changed while it asks */
  g_assert_true (xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice") == notice);

  /* a click, as the clerk would: the dialog closes with it */
  button = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, discard ? "Discard" : "Keep Kind");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  xs_gui_test_wait_editor_idle (editor);
  xs_gui_test_iterate (50);
  g_assert_null (xs_gui_test_find_message_dialog ());

  if (discard)
    {
      g_assert_cmpint (shown_kind (editor), ==, 1);
      g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (editor), XS_TYPE_MATERIAL_ROW, "Training notice"));
      g_assert_null (xs_gui_test_find (GTK_WIDGET (editor), XS_TYPE_MATERIAL_ROW, "Meeting notice"));
    }
  else
    {
      g_assert_cmpint (shown_kind (editor), ==, 4);
      g_assert_null (xs_gui_test_find (GTK_WIDGET (editor), XS_TYPE_MATERIAL_ROW, "Training notice"));
      notice = xs_gui_test_material_row (GTK_WIDGET (editor), "Meeting notice");
      g_assert_cmpuint (xs_material_row_get_n_files (notice), ==, 2);
      g_assert_cmpstr (xs_material_row_get_pending (notice)[0], ==, first);
      /* putting the kind back asked nothing more */
      g_assert_null (xs_gui_test_find_message_dialog ());
    }
  proof = xs_gui_test_material_row (GTK_WIDGET (editor), "Employer’s proof");
  g_assert_cmpuint (xs_material_row_get_n_files (proof), ==, 1);

  gtk_window_destroy (GTK_WINDOW (editor));
  xs_gui_test_finalize (editor, 10000);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sane_dir = NULL;
  g_autofree char *dll = NULL;
  g_autofree char *conf = NULL;

  xs_gui_test_init (&argc, &argv);

  /* SANE's own test backend, alone, through a private configuration */
  sane_dir = xs_test_make_tmpdir ();
  dll = g_build_filename (sane_dir, "dll.conf", NULL);
  g_assert_true (g_file_set_contents (dll, "test\n", -1, NULL));
  conf = g_build_filename (sane_dir, "test.conf", NULL);
  g_assert_true (g_file_set_contents (conf, "number_of_devices 1\ntest-picture \"Color pattern\"\n", -1, NULL));
  g_setenv ("SANE_CONFIG_DIR", sane_dir, TRUE);

  if (xs_scanner_is_supported ())
    {
      g_test_add ("/claim-scan/scan-then-save", Fixture, NULL,
                  fixture_set_up, test_scan_then_save, fixture_tear_down);
      g_test_add ("/claim-scan/scan-then-discard", Fixture, NULL,
                  fixture_set_up, test_scan_then_discard, fixture_tear_down);
    }
  g_test_add ("/claim-scan/suggestion-fills-new-claim", Fixture, NULL,
              fixture_set_up, test_suggestion_fills_new_claim, fixture_tear_down);
  g_test_add ("/claim-scan/attach-offers-new-claim", Fixture, NULL,
              fixture_set_up, test_attach_offers_new_claim, fixture_tear_down);
  g_test_add ("/claim-scan/attach-offers-saved-claim", Fixture, NULL,
              fixture_set_up, test_attach_offers_saved_claim, fixture_tear_down);
  g_test_add ("/claim-scan/kind-change-keeps-pending", Fixture, NULL,
              fixture_set_up, test_kind_change_keeps_pending, fixture_tear_down);
  g_test_add ("/claim-scan/kind-change-asks-keep", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_kind_change_asks, fixture_tear_down);
  g_test_add ("/claim-scan/kind-change-asks-discard", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_kind_change_asks, fixture_tear_down);
  return xs_gui_test_run ();
}
