/* test-gui-certificates-view.c: the year's certificates, exported and verified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "xs-base-profile.h"
#include "xs-certificate-store.h"
#include "xs-certificates-view.h"
#include "xs-gui-test-util.h"
#include "xs-progress.h"
#include "xs-revocation-list.h"
#include "xs-test-util.h"
#include "xs-verify-dialog.h"
#include "xs-demo.h"
#include "xs-trainee-model.h"

/* poppler-glib 22 has no autoptr cleanups of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define YEAR 2018
#define BASE_NAME "漯河市专业技术人员继续教育基地"

typedef struct
{
  GtkWindow          *holder;   /* shows the view on its own */
  XsTraineeModel     *model;
  XsCertificatesView *view;
} Fixture;

/* The view alone, on the demo base's database, with the base's profile;
 * the tests run in order on it. */
static XsDb *db;
static XsBaseProfile *profile;
static char *tmpdir;

/* The base's name, saved in its profile as Preferences do. */
static void
set_base_name (const char *name)
{
  g_autoptr(GError) error = NULL;

  xs_base_profile_set_name (profile, name);
  g_assert_true (xs_base_profile_save (profile, db, &error));
  g_assert_no_error (error);
}

static gboolean
not_busy (gpointer user_data)
{
  return !xs_certificates_view_get_busy (user_data);
}

static gboolean
is_null (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

/* The question asked before issuing, while it is shown. */
static AdwMessageDialog *
find_question (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
question_shown (gpointer user_data)
{
  return find_question () != NULL;
}

/* Waits for the question, checks that it says @expected (and @also, when
 * not NULL) and that nothing was issued while it waits, then answers. */
static void
answer_question (const char *expected,
                 const char *also,
                 const char *response,
                 guint       n_issued_before)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GError) error = NULL;
  const char *body;

  g_assert_true (xs_gui_test_wait_until (question_shown, NULL, 60000));
  dialog = find_question ();
  body = adw_message_dialog_get_body (dialog);
  if (strstr (body, expected) == NULL)
    g_error ("the question says “%s”, not “%s”", body, expected);
  if (also != NULL && strstr (body, also) == NULL)
    g_error ("the question says “%s”, not “%s”", body, also);
  g_assert_true (adw_message_dialog_has_response (dialog, "issue"));
  xs_gui_test_iterate (200);
  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, n_issued_before);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (is_null, &dialog, 5000));
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  fixture->model = xs_trainee_model_new ();
  xs_trainee_model_load_async (fixture->model, xs_db_get_data_dir (db), YEAR, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (xs_trainee_model_load_finish (fixture->model, result, &error));
  g_assert_no_error (error);

  fixture->holder = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->holder), (gpointer *) &fixture->holder);
  gtk_window_set_default_size (fixture->holder, 1100, 760);
  fixture->view = g_object_new (XS_TYPE_CERTIFICATES_VIEW,
                                "db", db,
                                "model", fixture->model,
                                "profile", profile,
                                NULL);
  g_object_ref (fixture->view);
  gtk_window_set_child (fixture->holder, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->holder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->holder);
  xs_gui_test_wait_gone (&fixture->holder, 10000);
  /* a preview drawn after the last export may still be on its way */
  xs_gui_test_finalize (fixture->view, 10000);
  xs_gui_test_finalize (fixture->model, 10000);
}

static void
open_page (Fixture *fixture)
{
  xs_gui_test_wait_for_draw (GTK_WIDGET (fixture->view));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (fixture->view));
  xs_gui_test_assert_controls_named (GTK_WIDGET (fixture->view));
}

static GtkSelectionModel *
selection (Fixture *fixture)
{
  return GTK_SELECTION_MODEL (xs_certificates_view_get_shown (fixture->view));
}

