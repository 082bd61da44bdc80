/* bench-import.c: roster import against the sqlite3 shell's .import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a roster (100,000 rows by default) and an hours sheet (ten times
 * as many rows), then measures in the same run, best of --runs:
 *
 *   xueshi:  xs_db_open() of a fresh data directory, xs_roster_import(),
 *            closing the database — one process, as `xueshi-cli import-roster`
 *   anchor:  the sqlite3 command-line shell, a new process each run:
 *            sqlite3 bare-N.db -cmd '.mode csv' '.import roster.csv t'
 *            (creates the table from the header row, no index, one
 *            transaction), timed from spawn to exit
 *
 *   indexed: the same .import into a table with the trainee table's
 *            index (UNIQUE identity number), the goal's anchor
 *
 * and prints both ratios (goal: <= 1.3 the indexed .import): of the best
 * times, and the median of each run's own ratio (a run times both within a
 * second or two; the machine's speed drifts over longer). Each xueshi
 * run is a child process, so that its peak resident memory is its own; a
 * roster a tenth as long is imported the same way to show how memory grows
 * with the file (the goal: flat). Then it imports the hours sheet
 * once into the last roster's database and prints rows per second, with the
 * shell's .import of the same file for scale. No timed assertions: the exit
 * status is 0 unless something failed outright.
 */
#define G_LOG_DOMAIN "xs-bench"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "xs-bench-util.h"
#include "xs-db.h"
#include "xs-hours-import.h"
#include "xs-import-log.h"
#include "xs-roster-import.h"

#define ROSTER_GOAL 1.3

/* The goal's anchor: the same .import into a table with the trainee
 * table's index (id_number UNIQUE; no other index is on trainee) — what
 * SQLite alone needs to keep identity numbers unique. */
static const char indexed_table[] =
  "CREATE TABLE t (姓名, 身份证号 UNIQUE, 工作单位, 性别, 职称, 专业, 县区, 手机号);";

static char *sqlite3_program;
static int n_runs = 3;
static gboolean skip_hours;
static gboolean only_xueshi;
static gboolean million;

static GOptionEntry extra_entries[] = {
  { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &sqlite3_program,
    "The sqlite3 shell to compare with (default: sqlite3 in PATH)", "PATH" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each roster import; the best counts (default 3)", "N" },
  { "skip-hours", 0, 0, G_OPTION_ARG_NONE, &skip_hours, "Do not time the hours import", NULL },
  { "million", 0, 0, G_OPTION_ARG_NONE, &million,
    "Also import (and undo) 1,000,000 roster rows once, for memory (about 1.5 GB of disk)", NULL },
  { "only-xueshi", 0, 0, G_OPTION_ARG_NONE, &only_xueshi,
    "Time only xs_roster_import (for a profiler); no anchor, no ratio", NULL },
  { NULL }
};

/* Processor time (user and system) of @usage, in seconds. */
static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_stime.tv_sec
         + (usage->ru_utime.tv_usec + usage->ru_stime.tv_usec) / 1e6;
}

/* Processor time of the children waited for so far. */
static double
children_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return cpu_seconds (&usage);
}

