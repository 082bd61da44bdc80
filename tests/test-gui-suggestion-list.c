/* test-gui-suggestion-list.c: what the pages say is offered one finding a
 * row; only Use passes something on, once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-gui-test-util.h"
#include "xs-recognition.h"
#include "xs-suggestion-item.h"
#include "xs-suggestion-list.h"
#include "xs-test-util.h"

static void
on_use (XsSuggestionList *list,
        const char       *field,
        const char       *value,
        GString          *used)
{
  g_string_append_printf (used, "%s=%s;", field, value);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

static guint
count_rows (GtkWidget *root,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, type);
  return n;
}

/* Another person's number is a warning with nothing to use; the title, the
 * date and the hours each have a Use that passes them on once. */
static void
test_offers (void)
{
  g_autofree char *own = xs_test_id_number (4);
  g_autofree char *other = xs_test_id_number (9);
  g_autofree char *text = g_strdup_printf ("结业证书\n姓名：欧阳䶮 身份证号：%s\n身份证号：%s\n"
                                           "于2018年5月6日参加《基层医疗卫生人员继续教育培训班𠮷》，共计24学时。",
                                           own, other);
  g_autoptr(XsRecognition) found = xs_recognition_from_text (text, "欧阳䶮");
  g_autoptr(GString) used = g_string_new (NULL);
  GtkWidget *list = g_object_ref_sink (xs_suggestion_list_new ());
  GtkWidget *warning, *matches, *hours, *use, *title;
  guint n_empty = 0;

  g_assert_true (xs_suggestion_list_get_empty (XS_SUGGESTION_LIST (list)));
  g_signal_connect (list, "use", G_CALLBACK (on_use), used);
  g_signal_connect (list, "notify::empty", G_CALLBACK (count_notify), &n_empty);
  xs_suggestion_list_show (XS_SUGGESTION_LIST (list), found, own, "completion_certificate");
  g_assert_false (xs_suggestion_list_get_empty (XS_SUGGESTION_LIST (list)));
  g_assert_cmpuint (n_empty, ==, 1);

  warning = xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "This certificate names another person");
  g_assert_nonnull (warning);
  g_assert_true (gtk_widget_has_css_class (warning, "warning"));
  g_assert_null (xs_gui_test_find (warning, GTK_TYPE_BUTTON, NULL));
  /* the numbers are masked */
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (warning)), other));
  matches = xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Identity number matches the trainee");
  g_assert_nonnull (matches);
  g_assert_false (gtk_widget_has_css_class (matches, "warning"));
  g_assert_null (xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Kind of paper"));
  g_assert_nonnull (xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Name"));
  g_assert_null (xs_gui_test_find (xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Name"), GTK_TYPE_BUTTON, NULL));

  title = xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Title");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (title)), ==, "基层医疗卫生人员继续教育培训班𠮷");
  hours = xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Hours");
  g_assert_nonnull (hours);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hours)), ==, "24");
  g_assert_cmpstr (used->str, ==, "");

  use = xs_gui_test_find (hours, GTK_TYPE_BUTTON, "Use");
  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
  g_assert_cmpstr (used->str, ==, "hours=240;");
  g_assert_false (gtk_widget_get_sensitive (use));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (use)), ==, "Used");
  /* once */
  g_signal_emit_by_name (use, "clicked");
  g_assert_cmpstr (used->str, ==, "hours=240;");

  g_signal_emit_by_name (xs_gui_test_find (title, GTK_TYPE_BUTTON, "Use"), "clicked");
  g_assert_cmpstr (used->str, ==, "hours=240;title=基层医疗卫生人员继续教育培训班𠮷;");
  g_signal_emit_by_name (xs_gui_test_find (xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Date"), GTK_TYPE_BUTTON, "Use"),
                         "clicked");
  g_assert_cmpstr (used->str, ==, "hours=240;title=基层医疗卫生人员继续教育培训班𠮷;date=2018-05-06;");

  /* the model holds the same findings */
  g_assert_cmpuint (g_list_model_get_n_items (xs_suggestion_list_get_model (XS_SUGGESTION_LIST (list))), ==,
                    count_rows (list, ADW_TYPE_ACTION_ROW));

  xs_suggestion_list_clear (XS_SUGGESTION_LIST (list));
  g_assert_true (xs_suggestion_list_get_empty (XS_SUGGESTION_LIST (list)));
  g_assert_cmpuint (n_empty, ==, 2);
  g_assert_cmpuint (count_rows (list, ADW_TYPE_ACTION_ROW), ==, 0);
  g_assert_finalize_object (list);
}

/* Pages that look like another material than the one asked for are a
 * warning; a new reading replaces the one before, and without the
 * trainee's number nobody is called another person. */
static void
test_kind_of_paper (void)
{
  g_autofree char *other = xs_test_id_number (9);
  g_autofree char *text = g_strdup_printf ("会议通知\n身份证号：%s\n兹定于2018年5月20日召开《河南省护理学会学术年会》。",
                                           other);
  g_autoptr(XsRecognition) found = xs_recognition_from_text (text, NULL);
  GtkWidget *list = g_object_ref_sink (xs_suggestion_list_new ());
  GtkWidget *paper;

  g_assert_cmpstr (found->material, ==, "meeting_notice");
  found->material_confidence = 0.9;
  xs_suggestion_list_show (XS_SUGGESTION_LIST (list), found, NULL, "completion_certificate");
  paper = xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Kind of paper");
  g_assert_nonnull (paper);
  g_assert_true (gtk_widget_has_css_class (paper, "warning"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (paper)), "会议通知"));
  g_assert_null (xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "another person"));
  g_assert_nonnull (xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Identity number matches the trainee"));
  g_assert_null (xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Hours"));

  /* the material asked for, or a guess not sure enough: no warning */
  xs_suggestion_list_show (XS_SUGGESTION_LIST (list), found, NULL, "meeting_notice");
  g_assert_null (xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Kind of paper"));
  g_assert_cmpuint (count_rows (list, ADW_TYPE_ACTION_ROW), ==,
                    g_list_model_get_n_items (xs_suggestion_list_get_model (XS_SUGGESTION_LIST (list))));
  found->material_confidence = 0.4;
  xs_suggestion_list_show (XS_SUGGESTION_LIST (list), found, NULL, "completion_certificate");
  g_assert_null (xs_gui_test_find (list, ADW_TYPE_ACTION_ROW, "Kind of paper"));
  g_assert_finalize_object (list);
}

int
main (int   argc,
      char *argv[])
{
  xs_gui_test_init (&argc, &argv);
  g_test_add_func ("/suggestion-list/offers", test_offers);
  g_test_add_func ("/suggestion-list/kind-of-paper", test_kind_of_paper);
  return xs_gui_test_run ();
}
