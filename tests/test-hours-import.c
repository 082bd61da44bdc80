/* test-hours-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "xs-claim-store.h"
#include "xs-class-store.h"
#include "xs-hours-import.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

#define HEADER "身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"

static XsDb *
db_with_roster (guint n)
{
  XsDb *db = xs_test_open_db ();
  g_autoptr(GString) csv = g_string_new ("姓名,身份证号,工作单位\n");
  g_autofree char *path = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = xs_test_id_number (i);

      g_string_append_printf (csv, "学员%u,%s,漯河市中心医院\n", i, id);
    }
  path = xs_test_write_file ("roster.csv", csv->str, -1);
  report = xs_roster_import (db, path, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (report));
  return db;
}

static XsImportReport *
import_hours (XsDb                  *db,
              const char            *csv,
              const XsTrainingClass *klass,
              XsImportFlags          flags)
{
  g_autofree char *path = xs_test_write_file ("hours.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  XsImportReport *report = xs_hours_import (db, path, NULL, klass, flags, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return report;
}

static void
test_hours_import_batch (void)
{
  g_autoptr(XsDb) db = db_with_roster (3);
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *b = xs_test_id_number (1);
  g_autofree char *csv = g_strdup_printf (HEADER
                                          "%s,学员0,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                                          "%s,学员0,2018年,专业科目,,30,1,临床诊疗规范培训班,2018/4/14\n"
                                          "%s,学员1,2018,专业,否,12.5,2,医学会研修,2018年9月3日\n"
                                          "%s,学员1,2018,公需,选修,6,,公需科目网络培训（选修）,2018.10.1\n",
                                          a, a, b, b);
  g_autoptr(XsImportReport) report = import_hours (db, csv, NULL, XS_IMPORT_DEFAULT);
  g_autofree char *summary = xs_import_report_format_summary (report);
  g_autoptr(XsTrainee) trainee = xs_trainee_store_lookup (db, b, NULL);
  g_autoptr(GPtrArray) claims = xs_claim_store_list_for_trainee (db, trainee->id, 2018, NULL);

  /* 附件1: 个人申报需要上传培训通知、结业证书及单位证明材料，基地统一上报的可以不用提供 —
   * said of kind 1 alone: the kind-2 row arrives as a draft */
  g_assert_cmpstr (summary, ==, "imported 4, updated 0, rejected 0; 1 of them drafts waiting for materials");
  g_assert_cmpuint (claims->len, ==, 2);
  for (guint i = 0; i < claims->len; i++)
    {
      XsClaim *claim = g_ptr_array_index (claims, i);

      g_assert_cmpint (claim->source, ==, XS_SOURCE_BATCH);
      g_assert_cmpint (claim->status, ==, claim->kind == 2 ? XS_STATUS_DRAFT : XS_STATUS_SUBMITTED);
      if (claim->category == XS_CATEGORY_PROFESSIONAL)
        {
          g_assert_cmpint (claim->hours, ==, 125);
          g_assert_cmpint (claim->kind, ==, 2);
        }
      else
        g_assert_false (claim->compulsory);
    }
}

static void
test_hours_import_rejects (void)
{
  g_autoptr(XsDb) db = db_with_roster (3);
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *stranger = xs_test_id_number (400);
  g_autofree char *csv = g_strdup_printf (HEADER
    "%s,学员0,2018,专业科目,,30,1,培训班甲,2018-04-14\n"          /* 2 ok */
    "%s,学员0,2018,专业科目,,30,1,培训班甲,2018-04-14\n"          /* 3 duplicate of 2 */
    "%s,张冠李戴,2018,专业科目,,30,1,培训班乙,2018-04-14\n"        /* 4 name mismatch */
    "%s,路人,2018,专业科目,,30,1,培训班乙,2018-04-14\n"            /* 5 not on roster */
    "%s,学员0,2018,专业科目,是,30,1,培训班丙,2018-04-14\n"        /* 6 compulsory professional */
    "%s,学员0,2018,专业科目,,30,17,培训班丁,2018-04-14\n"         /* 7 kind 17 */
    "%s,学员0,2018,专业科目,,1.25,1,培训班戊,2018-04-14\n"        /* 8 two decimals */
    "%s,学员0,2018,专业科目,,30,1,培训班己,2019-01-02\n"          /* 9 date outside year */
    "%s,学员0,2016,公需科目,是,24,,2016年公需科目补学,2019-03-01\n"  /* 10 make-up too late */
    "%s,学员0,2018,体育,,30,1,培训班庚,2018-04-14\n",             /* 11 category */
    a, a, a, stranger, a, a, a, a, a, a);
  g_autoptr(XsImportReport) report = import_hours (db, csv, NULL, XS_IMPORT_DEFAULT);
  g_autofree char *summary = xs_import_report_format_summary (report);
  g_autofree char *rejections = xs_import_report_format_rejections (report);

  g_test_message ("%s", rejections);
  g_assert_cmpstr (summary, ==, "imported 0, updated 0, rejected 9");
  for (guint row = 3; row <= 11; row++)
    {
      g_autofree char *prefix = g_strdup_printf ("hours.csv:%u: ", row);

      g_assert_nonnull (strstr (rejections, prefix));
    }
  g_assert_nonnull (strstr (rejections, "row 2"));
  g_assert_nonnull (strstr (rejections, "roster"));
  g_assert_nonnull (strstr (rejections, "2018-03-01"));
  g_assert_null (strstr (rejections, a));
}

