/* xs-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-test"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "xs-claim-store.h"
#include "xs-db-private.h"
#include "xs-hours-import.h"
#include "xs-id-number.h"
#include "xs-package.h"
#include "xs-qr-reader.h"
#include "xs-roster-import.h"
#include "xs-signing-key.h"
#include "xs-trainee-store.h"
#include "xs-test-util.h"

static GPtrArray *tmpdirs;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
cleanup_tmpdirs (void)
{
  if (tmpdirs == NULL)
    return;
  for (guint i = 0; i < tmpdirs->len; i++)
    remove_tree (g_ptr_array_index (tmpdirs, i));
  g_clear_pointer (&tmpdirs, g_ptr_array_unref);
}

char *
xs_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("xueshi-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (cleanup_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (dir));
  return dir;
}

void
xs_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *data_dir = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  data_dir = xs_test_make_tmpdir ();
  g_setenv ("XUESHI_DATA_DIR", data_dir, TRUE);
}

char *
xs_test_write_file (const char *name,
                    const char *contents,
                    gssize      length)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
xs_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

char *
xs_test_shared_dir (void)
{
  const char *dir = g_getenv ("XUESHI_SHARED_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_canonicalize_filename (dir, NULL);
}

XsDb *
xs_test_open_db (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autoptr(GError) error = NULL;
  XsDb *db = xs_db_open (dir, &error);

  g_assert_no_error (error);
  return db;
}

char *
xs_test_id_number (guint n)
{
  GDate date;
  char first17[18];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1980);
  g_date_add_days (&date, n / 500);
  /* the sequence's last digit gives the sex: odd for men */
  g_snprintf (first17, sizeof first17, "411102%04d%02d%02d%03u",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
              (n % 500) * 2 + (n % 2));
  return g_strdup_printf ("%s%c", first17, xs_id_number_compute_check (first17));
}

cairo_surface_t *
xs_test_render_page (PopplerPage *page,
                     double       dpi)
{
  const double scale = dpi / 72;
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale), (int) (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

char *
xs_test_scan_page (PopplerPage *page,
                   double       dpi)
{
  g_autoptr(GPtrArray) found = NULL;
  cairo_surface_t *surface = xs_test_render_page (page, dpi);

  found = xs_qr_reader_read_surface (surface);
  cairo_surface_destroy (surface);
  return found->len > 0 ? g_strdup (g_ptr_array_index (found, 0)) : NULL;
}

void
xs_test_run_clear (XsTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
xs_test_run_cli_valist (XsTestRun          *run,
                        const char         *data_dir,
                        const char * const *env,
                        va_list             args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;

  g_ptr_array_add (argv, (char *) g_getenv ("XUESHI_CLI"));
  g_ptr_array_add (argv, (char *) "--data-dir");
  g_ptr_array_add (argv, (char *) data_dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL && env[i + 1] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

static int
sort_names (gconstpointer a,
            gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every file under @dir with its size, sorted: what "nothing changed"
 * compares. */
static void
list_tree (GString    *out,
           const char *dir,
           const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, sort_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *sub = g_strconcat (prefix, g_ptr_array_index (names, i), "/", NULL);
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      if (S_ISDIR (st.st_mode))
        list_tree (out, path, sub);
      else
        g_string_append_printf (out, "%s%s %ld\n", prefix, (const char *) g_ptr_array_index (names, i),
                                (long) st.st_size);
    }
}

char *
xs_test_tree_of (const char *dir)
{
  GString *out = g_string_new (NULL);

  list_tree (out, dir, "");
  return g_string_free (out, FALSE);
}

guint
xs_test_import (XsDb                  *db,
                const char            *csv,
                gboolean               roster,
                const XsTrainingClass *klass)
{
  g_autofree char *path = xs_test_write_file (roster ? "roster.csv" : "hours.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;

  if (roster)
    report = xs_roster_import (db, path, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  else
    report = xs_hours_import (db, path, NULL, klass, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 0);
  return xs_import_report_get_count (report, XS_ROW_ADDED);
}

char *
xs_test_roster_csv (guint       first,
                    guint       n,
                    const char *prefix,
                    const char *employer)
{
  GString *csv = g_string_new ("姓名,身份证号,工作单位\n");

  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *id = xs_test_id_number (i);

      g_string_append_printf (csv, "%s%u,%s,%s\n", prefix, i, id, employer);
    }
  return g_string_free (csv, FALSE);
}

gint64
xs_test_add_trainee (XsDb  *db,
                     guint  n)
{
  return xs_test_add_trainee_full (db, n, NULL, NULL);
}

gint64
xs_test_add_trainee_full (XsDb       *db,
                          guint       n,
                          const char *name,
                          const char *phone)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();
  g_autoptr(GError) error = NULL;

  trainee->id_number = xs_test_id_number (n);
  trainee->name = name ? g_strdup (name) : g_strdup_printf ("学员%u", n);
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市中心医院");
  trainee->phone = g_strdup (phone);
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  g_assert_no_error (error);
  return trainee->id;
}

gint64
xs_test_add_patent (XsDb               *db,
                    gint64              trainee_id,
                    int                 year,
                    int                 hours,
                    const char         *title,
                    const char * const *scans)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;

  claim.trainee_id = trainee_id;
  claim.year = year;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = 7;
  claim.hours = hours;
  claim.title = g_strdup (title);
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 20, 5, year);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  if (scans != NULL)
    g_assert_true (xs_claim_store_attach (db, claim.id, "patent_certificate", scans, &error));
  g_assert_no_error (error);
  return claim.id;
}

char *
xs_test_write_png (const char *name,
                   int         width,
                   int         height,
                   guint8      shade)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, shade / 255.0, 0.5, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

int
xs_test_file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

char *
xs_test_read_file (const char *path,
                   gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

gint64
xs_test_query_int (XsDb       *db,
                   const char *sql)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (_xs_db_step (stmt), ==, XS_DB_ROW);
  return _xs_db_column_int64 (stmt, 0);
}

char *
xs_test_query_text (XsDb       *db,
                    const char *sql)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db, sql, NULL);
  const char *text;

  g_assert_nonnull (stmt);
  g_assert_cmpint (_xs_db_step (stmt), ==, XS_DB_ROW);
  text = _xs_db_column_text (stmt, 0);
  return g_strdup (text ? text : "");
}

gboolean
xs_test_resident_memory_is_meaningful (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return FALSE;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return FALSE;
#else
  return TRUE;
#endif
#else
  return TRUE;
#endif
}

char *
xs_test_export_package (XsDb  *db,
                        guint  first,
                        guint  n)
{
  g_autofree char *scan = xs_test_write_png ("专利证书.png", 64, 48, (guint8) first);
  g_autofree char *back = xs_test_write_png ("专利证书背面.png", 48, 64, (guint8) (first + 128));
  const char *scans[] = { scan, back, NULL };
  XsPackageQuery query = { 2018, NULL, NULL };
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, "学时申报-2018.zip", NULL);

  for (guint i = first; i < first + n; i++)
    {
      gint64 claim_id = xs_test_add_patent (db, xs_test_add_trainee (db, i), 2018, 200, "一种输液装置", scans);

      g_assert_true (xs_claim_store_submit (db, claim_id, &error));
      g_assert_no_error (error);
    }
  key = xs_signing_key_open (xs_db_get_data_dir (db), &error);
  g_assert_no_error (error);
  g_assert_true (xs_package_export (db, key, "漯河市职业技术学院继续教育基地", &query, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}
