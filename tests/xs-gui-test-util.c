/* xs-gui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "xs-claim-kind.h"
#include "xs-gui-test-util.h"
#include "xs-test-util.h"
#include "xs-tooltip.h"

void
xs_gui_test_init (int    *argc,
                  char ***argv)
{
  g_autofree char *data_dir = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  gtk_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "C.UTF-8");
  adw_init ();
  /* as the application does at startup */
  xs_tooltip_install ();
  data_dir = xs_test_make_tmpdir ();
  g_setenv ("XUESHI_DATA_DIR", data_dir, TRUE);
}

int
xs_gui_test_run (void)
{
  int status = g_test_run ();

  if (!xs_job_wait_all (60000 * xs_gui_test_time_scale ()))
    g_error ("A job was still running 60 s after the tests ended");
  return status;
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Slow builds (sanitizers) and busy machines stretch every wait by
 * XS_TEST_TIME_SCALE; a wait that succeeds returns as soon as it does. */
guint
xs_gui_test_time_scale (void)
{
  const char *text = g_getenv ("XS_TEST_TIME_SCALE");
  guint64 scale = 1;

  if (text != NULL && !g_ascii_string_to_unsigned (text, 10, 1, 100, &scale, NULL))
    scale = 1;
  return (guint) scale;
}

gboolean
xs_gui_test_wait_until (gboolean (*check) (gpointer user_data),
                        gpointer   user_data,
                        guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms * xs_gui_test_time_scale (), on_timeout, &timed_out);
  gboolean ok;

  while (!(ok = check (user_data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return ok;
}

static gboolean
has_result (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static gboolean
is_gone (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

void
xs_gui_test_wait_gone (gpointer weak,
                       guint    timeout_ms)
{
  g_assert_true (xs_gui_test_wait_until (is_gone, weak, timeout_ms));
}

gpointer
xs_gui_test_run_job (XsJob   *job,
                     GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  xs_job_run_async (job, NULL, xs_gui_test_store_result, &result);
  g_assert_true (xs_gui_test_wait_until (has_result, &result, 30000));
  if (!xs_job_run_finish (job, result, error))
    return NULL;
  return xs_job_steal_result (job);
}

void
xs_gui_test_iterate (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, on_timeout, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

void
xs_gui_test_finalize (gpointer object,
                      guint    timeout_ms)
{
  gpointer weak = object;

  g_assert_true (G_IS_OBJECT (object));
  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  if (!xs_gui_test_wait_until (is_gone, &weak, timeout_ms))
    g_error ("%s %p was not finalized within %u ms", G_OBJECT_TYPE_NAME (weak), weak, timeout_ms);
}

static void
on_frame (GdkFrameClock *clock,
          gboolean      *drawn)
{
  *drawn = TRUE;
}

static gboolean
is_true (gpointer user_data)
{
  return *(gboolean *) user_data;
}

void
xs_gui_test_wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean drawn = FALSE;
  gulong id;

  g_assert_true (xs_gui_test_wait_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, widget, 5000));
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame), &drawn);
  gtk_widget_queue_draw (widget);
  g_assert_true (xs_gui_test_wait_until (is_true, &drawn, 5000));
  g_signal_handler_disconnect (clock, id);
}

static gboolean
widget_mentions (GtkWidget  *widget,
                 const char *text)
{
  const char *label = NULL;

  if (text == NULL)
    return TRUE;
  if (GTK_IS_LABEL (widget))
    label = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    label = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (ADW_IS_STATUS_PAGE (widget))
    label = adw_status_page_get_title (ADW_STATUS_PAGE (widget));
  else if (GTK_IS_PROGRESS_BAR (widget))
    label = gtk_progress_bar_get_text (GTK_PROGRESS_BAR (widget));
  return label != NULL && strstr (label, text) != NULL;
}

GtkWidget *
xs_gui_test_find (GtkWidget  *root,
                  GType       type,
                  const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && widget_mentions (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = xs_gui_test_find (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether @child of @widget is a stack's page on its way out (still drawn
 * while the stack slides or fades to another). */
static gboolean
leaving_page (GtkWidget *widget,
              GtkWidget *child)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_visible_child (GTK_STACK (widget)) != child;
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *seen)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      guint keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));

      if (keyval != GDK_KEY_VoidSymbol)
        {
          const char *text = gtk_label_get_label (GTK_LABEL (widget));
          const char *other = g_hash_table_lookup (seen, GUINT_TO_POINTER (gdk_keyval_to_lower (keyval)));

          if (other != NULL)
            g_error ("“%s” and “%s” answer the same mnemonic", other, text);
          g_hash_table_insert (seen, GUINT_TO_POINTER (gdk_keyval_to_lower (keyval)), (gpointer) text);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!leaving_page (widget, child))
      collect_mnemonics (child, seen);
}

