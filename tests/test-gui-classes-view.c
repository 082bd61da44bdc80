/* test-gui-classes-view.c: a class, its hours sheet and its locked claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <poppler.h>
#include <string.h>

#include "xs-base-profile.h"
#include "xs-certificate-store.h"

#include "xs-class-dialog.h"
#include "xs-class-store.h"
#include "xs-claim-store.h"
#include "xs-class-certificates.h"
#include "xs-classes-view.h"
#include "xs-gui-test-util.h"
#include "xs-hours-import.h"
#include "xs-import-dialog.h"
#include "xs-import-log.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

typedef struct
{
  GtkWindow     *holder;   /* shows the view on its own */
  XsClassesView *view;
} Fixture;

/* poppler-glib 22 has no autoptr cleanups of its own */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* What win.show-import-toast was given last (the window's Undo toast). */
static gint64 toast_import_id;

static void
show_import_toast_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  const char *text = NULL;

  g_variant_get (param, "(&sx)", &text, &toast_import_id);
}

/* The view alone, on one database, with the base's profile; the tests run
 * in order on it. */
static XsDb *db;
static XsBaseProfile *profile;

static gboolean
loaded (gpointer user_data)
{
  return !xs_classes_view_get_loading (user_data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const GActionEntry actions[] = {
    { "show-import-toast", show_import_toast_activated, "(sx)", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  fixture->holder = GTK_WINDOW (gtk_window_new ());
  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), fixture);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->holder), "win", G_ACTION_GROUP (group));
  g_object_add_weak_pointer (G_OBJECT (fixture->holder), (gpointer *) &fixture->holder);
  gtk_window_set_default_size (fixture->holder, 1000, 700);
  fixture->view = g_object_new (XS_TYPE_CLASSES_VIEW,
                                "db", db,
                                "year", 2018,
                                "profile", profile,
                                NULL);
  g_object_ref (fixture->view);
  gtk_window_set_child (fixture->holder, GTK_WIDGET (fixture->view));
  xs_classes_view_reload (fixture->view);
  g_assert_true (xs_classes_view_get_loading (fixture->view));
  g_assert_true (xs_gui_test_wait_until (loaded, fixture->view, 10000));
  gtk_window_present (fixture->holder);
  xs_gui_test_wait_for_draw (GTK_WIDGET (fixture->view));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (fixture->view));
  xs_gui_test_assert_controls_named (GTK_WIDGET (fixture->view));
}

static gboolean
is_null (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->holder);
  xs_gui_test_wait_gone (&fixture->holder, 10000);
  /* a job that was reading for it lets go of it when it ends */
  g_object_add_weak_pointer (G_OBJECT (fixture->view), (gpointer *) &fixture->view);
  g_object_unref (fixture->view);
  g_assert_true (xs_gui_test_wait_until (is_null, &fixture->view, 10000));
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


