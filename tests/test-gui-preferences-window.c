/* test-gui-preferences-window.c: the Base page edits the base's profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "xs-base-profile.h"
#include "xs-certificate-templates.h"
#include "xs-gui-test-util.h"
#include "xs-preferences-window.h"
#include "xs-reviewer-item.h"
#include "xs-reviewers-group.h"
#include "xs-signing-key.h"
#include "xs-test-util.h"
#include "xs-trust.h"

#define BASE_NAME "漯河市职业技术学院继续教育基地（䶮𠮷）"

static char *
write_seal (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, "seal.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 40, 40);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.8, 0, 0);
  cairo_arc (cr, 20, 20, 16, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static XsBaseProfile *
stored (XsDb *db)
{
  g_autoptr(GError) error = NULL;
  XsBaseProfile *profile = xs_base_profile_load (db, &error);

  g_assert_no_error (error);
  return profile;
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  GtkWidget *row = xs_gui_test_find (root, type, title);

  g_assert_nonnull (row);
  return row;
}

static GtkSwitch *
switch_of (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = find_row (root, ADW_TYPE_ACTION_ROW, title);

  return GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

static void
apply_text (GtkWidget  *row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  xs_gui_test_iterate (20);
}

static void
test_base_page (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) profile = stored (db);
  g_autoptr(XsBaseProfile) saved = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *seal = write_seal ();
  g_autoptr(GString) too_long = g_string_new (NULL);
  XsPreferencesWindow *prefs;
  GtkWidget *name_row;
  GtkWidget *fingerprint_row;

  xs_base_profile_set_name (profile, "旧名字");
  g_assert_true (xs_base_profile_set_seal_from_file (profile, seal, &error));
  g_assert_true (xs_base_profile_save (profile, db, &error));
  g_assert_no_error (error);

  prefs = xs_preferences_window_new (settings, db, profile);
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_present (GTK_WINDOW (prefs));
  xs_gui_test_wait_for_draw (GTK_WIDGET (prefs));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (prefs));
  xs_gui_test_assert_controls_named (GTK_WIDGET (prefs));

  name_row = find_row (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Name of the base");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "旧名字");
  fingerprint_row = find_row (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "fingerprint");
  /* the key is made with the base: its print is shown */
  g_assert_true (g_regex_match_simple ("^([0-9a-f]{4} ){7}[0-9a-f]{4}$",
                                       adw_action_row_get_subtitle (ADW_ACTION_ROW (fingerprint_row)), 0, 0));

  /* Apply saves the name in the database, at once. */
  apply_text (name_row, "  " BASE_NAME " ");
  saved = stored (db);
  g_assert_cmpstr (xs_base_profile_get_name (saved), ==, BASE_NAME);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, BASE_NAME);

  apply_text (find_row (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Issuing body"), "漯河市人力资源和社会保障局");
  gtk_switch_set_active (switch_of (GTK_WIDGET (prefs), "Landscape"), TRUE);
  gtk_switch_set_active (switch_of (GTK_WIDGET (prefs), "whole identity number"), TRUE);
  g_clear_object (&saved);
  saved = stored (db);
  g_assert_cmpstr (xs_base_profile_get_issuer (saved), ==, "漯河市人力资源和社会保障局");
  g_assert_cmpint (xs_base_profile_get_orientation (saved), ==, XS_CERTIFICATE_LANDSCAPE);
  g_assert_true (xs_base_profile_get_full_id_number (saved));
  g_assert_nonnull (xs_base_profile_get_seal (saved));

  /* A refused name changes nothing and is taken back. */
  for (int i = 0; i < XS_BASE_PROFILE_MAX_NAME + 1; i++)
    g_string_append (too_long, "基");
  apply_text (name_row, too_long->str);
  g_clear_object (&saved);
  saved = stored (db);
  g_assert_cmpstr (xs_base_profile_get_name (saved), ==, BASE_NAME);
  g_assert_cmpstr (xs_base_profile_get_name (profile), ==, BASE_NAME);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, BASE_NAME);

  /* The seal is removed from the database. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.clear-seal", NULL));
  g_clear_object (&saved);
  saved = stored (db);
  g_assert_null (xs_base_profile_get_seal (saved));
  g_assert_cmpstr (xs_base_profile_get_name (saved), ==, BASE_NAME);

  /* Changed elsewhere (the command line, a refused save): the page follows. */
  xs_base_profile_set_orientation (profile, XS_CERTIFICATE_PORTRAIT);
  g_assert_false (gtk_switch_get_active (switch_of (GTK_WIDGET (prefs), "Landscape")));

  /* Typed but not applied: closing the window keeps it. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "漯河市继续教育基地");
  gtk_window_close (GTK_WINDOW (prefs));
  xs_gui_test_iterate (50);
  g_assert_null (prefs);
  g_clear_object (&saved);
  saved = stored (db);
  g_assert_cmpstr (xs_base_profile_get_name (saved), ==, "漯河市继续教育基地");
}

/* The pre-printed paper group: a template per kind, the offset, saved at
 * once; the calibration page can be printed. */
static void
test_printing (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) profile = stored (db);
  g_autoptr(XsBaseProfile) saved = NULL;
  g_autoptr(XsCertificateTemplate) form = NULL;
  g_autofree char *form_path = xs_test_fixture_path ("template-form.json");
  XsPreferencesWindow *prefs;
  AdwComboRow *annual;
  GListModel *names;
  GtkWidget *row;
  GtkSpinButton *right, *down;
  guint position = G_MAXUINT;
  double x, y;

  form = xs_certificate_templates_add (db, form_path, &error);
  g_assert_no_error (error);
  prefs = xs_preferences_window_new (NULL, db, profile);
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 1000);
  gtk_window_present (GTK_WINDOW (prefs));
  xs_gui_test_wait_for_draw (GTK_WIDGET (prefs));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (prefs));
  xs_gui_test_assert_controls_named (GTK_WIDGET (prefs));

  /* the standard design first, then the built-in ones and the base's */
  annual = ADW_COMBO_ROW (find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "Annual certificates"));
  g_assert_nonnull (find_row (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "Completion certificates"));
  /* one place to choose: no other template row beside these */
  g_assert_null (xs_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_COMBO_ROW, "Template"));
  g_assert_cmpuint (adw_combo_row_get_selected (annual), ==, 0);
  names = adw_combo_row_get_model (annual);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i),
                     xs_certificate_template_get_title (form)))
      position = i;
  g_assert_cmpuint (position, <, 4);
  adw_combo_row_set_selected (annual, position);
  xs_gui_test_iterate (20);
  saved = stored (db);
  g_assert_cmpstr (xs_base_profile_get_kind_template (saved, XS_CERTIFICATE_ANNUAL), ==, "red-form-a4");
  g_assert_cmpstr (xs_base_profile_get_kind_template (saved, XS_CERTIFICATE_COMPLETION), ==, "");

  /* the offset, to a tenth of a mm */
  row = find_row (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Move right");
  right = GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  row = find_row (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Move down");
  down = GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  gtk_spin_button_set_value (right, 1.5);
  gtk_spin_button_set_value (down, -0.7);
  xs_gui_test_iterate (20);
  g_clear_object (&saved);
  saved = stored (db);
  xs_base_profile_get_offset (saved, &x, &y);
  g_assert_cmpfloat (fabs (x - 1.5), <, 0.01);
  g_assert_cmpfloat (fabs (y + 0.7), <, 0.01);

  /* changed elsewhere: the page follows */
  xs_base_profile_set_offset (profile, -3, 2);
  g_assert_cmpfloat (fabs (gtk_spin_button_get_value (right) + 3), <, 0.01);
  g_assert_cmpfloat (fabs (gtk_spin_button_get_value (down) - 2), <, 0.01);
  xs_base_profile_set_kind_template (profile, XS_CERTIFICATE_ANNUAL, "");
  g_assert_cmpuint (adw_combo_row_get_selected (annual), ==, 0);

  xs_gui_test_iterate (20);
  xs_gui_test_maybe_shoot (GTK_WIDGET (prefs), "preferences-printing.png");

  /* the calibration page is one click away */
  g_assert_nonnull (find_row (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "Calibration page"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (prefs)));
  gtk_window_close (GTK_WINDOW (prefs));
  xs_gui_test_iterate (50);
  g_assert_null (prefs);
}

static void
test_without_base (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  XsPreferencesWindow *prefs = xs_preferences_window_new (settings, NULL, NULL);
  GtkWidget *name_row;

  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_present (GTK_WINDOW (prefs));
  xs_gui_test_wait_for_draw (GTK_WIDGET (prefs));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (prefs));
  xs_gui_test_assert_controls_named (GTK_WIDGET (prefs));
  name_row = xs_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Name of the base");
  g_assert_true (name_row == NULL || !gtk_widget_is_visible (name_row));

  gtk_window_destroy (GTK_WINDOW (prefs));
  xs_gui_test_iterate (50);
  g_assert_null (prefs);
}

