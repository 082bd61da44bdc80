/* test-gui-window.c: the main window as a clerk meets it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-application.h"
#include "xs-base-profile-dialog.h"
#include "xs-rules.h"
#include "xs-trainee-item.h"
#include "xs-trainee-model.h"
#include "xs-claim-row.h"
#include "xs-claim-store.h"
#include "xs-classes-view.h"
#include "xs-gui-test-util.h"
#include "xs-hours-bar.h"
#include "xs-table-reader.h"
#include "xs-test-util.h"
#include "xs-trainee-page.h"
#include "xs-trainee-store.h"
#include "xs-trainees-view.h"
#include "xs-window-package-private.h"
#include "xs-window-private.h"
#include "xs-window.h"
#include "xs-sidebar-row.h"
#include "xs-year-item.h"

typedef struct
{
  XsWindow *window;
} Fixture;

static gboolean
page_is (gpointer user_data)
{
  const char **args = user_data;
  XsWindow *window = (XsWindow *) args[0];

  return g_strcmp0 (xs_window_get_page (window), args[1]) == 0;
}

static void
wait_for_page (XsWindow   *window,
               const char *name)
{
  const char *args[] = { (const char *) window, name };

  if (!xs_gui_test_wait_until (page_is, args, 90000))
    g_error ("page %s not shown; visible: %s", name, xs_window_get_page (window));
}

/* One database for the program, a new window (and nothing else) for each
 * test. */
static XsDb *the_db;
static XsBaseProfile *the_profile;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  xs_gui_test_open_window (the_db, the_profile, 0, &fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* the window, and everything in it, is gone */
  xs_gui_test_wait_gone (&fixture->window, 10000);
}

static void
test_window_empty_state (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *status;

  wait_for_page (fixture->window, "empty");
  status = xs_gui_test_find (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE, "No Trainees Yet");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_nonnull (xs_gui_test_find (status, GTK_TYPE_BUTTON, "Import Roster"));
  g_assert_nonnull (xs_gui_test_find (status, GTK_TYPE_BUTTON, "Demo Data"));
  g_assert_true (gtk_widget_is_sensitive (xs_gui_test_find (status, GTK_TYPE_BUTTON, "Demo Data")));
}

/* The sidebar lists the stack's pages with a title, in order; a page shown
 * from elsewhere selects its row, and the arrow keys move through them. */
static void
test_window_sidebar (Fixture       *fixture,
                     gconstpointer  data)
{
  XsWindow *window = fixture->window;
  const char *titles[] = { "Trainees", "Classes", "Claims to Complete", "Certificates" };
  const char *pages[] = { "trainees", "classes", "to-complete", "certificates" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  XsYearItem *year;
  gboolean moved = FALSE;

  wait_for_page (window, "empty");
  for (int i = 0; i < (int) G_N_ELEMENTS (titles); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (window->sidebar, i);

      g_assert_true (XS_IS_SIDEBAR_ROW (row));
      g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (row), GTK_TYPE_LABEL, titles[i]));
      g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (row), GTK_TYPE_IMAGE, NULL));
      g_assert_cmpstr (gtk_stack_page_get_name (xs_sidebar_row_get_page (XS_SIDEBAR_ROW (row))), ==, pages[i]);
    }
  g_assert_null (gtk_list_box_get_row_at_index (window->sidebar, G_N_ELEMENTS (titles)));

  _xs_window_show_sidebar_page (window, "certificates");
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar) == gtk_list_box_get_row_at_index (window->sidebar, 3));
  g_assert_cmpstr (xs_window_get_page (window), ==, "certificates");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (window->sidebar, 3)));
  g_signal_emit_by_name (window->sidebar, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE, FALSE, &moved);
  g_assert_true (gtk_list_box_get_selected_row (window->sidebar) == gtk_list_box_get_row_at_index (window->sidebar, 2));
  g_assert_cmpstr (xs_window_get_page (window), ==, "to-complete");
  /* no trainee yet: Trainees is the empty page */
  _xs_window_show_sidebar_page (window, "trainees");
  g_assert_cmpstr (xs_window_get_page (window), ==, "empty");

  /* an empty base opens on this year, and no year is marked */
  year = xs_year_chooser_get_item (window->year_chooser);
  g_assert_true (XS_IS_YEAR_ITEM (year));
  g_assert_cmpint (xs_year_item_get_year (year), ==, g_date_time_get_year (now));
  g_assert_cmpint (xs_window_get_year (window), ==, g_date_time_get_year (now));
  g_assert_false (xs_year_item_get_has_data (year));
  g_assert_nonnull (xs_year_chooser_get_data_years (window->year_chooser));
  g_assert_cmpuint (xs_year_chooser_get_data_years (window->year_chooser)->len, ==, 0);
}