/* A label saying @title whose next sibling mentions @text, under @root. */
static GtkWidget *
find_titled (GtkWidget  *root,
             const char *title,
             const char *text)
{
  GtkWidget *next;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), title) == 0
      && (next = gtk_widget_get_next_sibling (root)) != NULL && GTK_IS_LABEL (next)
      && strstr (gtk_label_get_label (GTK_LABEL (next)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled (child, title, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  GtkWidget *row = xs_gui_test_find (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *status = xs_gui_test_find (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE, "No Classes Yet");

  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_nonnull (xs_gui_test_find (status, GTK_TYPE_BUTTON, "New Class"));
  g_assert_cmpint (xs_classes_view_get_selected_class (fixture->view), ==, 0);
}

static void
test_create_class (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *error_label;
  GtkWidget *create;
  GtkWidget *missing;
  GtkWidget *spin;
  g_autoptr(XsTrainingClass) klass = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "classes.new", NULL);
  dialog = find_toplevel (XS_TYPE_CLASS_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (dialog));

  /* The first field has the focus; Create waits until the class is
   * complete, and says what is missing next to the fields. */
  create = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "C_reate");
  g_assert_nonnull (create);
  g_assert_false (gtk_widget_is_sensitive (create));
  g_assert_true (gtk_window_get_focus (dialog) == xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")
                 || gtk_widget_is_ancestor (gtk_window_get_focus (dialog),
                                            xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")));
  missing = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "To create the class, fill in");
  g_assert_nonnull (missing);
  g_assert_true (gtk_widget_is_visible (missing));

  set_row_text (GTK_WIDGET (dialog), "Name", "2018年度专业技术人员继续教育培训班");
  set_row_text (GTK_WIDGET (dialog), "Code", "2018-07");
  spin = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2018);
  {
    GtkWidget *hours_row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Hours per Trainee");

    g_assert_nonnull (hours_row);
    spin = xs_gui_test_find (hours_row, GTK_TYPE_SPIN_BUTTON, NULL);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 24);
  }
  {
    GtkWidget *category = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Subject");

    adw_combo_row_set_selected (ADW_COMBO_ROW (category), 1);   /* professional */
  }

  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (missing)), "First Day"));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (missing)), "Name"));
  g_assert_false (gtk_widget_is_sensitive (create));

  /* A class that ends before it starts: said under the dates as typed,
   * and Create stays disabled. */
  set_row_text (GTK_WIDGET (dialog), "First Day", "2018-07-05");
  set_row_text (GTK_WIDGET (dialog), "Last Day", "2018年7月1日");
  g_assert_false (gtk_widget_is_visible (missing));
  error_label = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "before the first day");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_is_visible (error_label));
  g_assert_false (gtk_widget_is_sensitive (create));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "class.create", NULL);
  g_assert_nonnull (dialog);

  /* A date that is not one */
  set_row_text (GTK_WIDGET (dialog), "Last Day", "七月");
  g_assert_true (gtk_widget_is_visible (xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Last Day: ")));
  g_assert_false (gtk_widget_is_sensitive (create));

  set_row_text (GTK_WIDGET (dialog), "Last Day", "2018年7月6日");
  g_assert_true (gtk_widget_is_sensitive (create));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "class.create", NULL);
  g_assert_true (xs_gui_test_wait_until (is_null, &dialog, 5000));
  g_assert_true (xs_gui_test_wait_until (loaded, fixture->view, 10000));

  klass = xs_class_store_lookup (db, "2018-07", &error);
  g_assert_no_error (error);
  g_assert_cmpint (klass->year, ==, 2018);
  g_assert_cmpint (klass->hours, ==, 240);
  g_assert_cmpint (klass->category, ==, XS_CATEGORY_PROFESSIONAL);

  /* It is in the list, selected. */
  g_assert_cmpint (xs_classes_view_get_selected_class (fixture->view), ==, klass->id);
  xs_gui_test_iterate (100);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL,
                                      "2018年度专业技术人员继续教育培训班"));
}

