/* test-archive.c: whole-base archives
 *
 * The archive tests write a base with trainees, evidence, a signing key and
 * settings, and give it back in an empty folder; then they try what a
 * careless or hostile user would: a wrong passphrase, a truncated or
 * altered archive, a folder that already holds a base, and SIGKILL during
 * `archive`, `restore-archive` and `restore`. (Strict opening and the
 * signing key: test-strict-open.c.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xs-archive.h"
#include "xs-backup.h"
#include "xs-db-backup.h"
#include "xs-certificate-sign.h"
#include "xs-check.h"
#include "xs-data-dir.h"
#include "xs-db-private.h"
#include "xs-evidence.h"
#include "xs-roster-import.h"
#include "xs-signing-key.h"
#include "xs-test-util.h"

#define SCHEMA_ID "io.github.xueshi.Xueshi"
#define PASSPHRASE "学时 archive pass 𠮷"

static void
add_trainees (XsDb  *db,
              guint  first,
              guint  n)
{
  g_autofree char *csv = xs_test_roster_csv (first, n, "䶮学员", "漯河市中心医院继续教育基地");

  xs_test_import (db, csv, TRUE, NULL);
}

static char *
dump (XsDb *db)
{
  return xs_test_query_text (db, "SELECT group_concat (id || ':' || id_number || ':' || name, ';') "
                                 "|| '|' || (SELECT group_concat (sha256, ';') FROM (SELECT sha256 FROM evidence ORDER BY sha256)) "
                                 "FROM (SELECT * FROM trainee ORDER BY id)");
}

static char *
dump_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);

  g_assert_no_error (error);
  return dump (db);
}

/* A base with trainees, a stored scan, settings and a seal. */
static char *
make_base (GSettings *settings)
{
  char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autofree char *scan = xs_test_fixture_path ("scan.jpg");
  g_autoptr(XsEvidence) evidence = NULL;
  g_autofree char *seal = g_build_filename (xs_test_make_tmpdir (), "印章.png", NULL);

  g_assert_no_error (error);
  add_trainees (db, 0, 40);
  g_assert_true (xs_db_begin (db, &error));
  evidence = xs_evidence_store_file (db, scan, 0, &error);
  g_assert_no_error (error);
  g_assert_true (xs_db_commit (db, &error));

  g_assert_true (g_file_set_contents (seal, "\x89PNG seal bytes", -1, NULL));
  g_settings_set_string (settings, "base-name", "漯河市䶮𠮷继续教育基地");
  g_settings_set_string (settings, "certificate-issuer", "漯河市人力资源和社会保障局");
  g_settings_set_enum (settings, "certificate-orientation", 1);
  g_settings_set_boolean (settings, "print-full-id-number", TRUE);
  g_settings_set_string (settings, "seal-image", seal);
  return dir;
}