/* A formula that failed shows its error in the cell, and Excel and WPS
 * write that text to CSV as well: it is no number of hours, and no name. */
static void
test_hours_import_formula_errors (void)
{
  g_autoptr(XsDb) db = db_with_roster (2);
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *b = xs_test_id_number (1);
  g_autofree char *csv = g_strdup_printf (HEADER
    "%s,学员0,2018,专业科目,,#VALUE!,1,培训班甲,2018-04-14\n"     /* 2 hours */
    "%s,#N/A,2018,专业科目,,30,1,培训班乙,2018-04-14\n"           /* 3 name */
    "%s,学员1,2018,专业科目,,Err:502,1,培训班丙,2018-04-14\n"     /* 4 LibreOffice */
    "%s,学员1,2018,专业科目,,30,1,#培训班丁,2018-04-14\n",        /* 5 a title with # */
    a, a, b, b);
  g_autoptr(XsImportReport) report = import_hours (db, csv, NULL, XS_IMPORT_SKIP_INVALID);
  g_autofree char *summary = xs_import_report_format_summary (report);
  g_autofree char *rejections = xs_import_report_format_rejections (report);

  g_test_message ("%s", rejections);
  g_assert_cmpstr (summary, ==, "imported 1, updated 0, rejected 3");
  g_assert_nonnull (strstr (rejections, "hours.csv:2: The 学时 cell holds #VALUE!: the formula"));
  g_assert_nonnull (strstr (rejections, "hours.csv:3: The 姓名 cell holds #N/A: the formula"));
  g_assert_nonnull (strstr (rejections, "hours.csv:4: The 学时 cell holds Err:502: the formula"));
  g_assert_null (strstr (rejections, "hours.csv:5:"));
}

/* The 类型 column as clerks fill it: a number, full-width, or the kind's name
 * as the notice gives it (the rule set's names; English too). */
static void
test_hours_import_kind_names (void)
{
  g_autoptr(XsDb) db = db_with_roster (1);
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *csv = g_strdup_printf (HEADER
    "%s,学员0,2018,专业科目,,8,学术会议,会议甲,2018-04-14\n"        /* 2: kind 4 */
    "%s,学员0,2018,专业科目,,8,３,会议乙,2018-04-15\n"             /* 3: kind 3 */
    "%s,学员0,2018,专业科目,,8,academic conference,会议丙,2018-04-16\n"  /* 4: kind 4 */
    "%s,学员0,2018,专业科目,,8,面授培训,会议丁,2018-04-17\n"        /* 5: no kind */
    "%s,学员0,2018,专业科目,,8,4 学术会议,会议戊,2018-04-18\n"      /* 6: kind 4, as packages write it */
    "%s,学员0,2018,专业科目,,8,7 学术会议,会议己,2018-04-19\n",     /* 7: they disagree */
    a, a, a, a, a, a);
  g_autoptr(XsImportReport) report = import_hours (db, csv, NULL, XS_IMPORT_SKIP_INVALID);
  g_autofree char *rejections = xs_import_report_format_rejections (report);
  g_autoptr(XsTrainee) trainee = xs_trainee_store_lookup (db, a, NULL);
  g_autoptr(GPtrArray) claims = xs_claim_store_list_for_trainee (db, trainee->id, 2018, NULL);
  guint kind3 = 0, kind4 = 0;

  g_test_message ("%s", rejections);
  g_assert_nonnull (strstr (rejections, "hours.csv:5: The claim kind (类型) “面授培训” is neither"));
  g_assert_nonnull (strstr (rejections, "hours.csv:7: The claim kind (类型) “7 学术会议” is neither"));
  g_assert_cmpuint (claims->len, ==, 4);
  for (guint i = 0; i < claims->len; i++)
    {
      XsClaim *claim = g_ptr_array_index (claims, i);

      kind3 += claim->kind == 3;
      kind4 += claim->kind == 4;
    }
  g_assert_cmpuint (kind3, ==, 1);
  g_assert_cmpuint (kind4, ==, 3);
}

