/* bench-progress.c: progress for every trainee against one hand-written query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a base through the core library — a roster (100,000 rows by
 * default) and an hours sheet of ten rows per trainee for 2018 imported with
 * xs_roster_import() and xs_hours_import() — then approves about half of the
 * claims with one UPDATE through the sqlite3 C API and checkpoints the WAL.
 * Then, best of --runs (5) each, interleaved, in this one process:
 *
 *   xueshi:  xs_progress_compute (db, 2018, NULL) on a database opened with
 *            xs_db_open() (the XsProgress is freed outside the clock)
 *   anchor:  ANCHOR_SQL below on its own sqlite3 connection to the same file,
 *            with the page cache and temp_store that xs_db_open() sets:
 *            prepare, step every row, read every column, finalize
 *
 * Both give, per trainee in id order: id, identity number, name, employer,
 * approved public / compulsory / professional hours and pending public /
 * compulsory / professional hours; the two results are compared row by row
 * (untimed) before the ratio is printed (goal <= 1.2).
 */
#define G_LOG_DOMAIN "xs-bench"

#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "xs-bench-util.h"
#include "xs-db.h"
#include "xs-hours-import.h"
#include "xs-progress.h"
#include "xs-roster-import.h"

#define PROGRESS_GOAL 1.2

/* What a person who knows SQLite writes for "each trainee's approved and
 * pending hours of a year": aggregate the year's claims per trainee once
 * (the (year, trainee_id) index gives them grouped), then attach the roster,
 * keeping trainees without claims. */
static const char anchor_sql[] =
  "SELECT t.id, t.id_number, t.name, t.employer,\n"
  "       coalesce (c.pub, 0), coalesce (c.comp, 0), coalesce (c.prof, 0),\n"
  "       coalesce (c.pending_pub, 0), coalesce (c.pending_comp, 0), coalesce (c.pending_prof, 0)\n"
  "FROM trainee t\n"
  "LEFT JOIN (SELECT trainee_id,\n"
  "                  sum (hours) FILTER (WHERE status = 'approved' AND category = 'public') AS pub,\n"
  "                  sum (hours) FILTER (WHERE status = 'approved' AND compulsory = 1) AS comp,\n"
  "                  sum (hours) FILTER (WHERE status = 'approved' AND category = 'professional') AS prof,\n"
  "                  sum (hours) FILTER (WHERE status = 'submitted' AND category = 'public') AS pending_pub,\n"
  "                  sum (hours) FILTER (WHERE status = 'submitted' AND compulsory = 1) AS pending_comp,\n"
  "                  sum (hours) FILTER (WHERE status = 'submitted' AND category = 'professional') AS pending_prof\n"
  "           FROM claim WHERE year = ?1\n"
  "           GROUP BY trainee_id) c ON c.trainee_id = t.id\n"
  "ORDER BY t.id";

static int n_runs = 5;
static char *db_dir;
static gboolean only_xueshi;
static gboolean show_plan;

static GOptionEntry extra_entries[] = {
  { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Runs of each query; the best counts (default 5)", "N" },
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &db_dir,
    "Use the base already in DIR (from an earlier --keep run) instead of building one", "DIR" },
  { "only-xueshi", 0, 0, G_OPTION_ARG_NONE, &only_xueshi,
    "Time only xs_progress_compute (for a profiler); no anchor, no ratio", NULL },
  { "plan", 0, 0, G_OPTION_ARG_NONE, &show_plan, "Print the anchor query and its query plan", NULL },
  { NULL }
};

typedef struct
{
  gint64 id;
  char  *id_number;
  char  *name;
  char  *employer;
  int    values[6];
} AnchorRow;

static G_GNUC_NORETURN void
fail (const char *what,
      const char *message)
{
  g_printerr ("bench-progress: %s: %s\n", what, message);
  exit (1);
}

static sqlite3 *
open_anchor (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    fail ("sqlite3_open_v2", db ? sqlite3_errmsg (db) : "out of memory");
  /* the same cache as xs_db_open() */
  if (sqlite3_exec (db, "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;",
                    NULL, NULL, NULL) != SQLITE_OK)
    fail ("pragmas", sqlite3_errmsg (db));
  return db;
}

static void
exec_or_fail (sqlite3    *db,
              const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    fail (sql, message);
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK || sqlite3_step (stmt) != SQLITE_ROW)
    fail (sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* One timed run of the anchor: prepare, step every row, read every column. */
static double
time_anchor (sqlite3 *db,
             guint   *n_rows,
             guint64 *checksum)
{
  sqlite3_stmt *stmt = NULL;
  double start = xs_bench_now ();
  double seconds;
  guint64 sum = 0;
  guint n = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, anchor_sql, -1, &stmt, NULL) != SQLITE_OK)
    fail ("prepare", sqlite3_errmsg (db));
  sqlite3_bind_int (stmt, 1, XS_BENCH_YEAR);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sum += (guint64) sqlite3_column_int64 (stmt, 0);
      for (int col = 1; col <= 3; col++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, col);

          sum += text[0] + (guint) sqlite3_column_bytes (stmt, col);
        }
      for (int col = 4; col <= 9; col++)
        sum += (guint) sqlite3_column_int (stmt, col);
      n++;
    }
  if (rc != SQLITE_DONE)
    fail ("step", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  seconds = xs_bench_now () - start;

  *n_rows = n;
  *checksum = sum;
  return seconds;
}

