/* test-roster-add.c: one trainee added by hand, checked as a roster row,
 * refused when already there, and taken back as an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "xs-hours-import.h"
#include "xs-id-number.h"
#include "xs-import-log.h"
#include "xs-roster-add.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static void
test_roster_add (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *id = xs_test_id_number (3);   /* odd: a man */
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autoptr(XsImportRecord) record = NULL;
  g_autoptr(GPtrArray) records = NULL;
  XsRosterEntry entry = {
    .name = " 王䶮𠮷 ", .id_number = id, .employer = "漯河市第二人民医院",
    .title = "主治医师", .phone = "139 0000 0001",
  };
  XsRosterField field = XS_ROSTER_FIELD_NONE;
  gint64 import_id;

  import_id = xs_roster_add (db, &entry, &field, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import_id, >, 0);
  g_assert_cmpint (field, ==, XS_ROSTER_FIELD_NONE);

  trainee = xs_trainee_store_lookup (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trainee->name, ==, "王䶮𠮷");
  g_assert_cmpstr (trainee->employer, ==, "漯河市第二人民医院");
  g_assert_cmpstr (trainee->title, ==, "主治医师");
  g_assert_cmpstr (trainee->phone, ==, "13900000001");
  g_assert_null (trainee->specialty);
  g_assert_cmpint (trainee->sex, ==, XS_SEX_MALE);
  g_assert_true (g_date_valid (&trainee->birth_date));

  /* one roster import of one row, named for what it is */
  record = xs_import_log_get (db, import_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->kind, ==, "roster");
  g_assert_cmpstr (record->file_name, ==, "王䶮𠮷, entered by hand");
  g_assert_cmpstr (record->summary, ==, "imported 1, updated 0, rejected 0");
  g_assert_null (strstr (record->file_name, id));
  records = xs_import_log_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
}

static void
test_roster_add_duplicate (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *id = xs_test_id_number (4);
  g_autofree char *masked = xs_id_number_mask (id);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位\n李四,%s,漯河市中心医院\n", id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autofree char *lower = NULL;
  XsRosterEntry entry = { .name = "李四", .employer = "别的单位" };
  XsRosterField field = XS_ROSTER_FIELD_NONE;

  xs_test_import (db, csv, TRUE, NULL);
  /* typed the clerk's way: lower-case x would be the same; spaces around */
  lower = g_strdup_printf ("  %s ", id);
  entry.id_number = lower;

  g_assert_cmpint (xs_roster_add (db, &entry, &field, &error), ==, 0);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_cmpint (field, ==, XS_ROSTER_FIELD_ID_NUMBER);
  /* in words: who, as whom, and that nothing changed; never the whole number */
  g_assert_nonnull (strstr (error->message, masked));
  g_assert_nonnull (strstr (error->message, "李四"));
  g_assert_nonnull (strstr (error->message, "漯河市中心医院"));
  g_assert_nonnull (strstr (error->message, "nothing was added"));
  g_assert_null (strstr (error->message, id));

  trainee = xs_trainee_store_lookup (db, id, NULL);
  g_assert_cmpstr (trainee->employer, ==, "漯河市中心医院");
  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 1);
  records = xs_import_log_list (db, NULL);
  g_assert_cmpuint (records->len, ==, 1);   /* the roster file's alone */
}

