/* bench-preview.c: the first page of a 100-page scan on screen, against
 * poppler's own cairo renderer
 *
 * Makes a PDF like a stack of scanned forms (A4 pages that are noisy
 * pictures, which compress badly), then times, best of N, interleaved:
 *
 *   xueshi:  xs_evidence_viewer_load_file() in a window that is already on
 *            screen, until a frame has been painted with the first page's
 *            texture (under Xvfb, with the renderer the application
 *            takes: see xs-renderer.c);
 *   anchor:  `pdftocairo -f 1 -l 1 -r 96 -tiff FILE out`, spawn to exit.
 *
 * It prints the ratio of the best times and the median of each run's
 * ratio. The second is the steadier: a run's two times are taken one right
 * after the other, while the machine's speed drifts over seconds (a virtual
 * machine's processor can run at half speed for seconds at a time, which
 * the best of a few runs may or may not escape on either side).
 *
 * Needs a display (run it under xvfb-run); exits 77 (skipped) without one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "xs-bench-util.h"
#include "xs-document.h"
#include "xs-evidence-viewer.h"
#include "xs-renderer.h"

static int n_pages = 100;
static int runs = 5;
static int dpi = 150;
static char *tmpdir_parent;
static gboolean keep;
static char *pdf_path;
static int render_width;

static GOptionEntry entries[] = {
  { "pages", 0, 0, G_OPTION_ARG_INT, &n_pages, "Pages of the generated scan (default 100)", "N" },
  { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, "Resolution of the scanned pages (default 150)", "DPI" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs of each, the best counts (default 5)", "N" },
  { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path, "Time this PDF instead of a generated one", "FILE" },
  { "tmpdir", 0, 0, G_OPTION_ARG_FILENAME, &tmpdir_parent,
    "Make the temporary directory in DIR (default $TMPDIR or /tmp)", "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the temporary directory", NULL },
  { "render-width", 0, 0, G_OPTION_ARG_INT, &render_width,
    "Only draw page 1 of --pdf once, N pixels wide, as the viewer does, and exit (to count "
    "its instructions against pdftocairo's)", "N" },
  { NULL }
};

/* ---- the scan ----------------------------------------------------------- */

static guint64 rng_state = 0x2545F4914F6CDD1DULL;

static inline guint32
next_random (void)
{
  /* xorshift64* */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (guint32) ((rng_state * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D)) >> 32);
}

/* One scanned page: greyish paper with grain, darker lines of "text" and a
 * stamp, all with sensor noise. Every fourth page (the first among them) is
 * a colour scan, the others are grey (cairo stores those as DeviceGray). */