static guint
count_qualified (void)
{
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(GError) error = NULL;

  progress = xs_progress_compute (db, YEAR, NULL, &error);
  g_assert_no_error (error);
  return xs_progress_count_qualified (progress);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
test_demo_and_list (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *shown;
  g_autoptr(XsTraineeItem) first = NULL;
  g_autofree char *path = g_build_filename (tmpdir, "refused.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *revealer;
  guint all;

  open_page (fixture);

  /* Only the qualified, all of them */
  shown = xs_certificates_view_get_shown (fixture->view);
  all = g_list_model_get_n_items (shown);
  g_assert_cmpuint (all, ==, count_qualified ());
  g_assert_cmpuint (all, <, 300);
  for (guint i = 0; i < all; i++)
    {
      g_autoptr(XsTraineeItem) item = g_list_model_get_item (shown, i);

      g_assert_true (xs_trainee_item_get_qualified (item));
    }

  /* The search narrows them down. */
  first = g_list_model_get_item (shown, 0);
  xs_certificates_view_set_search (fixture->view, xs_trainee_item_get_name (first));
  xs_gui_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(XsTraineeItem) item = g_list_model_get_item (shown, i);

      g_assert_true (xs_trainee_item_get_qualified (item));
    }
  xs_certificates_view_set_search (fixture->view, "");
  xs_gui_test_iterate (100);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, all);

  /* Without the base's name, the page says what to do and issues nothing. */
  revealer = xs_gui_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_REVEALER, NULL);
  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (xs_gui_test_find (revealer, GTK_TYPE_LABEL, "Preferences"));
  gtk_selection_model_select_all (selection (fixture));
  g_assert_cmpuint (xs_certificates_view_get_n_selected (fixture->view), ==, all);
  xs_certificates_view_export_to_file (fixture->view, file);
  g_assert_false (xs_certificates_view_get_busy (fixture->view));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  set_base_name (BASE_NAME);
  xs_gui_test_iterate (50);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* Never into the data folder: refused before anything is issued. */
  {
    const char *data_dir = xs_db_get_data_dir (db);
    g_autofree char *inside = g_build_filename (data_dir, "certificates.pdf", NULL);
    g_autoptr(GFile) inside_file = g_file_new_for_path (inside);
    g_autoptr(GPtrArray) issued = NULL;
    g_autoptr(GError) error = NULL;

    xs_certificates_view_export_to_file (fixture->view, inside_file);
    g_assert_false (xs_certificates_view_get_busy (fixture->view));
    xs_gui_test_iterate (50);
    g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
    issued = xs_certificate_store_list (db, YEAR, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (issued->len, ==, 0);
  }
}

static gboolean
shows_issued (gpointer user_data)
{
  return xs_gui_test_find (user_data, GTK_TYPE_LABEL, "Issued as No.") != NULL;
}

static gboolean
has_paintable (gpointer user_data)
{
  return gtk_picture_get_paintable (user_data) != NULL;
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *picture;
  GdkPaintable *paintable;
  g_autoptr(XsTraineeItem) item = NULL;
  g_autofree char *alternative = NULL;

  open_page (fixture);
  picture = xs_gui_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_PICTURE, NULL);
  g_assert_nonnull (picture);
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (picture)));

  item = g_list_model_get_item (xs_certificates_view_get_shown (fixture->view), 2);
  gtk_selection_model_select_item (selection (fixture), 2, TRUE);
  g_assert_true (xs_gui_test_wait_until (has_paintable, picture, 20000));
  paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));
  g_assert_true (GDK_IS_MEMORY_TEXTURE (paintable));
  /* A4 upright */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), <, gdk_paintable_get_intrinsic_height (paintable));
  alternative = g_strdup_printf ("Certificate of %s", xs_trainee_item_get_name (item));
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (picture)), ==, alternative);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, "Draft"));
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, "1 selected"));
}

/* The file carries the base's PDF signature, which pdfsig (when the
 * configuration found it) says is valid. */