static gboolean
has_rows (gpointer user_data)
{
  XsTraineesView *view = user_data;

  return xs_trainees_view_get_n_shown (view) > 0;
}

/* Filtering may finish in the main loop. */
static void
settle (void)
{
  xs_gui_test_iterate (200);
}

/* @user_data: the window and a row's title */
static gboolean
shows_row (gpointer user_data)
{
  gpointer *pair = user_data;

  return xs_gui_test_find (pair[0], ADW_TYPE_ACTION_ROW, pair[1]) != NULL;
}

static void
test_window_demo_search_and_page (Fixture       *fixture,
                                  gconstpointer  data)
{
  XsWindow *window = fixture->window;
  XsTraineesView *view;
  XsTraineePage *page;
  XsHoursBar *bar;
  XsDb *db = xs_window_get_db (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  guint all;

  wait_for_page (window, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  wait_for_page (window, "trainees");

  view = XS_TRAINEES_VIEW (xs_gui_test_find (GTK_WIDGET (window), XS_TYPE_TRAINEES_VIEW, NULL));
  g_assert_true (xs_gui_test_wait_until (has_rows, view, 90000));
  g_assert_cmpint (xs_window_get_year (window), ==, 2018);
  all = xs_trainees_view_get_n_shown (view);
  g_assert_cmpuint (all, ==, 300);
  /* the demo fills an empty base only */
  g_assert_false (gtk_widget_is_sensitive (xs_gui_test_find (GTK_WIDGET (window), GTK_TYPE_BUTTON, "Demo Data")));

  /* Claims to Complete names each claim's trainee. */
  {
    g_autoptr(GPtrArray) to_complete = xs_claim_store_list_to_complete (db, 2018, &error);
    g_autoptr(XsTrainee) owner = NULL;
    g_autofree char *title = NULL;
    XsClaim *claim;

    g_assert_no_error (error);
    g_assert_cmpuint (to_complete->len, >, 0);
    claim = g_ptr_array_index (to_complete, 0);
    owner = xs_trainee_store_get (db, claim->trainee_id, &error);
    g_assert_no_error (error);
    title = g_strdup_printf ("%s · %s", owner->name, claim->title);
    g_assert_true (xs_gui_test_wait_until (shows_row, (gpointer[]) { window, title }, 10000));
  }

  /* Search by name, by identity-number digits, and by employer. */
  trainee = xs_trainee_store_get (db, 1, &error);
  g_assert_no_error (error);
  xs_trainees_view_set_search (view, trainee->name);
  settle ();
  g_assert_cmpuint (xs_trainees_view_get_n_shown (view), >=, 1);
  g_assert_cmpuint (xs_trainees_view_get_n_shown (view), <, all);
  xs_trainees_view_set_search (view, trainee->id_number + 6);
  settle ();
  g_assert_cmpuint (xs_trainees_view_get_n_shown (view), ==, 1);
  xs_trainees_view_set_search (view, "漯河市中心医院");
  settle ();
  g_assert_cmpuint (xs_trainees_view_get_n_shown (view), >, 1);
  xs_trainees_view_set_search (view, "no such person");
  settle ();
  g_assert_cmpuint (xs_trainees_view_get_n_shown (view), ==, 0);
  /* an empty result says so */
  {
    GtkWidget *none = xs_gui_test_find (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, "No Trainees Found");

    g_assert_nonnull (none);
    xs_gui_test_iterate (300);
    g_assert_true (gtk_widget_get_mapped (none));
  }
  xs_trainees_view_set_search (view, "");
  settle ();
  g_assert_cmpuint (xs_trainees_view_get_n_shown (view), ==, all);

  /* The trainee page: bars whose text is their accessible label */
  xs_window_show_trainee (window, trainee->id);
  wait_for_page (window, "trainee");
  page = XS_TRAINEE_PAGE (xs_gui_test_find (GTK_WIDGET (window), XS_TYPE_TRAINEE_PAGE, NULL));
  g_assert_cmpint (xs_trainee_page_get_trainee_id (page), ==, trainee->id);
  bar = XS_HOURS_BAR (xs_gui_test_find (GTK_WIDGET (page), XS_TYPE_HOURS_BAR, NULL));
  g_assert_true (g_str_has_prefix (xs_hours_bar_get_text (bar), "Public subjects "));
  g_assert_true (g_str_has_suffix (xs_hours_bar_get_text (bar), " / 30 hours"));

  /* Approving the trainee's submitted claims moves the bars. */
  g_assert_cmpint (xs_claim_store_approve_submitted (db, 2018, "test", &error), >=, 0);
  xs_window_show_trainee (window, trainee->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-list", NULL));
  wait_for_page (window, "trainees");
}

static void
test_window_bars_after_approval (Fixture       *fixture,
                                 gconstpointer  data)
{
  XsWindow *window = fixture->window;
  XsDb *db = xs_window_get_db (window);
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();
  g_autoptr(GError) error = NULL;
  XsTraineePage *page;
  g_auto(XsClaim) claim = { 0 };
  const char *expected[] = {
    "Public subjects 18 / 30 hours",
    "Compulsory 18 / 24 hours",
    "Professional subjects 0 / 60 hours",
    "Total 18 / 90 hours",
  };
  guint n = 0;

  /* A new window opens on the latest year with data, and knows which
   * years have any. */
  g_assert_cmpint (xs_window_get_year (window), ==, 2018);
  g_assert_nonnull (xs_year_chooser_get_data_years (window->year_chooser));
  g_assert_cmpuint (xs_year_chooser_get_data_years (window->year_chooser)->len, >=, 1);
  g_assert_cmpint (g_array_index (xs_year_chooser_get_data_years (window->year_chooser), int, 0), ==, 2018);
  g_assert_true (xs_year_item_get_has_data (xs_year_chooser_get_item (window->year_chooser)));

  trainee->id_number = xs_test_id_number (9);
  trainee->name = g_strdup ("张三");
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市中心医院");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));

  claim.trainee_id = trainee->id;
  claim.year = xs_window_get_year (window);
  claim.category = XS_CATEGORY_PUBLIC;
  claim.compulsory = TRUE;
  claim.hours = 180;
  claim.title = g_strdup ("公需科目（必修）");
  claim.source = XS_SOURCE_BATCH;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 1, 6, claim.year);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_true (xs_claim_store_decide (db, claim.id, XS_STATUS_APPROVED, NULL, "test", &error));
  g_assert_no_error (error);

  xs_window_reload (window);
  wait_for_page (window, "trainees");
  xs_window_show_trainee (window, trainee->id);
  page = XS_TRAINEE_PAGE (xs_gui_test_find (GTK_WIDGET (window), XS_TYPE_TRAINEE_PAGE, NULL));
  xs_gui_test_wait_for_draw (GTK_WIDGET (page));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (page));
  xs_gui_test_assert_controls_named (GTK_WIDGET (page));

  /* the bars, or the boxes that hold them, are siblings */
  for (GtkWidget *c = gtk_widget_get_parent (xs_gui_test_find (GTK_WIDGET (page), XS_TYPE_HOURS_BAR, NULL));
       c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *w = XS_IS_HOURS_BAR (c) ? c : gtk_widget_get_first_child (c);

      if (w == NULL || !XS_IS_HOURS_BAR (w))
        continue;
      g_assert_cmpstr (xs_hours_bar_get_text (XS_HOURS_BAR (w)), ==, expected[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
}

static gint64
add_trainee_with_patent (XsDb       *db,
                         guint       n,
                         const char *name,
                         int         year,
                         const char *scan)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  const char *paths[] = { scan, NULL };

  trainee->id_number = xs_test_id_number (n);
  trainee->name = g_strdup (name);
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市中心医院");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));

  claim.trainee_id = trainee->id;
  claim.year = year;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = 7;
  claim.hours = 100;
  claim.title = g_strdup_printf ("%s的专利", name);
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 20, 5, year);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_true (xs_claim_store_attach (db, claim.id, "patent_certificate", paths, &error));
  g_assert_no_error (error);
  return trainee->id;
}

static gboolean file_exists (gpointer user_data);

static gboolean
toast_shown (gpointer user_data)
{
  Fixture *fixture = user_data;

  return xs_gui_test_find (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, "Choose a file outside it.") != NULL;
}

/* A claim whose scan another trainee's claim holds too shows a warning;
 * "Export Statistics" writes the workbook in a worker; an export into the
 * data folder is refused before any worker starts. */
static void
test_window_shared_scan_and_statistics (Fixture       *fixture,
                                        gconstpointer  data)
{
  XsWindow *window = fixture->window;
  XsDb *db = xs_window_get_db (window);
  int year = xs_window_get_year (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *scan = g_build_filename (dir, "专利证书.png", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "statistics.xlsx", NULL);
  g_autofree char *revocations = g_build_filename (dir, "撤销清单.txt", NULL);
  g_autofree char *inside = NULL;
  g_autofree char *id_li = xs_test_id_number (31);
  g_autofree char *masked_li = xs_id_number_mask (id_li);
  g_autofree char *expected = g_strdup_printf ("The same scan is attached to a claim of 李娜 (%s)", masked_li);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 20, 20);
  XsTraineePage *page;
  GtkWidget *row;
  gint64 wang;

  g_assert_cmpint (cairo_surface_write_to_png (surface, scan), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  wang = add_trainee_with_patent (db, 30, "王伟", year, scan);
  add_trainee_with_patent (db, 31, "李娜", year, scan);

  xs_window_reload (window);
  wait_for_page (window, "trainees");
  xs_window_show_trainee (window, wang);
  wait_for_page (window, "trainee");
  page = XS_TRAINEE_PAGE (xs_gui_test_find (GTK_WIDGET (window), XS_TYPE_TRAINEE_PAGE, NULL));
  xs_gui_test_wait_for_draw (GTK_WIDGET (page));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (page));
  xs_gui_test_assert_controls_named (GTK_WIDGET (page));
  row = xs_gui_test_find (GTK_WIDGET (page), XS_TYPE_CLAIM_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (xs_claim_row_get_shared_scan (XS_CLAIM_ROW (row)), ==, expected);
  g_assert_null (strstr (xs_claim_row_get_shared_scan (XS_CLAIM_ROW (row)), id_li));

  xs_base_tasks_export_statistics (window->tasks, xlsx);
  g_assert_true (xs_gui_test_wait_until (file_exists, xlsx, 90000));
  xs_gui_test_iterate (200);
  reader = xs_table_reader_new_for_path (xlsx, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "工作单位");

  inside = g_build_filename (xs_db_get_data_dir (db), "撤销清单.txt", NULL);
  g_assert_false (toast_shown (fixture));
  xs_base_tasks_export_revocations (window->tasks, inside);
  g_assert_true (xs_gui_test_wait_until (toast_shown, fixture, 5000));
  xs_gui_test_iterate (200);
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));

  xs_base_tasks_export_revocations (window->tasks, revocations);
  g_assert_true (xs_gui_test_wait_until (file_exists, revocations, 90000));
  xs_gui_test_iterate (200);
  g_unlink (revocations);
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

static gboolean
is_null (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

static gboolean
file_exists (gpointer user_data)
{
  return g_file_test (user_data, G_FILE_TEST_EXISTS);
}

/* A package never leaves without the base's name: Export asks for the
 * profile, whose Save waits for a name and whose first field has the
 * focus, and writes nothing. */
static void
test_window_export_asks_base_name (Fixture       *fixture,
                                   gconstpointer  data)
{
  XsWindow *window = fixture->window;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *zip = g_build_filename (dir, "package.zip", NULL);
  g_autoptr(XsBaseProfile) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *name;
  GtkWidget *save;

  g_assert_cmpstr (xs_base_profile_get_name (the_profile), ==, "");
  _xs_window_export_package (window, zip);
  xs_gui_test_iterate (300);
  g_assert_false (g_file_test (zip, G_FILE_TEST_EXISTS));
  dialog = find_toplevel (XS_TYPE_BASE_PROFILE_DIALOG);
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "before exporting"));

  name = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name of the base");
  g_assert_nonnull (name);
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (dialog), name)
                 || gtk_window_get_focus (dialog) == name);
  /* blank is no name */
  save = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (name), "   ");
  g_assert_false (gtk_widget_is_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (name), "漯河市𠮷䶮继续教育基地");
  g_assert_true (gtk_widget_is_sensitive (save));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "profile.save", NULL);
  g_assert_true (xs_gui_test_wait_until (is_null, &dialog, 5000));

  stored = xs_base_profile_load (xs_window_get_db (window), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xs_base_profile_get_name (stored), ==, "漯河市𠮷䶮继续教育基地");

  /* the next tests start from a base without a name */
  xs_base_profile_set_name (the_profile, "");
  g_assert_true (xs_base_profile_save (the_profile, xs_window_get_db (window), &error));
}

