/* test-gui-trainees-view.c: every row of the trainees list shows one
 * trainee, its bars included, after a search and a scroll
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "xs-date.h"
#include "xs-gui-test-util.h"
#include "xs-hours-bar.h"
#include "xs-test-util.h"
#include "xs-text-cell.h"
#include "xs-trainee-model.h"
#include "xs-trainees-view.h"

#define N_TRAINEES 300

/* Trainee n: named 学员n (three digits), n + 1 tenths of an hour in all. */
static XsTraineeModel *
make_model (void)
{
  XsTraineeModel *model = xs_trainee_model_new ();

  for (guint n = 0; n < N_TRAINEES; n++)
    {
      g_autofree char *name = g_strdup_printf ("学员%03u", n);
      g_autofree char *id_number = xs_test_id_number (n + 1);
      XsProgressRow row = {
        .trainee_id = n + 1,
        .id_number = id_number,
        .name = name,
        .employer = "漯河市中心医院",
        .public_hours = 2 * n + 1,
        .total = n + 1,
      };

      xs_trainee_model_append (model, &row, FALSE, NULL);
    }
  return model;
}

typedef struct
{
  XsTraineesView *view;
  guint           n;
} Shown;

static gboolean
shows (gpointer user_data)
{
  Shown *shown = user_data;

  return xs_trainees_view_get_n_shown (shown->view) == shown->n;
}

/* The texts and bars under @widget, in order. */
static void
collect (GtkWidget *widget,
         GPtrArray *found)
{
  if (XS_IS_TEXT_CELL (widget) || XS_IS_HOURS_BAR (widget))
    {
      g_ptr_array_add (found, widget);
      if (XS_IS_HOURS_BAR (widget))
        return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, found);
}

/* Each row of the list: its name's number, and its bars show that
 * trainee's public hours and total. Returns the rows checked. */
static guint
check_rows (XsTraineesView *view)
{
  GtkWidget *list = NULL;
  guint n_rows = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (xs_gui_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      list = child;
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new ();
      const char *name;
      g_autofree char *public_hours = NULL;
      g_autofree char *total = NULL;
      g_autofree char *public_text = NULL;
      g_autofree char *total_text = NULL;
      guint n;

      collect (row, cells);
      if (cells->len == 0)
        continue;
      /* name, identity number, employer, public, professional, total, status */
      g_assert_cmpuint (cells->len, ==, 7);
      name = xs_text_cell_get_text (g_ptr_array_index (cells, 0));
      g_assert_true (g_str_has_prefix (name, "学员"));
      /* what a screen reader says of the cell */
      gtk_test_accessible_assert_property (g_ptr_array_index (cells, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      gtk_test_accessible_assert_property (g_ptr_array_index (cells, 5), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           xs_hours_bar_get_text (g_ptr_array_index (cells, 5)));
      /* the identity number in figures of one width, the status in words */
      g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (cells, 1), "numeric"));
      g_assert_cmpstr (xs_text_cell_get_text (g_ptr_array_index (cells, 6)), ==, "In progress");
      n = (guint) atoi (name + strlen ("学员"));
      public_text = xs_hours_format (2 * n + 1);
      total_text = xs_hours_format (n + 1);
      public_hours = g_strdup_printf ("%s / ", public_text);
      total = g_strdup_printf ("%s / ", total_text);
      g_assert_true (g_str_has_prefix (xs_hours_bar_get_text (g_ptr_array_index (cells, 3)), public_hours));
      g_assert_true (g_str_has_prefix (xs_hours_bar_get_text (g_ptr_array_index (cells, 5)), total));
      n_rows++;
    }
  return n_rows;
}

/* How long the list the view shows is: rows still to come or to go
 * included. */
static guint
listed (XsTraineesView *view)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (xs_gui_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (list)));
}

static gboolean
all_listed (gpointer user_data)
{
  Shown *shown = user_data;

  return listed (shown->view) == shown->n;
}

/* Rows whose cells are there but show nothing: past the end of a list
 * that is getting shorter. */
static guint
count_blank_rows (XsTraineesView *view)
{
  GtkWidget *column_view = xs_gui_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (column_view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      for (GtkWidget *row = gtk_widget_get_first_child (child); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          g_autoptr(GPtrArray) cells = g_ptr_array_new ();

          collect (row, cells);
          if (cells->len == 0 || gtk_widget_get_opacity (g_ptr_array_index (cells, 0)) > 0)
            continue;
          /* nothing in them is drawn, and nothing said */
          for (guint i = 0; i < cells->len; i++)
            g_assert_cmpfloat (gtk_widget_get_opacity (g_ptr_array_index (cells, i)), ==, 0);
          g_assert_null (xs_text_cell_get_text (g_ptr_array_index (cells, 0)));
          n++;
        }
  return n;
}

/* Whether every text cell and bar under @data says its text to a screen
 * reader. */
static gboolean
all_named (gpointer data)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();

  collect (data, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (cells, i);
      const char *text = XS_IS_TEXT_CELL (cell) ? xs_text_cell_get_text (XS_TEXT_CELL (cell))
                                                : xs_hours_bar_get_text (XS_HOURS_BAR (cell));
      g_autofree char *wrong = NULL;

      if (text == NULL)
        continue;
      wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, text);
      if (wrong != NULL)
        return FALSE;
    }
  return TRUE;
}