static cairo_surface_t *
make_scan (int  width,
           int  height,
           int  page)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  gboolean colour = page % 4 == 0;
  int line_height = height / 40;

  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (data + (gsize) y * stride);
      int line = y / line_height;
      gboolean text_row = line > 3 && line < 36 && (y % line_height) > line_height / 3;

      for (int x = 0; x < width; x++)
        {
          guint32 r = next_random ();
          int paper = 232 + (int) (r & 15) - 8;            /* grain: ±8 */
          int value = paper;
          int red, green, blue;

          /* Words: dark runs along the text rows. */
          if (text_row && x > width / 10 && x < width * 9 / 10
              && ((x / 23 + line * 7 + page) % 5) != 0)
            value = 40 + (int) ((r >> 8) & 63);
          red = green = blue = value;
          if (colour)
            {
              int dx = x - width * 3 / 4, dy = y - height * 4 / 5;

              /* A red stamp, and a slightly yellowed paper. */
              if (dx * dx + dy * dy < (width / 8) * (width / 8))
                {
                  red = MIN (255, value + 40);
                  green = value / 3;
                  blue = value / 3;
                }
              else
                blue = MAX (0, value - 12 - (int) ((r >> 16) & 7));
            }
          row[x] = (guint32) red << 16 | (guint32) green << 8 | (guint32) blue;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static void
write_scan (const char *path)
{
  double width_pt = 595.28, height_pt = 841.89;
  int width = (int) (width_pt / 72 * dpi + 0.5);
  int height = (int) (height_pt / 72 * dpi + 0.5);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, width_pt, height_pt);
  cairo_t *cr = cairo_create (pdf);

  for (int page = 0; page < n_pages; page++)
    {
      cairo_surface_t *scan = make_scan (width, height, page);

      cairo_save (cr);
      cairo_scale (cr, width_pt / width, height_pt / height);
      cairo_set_source_surface (cr, scan, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_show_page (cr);
      cairo_surface_destroy (scan);
    }
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  if (cairo_surface_status (pdf) != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("cannot write %s: %s\n", path, cairo_status_to_string (cairo_surface_status (pdf)));
      exit (1);
    }
  cairo_surface_destroy (pdf);
}

/* ---- the viewer --------------------------------------------------------- */

typedef struct
{
  GtkPicture *picture;
  gboolean    textured;   /* the page's texture is set */
  gboolean    painted;    /* a frame was painted after that */
  double      end;
} Watch;

static void
on_paintable (GtkPicture *picture,
              GParamSpec *pspec,
              Watch      *watch)
{
  if (GDK_IS_TEXTURE (gtk_picture_get_paintable (picture)))
    watch->textured = TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Watch         *watch)
{
  if (watch->textured && !watch->painted)
    {
      watch->painted = TRUE;
      watch->end = xs_bench_now ();
    }
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
iterate_until (gboolean *flag,
               double    timeout)
{
  double deadline = xs_bench_now () + timeout;

  while (!*flag && xs_bench_now () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!*flag)
    {
      g_printerr ("timed out\n");
      exit (1);
    }
}

static void
on_mapped_paint (GdkFrameClock *clock,
                 gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean renderer_told;

/* Seconds from load_file() to a frame painted with the first page. */
static double
time_viewer (const char *path)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *viewer = xs_evidence_viewer_new ();
  GdkFrameClock *clock;
  Watch watch = { NULL, FALSE, FALSE, 0 };
  gboolean shown = FALSE;
  gulong id;
  double start;

  /* The window xs_evidence_viewer_present() makes, on screen and idle. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (viewer, TRUE);
  gtk_box_append (GTK_BOX (box), viewer);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_mapped_paint), &shown);
  gtk_widget_queue_draw (window);
  iterate_until (&shown, 10);
  g_signal_handler_disconnect (clock, id);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  if (!renderer_told)
    {
      g_print ("# GTK renderer: %s (the application's choice; GSK_RENDERER=cairo or gl overrides it)\n",
               G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
      renderer_told = TRUE;
    }

  watch.picture = GTK_PICTURE (find_named (viewer, "page-picture"));
  g_signal_connect (watch.picture, "notify::paintable", G_CALLBACK (on_paintable), &watch);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &watch);

  start = xs_bench_now ();
  xs_evidence_viewer_load_file (XS_EVIDENCE_VIEWER (viewer), path, "scan.pdf");
  iterate_until (&watch.painted, 60);

  g_signal_handler_disconnect (clock, id);
  g_signal_handlers_disconnect_by_data (watch.picture, &watch);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  return watch.end - start;
}

/* Waits until the file just written is on disk: its ~200 MB would
 * otherwise be written back while the runs are timed, slowing whichever
 * reads it at that moment. */
static void
settle (const char *path)
{
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0 || fsync (fd) != 0)
    g_printerr ("bench-preview: cannot sync %s: %s\n", path, g_strerror (errno));
  if (fd >= 0)
    close (fd);
}

/* --render-width: page 1 drawn once by the viewer's own function, at the
 * width a view shows it, with nothing else around it. */
static int
render_once (void)
{
  g_autoptr(XsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double width;

  if (pdf_path == NULL)
    {
      g_printerr ("--render-width needs --pdf FILE\n");
      return 2;
    }
  document = xs_document_new_from_file (pdf_path, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s: %s\n", pdf_path, error->message);
      return 1;
    }
  xs_document_get_page_size (document, 0, &width, NULL);
  surface = xs_document_render_page (document, 0, render_width / width, &error);
  if (surface == NULL)
    {
      g_printerr ("%s: %s\n", pdf_path, error->message);
      return 1;
    }
  g_print ("page 1 drawn %d × %d pixels\n", cairo_image_surface_get_width (surface),
           cairo_image_surface_get_height (surface));
  cairo_surface_destroy (surface);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  XsBenchOptions options = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out_dir = NULL;
  double best_viewer = G_MAXDOUBLE, best_anchor = G_MAXDOUBLE, generated;
  g_autofree double *ratios = NULL;
  GStatBuf info;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_option_context_set_summary (context,
                                "Time from xs_evidence_viewer_load_file() to the first page of a scanned "
                                "PDF on screen, against pdftocairo -tiff of that page.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (n_pages < 1 || n_pages > 2000 || runs < 1 || dpi < 50 || dpi > 600)
    {
      g_printerr ("--pages 1…2000, --runs ≥ 1, --dpi 50…600\n");
      return 2;
    }
  if (render_width > 0)
    return render_once ();
  if (!gtk_init_check ())
    {
      g_print ("skipped: no display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();
  /* the renderer the application would take here */
  xs_renderer_choose_for_display (gdk_display_get_default ());

  options.tmpdir = tmpdir_parent;
  options.keep = keep;
  if (keep)
    {
      /* xs_bench_make_tmpdir() removes its directories at exit. */
      g_autofree char *template = g_build_filename (tmpdir_parent != NULL ? tmpdir_parent : g_get_tmp_dir (),
                                                    "xueshi-bench-XXXXXX", NULL);

      if (g_mkdtemp (template) == NULL)
        {
          g_printerr ("cannot make a directory for %s\n", template);
          return 1;
        }
      dir = g_steal_pointer (&template);
    }
  else
    dir = xs_bench_make_tmpdir (&options);
  out_dir = g_build_filename (dir, "out", NULL);
  g_mkdir (out_dir, 0700);

  if (pdf_path != NULL)
    path = g_canonicalize_filename (pdf_path, NULL);
  else
    {
      path = g_build_filename (dir, "scan.pdf", NULL);
      generated = xs_bench_now ();
      write_scan (path);
      settle (path);
      if (g_stat (path, &info) == 0)
        g_print ("# %d scanned A4 pages at %d dpi (every 4th in colour, the first among them): "
                 "%.1f MB, made in %.1f s\n",
                 n_pages, dpi, info.st_size / 1e6, xs_bench_now () - generated);
    }

  ratios = g_new (double, runs);
  for (int run = 0; run < runs; run++)
    {
      const char *anchor_argv[] = { "pdftocairo", "-f", "1", "-l", "1", "-r", "96", "-tiff",
                                    path, "out/page", NULL };
      double viewer_seconds, anchor_seconds;

      viewer_seconds = time_viewer (path);
      if (!xs_bench_time_command (anchor_argv, dir, &anchor_seconds, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print ("# run %d: first page on screen %.1f ms; pdftocairo -tiff %.1f ms\n",
               run + 1, viewer_seconds * 1000, anchor_seconds * 1000);
      ratios[run] = viewer_seconds / anchor_seconds;
      best_viewer = MIN (best_viewer, viewer_seconds);
      best_anchor = MIN (best_anchor, anchor_seconds);
    }

  g_print ("first page on screen: %.0f ms; pdftocairo -tiff: %.0f ms (best of %d each); ratio %.2f; "
           "median of the runs' ratios %.2f (goal <= 0.8)\n",
           best_viewer * 1000, best_anchor * 1000, runs, best_viewer / best_anchor,
           xs_bench_median (ratios, runs));

  if (keep)
    g_print ("# kept %s\n", dir);
  return 0;
}
