/* bench-recognise.c: how much of a scanned page recognition gets right,
 * and how long a page takes
 *
 * Pages: the certificate, notice and employer's proof templates with
 * varied names, numbers, hours and dates, drawn at 200 dpi, turned by 1–2°
 * either way, noisy, JPEG quality 60 (tests/xs-test-pages.c).
 *
 * Measured: xs_recognise_file() per page (Tesseract chi_sim+eng and the
 * search for numbers, dates and hours).
 * Anchor: the tesseract program on the same JPEG (chi_sim+eng, text to
 * stdout), spawn to exit, on the first --anchor-pages pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-recognise"

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "xs-bench-util.h"
#include "xs-date.h"
#include "xs-recognise.h"
#include "xs-test-pages.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static gboolean
strv_has (char * const *values,
          const char   *value)
{
  return values != NULL && g_strv_contains ((const char * const *) values, value);
}

int
main (int   argc,
      char *argv[])
{
  int pages = 30, anchor_pages = 3;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_INT, &pages, "Pages to read (default 30)", "N" },
    { "anchor-pages", 0, 0, G_OPTION_ARG_INT, &anchor_pages, "Pages the tesseract program reads too (default 3)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Leave the pages in the temporary folder", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— recognition accuracy and time per page");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tesseract = g_find_program_in_path ("tesseract");
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint found_id = 0, found_hours = 0, found_date = 0, found_all = 0, found_material = 0;
  guint found_name = 0, found_title = 0;
  double anchor_total = 0, ours_on_anchor = 0, total = 0, median;
  int anchored = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (!xs_recognise_is_supported ())
    {
      printf ("1..0 # SKIP built without text recognition\n");
      return 0;
    }
  pages = CLAMP (pages, 1, 1000);
  dir = g_dir_make_tmp ("xueshi-bench-recognise-XXXXXX", &error);
  g_assert_no_error (error);

  printf ("# page kind                   id hours date material  seconds\n");
  for (int i = 0; i < pages; i++)
    {
      XsTestPageKind kind = i % XS_TEST_PAGE_N_KINDS;
      g_autoptr(XsTestPage) page = xs_test_page_new (kind, 1000 + i);
      g_autofree char *path = g_strdup_printf ("%s/page-%02d.jpg", dir, i);
      g_autoptr(XsRecognition) recognition = NULL;
      g_autofree char *iso = xs_date_to_iso (&page->date);
      double degrees = (1.0 + (i % 5) * 0.25) * (i % 2 ? 1 : -1);
      double start, seconds;
      gboolean id, hours = FALSE, date, material;

      if (!xs_test_page_write_jpeg (page, 200, degrees, 18, 60, i, path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      start = now ();
      recognition = xs_recognise_file (path, NULL, NULL, &error);
      seconds = now () - start;
      if (recognition == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
      g_array_append_val (times, seconds);
      total += seconds;

      id = strv_has (recognition->id_numbers, page->id_number);
      for (guint k = 0; k < recognition->n_hours; k++)
        hours = hours || recognition->hours[k] == page->hours * 10;
      date = strv_has (recognition->dates, iso);
      material = g_strcmp0 (recognition->material, xs_test_page_material (kind)) == 0;
      found_id += id;
      found_hours += hours;
      found_date += date;
      found_all += id && hours && date;
      found_material += material;
      found_name += strv_has (recognition->names, page->name);
      found_title += g_strcmp0 (recognition->title, page->title) == 0;
      printf ("# %2d   %-22s %-2s %-5s %-4s %-8s  %.2f\n", i, xs_test_page_material (kind),
              id ? "ok" : "--", hours ? "ok" : "--", date ? "ok" : "--", material ? "ok" : "--",
              seconds);

      if (tesseract != NULL && anchored < anchor_pages)
        {
          const char *args[] = { tesseract, path, "stdout", "-l", "chi_sim+eng", NULL };
          g_autoptr(GSubprocess) process = NULL;

          start = now ();
          process = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                       &error);
          if (process == NULL || !g_subprocess_wait_check (process, NULL, &error))
            {
              g_printerr ("tesseract: %s\n", error->message);
              return 1;
            }
          anchor_total += now () - start;
          ours_on_anchor += seconds;
          anchored++;
        }
      fflush (stdout);
    }

  median = xs_bench_median (&g_array_index (times, double, 0), times->len);
  printf ("pages: %d (200 dpi, turned 1–2°, noise, JPEG quality 60)\n", pages);
  printf ("accuracy: identity number, hours and date all found on %u of %d pages (%.0f%%)\n",
          found_all, pages, 100.0 * found_all / pages);
  printf ("  identity number %u/%d, hours %u/%d, date %u/%d, material %u/%d, name %u/%d, title %u/%d\n",
          found_id, pages, found_hours, pages, found_date, pages, found_material, pages,
          found_name, pages, found_title, pages);
  printf ("time per page: mean %.2f s, median %.2f s, slowest %.2f s\n",
          total / pages, median,
          g_array_index (times, double, times->len - 1));
  if (anchored > 0)
    printf ("anchor: the tesseract program on the first %d pages took %.2f s a page; "
            "ratio xueshi/tesseract = %.2f\n",
            anchored, anchor_total / anchored, ours_on_anchor / anchor_total);
  else
    printf ("anchor: the tesseract program is not installed; no ratio\n");

  if (!keep)
    {
      for (int i = 0; i < pages; i++)
        {
          g_autofree char *path = g_strdup_printf ("%s/page-%02d.jpg", dir, i);

          g_remove (path);
        }
      g_rmdir (dir);
    }
  else
    printf ("pages kept in %s\n", dir);
  return 0;
}