static char *
write_archive (const char *dir,
               GSettings  *settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  char *out = g_build_filename (xs_test_make_tmpdir (), "基地 archive.xsa", NULL);

  g_assert_no_error (error);
  g_assert_true (xs_archive_write (db, settings, out, PASSPHRASE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_archive_round_trip (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *dir = make_base (settings);
  g_autofree char *archive = write_archive (dir, settings);
  g_autofree char *target = g_build_filename (xs_test_make_tmpdir (), "新电脑", "xueshi", NULL);
  g_autofree char *before = dump_dir (dir);
  g_autofree char *after = NULL;
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  g_autofree char *key_path_a = g_build_filename (dir, "signing-key", NULL);
  g_autofree char *key_path_b = g_build_filename (target, "signing-key", NULL);
  g_autofree char *seal = NULL;
  g_autofree char *seal_contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gsize la, lb;

  g_assert_cmpint (xs_test_file_mode (archive), ==, 0600);
  /* The archive names nothing in clear */
  {
    gsize length;
    g_autofree char *bytes = xs_test_read_file (archive, &length);

    g_assert_null (g_strstr_len (bytes, length, "SQLite format"));
    g_assert_null (g_strstr_len (bytes, length, "漯河"));
  }

  /* A new computer: nothing but default settings */
  g_settings_reset (settings, "base-name");
  g_settings_reset (settings, "certificate-issuer");
  g_settings_reset (settings, "certificate-orientation");
  g_settings_reset (settings, "print-full-id-number");
  g_settings_reset (settings, "seal-image");

  g_assert_true (xs_archive_restore (target, settings, archive, PASSPHRASE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  after = dump_dir (target);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strchr (after, '|'));
  key_a = xs_test_read_file (key_path_a, &la);
  key_b = xs_test_read_file (key_path_b, &lb);
  g_assert_cmpmem (key_a, la, key_b, lb);
  g_assert_cmpint (xs_test_file_mode (key_path_b), ==, 0600);
  /* and the key its PDFs are signed with */
  {
    g_autofree char *pdf_path_a = g_build_filename (dir, "pdf-signing-key", NULL);
    g_autofree char *pdf_path_b = g_build_filename (target, "pdf-signing-key", NULL);
    g_autofree char *pdf_a = xs_test_read_file (pdf_path_a, &la);
    g_autofree char *pdf_b = xs_test_read_file (pdf_path_b, &lb);

    g_assert_cmpmem (pdf_a, la, pdf_b, lb);
    g_assert_cmpint (xs_test_file_mode (pdf_path_b), ==, 0600);
  }
  name = g_settings_get_string (settings, "base-name");
  g_assert_cmpstr (name, ==, "漯河市䶮𠮷继续教育基地");
  g_assert_cmpint (g_settings_get_enum (settings, "certificate-orientation"), ==, 1);
  g_assert_true (g_settings_get_boolean (settings, "print-full-id-number"));
  seal = g_settings_get_string (settings, "seal-image");
  g_assert_true (g_str_has_prefix (seal, target));
  seal_contents = xs_test_read_file (seal, &la);
  g_assert_cmpstr (seal_contents, ==, "\x89PNG seal bytes");

  /* Every evidence file is there and whole; no staging left */
  db = xs_db_open (target, &error);
  g_assert_no_error (error);
  problems = xs_check_run (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  {
    g_autofree char *tree = xs_test_tree_of (target);

    g_test_message ("restored:\n%s", tree);
    g_assert_null (strstr (tree, "restoring."));
  }
}

static void
expect_refused (const char *target,
                GSettings  *settings,
                const char *archive,
                const char *passphrase,
                int         code,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = xs_test_tree_of (target);
  g_autofree char *after = NULL;
  g_autofree char *name_before = g_settings_get_string (settings, "base-name");
  g_autofree char *name_after = NULL;

  g_assert_false (xs_archive_restore (target, settings, archive, passphrase, NULL, NULL, NULL, &error));
  g_assert_error (error, XS_ARCHIVE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
  after = xs_test_tree_of (target);
  g_assert_cmpstr (after, ==, before);
  name_after = g_settings_get_string (settings, "base-name");
  g_assert_cmpstr (name_after, ==, name_before);
}

static char *
spoiled (const char *archive,
         const char *name,
         gsize       keep,
         gssize      flip,
         gboolean    append)
{
  gsize length;
  g_autofree char *bytes = xs_test_read_file (archive, &length);
  char *path = g_build_filename (xs_test_make_tmpdir (), name, NULL);
  g_autoptr(GByteArray) out = g_byte_array_new ();

  g_byte_array_append (out, (guint8 *) bytes, MIN (keep, length));
  if (flip >= 0)
    out->data[flip] ^= 0x20;
  if (append)
    g_byte_array_append (out, (const guint8 *) "x", 1);
  g_assert_true (g_file_set_contents (path, (char *) out->data, out->len, NULL));
  return path;
}

/* An archive of a base that had no PDF signing key yet (written by an
 * earlier version) gives the base back without one; it gets its first key
 * when it signs a PDF. */
static void
test_archive_without_pdf_key (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *dir = make_base (settings);
  g_autofree char *pdf_key = g_build_filename (dir, "pdf-signing-key", NULL);
  g_autofree char *archive = NULL;
  g_autofree char *target = g_build_filename (xs_test_make_tmpdir (), "xueshi", NULL);
  g_autofree char *target_key = g_build_filename (target, "pdf-signing-key", NULL);
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsPdfKey) key = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (pdf_key), ==, 0);
  archive = write_archive (dir, settings);
  g_assert_true (xs_archive_restore (target, settings, archive, PASSPHRASE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (target_key, G_FILE_TEST_EXISTS));

  db = xs_db_open (target, &error);
  g_assert_no_error (error);
  key = xs_certificate_open_pdf_key (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (key);
  g_assert_cmpint (xs_test_file_mode (target_key), ==, 0600);
}

static void
test_archive_refusals (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *dir = make_base (settings);
  g_autofree char *archive = write_archive (dir, settings);
  g_autofree char *target = xs_test_make_tmpdir ();
  g_autofree char *text = xs_test_write_file ("名单.csv", "姓名,身份证号\n", -1);
  g_autoptr(GError) error = NULL;
  gsize length;
  g_autofree char *bytes = xs_test_read_file (archive, &length);

  g_settings_set_string (settings, "base-name", "this desk");

  expect_refused (target, settings, archive, "wrong passphrase", XS_ARCHIVE_ERROR_PASSPHRASE, "passphrase");
  expect_refused (target, settings, text, PASSPHRASE, XS_ARCHIVE_ERROR_NOT_ARCHIVE, "not a Xueshi archive");
  {
    g_autofree char *empty = xs_test_write_file ("empty.xsa", "", 0);

    expect_refused (target, settings, empty, PASSPHRASE, XS_ARCHIVE_ERROR_NOT_ARCHIVE, NULL);
  }
  /* Cut anywhere: in the header, in the first chunk, in the middle, one
   * byte short of the end */
  {
    gsize cuts[] = { 20, 70, 200, length / 2, length - 1 };

    for (gsize i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_autofree char *cut = spoiled (archive, "cut.xsa", cuts[i], -1, FALSE);

        expect_refused (target, settings, cut, PASSPHRASE, XS_ARCHIVE_ERROR_DAMAGED, NULL);
      }
  }
  /* One byte changed: in the middle, in the last chunk, in the salt (the
   * key is then another: a wrong passphrase as far as anyone can tell) */
  {
    g_autofree char *middle = spoiled (archive, "middle.xsa", length, length / 2, FALSE);
    g_autofree char *last = spoiled (archive, "last.xsa", length, length - 3, FALSE);
    g_autofree char *salt = spoiled (archive, "salt.xsa", length, 10, FALSE);
    g_autofree char *appended = spoiled (archive, "appended.xsa", length, -1, TRUE);
    g_autofree char *limits = spoiled (archive, "limits.xsa", length, 8 + 16 + 7, FALSE);

    expect_refused (target, settings, middle, PASSPHRASE, XS_ARCHIVE_ERROR_DAMAGED, "altered");
    expect_refused (target, settings, last, PASSPHRASE, XS_ARCHIVE_ERROR_DAMAGED, "altered");
    expect_refused (target, settings, salt, PASSPHRASE, XS_ARCHIVE_ERROR_PASSPHRASE, NULL);
    expect_refused (target, settings, appended, PASSPHRASE, XS_ARCHIVE_ERROR_DAMAGED, NULL);
    expect_refused (target, settings, limits, PASSPHRASE, XS_ARCHIVE_ERROR_DAMAGED, NULL);
  }
  g_assert_cmpuint (strlen (xs_test_tree_of (target)), ==, 0);

  /* A folder that holds a base: refused, whatever the archive */
  expect_refused (dir, settings, archive, PASSPHRASE, XS_ARCHIVE_ERROR_NOT_EMPTY, "empty data folder");

  /* Too short a passphrase; an archive inside the data folder */
  {
    g_autoptr(XsDb) db = xs_db_open (dir, &error);
    g_autofree char *out = g_build_filename (xs_test_make_tmpdir (), "short.xsa", NULL);
    g_autofree char *inside = g_build_filename (dir, "evidence", "a.xsa", NULL);

    g_assert_no_error (error);
    g_assert_false (xs_archive_write (db, NULL, out, "1234567", NULL, NULL, NULL, &error));
    g_assert_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_WEAK_PASSPHRASE);
    g_clear_error (&error);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    g_assert_false (xs_archive_write (db, NULL, inside, PASSPHRASE, NULL, NULL, NULL, &error));
    g_assert_error (error, XS_ARCHIVE_ERROR, XS_ARCHIVE_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
  }
}

/* The folder of a first start (an empty base set up) takes the archive, and
 * its own new key gives way to the archived one. */
static void
test_archive_into_blank_base (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *dir = make_base (settings);
  g_autofree char *archive = write_archive (dir, settings);
  g_autofree char *target = xs_test_make_tmpdir ();
  g_autofree char *key_a = g_build_filename (dir, "signing-key", NULL);
  g_autofree char *key_b = g_build_filename (target, "signing-key", NULL);
  g_autofree char *before = dump_dir (dir);
  g_autofree char *after = NULL;
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(GError) error = NULL;
  gsize la, lb;

  g_clear_pointer (&after, g_free);
  after = dump_dir (target);   /* sets the base up */
  g_assert_true (g_file_test (key_b, G_FILE_TEST_EXISTS));
  g_assert_true (xs_archive_restore (target, settings, archive, PASSPHRASE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_free (after);
  after = dump_dir (target);
  g_assert_cmpstr (after, ==, before);
  a = xs_test_read_file (key_a, &la);
  b = xs_test_read_file (key_b, &lb);
  g_assert_cmpmem (a, la, b, lb);
}

static void
cancel_at_half (double   fraction,
                gpointer user_data)
{
  if (fraction > 0.3)
    g_cancellable_cancel (user_data);
}

static void
test_archive_cancel (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *dir = make_base (settings);
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (out_dir, "cancelled.xsa", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autofree char *before = xs_test_tree_of (dir);
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  /* Enough data for more than one chunk */
  add_trainees (db, 100, 2000);
  g_free (before);
  before = xs_test_tree_of (dir);
  g_assert_false (xs_archive_write (db, settings, out, PASSPHRASE, cancel_at_half, cancellable,
                                    cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = xs_test_tree_of (out_dir);
  g_assert_cmpstr (after, ==, "");
  g_free (after);
  after = xs_test_tree_of (dir);
  g_assert_cmpstr (after, ==, before);
}

/* SIGKILL ------------------------------------------------------------- */

/* Starts @argv and kills it after @delay_us; TRUE when the kill came
 * first. */
static gboolean
run_and_kill (const char * const *argv,
              gint64              delay_us)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE
                                     | G_SUBPROCESS_FLAGS_STDIN_PIPE, &error);
  g_assert_no_error (error);
  if (delay_us >= 0)
    {
      g_usleep (delay_us);
      g_subprocess_send_signal (process, SIGKILL);
    }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (process))
    return TRUE;
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return FALSE;
}

static gint64
time_run (const char * const *argv)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_false (run_and_kill (argv, -1));
  return g_get_monotonic_time () - start;
}

static guint
iterations (void)
{
  const char *text = g_getenv ("XUESHI_CRASH_ITERATIONS");

  return text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : 6;
}

static char *
rows_of (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (dir, &error);
  g_autoptr(GPtrArray) problems = NULL;

  g_assert_no_error (error);
  problems = xs_check_run (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  return dump (db);
}

static void
test_archive_kill (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autofree char *dir = make_base (settings);
  g_autofree char *rows = dump_dir (dir);
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *archive = g_build_filename (out_dir, "base.xsa", NULL);
  g_autofree char *pass = xs_test_write_file ("pass.txt", PASSPHRASE "\n", -1);
  g_autofree char *key = g_build_filename (dir, "signing-key", NULL);
  g_autofree char *key_bytes = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  const char *cli = g_getenv ("XUESHI_CLI");
  const char *archive_argv[] = { cli, "--data-dir", dir, "archive", "--out", archive,
                                 "--passphrase-file", pass, NULL };
  gint64 duration;
  gsize key_length, first_length;
  guint killed = 0;

  key_bytes = xs_test_read_file (key, &key_length);

  /* Killed while writing: the base and the archive written before stay */
  duration = time_run (archive_argv);
  first = xs_test_read_file (archive, &first_length);
  for (guint i = 0; i < iterations (); i++)
    {
      gint64 delay = g_rand_int_range (rand, 0, (gint32) MIN (duration * 12 / 10, G_MAXINT32));
      g_autofree char *now = NULL;
      gsize now_length;

      killed += run_and_kill (archive_argv, delay);
      g_free (rows_of (dir));
      now = xs_test_read_file (archive, &now_length);
      if (now_length != first_length || memcmp (now, first, now_length) != 0)
        {
          /* a complete new one */
          g_autofree char *check = xs_test_make_tmpdir ();
          g_autoptr(GError) error = NULL;
          g_autofree char *restored = NULL;

          g_assert_true (xs_archive_restore (check, NULL, archive, PASSPHRASE, NULL, NULL, NULL, &error));
          g_assert_no_error (error);
          restored = rows_of (check);
          g_assert_cmpstr (restored, ==, rows);
        }
    }
  g_test_message ("archive: %u of %u runs killed, a run takes %" G_GINT64_FORMAT " ms",
                  killed, iterations (), duration / 1000);

  /* Killed while restoring: no base, or the whole base with its key */
  killed = 0;
  for (guint i = 0; i < iterations () + 1; i++)
    {
      g_autofree char *target = xs_test_make_tmpdir ();
      g_autofree char *target_db = g_build_filename (target, "xueshi.db", NULL);
      g_autofree char *target_key = g_build_filename (target, "signing-key", NULL);
      g_autofree char *restored = NULL;
      g_autofree char *restored_key = NULL;
      const char *restore_argv[] = { cli, "--data-dir", target, "restore-archive", archive,
                                     "--passphrase-file", pass, NULL };
      gsize length;

      if (i == 0)
        {
          duration = time_run (restore_argv);
        }
      else
        {
          gint64 delay = g_rand_int_range (rand, 0, (gint32) MIN (duration * 12 / 10, G_MAXINT32));

          killed += run_and_kill (restore_argv, delay);
          if (!g_file_test (target_db, G_FILE_TEST_EXISTS))
            g_assert_false (run_and_kill (restore_argv, -1));
        }
      restored = rows_of (target);
      g_assert_cmpstr (restored, ==, rows);
      restored_key = xs_test_read_file (target_key, &length);
      g_assert_cmpmem (restored_key, length, key_bytes, key_length);
    }
  g_test_message ("restore-archive: %u of %u runs killed, a run takes %" G_GINT64_FORMAT " ms",
                  killed, iterations (), duration / 1000);

  /* Killed while restoring a backup: the base as it was, or the backup */
  {
    g_autofree char *backup = g_build_filename (out_dir, "backup.db", NULL);
    g_autofree char *later = NULL;
    const char *restore_argv[] = { cli, "--data-dir", dir, "restore", backup, NULL };
    g_autoptr(GError) error = NULL;

    {
      g_autoptr(XsDb) db = xs_db_open (dir, &error);

      g_assert_no_error (error);
      g_assert_true (xs_backup_write (db, backup, &error));
      g_assert_no_error (error);
      add_trainees (db, 500, 300);
    }
    later = dump_dir (dir);
    duration = time_run (restore_argv);
    killed = 0;
    for (guint i = 0; i < iterations (); i++)
      {
        gint64 delay = g_rand_int_range (rand, 0, (gint32) MIN (duration * 12 / 10, G_MAXINT32));
        g_autofree char *now = NULL;

        {
          g_autoptr(XsDb) db = xs_db_open (dir, &error);

          g_assert_no_error (error);
          add_trainees (db, 500, 300);   /* back to the later state */
        }
        killed += run_and_kill (restore_argv, delay);
        now = rows_of (dir);
        if (g_strcmp0 (now, rows) != 0)
          g_assert_cmpstr (now, ==, later);
      }
    g_test_message ("restore: %u of %u runs killed", killed, iterations ());
  }
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/archive/round-trip", test_archive_round_trip);
  g_test_add_func ("/archive/without-pdf-key", test_archive_without_pdf_key);
  g_test_add_func ("/archive/refusals", test_archive_refusals);
  g_test_add_func ("/archive/into-blank-base", test_archive_into_blank_base);
  g_test_add_func ("/archive/cancel", test_archive_cancel);
  g_test_add_func ("/archive/kill", test_archive_kill);

  return g_test_run ();
}
