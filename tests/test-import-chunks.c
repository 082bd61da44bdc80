/* test-import-chunks.c: a large roster import commits in chunks
 *
 * A roster import of many rows runs in a thread on its own connection while
 * another connection (busy timeout 1 s, as another program would have)
 * writes between its chunks: every one of those writes completes without
 * SQLITE_BUSY. The import stays one action: undo takes back exactly its
 * rows, and refuses while a change another writer made in the window
 * depends on it. An import that fails half-way (rows refused) is taken
 * back whole, and an import that stopped (the incomplete mark left behind)
 * is taken back by the next open. An hours sheet commits in chunks the
 * same way. A writer that waits says so, and only then does the import
 * pause between two chunks.
 *
 * XUESHI_CHUNK_ROWS  roster rows (default 100000)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "xs-db-private.h"
#include "xs-hours-import.h"
#include "xs-import-log.h"
#include "xs-import-log-private.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"

static guint n_rows = 100000;

static char *
write_roster (guint first,
              guint n,
              guint bad_row)
{
  g_autoptr(GString) csv = g_string_sized_new ((gsize) n * 64);

  g_string_append (csv, "姓名,身份证号,工作单位\n");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = xs_test_id_number (first + i);

      if (i + 1 == bad_row)
        g_string_append_printf (csv, "学员%u,123,漯河市中心医院\n", first + i);
      else
        g_string_append_printf (csv, "学员%u,%s,漯河市中心医院\n", first + i, id);
    }
  return xs_test_write_file ("roster.csv", csv->str, csv->len);
}

static gint64
count (sqlite3    *handle,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A roster or hours import run in a thread of its own, while the test
 * writes from another connection. */
typedef struct
{
  char           *data_dir;
  char           *csv;
  gboolean        hours;
  XsImportReport *report;
  GError         *error;
  gint            done;
} ImportJob;

static gpointer
import_thread (gpointer data)
{
  ImportJob *job = data;
  g_autoptr(XsDb) db = xs_db_open (job->data_dir, &job->error);

  if (db != NULL && job->hours)
    job->report = xs_hours_import (db, job->csv, NULL, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL,
                                   &job->error);
  else if (db != NULL)
    job->report = xs_roster_import (db, job->csv, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL,
                                    &job->error);
  g_atomic_int_set (&job->done, 1);
  return NULL;
}

/* Waits for @job's thread, checks that its @n_added rows are in, in one
 * committed import, and returns the import's id. */
static gint64
finish_import_job (ImportJob *job,
                   GThread   *thread,
                   guint      n_added,
                   guint      n_writes,
                   guint      n_during)
{
  gint64 import_id;

  g_thread_join (thread);
  g_assert_no_error (job->error);
  g_assert_nonnull (job->report);
  g_assert_true (xs_import_report_get_committed (job->report));
  g_assert_cmpuint (xs_import_report_get_count (job->report, XS_ROW_ADDED), ==, n_added);
  g_test_message ("%u writes by another connection, %u of them between two chunks of the import",
                  n_writes, n_during);
  import_id = xs_import_report_get_import_id (job->report);
  g_object_unref (job->report);
  g_unlink (job->csv);
  g_free (job->csv);
  return import_id;
}

/* Another program's write: a class (nothing to do with the import) or,
 * with @trainee, a phone number of a trainee the import added. */
static int
other_write (sqlite3 *handle,
             guint    n,
             gboolean trainee,
             gboolean *during)
{
  g_autofree char *sql = NULL;
  int rc;

  rc = sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rc;
  *during = count (handle, "SELECT count(*) FROM import_batch WHERE incomplete = 1 "
                           "AND undone_at IS NULL") == 1;
  if (trainee)
    sql = g_strdup ("UPDATE trainee SET phone = '13900000000' "
                    "WHERE id = (SELECT max (id) FROM trainee WHERE import_id IS NOT NULL)");
  else
    sql = g_strdup_printf ("INSERT INTO training_class (code, name, year, category, hours, "
                           "start_date, end_date) VALUES ('C%u', '班%u', 2018, 'public', 60, "
                           "'2018-05-01', '2018-05-02')", n, n);
  rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      return rc;
    }
  return sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
}

/* Runs the import in a thread and writes from another connection while it
 * runs; returns the import's id. */