static void
assert_signed (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *home = xs_test_make_tmpdir ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "HOME", home, TRUE);
  const char *argv[] = { g_getenv ("XUESHI_PDFSIG"), path, NULL };
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  int status = -1;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_nonnull (memmem (contents, length, "/SubFilter /adbe.pkcs7.detached", 31));
  if (argv[0] == NULL)
    return;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "Signature Validation: Signature is Valid."));
  g_assert_nonnull (strstr (out, "Signer Certificate Common Name: " BASE_NAME));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmpdir, "all.pdf", NULL);
  g_autofree char *cancelled_path = g_build_filename (tmpdir, "cancelled.pdf", NULL);
  g_autofree char *two_path = g_build_filename (tmpdir, "two.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) cancelled_file = g_file_new_for_path (cancelled_path);
  g_autoptr(GFile) two_file = g_file_new_for_path (two_path);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerDocument) two = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *selected = NULL;
  const XsIssuedCertificate *first;
  GtkWidget *bar;
  guint all;

  open_page (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "certificates.select-all", NULL));
  all = xs_certificates_view_get_n_selected (fixture->view);
  g_assert_cmpuint (all, ==, g_list_model_get_n_items (xs_certificates_view_get_shown (fixture->view)));
  selected = g_strdup_printf ("%u selected", all);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, selected));

  /* Cancelled at once: nothing issued, nothing written */
  xs_certificates_view_export_to_file (fixture->view, cancelled_file);
  g_assert_true (xs_certificates_view_get_busy (fixture->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "certificates.cancel", NULL));
  g_assert_true (xs_gui_test_wait_until (not_busy, fixture->view, 60000));
  g_assert_false (g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 0);
  g_clear_pointer (&issued, g_ptr_array_unref);

  /* Two of them: the question names their serials; No issues nothing. */
  gtk_selection_model_unselect_all (selection (fixture));
  gtk_selection_model_select_range (selection (fixture), 0, 2, TRUE);
  xs_certificates_view_export_to_file (fixture->view, two_file);
  g_assert_true (xs_certificates_view_get_busy (fixture->view));
  answer_question ("2 certificates will be issued, 2018-JX-000001 to 2018-JX-000002", "can only be revoked",
                   "cancel", 0);
  g_assert_true (xs_gui_test_wait_until (not_busy, fixture->view, 60000));
  g_assert_false (g_file_test (two_path, G_FILE_TEST_EXISTS));
  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 0);
  g_clear_pointer (&issued, g_ptr_array_unref);

  /* Yes: those two are issued with the serials it named. */
  xs_certificates_view_export_to_file (fixture->view, two_file);
  answer_question ("2 certificates will be issued, 2018-JX-000001 to 2018-JX-000002", NULL, "issue", 0);
  g_assert_true (xs_gui_test_wait_until (not_busy, fixture->view, 60000));
  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 2);
  g_assert_cmpstr (((XsIssuedCertificate *) g_ptr_array_index (issued, 1))->serial, ==, "2018-JX-000002");
  g_clear_pointer (&issued, g_ptr_array_unref);
  g_assert_true (g_file_test (two_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_unlink (two_path), ==, 0);

  /* All of them: the rest are new, the two are written again as they
   * were; a progress bar while it runs */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "certificates.select-all", NULL));
  xs_certificates_view_export_to_file (fixture->view, file);
  {
    g_autofree char *expected = g_strdup_printf ("%u certificates will be issued, 2018-JX-000003 to 2018-JX-%06u",
                                                 all - 2, all);

    answer_question (expected, "2 already issued will be exported again as they were", "issue", 2);
  }
  g_assert_true (xs_certificates_view_get_busy (fixture->view));
  bar = xs_gui_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_PROGRESS_BAR, NULL);
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_is_visible (bar));
  g_assert_true (xs_gui_test_wait_until (not_busy, fixture->view, 120000));
  g_assert_false (gtk_widget_is_visible (bar));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, all);
  first = g_ptr_array_index (issued, 0);

  assert_signed (path);
  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, all);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, first->holder));
  /* issued pages never carry the preview's mark */
  g_assert_null (strstr (text, "草"));
  g_assert_null (strstr (text, "稿"));

  /* Two of them again: the same certificates, none new, nothing asked */
  gtk_selection_model_unselect_all (selection (fixture));
  gtk_selection_model_select_range (selection (fixture), 0, 2, TRUE);
  g_assert_cmpuint (xs_certificates_view_get_n_selected (fixture->view), ==, 2);
  xs_certificates_view_export_to_file (fixture->view, two_file);
  g_assert_true (xs_gui_test_wait_until (not_busy, fixture->view, 60000));
  g_assert_null (find_question ());
  two = open_pdf (two_path);
  g_assert_cmpint (poppler_document_get_n_pages (two), ==, 2);
  g_clear_pointer (&issued, g_ptr_array_unref);
  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, all);

  /* The previewed one is issued now (read again in a job). */
  g_assert_true (xs_gui_test_wait_until (shows_issued, fixture->view, 20000));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
label_shown (gpointer user_data)
{
  Shown *shown = user_data;
  GtkWidget *label = xs_gui_test_find (shown->root, GTK_TYPE_LABEL, shown->text);

  return label != NULL && gtk_widget_is_visible (label);
}

