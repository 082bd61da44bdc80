/* test-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include <string.h>

#include "xs-date.h"
#include "xs-test-util.h"

static void
assert_date (const char *text,
             const char *expected_iso)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate date;

  if (!xs_date_parse (text, &date, &error))
    g_error ("“%s”: %s", text, error->message);
  g_assert_no_error (error);
  iso = xs_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, expected_iso);
}

static void
assert_bad_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_false (xs_date_parse (text, &date, &error));
  g_assert_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_DATE);
  g_assert_false (g_date_valid (&date));
  g_test_message ("“%s”: %s", text, error->message);
}

static void
test_date_formats (void)
{
  assert_date ("2018-05-06", "2018-05-06");
  assert_date ("2018-5-6", "2018-05-06");
  assert_date ("2018/5/6", "2018-05-06");
  assert_date ("2018/05/06", "2018-05-06");
  assert_date ("2018.5.6", "2018-05-06");
  assert_date ("2018年5月6日", "2018-05-06");
  assert_date ("2018年05月06日", "2018-05-06");
  assert_date ("2018 年 5 月 6 日", "2018-05-06");
  assert_date ("2018年5月6", "2018-05-06");
  assert_date ("２０１８－０５－０６", "2018-05-06");
  assert_date ("２０１８年５月６日", "2018-05-06");
  assert_date ("２０１８．５．６", "2018-05-06");
  assert_date ("  2018-05-06  ", "2018-05-06");
  assert_date ("\u30002018/5/6\u3000", "2018-05-06");
  assert_date ("20180506", "2018-05-06");
  /* what a CSV export writes for a date cell with a time */
  assert_date ("2018/5/6 0:00", "2018-05-06");
  assert_date ("2018-05-06 08:30:00", "2018-05-06");
  assert_date ("2018-05-06T08:30:00.000", "2018-05-06");
  /* leap days */
  assert_date ("2020-02-29", "2020-02-29");
  assert_date ("2000/2/29", "2000-02-29");
  assert_date ("2018-12-31", "2018-12-31");
}

static void
test_date_serial (void)
{
  assert_date ("43226", "2018-05-06");
  assert_date ("43226.0", "2018-05-06");
  assert_date ("43226.5", "2018-05-06");
  assert_date ("43226.999988426", "2018-05-06");
  assert_date (" ４３２２６ ", "2018-05-06");
  assert_date ("43101", "2018-01-01");
  assert_date ("43830", "2019-12-31");
  /* Around Excel's 29 February 1900 */
  assert_date ("1", "1900-01-01");
  assert_date ("59", "1900-02-28");
  assert_date ("61", "1900-03-01");
  assert_date ("73415", "2100-12-31");
  assert_bad_date ("60");
  assert_bad_date ("0");
  assert_bad_date ("73416");
  assert_bad_date ("99999999999999999999");
  assert_bad_date ("-43226");
}

static void
test_date_invalid (void)
{
  assert_bad_date ("");
  assert_bad_date ("  ");
  assert_bad_date ("2018-02-30");
  assert_bad_date ("2019-02-29");
  assert_bad_date ("1900-02-29");
  assert_bad_date ("2018-13-01");
  assert_bad_date ("2018-00-10");
  assert_bad_date ("2018-04-31");
  assert_bad_date ("2018年2月30日");
  assert_bad_date ("20180230");
  assert_bad_date ("1899-12-31");
  assert_bad_date ("2101-01-01");
  assert_bad_date ("2018");
  assert_bad_date ("2018.5");
  assert_bad_date ("2018-5/6");
  assert_bad_date ("18-5-6");
  assert_bad_date ("5/6/2018");
  assert_bad_date ("2018-05-06 25:00");
  assert_bad_date ("2018-05-06x");
  assert_bad_date ("May 6, 2018");
  assert_bad_date ("2018-05");
  assert_bad_date ("\xff\xfe");
}

static void
test_date_iso (void)
{
  g_autofree char *iso = NULL;
  GDate date;

  g_assert_true (xs_date_parse_iso ("2018-05-06", &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2018);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_MAY);
  g_assert_cmpint (g_date_get_day (&date), ==, 6);
  iso = xs_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "2018-05-06");

  g_assert_false (xs_date_parse_iso ("2018-5-6", &date));
  g_assert_false (g_date_valid (&date));
  g_assert_false (xs_date_parse_iso ("2018/05/06", &date));
  g_assert_false (xs_date_parse_iso ("2018-02-30", &date));
  g_assert_false (xs_date_parse_iso (" 2018-05-06", &date));
  g_assert_false (xs_date_parse_iso ("2018-05-06 ", &date));
  g_assert_false (xs_date_parse_iso ("", &date));
  g_assert_false (xs_date_parse_iso ("43226", &date));
  /* an empty database column */
  g_assert_false (xs_date_parse_iso (NULL, &date));
  g_assert_false (g_date_valid (&date));
}

static void
assert_hours (const char *text,
              int         expected)
{
  g_autoptr(GError) error = NULL;
  int tenths = -1;

  if (!xs_hours_parse (text, &tenths, &error))
    g_error ("“%s”: %s", text, error->message);
  g_assert_cmpint (tenths, ==, expected);
}

static void
assert_bad_hours (const char *text)
{
  g_autoptr(GError) error = NULL;
  int tenths = -1;

  g_assert_false (xs_hours_parse (text, &tenths, &error));
  g_assert_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_HOURS);
  g_assert_cmpint (tenths, ==, -1);
  g_test_message ("“%s”: %s", text, error->message);
}

