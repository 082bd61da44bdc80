/* test-crash.c: xueshi-cli killed at a random moment leaves a whole database
 *
 * Each case runs the real xueshi-cli (a roster import, an hours import, an
 * evidence attach, a backup) in a child process, kills it with SIGKILL after
 * a random delay (a large roster import: after its first chunk is in), reopens the database and checks that it passes SQLite's
 * integrity check and that the action landed whole or not at all, with no
 * evidence file referenced but missing and none half-written under a stored
 * name, and no backup half-written under a backup's name.
 *
 * XUESHI_CRASH_ITERATIONS  kills per case (default 8)
 * XUESHI_CRASH_ROWS        rows per import (default 20000)
 * XUESHI_CRASH_SEED        repeats a run: the seed is printed at the start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "xs-backup.h"
#include "xs-check.h"
#include "xs-data-dir.h"
#include "xs-db-private.h"
#include "xs-import-log.h"
#include "xs-test-util.h"

#define TRAINEES_FOR_HOURS 1000
#define FILES_PER_ATTACH 3
#define FILE_SIZE (2 * 1024 * 1024)

typedef struct _Crash Crash;

struct _Crash
{
  const char *name;
  char       *data_dir;
  GRand      *rand;
  guint       iterations;
  guint       rows;
  gint64      duration_us;   /* of the last run that was let finish */
  guint       block;         /* the next block of identity numbers or titles */
  GStrv       argv;          /* the command that gets killed */
  char       *input;         /* its input file, replaced each time */
  gint64      step;          /* how much a whole action adds */
  /* the kind of action */
  void      (*prepare) (Crash *crash);
  gint64    (*measure) (Crash *crash, XsDb *db);
  void      (*check)   (Crash *crash, XsDb *db, gint64 added);
  /* attach */
  char       *claim_id;
  char       *paths[FILES_PER_ATTACH];
  char       *shas[FILES_PER_ATTACH + 1];
  GHashTable *written;       /* SHA-256 of every scan given to attach */
  GHashTable *orphans_seen;
  /* outcomes */
  guint       killed_absent;
  guint       killed_present;
  guint       finished;
  guint       calibrations;
  guint       temporaries;   /* temporary files of interrupted writes found */
  guint       orphans;       /* whole evidence files never referenced */
  gint64      min_kill_us;
  gint64      max_kill_us;
};

/* A run let finish every so often measures how long a run takes now: the
 * database grows, and so does the time. */
#define RECALIBRATE_EVERY 8

static guint32 seed;

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *text = g_getenv (name);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    return fallback;
  return (guint) value;
}

static void
crash_init (Crash      *crash,
            const char *name)
{
  memset (crash, 0, sizeof *crash);
  crash->name = name;
  crash->data_dir = xs_test_make_tmpdir ();
  crash->rand = g_rand_new_with_seed (seed ^ g_str_hash (name));
  crash->iterations = env_uint ("XUESHI_CRASH_ITERATIONS", 8);
  crash->rows = env_uint ("XUESHI_CRASH_ROWS", 20000);
  crash->min_kill_us = G_MAXINT64;
  crash->written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  crash->orphans_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
crash_clear (Crash *crash)
{
  g_free (crash->data_dir);
  g_strfreev (crash->argv);
  g_free (crash->input);
  g_free (crash->claim_id);
  for (guint f = 0; f < FILES_PER_ATTACH; f++)
    {
      g_free (crash->paths[f]);
      g_free (crash->shas[f]);
    }
  g_rand_free (crash->rand);
  g_hash_table_unref (crash->written);
  g_hash_table_unref (crash->orphans_seen);
}

/* Runs xueshi-cli (setting up a case) to the end; returns its output. */
static char *
run_cli (const Crash *crash,
         const char  *first,
         ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) argv = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;

  g_strv_builder_add_many (builder, g_getenv ("XUESHI_CLI"), "--data-dir", crash->data_dir, NULL);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_strv_builder_add (builder, arg);
  va_end (ap);
  argv = g_strv_builder_end (builder);

  process = g_subprocess_newv ((const char * const *) argv,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", argv[3], err);
  return out;
}

/* Starts the command and kills it after @delay_us (never when negative);
 * TRUE when the kill came first, FALSE when it had already finished
 * (successfully). */
static gboolean
run_and_kill (Crash  *crash,
              gint64  delay_us)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  process = g_subprocess_newv ((const char * const *) crash->argv,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  g_assert_no_error (error);
  if (delay_us >= 0)
    {
      g_usleep (delay_us);
      g_subprocess_send_signal (process, SIGKILL);
    }
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return TRUE;
    }
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  if (delay_us < 0)
    crash->duration_us = g_get_monotonic_time () - start;
  return FALSE;
}