static void
test_import_class_hours (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XsTrainingClass) klass = NULL;
  g_autoptr(XsImportReport) roster_report = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) roster = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(GString) sheet = g_string_new ("身份证号,姓名\n");
  g_autofree char *roster_path = NULL;
  g_autofree char *sheet_path = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr(GFile) sheet_file = NULL;
  static const char *names[] = { "陈明", "刘芳", "杨磊" };
  const char *paths[2] = { NULL, NULL };
  XsImportDialog *dialog;
  GtkWidget *row;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = xs_test_id_number (300 + i);

      g_string_append_printf (roster, "%s,%s,漯河市中心医院\n", names[i], id);
      g_string_append_printf (sheet, "%s,%s\n", id, names[i]);
    }
  roster_path = xs_test_write_file ("class-roster.csv", roster->str, -1);
  roster_report = xs_roster_import (db, roster_path, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (roster_report));

  klass = xs_class_store_lookup (db, "2018-07", &error);
  g_assert_no_error (error);
  g_assert_true (xs_classes_view_select_class (fixture->view, klass->id));
  g_assert_true (xs_gui_test_wait_until (loaded, fixture->view, 10000));

  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "classes.import-hours", NULL);
  dialog = XS_IMPORT_DIALOG (find_toplevel (XS_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  sheet_path = xs_test_write_file ("class-hours.csv", sheet->str, -1);
  sheet_file = g_file_new_for_path (sheet_path);
  xs_import_dialog_load_file (dialog, sheet_file);
  while (dialog != NULL && g_str_equal (xs_import_dialog_get_step (dialog), "reading"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (xs_import_dialog_get_step (dialog), ==, "preview");
  g_assert_cmpuint (xs_import_report_get_count (xs_import_dialog_get_report (dialog), XS_ROW_ADDED), ==, 3);
  g_assert_cmpuint (xs_import_report_get_count (xs_import_dialog_get_report (dialog), XS_ROW_REJECTED), ==, 0);

  toast_import_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL);
  g_assert_true (xs_gui_test_wait_until (is_null, &dialog, 30000));
  /* the toast's Undo names the import */
  g_assert_cmpint (toast_import_id, >, 0);
  g_assert_true (xs_gui_test_wait_until (loaded, fixture->view, 10000));

  /* Batch claims with the class's hours, submitted, locked. */
  claims = xs_claim_store_list_for_class (db, klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claims->len, ==, 3);
  evidence = xs_test_write_file ("notice.pdf", "%PDF-1.4\n%%EOF\n", -1);
  paths[0] = evidence;
  for (guint i = 0; i < claims->len; i++)
    {
      XsClaim *claim = g_ptr_array_index (claims, i);
      g_autoptr(GError) refused = NULL;

      g_assert_cmpint (claim->hours, ==, klass->hours);
      g_assert_cmpint (claim->status, ==, XS_STATUS_SUBMITTED);
      g_assert_cmpint (claim->source, ==, XS_SOURCE_BATCH);
      g_assert_cmpint (claim->year, ==, 2018);
      g_assert_false (xs_claim_store_attach (db, claim->id, "training_notice", paths, &refused));
      g_assert_error (refused, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
    }

  /* The view lists them, the class row counts them. */
  xs_gui_test_iterate (100);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* the name, and under it the masked identity number (the name
       * alone is also in the certificate preview's caption) */
      row = find_titled (GTK_WIDGET (fixture->view), names[i], "****");
      g_assert_nonnull (row);
    }
  /* the class's title in the list, and under it what it holds */
  g_assert_nonnull (find_titled (GTK_WIDGET (fixture->view), "2018年度专业技术人员继续教育培训班", "3 trainees"));

  /* Undo (what the toast's button does) takes the class's hours out. */
  g_assert_true (xs_import_log_undo (db, toast_import_id, &error));
  g_clear_pointer (&claims, g_ptr_array_unref);
  claims = xs_claim_store_list_for_class (db, klass->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claims->len, ==, 0);

  /* imported again: the completion certificates below are for them */
  {
    g_autoptr(XsImportReport) again = xs_hours_import (db, sheet_path, NULL, klass, XS_IMPORT_DEFAULT,
                                                       NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (xs_import_report_get_committed (again));
  }
}

/* The class page's completion certificates part. */
static XsClassCertificates *
certificates_of (XsClassesView *view)
{
  GtkWidget *found = xs_gui_test_find (GTK_WIDGET (view), XS_TYPE_CLASS_CERTIFICATES, NULL);

  g_assert_nonnull (found);
  return XS_CLASS_CERTIFICATES (found);
}

static gboolean
not_issuing (gpointer user_data)
{
  return !xs_class_certificates_get_busy (certificates_of (user_data));
}

static gboolean
question_shown (gpointer user_data)
{
  return find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
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

/* What the view says, when it does not say what a test waits for. */
static void
dump_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_is_visible (child))
        g_test_message ("label: %s", gtk_label_get_label (GTK_LABEL (child)));
      dump_labels (child);
    }
}

static char *
pdf_page_text (const char *path,
               int         index,
               int        *n_pages)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GError) error = NULL;

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (document);
  page = poppler_document_get_page (document, index);
  return poppler_page_get_text (page);
}

/* The class page issues, previews and exports its completion certificates
 * as the Certificates page does the year's, asking first. */
