/* test-gui-import-dialog.c: importing a roster through the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-gui-test-util.h"
#include "xs-history-dialog.h"
#include "xs-id-number.h"
#include "xs-import-dialog.h"
#include "xs-import-log.h"
#include "xs-import-row-item.h"
#include "xs-roster-add.h"
#include "xs-roster-add-dialog.h"
#include "xs-roster-import.h"
#include "xs-table-reader.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

typedef struct
{
  XsImportDialog *dialog;
  XsImportDialog *held;      /* the test's own reference */
  GtkWindow      *holder;    /* the dialog's parent, with the window's actions */
  gint64          toast_import_id;  /* what win.show-import-toast was given */
  guint           n_reloads;
} Fixture;

/* The dialog alone, on one database for the program; the tests share it,
 * so they count differences. */
static XsDb *db;

/* The actions the dialogs report to, as the main window has them. */

static void
reload_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  ((Fixture *) user_data)->n_reloads++;
}

static void
show_import_toast_activated (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  Fixture *fixture = user_data;
  const char *text = NULL;

  g_variant_get (param, "(&sx)", &text, &fixture->toast_import_id);
  g_assert_true (strstr (text, "imported") != NULL || strstr (text, "added to the roster") != NULL);
}

static void
undo_import_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xs_import_log_undo (db, g_variant_get_int64 (param), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const GActionEntry entries[] = {
    { "reload", reload_activated, NULL, NULL, NULL, { 0 } },
    { "show-import-toast", show_import_toast_activated, "(sx)", NULL, NULL, { 0 } },
    { "undo-import", undo_import_activated, "x", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
  fixture->holder = GTK_WINDOW (gtk_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->holder), "win", G_ACTION_GROUP (group));
  fixture->dialog = xs_import_dialog_new (fixture->holder, db, XS_IMPORT_ROSTER, NULL);
  fixture->held = g_object_ref (fixture->dialog);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  xs_gui_test_wait_for_draw (GTK_WIDGET (fixture->dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (fixture->dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (fixture->dialog));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->held));
  /* a cancelled worker may still be winding down */
  xs_gui_test_finalize (fixture->held, 10000);
  /* the parent after the dialog: it is transient for it until finalized */
  gtk_window_destroy (fixture->holder);
  xs_gui_test_iterate (20);
}

typedef struct
{
  XsImportDialog **dialog;
  const char      *step;
} StepWait;

static gboolean
step_is (gpointer user_data)
{
  StepWait *wait = user_data;

  return *wait->dialog != NULL && g_strcmp0 (xs_import_dialog_get_step (*wait->dialog), wait->step) == 0;
}

static void
wait_for_step (XsImportDialog **dialog,
               const char      *step)
{
  StepWait wait = { dialog, step };

  if (!xs_gui_test_wait_until (step_is, &wait, 60000))
    g_error ("step %s not reached; at %s", step,
             *dialog ? xs_import_dialog_get_step (*dialog) : "(closed)");
}

/* Destroyed: no longer one of the toplevels (the test still holds it). */
static gboolean
is_closed (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (window == user_data)
        return FALSE;
    }
  return TRUE;
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = xs_test_write_file (name, contents, -1);

  return g_file_new_for_path (path);
}

static gint64
count_trainees (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 n = xs_trainee_store_count (db, &error);

  g_assert_no_error (error);
  return n;
}

static GtkWidget *
import_button (Fixture *fixture)
{
  GtkWidget *button = xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_BUTTON, "_Import");

  g_assert_nonnull (button);
  return button;
}

