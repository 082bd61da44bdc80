/* test-stats.c: counts per employer and county, and their XLSX export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-stats.h"
#include "xs-table-reader.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static gint64
add_trainee (XsDb       *db,
             guint       n,
             const char *employer,
             const char *county)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();

  trainee->id_number = xs_test_id_number (n);
  trainee->name = g_strdup_printf ("学员%u", n);
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup (employer);
  trainee->county = g_strdup (county);
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, NULL));
  return trainee->id;
}

static void
add_hours (XsDb       *db,
           gint64      trainee,
           int         year,
           XsCategory  category,
           gboolean    compulsory,
           int         tenths,
           XsStatus    status)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  static guint serial;

  claim.trainee_id = trainee;
  claim.year = year;
  claim.category = category;
  claim.compulsory = compulsory;
  claim.kind = category == XS_CATEGORY_PROFESSIONAL ? 1 : 0;
  claim.hours = tenths;
  claim.title = g_strdup_printf ("课程 %u", ++serial);
  claim.source = XS_SOURCE_BATCH;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 1, 6, year);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  if (status != XS_STATUS_SUBMITTED)
    g_assert_true (xs_claim_store_decide (db, claim.id, status, "理由", "审核员", &error));
  g_assert_no_error (error);
}

static void
qualify (XsDb   *db,
         gint64  trainee,
         int     year)
{
  add_hours (db, trainee, year, XS_CATEGORY_PUBLIC, TRUE, 300, XS_STATUS_APPROVED);
  add_hours (db, trainee, year, XS_CATEGORY_PROFESSIONAL, FALSE, 600, XS_STATUS_APPROVED);
}

/* Hospital (源汇区): 2 qualified, 1 missing evidence, 1 in progress.
 * School (临颍县): 1 qualified, 1 in progress; one more with no county. */
static XsDb *
make_base (void)
{
  XsDb *db = xs_test_open_db ();
  gint64 t;

  qualify (db, add_trainee (db, 1, "漯河市中心医院", "源汇区"), 2018);
  qualify (db, add_trainee (db, 2, "漯河市中心医院", "源汇区"), 2018);
  t = add_trainee (db, 3, "漯河市中心医院", "源汇区");
  add_hours (db, t, 2018, XS_CATEGORY_PROFESSIONAL, FALSE, 100, XS_STATUS_REJECTED);
  t = add_trainee (db, 4, "漯河市中心医院", "源汇区");
  qualify (db, t, 2019);   /* another year */
  add_hours (db, t, 2018, XS_CATEGORY_PUBLIC, TRUE, 300, XS_STATUS_SUBMITTED);
  qualify (db, add_trainee (db, 5, "临颍县第一高级中学", "临颍县"), 2018);
  add_trainee (db, 6, "临颍县第一高级中学", "临颍县");
  add_trainee (db, 7, "临颍县第一高级中学", NULL);
  return db;
}

static const XsStatsRow *
row_for (XsStats    *stats,
         const char *group)
{
  for (guint i = 0; i < xs_stats_get_n_rows (stats); i++)
    if (g_str_equal (xs_stats_get_row (stats, i)->group, group))
      return xs_stats_get_row (stats, i);
  g_assert_not_reached ();
}

static void
assert_counts (const XsStatsRow *row,
               guint             trainees,
               guint             qualified,
               guint             in_progress,
               guint             missing_evidence)
{
  g_assert_cmpuint (row->trainees, ==, trainees);
  g_assert_cmpuint (row->qualified, ==, qualified);
  g_assert_cmpuint (row->in_progress, ==, in_progress);
  g_assert_cmpuint (row->missing_evidence, ==, missing_evidence);
}