static gint64
count (XsDb       *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (_xs_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Opens the database as the next program would, and checks all of it:
 * integrity_check, foreign keys, every referenced evidence file, and that
 * every backup is whole. */
static XsDb *
open_and_check (const Crash *crash)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = xs_db_open (crash->data_dir, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_assert_no_error (error);
  problems = xs_check_run (db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    g_error ("%s (seed %u): the database is not whole", crash->name, seed);

  backups = xs_backup_list (crash->data_dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      XsBackup *backup = g_ptr_array_index (backups, i);
      sqlite3 *handle;
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_open_v2 (backup->path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA quick_check", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
      sqlite3_finalize (stmt);
      sqlite3_close (handle);
    }
  return g_steal_pointer (&db);
}

/* The moment to kill: half of them anywhere from the spawn to a little
 * after a whole run, the other half around the end, where the commit is. */
static gint64
pick_delay (Crash *crash)
{
  double d = (double) crash->duration_us;

  if (g_rand_boolean (crash->rand))
    return (gint64) g_rand_double_range (crash->rand, 0, d * 1.2);
  return (gint64) g_rand_double_range (crash->rand, d * 0.7, d * 1.1);
}

/* Prepares and runs one action to the end; returns what it added. */
static gint64
run_whole (Crash  *crash,
           gint64  before)
{
  g_autoptr(XsDb) db = NULL;
  gint64 after;

  crash->prepare (crash);
  g_assert_false (run_and_kill (crash, -1));
  db = open_and_check (crash);
  after = crash->measure (crash, db);
  g_assert_cmpint (after, ==, before + crash->step);
  if (crash->check != NULL)
    crash->check (crash, db, crash->step);
  crash->calibrations++;
  return after;
}

static void
run_crashes (Crash *crash)
{
  gint64 before;

  {
    g_autoptr(XsDb) db = open_and_check (crash);

    before = crash->measure (crash, db);
  }
  before = run_whole (crash, before);

  for (guint i = 0; i < crash->iterations; i++)
    {
      gint64 delay, after;
      gboolean killed;

      if (i > 0 && i % RECALIBRATE_EVERY == 0)
        before = run_whole (crash, before);

      crash->prepare (crash);
      delay = pick_delay (crash);
      killed = run_and_kill (crash, delay);

      {
        g_autoptr(XsDb) db = open_and_check (crash);

        after = crash->measure (crash, db);
        if (after != before && after != before + crash->step)
          g_error ("%s %u (seed %u): %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT
                   ", not nothing or %" G_GINT64_FORMAT " more",
                   crash->name, i, seed, before, after, crash->step);
        if (crash->check != NULL)
          crash->check (crash, db, after - before);
      }
      g_assert_true (killed || after == before + crash->step);

      crash->min_kill_us = MIN (crash->min_kill_us, delay);
      crash->max_kill_us = MAX (crash->max_kill_us, delay);
      if (!killed)
        crash->finished++;
      else if (after != before)
        crash->killed_present++;
      else
        crash->killed_absent++;
      g_test_message ("%s %u: kill at %.1f ms of %.1f: %s", crash->name, i, delay / 1000.0,
                      crash->duration_us / 1000.0,
                      !killed ? "had finished" : after != before ? "killed, action whole" : "killed, action absent");
      before = after;
    }

  g_test_message ("%s: %u kills of an action adding %u, kill points %.1f–%.1f ms "
                  "(a whole run last took %.1f ms); killed with nothing written %u, "
                  "killed with everything written %u, finished first %u, runs let finish %u; "
                  "temporary files of interrupted writes %u, "
                  "evidence files written but never referenced %u; all consistent",
                  crash->name, crash->iterations, (guint) crash->step,
                  crash->min_kill_us / 1000.0, crash->max_kill_us / 1000.0,
                  crash->duration_us / 1000.0, crash->killed_absent, crash->killed_present,
                  crash->finished, crash->calibrations, crash->temporaries, crash->orphans);
}

static void
replace_input (Crash *crash,
               char  *path)
{
  if (crash->input != NULL)
    {
      g_unlink (crash->input);
      g_free (crash->input);
    }
  crash->input = path;
  g_free (crash->argv[4]);
  crash->argv[4] = g_strdup (path);
}

/* A roster of @n new people from identity-number block @block. */
static char *
write_roster (guint block,
              guint n)
{
  g_autoptr(GString) csv = g_string_sized_new ((gsize) n * 64);

  g_string_append (csv, "姓名,身份证号,工作单位\n");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = xs_test_id_number (block * n + i);

      g_string_append_printf (csv, "学员%u,%s,漯河市中心医院\n", block * n + i, id);
    }
  return xs_test_write_file ("roster.csv", csv->str, csv->len);
}

static void
prepare_roster (Crash *crash)
{
  replace_input (crash, write_roster (crash->block++, crash->rows));
}

static gint64
measure_roster (Crash *crash,
                XsDb  *db)
{
  return count (db, "SELECT count(*) FROM trainee");
}

static gboolean
have_cli (void)
{
  if (g_getenv ("XUESHI_CLI") != NULL)
    return TRUE;
  g_test_skip ("XUESHI_CLI is not set");
  return FALSE;
}

static void
test_crash_roster (void)
{
  Crash crash;

  if (!have_cli ())
    return;
  crash_init (&crash, "roster");
  crash.argv = g_strdupv ((char *[]) { (char *) g_getenv ("XUESHI_CLI"), (char *) "--data-dir",
                                       crash.data_dir, (char *) "import-roster", (char *) "", NULL });
  crash.step = crash.rows;
  crash.prepare = prepare_roster;
  crash.measure = measure_roster;
  run_crashes (&crash);
  crash_clear (&crash);
}

/* The incomplete imports a reader sees in the database at @path; -1 while
 * it cannot be read yet. */
static gint64
count_incomplete (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (handle, "SELECT count(*) FROM import_batch "
                                     "WHERE incomplete = 1 AND undone_at IS NULL",
                             -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return n;
}

/* A chunked import to kill: how to write its input, the rows it adds
 * (@before of them there before it), and what must be left (@left) after
 * an interrupted import is taken back or a finished one undone. */
typedef struct
{
  const char *name;
  void      (*prepare) (Crash *crash);
  const char *rows_sql;
  gint64      before;
  const char *left_sql;
  gint64      left;
} ChunkedImport;

/* Runs crash->argv on fresh input, kills it once its first chunk is in
 * the database, at a random moment after, and checks the next open: the
 * import is taken back whole, or (killed after its last commit) it is
 * whole and is undone for the next round. Some kill must land in between. */
static void
kill_chunked_import (Crash               *crash,
                     const ChunkedImport *import)
{
  g_autofree char *db_path = g_build_filename (crash->data_dir, "xueshi.db", NULL);
  guint killed_between = 0;

  for (guint i = 0; i < MAX (crash->iterations / 2, 2); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(XsDb) db = NULL;
      gint64 waited = 0, delay;
      gboolean interrupted;

      import->prepare (crash);
      process = g_subprocess_newv ((const char * const *) crash->argv,
                                   G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                   &error);
      g_assert_no_error (error);
      while (count_incomplete (db_path) != 1)
        {
          g_assert_cmpint (waited, <, 60 * G_USEC_PER_SEC);
          g_usleep (2000);
          waited += 2000;
        }
      delay = g_rand_int_range (crash->rand, 0, 400000);
      g_usleep (delay);
      g_subprocess_send_signal (process, SIGKILL);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);

      /* The import cannot end without taking the mark away: killed before
       * its end, it leaves it. A kill that lands after the last commit
       * (while the program closes) finds the import whole. */
      interrupted = g_subprocess_get_if_signaled (process) && count_incomplete (db_path) == 1;
      if (interrupted)
        killed_between++;

      db = open_and_check (crash);
      g_assert_cmpint (count (db, "SELECT count(*) FROM import_batch WHERE incomplete = 1 "
                                  "AND undone_at IS NULL"), ==, 0);
      if (interrupted)
        g_assert_cmpint (count (db, import->rows_sql), ==, import->before);
      else
        {
          /* It had finished: whole, then undone to start the next from the same rows. */
          g_assert_cmpint (count (db, import->rows_sql), ==, import->before + (gint64) crash->rows);
          g_assert_true (xs_import_log_undo (db, count (db, "SELECT max (id) FROM import_batch"), &error));
          g_assert_no_error (error);
        }
      g_assert_cmpint (count (db, import->left_sql), ==, import->left);
      g_test_message ("%s %u: killed %.1f ms after the first chunk: %s", import->name, i, delay / 1000.0,
                      interrupted ? "taken back on open" : "had finished");
    }
  g_assert_cmpuint (killed_between, >, 0);
}

/* A roster large enough to commit in chunks, killed once its first chunk
 * is in the database (seen by a reader, as the import log shows it), at a
 * random moment after: the next open takes the import back, whole. */
static void
test_crash_roster_chunks (void)
{
  Crash crash;

  if (!have_cli ())
    return;
  crash_init (&crash, "roster-chunks");
  crash.rows *= 5;
  crash.argv = g_strdupv ((char *[]) { (char *) g_getenv ("XUESHI_CLI"), (char *) "--data-dir",
                                       crash.data_dir, (char *) "import-roster", (char *) "", NULL });

  {
    g_autoptr(XsDb) db = open_and_check (&crash);
  }

  kill_chunked_import (&crash, &(ChunkedImport) {
    .name = "roster-chunks",
    .prepare = prepare_roster,
    .rows_sql = "SELECT count(*) FROM trainee",
    .before = 0,
    .left_sql = "SELECT count(*) FROM trainee WHERE import_id IS NOT NULL",
    .left = 0,
  });
  crash_clear (&crash);
}

static void
prepare_hours (Crash *crash)
{
  g_autoptr(GString) csv = g_string_sized_new ((gsize) crash->rows * 96);
  guint block = crash->block++;

  g_string_append (csv, "身份证号,姓名,年度,科目类别,必修,学时,项目名称,日期\n");
  for (guint i = 0; i < crash->rows; i++)
    {
      guint who = i % TRAINEES_FOR_HOURS;
      g_autofree char *id = xs_test_id_number (who);

      g_string_append_printf (csv, "%s,学员%u,2018,专业科目,,2,培训班%u-%u,2018-06-01\n",
                              id, who, block, i);
    }
  replace_input (crash, xs_test_write_file ("hours.csv", csv->str, csv->len));
}

static gint64
measure_hours (Crash *crash,
               XsDb  *db)
{
  return count (db, "SELECT count(*) FROM claim");
}

static void
test_crash_hours (void)
{
  Crash crash;
  g_autofree char *roster = NULL;

  if (!have_cli ())
    return;
  crash_init (&crash, "hours");
  roster = write_roster (0, TRAINEES_FOR_HOURS);
  g_free (run_cli (&crash, "import-roster", roster, NULL));
  g_unlink (roster);

  crash.argv = g_strdupv ((char *[]) { (char *) g_getenv ("XUESHI_CLI"), (char *) "--data-dir",
                                       crash.data_dir, (char *) "import-hours", (char *) "", NULL });
  crash.step = crash.rows;
  crash.prepare = prepare_hours;
  crash.measure = measure_hours;
  run_crashes (&crash);
  crash_clear (&crash);
}

/* An hours sheet large enough to commit in chunks, killed once its first
 * chunk is in the database, at a random moment after: the next open takes
 * the import back, whole, and the claims recorded before stay. */
static void
test_crash_hours_chunks (void)
{
  Crash crash;
  g_autofree char *roster = NULL;

  if (!have_cli ())
    return;
  crash_init (&crash, "hours-chunks");
  crash.rows *= 5;
  roster = write_roster (0, TRAINEES_FOR_HOURS);
  g_free (run_cli (&crash, "import-roster", roster, NULL));
  g_unlink (roster);
  crash.argv = g_strdupv ((char *[]) { (char *) g_getenv ("XUESHI_CLI"), (char *) "--data-dir",
                                       crash.data_dir, (char *) "import-hours", (char *) "", NULL });
  /* claims there before, which must stay */
  prepare_hours (&crash);
  g_free (run_cli (&crash, "import-hours", crash.input, NULL));

  kill_chunked_import (&crash, &(ChunkedImport) {
    .name = "hours-chunks",
    .prepare = prepare_hours,
    .rows_sql = "SELECT count(*) FROM claim",
    .before = crash.rows,
    .left_sql = "SELECT count(*) FROM claim",
    .left = crash.rows,
  });
  crash_clear (&crash);
}

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
    }
  return ~crc;
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              guint32       length)
{
  guint8 be[4] = { length >> 24, length >> 16, length >> 8, length };
  guint32 crc;

  g_byte_array_append (png, be, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (png, data, length);
  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, length);
  be[0] = crc >> 24, be[1] = crc >> 16, be[2] = crc >> 8, be[3] = crc;
  g_byte_array_append (png, be, 4);
}

/* A valid 1 × 1 PNG, @size bytes long with a private ancillary chunk of
 * random bytes, different every time. Returns its SHA-256. */
static char *
write_scan (Crash      *crash,
            const char *path,
            gsize       size)
{
  static const guint8 ihdr[] = { 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };
  static const guint8 idat[] = { 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00 };
  g_autoptr(GByteArray) png = g_byte_array_sized_new (size);
  g_autofree guint8 *filler = NULL;
  gsize filler_len = size - 8 - 25 - 24 - 12 - 12;
  g_autoptr(GError) error = NULL;
  char *sha;

  filler = g_malloc (filler_len);
  for (gsize i = 0; i < filler_len; i += 4)
    {
      guint32 r = g_rand_int (crash->rand);

      memcpy (filler + i, &r, MIN (4, filler_len - i));
    }
  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  append_chunk (png, "IHDR", ihdr, sizeof ihdr);
  append_chunk (png, "xsRn", filler, filler_len);
  append_chunk (png, "IDAT", idat, sizeof idat);
  append_chunk (png, "IEND", NULL, 0);
  g_assert_cmpuint (png->len, ==, size);

  g_file_set_contents (path, (const char *) png->data, png->len, &error);
  g_assert_no_error (error);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, png->data, png->len);
  g_hash_table_add (crash->written, g_strdup (sha));
  return sha;
}