static void
test_preview_then_import_valid_rows (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(GFile) file = NULL;
  g_autofree char *id1 = xs_test_id_number (101);
  g_autofree char *id2 = xs_test_id_number (102);
  g_autofree char *id3 = xs_test_id_number (103);
  g_autofree char *id4 = xs_test_id_number (104);
  GtkColumnView *view;
  GListModel *model;
  GtkWidget *check;
  GtkWidget *toggle;
  XsImportReport *report;
  gint64 before = count_trainees (fixture);

  g_string_append_printf (csv, "张三,%s,漯河市第一中学\n", id1);        /* row 2 */
  g_string_append (csv, "李四,41110219800101123,漯河市中心医院\n");   /* row 3: 17 digits */
  g_string_append_printf (csv, "王五,%s,源汇区财政局\n", id2);          /* row 4 */
  g_string_append_printf (csv, "赵六,%s,\n", id3);                    /* row 5: no employer */
  g_string_append_printf (csv, "孙七,%s,郾城区人民医院\n", id4);        /* row 6 */
  file = write_file ("roster.csv", csv->str);

  xs_import_dialog_load_file (fixture->dialog, file);
  wait_for_step (&fixture->dialog, "preview");

  report = xs_import_dialog_get_report (fixture->dialog);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_ADDED), ==, 3);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 2);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_LABEL, "3 to add, 2 rejected"));
  /* what to do about them, not "nothing to import" */
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_LABEL, "2 rows have problems"));
  g_assert_null (xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_LABEL, "Nothing to import"));

  /* Rejected rows come first, with their row numbers and reasons. */
  view = GTK_COLUMN_VIEW (xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_COLUMN_VIEW, NULL));
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  {
    g_autoptr(XsImportRowItem) first = g_list_model_get_item (model, 0);
    g_autoptr(XsImportRowItem) second = g_list_model_get_item (model, 1);
    g_autoptr(XsImportRowItem) third = g_list_model_get_item (model, 2);

    g_assert_cmpuint (xs_import_row_item_get_outcome (first), ==, XS_ROW_REJECTED);
    g_assert_cmpuint (xs_import_row_item_get_row (first), ==, 3);
    g_assert_cmpuint (xs_import_row_item_get_outcome (second), ==, XS_ROW_REJECTED);
    g_assert_cmpuint (xs_import_row_item_get_row (second), ==, 5);
    g_assert_cmpstr (xs_import_row_item_get_summary (second), !=, "");
    g_assert_cmpuint (xs_import_row_item_get_outcome (third), ==, XS_ROW_ADDED);
    g_assert_cmpuint (xs_import_row_item_get_row (third), ==, 2);
  }

  /* a rejected row's cells are marked, the others not */
  xs_gui_test_wait_for_draw (GTK_WIDGET (fixture->dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (fixture->dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (fixture->dialog));
  {
    GtkWidget *rejected = xs_gui_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "李四");
    GtkWidget *added = xs_gui_test_find (GTK_WIDGET (view), GTK_TYPE_LABEL, "张三");

    g_assert_nonnull (rejected);
    g_assert_nonnull (added);
    g_assert_true (gtk_widget_has_css_class (rejected, "error"));
    g_assert_false (gtk_widget_has_css_class (added, "error"));
  }

  /* "Only rejected rows" */
  toggle = xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_TOGGLE_BUTTON, "Rejected Rows");
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);

  /* Nothing is written by the preview, and Import waits for the choice. */
  g_assert_cmpint (count_trainees (fixture), ==, before);
  g_assert_true (gtk_widget_get_visible (import_button (fixture)));
  g_assert_false (gtk_widget_is_sensitive (import_button (fixture)));
  check = xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_is_visible (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (gtk_widget_is_sensitive (import_button (fixture)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.commit", NULL);
  g_assert_true (xs_gui_test_wait_until (is_closed, fixture->held, 30000));
  g_assert_cmpint (count_trainees (fixture), ==, before + 3);
}

typedef struct
{
  XsImportDialog **dialog;
  guint            updated;
} UpdatedWait;

static gboolean
preview_updates (gpointer user_data)
{
  UpdatedWait *wait = user_data;
  XsImportReport *report;

  if (*wait->dialog == NULL || g_strcmp0 (xs_import_dialog_get_step (*wait->dialog), "preview") != 0)
    return FALSE;
  report = xs_import_dialog_get_report (*wait->dialog);
  return report != NULL && xs_import_report_get_count (report, XS_ROW_UPDATED) == wait->updated;
}

static char *stored_title;

static gboolean
title_is (gpointer user_data)
{
  g_autofree char *id = xs_test_id_number (301);
  g_autoptr(XsTrainee) trainee = xs_trainee_store_lookup (db, id, NULL);

  return trainee != NULL && g_strcmp0 (trainee->title, stored_title) == 0;
}

/* Empty cells keep the stored details unless the switch says to clear
 * them; the preview follows the switch; the import can be undone. */
static void
test_clear_switch_and_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *id = xs_test_id_number (301);
  g_autofree char *full = g_strdup_printf ("姓名,身份证号,工作单位,职称,手机号\n"
                                           "周八,%s,漯河市中心医院,主管护师,13903950301\n", id);
  g_autofree char *blank = g_strdup_printf ("姓名,身份证号,工作单位,职称,手机号\n"
                                            "周八,%s,漯河市中心医院,,\n", id);
  g_autofree char *full_path = xs_test_write_file ("full.csv", full, -1);
  g_autoptr(GFile) file = write_file ("blank.csv", blank);
  g_autoptr(XsImportReport) first = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;
  UpdatedWait wait = { &fixture->dialog, 0 };
  GtkWidget *toggle;

  first = xs_roster_import (db, full_path, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  xs_import_dialog_load_file (fixture->dialog, file);
  g_assert_true (xs_gui_test_wait_until (preview_updates, &wait, 60000));
  g_assert_cmpuint (xs_import_report_get_count (xs_import_dialog_get_report (fixture->dialog),
                                                XS_ROW_UNCHANGED), ==, 1);

  toggle = xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_SWITCH, NULL);
  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_is_visible (toggle));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  wait.updated = 1;
  g_assert_true (xs_gui_test_wait_until (preview_updates, &wait, 60000));

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.commit", NULL);
  g_assert_true (xs_gui_test_wait_until (is_closed, fixture->dialog, 30000));
  g_assert_cmpuint (fixture->n_reloads, >=, 1);
  stored_title = NULL;
  g_assert_true (xs_gui_test_wait_until (title_is, NULL, 10000));

  imports = xs_import_log_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (imports->len, >=, 2);
  g_assert_cmpstr (((XsImportRecord *) g_ptr_array_index (imports, 0))->file_name, ==, "blank.csv");
  /* the toast's Undo names this import */
  g_assert_cmpint (fixture->toast_import_id, ==, ((XsImportRecord *) g_ptr_array_index (imports, 0))->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->holder), "win.undo-import", "x",
                                             fixture->toast_import_id));
  stored_title = (char *) "主管护师";
  g_assert_true (xs_gui_test_wait_until (title_is, NULL, 30000));
  stored_title = NULL;
}