/* Whether @widget or a descendant shows words: a label with text. */
static gboolean
shows_words (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_words (child))
      return TRUE;
  return FALSE;
}

static void
check_named (GtkWidget *widget,
             GString   *unnamed)
{
  gboolean control;

  if (!gtk_widget_get_mapped (widget))
    return;
  /* libadwaita 1.2's own: a toast's close button has no name */
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    return;
  control = GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_SWITCH (widget)
            || GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_PASSWORD_ENTRY (widget)
            || GTK_IS_SPIN_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) || GTK_IS_TEXT_VIEW (widget);
  /* a menu button's own toggle button is named by the menu button */
  if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)))
    control = FALSE;
  /* GTK 4.8 labels a button by its own child, words or an icon: a button
   * is named by its accessible label or by the words it shows; another
   * control also by the widget it is labelled by */
  if (control
      && !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL)
      && (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)
          ? !shows_words (widget)
          : !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY)))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      const char *icon = GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;

      g_string_append_printf (unnamed, "\n  %s%s%s%s%s in %s", G_OBJECT_TYPE_NAME (widget),
                              icon != NULL ? " showing " : "", icon != NULL ? icon : "",
                              tooltip != NULL ? " with the tooltip " : "", tooltip != NULL ? tooltip : "",
                              G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
    }
  if (control && !GTK_IS_MENU_BUTTON (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!leaving_page (widget, child))
      check_named (child, unnamed);
}

/* Fails with @what and the widgets @check lists under @root, if any. */
static void
assert_none (GtkWidget  *root,
             void      (*check) (GtkWidget *widget, GString *found),
             const char *what)
{
  g_autoptr(GString) found = g_string_new (NULL);

  check (root, found);
  if (found->len > 0)
    g_error ("%s:%s", what, found->str);
}

void
xs_gui_test_assert_controls_named (GtkWidget *root)
{
  assert_none (root, check_named, "controls without an accessible name");
}

static void
check_label_starts (GtkWidget *widget,
                    GString   *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
      PangoGlyphItem *first;

      if (line != NULL && line->runs != NULL && pango_layout_is_ellipsized (layout))
        {
          first = line->runs->data;
          if (first->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
            g_string_append_printf (cut, " “%s” (%d px)", gtk_label_get_text (GTK_LABEL (widget)),
                                    gtk_widget_get_width (widget));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_label_starts (child, cut);
}

void
xs_gui_test_assert_labels_show_start (GtkWidget *root)
{
  assert_none (root, check_label_starts, "labels whose first words are cut off");
}

/* Adds the mnemonics of @menu's items and of its sections' to @seen; a
 * submenu is a menu of its own. */
static void
collect_menu_mnemonics (GMenuModel *menu,
                        GHashTable *seen)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      const char *underscore;

      if (section != NULL)
        collect_menu_mnemonics (section, seen);
      if (submenu != NULL)
        {
          g_autoptr(GHashTable) own = g_hash_table_new_full (NULL, NULL, NULL, g_free);

          collect_menu_mnemonics (submenu, own);
        }
      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label)
          || (underscore = strchr (label, '_')) == NULL || underscore[1] == '\0')
        continue;
      {
        gpointer key = GUINT_TO_POINTER (g_unichar_tolower (g_utf8_get_char (underscore + 1)));
        const char *other = g_hash_table_lookup (seen, key);

        if (other != NULL)
          g_error ("menu items “%s” and “%s” answer the same mnemonic", other, label);
        g_hash_table_insert (seen, key, g_steal_pointer (&label));
      }
    }
}

static void
check_menu_buttons (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);

      collect_menu_mnemonics (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), seen);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_menu_buttons (child);
}

void
xs_gui_test_assert_menu_mnemonics (GtkWidget *root)
{
  check_menu_buttons (root);
}

void
xs_gui_test_assert_unique_mnemonics (GtkWidget *root)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  collect_mnemonics (root, seen);
}

static void
close_first_window (GApplication *application)
{
  GtkWindow *first = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (first != NULL)
    gtk_window_destroy (first);
}

XsApplication *
xs_gui_test_start_app (void)
{
  XsApplication *app = xs_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (close_first_window), NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_application_activate (G_APPLICATION (app));
  g_application_hold (G_APPLICATION (app));
  return app;
}

void
xs_gui_test_stop_app (XsApplication *app)
{
  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
}

void
xs_gui_test_open_window (XsDb           *db,
                         XsBaseProfile  *profile,
                         int             year,
                         XsWindow      **window)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* as the application opens it with --year, or without */
  *window = g_object_new (XS_TYPE_WINDOW, "db", db, "profile", profile,
                          "default-year", year > 0 ? year : g_date_time_get_year (now),
                          "year-chosen", year > 0, NULL);
  g_object_add_weak_pointer (G_OBJECT (*window), (gpointer *) window);
  gtk_window_present (GTK_WINDOW (*window));
  xs_gui_test_wait_for_draw (GTK_WIDGET (*window));
}