static gint64
count_linked (XsDb        *db,
              const char **shas)
{
  gint64 n = 0;

  for (guint i = 0; shas[i] != NULL; i++)
    {
      g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db,
                                                 "SELECT count(*) FROM claim_evidence ce "
                                                 "JOIN evidence e ON e.id = ce.evidence_id "
                                                 "WHERE e.sha256 = ?1",
                                                 NULL);

      _xs_db_bind_text (stmt, 1, shas[i]);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      n += sqlite3_column_int64 (stmt, 0);
    }
  return n;
}

static gboolean
is_temporary_name (const char *name)
{
  gsize len = strlen (name);

  return len == 62 + 7 && name[62] == '.';
}

/* Every file in the evidence store is either whole under its own hash, or
 * a temporary file of an interrupted write, which the daily clean-up
 * removes (done here at once). Whole files that the database does not
 * reference can only be scans given to attach (written, then killed before
 * the commit); they stay, as backups may refer to them. */
static void
check_evidence_store (Crash *crash,
                      XsDb  *db)
{
  g_autofree char *top = g_build_filename (crash->data_dir, "evidence", NULL);
  g_autoptr(GDir) dir = g_dir_open (top, 0, NULL);
  const char *sub;

  while (dir != NULL && (sub = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *subdir = g_build_filename (top, sub, NULL);
      g_autoptr(GDir) inner = g_dir_open (subdir, 0, NULL);
      const char *name;
      guint temporaries = 0;

      g_assert_nonnull (inner);
      g_assert_cmpuint (strlen (sub), ==, 2);
      while ((name = g_dir_read_name (inner)) != NULL)
        {
          g_autofree char *path = g_build_filename (subdir, name, NULL);
          g_autofree char *sha = g_strconcat (sub, name, NULL);

          if (is_temporary_name (name))
            {
              sha[64] = '\0';
              g_assert_true (g_hash_table_contains (crash->written, sha));
              temporaries++;
              continue;
            }

          g_assert_cmpuint (strlen (name), ==, 62);
          {
            g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
            g_autoptr(GBytes) bytes = NULL;
            g_autofree char *actual = NULL;
            g_autoptr(XsDbStmt) stmt = NULL;

            g_assert_nonnull (mapped);
            bytes = g_mapped_file_get_bytes (mapped);
            actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
            if (!g_str_equal (actual, sha))
              g_error ("attach (seed %u): %s is half-written", seed, path);

            stmt = _xs_db_prepare (db, "SELECT count(*) FROM evidence WHERE sha256 = ?1", NULL);
            _xs_db_bind_text (stmt, 1, sha);
            g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
            if (sqlite3_column_int (stmt, 0) == 0)
              {
                g_assert_true (g_hash_table_contains (crash->written, sha));
                if (g_hash_table_add (crash->orphans_seen, g_strdup (sha)))
                  crash->orphans++;
              }
          }
        }

      /* The clean-up takes exactly those, nothing stored */
      g_assert_cmpuint (xs_data_dir_remove_stale_temporaries (subdir, 0), ==, temporaries);
      crash->temporaries += temporaries;
    }
}

static void
prepare_attach (Crash *crash)
{
  for (guint f = 0; f < FILES_PER_ATTACH; f++)
    {
      g_free (crash->shas[f]);
      crash->shas[f] = write_scan (crash, crash->paths[f], FILE_SIZE);
    }
}

static gint64
measure_attach (Crash *crash,
                XsDb  *db)
{
  return count (db, "SELECT count(*) FROM claim_evidence");
}

/* All of this attach's files are linked, or none. */
static void
check_attach (Crash  *crash,
              XsDb   *db,
              gint64  added)
{
  g_assert_cmpint (count_linked (db, (const char **) crash->shas), ==, added);
  check_evidence_store (crash, db);
}

static void
test_crash_attach (void)
{
  Crash crash;
  g_autofree char *roster = NULL;
  g_autofree char *id = xs_test_id_number (0);
  g_autofree char *scans = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!have_cli ())
    return;
  crash_init (&crash, "attach");
  roster = write_roster (0, 1);
  g_free (run_cli (&crash, "import-roster", roster, NULL));
  crash.claim_id = run_cli (&crash, "claim", "add", "--id-number", id, "--year", "2018", "--kind", "9",
                            "--hours", "30", "--title", "通过全国中级资格考试", "--date", "2018-07-01", NULL);
  g_strstrip (crash.claim_id);

  scans = xs_test_make_tmpdir ();
  g_strv_builder_add_many (builder, g_getenv ("XUESHI_CLI"), "--data-dir", crash.data_dir,
                           "claim", "attach", crash.claim_id, "--material",
                           "qualification_certificate", NULL);
  for (guint f = 0; f < FILES_PER_ATTACH; f++)
    {
      g_autofree char *name = g_strdup_printf ("证书%u.png", f);

      crash.paths[f] = g_build_filename (scans, name, NULL);
      g_strv_builder_add (builder, crash.paths[f]);
    }
  crash.argv = g_strv_builder_end (builder);
  crash.step = FILES_PER_ATTACH;
  crash.prepare = prepare_attach;
  crash.measure = measure_attach;
  crash.check = check_attach;
  run_crashes (&crash);
  crash_clear (&crash);
}