static void
verify_text (GtkWindow  *dialog,
             const char *payload,
             const char *expected)
{
  Shown shown = { GTK_WIDGET (dialog), expected };

  xs_verify_dialog_set_payload (XS_VERIFY_DIALOG (dialog), payload);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "verify.check", NULL));
  g_assert_true (xs_gui_test_wait_until (label_shown, &shown, 10000));
}

static void
test_verify (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(XsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) tampered = NULL;
  const XsIssuedCertificate *first;
  GtkWindow *dialog;
  GtkWidget *row;

  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, >, 0);
  first = g_ptr_array_index (issued, 0);
  certificate = xs_certificate_store_get (db, first->serial, &error);
  g_assert_no_error (error);

  dialog = GTK_WINDOW (xs_verify_dialog_new (fixture->holder, db));
  gtk_window_present (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (dialog));

  /* Genuine: valid, with the name and number the page prints, for the
   * clerk to compare with the ID card */
  verify_text (dialog, xs_certificate_get_payload (certificate), "Valid");
  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Name");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, first->holder);
  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Identity Number");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, first->masked_id);
  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Number");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, first->serial);
  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Hours");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Public "));

  /* One digit changed: not valid */
  tampered = g_string_new (xs_certificate_get_payload (certificate));
  g_assert_true (g_str_has_prefix (tampered->str, "XS2:"));
  tampered->str[20] = tampered->str[20] == '1' ? '2' : '1';
  verify_text (dialog, tampered->str, "Not Valid");
  g_assert_null (xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Name"));

  gtk_window_destroy (dialog);
  g_assert_true (xs_gui_test_wait_until (is_null, &dialog, 5000));
}

/* After the base's key is changed, what the old key signed still verifies
 * (and a tampered code still does not). Last: it changes the key. */
static void
test_verify_rotated (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(XsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) tampered = NULL;
  const XsIssuedCertificate *first;
  GtkWindow *dialog;

  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  /* the first one was revoked by the test before */
  g_assert_cmpuint (issued->len, >, 1);
  first = g_ptr_array_index (issued, 1);
  certificate = xs_certificate_store_get (db, first->serial, &error);
  g_assert_no_error (error);
  g_assert_true (xs_signing_key_rotate (xs_db_get_data_dir (db), &error));
  g_assert_no_error (error);

  dialog = GTK_WINDOW (xs_verify_dialog_new (fixture->holder, db));
  gtk_window_present (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (dialog));
  verify_text (dialog, xs_certificate_get_payload (certificate), "Valid");
  tampered = g_string_new (xs_certificate_get_payload (certificate));
  tampered->str[20] = tampered->str[20] == '1' ? '2' : '1';
  verify_text (dialog, tampered->str, "Not Valid");
  gtk_window_destroy (dialog);
  g_assert_true (xs_gui_test_wait_until (is_null, &dialog, 5000));
}

static void
wait_for_label (GtkWindow  *dialog,
                const char *expected)
{
  Shown shown = { GTK_WIDGET (dialog), expected };

  /* a generous bound: under a sanitizer, reading a page at 300 dpi is slow */
  g_assert_true (xs_gui_test_wait_until (label_shown, &shown, 180000));
}

/* Revoked in this base's register, on the base's list, or refused when the
 * list comes from another base; the code read from the certificate's PDF. */