/* The pale part of a bar is said in words. */
static void
test_window_hours_bar_text (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *bar = g_object_ref_sink (xs_hours_bar_new ());
  int short_minimum, short_natural, long_minimum, long_natural, height, compact_height;

  xs_hours_bar_set (XS_HOURS_BAR (bar), NULL, 0, 300, 300);
  g_assert_cmpstr (xs_hours_bar_get_text (XS_HOURS_BAR (bar)), ==, "0 / 30 (30 awaiting review)");
  xs_hours_bar_set (XS_HOURS_BAR (bar), "Public subjects", 60, 120, 300);
  g_assert_cmpstr (xs_hours_bar_get_text (XS_HOURS_BAR (bar)), ==, "Public subjects 6 / 30 hours (12 awaiting review)");
  /* the text is the bar's name and value for a screen reader */
  gtk_test_accessible_assert_role (bar, GTK_ACCESSIBLE_ROLE_PROGRESS_BAR);
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_LABEL, "Public subjects 6 / 30 hours (12 awaiting review)");
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "Public subjects 6 / 30 hours (12 awaiting review)");
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "6 approved, 12 awaiting review, 30 required");
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 6.0);
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 30.0);
  gtk_widget_measure (bar, GTK_ORIENTATION_HORIZONTAL, -1, &long_minimum, &long_natural, NULL, NULL);
  gtk_widget_measure (bar, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);

  xs_hours_bar_set (XS_HOURS_BAR (bar), NULL, 300, 0, 300);
  g_assert_cmpstr (xs_hours_bar_get_text (XS_HOURS_BAR (bar)), ==, "30 / 30");
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_LABEL, "30 / 30");
  gtk_test_accessible_assert_property (bar, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, 30.0);
  /* as wide as its text, shrinking to an ellipsis; high as a line and its track */
  gtk_widget_measure (bar, GTK_ORIENTATION_HORIZONTAL, -1, &short_minimum, &short_natural, NULL, NULL);
  g_assert_cmpint (short_natural, >, 0);
  g_assert_cmpint (long_natural, >, short_natural);
  g_assert_cmpint (long_minimum, <, long_natural / 4);
  g_assert_cmpint (short_minimum, <=, short_natural);

  /* in a list cell the screen reader's words follow after the frame */
  {
    GtkWidget *cell = g_object_ref_sink (xs_hours_bar_new ());

    gtk_widget_add_css_class (cell, "compact");
    xs_hours_bar_set (XS_HOURS_BAR (cell), NULL, 60, 0, 300);
    xs_gui_test_iterate (100);
    gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL, "6 / 30");
    g_object_unref (cell);
  }
  g_assert_cmpint (height, >, 8 + 4);

  /* Outside lists a narrow bar wraps its text rather than cut what the
   * pale part means; in a list cell it keeps to one line. */
  xs_hours_bar_set (XS_HOURS_BAR (bar), "Professional subjects", 0, 300, 600);
  {
    int wide, narrow, compact_narrow, natural;

    gtk_widget_measure (bar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
    g_assert_cmpint (gtk_widget_get_request_mode (bar), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
    gtk_widget_measure (bar, GTK_ORIENTATION_VERTICAL, natural, &wide, NULL, NULL, NULL);
    gtk_widget_measure (bar, GTK_ORIENTATION_VERTICAL, natural / 2, &narrow, NULL, NULL, NULL);
    g_assert_cmpint (wide, ==, height);
    g_assert_cmpint (narrow, >, wide);

    /* a list cell is compact from the start */
    {
      GtkWidget *cell = g_object_ref_sink (xs_hours_bar_new ());

      gtk_widget_add_css_class (cell, "compact");
      xs_hours_bar_set (XS_HOURS_BAR (cell), "Professional subjects", 0, 300, 600);
      g_assert_cmpint (gtk_widget_get_request_mode (cell), ==, GTK_SIZE_REQUEST_CONSTANT_SIZE);
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, natural / 2, &compact_narrow, NULL, NULL, NULL);
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &compact_height, NULL, NULL, NULL);
      g_assert_cmpint (compact_narrow, ==, compact_height);
      g_object_unref (cell);
    }
  }
  g_assert_cmpint (compact_height, <, height);
  g_object_unref (bar);
}

