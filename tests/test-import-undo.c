/* test-import-undo.c: imports that merge into the roster, and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <string.h>

#include "xs-claim-store.h"
#include "xs-db-private.h"
#include "xs-history.h"
#include "xs-hours-import.h"
#include "xs-import-log.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

#define FULL_HEADER "姓名,身份证号,工作单位,职称,专业,县区,手机号\n"

static XsImportReport *
import_roster (XsDb          *db,
               const char    *csv,
               XsImportFlags  flags)
{
  g_autofree char *path = xs_test_write_file ("roster.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  XsImportReport *report = xs_roster_import (db, path, NULL, flags, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static XsImportReport *
import_hours (XsDb       *db,
              const char *id_number,
              const char *name)
{
  g_autofree char *csv = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                                          "%s,%s,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n",
                                          id_number, name);
  g_autofree char *path = xs_test_write_file ("hours.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  XsImportReport *report = xs_hours_import (db, path, NULL, NULL, XS_IMPORT_DEFAULT,
                                            NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (report));
  return report;
}

/* Two trainees with every field; 学员0 with the longest employer a clerk types. */
static char *
full_roster (void)
{
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *b = xs_test_id_number (1);

  return g_strdup_printf (FULL_HEADER
                          "学员0,%s,漯河市中心医院,主治医师,内科,源汇区,13903950000\n"
                          "䶮𠮷,%s,漯河市第二人民医院,工程师,土木,郾城区,13903950001\n",
                          a, b);
}

static XsTrainee *
lookup (XsDb  *db,
        guint  n)
{
  g_autofree char *id = xs_test_id_number (n);
  g_autoptr(GError) error = NULL;
  XsTrainee *trainee = xs_trainee_store_lookup (db, id, &error);

  g_assert_no_error (error);
  return trainee;
}

/* A roster with only the three required columns changes nothing else. */
static void
test_merge_missing_columns (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *full = full_roster ();
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *b = xs_test_id_number (1);
  g_autofree char *partial = g_strdup_printf ("姓名,身份证号,工作单位\n"
                                              "学员0,%s,漯河市中心医院东院区\n"
                                              "䶮𠮷,%s,漯河市第二人民医院\n", a, b);
  g_autoptr(XsImportReport) first = import_roster (db, full, XS_IMPORT_DEFAULT);
  g_autoptr(XsImportReport) second = import_roster (db, partial, XS_IMPORT_DEFAULT);
  g_autoptr(XsTrainee) zero = lookup (db, 0);
  g_autoptr(XsTrainee) one = lookup (db, 1);
  g_autofree char *summary = xs_import_report_format_summary (second);

  g_assert_cmpstr (summary, ==, "imported 0, updated 1, rejected 0");
  g_assert_cmpstr (zero->employer, ==, "漯河市中心医院东院区");
  g_assert_cmpstr (zero->title, ==, "主治医师");
  g_assert_cmpstr (zero->specialty, ==, "内科");
  g_assert_cmpstr (zero->county, ==, "源汇区");
  g_assert_cmpstr (zero->phone, ==, "13903950000");
  g_assert_cmpstr (one->title, ==, "工程师");
  g_assert_cmpstr (one->phone, ==, "13903950001");
}

/* An empty cell keeps the stored value, unless empty cells clear. */
static void
test_merge_empty_cells (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *full = full_roster ();
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *blank = g_strdup_printf (FULL_HEADER "学员0,%s,漯河市中心医院,,,,\n", a);
  g_autoptr(XsImportReport) first = import_roster (db, full, XS_IMPORT_DEFAULT);
  g_autoptr(XsImportReport) kept = import_roster (db, blank, XS_IMPORT_DEFAULT);
  g_autoptr(XsTrainee) after_keep = lookup (db, 0);
  g_autoptr(XsImportReport) cleared = NULL;
  g_autoptr(XsTrainee) after_clear = NULL;

  g_assert_cmpuint (xs_import_report_get_count (kept, XS_ROW_UNCHANGED), ==, 1);
  g_assert_cmpstr (after_keep->title, ==, "主治医师");
  g_assert_cmpstr (after_keep->phone, ==, "13903950000");

  cleared = import_roster (db, blank, XS_IMPORT_CLEAR_EMPTY);
  after_clear = lookup (db, 0);
  g_assert_cmpuint (xs_import_report_get_count (cleared, XS_ROW_UPDATED), ==, 1);
  g_assert_null (after_clear->title);
  g_assert_null (after_clear->specialty);
  g_assert_null (after_clear->county);
  g_assert_null (after_clear->phone);
}

/* The preview (a dry run) lists each changed field as old → new, phone and
 * identity numbers masked. */