static void
test_stats_counts (void)
{
  g_autoptr(XsDb) db = make_base ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsStats) by_employer = NULL;
  g_autoptr(XsStats) by_county = NULL;
  g_autoptr(XsStats) other_year = NULL;

  by_employer = xs_stats_compute (db, 2018, XS_STATS_BY_EMPLOYER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_stats_get_year (by_employer), ==, 2018);
  g_assert_cmpuint (xs_stats_get_n_rows (by_employer), ==, 2);
  assert_counts (row_for (by_employer, "漯河市中心医院"), 4, 2, 1, 1);
  assert_counts (row_for (by_employer, "临颍县第一高级中学"), 3, 1, 2, 0);
  assert_counts (xs_stats_get_total (by_employer), 7, 3, 3, 1);

  by_county = xs_stats_compute (db, 2018, XS_STATS_BY_COUNTY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_stats_get_grouping (by_county), ==, XS_STATS_BY_COUNTY);
  g_assert_cmpuint (xs_stats_get_n_rows (by_county), ==, 3);
  assert_counts (row_for (by_county, "源汇区"), 4, 2, 1, 1);
  assert_counts (row_for (by_county, "临颍县"), 2, 1, 1, 0);
  /* no county recorded: a group of its own, last */
  g_assert_cmpstr (xs_stats_get_row (by_county, 2)->group, ==, "");
  assert_counts (xs_stats_get_row (by_county, 2), 1, 0, 1, 0);
  assert_counts (xs_stats_get_total (by_county), 7, 3, 3, 1);

  other_year = xs_stats_compute (db, 2019, XS_STATS_BY_EMPLOYER, &error);
  g_assert_no_error (error);
  assert_counts (xs_stats_get_total (other_year), 7, 1, 6, 0);
}

/* The text of one member of a ZIP archive. */
static char *
read_zip_member (const char *path,
                 const char *member)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  char *text = NULL;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      if (g_str_equal (archive_entry_pathname (entry), member))
        {
          GString *data = g_string_new (NULL);
          char buffer[8192];
          la_ssize_t n;

          while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
            g_string_append_len (data, buffer, n);
          text = g_string_free (data, FALSE);
          break;
        }
    }
  archive_read_free (archive);
  return text;
}

static void
test_stats_xlsx (void)
{
  g_autoptr(XsDb) db = make_base ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTableReader) reader = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "statistics-2018.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *sheet1 = NULL;
  g_autofree char *sheet2 = NULL;
  gsize length;
  guint rows = 0;

  g_assert_true (xs_stats_export_xlsx (db, 2018, path, &error));
  g_assert_no_error (error);

  /* a ZIP whose first sheet holds the Chinese headers, frozen */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  sheet1 = read_zip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (sheet1);
  g_assert_nonnull (strstr (sheet1, "工作单位"));
  g_assert_nonnull (strstr (sheet1, "学员人数"));
  g_assert_nonnull (strstr (sheet1, "state=\"frozen\""));
  sheet2 = read_zip_member (path, "xl/worksheets/sheet2.xml");
  g_assert_nonnull (sheet2);
  g_assert_nonnull (strstr (sheet2, "县（区）"));

  /* and our own reader reads it back: header, 2 employers, the total */
  reader = xs_table_reader_new_for_path (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, "XLSX");
  while (xs_table_reader_next (reader, &error))
    {
      if (rows == 0)
        {
          g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "工作单位");
          g_assert_cmpstr (xs_table_reader_get_field (reader, 1), ==, "学员人数");
          g_assert_cmpstr (xs_table_reader_get_field (reader, 4), ==, "缺少材料");
        }
      else if (rows == 3)
        {
          g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "合计");
          g_assert_cmpstr (xs_table_reader_get_field (reader, 1), ==, "7");
          g_assert_cmpstr (xs_table_reader_get_field (reader, 2), ==, "3");
        }
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 4);
}

static void
test_stats_xlsx_unwritable (void)
{
  g_autoptr(XsDb) db = make_base ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing", "statistics.xlsx", NULL);

  g_assert_false (xs_stats_export_xlsx (db, 2018, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/stats/counts", test_stats_counts);
  g_test_add_func ("/stats/xlsx", test_stats_xlsx);
  g_test_add_func ("/stats/xlsx-unwritable", test_stats_xlsx_unwritable);
  return g_test_run ();
}
