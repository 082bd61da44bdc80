/* test-gui-tooltip.c: tooltips keep short Chinese texts on one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-tooltip.h"

#define NARROW 360

static GtkWindow *
narrow_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, NARROW, 400);
  gtk_widget_set_halign (child, GTK_ALIGN_START);
  gtk_widget_set_valign (child, GTK_ALIGN_START);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  xs_gui_test_wait_for_draw (child);
  return window;
}

/* The width and height of @text on one line, in a label of the default font. */
static void
one_line_size (const char *text,
               int        *width,
               int        *height)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new (text));

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, width, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, height, NULL, NULL);
}

static void
test_short_chinese_one_line (void)
{
  g_autoptr(GtkWidget) plain = g_object_ref_sink (gtk_label_new ("主菜单"));
  GtkWidget *label = xs_tooltip_label_new ("主菜单");
  GtkWindow *window;
  int three, line, plain_min, min, nat, height;

  one_line_size ("主菜单", &three, &line);
  g_assert_cmpint (three, >, 0);

  /* GTK's own tooltip label, a wrapping label, may be squeezed to one
   * character: what a narrow window or the screen's edge does to it */
  gtk_label_set_wrap (GTK_LABEL (plain), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (plain), 50);
  gtk_widget_measure (plain, GTK_ORIENTATION_HORIZONTAL, -1, &plain_min, NULL, NULL, NULL);
  g_assert_cmpint (plain_min, <, three / 2);

  window = narrow_window (label);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, >=, three);
  g_assert_cmpint (nat, >=, three);
  g_assert_cmpint (gtk_widget_get_width (label), >=, three);
  /* at the narrowest it can be given, still one line */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, min, NULL, &height, NULL, NULL);
  g_assert_cmpint (height, ==, line);
  g_assert_cmpint (gtk_widget_get_height (label), ==, line);

  gtk_window_destroy (window);
}

static void
test_long_text_wraps (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *label;
  GtkWindow *window;
  int one, line, min, nat, height;

  for (int i = 0; i < 8; i++)
    g_string_append (text, "继续教育学时证明材料");   /* 80 characters */
  one_line_size ("学", &one, &line);

  label = xs_tooltip_label_new (text->str);
  window = narrow_window (label);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  /* about thirty characters a line: neither one line nor a narrow column */
  g_assert_cmpint (min, >=, 25 * one);
  g_assert_cmpint (nat, <=, 36 * one);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, nat, NULL, &height, NULL, NULL);
  g_assert_cmpint (height, >, 2 * line);     /* three lines */
  g_assert_cmpint (height, <=, 4 * line);

  gtk_window_destroy (window);
}

static gboolean
count_query (GtkWidget  *widget,
             int         x,
             int         y,
             gboolean    keyboard,
             GtkTooltip *tooltip,
             guint      *reached)
{
  (*reached)++;
  return FALSE;
}

/* Emits query-tooltip on @widget as GTK does when the pointer rests on
 * it; returns whether a tooltip is to be shown and counts in *@reached
 * whether a handler connected now was still reached. */
static gboolean
query (GtkWidget *widget,
       guint     *reached)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;
  gulong id;

  *reached = 0;
  id = g_signal_connect (widget, "query-tooltip", G_CALLBACK (count_query), reached);
  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_signal_handler_disconnect (widget, id);
  return shown;
}

static void
test_query (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_string (
    "<interface>"
    "  <object class='GtkBox' id='box'>"
    "    <child><object class='GtkButton' id='template'>"
    "      <property name='label'>A</property>"
    "      <property name='tooltip-text'>主菜单</property>"
    "    </object></child>"
    "    <child><object class='GtkButton' id='set'><property name='label'>B</property></object></child>"
    "    <child><object class='GtkButton' id='none'><property name='label'>C</property></object></child>"
    "  </object>"
    "</interface>", -1);
  GtkWidget *box = GTK_WIDGET (gtk_builder_get_object (builder, "box"));
  GtkWidget *from_template = GTK_WIDGET (gtk_builder_get_object (builder, "template"));
  GtkWidget *set = GTK_WIDGET (gtk_builder_get_object (builder, "set"));
  GtkWidget *none = GTK_WIDGET (gtk_builder_get_object (builder, "none"));
  GtkWindow *window;
  guint reached;

  xs_tooltip_set_text (set, "保存草稿");
  window = narrow_window (box);

  /* a tooltip from a template, and one set in C, are shown in the label
   * of their own before GTK's own label would be */
  g_assert_true (query (from_template, &reached));
  g_assert_cmpuint (reached, ==, 0);
  g_assert_true (query (set, &reached));
  g_assert_cmpuint (reached, ==, 0);
  /* set later, as a binding does */
  gtk_widget_set_tooltip_text (none, "预览");
  g_assert_true (query (none, &reached));
  g_assert_cmpuint (reached, ==, 0);
  /* no tooltip: the others are asked */
  gtk_widget_set_tooltip_text (none, NULL);
  gtk_widget_set_has_tooltip (none, TRUE);
  g_assert_false (query (none, &reached));
  g_assert_cmpuint (reached, ==, 1);

  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/tooltip/short-chinese-one-line", test_short_chinese_one_line);
  g_test_add_func ("/tooltip/long-text-wraps", test_long_text_wraps);
  g_test_add_func ("/tooltip/query", test_query);

  return xs_gui_test_run ();
}
