/* xs-bench-util.h: data generator and timing helpers for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The full-size run the issue asks for. */
#define XS_BENCH_DEFAULT_ROWS   100000
#define XS_BENCH_HOURS_PER_ROW  10
#define XS_BENCH_YEAR           2018

typedef struct
{
  guint   rows;      /* roster rows; hours rows are XS_BENCH_HOURS_PER_ROW × rows */
  char   *tmpdir;    /* parent of the temporary directory, NULL for $TMPDIR */
  gboolean keep;     /* leave the temporary directory behind */
} XsBenchOptions;

/* Parses --rows N, --tmpdir DIR, --keep (plus @extra entries, may be NULL),
 * sets a C.UTF-8 locale. Exits 2 on a usage error. */
void      xs_bench_init           (int            *argc,
                                   char         ***argv,
                                   const char     *summary,
                                   GOptionEntry   *extra,
                                   XsBenchOptions *options);

/* A new directory, removed with everything in it by xs_bench_cleanup()
 * unless options->keep. */
char     *xs_bench_make_tmpdir    (const XsBenchOptions *options);
void      xs_bench_cleanup        (void);
/* Removes @path and everything below it. */
void      xs_bench_remove_tree    (const char *path);

/* Writes @n_trainees roster rows to @roster_path (UTF-8, CRLF, the real
 * Chinese headers, valid distinct identity numbers) and, when @hours_path
 * is not NULL, XS_BENCH_HOURS_PER_ROW hours rows per trainee for
 * XS_BENCH_YEAR. Deterministic. Returns FALSE with @error on a write error. */
gboolean  xs_bench_generate       (const char  *roster_path,
                                   const char  *hours_path,
                                   guint        n_trainees,
                                   GError     **error);

/* Monotonic seconds. */
double    xs_bench_now            (void);
/* Sorts the @n @values (n ≥ 1) and returns the middle one (the upper of
 * the two middle ones when @n is even). */
double    xs_bench_median         (double      *values,
                                   gsize        n);
/* Seconds a command took, running it in @cwd; FALSE with @error when it
 * failed or wrote to stderr. */
gboolean  xs_bench_time_command   (const char * const *argv,
                                   const char  *cwd,
                                   double      *seconds,
                                   GError     **error);

G_END_DECLS