static void
test_hours_parse (void)
{
  g_autoptr(GError) error = NULL;
  int tenths;

  assert_hours ("12", 120);
  assert_hours ("12.5", 125);
  assert_hours ("１２．５", 125);
  assert_hours (" 8 ", 80);
  assert_hours ("\u30008\u3000", 80);
  assert_hours ("0.5", 5);
  assert_hours (".5", 5);
  assert_hours ("5.", 50);
  assert_hours ("1.50", 15);
  assert_hours ("1.500", 15);
  assert_hours ("8.0", 80);
  assert_hours ("008", 80);
  assert_hours ("1000", 10000);
  assert_hours ("8学时", 80);
  assert_hours ("8 小时", 80);
  /* an XLSX cell's binary rounding */
  assert_hours ("12.199999999999999", 122);
  assert_hours ("1.5000000000000002", 15);
  assert_hours ("0.30000000000000004", 3);
  assert_hours ("9.9999999999999982", 100);

  assert_bad_hours ("");
  assert_bad_hours ("0");
  assert_bad_hours ("0.0");
  assert_bad_hours ("-3");
  assert_bad_hours ("1000.1");
  assert_bad_hours ("99999999999999999999");
  assert_bad_hours ("abc");
  assert_bad_hours ("1,5");
  assert_bad_hours ("1.5.1");
  assert_bad_hours (".");
  assert_bad_hours ("1 5");
  assert_bad_hours ("12.51");
  assert_bad_hours ("1.05000000000001");

  /* The message names the rule. */
  g_assert_false (xs_hours_parse ("1.25", &tenths, &error));
  g_assert_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_HOURS);
  g_assert_nonnull (strstr (error->message, "one decimal place"));
}

static void
test_hours_format (void)
{
  const struct {
    int         tenths;
    const char *text;
  } cases[] = {
    { 120, "12" }, { 125, "12.5" }, { 5, "0.5" }, { 0, "0" }, { 10000, "1000" },
    { 1, "0.1" }, { -15, "-1.5" }, { -20, "-2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = xs_hours_format (cases[i].tenths);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* format ∘ parse is the identity on valid hours */
  for (int tenths = 1; tenths <= 10000; tenths += 7)
    {
      g_autofree char *text = xs_hours_format (tenths);
      int back = 0;

      g_assert_true (xs_hours_parse (text, &back, NULL));
      g_assert_cmpint (back, ==, tenths);
    }
}

static void
test_year (void)
{
  const struct {
    const char *text;
    int         year;
  } good[] = {
    { "2018", 2018 }, { "2018年", 2018 }, { "2018.0", 2018 }, { "2018.00", 2018 },
    { " 2018 ", 2018 }, { "２０１８", 2018 }, { "2018年度", 2018 }, { "2018 年", 2018 },
    { "1990", 1990 }, { "2100", 2100 },
  };
  const char *bad[] = {
    "", " ", "18", "1989", "2101", "20180", "2018.5", "2018-05-06", "二〇一八", "2018年5月",
    "year",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 0;

      g_assert_true (xs_year_parse (good[i].text, &year, &error));
      g_assert_no_error (error);
      g_assert_cmpint (year, ==, good[i].year);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 0;

      g_assert_false (xs_year_parse (bad[i], &year, &error));
      g_assert_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_YEAR);
      g_assert_cmpint (year, ==, 0);
      g_test_message ("“%s”: %s", bad[i], error->message);
    }
}

static void
test_boolean (void)
{
  const struct {
    const char *text;
    gboolean    value;
  } good[] = {
    { "是", TRUE }, { "否", FALSE }, { "必修", TRUE }, { "选修", FALSE },
    { "yes", TRUE }, { "no", FALSE }, { "YES", TRUE }, { "No", FALSE },
    { "y", TRUE }, { "n", FALSE }, { "Y", TRUE }, { "N", FALSE },
    { "true", TRUE }, { "false", FALSE }, { "TRUE", TRUE }, { "False", FALSE },
    { "1", TRUE }, { "0", FALSE }, { "１", TRUE }, { "０", FALSE },
    { "", FALSE }, { "  ", FALSE }, { "\u3000", FALSE }, { " 是 ", TRUE },
    { "√", TRUE }, { "×", FALSE },
    /* as clerks also write them */
    { "必修课", TRUE }, { "选修课", FALSE }, { "✓", TRUE }, { "✔", TRUE }, { "✗", FALSE }, { "✘", FALSE },
  };
  const char *bad[] = { "2", "maybe", "是的", "必", "yes!", "10", "-1" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean value = !good[i].value;

      g_assert_true (xs_boolean_parse (good[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean value = FALSE;

      g_assert_false (xs_boolean_parse (bad[i], &value, &error));
      g_assert_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_BOOLEAN);
      g_test_message ("“%s”: %s", bad[i], error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/date/formats", test_date_formats);
  g_test_add_func ("/date/serial", test_date_serial);
  g_test_add_func ("/date/invalid", test_date_invalid);
  g_test_add_func ("/date/iso", test_date_iso);
  g_test_add_func ("/hours/parse", test_hours_parse);
  g_test_add_func ("/hours/format", test_hours_format);
  g_test_add_func ("/year/parse", test_year);
  g_test_add_func ("/boolean/parse", test_boolean);

  return g_test_run ();
}
