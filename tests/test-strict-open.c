/* test-strict-open.c: what a base refuses to open, and the signing key
 *
 * An empty xueshi.db, another program's database, one with no tables or
 * with a trigger of its own are refused in words, untouched, with no
 * backup made of them; a read-only folder is named as such. The signing
 * key is made when the base is set up and never again: a lost key is an
 * error, and verify writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xs-data-dir.h"
#include "xs-db-private.h"
#include "xs-signing-key.h"
#include "xs-test-util.h"

/* Keys ---------------------------------------------------------------- */

static int
run_cli (const char  *data_dir,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  va_list ap;

  g_strv_builder_add_many (builder, g_getenv ("XUESHI_CLI"), "--data-dir", data_dir, NULL);
  va_start (ap, err);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_strv_builder_add (builder, arg);
  va_end (ap);
  argv = g_strv_builder_end (builder);
  process = g_subprocess_newv ((const char * const *) argv,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE
                               | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_signaled (process));
  return g_subprocess_get_exit_status (process);
}

static void
test_keys_never_made (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *key = g_build_filename (dir, "signing-key", NULL);
  g_autofree char *noted = xs_test_write_file ("notes", "", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autoptr(XsSigningKey) opened = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* Made when the base is set up */
  g_assert_no_error (error);
  g_assert_true (g_file_test (key, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (xs_test_file_mode (key), ==, 0600);
  opened = xs_signing_key_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&opened);
  g_clear_object (&db);

  /* Lost afterwards: an error naming the archive, and no new key */
  g_assert_cmpint (g_unlink (key), ==, 0);
  xs_data_dir_note_archive (dir, "/media/优盘/基地.xsa");
  g_assert_null (xs_signing_key_open (dir, &error));
  g_assert_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "/media/优盘/基地.xsa"));
  g_assert_nonnull (strstr (error->message, "restore-archive"));
  g_clear_error (&error);
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));

  /* Opening the base does not make one either */
  db = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));

  /* verify writes nothing at all; the commands that sign refuse */
  before = xs_test_tree_of (dir);
  g_assert_cmpint (run_cli (dir, &out, &err, "verify", "XS1.bogus", NULL), ==, 1);
  g_test_message ("verify: %s", err);
  g_assert_nonnull (strstr (err, "missing"));
  after = xs_test_tree_of (dir);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (dir, &out, &err, "export-public-key", NULL), ==, 1);
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (dir, &out, &err, "certificates", "--year", "2026", "--base-name", "基地",
                            "--out", noted, NULL), ==, 1);
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));

  /* A damaged key is an error too, and stays as it is */
  g_assert_true (g_file_set_contents (key, "short", -1, NULL));
  g_assert_null (xs_signing_key_open (dir, &error));
  g_assert_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_DAMAGED);
  g_clear_error (&error);
  g_free (after);
  after = xs_test_read_file (key, NULL);
  g_assert_cmpstr (after, ==, "short");
}

/* Strict opening ------------------------------------------------------ */

static void
expect_open_refused (const char *dir,
                     int         code,
                     const char *words)
{
  g_autofree char *db_path = g_build_filename (dir, "xueshi.db", NULL);
  g_autofree char *before = xs_test_tree_of (dir);
  g_autofree char *bytes_before = NULL;
  g_autofree char *bytes_after = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = NULL;
  gsize lb, la;

  bytes_before = xs_test_read_file (db_path, &lb);
  db = xs_db_open (dir, &error);
  g_assert_null (db);
  g_assert_error (error, XS_DB_ERROR, code);
  g_test_message ("refused: %s", error->message);
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));

  /* The CLI says so in words, makes no backup of it and prints no
   * CRITICAL */
  g_assert_cmpint (run_cli (dir, &out, &err, "check", NULL), ==, 1);
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_nonnull (strstr (err, "xueshi.db"));

  after = xs_test_tree_of (dir);
  g_assert_cmpstr (after, ==, before);
  bytes_after = xs_test_read_file (db_path, &la);
  g_assert_cmpmem (bytes_before, lb, bytes_after, la);
}