/* Each field checked as in a roster file, naming the field at fault. */
static void
test_roster_add_checks (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *man = xs_test_id_number (5);
  g_autoptr(GString) longer = g_string_new (NULL);
  struct {
    XsRosterEntry  entry;
    XsRosterField  field;
    const char    *words;
  } cases[] = {
    { { .name = "", .id_number = man, .employer = "单位" }, XS_ROSTER_FIELD_NAME, "name is empty" },
    { { .name = "张\u202e三", .id_number = man, .employer = "单位" }, XS_ROSTER_FIELD_NAME, "U+202E" },
    { { .name = "张三", .id_number = "41110219800101123", .employer = "单位" }, XS_ROSTER_FIELD_ID_NUMBER, NULL },
    { { .name = "张三", .id_number = man, .employer = "　" }, XS_ROSTER_FIELD_EMPLOYER, "employer (工作单位) is empty" },
    { { .name = "张三", .id_number = man, .employer = "单位", .sex = "女" }, XS_ROSTER_FIELD_SEX, "man’s" },
    { { .name = "张三", .id_number = man, .employer = "单位", .sex = "未知" }, XS_ROSTER_FIELD_SEX, "not 男 or 女" },
    { { .name = "张三", .id_number = man, .employer = "单位", .phone = "12345" }, XS_ROSTER_FIELD_PHONE, "mobile number" },
    { { .name = "张三", .id_number = man, .employer = "单位", .county = "源汇区\x07" }, XS_ROSTER_FIELD_COUNTY, "U+0007" },
    { { .name = "张三", .id_number = man, .employer = NULL }, XS_ROSTER_FIELD_EMPLOYER, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      XsRosterField field = XS_ROSTER_FIELD_NONE;

      g_assert_cmpint (xs_roster_add (db, &cases[i].entry, &field, &error), ==, 0);
      g_assert_nonnull (error);
      g_test_message ("case %u: %s", i, error->message);
      g_assert_cmpint (field, ==, cases[i].field);
      if (cases[i].words != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].words));
    }

  /* the longest employer a roster takes is taken; one more is not */
  for (guint i = 0; i < 100; i++)
    g_string_append (longer, "䶮");
  {
    XsRosterEntry entry = { .name = "张三", .id_number = man, .employer = longer->str };
    g_autoptr(GError) error = NULL;
    g_auto(XsTrainee) checked = { 0 };
    XsRosterField field;

    g_assert_true (xs_roster_entry_check (&entry, &checked, &field, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (checked.employer, ==, longer->str);
    g_string_append (longer, "𠮷");
    entry.employer = longer->str;
    g_assert_false (xs_roster_entry_check (&entry, NULL, &field, &error));
    g_assert_cmpint (field, ==, XS_ROSTER_FIELD_EMPLOYER);
    g_assert_nonnull (strstr (error->message, "longer than 100"));
  }

  g_assert_cmpint (xs_trainee_store_count (db, NULL), ==, 0);
  {
    g_autoptr(GPtrArray) records = xs_import_log_list (db, NULL);

    g_assert_cmpuint (records->len, ==, 0);
  }
}

/* Undo takes the trainee back out; hours recorded for the trainee since
 * keep it. */
static void
test_roster_add_undo (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *id = xs_test_id_number (6);
  g_autofree char *other = xs_test_id_number (7);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportRecord) record = NULL;
  g_autofree char *hours = NULL;
  XsRosterEntry entry = { .name = "赵六", .id_number = id, .employer = "临颍县人民医院" };
  XsRosterEntry second = { .name = "钱七", .id_number = other, .employer = "临颍县人民医院" };
  gint64 import_id, second_id;

  import_id = xs_roster_add (db, &entry, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_log_undo (db, import_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xs_trainee_store_find_id (db, id, NULL), ==, 0);
  record = xs_import_log_get (db, import_id, NULL);
  g_assert_nonnull (record->undone_at);
  /* undone once only */
  g_assert_false (xs_import_log_undo (db, import_id, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);

  /* added again after the undo, with hours recorded since: undo refused */
  second_id = xs_roster_add (db, &second, NULL, &error);
  g_assert_no_error (error);
  hours = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                           "%s,钱七,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n", other);
  xs_test_import (db, hours, FALSE, NULL);
  g_assert_false (xs_import_log_undo (db, second_id, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_cmpint (xs_trainee_store_find_id (db, other, NULL), >, 0);
}

/* The hours row of a person the roster lacks keeps the whole number for
 * Add to Roster (masked in its text); once added, the row imports. */
static void
test_roster_add_then_hours (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *id = xs_test_id_number (8);
  g_autofree char *masked = xs_id_number_mask (id);
  g_autofree char *csv = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                                          "%s,孙八,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n", id);
  g_autofree char *path = xs_test_write_file ("hours.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) before = NULL;
  g_autoptr(XsImportReport) after = NULL;
  XsImportRow *row;
  XsRosterEntry entry = { .employer = "漯河医专" };

  before = xs_hours_import (db, path, NULL, NULL, XS_IMPORT_DRY_RUN, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_import_report_get_count (before, XS_ROW_REJECTED), ==, 1);
  row = g_ptr_array_index (xs_import_report_get_rows (before), 0);
  g_assert_cmpstr (row->id_number, ==, id);
  g_assert_cmpstr (row->name, ==, "孙八");
  g_assert_cmpstr (row->masked_id, ==, masked);
  g_assert_null (strstr (row->summary, id));

  entry.name = row->name;
  entry.id_number = row->id_number;
  g_assert_cmpint (xs_roster_add (db, &entry, NULL, &error), >, 0);
  g_assert_no_error (error);

  after = xs_hours_import (db, path, NULL, NULL, XS_IMPORT_DRY_RUN, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_import_report_get_count (after, XS_ROW_REJECTED), ==, 0);
  g_assert_cmpuint (xs_import_report_get_count (after, XS_ROW_ADDED), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/roster-add/add", test_roster_add);
  g_test_add_func ("/roster-add/duplicate", test_roster_add_duplicate);
  g_test_add_func ("/roster-add/checks", test_roster_add_checks);
  g_test_add_func ("/roster-add/undo", test_roster_add_undo);
  g_test_add_func ("/roster-add/then-hours", test_roster_add_then_hours);
  return g_test_run ();
}