static G_GNUC_NORETURN void
fail (const char *what,
      GError     *error)
{
  g_printerr ("bench-import: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

static gint64
count_rows (const char *db_path,
            const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 n = -1;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
check_report (XsImportReport *report,
              guint           expected,
              const char     *what)
{
  guint added = xs_import_report_get_count (report, XS_ROW_ADDED);
  guint rejected = xs_import_report_get_count (report, XS_ROW_REJECTED);

  if (rejected > 0 || added != expected || !xs_import_report_get_committed (report))
    {
      g_autofree char *summary = xs_import_report_format_summary (report);
      g_autofree char *rejections = xs_import_report_format_rejections (report);

      g_printerr ("bench-import: %s: expected %u rows imported, got: %s\n%.4000s\n",
                  what, expected, summary, rejections ? rejections : "");
      exit (1);
    }
}

/* Open, import, close: what one `xueshi-cli import-roster` does, in a
 * child process, into a base set up before the clock starts (setting one
 * up makes its signing keys: an RSA key whose search takes a random
 * 0.05 to 0.5 s, no part of an import). Returns the seconds; @peak_kb is
 * the child's peak resident memory, @cpu its processor time from the
 * open on (or NULL). */
static double
time_roster_import (const char *data_dir,
                    const char *csv,
                    guint       rows,
                    long       *peak_kb,
                    double     *cpu)
{
  struct rusage usage;
  double seconds = -1;
  int fds[2];
  int status;
  pid_t pid;

  if (pipe (fds) != 0)
    fail ("pipe", NULL);
  pid = fork ();
  if (pid < 0)
    fail ("fork", NULL);
  if (pid == 0)
    {
      g_autoptr(XsImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      struct rusage self_before, self_after;
      double times[2];
      XsDb *db;
      double start;

      close (fds[0]);
      db = xs_db_open (data_dir, &error);
      if (db == NULL)
        fail ("xs_db_open", error);
      g_object_unref (db);

      getrusage (RUSAGE_SELF, &self_before);
      start = xs_bench_now ();
      db = xs_db_open (data_dir, &error);
      if (db == NULL)
        fail ("xs_db_open", error);
      report = xs_roster_import (db, csv, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
      if (report == NULL)
        fail ("xs_roster_import", error);
      g_object_unref (db);
      times[0] = xs_bench_now () - start;
      getrusage (RUSAGE_SELF, &self_after);
      times[1] = cpu_seconds (&self_after) - cpu_seconds (&self_before);
      check_report (report, rows, "roster import");
      if (write (fds[1], times, sizeof times) != sizeof times)
        _exit (1);
      _exit (0);
    }

  close (fds[1]);
  {
    double times[2];

    if (read (fds[0], times, sizeof times) != sizeof times)
      seconds = -1;
    else
      {
        seconds = times[0];
        if (cpu != NULL)
          *cpu = times[1];
      }
  }
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0
      || seconds < 0)
    {
      g_printerr ("bench-import: the roster import failed\n");
      exit (1);
    }
  *peak_kb = usage.ru_maxrss;
  return seconds;
}

/* Open, undo import 1 (the roster import of a fresh base), close: what
 * `xueshi-cli undo-import 1` does, in a child process. */
static double
time_undo (const char *data_dir,
           long       *peak_kb)
{
  struct rusage usage;
  double seconds = -1;
  int fds[2];
  int status;
  pid_t pid;

  if (pipe (fds) != 0)
    fail ("pipe", NULL);
  pid = fork ();
  if (pid < 0)
    fail ("fork", NULL);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      XsDb *db;
      double start = xs_bench_now ();

      close (fds[0]);
      db = xs_db_open (data_dir, &error);
      if (db == NULL)
        fail ("xs_db_open", error);
      if (!xs_import_log_undo (db, 1, &error))
        fail ("xs_import_log_undo", error);
      g_object_unref (db);
      seconds = xs_bench_now () - start;
      if (write (fds[1], &seconds, sizeof seconds) != sizeof seconds)
        _exit (1);
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], &seconds, sizeof seconds) != sizeof seconds)
    seconds = -1;
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0
      || seconds < 0)
    {
      g_printerr ("bench-import: the undo failed\n");
      exit (1);
    }
  *peak_kb = usage.ru_maxrss;
  return seconds;
}

/* The shell's .import of @csv_name into a new database @db_name, from spawn
 * to exit. With @create, the table is made first (and the header row
 * skipped); otherwise .import makes a bare table from the header row. */
static double
time_shell_import (const char *tmp,
                   const char *db_name,
                   const char *csv_name,
                   const char *create,
                   gint64      expected,
                   double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *import = g_strdup_printf (create ? ".import --skip 1 %s t" : ".import %s t", csv_name);
  g_autofree char *db_path = g_build_filename (tmp, db_name, NULL);
  const char *bare_argv[] = { sqlite3_program, db_name, "-cmd", ".mode csv", import, NULL };
  const char *create_argv[] = { sqlite3_program, db_name, "-cmd", create, "-cmd", ".mode csv", import, NULL };
  double seconds;
  double cpu_before = children_cpu_seconds ();
  gint64 n;

  if (!xs_bench_time_command (create ? create_argv : bare_argv, tmp, &seconds, &error))
    fail ("sqlite3 .import", error);
  if (cpu != NULL)
    *cpu = children_cpu_seconds () - cpu_before;
  n = count_rows (db_path, "t");
  if (n != expected)
    {
      g_printerr ("bench-import: sqlite3 .import wrote %" G_GINT64_FORMAT " rows, expected %"
                  G_GINT64_FORMAT "\n", n, expected);
      exit (1);
    }
  g_unlink (db_path);
  return seconds;
}