static void
test_rows_follow_search (void)
{
  g_autoptr(XsTraineeModel) model = make_model ();
  GtkWidget *window = gtk_window_new ();
  XsTraineesView *view = g_object_new (XS_TYPE_TRAINEES_VIEW, NULL);
  Shown shown = { view, N_TRAINEES };
  GtkAdjustment *adjustment;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  xs_trainees_view_set_model (view, model);
  gtk_window_present (GTK_WINDOW (window));
  xs_gui_test_wait_for_draw (window);
  xs_gui_test_assert_unique_mnemonics (window);
  xs_gui_test_assert_controls_named (window);
  g_assert_true (xs_gui_test_wait_until (shows, &shown, 10000));
  /* GTK keeps more rows than the screen shows; those below it are named
   * after the frame */
  g_assert_true (xs_gui_test_wait_until (all_named, view, 10000));
  g_assert_cmpuint (check_rows (view), >, 30);

  /* 学员200 to 学员299 move up into the rows of 学员000 to 学员099: those
   * on screen at once, the others after the frame */
  xs_trainees_view_set_search (view, "学员2");
  shown.n = 100;
  g_assert_true (xs_gui_test_wait_until (shows, &shown, 10000));
  /* the rows GTK keeps past the 100th stay a moment and go in steps */
  g_assert_cmpuint (listed (view), >, 100);
  xs_gui_test_wait_for_draw (window);
  xs_gui_test_assert_unique_mnemonics (window);
  xs_gui_test_assert_controls_named (window);
  g_assert_true (xs_gui_test_wait_until (all_listed, &shown, 10000));
  /* the rows below the screen are named after the frame */
  g_assert_true (xs_gui_test_wait_until (all_named, view, 10000));
  g_assert_cmpuint (check_rows (view), >, 30);

  /* 10 rows, fewer than the screen shows: those after them on screen are
   * blank at once, and all go in steps */
  xs_trainees_view_set_search (view, "学员29");
  shown.n = 10;
  g_assert_true (xs_gui_test_wait_until (shows, &shown, 10000));
  g_assert_cmpuint (listed (view), >, 10);
  g_assert_cmpuint (count_blank_rows (view), >, 5);
  xs_gui_test_maybe_shoot (window, "trainees-getting-shorter");
  g_assert_true (xs_gui_test_wait_until (all_listed, &shown, 10000));
  g_assert_cmpuint (count_blank_rows (view), ==, 0);
  g_assert_true (xs_gui_test_wait_until (all_named, view, 10000));
  g_assert_cmpuint (check_rows (view), ==, 10);
  xs_trainees_view_set_search (view, "学员2");
  shown.n = 100;
  g_assert_true (xs_gui_test_wait_until (all_listed, &shown, 10000));

  /* and back, scrolled half way down */
  xs_trainees_view_set_search (view, "");
  shown.n = N_TRAINEES;
  g_assert_true (xs_gui_test_wait_until (shows, &shown, 10000));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (xs_gui_test_find (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  xs_gui_test_iterate (300);
  xs_trainees_view_set_search (view, "学员1");
  shown.n = 100;
  g_assert_true (xs_gui_test_wait_until (shows, &shown, 10000));
  g_assert_true (xs_gui_test_wait_until (all_listed, &shown, 10000));
  /* the rows below the screen are named after the frame */
  g_assert_true (xs_gui_test_wait_until (all_named, view, 10000));
  g_assert_cmpuint (check_rows (view), >, 30);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A text cell takes its width from its column and its height from the
 * font, not from its text; a screen reader hears its text and tooltip
 * after the frame. */
static void
test_text_cell (void)
{
  GtkWidget *cell = g_object_ref_sink (xs_text_cell_new ());
  int short_width, long_width, height;

  xs_text_cell_set_text (XS_TEXT_CELL (cell), "王伟");
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &short_width, NULL, NULL);
  gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  xs_text_cell_set_text (XS_TEXT_CELL (cell), "漯河市郾城区人民医院（漯河市第二人民医院）𠮷䶮分院住院部");
  gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &long_width, NULL, NULL);
  g_assert_cmpint (short_width, >, 0);
  g_assert_cmpint (long_width, ==, short_width);
  g_assert_cmpint (height, >, 0);

  xs_text_cell_set_tooltip (XS_TEXT_CELL (cell), "Lacks 12 professional hours");
  xs_gui_test_iterate (100);
  gtk_test_accessible_assert_role (cell, GTK_ACCESSIBLE_ROLE_LABEL);
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "漯河市郾城区人民医院（漯河市第二人民医院）𠮷䶮分院住院部");
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Lacks 12 professional hours");
  g_assert_cmpstr (xs_text_cell_get_tooltip (XS_TEXT_CELL (cell)), ==, "Lacks 12 professional hours");
  g_assert_true (gtk_widget_get_has_tooltip (cell));
  g_object_unref (cell);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/trainees-view/rows-follow-search", test_rows_follow_search);
  g_test_add_func ("/trainees-view/text-cell", test_text_cell);
  return xs_gui_test_run ();
}
