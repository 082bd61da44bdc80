/* test-roster-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "xs-header-map.h"
#include "xs-roster-import.h"
#include "xs-table-reader.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static XsImportReport *
import_text (XsDb          *db,
             const char    *csv,
             XsImportFlags  flags,
             GError       **error)
{
  g_autofree char *path = xs_test_write_file ("roster.csv", csv, -1);

  return xs_roster_import (db, path, NULL, flags, NULL, NULL, NULL, error);
}

static char *
roster_csv (guint first,
            guint count,
            const char *employer)
{
  GString *csv = g_string_new ("姓名,身份证号,工作单位,性别,手机号\r\n");

  for (guint i = first; i < first + count; i++)
    {
      g_autofree char *id = xs_test_id_number (i);

      g_string_append_printf (csv, "学员%u,%s,%s,%s,1390395%04u\r\n", i, id, employer,
                              i % 2 ? "男" : "女", i);
    }
  return g_string_free (csv, FALSE);
}

static void
assert_summary (XsImportReport *report,
                const char     *expected)
{
  g_autofree char *summary = xs_import_report_format_summary (report);

  g_assert_cmpstr (summary, ==, expected);
}

static void
test_roster_import_and_update (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = roster_csv (0, 50, "漯河市中心医院");
  g_autofree char *changed = roster_csv (40, 20, "漯河市第二人民医院");
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autofree char *id = xs_test_id_number (3);

  report = import_text (db, csv, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (report));
  assert_summary (report, "imported 50, updated 0, rejected 0");
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 50);
  g_clear_object (&report);

  /* The same file again changes nothing. */
  report = import_text (db, csv, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  assert_summary (report, "imported 0, updated 0, rejected 0");
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_UNCHANGED), ==, 50);
  g_clear_object (&report);

  /* 10 move employer, 10 are new */
  report = import_text (db, changed, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  assert_summary (report, "imported 10, updated 10, rejected 0");
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 60);

  trainee = xs_trainee_store_lookup (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trainee->name, ==, "学员3");
  g_assert_cmpint (trainee->sex, ==, XS_SEX_MALE);
  g_assert_cmpstr (trainee->employer, ==, "漯河市中心医院");
  g_assert_cmpstr (trainee->phone, ==, "13903950003");
}

static void
test_roster_rejects_rows (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *good = xs_test_id_number (1);
  g_autofree char *woman = xs_test_id_number (2);
  g_autofree char *rejections = NULL;
  g_autofree char *csv = g_strdup_printf (
    "工作单位,姓名,身份证号,性别,手机号\n"   /* any column order */
    "漯河市中心医院,张三,%s,男,\n"           /* row 2: fine */
    "漯河市中心医院,李四,110105194912310021,男,\n"   /* row 3: check digit */
    "漯河市中心医院,王五,4.10102E+17,男,\n"  /* row 4: Excel number */
    "漯河市中心医院,赵六,%s,男,\n"           /* row 5: sex disagrees */
    "漯河市中心医院,张三,%s,男,\n"           /* row 6: same number as row 2 */
    ",孙七,11010519491231002X,女,\n"          /* row 7: no employer */
    "漯河市中心医院,周八,440524188001010014,男,12345\n",   /* row 8: phone */
    good, woman, good);

  report = import_text (db, csv, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (xs_import_report_get_committed (report));
  assert_summary (report, "imported 0, updated 0, rejected 6");
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 0);

  rejections = xs_import_report_format_rejections (report);
  g_test_message ("%s", rejections);
  g_assert_nonnull (strstr (rejections, "roster.csv:3: "));
  g_assert_nonnull (strstr (rejections, "roster.csv:4: "));
  g_assert_nonnull (strstr (rejections, "text"));   /* format the column as text */
  g_assert_nonnull (strstr (rejections, "roster.csv:5: "));
  g_assert_nonnull (strstr (rejections, "roster.csv:6: "));
  g_assert_nonnull (strstr (rejections, "row 2"));
  g_assert_nonnull (strstr (rejections, "roster.csv:7: "));
  g_assert_nonnull (strstr (rejections, "roster.csv:8: "));
  g_assert_null (strstr (rejections, "roster.csv:2: "));
  /* identity numbers never appear whole */
  g_assert_null (strstr (rejections, good));
  g_clear_object (&report);

  /* --skip-invalid keeps the good row */
  report = import_text (db, csv, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (report));
  assert_summary (report, "imported 1, updated 0, rejected 6");
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 1);
}