static gboolean
is_null (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

static gboolean
history_loaded (gpointer user_data)
{
  return xs_history_dialog_get_loaded (user_data);
}

static gboolean
roster_empty (gpointer user_data)
{
  g_autofree char *id = xs_test_id_number (302);

  return xs_trainee_store_find_id (db, id, NULL) == 0;
}

/* The History offers to undo the import that added the trainee. */
static void
test_history_undo_import (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *id = xs_test_id_number (302);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位\n吴九,%s,漯河市中心医院\n", id);
  g_autofree char *path = xs_test_write_file ("history.csv", csv, -1);
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *history;
  GtkWidget *undo;

  report = xs_roster_import (db, path, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  history = xs_history_dialog_new (fixture->holder, xs_db_get_data_dir (db),
                                   xs_trainee_store_find_id (db, id, NULL), "吴九");
  g_object_add_weak_pointer (G_OBJECT (history), (gpointer *) &history);
  gtk_window_present (GTK_WINDOW (history));
  g_assert_true (xs_gui_test_wait_until (history_loaded, history, 30000));
  xs_gui_test_wait_for_draw (history);
  xs_gui_test_assert_unique_mnemonics (history);
  xs_gui_test_assert_controls_named (history);

  undo = xs_gui_test_find (history, GTK_TYPE_BUTTON, "Undo Import");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (xs_gui_test_wait_until (roster_empty, NULL, 30000));
  g_assert_true (xs_gui_test_wait_until (is_null, &history, 10000));
}

/* Two imports of one trainee: each row has its Undo Import button, and no
 * two controls of the History answer the same Alt+letter. */
static void
test_history_mnemonics (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *id = xs_test_id_number (303);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位\n郑十,%s,漯河市中心医院\n", id);
  g_autofree char *update = g_strdup_printf ("姓名,身份证号,工作单位,职称\n郑十,%s,漯河市中心医院,主治医师\n", id);
  g_autofree char *path = xs_test_write_file ("first.csv", csv, -1);
  g_autofree char *path2 = xs_test_write_file ("second.csv", update, -1);
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsImportReport) report2 = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *history;
  guint n_undo = 0;

  report = xs_roster_import (db, path, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  report2 = xs_roster_import (db, path2, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  history = xs_history_dialog_new (fixture->holder, xs_db_get_data_dir (db),
                                   xs_trainee_store_find_id (db, id, NULL), "郑十");
  g_object_add_weak_pointer (G_OBJECT (history), (gpointer *) &history);
  gtk_window_present (GTK_WINDOW (history));
  g_assert_true (xs_gui_test_wait_until (history_loaded, history, 30000));
  xs_gui_test_wait_for_draw (history);

  for (GtkWidget *row = xs_gui_test_find (history, ADW_TYPE_ACTION_ROW, NULL); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (xs_gui_test_find (row, GTK_TYPE_BUTTON, "Undo Import") != NULL)
      n_undo++;
  g_assert_cmpuint (n_undo, ==, 2);
  xs_gui_test_assert_unique_mnemonics (history);
  xs_gui_test_assert_controls_named (history);

  gtk_window_destroy (GTK_WINDOW (history));
  g_assert_true (xs_gui_test_wait_until (is_null, &history, 10000));
}

static void
test_all_good_rows_import_directly (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("姓名,身份证号,工作单位,性别\n");
  g_autoptr(GFile) file = NULL;
  gint64 before = count_trainees (fixture);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = xs_test_id_number (200 + i);

      g_string_append_printf (csv, "学员%u,%s,漯河职业技术学院,%s\n", i, id, i % 2 ? "男" : "女");
    }
  file = write_file ("roster-good.csv", csv->str);

  xs_import_dialog_load_file (fixture->dialog, file);
  wait_for_step (&fixture->dialog, "preview");
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_LABEL, "4 to add"));
  g_assert_true (gtk_widget_is_sensitive (import_button (fixture)));

  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.commit", NULL);
  g_assert_true (xs_gui_test_wait_until (is_closed, fixture->held, 30000));
  g_assert_cmpint (count_trainees (fixture), ==, before + 4);
}

static void
test_missing_column (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = write_file ("no-id.csv", "姓名,工作单位\n张三,漯河市第一中学\n");
  GtkWidget *status;
  gint64 before = count_trainees (fixture);

  xs_import_dialog_load_file (fixture->dialog, file);
  wait_for_step (&fixture->dialog, "error");

  status = xs_gui_test_find (GTK_WIDGET (fixture->dialog), ADW_TYPE_STATUS_PAGE, "Cannot Be Imported");
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_visible (status));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), "身份证号"));
  g_assert_false (gtk_widget_get_visible (import_button (fixture)));
  g_assert_cmpint (count_trainees (fixture), ==, before);
}