static void
test_completion_certificates (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(XsTrainingClass) klass = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "completion.pdf", NULL);
  g_autofree char *again_path = g_build_filename (dir, "again.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) again_file = g_file_new_for_path (again_path);
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *picture;
  Shown draft = { GTK_WIDGET (fixture->view), "Draft of 陈明’s certificate" };
  Shown issued_caption = { GTK_WIDGET (fixture->view), "issued as No. 2018-JY-000001" };
  int n_pages = 0;

  klass = xs_class_store_lookup (db, "2018-07", &error);
  g_assert_no_error (error);
  g_assert_true (xs_classes_view_select_class (fixture->view, klass->id));
  g_assert_true (xs_gui_test_wait_until (loaded, fixture->view, 10000));

  /* the first trainee's certificate, as a draft */
  if (!xs_gui_test_wait_until (label_shown, &draft, 20000))
    dump_labels (GTK_WIDGET (fixture->view));
  g_assert_true (label_shown (&draft));
  picture = xs_gui_test_find (GTK_WIDGET (fixture->view), GTK_TYPE_PICTURE, NULL);
  g_assert_nonnull (picture);
  g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (picture)));
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (picture)), ==, "Certificate of 陈明");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (certificates_of (fixture->view)), "class-certificates.print", NULL));
  /* a print asks first too: answered No, nothing issued */
  g_assert_true (xs_gui_test_wait_until (question_shown, NULL, 30000));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "3 certificates will be issued, 2018-JY-000001 to 2018-JY-000003"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (not_issuing, fixture->view, 30000));
  issued = xs_certificate_store_list (db, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 0);
  g_clear_pointer (&issued, g_ptr_array_unref);

  /* exported: asked, then the three are issued and written */
  xs_class_certificates_export (certificates_of (fixture->view), file);
  g_assert_true (xs_class_certificates_get_busy (certificates_of (fixture->view)));
  g_assert_true (xs_gui_test_wait_until (question_shown, NULL, 30000));
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Issue Completion Certificates?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "3 certificates will be issued, 2018-JY-000001 to 2018-JY-000003"));
  adw_message_dialog_response (dialog, "issue");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (not_issuing, fixture->view, 60000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  text = pdf_page_text (path, 0, &n_pages);
  g_assert_cmpint (n_pages, ==, 3);
  g_assert_nonnull (strstr (text, "陈明"));
  g_assert_nonnull (strstr (text, "2018-JY-000001"));
  g_assert_nonnull (strstr (text, "2018年度专业技术人员继续教育培训班"));
  g_assert_null (strstr (text, "草"));
  g_assert_null (strstr (text, "稿"));
  issued = xs_certificate_store_list (db, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 3);
  g_clear_pointer (&issued, g_ptr_array_unref);

  /* the preview is the issued one now */
  g_assert_true (xs_gui_test_wait_until (label_shown, &issued_caption, 20000));

  /* again: written as they were, nothing asked, nothing new */
  xs_class_certificates_export (certificates_of (fixture->view), again_file);
  g_assert_true (xs_gui_test_wait_until (not_issuing, fixture->view, 60000));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_clear_pointer (&text, g_free);
  text = pdf_page_text (again_path, 2, &n_pages);
  g_assert_cmpint (n_pages, ==, 3);
  g_assert_nonnull (strstr (text, "2018-JY-000003"));
  issued = xs_certificate_store_list (db, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued->len, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  int status;

  xs_gui_test_init (&argc, &argv);

  db = xs_test_open_db ();
  {
    g_autoptr(GError) error = NULL;

    profile = xs_base_profile_load (db, &error);
    g_assert_no_error (error);
    xs_base_profile_set_name (profile, "漯河市专业技术人员继续教育基地");
    g_assert_true (xs_base_profile_save (profile, db, &error));
    g_assert_no_error (error);
  }

  /* in this order: each starts from the database the previous one left */
  g_test_add ("/gui/classes-view/empty-state", Fixture, NULL, fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/gui/classes-view/create-class", Fixture, NULL, fixture_set_up, test_create_class, fixture_tear_down);
  g_test_add ("/gui/classes-view/import-class-hours", Fixture, NULL, fixture_set_up, test_import_class_hours, fixture_tear_down);
  g_test_add ("/gui/classes-view/completion-certificates", Fixture, NULL, fixture_set_up,
              test_completion_certificates, fixture_tear_down);

  status = xs_gui_test_run ();
  g_clear_object (&profile);
  g_clear_object (&db);
  return status;
}