/* The copies that `backup --out` wrote, each of them whole; what a killed
 * copy left is only a temporary file, which the clean-up removes. */
static gint64
measure_backup (Crash *crash,
                XsDb  *db)
{
  g_autoptr(GDir) dir = g_dir_open (crash->input, 0, NULL);
  const char *name;
  gint64 n = 0;
  guint temporaries = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (crash->input, name, NULL);
      sqlite3 *handle;
      sqlite3_stmt *stmt;

      if (!g_str_has_suffix (name, ".db"))
        {
          g_assert_true (g_regex_match_simple ("^copy-[0-9]+\\.db\\.[A-Za-z0-9]{6}(-wal|-shm|-journal)?$", name, 0, 0));
          temporaries++;
          continue;
        }
      g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        g_error ("backup (seed %u): %s is damaged", seed, path);
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM trainee", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, crash->rows);
      sqlite3_finalize (stmt);
      sqlite3_close (handle);
      n++;
    }
  g_assert_cmpuint (xs_data_dir_remove_stale_temporaries (crash->input, 0), ==, temporaries);
  crash->temporaries += temporaries;
  return n;
}

static void
prepare_backup (Crash *crash)
{
  g_autofree char *name = g_strdup_printf ("copy-%u.db", crash->block++);

  g_free (crash->argv[5]);
  crash->argv[5] = g_build_filename (crash->input, name, NULL);
}