static gint64
import_while_writing (const char *data_dir,
                      gboolean    touch_trainee,
                      guint      *n_during)
{
  g_autoptr(XsDb) other = NULL;
  g_autoptr(GError) error = NULL;
  ImportJob job = { (char *) data_dir, NULL, FALSE, NULL, NULL, 0 };
  g_autoptr(GThread) thread = NULL;
  sqlite3 *handle = NULL;
  guint n_writes = 0;

  job.csv = write_roster (touch_trainee ? n_rows : 0, n_rows, 0);
  thread = g_thread_new ("import", import_thread, &job);

  /* Another program: a connection as xs_db_open() makes it, waiting 1 s
   * at most for the import. */
  other = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  _xs_db_set_busy_timeout (other, 1000);
  handle = _xs_db_get_handle (other);
  *n_during = 0;
  while (!g_atomic_int_get (&job.done))
    {
      gboolean during = FALSE;
      int rc = other_write (handle, (touch_trainee ? 100000 : 0) + n_writes, touch_trainee && *n_during == 0,
                            &during);

      if (rc != SQLITE_OK)
        g_error ("another writer failed during the import: %s (%d)", sqlite3_errmsg (handle), rc);
      n_writes++;
      if (during)
        (*n_during)++;
      g_usleep (20000);
    }
  return finish_import_job (&job, g_steal_pointer (&thread), n_rows, n_writes, *n_during);
}

static void
test_other_writer (void)
{
  g_autofree char *data_dir = xs_test_make_tmpdir ();
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  guint n_during;
  gint64 first, second;

  /* A base set up before, as the window would have it. */
  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  first = import_while_writing (data_dir, FALSE, &n_during);
  g_assert_cmpuint (n_during, >, 0);

  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (_xs_db_get_handle (db), "SELECT count(*) FROM trainee"), ==, n_rows);
  g_assert_cmpint (count (_xs_db_get_handle (db), "SELECT count(*) FROM import_batch WHERE incomplete = 1"),
                   ==, 0);
  g_assert_cmpint (count (_xs_db_get_handle (db), "SELECT count(*) FROM import_chunk"), >, 1);

  /* The classes written in the window stay; the import's rows go. */
  g_assert_true (xs_import_log_undo (db, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (_xs_db_get_handle (db), "SELECT count(*) FROM trainee"), ==, 0);
  g_assert_cmpint (count (_xs_db_get_handle (db), "SELECT count(*) FROM training_class"), >, 0);
  g_clear_object (&db);

  /* A trainee of the import changed by another writer between two chunks:
   * undo refuses, naming the change. */
  second = import_while_writing (data_dir, TRUE, &n_during);
  g_assert_cmpuint (n_during, >, 0);
  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (_xs_db_get_handle (db), "SELECT count(*) FROM trainee WHERE phone IS NOT NULL"),
                   ==, 1);
  g_assert_false (xs_import_log_undo (db, second, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "cannot be undone"));
  g_assert_cmpint (count (_xs_db_get_handle (db), "SELECT count(*) FROM trainee"), ==, n_rows);
}

/* Rows refused at the end of a large file: the chunks committed before are
 * taken back, and the base is as before. */
static void
test_refused_at_end (void)
{
  g_autofree char *data_dir = xs_test_make_tmpdir ();
  g_autofree char *csv = write_roster (0, n_rows, n_rows);
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;

  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  report = xs_roster_import (db, csv, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (xs_import_report_get_committed (report));
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 1);

  handle = _xs_db_get_handle (db);
  g_assert_cmpint (count (handle, "SELECT count(*) FROM trainee"), ==, 0);
  g_assert_cmpint (count (handle, "SELECT count(*) FROM import_batch "
                                  "WHERE incomplete = 1 AND undone_at IS NULL"), ==, 0);
  g_assert_cmpint (count (handle, "SELECT count(*) FROM audit WHERE entity = 'trainee'"), ==, 0);
  g_unlink (csv);
}

/* An import whose process stopped between two chunks: what it committed
 * is there, marked incomplete; the next open takes it back. (The kill
 * itself: test-crash.c.) */