static GArray *
anchor_rows (sqlite3 *db)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (AnchorRow));
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, anchor_sql, -1, &stmt, NULL) != SQLITE_OK)
    fail ("prepare", sqlite3_errmsg (db));
  sqlite3_bind_int (stmt, 1, XS_BENCH_YEAR);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AnchorRow row;

      row.id = sqlite3_column_int64 (stmt, 0);
      row.id_number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row.name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row.employer = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      for (int i = 0; i < 6; i++)
        row.values[i] = sqlite3_column_int (stmt, 4 + i);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    fail ("step", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rows;
}

static void
compare_results (XsProgress *progress,
                 GArray     *anchor)
{
  guint n = xs_progress_get_n_rows (progress);

  if (n != anchor->len)
    {
      g_printerr ("bench-progress: xs_progress_compute gave %u rows, the anchor %u\n", n, anchor->len);
      exit (1);
    }
  for (guint i = 0; i < n; i++)
    {
      const XsProgressRow *r = xs_progress_get_row (progress, i);
      const AnchorRow *a = &g_array_index (anchor, AnchorRow, i);
      int mine[6] = { r->public_hours, r->compulsory, r->professional,
                      r->pending_public, r->pending_compulsory, r->pending_professional };

      if (r->trainee_id != a->id
          || g_strcmp0 (r->id_number, a->id_number) != 0
          || g_strcmp0 (r->name, a->name) != 0
          || g_strcmp0 (r->employer, a->employer) != 0
          || memcmp (mine, a->values, sizeof mine) != 0
          || r->total != r->public_hours + r->professional)
        {
          g_printerr ("bench-progress: row %u differs: trainee %" G_GINT64_FORMAT
                      " %d/%d/%d pending %d/%d/%d; anchor %" G_GINT64_FORMAT " %d/%d/%d pending %d/%d/%d\n",
                      i, r->trainee_id, mine[0], mine[1], mine[2], mine[3], mine[4], mine[5],
                      a->id, a->values[0], a->values[1], a->values[2], a->values[3], a->values[4],
                      a->values[5]);
          exit (1);
        }
    }
}

static void
free_anchor_rows (GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      AnchorRow *a = &g_array_index (rows, AnchorRow, i);

      g_free (a->id_number);
      g_free (a->name);
      g_free (a->employer);
    }
  g_array_unref (rows);
}

static void
check_report (XsImportReport *report,
              guint           expected,
              const char     *what)
{
  if (xs_import_report_get_count (report, XS_ROW_REJECTED) > 0
      || xs_import_report_get_count (report, XS_ROW_ADDED) != expected
      || !xs_import_report_get_committed (report))
    {
      g_autofree char *summary = xs_import_report_format_summary (report);
      g_autofree char *rejections = xs_import_report_format_rejections (report);

      g_printerr ("bench-progress: %s: expected %u rows imported, got: %s\n%.4000s\n",
                  what, expected, summary, rejections ? rejections : "");
      exit (1);
    }
}

/* Roster and hours through the core imports, then about half of the claims
 * approved in one statement. */