static void
test_old_xls_file (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an old workbook";
  g_autofree char *path = xs_test_write_file ("roster.xls", ole2, sizeof ole2 - 1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *status;

  xs_import_dialog_load_file (fixture->dialog, file);
  wait_for_step (&fixture->dialog, "error");
  status = xs_gui_test_find (GTK_WIDGET (fixture->dialog), ADW_TYPE_STATUS_PAGE, "Cannot Be Imported");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ".xls"));
}

static GFile *
write_large_roster (guint n_rows)
{
  g_autoptr(GString) csv = g_string_sized_new (n_rows * 48);

  g_string_append (csv, "姓名,身份证号,工作单位\n");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *id = xs_test_id_number (10000 + i);

      g_string_append_printf (csv, "学员%u,%s,漯河市第%u中学\n", i, id, i % 40 + 1);
    }
  return write_file ("large-roster.csv", csv->str);
}

static gboolean
has_progress_text (gpointer user_data)
{
  GtkWidget *dialog = user_data;
  GtkWidget *bar = xs_gui_test_find (dialog, GTK_TYPE_PROGRESS_BAR, NULL);

  return bar != NULL && gtk_widget_is_visible (bar)
         && gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)) != NULL
         && strstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), "large-roster.csv") != NULL;
}

static void
test_cancel_large_import (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) file = write_large_roster (50000);
  gint64 before = count_trainees (fixture);

  /* Cancel while the preview reads the file. */
  xs_import_dialog_load_file (fixture->dialog, file);
  g_assert_cmpstr (xs_import_dialog_get_step (fixture->dialog), ==, "reading");
  g_assert_true (xs_gui_test_wait_until (has_progress_text, fixture->dialog, 5000));
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.cancel", NULL);
  wait_for_step (&fixture->dialog, "choose");
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpint (count_trainees (fixture), ==, before);

  /* Read it whole, then cancel the import itself: nothing lands. */
  xs_import_dialog_load_file (fixture->dialog, file);
  wait_for_step (&fixture->dialog, "preview");
  g_assert_cmpuint (xs_import_report_get_count (xs_import_dialog_get_report (fixture->dialog), XS_ROW_ADDED),
                    ==, 50000);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.commit", NULL);
  g_assert_cmpstr (xs_import_dialog_get_step (fixture->dialog), ==, "importing");
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "import.cancel", NULL);
  wait_for_step (&fixture->dialog, "preview");
  g_assert_cmpint (count_trainees (fixture), ==, before);
}