/* What earlier versions kept in the user's settings fills an empty profile
 * when the application opens the database. */
static void
test_adopts_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *seal = write_seal ();
  g_autofree char *seal_contents = NULL;
  g_autoptr(GBytes) seal_bytes = NULL;
  XsApplication *app;
  XsBaseProfile *profile;
  gsize length = 0;

  g_settings_set_string (settings, "base-name", BASE_NAME);
  g_settings_set_string (settings, "seal-image", seal);
  g_settings_set_enum (settings, "certificate-orientation", XS_CERTIFICATE_LANDSCAPE);

  app = xs_gui_test_start_app ();
  profile = xs_application_get_base_profile (app);
  g_assert_nonnull (profile);
  g_assert_false (xs_base_profile_is_empty (profile));
  g_assert_cmpstr (xs_base_profile_get_name (profile), ==, BASE_NAME);
  g_assert_cmpint (xs_base_profile_get_orientation (profile), ==, XS_CERTIFICATE_LANDSCAPE);
  g_assert_true (g_file_get_contents (seal, &seal_contents, &length, NULL));
  seal_bytes = g_bytes_new (seal_contents, length);
  g_assert_true (g_bytes_equal (xs_base_profile_get_seal (profile), seal_bytes));

  /* saved: the database has it without the settings */
  {
    g_autoptr(XsBaseProfile) again = stored (xs_application_get_db (app));

    g_assert_cmpstr (xs_base_profile_get_name (again), ==, BASE_NAME);
  }
  xs_gui_test_stop_app (app);
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer heading)
{
  return find_message_dialog (heading) != NULL;
}