static void
test_taken_back_on_open (void)
{
  g_autofree char *data_dir = xs_test_make_tmpdir ();
  g_autofree char *csv = write_roster (0, 100, 0);
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  XsImportRecord *record;
  sqlite3 *handle;

  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  report = xs_roster_import (db, csv, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (report));
  handle = _xs_db_get_handle (db);
  /* As a killed import leaves it: marked incomplete, its end not written. */
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE import_batch SET incomplete = 1, summary = NULL, "
                                         "audit_last = NULL", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Undo refuses it: it may still be running. */
  g_assert_false (xs_import_log_undo (db, xs_import_report_get_import_id (report), &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_clear_object (&db);

  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  handle = _xs_db_get_handle (db);
  g_assert_cmpint (count (handle, "SELECT count(*) FROM trainee"), ==, 0);
  records = xs_import_log_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_nonnull (record->undone_at);
  g_assert_nonnull (record->summary);
  g_assert_cmpstr (record->summary, !=, "");
  g_unlink (csv);
}

/* ---- hours sheets ------------------------------------------------------ */

#define HOURS_TRAINEES 500

static char *
write_hours (guint n,
             guint block)
{
  g_autoptr(GString) csv = g_string_sized_new ((gsize) n * 96);

  g_string_append (csv, "身份证号,姓名,年度,科目类别,必修,学时,项目名称,日期\n");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = xs_test_id_number (i % HOURS_TRAINEES);

      g_string_append_printf (csv, "%s,学员%u,2018,专业科目,,2,培训班%u-%u,2018-06-01\n",
                              id, i % HOURS_TRAINEES, block, i);
    }
  return xs_test_write_file ("hours.csv", csv->str, csv->len);
}

/* Another program's write while an hours sheet is imported: a claim of
 * its own or, with @change once the import's first chunk is in, a
 * decision on the last claim the import added (@changed). */
static int
other_claim_write (sqlite3  *handle,
                   guint     n,
                   gboolean  change,
                   gboolean *during,
                   gboolean *changed)
{
  g_autofree char *sql = NULL;
  int rc;

  rc = sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return rc;
  *during = count (handle, "SELECT count(*) FROM import_batch WHERE incomplete = 1 "
                           "AND undone_at IS NULL") == 1;
  *changed = change && *during;
  if (*changed)
    sql = g_strdup ("UPDATE claim SET status = 'approved', reviewer = '审核人' "
                    "WHERE id = (SELECT max (id) FROM claim WHERE source = 'batch')");
  else
    sql = g_strdup_printf ("INSERT INTO claim (trainee_id, year, category, kind, hours, title, date, "
                           "source) VALUES ((SELECT min (id) FROM trainee), 2018, 'professional', 1, "
                           "20, '另一个程序%u', '2018-07-01', 'individual')", n);
  rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_exec (handle, "ROLLBACK", NULL, NULL, NULL);
      return rc;
    }
  return sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL);
}

/* Imports an hours sheet of @n rows in a thread while another connection
 * writes; returns the import's id. */
static gint64
hours_while_writing (const char *data_dir,
                     guint       n,
                     guint       block,
                     gboolean    change,
                     guint      *n_during,
                     guint      *n_writes)
{
  g_autoptr(XsDb) other = NULL;
  g_autoptr(GError) error = NULL;
  ImportJob job = { (char *) data_dir, NULL, TRUE, NULL, NULL, 0 };
  g_autoptr(GThread) thread = NULL;
  sqlite3 *handle;

  job.csv = write_hours (n, block);
  thread = g_thread_new ("hours", import_thread, &job);
  other = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  _xs_db_set_busy_timeout (other, 1000);
  handle = _xs_db_get_handle (other);
  *n_during = *n_writes = 0;
  while (!g_atomic_int_get (&job.done))
    {
      gboolean during = FALSE, changed = FALSE;
      int rc = other_claim_write (handle, block * 100000 + *n_writes, change, &during, &changed);

      if (rc != SQLITE_OK)
        g_error ("another writer failed during the import: %s (%d)", sqlite3_errmsg (handle), rc);
      if (changed)
        {
          g_assert_cmpint (sqlite3_changes (handle), ==, 1);
          change = FALSE;
        }
      (*n_writes)++;
      if (during)
        (*n_during)++;
      g_usleep (20000);
    }
  return finish_import_job (&job, g_steal_pointer (&thread), n, *n_writes, *n_during);
}

/* An hours sheet commits in chunks as a roster does: another writer's
 * claims between two chunks are its own (undo leaves them), a change to
 * one of the import's claims between two chunks makes undo refuse. */