static gboolean
file_exists (gpointer user_data)
{
  return g_file_test (user_data, G_FILE_TEST_EXISTS);
}

/* Rejected rows name their person with a masked number; rows that share a
 * reason are one line that lists them; Save Rejected Rows writes them back
 * with their cells as text and a reason column. */
static void
test_rejected_rows_grouped_and_saved (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(GFile) file = NULL;
  g_autofree char *good = xs_test_id_number (151);
  g_autofree char *bad = xs_test_id_number (152);
  g_autofree char *out = NULL;
  g_autoptr(XsTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  static const char *names[] = { "钱一", "䶮二", "𠮷三", "周四", "吴五", "郑六", "冯七" };
  GtkColumnView *view;
  GListModel *model;
  GtkWidget *save;
  guint n_read = 0;

  g_string_append_printf (csv, "陈甲,%s,漯河市第一中学\n", good);          /* row 2 */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)                         /* rows 3–9 */
    g_string_append_printf (csv, "%s,4.11502E+17,漯河市中心医院\n", names[i]);
  g_string_append_printf (csv, "王十,%.17s,源汇区财政局\n", bad);         /* row 10: 17 digits */
  file = write_file ("grouped.csv", csv->str);

  xs_import_dialog_load_file (fixture->dialog, file);
  wait_for_step (&fixture->dialog, "preview");
  g_assert_cmpuint (xs_import_report_get_count (xs_import_dialog_get_report (fixture->dialog), XS_ROW_REJECTED), ==, 8);

  view = GTK_COLUMN_VIEW (xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_COLUMN_VIEW, NULL));
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  /* one line for the seven numbers saved as numbers, one for row 10, one added */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  {
    g_autoptr(XsImportRowItem) group = g_list_model_get_item (model, 0);
    g_autoptr(XsImportRowItem) single = g_list_model_get_item (model, 1);
    g_autofree char *masked = g_strdup_printf ("王十 %.4s****%.2s", bad, bad + 15);

    g_assert_cmpuint (xs_import_row_item_get_n_rows (group), ==, 7);
    g_assert_cmpstr (xs_import_row_item_get_rows_text (group), ==, "3–9");
    g_assert_nonnull (strstr (xs_import_row_item_get_summary (group), "saved as a number"));
    g_assert_nonnull (strstr (xs_import_row_item_get_summary (group), "䶮二"));
    g_assert_nonnull (strstr (xs_import_row_item_get_summary (group), "7 rows"));
    g_assert_null (strstr (xs_import_row_item_get_summary (group), "4.11502E+17"));
    g_assert_cmpstr (xs_import_row_item_get_rows_text (single), ==, "10");
    g_assert_true (g_str_has_prefix (xs_import_row_item_get_summary (single), masked));
    /* the whole number is not shown */
    g_assert_null (strstr (xs_import_row_item_get_summary (single), bad));
  }

  save = xs_gui_test_find (GTK_WIDGET (fixture->dialog), GTK_TYPE_BUTTON, "Rejected Rows…");
  g_assert_nonnull (save);
  g_assert_true (gtk_widget_get_visible (save));
  out = g_build_filename (g_get_tmp_dir (), "grouped-rejected.xlsx", NULL);
  g_unlink (out);
  xs_import_dialog_save_rejected (fixture->dialog, out);
  g_assert_true (xs_gui_test_wait_until (file_exists, out, 30000));

  reader = xs_table_reader_new_for_path (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "姓名");
  g_assert_cmpstr (xs_table_reader_get_field (reader, 1), ==, "身份证号");
  g_assert_cmpstr (xs_table_reader_get_field (reader, 3), ==, "Reason");
  while (xs_table_reader_next (reader, &error))
    {
      if (n_read < G_N_ELEMENTS (names))
        {
          g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, names[n_read]);
          /* as the file had it, as text */
          g_assert_cmpstr (xs_table_reader_get_field (reader, 1), ==, "4.11502E+17");
          g_assert_nonnull (strstr (xs_table_reader_get_field (reader, 3), "saved as a number"));
        }
      else
        g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "王十");
      n_read++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, 8);
  g_unlink (out);
}

