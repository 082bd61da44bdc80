/* xs-test-util.h: the shared test environment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdarg.h>

#include <glib.h>
#include <poppler.h>

#include "xs-class-store.h"
#include "xs-db.h"

G_BEGIN_DECLS

/* g_test_init() with TAP output, a C.UTF-8 locale and a fresh private
 * XUESHI_DATA_DIR under a temporary directory. */
void   xs_test_init          (int    *argc,
                              char ***argv);
/* A new empty directory, removed with everything in it at exit. */
char  *xs_test_make_tmpdir   (void);
/* Writes @contents to a new file in a temporary directory; returns the path. */
char  *xs_test_write_file    (const char *name,
                              const char *contents,
                              gssize      length);
/* Path of a file in tests/fixtures/. */
char  *xs_test_fixture_path  (const char *name);
/* ../shared beside the source tree, or NULL when absent (a user's clone). */
char  *xs_test_shared_dir    (void);

/* A new database in a new temporary folder. */
XsDb  *xs_test_open_db       (void);
/* A valid identity number, different for each @n (Luohe, born 1980-01-01
 * plus @n days); odd @n are men. */
char  *xs_test_id_number     (guint       n);

/* Imports the CSV text @csv as a roster (@roster) or as hours, those of
 * @klass when not NULL, and asserts that it worked, no row refused.
 * Returns how many rows it added. */
guint  xs_test_import        (XsDb                  *db,
                              const char            *csv,
                              gboolean               roster,
                              const XsTrainingClass *klass);
/* A roster in CSV: trainees @first … @first + @n - 1, named @prefix and
 * their number, with xs_test_id_number() and @employer. */
char  *xs_test_roster_csv    (guint                  first,
                              guint                  n,
                              const char            *prefix,
                              const char            *employer);
/* Stores trainee @n: "学员@n" of 漯河市中心医院, with xs_test_id_number();
 * returns their id. */
gint64 xs_test_add_trainee   (XsDb                  *db,
                              guint                  n);
/* The same with @name (NULL: as above) and @phone (or NULL). */
gint64 xs_test_add_trainee_full (XsDb                *db,
                                 guint                n,
                                 const char          *name,
                                 const char          *phone);

/* A patent claim (kind 7) of @trainee_id for @hours (tenths), dated 20 May
 * of @year, with @scans (NULL-terminated, or NULL for none) attached as
 * its certificate; returns its id. */
gint64 xs_test_add_patent    (XsDb                  *db,
                              gint64                 trainee_id,
                              int                    year,
                              int                    hours,
                              const char            *title,
                              const char * const    *scans);

/* A @width × @height PNG of one colour (@shade makes it unique), named
 * @name in a new temporary folder; returns its path. */
char  *xs_test_write_png     (const char            *name,
                              int                    width,
                              int                    height,
                              guint8                 shade);
/* The permission bits of @path, which must exist. */
int    xs_test_file_mode     (const char            *path);
/* The whole of @path, which must be readable; @length may be NULL. */
char  *xs_test_read_file     (const char            *path,
                              gsize                 *length);

/* The text in the first column of the one row @sql (a string constant)
 * returns; "" for NULL. */
char  *xs_test_query_text    (XsDb        *db,
                              const char  *sql);
/* The first column of the one row that @sql returns, as a number
 * (a count, an id). */
gint64 xs_test_query_int     (XsDb        *db,
                              const char  *sql);

/* Every file under @dir with its size, one a line, sorted: what "nothing
 * changed" compares. */
char  *xs_test_tree_of       (const char  *dir);

/* What a run of xueshi-cli gave. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} XsTestRun;

void   xs_test_run_clear     (XsTestRun   *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (XsTestRun, xs_test_run_clear)

/* Runs $XUESHI_CLI --data-dir @data_dir ARGS… (a NULL-terminated list of
 * strings in @args) in English, with the NAME, VALUE pairs of @env (NULL
 * or NULL-terminated) set, and logs what it printed. */
void   xs_test_run_cli_valist (XsTestRun          *run,
                               const char         *data_dir,
                               const char * const *env,
                               va_list             args);

/* @page on white at @dpi, drawn as a PDF viewer (and pdftocairo) draws it,
 * smoothing the pictures it enlarges: an RGB24 image. */
cairo_surface_t *xs_test_render_page (PopplerPage *page,
                                      double       dpi);
/* Reads the QR code of @page drawn as xs_test_render_page() does, with the
 * core's reader; NULL when none is found. */
char  *xs_test_scan_page     (PopplerPage *page,
                              double       dpi);

/* Whether this process's resident memory says what the code holds: not
 * under AddressSanitizer, whose shadow memory and quarantine add to it. */
gboolean       xs_test_resident_memory_is_meaningful (void);

/* Stores trainees @first … @first + @n - 1 with a submitted patent of 2018
 * each (two scans), and writes the base's package of 2018 of every
 * employer to a new temporary folder; returns its path. */
char          *xs_test_export_package (XsDb        *db,
                                       guint        first,
                                       guint        n);

G_END_DECLS
