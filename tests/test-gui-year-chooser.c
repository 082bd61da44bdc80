/* test-gui-year-chooser.c: the year chooser opens on the latest year with
 * data unless a year was chosen, and says when the year changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-test-util.h"
#include "xs-year-chooser.h"

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *) data > 0;
}

/* A chooser on @db that has read its years; @n_notified counts "year". */
static XsYearChooser *
chooser_new (XsDb     *db,
             int       default_year,
             gboolean  year_chosen,
             guint    *n_notified)
{
  XsYearChooser *chooser = g_object_new (XS_TYPE_YEAR_CHOOSER,
                                         "default-year", default_year,
                                         "year-chosen", year_chosen,
                                         NULL);

  g_object_ref_sink (chooser);
  g_signal_connect (chooser, "notify::year", G_CALLBACK (count_notify), n_notified);
  g_assert_cmpint (xs_year_chooser_get_year (chooser), ==, 0);
  g_assert_null (xs_year_chooser_get_data_years (chooser));
  g_object_set (chooser, "db", db, NULL);
  g_assert_true (xs_gui_test_wait_until (is_nonzero, n_notified, 20000));
  g_assert_cmpuint (*n_notified, ==, 1);
  return chooser;
}

static void
test_empty_base (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  guint n = 0;
  XsYearChooser *chooser = chooser_new (db, 2017, FALSE, &n);

  g_assert_cmpint (xs_year_chooser_get_year (chooser), ==, 2017);
  g_assert_false (xs_year_item_get_has_data (xs_year_chooser_get_item (chooser)));
  g_assert_cmpuint (xs_year_chooser_get_data_years (chooser)->len, ==, 0);
  g_assert_finalize_object (chooser);
}

static void
test_latest_with_data (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 trainee = xs_test_add_trainee (db, 1);
  guint n = 0, n_chosen = 0;
  XsYearChooser *chooser, *chosen;

  xs_test_add_patent (db, trainee, 2017, 20, "一种输液架", NULL);
  xs_test_add_patent (db, trainee, 2018, 20, "一种病床护栏", NULL);

  chooser = chooser_new (db, 2020, FALSE, &n);
  g_assert_cmpint (xs_year_chooser_get_year (chooser), ==, 2018);
  g_assert_true (xs_year_item_get_has_data (xs_year_chooser_get_item (chooser)));
  g_assert_cmpuint (xs_year_chooser_get_data_years (chooser)->len, ==, 2);
  g_assert_cmpint (g_array_index (xs_year_chooser_get_data_years (chooser), int, 0), ==, 2018);

  /* choosing another year says so, once; a year not listed is refused */
  g_assert_true (xs_year_chooser_select (chooser, 2017));
  g_assert_cmpint (xs_year_chooser_get_year (chooser), ==, 2017);
  g_assert_cmpuint (n, ==, 2);
  g_assert_false (xs_year_chooser_select (chooser, 2017));
  g_assert_false (xs_year_chooser_select (chooser, 1990));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (xs_year_chooser_get_year (chooser), ==, 2017);

  /* the database given again (after a restore) reads nothing again */
  g_object_set (chooser, "db", NULL, NULL);
  g_object_set (chooser, "db", db, NULL);
  xs_gui_test_iterate (300);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (xs_year_chooser_get_year (chooser), ==, 2017);

  /* a year chosen (--year, or a default year set) wins over the data */
  chosen = chooser_new (db, 2020, TRUE, &n_chosen);
  g_assert_cmpint (xs_year_chooser_get_year (chosen), ==, 2020);
  g_assert_false (xs_year_item_get_has_data (xs_year_chooser_get_item (chosen)));

  g_assert_finalize_object (chooser);
  g_assert_finalize_object (chosen);
}

int
main (int   argc,
      char *argv[])
{
  xs_gui_test_init (&argc, &argv);
  g_test_add_func ("/year-chooser/empty-base", test_empty_base);
  g_test_add_func ("/year-chooser/latest-with-data", test_latest_with_data);
  return xs_gui_test_run ();
}