/* The Add to Roster dialog that is open, or NULL. */
static XsRosterAddDialog *
find_roster_add_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (XS_IS_ROSTER_ADD_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return XS_ROSTER_ADD_DIALOG (window);
    }
  return NULL;
}

static gboolean
roster_add_dialog_open (gpointer user_data)
{
  return find_roster_add_dialog () != NULL;
}

static gboolean
roster_add_dialog_closed (gpointer user_data)
{
  return find_roster_add_dialog () == NULL;
}

static gboolean
error_shown (gpointer user_data)
{
  return gtk_widget_get_visible (user_data);
}

/* The item of the preview that starts at spreadsheet row @row. */
static XsImportRowItem *
preview_item (XsImportDialog *dialog,
              guint           row)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XsImportRowItem) item = g_list_model_get_item (model, i);

      if (xs_import_row_item_get_row (item) == row)
        return item;
    }
  return NULL;
}

/* Hours of people the roster lacks: each such line offers Add to Roster…,
 * whose dialog comes pre-filled (number masked), checks the fields as a
 * roster row, adds the person as an import of one row (the window's toast
 * gets its number for Undo) and the preview checks the file again, so the
 * rows become importable. A person added meanwhile is refused in words. */
static void
test_add_to_roster (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *a = xs_test_id_number (181);
  g_autofree char *b = xs_test_id_number (182);
  g_autofree char *masked_a = xs_id_number_mask (a);
  g_autofree char *csv = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                                          "%s,欧阳䶮,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                                          "%s,欧阳䶮,2018,公需科目,否,6,,公需科目网络培训（选修）,2018-06-06\n"
                                          "%s,𠮷祥,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n",
                                          a, a, b);
  g_autoptr(GFile) file = write_file ("not-on-roster.csv", csv);
  XsImportDialog *hours = xs_import_dialog_new (fixture->holder, db, XS_IMPORT_HOURS, NULL);
  XsImportDialog *held = g_object_ref (hours);
  XsRosterAddDialog *dialog;
  XsImportRowItem *item;
  GtkWidget *button, *row, *error_label;
  g_autoptr(XsTrainee) added = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = count_trainees (fixture);
  XsRosterEntry meanwhile = { .name = "𠮷祥", .id_number = b, .employer = "舞阳县卫健委" };

  gtk_window_present (GTK_WINDOW (hours));
  xs_import_dialog_load_file (hours, file);
  wait_for_step (&hours, "preview");
  g_assert_cmpuint (xs_import_report_get_count (xs_import_dialog_get_report (hours), XS_ROW_REJECTED), ==, 3);

  /* the two rows of one person are one line, which still offers it */
  item = preview_item (hours, 2);
  g_assert_nonnull (item);
  g_assert_cmpuint (xs_import_row_item_get_n_rows (item), ==, 2);
  g_assert_cmpstr (xs_import_row_item_get_missing_id (item), ==, a);
  g_assert_cmpstr (xs_import_row_item_get_missing_name (item), ==, "欧阳䶮");
  g_assert_null (strstr (xs_import_row_item_get_summary (item), a));
  g_assert_nonnull (strstr (xs_import_row_item_get_summary (item), masked_a));

  xs_gui_test_wait_for_draw (GTK_WIDGET (hours));
  button = xs_gui_test_find (GTK_WIDGET (hours), GTK_TYPE_BUTTON, "Roster…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "import.add-to-roster");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (xs_gui_test_wait_until (roster_add_dialog_open, NULL, 5000));
  dialog = find_roster_add_dialog ();
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));

  /* pre-filled from the row, the number masked; the employer to fill */
  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "欧阳䶮");
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, masked_a));
  g_assert_null (xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, a));
  g_assert_false (xs_roster_add_dialog_get_can_add (dialog));

  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Employer");
  gtk_editable_set_text (GTK_EDITABLE (row), "漯河市中心医院");
  g_assert_true (xs_roster_add_dialog_get_can_add (dialog));
  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Phone");
  gtk_editable_set_text (GTK_EDITABLE (row), "12345");
  g_assert_false (xs_roster_add_dialog_get_can_add (dialog));
  error_label = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "mobile number");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  g_assert_true (xs_roster_add_dialog_get_can_add (dialog));
  g_assert_false (gtk_widget_get_visible (error_label));

  fixture->toast_import_id = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "roster.add", NULL));
  g_assert_true (xs_gui_test_wait_until (roster_add_dialog_closed, NULL, 30000));
  g_assert_cmpint (count_trainees (fixture), ==, before + 1);
  added = xs_trainee_store_lookup (db, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->employer, ==, "漯河市中心医院");
  g_assert_cmpint (fixture->toast_import_id, >, 0);

  /* checked again: the two rows import now, the other person's does not */
  {
    XsImportReport *report = NULL;

    for (guint i = 0; i < 300; i++)
      {
        report = xs_import_dialog_get_report (hours);
        if (g_str_equal (xs_import_dialog_get_step (hours), "preview")
            && xs_import_report_get_count (report, XS_ROW_ADDED) == 2)
          break;
        xs_gui_test_iterate (20);
      }
    g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_ADDED), ==, 2);
    g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 1);
  }

  /* the other person, added meanwhile by someone else: refused in words,
   * the dialog stays with the message */
  g_assert_cmpint (xs_roster_add (db, &meanwhile, NULL, &error), >, 0);
  g_assert_no_error (error);
  dialog = xs_import_dialog_add_to_roster (hours, 4);
  g_assert_nonnull (dialog);
  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Employer");
  gtk_editable_set_text (GTK_EDITABLE (row), "别的单位");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "roster.add", NULL));
  error_label = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "already on the roster");
  for (guint i = 0; i < 300 && error_label == NULL; i++)
    {
      xs_gui_test_iterate (20);
      error_label = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "already on the roster");
    }
  g_assert_nonnull (error_label);
  g_assert_true (xs_gui_test_wait_until (error_shown, error_label, 1000));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "舞阳县卫健委"));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (error_label)), b));
  g_assert_false (xs_roster_add_dialog_get_can_add (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (held));
  xs_gui_test_finalize (held, 10000);
}

