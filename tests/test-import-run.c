/* test-import-run.c: reading, previewing and importing a file, as the
 * import dialog does, with no window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "xs-import-row-item.h"
#include "xs-import-run.h"
#include "xs-table-reader.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

typedef struct
{
  XsImportRun    *run;
  GPtrArray      *steps;        /* the steps notified, in order */
  XsImportReport *imported;     /* what ::imported gave */
  int             cancelled;    /* -1 none, else ::cancelled's argument */
  gboolean        report_late;  /* "preview" notified before its report */
} Fixture;

static XsDb *db;

/* Runs the main context until @check returns TRUE or @timeout_ms pass;
 * returns the last result of @check. */
static gboolean
wait_until (gboolean (*check) (gpointer user_data),
            gpointer   user_data,
            guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!check (user_data))
    {
      if (g_get_monotonic_time () > end)
        return check (user_data);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
held_only_here (gpointer object)
{
  return g_atomic_int_get (&G_OBJECT (object)->ref_count) == 1;
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
on_step (XsImportRun *run,
         GParamSpec  *pspec,
         Fixture     *fixture)
{
  const char *step = xs_import_run_get_step (run);

  g_ptr_array_add (fixture->steps, g_strdup (step));
  /* who follows the step finds the preview already there */
  if (g_str_equal (step, "preview") && xs_import_run_get_report (run) == NULL)
    fixture->report_late = TRUE;
}

static void
on_imported (XsImportRun    *run,
             XsImportReport *report,
             Fixture        *fixture)
{
  g_set_object (&fixture->imported, report);
}

static void
on_cancelled (XsImportRun *run,
              gboolean     reading,
              Fixture     *fixture)
{
  fixture->cancelled = reading;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->run = xs_import_run_new (db, XS_IMPORT_ROSTER, NULL);
  fixture->steps = g_ptr_array_new_with_free_func (g_free);
  fixture->cancelled = -1;
  g_signal_connect (fixture->run, "notify::step", G_CALLBACK (on_step), fixture);
  g_signal_connect (fixture->run, "imported", G_CALLBACK (on_imported), fixture);
  g_signal_connect (fixture->run, "cancelled", G_CALLBACK (on_cancelled), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->run, fixture);
  /* a cancelled job may still be winding down, and holds the run */
  g_assert_true (wait_until (held_only_here, fixture->run, 10000));
  g_assert_finalize_object (g_steal_pointer (&fixture->run));
  g_clear_pointer (&fixture->steps, g_ptr_array_unref);
  g_clear_object (&fixture->imported);
}

static gboolean
step_is (gpointer user_data)
{
  gpointer *args = user_data;

  return g_strcmp0 (xs_import_run_get_step (args[0]), args[1]) == 0;
}

static void
wait_for_step (Fixture    *fixture,
               const char *step)
{
  gpointer args[] = { fixture->run, (gpointer) step };

  if (!wait_until (step_is, args, 60000))
    g_error ("step %s not reached; at %s", step, xs_import_run_get_step (fixture->run));
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = xs_test_write_file (name, contents, -1);

  return g_file_new_for_path (path);
}

static gint64
count_trainees (void)
{
  g_autoptr(GError) error = NULL;
  gint64 n = xs_trainee_store_count (db, &error);

  g_assert_no_error (error);
  return n;
}

static gboolean
has_imported (gpointer user_data)
{
  return ((Fixture *) user_data)->imported != NULL;
}

/* A dry run fills the preview (rejected rows first, grouped by reason),
 * writes nothing; the import then writes the valid rows and says so. */
static void
test_preview_then_import (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *a = xs_test_id_number (401);
  g_autofree char *b = xs_test_id_number (402);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位\n"
                                          "欧阳䶮,%s,漯河市第一中学\n"          /* row 2 */
                                          "𠮷一,4.11502E+17,漯河市中心医院\n"   /* rows 3, 4: one reason */
                                          "𠮷二,4.11502E+17,漯河市中心医院\n"
                                          "Li Si,%s,源汇区财政局\n",           /* row 5 */
                                          a, b);
  g_autoptr(GFile) file = write_file ("run.csv", csv);
  GListModel *rows = xs_import_run_get_rows (fixture->run);
  XsImportReport *report;
  gint64 before = count_trainees ();

  g_assert_cmpstr (xs_import_run_get_step (fixture->run), ==, "choose");
  g_assert_false (xs_import_run_cancel (fixture->run));

  xs_import_run_read (fixture->run, file, NULL, XS_IMPORT_DEFAULT);
  g_assert_cmpstr (xs_import_run_get_step (fixture->run), ==, "reading");
  g_assert_true (xs_import_run_get_busy (fixture->run));
  g_assert_true (xs_import_run_get_file (fixture->run) == file);
  wait_for_step (fixture, "preview");
  g_assert_false (fixture->report_late);
  g_assert_false (xs_import_run_get_busy (fixture->run));
  g_assert_null (xs_import_run_get_error (fixture->run));

  report = xs_import_run_get_report (fixture->run);
  g_assert_nonnull (report);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_ADDED), ==, 2);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 2);
  g_assert_cmpint (count_trainees (), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  {
    g_autoptr(XsImportRowItem) group = g_list_model_get_item (rows, 0);
    g_autoptr(XsImportRowItem) first = g_list_model_get_item (rows, 1);

    g_assert_cmpuint (xs_import_row_item_get_outcome (group), ==, XS_ROW_REJECTED);
    g_assert_cmpstr (xs_import_row_item_get_rows_text (group), ==, "3–4");
    g_assert_cmpuint (xs_import_row_item_get_outcome (first), ==, XS_ROW_ADDED);
    g_assert_cmpuint (xs_import_row_item_get_row (first), ==, 2);
  }

  xs_import_run_commit (fixture->run, XS_IMPORT_SKIP_INVALID);
  g_assert_cmpstr (xs_import_run_get_step (fixture->run), ==, "importing");
  g_assert_true (wait_until (has_imported, fixture, 30000));
  g_assert_cmpstr (xs_import_run_get_step (fixture->run), ==, "done");
  g_assert_true (xs_import_report_get_committed (fixture->imported));
  g_assert_cmpuint (xs_import_report_get_count (fixture->imported, XS_ROW_ADDED), ==, 2);
  g_assert_cmpint (count_trainees (), ==, before + 2);
  g_assert_cmpint (fixture->cancelled, ==, -1);

  g_assert_cmpuint (fixture->steps->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (fixture->steps, 0), ==, "reading");
  g_assert_cmpstr (g_ptr_array_index (fixture->steps, 1), ==, "preview");
  g_assert_cmpstr (g_ptr_array_index (fixture->steps, 2), ==, "importing");
  g_assert_cmpstr (g_ptr_array_index (fixture->steps, 3), ==, "done");
}