static void
test_roster_dry_run (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = roster_csv (0, 5, "舞阳县人民医院");
  g_autoptr(XsImportReport) report = import_text (db, csv, XS_IMPORT_DRY_RUN, &error);

  g_assert_no_error (error);
  g_assert_false (xs_import_report_get_committed (report));
  assert_summary (report, "imported 5, updated 0, rejected 0 (dry run: nothing written)");
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 0);
}

static void
test_roster_headers (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *id = xs_test_id_number (7);
  /* full-width spaces, English aliases, a required-marker star */
  g_autofree char *csv = g_strdup_printf ("\xe3\x80\x80name ,*id_number,EMPLOYER\n　张三　,%s,临颍县农业农村局\n", id);
  g_autoptr(XsTrainee) trainee = NULL;

  report = import_text (db, csv, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  assert_summary (report, "imported 1, updated 0, rejected 0");
  trainee = xs_trainee_store_lookup (db, id, &error);
  g_assert_cmpstr (trainee->name, ==, "张三");
  g_clear_object (&report);

  /* the headers other templates use */
  {
    g_autofree char *other = xs_test_id_number (8);
    g_autofree char *variant = g_strdup_printf ("序号,姓名,身份证,单位名称,专业技术职务,所学专业,县（区）,手机号码\n"
                                                "1,李四,%s,漯河市第二人民医院,主治医师,临床医学,源汇区,138-0395-0008\n", other);
    g_autoptr(XsImportReport) second = import_text (db, variant, XS_IMPORT_DEFAULT, &error);
    g_autoptr(XsTrainee) li = NULL;

    g_assert_no_error (error);
    assert_summary (second, "imported 1, updated 0, rejected 0");
    li = xs_trainee_store_lookup (db, other, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (li->employer, ==, "漯河市第二人民医院");
    g_assert_cmpstr (li->title, ==, "主治医师");
    g_assert_cmpstr (li->specialty, ==, "临床医学");
    g_assert_cmpstr (li->county, ==, "源汇区");
    g_assert_cmpstr (li->phone, ==, "13803950008");
  }

  /* A missing required column fails the whole file, naming the column. */
  report = import_text (db, "姓名,工作单位\n张三,某单位\n", XS_IMPORT_DEFAULT, &error);
  g_assert_null (report);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "身份证号"));
  g_clear_error (&error);

  /* An empty file */
  report = import_text (db, "", XS_IMPORT_DEFAULT, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
}

/* Chinese forms put the sheet's title (often merged across the columns), a
 * date or a note above the header row: the header is looked for below. */
static void
test_roster_title_above_header (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *id = xs_test_id_number (11);
  g_autofree char *other = xs_test_id_number (12);
  g_autofree char *rejections = NULL;
  g_autofree char *csv = g_strdup_printf (
    "2018年度专业技术人员继续教育名单,,\n"       /* row 1: the title */
    "填报单位：漯河市卫生健康委员会,,填报日期：2018-03-01\n" /* row 2 */
    ",,\n"                                        /* row 3: empty cells */
    "姓名,身份证号,工作单位\n"                     /* row 4: the header */
    "张三,%s,漯河市中心医院\n"                     /* row 5 */
    "李四,%s,\n",                                 /* row 6: no employer */
    id, other);
  g_autoptr(GString) eleven = g_string_new (NULL);
  g_autoptr(XsTrainee) trainee = NULL;

  report = import_text (db, csv, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_no_error (error);
  assert_summary (report, "imported 1, updated 0, rejected 1");
  trainee = xs_trainee_store_lookup (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trainee->name, ==, "张三");
  g_assert_cmpstr (trainee->employer, ==, "漯河市中心医院");
  /* rows are numbered as the spreadsheet shows them */
  rejections = xs_import_report_format_rejections (report);
  g_test_message ("%s", rejections);
  g_assert_nonnull (strstr (rejections, "roster.csv:6: "));
  g_clear_object (&report);

  /* A header that lacks a required column is still the header: the file is
   * refused naming the column and the header's row. */
  report = import_text (db, "名单,,\n姓名,工作单位\n张三,某单位\n", XS_IMPORT_DEFAULT, &error);
  g_assert_null (report);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "roster.csv:2: "));
  g_assert_nonnull (strstr (error->message, "身份证号"));
  g_clear_error (&error);

  /* Only the first XS_HEADER_MAP_MAX_ROWS rows are looked at: a file without
   * a header in them is refused at its first row, and nothing is written. */
  for (guint i = 0; i < XS_HEADER_MAP_MAX_ROWS; i++)
    g_string_append_printf (eleven, "说明第%u行,,\n", i + 1);
  g_string_append_printf (eleven, "姓名,身份证号,工作单位\n王五,%s,某单位\n", other);
  report = import_text (db, eleven->str, XS_IMPORT_DEFAULT, &error);
  g_assert_null (report);
  g_assert_error (error, XS_TABLE_ERROR, XS_TABLE_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "roster.csv:1: "));
  g_clear_error (&error);
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 1);
}