static char *
make_file_base (const char *sql)
{
  char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "xueshi.db", NULL);
  sqlite3 *handle;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  return dir;
}

static void
test_db_strict_open (void)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                              XS_DB_APPLICATION_ID, xs_db_get_latest_version ());
  g_autofree char *empty_dir = xs_test_make_tmpdir ();
  g_autofree char *empty = g_build_filename (empty_dir, "xueshi.db", NULL);
  g_autofree char *foreign = make_file_base ("CREATE TABLE notes (x); INSERT INTO notes VALUES ('mine')");
  g_autofree char *other_id = make_file_base ("PRAGMA application_id = 1234; CREATE TABLE t (x)");
  g_autofree char *no_tables = make_file_base (pragmas);
  g_autofree char *triggered = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;

  /* A zero-length database is no new base */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  expect_open_refused (empty_dir, XS_DB_ERROR_NOT_XUESHI, "empty");
  expect_open_refused (foreign, XS_DB_ERROR_NOT_XUESHI, "another program");
  expect_open_refused (other_id, XS_DB_ERROR_NOT_XUESHI, "another program");
  expect_open_refused (no_tables, XS_DB_ERROR_NOT_XUESHI, "missing");

  /* The right id and version, and a trigger of its own */
  {
    g_autoptr(XsDb) db = xs_db_open (triggered, &error);
    g_autofree char *path = g_build_filename (triggered, "xueshi.db", NULL);
    sqlite3 *handle;

    g_assert_no_error (error);
    g_clear_object (&db);
    g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "CREATE TRIGGER wipe AFTER INSERT ON trainee BEGIN DELETE FROM claim; END",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (handle);
    expect_open_refused (triggered, XS_DB_ERROR_NOT_XUESHI, "trigger “wipe”");
  }
}

/* A folder this process cannot write to, as an ordinary user. */
static void
read_only_case (void)
{
  g_autofree char *dir = g_dir_make_tmp ("xueshi-ro-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = NULL;

  g_assert_nonnull (dir);
  db = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  db = xs_db_open (dir, &error);
  g_chmod (dir, 0700);
  g_assert_null (db);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_assert_null (strstr (error->message, "not a Xueshi database"));

  {
    static const char * const names[] = { "xueshi.db", "xueshi.db-wal", "xueshi.db-shm", "signing-key",
                                          "pdf-signing-key" };

    for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

static void
test_db_read_only_folder (void)
{
  if (g_test_subprocess ())
    {
      /* root writes anywhere: as root, the case runs as nobody, in a
       * process of its own */
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        g_error ("Could not become nobody: %s", g_strerror (errno));
      g_setenv ("TMPDIR", "/tmp", TRUE);
      read_only_case ();
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* The open compares a database of the latest version with the schema
 * written at build time: it must be the one the migrations make, for the
 * latest version (a migration added to the resources but not to the build's
 * list would be caught here). */
static void
test_db_dumped_schema (void)
{
  g_auto(GStrv) names = _xs_db_list_migrations ();
  int latest = (int) g_strv_length (names);
  g_autoptr(GPtrArray) migrated = _xs_db_schema_from_migrations (latest);
  g_autoptr(GPtrArray) dumped = NULL;
  int version = 0;

  dumped = _xs_db_schema_from_dump (&version);
  g_assert_nonnull (dumped);
  g_assert_cmpint (version, ==, latest);
  g_assert_cmpuint (dumped->len, >, 20);
  g_assert_cmpuint (dumped->len, ==, migrated->len);
  for (guint i = 0; i < migrated->len; i++)
    g_assert_cmpstr (g_ptr_array_index (dumped, i), ==, g_ptr_array_index (migrated, i));
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/keys/never-made", test_keys_never_made);
  g_test_add_func ("/db/strict-open", test_db_strict_open);
  g_test_add_func ("/db/read-only-folder", test_db_read_only_folder);
  g_test_add_func ("/db/dumped-schema", test_db_dumped_schema);

  return g_test_run ();
}