/* An at-risk trainee says so in the Status column. */
static void
test_window_at_risk_status (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (2018, NULL);
  XsProgressRow row = { 1, "410102198001011234", "张三", "漯河市中心医院", 0 };
  g_autoptr(XsTraineeItem) item = xs_trainee_item_new (&row, rules);

  g_assert_cmpstr (xs_trainee_item_get_status_label (item), ==, "In progress");
  xs_trainee_item_set_at_risk (item, TRUE, "lacks 30 public hours");
  g_assert_cmpstr (xs_trainee_item_get_status_label (item), ==, "At risk");
}


static gboolean
is_narrow (gpointer user_data)
{
  return xs_trainees_view_get_narrow (user_data);
}

/* At 360 pixels (a clerk's half of a 1366-pixel screen) the window still
 * fits: the list keeps the name, the total and the status. */
static void
test_window_narrow (Fixture       *fixture,
                    gconstpointer  data)
{
  XsWindow *window = fixture->window;
  XsTraineesView *view;
  GtkWidget *leaflet;
  int minimum = 0;

  wait_for_page (window, "trainees");
  view = XS_TRAINEES_VIEW (xs_gui_test_find (GTK_WIDGET (window), XS_TYPE_TRAINEES_VIEW, NULL));
  g_assert_false (xs_trainees_view_get_narrow (view));
  /* below the width where the columns fold, so that dragging gets there */
  leaflet = xs_gui_test_find (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL);
  gtk_widget_measure (leaflet, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <, 720);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  g_assert_true (xs_gui_test_wait_until (is_narrow, view, 10000));
  xs_gui_test_iterate (300);
  /* as a user would go on dragging the edge once the columns fold */
  gtk_window_set_default_size (GTK_WINDOW (window), 361, 700);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  xs_gui_test_iterate (500);
  /* the window's content: its own width, without the shadows */
  gtk_widget_measure (GTK_WIDGET (view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  /* the header bar's English labels are wider than the Chinese ones,
   * which fit 360 */
  gtk_widget_measure (leaflet, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 400);
  g_assert_cmpint (gtk_widget_get_width (leaflet), <=, 400);
}

typedef struct
{
  XsTraineeModel *model;
  int             year;
} YearLoaded;

static gboolean
year_loaded (gpointer user_data)
{
  YearLoaded *loaded = user_data;

  return xs_trainee_model_get_year (loaded->model) == loaded->year;
}

static gboolean
classes_loaded (gpointer classes)
{
  return !xs_classes_view_get_loading (classes);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* Choosing another year reads that year's progress, and nothing the year
 * does not change: the classes list every year's classes. */
static void
test_window_year_switch (Fixture       *fixture,
                         gconstpointer  data)
{
  XsWindow *window = fixture->window;
  GtkWidget *classes = xs_gui_test_find (GTK_WIDGET (window), XS_TYPE_CLASSES_VIEW, NULL);
  g_autoptr(XsTraineeModel) model = NULL;
  guint loading = 0, n_trainees;
  gulong id;

  wait_for_page (window, "trainees");
  g_object_get (window, "trainees", &model, NULL);
  g_assert_cmpint (xs_trainee_model_get_year (model), ==, 2018);
  n_trainees = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n_trainees, >=, 300);
  g_assert_nonnull (classes);
  g_assert_true (xs_gui_test_wait_until (classes_loaded, classes, 60000));
  g_assert_false (xs_classes_view_get_loading (XS_CLASSES_VIEW (classes)));
  id = g_signal_connect_swapped (classes, "notify::loading", G_CALLBACK (count_notify), &loading);

  for (int step = 0; step < 2; step++)
    {
      YearLoaded loaded = { model, step == 0 ? 2019 : 2018 };

      g_assert_true (xs_year_chooser_select (window->year_chooser, loaded.year));
      g_assert_true (xs_gui_test_wait_until (year_loaded, &loaded, 60000));
      g_assert_cmpint (xs_window_get_year (window), ==, loaded.year);
      xs_gui_test_iterate (100);
    }
  g_assert_cmpint (xs_trainee_model_get_year (model), ==, 2018);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_trainees);
  g_assert_cmpuint (loading, ==, 0);
  g_signal_handler_disconnect (classes, id);
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

  g_test_add ("/gui/window/empty-state", Fixture, NULL, fixture_set_up, test_window_empty_state, fixture_tear_down);
  g_test_add ("/gui/window/sidebar", Fixture, NULL, fixture_set_up, test_window_sidebar, fixture_tear_down);
  g_test_add ("/gui/window/export-asks-base-name", Fixture, NULL, fixture_set_up, test_window_export_asks_base_name, fixture_tear_down);
  g_test_add ("/gui/window/hours-bar-text", Fixture, NULL, fixture_set_up, test_window_hours_bar_text, fixture_tear_down);
  g_test_add ("/gui/window/at-risk-status", Fixture, NULL, fixture_set_up, test_window_at_risk_status, fixture_tear_down);
  /* in this order: each starts from the database the previous one left */
  g_test_add ("/gui/window/demo-search-and-page", Fixture, NULL, fixture_set_up, test_window_demo_search_and_page, fixture_tear_down);
  g_test_add ("/gui/window/bars-after-approval", Fixture, NULL, fixture_set_up, test_window_bars_after_approval, fixture_tear_down);
  g_test_add ("/gui/window/year-switch", Fixture, NULL, fixture_set_up, test_window_year_switch, fixture_tear_down);
  g_test_add ("/gui/window/shared-scan-and-statistics", Fixture, NULL, fixture_set_up, test_window_shared_scan_and_statistics, fixture_tear_down);
  g_test_add ("/gui/window/narrow", Fixture, NULL, fixture_set_up, test_window_narrow, fixture_tear_down);

  status = xs_gui_test_run ();
  g_assert_finalize_object (the_profile);
  g_assert_finalize_object (the_db);
  return status;
}
