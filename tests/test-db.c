/* test-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "xs-db-private.h"
#include "xs-test-util.h"

static void
test_db_creates_private_files (void)
{
  g_autofree char *top = xs_test_make_tmpdir ();
  g_autofree char *dir = g_build_filename (top, "nested", "data", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autofree char *wal = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpstr (xs_db_get_data_dir (db), ==, dir);
  g_assert_cmpint (xs_test_file_mode (dir), ==, 0700);
  g_assert_cmpint (xs_test_file_mode (xs_db_get_path (db)), ==, 0600);
  g_assert_cmpint (xs_db_get_schema_version (db), ==, xs_db_get_latest_version ());
  g_assert_cmpint (xs_db_get_latest_version (), >=, 1);

  wal = g_strconcat (xs_db_get_path (db), "-wal", NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (xs_test_file_mode (wal), ==, 0600);
}

static void
test_db_reopen (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) first = xs_db_open (dir, &error);
  g_autoptr(XsDb) second = NULL;

  g_assert_no_error (error);
  g_clear_object (&first);
  second = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_db_get_schema_version (second), ==, xs_db_get_latest_version ());
}

static void
test_db_environment (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = NULL;

  g_setenv ("XUESHI_DATA_DIR", dir, TRUE);
  db = xs_db_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xs_db_get_data_dir (db), ==, dir);
}

static void
expect_open_error (const char *contents,
                   gssize      length,
                   int         code)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "xueshi.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  db = xs_db_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, XS_DB_ERROR, code);
}

static void
test_db_refuses_other_files (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *other;

  /* A text file */
  expect_open_error ("姓名,身份证号\n", -1, XS_DB_ERROR_NOT_XUESHI);

  /* Somebody else's SQLite database */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  expect_open_error (contents, length, XS_DB_ERROR_NOT_XUESHI);
}

static void
test_db_refuses_newer (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autoptr(XsDb) again = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (_xs_db_get_handle (db), "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&db);

  again = xs_db_open (dir, &error);
  g_assert_null (again);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_TOO_NEW);
}

static gint64
count_audit (XsDb *db)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, "SELECT count(*) FROM audit", NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_db_transactions (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count_audit (db), ==, 0);

  /* Committed */
  g_assert_true (xs_db_begin (db, &error));
  g_assert_true (_xs_db_audit (db, "test", 1, "one", NULL, &error));
  g_assert_true (xs_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (db), ==, 1);

  /* An inner rollback undoes the whole action. */
  g_assert_true (xs_db_begin (db, &error));
  g_assert_true (_xs_db_audit (db, "test", 2, "two", NULL, &error));
  g_assert_true (xs_db_begin (db, &error));
  xs_db_rollback (db);
  g_assert_false (xs_db_commit (db, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count_audit (db), ==, 1);
}

/* A transaction's body: audits entity @data, then fails when it is odd. */
static gboolean
audit_then_maybe_fail (XsDb      *db,
                       gpointer   data,
                       GError   **error)
{
  gint64 entity = GPOINTER_TO_INT (data);

  if (!_xs_db_audit (db, "test", entity, "run", NULL, error))
    return FALSE;
  if (entity % 2 == 1)
    {
      g_set_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED, "odd");
      return FALSE;
    }
  return TRUE;
}

static void
test_db_run_in_transaction (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);

  g_assert_no_error (error);
  g_assert_true (xs_db_run_in_transaction (db, audit_then_maybe_fail, GINT_TO_POINTER (2), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (db), ==, 1);

  /* what a failing body wrote is rolled back, and its error passed on */
  g_assert_false (xs_db_run_in_transaction (db, audit_then_maybe_fail, GINT_TO_POINTER (3), &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (count_audit (db), ==, 1);

  /* inside another transaction, a failing body undoes the whole action */
  g_assert_true (xs_db_begin (db, &error));
  g_assert_true (xs_db_run_in_transaction (db, audit_then_maybe_fail, GINT_TO_POINTER (4), &error));
  g_assert_false (xs_db_run_in_transaction (db, audit_then_maybe_fail, GINT_TO_POINTER (5), &error));
  g_clear_error (&error);
  g_assert_false (xs_db_commit (db, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (count_audit (db), ==, 1);
}

static void
test_db_audit_append_only (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  sqlite3 *handle;

  g_assert_no_error (error);
  g_assert_true (_xs_db_audit (db, "test", 1, "one", "detail", &error));
  handle = _xs_db_get_handle (db);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE audit SET detail = 'x'", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM audit", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (count_audit (db), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/db/private-files", test_db_creates_private_files);
  g_test_add_func ("/db/reopen", test_db_reopen);
  g_test_add_func ("/db/environment", test_db_environment);
  g_test_add_func ("/db/refuses-other-files", test_db_refuses_other_files);
  g_test_add_func ("/db/refuses-newer", test_db_refuses_newer);
  g_test_add_func ("/db/transactions", test_db_transactions);
  g_test_add_func ("/db/run-in-transaction", test_db_run_in_transaction);
  g_test_add_func ("/db/audit-append-only", test_db_audit_append_only);

  return g_test_run ();
}