static void
build_base (const XsBenchOptions *options,
            const char           *tmp,
            const char           *data_dir)
{
  g_autofree char *roster = g_build_filename (tmp, "roster.csv", NULL);
  g_autofree char *hours = g_build_filename (tmp, "hours.csv", NULL);
  g_autoptr(XsImportReport) roster_report = NULL;
  g_autoptr(XsImportReport) hours_report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  guint n_hours = options->rows * XS_BENCH_HOURS_PER_ROW;
  double start, roster_s, hours_s;
  sqlite3 *raw;
  XsDb *db;

  start = xs_bench_now ();
  if (!xs_bench_generate (roster, hours, options->rows, &error))
    fail ("generate", error->message);
  g_print ("# generated %u roster rows and %u hours rows in %.2f s in %s\n",
           options->rows, n_hours, xs_bench_now () - start, tmp);

  db = xs_db_open (data_dir, &error);
  if (db == NULL)
    fail ("xs_db_open", error->message);
  db_path = g_strdup (xs_db_get_path (db));

  start = xs_bench_now ();
  roster_report = xs_roster_import (db, roster, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  if (roster_report == NULL)
    fail ("xs_roster_import", error->message);
  check_report (roster_report, options->rows, "roster import");
  roster_s = xs_bench_now () - start;

  start = xs_bench_now ();
  hours_report = xs_hours_import (db, hours, NULL, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  if (hours_report == NULL)
    fail ("xs_hours_import", error->message);
  check_report (hours_report, n_hours, "hours import");
  hours_s = xs_bench_now () - start;
  g_object_unref (db);
  g_print ("# setup: roster import %.2f s, hours import %.2f s\n", roster_s, hours_s);

  /* About half, scattered: a multiplicative hash of the claim id. */
  start = xs_bench_now ();
  raw = open_anchor (db_path);
  exec_or_fail (raw,
                "UPDATE claim SET status = 'approved', reviewer = 'bench', "
                "decided_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                "updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') "
                "WHERE year = 2018 AND status = 'submitted' AND (id * 2654435761) % 1000 < 500");
  exec_or_fail (raw, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close (raw);
  g_print ("# setup: approved about half of the claims in %.2f s\n", xs_bench_now () - start);
}

int
main (int    argc,
      char **argv)
{
  XsBenchOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *data_dir = NULL;
  g_autoptr(XsProgress) last = NULL;
  double best_xs = G_MAXDOUBLE, best_anchor = G_MAXDOUBLE;
  gint64 n_trainees, n_claims, n_approved;
  sqlite3 *anchor;
  XsDb *db;

  xs_bench_init (&argc, &argv,
                 "Progress of every trainee divided by one hand-written aggregate query.",
                 extra_entries, &options);
  if (n_runs < 1)
    n_runs = 1;

  if (db_dir != NULL)
    data_dir = g_strdup (db_dir);
  else
    {
      tmp = xs_bench_make_tmpdir (&options);
      data_dir = g_build_filename (tmp, "xueshi", NULL);
      build_base (&options, tmp, data_dir);
    }

  db = xs_db_open (data_dir, &error);
  if (db == NULL)
    fail ("xs_db_open", error->message);
  anchor = open_anchor (xs_db_get_path (db));

  n_trainees = query_int64 (anchor, "SELECT count(*) FROM trainee");
  n_claims = query_int64 (anchor, "SELECT count(*) FROM claim WHERE year = 2018");
  n_approved = query_int64 (anchor, "SELECT count(*) FROM claim WHERE year = 2018 AND status = 'approved'");
  g_print ("# %" G_GINT64_FORMAT " trainees, %" G_GINT64_FORMAT " claims for 2018, %" G_GINT64_FORMAT
           " approved (%.0f%%); SQLite %s; best of %d\n",
           n_trainees, n_claims, n_approved, n_claims ? 100.0 * n_approved / n_claims : 0.0,
           sqlite3_libversion (), n_runs);

  if (show_plan)
    {
      g_autofree char *plan_sql = g_strconcat ("EXPLAIN QUERY PLAN ", anchor_sql, NULL);
      sqlite3_stmt *stmt = NULL;

      g_print ("# anchor:\n%s\n# plan:\n", anchor_sql);
      if (sqlite3_prepare_v2 (anchor, plan_sql, -1, &stmt, NULL) != SQLITE_OK)
        fail ("explain", sqlite3_errmsg (anchor));
      sqlite3_bind_int (stmt, 1, XS_BENCH_YEAR);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_print ("#   %d %d %s\n", sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                 sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);
    }

  for (int run = 0; run < n_runs; run++)
    {
      XsProgress *progress;
      double start, xs, anchor_s = 0;

      start = xs_bench_now ();
      progress = xs_progress_compute (db, XS_BENCH_YEAR, NULL, &error);
      xs = xs_bench_now () - start;
      if (progress == NULL)
        fail ("xs_progress_compute", error->message);
      best_xs = MIN (best_xs, xs);
      g_clear_object (&last);
      last = progress;

      if (!only_xueshi)
        {
          guint64 checksum;
          guint n;

          anchor_s = time_anchor (anchor, &n, &checksum);
          best_anchor = MIN (best_anchor, anchor_s);
          if (n != xs_progress_get_n_rows (progress))
            {
              g_printerr ("bench-progress: anchor gave %u rows, xs_progress_compute %u\n",
                          n, xs_progress_get_n_rows (progress));
              return 1;
            }
        }
      g_print ("# run %d: xueshi %.3f s, anchor %.3f s\n", run + 1, xs, anchor_s);
    }

  if (!only_xueshi)
    {
      GArray *rows = anchor_rows (anchor);

      compare_results (last, rows);
      free_anchor_rows (rows);
    }

  g_print ("# %u trainees qualified for %d under rule set %s\n",
           xs_progress_count_qualified (last), XS_BENCH_YEAR,
           xs_rule_set_get_id (xs_progress_get_rule_set (last)));
  if (only_xueshi)
    g_print ("progress: %u trainees, %" G_GINT64_FORMAT " claims in %.3f s\n",
             xs_progress_get_n_rows (last), n_claims, best_xs);
  else
    g_print ("progress: %u trainees, %" G_GINT64_FORMAT " claims in %.3f s; "
             "hand-written query %.3f s; ratio %.2f (goal <= %.1f)\n",
             xs_progress_get_n_rows (last), n_claims, best_xs, best_anchor,
             best_xs / best_anchor, PROGRESS_GOAL);

  sqlite3_close (anchor);
  g_clear_object (&last);
  g_object_unref (db);
  return 0;
}
