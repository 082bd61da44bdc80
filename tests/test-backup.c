/* test-backup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>

#include "xs-backup.h"
#include "xs-db-backup.h"
#include "xs-data-dir.h"
#include "xs-db-private.h"
#include "xs-output.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

/* Adds trainees @first … @first + @n - 1 by a roster import. */
static void
add_trainees (XsDb  *db,
              guint  first,
              guint  n)
{
  g_autofree char *csv = xs_test_roster_csv (first, n, "学员", "漯河市中心医院");

  g_assert_cmpuint (xs_test_import (db, csv, TRUE, NULL), ==, n);
}

/* Every trainee row, as text. */
static char *
dump_trainees (XsDb *db)
{
  return xs_test_query_text (db, "SELECT group_concat (id || ':' || id_number || ':' || name, ';') "
                                 "FROM (SELECT * FROM trainee ORDER BY id)");
}

static char *
dump_dir (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (data_dir, &error);

  g_assert_no_error (error);
  return dump_trainees (db);
}

static guint
count_backups (const char *data_dir,
               const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = xs_backup_list (data_dir, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      XsBackup *backup = g_ptr_array_index (list, i);

      if (reason == NULL || g_strcmp0 (backup->reason, reason) == 0)
        n++;
    }
  return n;
}

/* Names in @dir other than the database and its folders: what a failed or
 * interrupted write would leave. */
static guint
count_strays (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (!g_str_equal (name, "xueshi.db") && !g_str_equal (name, "xueshi.db-wal")
        && !g_str_equal (name, "xueshi.db-shm") && !g_str_equal (name, "backups")
        && !g_str_equal (name, "evidence") && !g_str_equal (name, "signing-key")
        && !g_str_equal (name, "pdf-signing-key"))
      {
        g_test_message ("stray file %s", name);
        n++;
      }
  return n;
}

static void
set_pragma (const char *path,
            const char *sql)
{
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static int
read_user_version (const char *path)
{
  sqlite3 *handle;
  sqlite3_stmt *stmt;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return version;
}

static void
test_backup_round_trip (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) list = NULL;
  guint8 header[20];
  FILE *file;

  g_assert_no_error (error);
  add_trainees (db, 0, 25);
  before = dump_trainees (db);

  backup = xs_backup_create (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (backup, dir));
  g_assert_true (g_str_has_suffix (backup, ".db"));
  /* One self-contained file: rollback-journal mode, nothing beside it */
  file = g_fopen (backup, "rb");
  g_assert_nonnull (file);
  g_assert_cmpuint (fread (header, 1, sizeof header, file), ==, sizeof header);
  fclose (file);
  g_assert_cmpint (header[18], ==, 1);
  g_assert_cmpint (header[19], ==, 1);
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    g_autofree char *journal = g_strconcat (backup, "-journal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  }

  /* Changes after the backup: more rows, and some gone */
  add_trainees (db, 100, 10);
  g_assert_cmpint (sqlite3_exec (_xs_db_get_handle (db), "DELETE FROM trainee WHERE id % 3 = 0",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  changed = dump_trainees (db);
  g_assert_cmpstr (changed, !=, before);
  g_clear_object (&db);

  g_assert_true (xs_backup_restore (dir, backup, &error));
  g_assert_no_error (error);
  after = dump_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_strays (dir), ==, 0);

  /* The database as it was before the restore is kept, and restores too */
  list = xs_backup_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((XsBackup *) g_ptr_array_index (list, 0))->reason, ==, "before-restore");
  g_assert_null (((XsBackup *) g_ptr_array_index (list, 1))->reason);
  g_assert_cmpstr (((XsBackup *) g_ptr_array_index (list, 1))->path, ==, backup);
  g_assert_true (xs_backup_restore (dir, ((XsBackup *) g_ptr_array_index (list, 0))->path, &error));
  g_assert_no_error (error);
  g_free (after);
  after = dump_dir (dir);
  g_assert_cmpstr (after, ==, changed);
}

static void
test_backup_restore_into_empty_dir (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *empty = g_build_filename (xs_test_make_tmpdir (), "new", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (out_dir, "copy.db", NULL);
  g_autofree char *inside = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  add_trainees (db, 0, 5);
  before = dump_trainees (db);
  g_assert_true (xs_backup_write (db, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xs_test_file_mode (out), ==, 0600);

  /* --out onto the database itself, or anywhere in its folder, is refused */
  g_assert_false (xs_backup_write (db, xs_db_get_path (db), &error));
  g_assert_error (error, XS_OUTPUT_ERROR, XS_OUTPUT_ERROR_PROTECTED);
  g_clear_error (&error);
  g_assert_false (xs_backup_write (db, inside, &error));
  g_assert_error (error, XS_OUTPUT_ERROR, XS_OUTPUT_ERROR_PROTECTED);
  g_clear_error (&error);
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));

  g_assert_true (xs_backup_restore (empty, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xs_test_file_mode (empty), ==, 0700);
  after = dump_dir (empty);
  g_assert_cmpstr (after, ==, before);
  /* Nothing was there to keep */
  g_assert_cmpuint (count_backups (empty, NULL), ==, 0);
}

static void
expect_refusal (const char *dir,
                const char *path,
                int         code,
                const char *words,
                const char *expected_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  g_assert_false (xs_backup_restore (dir, path, &error));
  g_assert_error (error, XS_BACKUP_ERROR, code);
  g_test_message ("refused: %s", error->message);
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));

  /* Nothing changed, nothing left behind */
  rows = dump_dir (dir);
  g_assert_cmpstr (rows, ==, expected_rows);
  g_assert_cmpuint (count_strays (dir), ==, 0);
  g_assert_cmpuint (count_backups (dir, "before-restore"), ==, 0);
}