int
main (int    argc,
      char **argv)
{
  XsBenchOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *roster = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *last_dir = NULL;
  double best_xs = G_MAXDOUBLE, best_shell = G_MAXDOUBLE, best_indexed = G_MAXDOUBLE;
  double best_xs_cpu = G_MAXDOUBLE, best_indexed_cpu = G_MAXDOUBLE;
  g_autofree double *ratios = NULL;
  long peak_kb = 0, small_peak_kb = 0;
  guint small_rows;
  guint n_hours;
  double start;

  xs_bench_init (&argc, &argv,
                 "Roster import time divided by the sqlite3 shell's .import of the same CSV.",
                 extra_entries, &options);
  if (n_runs < 1)
    n_runs = 1;
  if (sqlite3_program == NULL)
    sqlite3_program = g_find_program_in_path ("sqlite3");
  if (sqlite3_program == NULL && !only_xueshi)
    {
      g_printerr ("bench-import: no sqlite3 shell in PATH (apt-get install sqlite3), or pass --sqlite3\n");
      return 1;
    }

  n_hours = options.rows * XS_BENCH_HOURS_PER_ROW;
  tmp = xs_bench_make_tmpdir (&options);
  roster = g_build_filename (tmp, "roster.csv", NULL);
  hours = g_build_filename (tmp, "hours.csv", NULL);

  start = xs_bench_now ();
  if (!xs_bench_generate (roster, skip_hours ? NULL : hours, options.rows, &error))
    fail ("generate", error);
  if (skip_hours)
    g_print ("# generated %u roster rows in %.2f s in %s\n", options.rows,
             xs_bench_now () - start, tmp);
  else
    g_print ("# generated %u roster rows and %u hours rows in %.2f s in %s\n", options.rows,
             n_hours, xs_bench_now () - start, tmp);
  g_print ("# SQLite library %s; anchor: %s; best of %d\n",
           sqlite3_libversion (), only_xueshi ? "none" : sqlite3_program, n_runs);

  ratios = g_new (double, n_runs);
  for (int run = 0; run < n_runs; run++)
    {
      g_autofree char *dir_name = g_strdup_printf ("xueshi-%d", run);
      g_autofree char *data_dir = g_build_filename (tmp, dir_name, NULL);
      g_autofree char *bare = g_strdup_printf ("bare-%d.db", run);
      g_autofree char *with_indexes = g_strdup_printf ("indexed-%d.db", run);
      double xs = 0, shell = 0, indexed = 0, xs_cpu = 0, indexed_cpu = 0;
      long kb = 0;

      /* Every other run the shell goes first: the machine's speed drifts,
       * and whichever ran second would otherwise always find it the same. */
      for (int turn = 0; turn < 2; turn++)
        {
          if ((turn == 0) == (run % 2 == 0))
            xs = time_roster_import (data_dir, roster, options.rows, &kb, &xs_cpu);
          else if (!only_xueshi)
            {
              shell = time_shell_import (tmp, bare, "roster.csv", NULL, options.rows, NULL);
              indexed = time_shell_import (tmp, with_indexes, "roster.csv", indexed_table, options.rows,
                                           &indexed_cpu);
            }
        }
      best_xs = MIN (best_xs, xs);
      best_xs_cpu = MIN (best_xs_cpu, xs_cpu);
      peak_kb = MAX (peak_kb, kb);
      if (!only_xueshi)
        {
          best_shell = MIN (best_shell, shell);
          best_indexed = MIN (best_indexed, indexed);
          best_indexed_cpu = MIN (best_indexed_cpu, indexed_cpu);
          ratios[run] = xs / indexed;
        }
      g_print ("# run %d: xueshi %.3f s (processor %.3f s, peak %.1f MB), sqlite3 .import %.3f s, "
               "into an indexed table %.3f s (processor %.3f s)\n",
               run + 1, xs, xs_cpu, kb / 1024.0, shell, indexed, indexed_cpu);

      if (last_dir != NULL)
        xs_bench_remove_tree (last_dir);
      g_free (last_dir);
      last_dir = g_steal_pointer (&data_dir);
    }

  /* Memory: the same import of a roster a tenth as long. */
  small_rows = MAX (options.rows / 10, 1);
  {
    g_autofree char *small = g_build_filename (tmp, "roster-small.csv", NULL);
    g_autofree char *small_dir = g_build_filename (tmp, "xueshi-small", NULL);

    if (!xs_bench_generate (small, NULL, small_rows, &error))
      fail ("generate", error);
    time_roster_import (small_dir, small, small_rows, &small_peak_kb, NULL);
    xs_bench_remove_tree (small_dir);
  }

  if (only_xueshi)
    g_print ("roster import: %u rows in %.2f s\n", options.rows, best_xs);
  else
    g_print ("roster import: %u rows in %.2f s; sqlite3 .import into a table with the trainee "
             "table's index %.2f s: ratio %.2f, median of the runs' ratios %.2f (goal <= %.1f); "
             "bare .import %.2f s: ratio %.2f\n",
             options.rows, best_xs, best_indexed, best_xs / best_indexed, xs_bench_median (ratios, n_runs),
             ROSTER_GOAL, best_shell, best_xs / best_shell);
  /* The clock counts what others run on the machine meanwhile; processor
   * time does not (nor the pauses between chunks). */
  if (!only_xueshi)
    g_print ("roster import processor time: %.2f s; sqlite3 .import into the indexed table %.2f s: "
             "ratio %.2f\n", best_xs_cpu, best_indexed_cpu, best_xs_cpu / best_indexed_cpu);
  g_print ("roster import memory: peak %.1f MB for %u rows, %.1f MB for %u rows: "
           "%.3f KB per extra row (goal: flat); %.1f MB per 100,000 rows\n",
           peak_kb / 1024.0, options.rows, small_peak_kb / 1024.0, small_rows,
           options.rows > small_rows ? (double) (peak_kb - small_peak_kb) / (options.rows - small_rows) : 0.0,
           peak_kb / 1024.0 / (options.rows / 100000.0));

  /* Undo of the last run's import, against the import itself. */
  {
    long undo_kb = 0;
    double undo = time_undo (last_dir, &undo_kb);

    g_print ("roster undo: %u rows in %.2f s: ratio %.2f to the import; peak %.1f MB\n",
             options.rows, undo, undo / best_xs, undo_kb / 1024.0);
  }

  if (million)
    {
      g_autofree char *big = g_build_filename (tmp, "roster-million.csv", NULL);
      g_autofree char *big_dir = g_build_filename (tmp, "xueshi-million", NULL);
      const guint big_rows = 1000000;
      long big_kb = 0, undo_kb = 0;
      double seconds, undo;

      if (!xs_bench_generate (big, NULL, big_rows, &error))
        fail ("generate", error);
      seconds = time_roster_import (big_dir, big, big_rows, &big_kb, NULL);
      g_unlink (big);
      undo = time_undo (big_dir, &undo_kb);
      xs_bench_remove_tree (big_dir);
      g_print ("roster import of %u rows: %.2f s (%.2f× the time per row of %u rows); peak %.1f MB, "
               "%.1f MB per 100,000 rows (%u rows: %.1f MB per 100,000)\n",
               big_rows, seconds, (seconds / big_rows) / (best_xs / options.rows), options.rows,
               big_kb / 1024.0, big_kb / 1024.0 / 10.0, options.rows,
               peak_kb / 1024.0 / (options.rows / 100000.0));
      g_print ("roster undo of %u rows: %.2f s: ratio %.2f to the import; peak %.1f MB\n",
               big_rows, undo, undo / seconds, undo_kb / 1024.0);
    }

  if (!skip_hours)
    {
      g_autoptr(XsImportReport) report = NULL;
      XsDb *db;
      double seconds;
      long again_kb = 0;

      /* The undo above emptied the roster: the hours need it back. */
      time_roster_import (last_dir, roster, options.rows, &again_kb, NULL);

      start = xs_bench_now ();
      db = xs_db_open (last_dir, &error);
      if (db == NULL)
        fail ("xs_db_open", error);
      report = xs_hours_import (db, hours, NULL, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
      if (report == NULL)
        fail ("xs_hours_import", error);
      g_object_unref (db);
      seconds = xs_bench_now () - start;
      check_report (report, n_hours, "hours import");

      if (only_xueshi)
        g_print ("hours import: %u rows in %.2f s (%.0f rows/s)\n",
                 n_hours, seconds, n_hours / seconds);
      else
        {
          double shell = time_shell_import (tmp, "bare-hours.db", "hours.csv", NULL, n_hours, NULL);

          g_print ("hours import: %u rows in %.2f s (%.0f rows/s); sqlite3 .import %.2f s (%.0f rows/s), for scale\n",
                   n_hours, seconds, n_hours / seconds, shell, n_hours / shell);
        }
    }

  return 0;
}
