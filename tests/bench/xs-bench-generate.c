/* xs-bench-generate.c: writes the benchmark's roster and hours CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   xs-bench-generate [--rows N] DIR
 *
 * writes DIR/roster.csv (N rows) and DIR/hours.csv (10 × N rows), the same
 * files bench-import and bench-progress make for themselves.
 */
#define G_LOG_DOMAIN "xs-bench"

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "xs-bench-util.h"

int
main (int    argc,
      char **argv)
{
  XsBenchOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *roster = NULL;
  g_autofree char *hours = NULL;
  double start;

  xs_bench_init (&argc, &argv,
                 "Writes DIR/roster.csv and DIR/hours.csv for the Xueshi benchmarks.",
                 NULL, &options);
  if (argc != 2)
    {
      g_printerr ("Usage: %s [--rows N] DIR\n", g_get_prgname ());
      return 2;
    }

  if (g_mkdir_with_parents (argv[1], 0700) != 0)
    {
      g_printerr ("Cannot make %s\n", argv[1]);
      return 1;
    }
  roster = g_build_filename (argv[1], "roster.csv", NULL);
  hours = g_build_filename (argv[1], "hours.csv", NULL);

  start = xs_bench_now ();
  if (!xs_bench_generate (roster, hours, options.rows, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("wrote %s (%u rows) and %s (%u rows) in %.2f s\n",
           roster, options.rows, hours, options.rows * XS_BENCH_HOURS_PER_ROW,
           xs_bench_now () - start);
  return 0;
}