static void
test_backup_restore_refuses (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *files = xs_test_make_tmpdir ();
  g_autofree char *text = g_build_filename (files, "名单.csv", NULL);
  g_autofree char *other = g_build_filename (files, "other.db", NULL);
  g_autofree char *newer = g_build_filename (files, "newer.db", NULL);
  g_autofree char *damaged = g_build_filename (files, "damaged.db", NULL);
  g_autofree char *missing = g_build_filename (files, "missing.db", NULL);
  g_autofree char *rows = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  gsize length;

  g_assert_no_error (error);
  add_trainees (db, 0, 300);
  rows = dump_trainees (db);

  /* Copies of the real database, spoiled in different ways */
  g_assert_true (xs_backup_write (db, newer, &error));
  g_assert_true (xs_backup_write (db, damaged, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_true (g_file_set_contents (text, "姓名,身份证号\n张三,110105194912310021\n", -1, NULL));
  expect_refusal (dir, text, XS_BACKUP_ERROR_NOT_XUESHI, "is not a Xueshi database", rows);

  set_pragma (other, "PRAGMA application_id = 42; CREATE TABLE trainee (x); PRAGMA user_version = 1");
  expect_refusal (dir, other, XS_BACKUP_ERROR_NOT_XUESHI, "is not a Xueshi database", rows);

  set_pragma (newer, "PRAGMA user_version = 99");
  expect_refusal (dir, newer, XS_BACKUP_ERROR_TOO_NEW, "newer version of Xueshi", rows);

  /* Garbage over the middle of the file: the pages of the trainee table */
  g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16 * 4096);
  memset (contents + length / 2, 0x5a, 3 * 4096);
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  expect_refusal (dir, damaged, XS_BACKUP_ERROR_DAMAGED, "damaged", rows);

  expect_refusal (dir, missing, XS_BACKUP_ERROR_FAILED, NULL, rows);
}

static void
test_backup_restore_busy (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autoptr(XsDb) again = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  add_trainees (db, 0, 3);
  backup = xs_backup_create (db, NULL, &error);
  g_assert_no_error (error);
  add_trainees (db, 3, 3);
  rows = dump_trainees (db);

  /* Another connection has the database open */
  g_assert_false (xs_backup_restore (dir, backup, &error));
  g_assert_error (error, XS_BACKUP_ERROR, XS_BACKUP_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_cmpuint (count_strays (dir), ==, 0);

  /* and goes on working */
  add_trainees (db, 6, 1);
  g_clear_object (&db);
  again = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_trainee_store_count (again, NULL), ==, 7);
}

/* A copy of @source in @dir named as made at @time for @reason. */
static char *
fake_backup (const char *dir,
             const char *source,
             GDateTime  *time,
             const char *reason)
{
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strconcat ("xueshi-", stamp, reason ? "-" : "", reason ? reason : "", ".db", NULL);
  char *path = g_build_filename (dir, "backups", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static GDateTime *
days_ago (GDateTime *now,
          int        days,
          int        hour)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (now, -days);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, 0, 0);
}

static void
test_backup_retention (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GHashTable) month_kept = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) month_seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree char *first = NULL;
  g_autofree char *made = NULL;
  g_autofree char *ancient_restore = NULL;
  g_autofree char *ancient_migration = NULL;
  g_autofree char *ancient_daily = NULL;
  char *morning[400] = { NULL };
  char *evening[400] = { NULL };

  g_assert_no_error (error);
  /* Not at midnight: the days of the copies below are the days they say. */
  if (g_date_time_get_hour (now) == 23 && g_date_time_get_minute (now) >= 58)
    g_usleep (3 * G_USEC_PER_SEC * 60);
  first = xs_backup_create (db, "before-restore", &error);
  g_assert_no_error (error);

  /* Two copies a day for more than a year, none today */
  for (int day = 1; day < 400; day++)
    {
      g_autoptr(GDateTime) m = days_ago (now, day, 9);
      g_autoptr(GDateTime) e = days_ago (now, day, 15);

      morning[day] = fake_backup (dir, first, m, "daily");
      evening[day] = fake_backup (dir, first, e, NULL);
    }
  {
    g_autoptr(GDateTime) t1 = days_ago (now, 700, 10);
    g_autoptr(GDateTime) t2 = days_ago (now, 650, 10);
    g_autoptr(GDateTime) t3 = days_ago (now, 600, 10);

    ancient_restore = fake_backup (dir, first, t1, "before-restore");
    ancient_migration = fake_backup (dir, first, t2, "before-migration-v2");
    ancient_daily = fake_backup (dir, first, t3, "daily");
  }

  made = xs_backup_create (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (made, G_FILE_TEST_EXISTS));

  /* Copies made before a restore or a migration stay, however old */
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (ancient_restore, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (ancient_migration, G_FILE_TEST_EXISTS));
  /* Other copies older than a year go */
  g_assert_false (g_file_test (ancient_daily, G_FILE_TEST_EXISTS));

  for (int day = 1; day < 400; day++)
    {
      gboolean m = g_file_test (morning[day], G_FILE_TEST_EXISTS);
      gboolean e = g_file_test (evening[day], G_FILE_TEST_EXISTS);
      g_autoptr(GDateTime) t = days_ago (now, day, 12);
      gpointer month = GINT_TO_POINTER (g_date_time_get_year (t) * 12 + g_date_time_get_month (t));
      int months_back = (g_date_time_get_year (now) - g_date_time_get_year (t)) * 12
                        + g_date_time_get_month (now) - g_date_time_get_month (t);

      /* The newest copy of a day is the one kept for it */
      g_assert_false (m);
      if (day < XS_BACKUP_KEEP_DAYS)
        g_assert_true (e);
      if (months_back >= XS_BACKUP_KEEP_MONTHS)
        g_assert_false (e);
      /* Past the weeks: one copy a month, the newest */
      if (day > 7 * (XS_BACKUP_KEEP_WEEKS + 1) && months_back < XS_BACKUP_KEEP_MONTHS)
        {
          if (!g_hash_table_contains (month_seen, month))
            g_assert_true (e || g_hash_table_contains (month_kept, month));
          else
            g_assert_false (e);
        }
      g_hash_table_add (month_seen, month);
      if (e)
        g_hash_table_add (month_kept, month);
      g_free (morning[day]);
      g_free (evening[day]);
    }
  /* The weeks: every one of the last XS_BACKUP_KEEP_WEEKS keeps a copy */
  g_assert_cmpuint (count_backups (dir, NULL), >=, XS_BACKUP_KEEP_DAYS + XS_BACKUP_KEEP_WEEKS - 2);
  g_assert_cmpuint (count_backups (dir, NULL), <=, 1 + XS_BACKUP_KEEP_DAYS + XS_BACKUP_KEEP_WEEKS
                                                   + XS_BACKUP_KEEP_MONTHS);
  g_assert_cmpuint (count_backups (dir, "before-restore"), ==, 2);
}