static void
test_crash_backup (void)
{
  Crash crash;
  g_autofree char *roster = NULL;

  if (!have_cli ())
    return;
  crash_init (&crash, "backup");
  roster = write_roster (0, crash.rows);
  g_free (run_cli (&crash, "import-roster", roster, NULL));
  g_unlink (roster);

  crash.input = xs_test_make_tmpdir ();
  crash.argv = g_strdupv ((char *[]) { (char *) g_getenv ("XUESHI_CLI"), (char *) "--data-dir",
                                       crash.data_dir, (char *) "backup", (char *) "--out",
                                       (char *) "", NULL });
  crash.step = 1;
  crash.prepare = prepare_backup;
  crash.measure = measure_backup;
  run_crashes (&crash);
  crash_clear (&crash);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  seed = env_uint ("XUESHI_CRASH_SEED", 0);
  if (seed == 0)
    seed = (guint32) g_test_rand_int () | 1;
  g_test_message ("seed %u (repeat with XUESHI_CRASH_SEED=%u)", seed, seed);

  g_test_add_func ("/crash/roster-import", test_crash_roster);
  g_test_add_func ("/crash/roster-import-chunks", test_crash_roster_chunks);
  g_test_add_func ("/crash/hours-import", test_crash_hours);
  g_test_add_func ("/crash/hours-import-chunks", test_crash_hours_chunks);
  g_test_add_func ("/crash/evidence-attach", test_crash_attach);
  g_test_add_func ("/crash/backup", test_crash_backup);

  return g_test_run ();
}