/* The Reviewers group: a key file, then name and side; removing asks. */
static void
test_reviewers (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) profile = stored (db);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *key_path = g_build_filename (dir, "reviewer-key", NULL);
  g_autofree char *pub_path = g_build_filename (dir, "卫健委审核员.pub", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "not-a-key.pub", NULL);
  g_autofree char *text = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GPtrArray) registered = NULL;
  XsPreferencesWindow *prefs;
  XsReviewersGroup *group;
  AdwMessageDialog *dialog;
  GtkWidget *name_row;
  GtkWidget *side_row;
  XsReviewer *reviewer;

  g_assert_true (xs_signing_key_create_file (key_path, &error));
  key = xs_signing_key_open_file (key_path, &error);
  g_assert_no_error (error);
  text = g_strconcat (xs_signing_key_get_public_text (key), "\n", NULL);
  g_assert_true (g_file_set_contents (pub_path, text, -1, &error));
  g_assert_true (g_file_set_contents (bad_path, "xueshi-ed25519:no\n", -1, &error));

  prefs = xs_preferences_window_new (settings, db, profile);
  g_object_add_weak_pointer (G_OBJECT (prefs), (gpointer *) &prefs);
  gtk_window_set_default_size (GTK_WINDOW (prefs), 600, 900);
  gtk_window_present (GTK_WINDOW (prefs));
  xs_gui_test_wait_for_draw (GTK_WIDGET (prefs));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (prefs));
  xs_gui_test_assert_controls_named (GTK_WIDGET (prefs));
  group = XS_REVIEWERS_GROUP (xs_gui_test_find (GTK_WIDGET (prefs), XS_TYPE_REVIEWERS_GROUP, NULL));
  g_assert_nonnull (group);
  g_assert_cmpuint (g_list_model_get_n_items (xs_reviewers_group_get_reviewers (group)), ==, 0);

  /* a file that is no key: said, nothing asked */
  xs_reviewers_group_add_from_file (group, bad_path);
  xs_gui_test_iterate (200);
  g_assert_null (find_message_dialog ("Add the Reviewer?"));

  xs_reviewers_group_add_from_file (group, pub_path);
  g_assert_true (xs_gui_test_wait_until (dialog_shown, (gpointer) "Add the Reviewer?", 30000));
  dialog = find_message_dialog ("Add the Reviewer?");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  name_row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "name");
  side_row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Decides for");
  g_assert_nonnull (name_row);
  g_assert_nonnull (side_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "漯河市卫健委 审核员 䶮𠮷");
  adw_combo_row_set_selected (ADW_COMBO_ROW (side_row), 1);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  xs_gui_test_iterate (100);
  xs_gui_test_maybe_shoot (GTK_WIDGET (dialog), "reviewers-add-dialog.png");
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (100);

  registered = xs_reviewers_list (db, &error);
  g_assert_cmpuint (registered->len, ==, 1);
  reviewer = g_ptr_array_index (registered, 0);
  g_assert_cmpstr (reviewer->name, ==, "漯河市卫健委 审核员 䶮𠮷");
  g_assert_cmpint (reviewer->side, ==, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_cmpstr (reviewer->public_key, ==, xs_signing_key_get_public_text (key));
  g_assert_cmpuint (g_list_model_get_n_items (xs_reviewers_group_get_reviewers (group)), ==, 1);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (prefs), ADW_TYPE_ACTION_ROW, "漯河市卫健委 审核员 䶮𠮷"));
  xs_gui_test_iterate (100);
  xs_gui_test_maybe_shoot (GTK_WIDGET (prefs), "preferences-reviewers.png");
  /* the reviewer's row and its icon button say what they are */
  xs_gui_test_assert_controls_named (GTK_WIDGET (prefs));

  /* removing asks first; Cancel keeps the reviewer */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "reviewers.remove", "x", reviewer->id));
  dialog = find_message_dialog ("Remove the Reviewer?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (xs_reviewers_group_get_reviewers (group)), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "reviewers.remove", "x", reviewer->id));
  dialog = find_message_dialog ("Remove the Reviewer?");
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (xs_reviewers_group_get_reviewers (group)), ==, 0);
  g_clear_pointer (&registered, g_ptr_array_unref);
  registered = xs_reviewers_list (db, &error);
  g_assert_cmpuint (registered->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (prefs));
  xs_gui_test_iterate (50);
  g_assert_null (prefs);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/preferences-window/base-page", test_base_page);
  g_test_add_func ("/gui/preferences-window/printing", test_printing);
  g_test_add_func ("/gui/preferences-window/without-base", test_without_base);
  g_test_add_func ("/gui/preferences-window/adopts-settings", test_adopts_settings);
  g_test_add_func ("/gui/preferences-window/reviewers", test_reviewers);

  return xs_gui_test_run ();
}