/* Trying one backup after another loses none of them. */
static void
test_backup_restore_keeps_backups (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *files = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) monthly = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *seed = NULL;
  guint tries = 14;

  g_assert_no_error (error);
  seed = xs_backup_create (db, NULL, &error);
  g_assert_no_error (error);
  /* One copy a month for the last 11 months: all of them kept */
  for (int m = 1; m < XS_BACKUP_KEEP_MONTHS; m++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (now, -m);
      g_autoptr(GDateTime) t = days_ago (month, 0, 10);

      g_ptr_array_add (monthly, fake_backup (dir, seed, t, "daily"));
    }
  for (guint i = 0; i < tries; i++)
    {
      char *path = g_strdup_printf ("%s/try-%u.db", files, i);

      add_trainees (db, i, 1);
      g_assert_true (xs_backup_write (db, path, &error));
      g_assert_no_error (error);
      g_ptr_array_add (made, path);
    }
  g_clear_object (&db);

  for (guint i = 0; i < tries; i++)
    {
      g_assert_true (xs_backup_restore (dir, g_ptr_array_index (made, i), &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count_backups (dir, "before-restore"), ==, i + 1);
    }
  /* Every copy made before a restore is there, and every earlier one */
  g_assert_cmpuint (count_backups (dir, "before-restore"), ==, tries);
  for (guint i = 0; i < monthly->len; i++)
    g_assert_true (g_file_test (g_ptr_array_index (monthly, i), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (seed, G_FILE_TEST_EXISTS));

  /* A later backup by hand prunes by age: none of these goes */
  db = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_free (xs_backup_create (db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir, "before-restore"), ==, tries);
  for (guint i = 0; i < monthly->len; i++)
    g_assert_true (g_file_test (g_ptr_array_index (monthly, i), G_FILE_TEST_EXISTS));
}

/* A file with the right id and version but a schema of its own. */
static void
test_backup_restore_strict_schema (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *files = xs_test_make_tmpdir ();
  g_autofree char *trigger = g_build_filename (files, "trigger.db", NULL);
  g_autofree char *empty = g_build_filename (files, "empty.db", NULL);
  g_autofree char *zero = g_build_filename (files, "zero.db", NULL);
  g_autofree char *index = g_build_filename (files, "index.db", NULL);
  g_autofree char *rows = NULL;
  g_autofree char *pragmas = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);

  g_assert_no_error (error);
  add_trainees (db, 0, 3);
  rows = dump_trainees (db);
  g_assert_true (xs_backup_write (db, trigger, &error));
  g_assert_true (xs_backup_write (db, index, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  set_pragma (trigger, "CREATE TRIGGER wipe AFTER INSERT ON trainee BEGIN DELETE FROM claim; END");
  expect_refusal (dir, trigger, XS_BACKUP_ERROR_NOT_XUESHI, "trigger “wipe”", rows);

  set_pragma (index, "DROP INDEX audit_trainee");
  expect_refusal (dir, index, XS_BACKUP_ERROR_NOT_XUESHI, "audit_trainee", rows);

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                             XS_DB_APPLICATION_ID, xs_db_get_latest_version ());
  set_pragma (empty, pragmas);
  expect_refusal (dir, empty, XS_BACKUP_ERROR_NOT_XUESHI, "is missing", rows);

  g_assert_true (g_file_set_contents (zero, "", 0, NULL));
  expect_refusal (dir, zero, XS_BACKUP_ERROR_NOT_XUESHI, "is not a Xueshi database", rows);
}

static void
test_backup_daily (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GDateTime) yesterday = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *old_path = NULL;
  g_autofree char *evidence = g_build_filename (dir, "evidence", "ab", NULL);
  g_autofree char *stale = NULL;
  g_autofree char *stale_wal = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *stored = NULL;
  GDateTime *now;

  g_assert_no_error (error);
  g_assert_true (xs_backup_daily (db, &error));
  g_assert_true (xs_backup_daily (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir, "daily"), ==, 1);

  /* Pretend that one was made yesterday: today gets its own */
  list = xs_backup_list (dir, &error);
  g_assert_no_error (error);
  now = ((XsBackup *) g_ptr_array_index (list, 0))->time;
  yesterday = g_date_time_add_days (now, -1);
  old_name = g_date_time_format (yesterday, "xueshi-%Y%m%d-%H%M%S-daily.db");
  old_path = g_build_filename (backups, old_name, NULL);
  g_assert_cmpint (g_rename (((XsBackup *) g_ptr_array_index (list, 0))->path, old_path), ==, 0);
  g_assert_cmpuint (count_backups (dir, "daily"), ==, 1);

  /* What interrupted writes left: removed once old enough */
  g_assert_cmpint (g_mkdir_with_parents (evidence, 0700), ==, 0);
  stale = g_build_filename (evidence, "cdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789.Ab3xYz", NULL);
  fresh = g_build_filename (evidence, "cdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789.Qq9Rr8", NULL);
  stored = g_build_filename (evidence, "cdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", NULL);
  stale_wal = g_strconcat (stale, "-wal", NULL);
  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (stale_wal, "half", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "half", -1, NULL));
  g_assert_true (g_file_set_contents (stored, "whole", -1, NULL));
  {
    struct utimbuf times = { .actime = time (NULL) - 7200, .modtime = time (NULL) - 7200 };

    g_assert_cmpint (g_utime (stale, &times), ==, 0);
    g_assert_cmpint (g_utime (stale_wal, &times), ==, 0);
  }

  g_assert_true (xs_backup_daily (db, &error));
  g_assert_true (xs_backup_daily (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir, "daily"), ==, 2);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
}