void
xs_gui_test_store_result (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
on_saved_toast (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  XsGuiTestReports *reports = user_data;

  g_clear_pointer (&reports->saved_text, g_free);
  g_clear_pointer (&reports->saved_path, g_free);
  g_variant_get (param, "(ss)", &reports->saved_text, &reports->saved_path);
}

static void
on_toast (GSimpleAction *action,
          GVariant      *param,
          gpointer       user_data)
{
  XsGuiTestReports *reports = user_data;

  g_free (reports->toast_text);
  reports->toast_text = g_variant_dup_string (param, NULL);
}

static void
on_reload (GSimpleAction *action,
           GVariant      *param,
           gpointer       user_data)
{
  ((XsGuiTestReports *) user_data)->n_reloads++;
}

GtkWindow *
xs_gui_test_parent_new (XsGuiTestReports *reports)
{
  static const GActionEntry entries[] = {
    { "show-saved-toast", on_saved_toast, "(ss)" },
    { "show-toast", on_toast, "s" },
    { "reload", on_reload, NULL },
  };
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), reports);
  gtk_widget_insert_action_group (GTK_WIDGET (parent), "win", G_ACTION_GROUP (group));
  return parent;
}

void
xs_gui_test_reports_clear (XsGuiTestReports *reports)
{
  g_clear_pointer (&reports->saved_text, g_free);
  g_clear_pointer (&reports->saved_path, g_free);
  g_clear_pointer (&reports->toast_text, g_free);
}

gboolean
xs_gui_test_reported (gpointer reports)
{
  return ((XsGuiTestReports *) reports)->saved_text != NULL || ((XsGuiTestReports *) reports)->toast_text != NULL;
}

GtkWindow *
xs_gui_test_find_toplevel (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) && g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }
  return NULL;
}

static gboolean
toplevel_gone (gpointer title)
{
  return xs_gui_test_find_toplevel (title) == NULL;
}

gboolean
xs_gui_test_wait_toplevel_gone (const char *title,
                                guint       timeout_ms)
{
  return xs_gui_test_wait_until (toplevel_gone, (gpointer) title, timeout_ms);
}

AdwMessageDialog *
xs_gui_test_find_dialog_headed (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && (heading == NULL
              || g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

AdwMessageDialog *
xs_gui_test_find_message_dialog (void)
{
  return xs_gui_test_find_dialog_headed (NULL);
}

gboolean
xs_gui_test_shows_message_dialog (gpointer unused)
{
  return xs_gui_test_find_message_dialog () != NULL;
}

void
xs_gui_test_select_kind (GtkWidget *root,
                         int        number)
{
  GtkWidget *row = xs_gui_test_find (root, ADW_TYPE_COMBO_ROW, "Kind");
  AdwComboRow *kinds;
  GListModel *model;

  g_assert_nonnull (row);
  kinds = ADW_COMBO_ROW (row);
  model = adw_combo_row_get_model (kinds);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XsClaimKind) kind = g_list_model_get_item (model, i);

      if (xs_claim_kind_get_number (kind) == number)
        {
          adw_combo_row_set_selected (kinds, i);
          return;
        }
    }
  g_assert_not_reached ();
}

XsMaterialRow *
xs_gui_test_material_row (GtkWidget  *root,
                          const char *name)
{
  GtkWidget *row = xs_gui_test_find (root, XS_TYPE_MATERIAL_ROW, name);

  g_assert_nonnull (row);
  return XS_MATERIAL_ROW (row);
}

static gboolean
editor_idle (gpointer editor)
{
  return !xs_claim_editor_get_busy (editor);
}

void
xs_gui_test_wait_editor_idle (XsClaimEditor *editor)
{
  g_assert_true (xs_gui_test_wait_until (editor_idle, editor, 10000));
}

void
xs_gui_test_claim_fixture_set_up (XsGuiTestClaimFixture *fixture,
                                  guint                  n,
                                  const char            *name)
{
  fixture->db = xs_test_open_db ();
  fixture->trainee_id = xs_test_add_trainee_full (fixture->db, n, name, NULL);
  fixture->parent = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (fixture->parent), (gpointer *) &fixture->parent);
  gtk_window_present (fixture->parent);
}

void
xs_gui_test_claim_fixture_tear_down (XsGuiTestClaimFixture *fixture)
{
  gtk_window_destroy (fixture->parent);
  xs_gui_test_iterate (50);
  g_assert_null (fixture->parent);
  g_assert_finalize_object (fixture->db);
}

void
xs_gui_test_maybe_shoot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("XUESHI_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  xs_gui_test_wait_for_draw (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("nothing drawn for %s", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