static void
test_hours_import_duplicate_of_stored (void)
{
  g_autoptr(XsDb) db = db_with_roster (1);
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *csv = g_strdup_printf (HEADER "%s,学员0,2018,专业科目,,30,1,培训班甲,2018-04-14\n", a);
  g_autoptr(XsImportReport) first = import_hours (db, csv, NULL, XS_IMPORT_DEFAULT);
  g_autoptr(XsImportReport) second = import_hours (db, csv, NULL, XS_IMPORT_DEFAULT);
  g_autofree char *rejections = xs_import_report_format_rejections (second);

  g_assert_true (xs_import_report_get_committed (first));
  g_assert_false (xs_import_report_get_committed (second));
  g_assert_nonnull (strstr (rejections, "hours.csv:2: "));
  g_assert_nonnull (strstr (rejections, "培训班甲"));
}

static void
test_hours_import_makeup (void)
{
  g_autoptr(XsDb) db = db_with_roster (1);
  g_autofree char *a = xs_test_id_number (0);
  g_autofree char *csv = g_strdup_printf (HEADER
                                          "%s,学员0,2016,公需科目,是,24,,2016年度公需科目补学,2018-03-01\n"
                                          "%s,学员0,2017,公需科目,否,6,,2017年度公需科目补学,2018-12-30\n",
                                          a, a);
  g_autoptr(XsImportReport) report = import_hours (db, csv, NULL, XS_IMPORT_DEFAULT);
  g_autofree char *summary = xs_import_report_format_summary (report);

  g_assert_cmpstr (summary, ==, "imported 2, updated 0, rejected 0");
}

static void
test_hours_import_class (void)
{
  g_autoptr(XsDb) db = db_with_roster (4);
  g_autoptr(XsTrainingClass) klass = xs_training_class_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("身份证号,姓名\n");
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *id = xs_test_id_number (2);
  g_autoptr(XsTrainee) trainee = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  XsClaim *claim;

  klass->code = g_strdup ("2018-05");
  klass->name = g_strdup ("BIM 技术与工程管理培训班");
  klass->year = 2018;
  klass->category = XS_CATEGORY_PROFESSIONAL;
  klass->hours = 240;
  g_date_set_dmy (&klass->start_date, 10, 6, 2018);
  g_date_set_dmy (&klass->end_date, 14, 6, 2018);
  g_assert_true (xs_class_store_add (db, klass, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *row_id = xs_test_id_number (i);

      g_string_append_printf (csv, "%s,学员%u\n", row_id, i);
    }
  report = import_hours (db, csv->str, klass, XS_IMPORT_DEFAULT);
  summary = xs_import_report_format_summary (report);
  g_assert_cmpstr (summary, ==, "imported 4, updated 0, rejected 0");

  trainee = xs_trainee_store_lookup (db, id, NULL);
  claims = xs_claim_store_list_for_trainee (db, trainee->id, 2018, NULL);
  g_assert_cmpuint (claims->len, ==, 1);
  claim = g_ptr_array_index (claims, 0);
  g_assert_cmpint (claim->class_id, ==, klass->id);
  g_assert_cmpint (claim->hours, ==, 240);
  g_assert_cmpstr (claim->title, ==, klass->name);
  g_assert_cmpint (g_date_get_day (&claim->date), ==, 14);
}

static void
test_hours_import_xlsx_fixture (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *roster = xs_test_fixture_path ("roster-gb18030.csv");
  g_autofree char *hours = xs_test_fixture_path ("hours.xlsx");
  g_autoptr(XsImportReport) first = xs_roster_import (db, roster, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *rejections = NULL;

  g_assert_no_error (error);
  report = xs_hours_import (db, hours, NULL, NULL, XS_IMPORT_SKIP_INVALID, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  rejections = xs_import_report_format_rejections (report);
  g_test_message ("%s", rejections);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_ADDED), >, 0);
  /* The fixture's identity number stored as a number is refused with advice. */
  g_assert_nonnull (strstr (rejections, "hours.xlsx:"));
  g_assert_nonnull (strstr (rejections, "text"));
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/hours-import/batch", test_hours_import_batch);
  g_test_add_func ("/hours-import/rejects", test_hours_import_rejects);
  g_test_add_func ("/hours-import/formula-errors", test_hours_import_formula_errors);
  g_test_add_func ("/hours-import/kind-names", test_hours_import_kind_names);
  g_test_add_func ("/hours-import/duplicate-of-stored", test_hours_import_duplicate_of_stored);
  g_test_add_func ("/hours-import/makeup", test_hours_import_makeup);
  g_test_add_func ("/hours-import/class", test_hours_import_class);
  g_test_add_func ("/hours-import/xlsx-fixture", test_hours_import_xlsx_fixture);

  return g_test_run ();
}