static void
test_backup_private_files (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autofree char *path = NULL;
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  mode_t old = umask (022);

  g_assert_no_error (error);
  path = xs_backup_create (db, "before-restore", &error);
  umask (old);
  g_assert_no_error (error);
  g_assert_cmpint (xs_test_file_mode (backups), ==, 0700);
  g_assert_cmpint (xs_test_file_mode (path), ==, 0600);
  g_assert_true (g_str_has_suffix (path, "-before-restore.db"));
}

/* A database as version 1 of the schema left it. */
static void
make_version_1 (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "xueshi.db", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *handle;

  xs_db_get_latest_version ();   /* registers the resources */
  bytes = g_resources_lookup_data ("/io/github/xueshi/Xueshi/sql/001-initial.sql", 0, NULL);
  g_assert_nonnull (bytes);
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO trainee (id_number, name, sex, birth_date, employer) "
                                 "VALUES ('411102198001010011', '学员', 'male', '1980-01-01', '医院')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static void
test_backup_before_migration (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *fresh = xs_test_make_tmpdir ();
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsDb) again = NULL;
  g_autoptr(XsDb) other = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int latest = xs_db_get_latest_version ();
  XsBackup *backup;

  g_assert_cmpint (latest, >=, 2);
  make_version_1 (dir);

  db = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_db_get_schema_version (db), ==, latest);

  list = xs_backup_list (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  backup = g_ptr_array_index (list, 0);
  reason = g_strdup_printf ("before-migration-v%d", latest);
  g_assert_cmpstr (backup->reason, ==, reason);
  /* It holds the old schema and its rows */
  g_assert_cmpint (read_user_version (backup->path), ==, 1);
  g_assert_cmpint (xs_test_file_mode (backup->path), ==, 0600);

  /* Opening an up-to-date database, or creating one, makes none */
  g_clear_object (&db);
  again = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (dir, NULL), ==, 1);
  other = xs_db_open (fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_backups (fresh, NULL), ==, 0);

  /* The old backup can be restored: the next open updates it again */
  g_clear_object (&again);
  g_assert_true (xs_backup_restore (dir, backup->path, &error));
  g_assert_no_error (error);
  again = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_db_get_schema_version (again), ==, latest);
  g_assert_cmpint (xs_trainee_store_count (again, NULL), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/backup/round-trip", test_backup_round_trip);
  g_test_add_func ("/backup/restore-into-empty-dir", test_backup_restore_into_empty_dir);
  g_test_add_func ("/backup/restore-refuses", test_backup_restore_refuses);
  g_test_add_func ("/backup/restore-busy", test_backup_restore_busy);
  g_test_add_func ("/backup/retention", test_backup_retention);
  g_test_add_func ("/backup/restore-keeps-backups", test_backup_restore_keeps_backups);
  g_test_add_func ("/backup/restore-strict-schema", test_backup_restore_strict_schema);
  g_test_add_func ("/backup/daily", test_backup_daily);
  g_test_add_func ("/backup/private-files", test_backup_private_files);
  g_test_add_func ("/backup/before-migration", test_backup_before_migration);

  return g_test_run ();
}