static void
test_hours_other_writer (void)
{
  g_autofree char *data_dir = xs_test_make_tmpdir ();
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) roster = g_string_new ("姓名,身份证号,工作单位\n");
  guint n = MAX (n_rows / 2, 1000);
  guint n_during, n_writes;
  gint64 first, second, before;
  sqlite3 *handle;

  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < HOURS_TRAINEES; i++)
    {
      g_autofree char *id = xs_test_id_number (i);

      g_string_append_printf (roster, "学员%u,%s,漯河市中心医院\n", i, id);
    }
  xs_test_import (db, roster->str, TRUE, NULL);
  g_clear_object (&db);

  first = hours_while_writing (data_dir, n, 1, FALSE, &n_during, &n_writes);
  g_assert_cmpuint (n_during, >, 0);

  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  handle = _xs_db_get_handle (db);
  g_assert_cmpint (count (handle, "SELECT count(*) FROM claim"), ==, (gint64) n + n_writes);
  g_assert_cmpint (count (handle, "SELECT count(*) FROM import_batch WHERE incomplete = 1"), ==, 0);
  {
    g_autofree char *chunks = g_strdup_printf ("SELECT count(*) FROM import_chunk WHERE import_id = %"
                                               G_GINT64_FORMAT " AND claim_first IS NOT NULL", first);

    g_assert_cmpint (count (handle, chunks), >, 1);
  }

  /* Undo takes back the sheet's claims, and only those. */
  g_assert_true (xs_import_log_undo (db, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (handle, "SELECT count(*) FROM claim"), ==, n_writes);
  g_assert_cmpint (count (handle, "SELECT count(*) FROM claim WHERE source = 'batch'"), ==, 0);
  before = count (handle, "SELECT count(*) FROM claim");
  g_clear_object (&db);

  /* One of its claims changed between two chunks: undo refuses. */
  second = hours_while_writing (data_dir, n, 2, TRUE, &n_during, &n_writes);
  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  handle = _xs_db_get_handle (db);
  g_assert_cmpint (count (handle, "SELECT count(*) FROM claim WHERE source = 'batch' "
                                  "AND status = 'approved'"), ==, 1);
  g_assert_false (xs_import_log_undo (db, second, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "cannot be undone"));
  g_assert_cmpint (count (handle, "SELECT count(*) FROM claim"), ==, before + n + n_writes - 1);
}

/* An import pauses between two chunks only when a writer waited during
 * the chunk: a connection that waits says so in the import's lock file,
 * and one that did not wait leaves it as it was. */
static void
test_waiting_noted (void)
{
  g_autofree char *data_dir = xs_test_make_tmpdir ();
  g_autoptr(XsDb) importer = NULL;
  g_autoptr(XsDb) other = NULL;
  g_autoptr(GError) error = NULL;
  gint64 since;
  int fd;

  importer = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  other = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  fd = _xs_import_log_lock (importer, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);

  /* No one waits: a write that finds the base free notes nothing. */
  since = g_get_monotonic_time ();
  g_assert_cmpint (sqlite3_exec (_xs_db_get_handle (other), "BEGIN IMMEDIATE; COMMIT", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_false (_xs_import_log_others_wait (fd, since));

  /* The import holds the write lock; the other connection waits (50 ms,
   * then gives up): the import sees that someone waited since @since, and
   * not since a later moment. */
  g_assert_true (xs_db_begin (importer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_xs_db_get_handle (importer),
                                 "INSERT INTO training_class (code, name, year, category, hours, "
                                 "start_date, end_date) VALUES ('W1', '班', 2018, 'public', 60, "
                                 "'2018-05-01', '2018-05-02')", NULL, NULL, NULL), ==, SQLITE_OK);
  _xs_db_set_busy_timeout (other, 50);
  since = g_get_monotonic_time ();
  g_assert_cmpint (sqlite3_exec (_xs_db_get_handle (other), "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   ==, SQLITE_BUSY);
  g_assert_true (_xs_import_log_others_wait (fd, since));
  g_assert_false (_xs_import_log_others_wait (fd, g_get_monotonic_time () + 1));
  g_assert_true (xs_db_commit (importer, &error));
  g_assert_no_error (error);
  _xs_import_log_unlock (fd);
}

int
main (int    argc,
      char **argv)
{
  const char *rows = g_getenv ("XUESHI_CHUNK_ROWS");

  xs_test_init (&argc, &argv);
  if (rows != NULL)
    n_rows = (guint) g_ascii_strtoull (rows, NULL, 10);

  g_test_add_func ("/import-chunks/other-writer", test_other_writer);
  g_test_add_func ("/import-chunks/refused-at-end", test_refused_at_end);
  g_test_add_func ("/import-chunks/taken-back-on-open", test_taken_back_on_open);
  g_test_add_func ("/import-chunks/hours-other-writer", test_hours_other_writer);
  g_test_add_func ("/import-chunks/waiting-noted", test_waiting_noted);
  return g_test_run ();
}