/* A file that cannot be read is an error in words, and changes nothing. */
static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) file = write_file ("no-id.csv", "姓名,工作单位\n张三,漯河市第一中学\n");
  g_autoptr(GFile) remote = g_file_new_for_uri ("http://example.invalid/roster.csv");
  const GError *error;
  gint64 before = count_trainees ();

  xs_import_run_read (fixture->run, file, NULL, XS_IMPORT_DEFAULT);
  wait_for_step (fixture, "error");
  error = xs_import_run_get_error (fixture->run);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "身份证号"));
  g_assert_null (xs_import_run_get_report (fixture->run));
  g_assert_cmpuint (g_list_model_get_n_items (xs_import_run_get_rows (fixture->run)), ==, 0);

  /* not on this computer: at once, no job */
  xs_import_run_read (fixture->run, remote, NULL, XS_IMPORT_DEFAULT);
  g_assert_cmpstr (xs_import_run_get_step (fixture->run), ==, "error");
  g_assert_error (xs_import_run_get_error (fixture->run), XS_TABLE_ERROR, XS_TABLE_ERROR_OPEN);
  g_assert_false (xs_import_run_cancel (fixture->run));
  g_assert_cmpint (count_trainees (), ==, before);
}

static gboolean
was_cancelled (gpointer user_data)
{
  return ((Fixture *) user_data)->cancelled != -1;
}

/* Cancelling the reading goes back to choosing, the import back to the
 * preview; neither writes anything. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *csv = xs_test_roster_csv (20000, 30000, "学员", "漯河市第一中学");
  g_autoptr(GFile) file = write_file ("large.csv", csv);
  gint64 before = count_trainees ();

  xs_import_run_read (fixture->run, file, NULL, XS_IMPORT_DEFAULT);
  g_assert_true (xs_import_run_cancel (fixture->run));
  g_assert_true (wait_until (was_cancelled, fixture, 30000));
  g_assert_cmpint (fixture->cancelled, ==, TRUE);
  g_assert_cmpstr (xs_import_run_get_step (fixture->run), ==, "choose");
  g_assert_null (xs_import_run_get_report (fixture->run));

  xs_import_run_read (fixture->run, file, NULL, XS_IMPORT_DEFAULT);
  wait_for_step (fixture, "preview");
  g_assert_cmpuint (xs_import_report_get_count (xs_import_run_get_report (fixture->run), XS_ROW_ADDED),
                    ==, 30000);
  fixture->cancelled = -1;
  xs_import_run_commit (fixture->run, XS_IMPORT_DEFAULT);
  g_assert_true (xs_import_run_cancel (fixture->run));
  g_assert_true (wait_until (was_cancelled, fixture, 30000));
  g_assert_cmpint (fixture->cancelled, ==, FALSE);
  g_assert_cmpstr (xs_import_run_get_step (fixture->run), ==, "preview");
  /* the preview stays */
  g_assert_nonnull (xs_import_run_get_report (fixture->run));
  g_assert_null (fixture->imported);
  g_assert_cmpint (count_trainees (), ==, before);
}

/* The rejected rows, back to a spreadsheet with a reason column. */
static void
test_save_rejected (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) file = write_file ("rejected.csv", "姓名,身份证号,工作单位\n"
                                                      "䶮一,41110219800101123,漯河市中心医院\n");
  g_autofree char *out = g_build_filename (g_get_tmp_dir (), "run-rejected.xlsx", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(XsTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  /* nothing read yet */
  xs_import_run_save_rejected_async (fixture->run, out, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (xs_import_run_save_rejected_finish (fixture->run, result, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&result);

  xs_import_run_read (fixture->run, file, NULL, XS_IMPORT_DEFAULT);
  wait_for_step (fixture, "preview");
  g_unlink (out);
  xs_import_run_save_rejected_async (fixture->run, out, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  written = xs_import_run_save_rejected_finish (fixture->run, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, out);

  reader = xs_table_reader_new_for_path (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 3), ==, "Reason");
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "䶮一");
  g_assert_false (xs_table_reader_next (reader, &error));
  g_assert_no_error (error);
  g_unlink (out);
}

int
main (int    argc,
      char **argv)
{
  int status;

  xs_test_init (&argc, &argv);

  db = xs_test_open_db ();

  g_test_add ("/import-run/preview-then-import", Fixture, NULL,
              fixture_set_up, test_preview_then_import, fixture_tear_down);
  g_test_add ("/import-run/errors", Fixture, NULL,
              fixture_set_up, test_errors, fixture_tear_down);
  g_test_add ("/import-run/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/import-run/save-rejected", Fixture, NULL,
              fixture_set_up, test_save_rejected, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&db);
  return status;
}