int
main (int    argc,
      char **argv)
{
  int status;

  xs_gui_test_init (&argc, &argv);

  db = xs_test_open_db ();

  g_test_add ("/gui/import-dialog/preview-then-import-valid-rows", Fixture, NULL,
              fixture_set_up, test_preview_then_import_valid_rows, fixture_tear_down);
  g_test_add ("/gui/import-dialog/clear-switch-and-undo", Fixture, NULL,
              fixture_set_up, test_clear_switch_and_undo, fixture_tear_down);
  g_test_add ("/gui/import-dialog/history-undo-import", Fixture, NULL,
              fixture_set_up, test_history_undo_import, fixture_tear_down);
  g_test_add ("/gui/import-dialog/history-mnemonics", Fixture, NULL,
              fixture_set_up, test_history_mnemonics, fixture_tear_down);
  g_test_add ("/gui/import-dialog/rejected-rows-grouped-and-saved", Fixture, NULL,
              fixture_set_up, test_rejected_rows_grouped_and_saved, fixture_tear_down);
  g_test_add ("/gui/import-dialog/add-to-roster", Fixture, NULL,
              fixture_set_up, test_add_to_roster, fixture_tear_down);
  g_test_add ("/gui/import-dialog/all-good-rows", Fixture, NULL,
              fixture_set_up, test_all_good_rows_import_directly, fixture_tear_down);
  g_test_add ("/gui/import-dialog/missing-column", Fixture, NULL,
              fixture_set_up, test_missing_column, fixture_tear_down);
  g_test_add ("/gui/import-dialog/old-xls", Fixture, NULL,
              fixture_set_up, test_old_xls_file, fixture_tear_down);
  g_test_add ("/gui/import-dialog/cancel-large-import", Fixture, NULL,
              fixture_set_up, test_cancel_large_import, fixture_tear_down);

  status = xs_gui_test_run ();
  g_clear_object (&db);
  return status;
}
