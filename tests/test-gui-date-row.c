/* test-gui-date-row.c: a date typed or picked from the row's calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-date-row.h"
#include "xs-gui-test-util.h"

typedef struct
{
  GtkWindow *window;
  XsDateRow *row;
  GtkWidget *other;     /* somewhere else to move the focus to */
  guint      n_touched;
} Fixture;

static void
count_touched (GObject    *object,
               GParamSpec *pspec,
               Fixture    *fixture)
{
  fixture->n_touched++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *list = gtk_list_box_new ();

  fixture->row = XS_DATE_ROW (xs_date_row_new ());
  g_object_ref (fixture->row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fixture->row), "Date");
  g_signal_connect (fixture->row, "notify::touched", G_CALLBACK (count_touched), fixture);
  fixture->other = gtk_entry_new ();
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (fixture->row));
  gtk_list_box_append (GTK_LIST_BOX (list), fixture->other);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 360, 400);
  gtk_window_set_child (fixture->window, list);
  gtk_window_present (fixture->window);
  xs_gui_test_wait_for_draw (GTK_WIDGET (fixture->row));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  xs_gui_test_finalize (fixture->row, 10000);
}

static GtkCalendar *
calendar (Fixture *fixture)
{
  GtkWidget *found = xs_gui_test_find (GTK_WIDGET (fixture->row), GTK_TYPE_CALENDAR, NULL);

  g_assert_nonnull (found);
  return GTK_CALENDAR (found);
}

static GtkMenuButton *
button (Fixture *fixture)
{
  GtkWidget *found = xs_gui_test_find (GTK_WIDGET (fixture->row), GTK_TYPE_MENU_BUTTON, NULL);

  g_assert_nonnull (found);
  return GTK_MENU_BUTTON (found);
}

/* Opens the calendar and gives the day it shows as YYYY-MM-DD. */
static char *
open_calendar (Fixture *fixture)
{
  g_autoptr(GDateTime) when = NULL;

  gtk_menu_button_popup (button (fixture));
  xs_gui_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button (fixture)))));
  when = gtk_calendar_get_date (calendar (fixture));
  return g_date_time_format (when, "%Y-%m-%d");
}

/* The calendar opens on the typed date, or on the year's first day while
 * the text is no date; a day picked becomes the text and closes it. */
static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *shown = NULL;
  g_autoptr(GDateTime) picked = NULL;

  xs_date_row_set_year (fixture->row, 2018);
  shown = open_calendar (fixture);
  g_assert_cmpstr (shown, ==, "2018-01-01");
  gtk_menu_button_popdown (button (fixture));
  /* opening it picks nothing */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->row)), ==, "");
  g_assert_false (xs_date_row_get_touched (fixture->row));

  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2019年3月5日");
  g_clear_pointer (&shown, g_free);
  shown = open_calendar (fixture);
  g_assert_cmpstr (shown, ==, "2019-03-05");

  picked = g_date_time_new_local (2019, 3, 7, 12, 0, 0);
  gtk_calendar_select_day (calendar (fixture), picked);
  xs_gui_test_iterate (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->row)), ==, "2019-03-07");
  g_assert_true (xs_date_row_get_touched (fixture->row));
  g_assert_cmpuint (fixture->n_touched, ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (button (fixture)))));

  /* half-typed text that is no date: the year's first day again */
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2019-1");
  g_clear_pointer (&shown, g_free);
  shown = open_calendar (fixture);
  g_assert_cmpstr (shown, ==, "2018-01-01");
  gtk_menu_button_popdown (button (fixture));
}

/* Leaving the row with text in it touches it; leaving it empty does not. */
static void
test_left (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture->row)));
  xs_gui_test_iterate (20);
  g_assert_true (gtk_widget_grab_focus (fixture->other));
  xs_gui_test_iterate (20);
  g_assert_false (xs_date_row_get_touched (fixture->row));
  g_assert_cmpuint (fixture->n_touched, ==, 0);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture->row)));
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2018-5");
  xs_gui_test_iterate (20);
  g_assert_false (xs_date_row_get_touched (fixture->row));
  g_assert_true (gtk_widget_grab_focus (fixture->other));
  xs_gui_test_iterate (20);
  g_assert_true (xs_date_row_get_touched (fixture->row));
  g_assert_cmpuint (fixture->n_touched, ==, 1);
}

/* A row that cannot be edited offers no calendar; a date marked wrong is
 * red until its text changes. */
static void
test_locked_and_error (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button (fixture))));
  gtk_editable_set_editable (GTK_EDITABLE (fixture->row), FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button (fixture))));
  gtk_editable_set_editable (GTK_EDITABLE (fixture->row), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button (fixture))));

  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2018-02-30");
  xs_date_row_mark_error (fixture->row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->row), "error"));
  gtk_editable_set_text (GTK_EDITABLE (fixture->row), "2018-02-28");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->row), "error"));
}

int
main (int   argc,
      char *argv[])
{
  xs_gui_test_init (&argc, &argv);
  g_test_add ("/date-row/calendar", Fixture, NULL, fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/date-row/left", Fixture, NULL, fixture_set_up, test_left, fixture_tear_down);
  g_test_add ("/date-row/locked-and-error", Fixture, NULL, fixture_set_up, test_locked_and_error, fixture_tear_down);
  return xs_gui_test_run ();
}