static void
test_merge_lists_changes (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *full = full_roster ();
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *changed = g_strdup_printf (FULL_HEADER
                                              "学员0,%s,漯河市中心医院,副主任医师,,,13903959999\n", a);
  g_autoptr(XsImportReport) first = import_roster (db, full, XS_IMPORT_DEFAULT);
  g_autoptr(XsImportReport) dry = import_roster (db, changed, XS_IMPORT_DRY_RUN);
  g_autoptr(XsTrainee) after = lookup (db, 0);
  GPtrArray *rows = xs_import_report_get_rows (dry);
  XsImportRow *row;

  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->outcome, ==, XS_ROW_UPDATED);
  g_assert_nonnull (strstr (row->summary, "学员0 "));
  g_assert_nonnull (strstr (row->summary, "Title 主治医师 → 副主任医师"));
  g_assert_nonnull (strstr (row->summary, "Phone 139****0000 → 139****9999"));
  g_assert_null (strstr (row->summary, "Specialty"));
  g_assert_null (strstr (row->summary, "13903959999"));
  g_assert_null (strstr (row->summary, a));
  /* nothing written */
  g_assert_cmpstr (after->title, ==, "主治医师");
}

/* Undo takes the added trainees out and gives the changed ones their
 * values back, from what the database kept: it works after reopening. */
static void
test_undo_roster (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsDb) reopened = NULL;
  g_autofree char *data_dir = g_strdup (xs_db_get_data_dir (db));
  g_autofree char *full = full_roster ();
  g_autofree char *b = xs_test_id_number (1);
  g_autofree char *c = xs_test_id_number (2);
  g_autofree char *second_csv = g_strdup_printf (FULL_HEADER
                                                 "新名字,%s,另一家单位,高级工程师,,,\n"
                                                 "学员2,%s,漯河市中心医院,,,,\n", b, c);
  g_autoptr(XsImportReport) first = import_roster (db, full, XS_IMPORT_DEFAULT);
  g_autoptr(XsImportReport) second = import_roster (db, second_csv, XS_IMPORT_DEFAULT);
  g_autoptr(XsTrainee) one = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = xs_import_report_get_import_id (second);
  XsImportRecord *record;

  g_assert_cmpint (id, >, xs_import_report_get_import_id (first));
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 3);
  g_clear_object (&db);

  reopened = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  records = xs_import_log_list (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpint (record->id, ==, id);
  g_assert_cmpstr (record->kind, ==, "roster");
  g_assert_cmpstr (record->file_name, ==, "roster.csv");
  g_assert_cmpstr (record->summary, ==, "imported 1, updated 1, rejected 0");
  g_assert_null (record->undone_at);

  g_assert_true (xs_import_log_undo (reopened, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xs_trainee_store_count (reopened, NULL), ==, 2);
  one = lookup (reopened, 1);
  g_assert_cmpstr (one->name, ==, "䶮𠮷");
  g_assert_cmpstr (one->employer, ==, "漯河市第二人民医院");
  g_assert_cmpstr (one->title, ==, "工程师");
  g_assert_cmpstr (one->county, ==, "郾城区");
  g_assert_cmpstr (one->phone, ==, "13903950001");
  g_assert_cmpint (xs_test_query_int (reopened, "SELECT count(*) FROM audit WHERE entity = 'import' AND action = 'undo'"), ==, 1);

  /* once only */
  g_assert_false (xs_import_log_undo (reopened, id, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "undone already"));
  g_clear_error (&error);
  g_assert_false (xs_import_log_undo (reopened, id + 100, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND);
}

/* Hours recorded later for a trainee the roster import added keep it from
 * being undone, and the refusal says so; undoing the hours first frees it. */
static void
test_undo_refused_while_depended_on (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *full = full_roster ();
  g_autofree char *b = xs_test_id_number (1);
  g_autoptr(XsImportReport) roster = import_roster (db, full, XS_IMPORT_DEFAULT);
  g_autoptr(XsImportReport) hours = import_hours (db, b, "䶮𠮷");
  g_autoptr(GError) error = NULL;
  gint64 roster_id = xs_import_report_get_import_id (roster);
  gint64 hours_id = xs_import_report_get_import_id (hours);
  g_autofree char *number = g_strdup_printf ("number %" G_GINT64_FORMAT, hours_id);

  g_assert_false (xs_import_log_undo (db, roster_id, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "hours were recorded for 䶮𠮷"));
  g_assert_nonnull (strstr (error->message, number));
  g_clear_error (&error);
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 2);
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM claim"), ==, 1);

  g_assert_true (xs_import_log_undo (db, hours_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM claim"), ==, 0);
  g_assert_true (xs_import_log_undo (db, roster_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 0);
}

/* A claim recorded by hand (not by an import) is named in the refusal too. */
static void
test_undo_refused_by_later_claim (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *full = full_roster ();
  g_autoptr(XsImportReport) roster = import_roster (db, full, XS_IMPORT_DEFAULT);
  g_autoptr(XsImportReport) hours = NULL;
  g_autoptr(XsTrainee) zero = lookup (db, 0);
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;

  claim.trainee_id = zero->id;
  claim.year = 2018;
  claim.category = XS_CATEGORY_PUBLIC;
  claim.hours = 60;
  claim.title = g_strdup ("公需科目面授");
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 6, 5, 2018);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);

  g_assert_false (xs_import_log_undo (db, xs_import_report_get_import_id (roster), &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "hours were recorded for 学员0"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 2);
}

/* The History says which entries an import wrote, while it can be undone. */
static void
test_history_names_import (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *full = full_roster ();
  g_autofree char *b = xs_test_id_number (1);
  g_autofree char *changed = g_strdup_printf (FULL_HEADER "䶮𠮷,%s,漯河市第二人民医院,高级工程师,,,\n", b);
  g_autoptr(XsImportReport) first = import_roster (db, full, XS_IMPORT_DEFAULT);
  g_autoptr(XsImportReport) second = import_roster (db, changed, XS_IMPORT_DEFAULT);
  g_autoptr(XsTrainee) one = lookup (db, 1);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  XsHistoryEntry *entry;

  before = xs_history_list_for_trainee (db, one->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 2);
  entry = g_ptr_array_index (before, 0);
  g_assert_cmpstr (entry->action, ==, "insert");
  g_assert_cmpint (entry->import_id, ==, xs_import_report_get_import_id (first));
  entry = g_ptr_array_index (before, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpint (entry->import_id, ==, xs_import_report_get_import_id (second));

  g_assert_true (xs_import_log_undo (db, xs_import_report_get_import_id (second), &error));
  g_assert_no_error (error);
  after = xs_history_list_for_trainee (db, one->id, &error);
  g_assert_cmpuint (after->len, ==, 3);
  g_assert_cmpint (((XsHistoryEntry *) g_ptr_array_index (after, 0))->import_id, ==,
                   xs_import_report_get_import_id (first));
  g_assert_cmpint (((XsHistoryEntry *) g_ptr_array_index (after, 1))->import_id, ==, 0);
  g_assert_cmpint (((XsHistoryEntry *) g_ptr_array_index (after, 2))->import_id, ==, 0);
}

/* The report counts every row but keeps a bounded number of added ones:
 * its memory does not grow with the file. */
static void
test_report_bounded (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GString) csv = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(XsImportReport) report = NULL;
  guint n = XS_IMPORT_REPORT_MAX_KEPT + 500;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = xs_test_id_number (1000 + i);

      g_string_append_printf (csv, "学员%u,%s,漯河市中心医院\n", i, id);
    }
  report = import_roster (db, csv->str, XS_IMPORT_DEFAULT);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_ADDED), ==, n);
  g_assert_cmpuint (xs_import_report_get_rows (report)->len, ==, XS_IMPORT_REPORT_MAX_KEPT);
  g_assert_cmpuint (xs_import_report_get_n_omitted (report), ==, 500);
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, n);
}