static void
test_verify_revoked (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;
  g_autoptr(XsSigningKey) other_key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *other_dir = xs_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "certificate.pdf", NULL);
  g_autofree char *list = g_build_filename (dir, "revocations.txt", NULL);
  g_autofree char *other_list = g_build_filename (dir, "other.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *other_text = NULL;
  const XsIssuedCertificate *first;
  GtkWindow *dialog;
  GtkWidget *row;

  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (issued, 0);
  g_assert_true (xs_certificate_store_revoke (db, first->serial, "重复发证", &error));
  g_assert_no_error (error);
  pdf_bytes = xs_certificate_store_get_pdf (db, first->serial, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (pdf, g_bytes_get_data (pdf_bytes, NULL), g_bytes_get_size (pdf_bytes), NULL));

  /* the list Export Revocation List… writes */
  {
    g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_db_get_data_dir (db), &error);
    guint n_revoked = 0;

    g_assert_no_error (error);
    g_assert_true (xs_revocation_list_write (db, key, list, &n_revoked, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_revoked, >=, 1);
  }
  g_assert_true (g_file_test (list, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (list, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, first->serial));
  g_assert_nonnull (strstr (contents, "重复发证"));

  dialog = GTK_WINDOW (xs_verify_dialog_new (fixture->holder, db));
  gtk_window_present (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (dialog));

  /* the code read from the PDF, in a worker */
  xs_verify_dialog_read_picture (XS_VERIFY_DIALOG (dialog), pdf);
  wait_for_label (dialog, "Revoked");
  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Number");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, first->serial);

  /* the base's own list agrees */
  xs_verify_dialog_set_revocations (XS_VERIFY_DIALOG (dialog), list);
  wait_for_label (dialog, "Revoked");

  /* a list signed by another base's key is refused */
  g_assert_true (xs_signing_key_create (other_dir, &error));
  g_assert_no_error (error);
  other_key = xs_signing_key_open (other_dir, &error);
  g_assert_no_error (error);
  other_text = xs_revocation_list_build (db, other_key, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (other_list, other_text, -1, NULL));
  xs_verify_dialog_set_revocations (XS_VERIFY_DIALOG (dialog), other_list);
  wait_for_label (dialog, "Revocation List Refused");

  /* not a picture at all: said in words */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "verify.clear-revocations", NULL));
  xs_verify_dialog_read_picture (XS_VERIFY_DIALOG (dialog), list);
  wait_for_label (dialog, "No Code Read");

  gtk_window_destroy (dialog);
  g_assert_true (xs_gui_test_wait_until (is_null, &dialog, 5000));
}

/* A hidden page does not filter the years loaded meanwhile (an item for
 * every trainee, on the main thread); shown again, it lists the qualified
 * of the year now loaded. */
static void
test_hidden_page (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *shown = xs_certificates_view_get_shown (fixture->view);
  guint qualified = count_qualified ();
  int years[] = { YEAR - 1, YEAR };

  open_page (fixture);
  g_assert_cmpuint (qualified, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, qualified);

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(GError) error = NULL;

      gtk_widget_set_visible (GTK_WIDGET (fixture->view), FALSE);
      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
      /* as when another page is shown: the window draws a frame without
       * the page (GTK 4.8 keeps a reference on a widget hidden until the
       * next frame, and loses it if the widget is shown again before) */
      xs_gui_test_wait_for_draw (GTK_WIDGET (fixture->holder));
      xs_trainee_model_load_async (fixture->model, xs_db_get_data_dir (db), years[i], NULL, on_loaded, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (xs_trainee_model_load_finish (fixture->model, result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

      gtk_widget_set_visible (GTK_WIDGET (fixture->view), TRUE);
      xs_gui_test_wait_for_draw (GTK_WIDGET (fixture->view));
      xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (fixture->view));
      xs_gui_test_assert_controls_named (GTK_WIDGET (fixture->view));
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==, years[i] == YEAR ? qualified : 0);
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  xs_gui_test_init (&argc, &argv);
  tmpdir = xs_test_make_tmpdir ();

  db = xs_test_open_db ();
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (xs_demo_populate (db, 300, YEAR, NULL, &error));
    g_assert_no_error (error);
    profile = xs_base_profile_load (db, &error);
    g_assert_no_error (error);
    g_assert_nonnull (profile);
  }
  set_base_name ("");

  /* in this order: each starts from the database the previous one left */
  g_test_add ("/gui/certificates-view/demo-and-list", Fixture, NULL, fixture_set_up, test_demo_and_list, fixture_tear_down);
  g_test_add ("/gui/certificates-view/hidden-page", Fixture, NULL, fixture_set_up, test_hidden_page, fixture_tear_down);
  g_test_add ("/gui/certificates-view/preview", Fixture, NULL, fixture_set_up, test_preview, fixture_tear_down);
  g_test_add ("/gui/certificates-view/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/gui/certificates-view/verify", Fixture, NULL, fixture_set_up, test_verify, fixture_tear_down);
  g_test_add ("/gui/certificates-view/verify-revoked", Fixture, NULL, fixture_set_up, test_verify_revoked, fixture_tear_down);
  g_test_add ("/gui/certificates-view/verify-rotated", Fixture, NULL, fixture_set_up, test_verify_rotated, fixture_tear_down);

  status = xs_gui_test_run ();
  g_clear_object (&profile);
  g_clear_object (&db);
  g_free (tmpdir);
  return status;
}