/* An employer filled in by a formula that failed (a VLOOKUP of an employer
 * code, say) is not an employer. */
static void
test_roster_formula_errors (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *a = xs_test_id_number (21);
  g_autofree char *b = xs_test_id_number (22);
  g_autofree char *rejections = NULL;
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位,职称\n"
                                          "张三,%s,#N/A,主治医师\n"
                                          "李四,%s,漯河市中心医院,#REF!\n", a, b);

  report = import_text (db, csv, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  assert_summary (report, "imported 0, updated 0, rejected 2");
  rejections = xs_import_report_format_rejections (report);
  g_test_message ("%s", rejections);
  g_assert_nonnull (strstr (rejections, "roster.csv:2: The 工作单位 cell holds #N/A"));
  g_assert_nonnull (strstr (rejections, "roster.csv:3: The 职称 cell holds #REF!"));
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 0);
}

static void
test_roster_gb18030_fixture (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = xs_test_fixture_path ("roster-gb18030.csv");
  g_autoptr(XsImportReport) report = xs_roster_import (db, path, NULL, XS_IMPORT_DEFAULT,
                                                       NULL, NULL, NULL, &error);
  g_autofree char *rejections = NULL;

  g_assert_no_error (error);
  rejections = xs_import_report_format_rejections (report);
  g_assert_cmpstr (rejections, ==, "");
  g_assert_cmpstr (xs_import_report_get_encoding (report), ==, "GB18030");
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_ADDED), >, 0);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_roster_progress_and_cancel (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = roster_csv (0, 3000, "漯河市高级中学");
  g_autofree char *path = xs_test_write_file ("big.csv", csv, -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(XsImportReport) report = NULL;
  double last = 0;

  report = xs_roster_import (db, path, NULL, XS_IMPORT_DEFAULT, NULL, on_progress, &last, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_clear_object (&report);

  /* Cancelled: nothing of the second file lands. */
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&path, g_free);
  csv = roster_csv (5000, 3000, "漯河市高级中学");
  path = xs_test_write_file ("big2.csv", csv, -1);
  g_cancellable_cancel (cancellable);
  report = xs_roster_import (db, path, NULL, XS_IMPORT_DEFAULT, cancellable, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 3000);
}


/* Duplicate rows found across a file long enough to grow the set of
 * numbers seen, each naming the row it repeats; refused rows beyond the
 * first XS_IMPORT_REPORT_MAX_KEPT are counted, not listed. */
static void
test_roster_many_duplicates (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *first = roster_csv (0, 3000, "漯河市中心医院");
  g_autofree char *again = roster_csv (0, 1500, "漯河市中心医院");
  g_autofree char *rejections = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *summary = NULL;
  guint listed = 0;

  /* The second roster's rows without its header line */
  csv = g_strconcat (first, strchr (again, '\n') + 1, NULL);
  report = import_text (db, csv, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  summary = g_strdup_printf ("imported 0, updated 0, rejected %u", 1500);
  assert_summary (report, summary);

  rejections = xs_import_report_format_rejections (report);
  for (const char *p = rejections; (p = strstr (p, "roster.csv:")) != NULL; p++)
    listed++;
  g_assert_cmpuint (listed, ==, XS_IMPORT_REPORT_MAX_KEPT + 1);   /* and the line counting the rest */
  /* Row 3002 repeats row 2; row 3501 repeats row 501 */
  g_assert_nonnull (strstr (rejections, "roster.csv:3002: "));
  g_assert_nonnull (strstr (rejections, "row 2 of"));
  g_assert_nonnull (strstr (rejections, "row 501 of"));
  g_assert_nonnull (strstr (rejections, "500 more rows"));
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/roster-import/import-and-update", test_roster_import_and_update);
  g_test_add_func ("/roster-import/rejects-rows", test_roster_rejects_rows);
  g_test_add_func ("/roster-import/many-duplicates", test_roster_many_duplicates);
  g_test_add_func ("/roster-import/dry-run", test_roster_dry_run);
  g_test_add_func ("/roster-import/headers", test_roster_headers);
  g_test_add_func ("/roster-import/title-above-header", test_roster_title_above_header);
  g_test_add_func ("/roster-import/formula-errors", test_roster_formula_errors);
  g_test_add_func ("/roster-import/gb18030-fixture", test_roster_gb18030_fixture);
  g_test_add_func ("/roster-import/progress-and-cancel", test_roster_progress_and_cancel);

  return g_test_run ();
}