/* The same identity number twice in a file is refused with the first
 * row's number, an X check character included; others are not confused. */
static void
test_duplicate_rows (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GString) csv = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *rejections = NULL;
  g_autofree char *with_x = NULL;
  g_autofree char *other = xs_test_id_number (7);

  for (guint n = 0; with_x == NULL && n < 1000; n++)
    {
      g_autofree char *id = xs_test_id_number (n);

      if (id[17] == 'X')
        with_x = g_steal_pointer (&id);
    }
  g_assert_nonnull (with_x);
  g_string_append_printf (csv, "甲,%s,单位\n乙,%s,单位\n丙,%s,单位\n", with_x, other, with_x);
  report = import_roster (db, csv->str, XS_IMPORT_DRY_RUN);
  rejections = xs_import_report_format_rejections (report);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_ADDED), ==, 2);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 1);
  g_assert_nonnull (strstr (rejections, "roster.csv:4: "));
  g_assert_nonnull (strstr (rejections, "row 2"));
}

/* A dry run or a refused import leaves nothing to undo. */
static void
test_undo_nothing_for_dry_run (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *full = full_roster ();
  g_autoptr(XsImportReport) dry = import_roster (db, full, XS_IMPORT_DRY_RUN);
  g_autoptr(GPtrArray) records = xs_import_log_list (db, NULL);

  g_assert_cmpint (xs_import_report_get_import_id (dry), ==, 0);
  g_assert_cmpuint (records->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/import-merge/missing-columns", test_merge_missing_columns);
  g_test_add_func ("/import-merge/empty-cells", test_merge_empty_cells);
  g_test_add_func ("/import-merge/lists-changes", test_merge_lists_changes);
  g_test_add_func ("/import-merge/report-bounded", test_report_bounded);
  g_test_add_func ("/import-merge/duplicate-rows", test_duplicate_rows);
  g_test_add_func ("/import-undo/roster", test_undo_roster);
  g_test_add_func ("/import-undo/refused-while-depended-on", test_undo_refused_while_depended_on);
  g_test_add_func ("/import-undo/refused-by-later-claim", test_undo_refused_by_later_claim);
  g_test_add_func ("/import-undo/nothing-for-dry-run", test_undo_nothing_for_dry_run);
  g_test_add_func ("/import-undo/history-names-import", test_history_names_import);

  return g_test_run ();
}
