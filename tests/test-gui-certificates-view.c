/* test-gui-certificates-view.c: the year's certificates, exported and verified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <poppler.h>
#include <string.h>

#include "xs-application.h"
#include "xs-certificate-store.h"
#include "xs-certificates-view.h"
#include "xs-gui-test-util.h"
#include "xs-progress.h"
#include "xs-revocation-list.h"
#include "xs-test-util.h"
#include "xs-verify-dialog.h"
#include "xs-window-private.h"
#include "xs-window.h"

/* poppler-glib 22 has no autoptr cleanups of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define YEAR 2018
#define BASE_NAME "漯河市专业技术人员继续教育基地"

typedef struct
{
  XsWindow           *window;
  XsCertificatesView *view;
} Fixture;

/* One application for the program (it owns the database), a new window for
 * each test. The tests run in order on the same database. */

static XsApplication *app;
static char *tmpdir;

/* The base's name, saved in its profile as Preferences do. */
static void
set_base_name (XsApplication *application,
               const char    *name)
{
  XsBaseProfile *profile = xs_application_get_base_profile (application);
  g_autoptr(GError) error = NULL;

  xs_base_profile_set_name (profile, name);
  g_assert_true (xs_base_profile_save (profile, xs_application_get_db (application), &error));
  g_assert_no_error (error);
}

static gboolean
has_rows (gpointer user_data)
{
  Fixture *fixture = user_data;

  return xs_window_get_year (fixture->window) == YEAR
         && g_list_model_get_n_items (xs_certificates_view_get_shown (fixture->view)) > 0;
}

static gboolean
page_is_certificates (gpointer user_data)
{
  return g_strcmp0 (xs_window_get_page (user_data), "certificates") == 0;
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xs_gui_test_open_window (app, &fixture->window);
  fixture->view = XS_CERTIFICATES_VIEW (xs_gui_test_find (GTK_WIDGET (fixture->window),
                                                          XS_TYPE_CERTIFICATES_VIEW, NULL));
  g_assert_nonnull (fixture->view);
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  xs_gui_test_iterate (100);
  g_assert_null (fixture->view);
  g_assert_null (fixture->window);
}

/* Ctrl+P away from the page goes to it. */
static void
open_page (Fixture *fixture)
{
  g_assert_true (xs_gui_test_wait_until (has_rows, fixture, 90000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.print", NULL));
  g_assert_true (xs_gui_test_wait_until (page_is_certificates, fixture->window, 5000));
  xs_gui_test_wait_for_draw (GTK_WIDGET (fixture->view));
}

static GtkSelectionModel *
selection (Fixture *fixture)
{
  return GTK_SELECTION_MODEL (xs_certificates_view_get_shown (fixture->view));
}

static guint
count_qualified (XsDb *db)
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

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-demo", NULL));
  open_page (fixture);

  /* Only the qualified, all of them */
  shown = xs_certificates_view_get_shown (fixture->view);
  all = g_list_model_get_n_items (shown);
  g_assert_cmpuint (all, ==, count_qualified (xs_window_get_db (fixture->window)));
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

  set_base_name (app, BASE_NAME);
  xs_gui_test_iterate (50);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* Never into the data folder: refused before anything is issued. */
  {
    const char *data_dir = xs_db_get_data_dir (xs_window_get_db (fixture->window));
    g_autofree char *inside = g_build_filename (data_dir, "certificates.pdf", NULL);
    g_autoptr(GFile) inside_file = g_file_new_for_path (inside);
    g_autoptr(GPtrArray) issued = NULL;
    g_autoptr(GError) error = NULL;

    xs_certificates_view_export_to_file (fixture->view, inside_file);
    g_assert_false (xs_certificates_view_get_busy (fixture->view));
    xs_gui_test_iterate (50);
    g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
    issued = xs_certificate_store_list (xs_window_get_db (fixture->window), YEAR, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (issued->len, ==, 0);
  }
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

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  XsDb *db = xs_window_get_db (fixture->window);
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

  /* All of them, with a progress bar while it runs */
  xs_certificates_view_export_to_file (fixture->view, file);
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

  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, all);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, first->holder));

  /* Two of them again: the same certificates, none new */
  gtk_selection_model_unselect_all (selection (fixture));
  gtk_selection_model_select_range (selection (fixture), 0, 2, TRUE);
  g_assert_cmpuint (xs_certificates_view_get_n_selected (fixture->view), ==, 2);
  xs_certificates_view_export_to_file (fixture->view, two_file);
  g_assert_true (xs_gui_test_wait_until (not_busy, fixture->view, 60000));
  two = open_pdf (two_path);
  g_assert_cmpint (poppler_document_get_n_pages (two), ==, 2);
  g_clear_pointer (&issued, g_ptr_array_unref);
  issued = xs_certificate_store_list (db, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, all);

  /* The previewed one is issued now. */
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, "Issued as No."));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
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
  XsDb *db = xs_window_get_db (fixture->window);
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

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.verify-certificate", NULL));
  dialog = find_toplevel (XS_TYPE_VERIFY_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));

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

static gboolean
file_exists (gpointer user_data)
{
  return g_file_test (user_data, G_FILE_TEST_EXISTS);
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
  XsDb *db = xs_window_get_db (fixture->window);
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

  /* Export Revocation List… */
  _xs_window_export_revocations (fixture->window, list);
  g_assert_true (xs_gui_test_wait_until (file_exists, list, 60000));
  xs_gui_test_iterate (100);
  g_assert_true (g_file_get_contents (list, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, first->serial));
  g_assert_nonnull (strstr (contents, "重复发证"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.verify-certificate", NULL));
  dialog = find_toplevel (XS_TYPE_VERIFY_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));

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

int
main (int    argc,
      char **argv)
{
  int status;

  xs_gui_test_init (&argc, &argv);
  tmpdir = xs_test_make_tmpdir ();

  app = xs_gui_test_start_app ();
  /* Each window shows the demo's year. */
  g_settings_set_int (xs_application_get_settings (app), "default-year", YEAR);

  /* in this order: each starts from the database the previous one left */
  g_test_add ("/gui/certificates-view/demo-and-list", Fixture, NULL, fixture_set_up, test_demo_and_list, fixture_tear_down);
  g_test_add ("/gui/certificates-view/preview", Fixture, NULL, fixture_set_up, test_preview, fixture_tear_down);
  g_test_add ("/gui/certificates-view/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/gui/certificates-view/verify", Fixture, NULL, fixture_set_up, test_verify, fixture_tear_down);
  g_test_add ("/gui/certificates-view/verify-revoked", Fixture, NULL, fixture_set_up, test_verify_revoked, fixture_tear_down);

  status = g_test_run ();
  g_clear_pointer (&app, xs_gui_test_stop_app);
  g_free (tmpdir);
  return status;
}
