/* xs-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-demo.h"
#include "xs-sidebar-row.h"
#include "xs-window-package-private.h"
#include "xs-window-private.h"
#include "xs-report.h"

G_DEFINE_FINAL_TYPE (XsWindow, xs_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_actions (XsWindow *self);

enum
{
  PROP_0,
  PROP_DB,
  PROP_YEAR,
  PROP_TRAINEES,
  PROP_PROFILE,
  PROP_DEFAULT_YEAR,
  PROP_YEAR_CHOSEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsWindow *
xs_window_new (GtkApplication *application,
               XsDb           *db,
               XsBaseProfile  *profile,
               int             default_year,
               gboolean        year_chosen)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (db == NULL || XS_IS_DB (db), NULL);

  return g_object_new (XS_TYPE_WINDOW,
                       "application", application,
                       "db", db,
                       "profile", profile,
                       "default-year", default_year,
                       "year-chosen", year_chosen,
                       NULL);
}

XsDb *
xs_window_get_db (XsWindow *self)
{
  g_return_val_if_fail (XS_IS_WINDOW (self), NULL);
  return self->db;
}

int
xs_window_get_year (XsWindow *self)
{
  int year;

  g_return_val_if_fail (XS_IS_WINDOW (self), 0);

  /* (during the template's bindings there is no chooser yet) */
  year = self->year_chooser != NULL ? xs_year_chooser_get_year (self->year_chooser) : 0;
  return year > 0 ? year : self->default_year;
}

const char *
xs_window_get_page (XsWindow *self)
{
  g_return_val_if_fail (XS_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
show_toast (XsWindow   *self,
            const char *text)
{
  xs_report_show_toast (self->toast_overlay, adw_toast_new (text));
}

static gboolean
pulse (gpointer user_data)
{
  XsWindow *self = user_data;

  gtk_progress_bar_pulse (self->busy_bar);
  return G_SOURCE_CONTINUE;
}

static void
set_busy (XsWindow *self,
          gboolean  busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->busy_bar), busy);
  if (busy && self->busy_pulse == 0)
    self->busy_pulse = g_timeout_add (100, pulse, self);
  else if (!busy)
    g_clear_handle_id (&self->busy_pulse, g_source_remove);
}

/* One back button at a time, so that a narrow header bar keeps room for
 * the window's own buttons: the trainee page's, else (folded) the views'. */
static void
update_back_buttons (XsWindow *self)
{
  gboolean on_trainee = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "trainee") == 0;

  gtk_widget_set_visible (self->back_button, on_trainee);
  gtk_widget_set_visible (self->sidebar_back_button, adw_leaflet_get_folded (self->leaflet) && !on_trainee);
}

static void
show_page (XsWindow   *self,
           const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_back_buttons (self);
  update_actions (self);
}

static void
update_title (XsWindow *self)
{
  XsRuleSet *rules = xs_trainee_model_get_rule_set (self->trainees);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  title = g_strdup_printf (_("%d Hours"), xs_window_get_year (self));

  if (rules != NULL)
    {
      subtitle = g_strdup_printf (_("Rule set %s (%s)"), xs_rule_set_get_id (rules), xs_rule_set_get_source (rules));
      /* the rules in the same words as `xueshi-cli rules` */
      description = xs_rule_set_describe (rules, xs_window_get_year (self));
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), description);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
on_trainees_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *visible;

  set_busy (self, FALSE);
  if (!xs_trainee_model_load_finish (XS_TRAINEE_MODEL (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }

  update_title (self);
  xs_to_complete_view_reload (self->to_complete_view);

  visible = gtk_stack_get_visible_child_name (self->stack);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->trainees)) == 0)
    show_page (self, "empty");
  else if (g_str_equal (visible, "loading") || g_str_equal (visible, "empty"))
    show_page (self, "trainees");
  else if (g_str_equal (visible, "trainee"))
    xs_window_show_trainee (self, xs_trainee_page_get_trainee_id (self->trainee_page));
}

/* What depends on the year: the trainees' progress, then the claims to
 * complete. */
static void
load_year (XsWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  xs_trainee_model_load_async (self->trainees, xs_db_get_data_dir (xs_window_get_db (self)),
                               xs_window_get_year (self), self->cancellable, on_trainees_loaded,
                               g_object_ref (self));
}

void
xs_window_reload (XsWindow *self)
{
  g_return_if_fail (XS_IS_WINDOW (self));

  xs_classes_view_reload (self->classes_view);
  load_year (self);
}

static void
on_trainee_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XsWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xs_trainee_page_load_finish (XS_TRAINEE_PAGE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, error->message);
      return;
    }
  show_page (self, "trainee");
}

void
xs_window_show_trainee (XsWindow *self,
                        gint64    trainee_id)
{
  g_return_if_fail (XS_IS_WINDOW (self));

  xs_trainee_page_load_async (self->trainee_page, xs_window_get_db (self), trainee_id,
                              xs_window_get_year (self), self->cancellable, on_trainee_loaded,
                              g_object_ref (self));
}

static void
on_trainee_activated (XsWindow       *self,
                      gint64          trainee_id,
                      XsTraineesView *view)
{
  xs_window_show_trainee (self, trainee_id);
}

static void
on_claim_activated (XsWindow      *self,
                    gint64         claim_id,
                    XsTraineePage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-claim", "x", claim_id);
}

/* The years were read, or the clerk chose one: the views take the year
 * through the bindings of xs-window.ui, then what depends on it is read. */
static void
on_year_changed (XsWindow      *self,
                 GParamSpec    *pspec,
                 XsYearChooser *chooser)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  /* the first year, once the years are read: everything; then only the
   * year's data, as the classes list every year's classes */
  if (!self->loaded)
    {
      self->loaded = TRUE;
      xs_window_reload (self);
    }
  else
    load_year (self);
}

/* The sidebar's rows are the stack's pages that have a title
 * (sidebar_pages in xs-window.ui). */
static gboolean
page_has_title (gpointer    unused,
                const char *title)
{
  return title != NULL && *title != '\0';
}

static const char *
sidebar_row_page_name (GtkListBoxRow *row)
{
  if (!XS_IS_SIDEBAR_ROW (row))
    return NULL;
  return gtk_stack_page_get_name (xs_sidebar_row_get_page (XS_SIDEBAR_ROW (row)));
}

static void
on_sidebar_row_selected (XsWindow      *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  const char *name = row != NULL ? sidebar_row_page_name (row) : NULL;

  if (name == NULL)
    return;
  if (g_str_equal (name, "trainees") && g_list_model_get_n_items (G_LIST_MODEL (self->trainees)) == 0)
    name = "empty";
  show_page (self, name);
}

void
_xs_window_show_sidebar_page (XsWindow   *self,
                              const char *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if (g_strcmp0 (sidebar_row_page_name (row), name) == 0)
      {
        if (gtk_list_box_get_selected_row (self->sidebar) == row)
          on_sidebar_row_selected (self, row, self->sidebar);
        else
          gtk_list_box_select_row (self->sidebar, row);
        return;
      }
}

static void
on_sidebar_row_activated (XsWindow      *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  on_sidebar_row_selected (self, row, list);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_sidebar_back (XsWindow  *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The window's actions: what it does itself (pages, toasts), and what it
 * hands to its base tasks and its package exchange. */

static void
update_actions (XsWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-list", g_strcmp0 (page, "trainee") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-claim", g_strcmp0 (page, "trainee") == 0);
  /* The demo fills an empty base only. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo",
                                 self->trainees == NULL
                                 || g_list_model_get_n_items (G_LIST_MODEL (self->trainees)) == 0);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->trainees)) == 0)
    return;
  gtk_stack_set_visible_child_name (self->stack, "trainees");
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  xs_trainees_view_focus_search (self->trainees_view);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "trainees");
  gtk_widget_set_visible (self->back_button, FALSE);
  update_actions (self);
}

/* On the Certificates page, prints the selected certificates; elsewhere,
 * goes to that page. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "certificates") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->certificates_view), "certificates.print", NULL);
  else
    _xs_window_show_sidebar_page (self, "certificates");
}

/* The demo's hours are of its year: show that year. Choosing it reads
 * that year's data, not the demo's classes, which are read here. */
static void
on_demo_loaded (XsWindow    *self,
                XsBaseTasks *tasks)
{
  if (xs_year_chooser_select (self->year_chooser, XS_DEMO_YEAR))
    xs_classes_view_reload (self->classes_view);
  else
    xs_window_reload (self);
}

static void
base_task_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);
  const char *name = action_name + strlen ("win.");

  if (g_str_equal (name, "load-demo"))
    xs_base_tasks_load_demo (self->tasks);
  else if (g_str_equal (name, "new-claim"))
    xs_base_tasks_new_claim (self->tasks, xs_trainee_page_get_trainee_id (self->trainee_page));
  else if (g_str_equal (name, "edit-claim"))
    xs_base_tasks_edit_claim (self->tasks, g_variant_get_int64 (param));
  else if (g_str_equal (name, "import-roster") || g_str_equal (name, "import-hours"))
    xs_base_tasks_import (self->tasks, g_str_equal (name, "import-roster"));
  else if (g_str_equal (name, "verify-certificate"))
    xs_base_tasks_verify_certificate (self->tasks);
  else if (g_str_equal (name, "check-data"))
    xs_base_tasks_check_data (self->tasks);
  else if (g_str_equal (name, "archive") || g_str_equal (name, "restore-archive"))
    xs_base_tasks_archive (self->tasks, g_str_equal (name, "restore-archive"));
  else if (g_str_equal (name, "export-statistics"))
    xs_base_tasks_choose_statistics (self->tasks);
  else if (g_str_equal (name, "export-revocations"))
    xs_base_tasks_choose_revocations (self->tasks);
  else if (g_str_equal (name, "undo-import") && g_variant_get_int64 (param) > 0)
    xs_base_tasks_undo_import (self->tasks, g_variant_get_int64 (param));
  else if (g_str_equal (name, "open-package"))
    xs_package_exchange_choose_package (self->packages);
  else if (g_str_equal (name, "export-package"))
    xs_package_exchange_choose_export (self->packages);
  else if (g_str_equal (name, "import-decisions"))
    xs_package_exchange_choose_decisions (self->packages);
}

void
_xs_window_export_package (XsWindow   *self,
                           const char *path)
{
  g_return_if_fail (XS_IS_WINDOW (self));
  xs_package_exchange_export (self->packages, path);
}

void
_xs_window_import_decisions (XsWindow   *self,
                             const char *path)
{
  g_return_if_fail (XS_IS_WINDOW (self));
  xs_package_exchange_import_decisions (self->packages, path);
}

/* What the views, dialogs and the window's own objects report upward. */

/* A toast whose Undo takes back import @import_id (see xs-import-log.h). */
static void
show_import_toast (XsWindow   *self,
                   const char *text,
                   gint64      import_id)
{
  AdwToast *toast = adw_toast_new (text);

  if (import_id > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 10);
      adw_toast_set_action_name (toast, "win.undo-import");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (import_id));
    }
  xs_report_show_toast (self->toast_overlay, toast);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsWindow *self = XS_WINDOW (widget);
  const char *name = action_name + strlen ("win.");
  const char *text = NULL;
  const char *path = NULL;
  gint64 import_id = 0;

  if (g_str_equal (name, "show-toast"))
    show_toast (self, g_variant_get_string (param, NULL));
  else if (g_str_equal (name, "show-saved-toast"))
    {
      g_variant_get (param, "(&s&s)", &text, &path);
      xs_report_show_toast (self->toast_overlay, xs_report_saved_toast_new (text, path));
    }
  else if (g_str_equal (name, "show-import-toast"))
    {
      g_variant_get (param, "(&sx)", &text, &import_id);
      show_import_toast (self, text, import_id);
    }
  else if (g_str_equal (name, "show-trainee"))
    xs_window_show_trainee (self, g_variant_get_int64 (param));
  else if (g_str_equal (name, "reload"))
    xs_window_reload (self);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", report_action);
  gtk_widget_class_install_action (widget_class, "win.show-saved-toast", "(ss)", report_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-toast", "(sx)", report_action);
  gtk_widget_class_install_action (widget_class, "win.show-trainee", "x", report_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.new-claim", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.edit-claim", "x", base_task_action);
  gtk_widget_class_install_action (widget_class, "win.import-roster", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.import-hours", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.verify-certificate", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.check-data", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.archive", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.restore-archive", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.export-statistics", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.export-revocations", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.undo-import", "x", base_task_action);
  gtk_widget_class_install_action (widget_class, "win.open-package", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.export-package", NULL, base_task_action);
  gtk_widget_class_install_action (widget_class, "win.import-decisions", NULL, base_task_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-roster", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.show-list", NULL);
}

/* The year comes first, read by the year chooser once it has the
 * database: then everything else (on_year_changed). */
static void
start (XsWindow *self)
{
  show_page (self, "loading");
  self->loaded = FALSE;
  if (self->db == NULL)
    return;
  set_busy (self, TRUE);
}

static void
xs_window_constructed (GObject *object)
{
  XsWindow *self = XS_WINDOW (object);

  G_OBJECT_CLASS (xs_window_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->sidebar, self->sidebar_pages, xs_sidebar_row_create, NULL, NULL);
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  start (self);
}

static void
xs_window_dispose (GObject *object)
{
  XsWindow *self = XS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->busy_pulse, g_source_remove);
  if (self->sidebar != NULL)
    gtk_list_box_bind_model (self->sidebar, NULL, NULL, NULL, NULL);
  g_clear_object (&self->trainees);
  g_clear_object (&self->packages);
  g_clear_object (&self->tasks);
  g_clear_object (&self->runner);
  g_clear_object (&self->db);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (xs_window_parent_class)->dispose (object);
}

static void
xs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  XsWindow *self = XS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, xs_window_get_year (self));
      break;
    case PROP_TRAINEES:
      g_value_set_object (value, self->trainees);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_DEFAULT_YEAR:
      g_value_set_int (value, self->default_year);
      break;
    case PROP_YEAR_CHOSEN:
      g_value_set_boolean (value, self->year_chosen);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  XsWindow *self = XS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      /* the application closes it around a restore, then opens it again */
      if (g_set_object (&self->db, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_PROFILE:
      g_set_object (&self->profile, g_value_get_object (value));
      break;
    case PROP_DEFAULT_YEAR:
      self->default_year = g_value_get_int (value);
      break;
    case PROP_YEAR_CHOSEN:
      self->year_chosen = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_window_class_init (XsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xs_window_constructed;
  object_class->dispose = xs_window_dispose;
  object_class->get_property = xs_window_get_property;
  object_class->set_property = xs_window_set_property;

  /* What the window shows, from the application or a test; the views take
   * them through the bindings in xs-window.ui. */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRAINEES] =
    g_param_spec_object ("trainees", NULL, NULL, XS_TYPE_TRAINEE_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XS_TYPE_BASE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the year to open on when no year has data, or when @year-chosen */
  properties[PROP_DEFAULT_YEAR] =
    g_param_spec_int ("default-year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR_CHOSEN] =
    g_param_spec_boolean ("year-chosen", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XS_TYPE_TRAINEES_VIEW);
  g_type_ensure (XS_TYPE_TRAINEE_PAGE);
  g_type_ensure (XS_TYPE_CLASSES_VIEW);
  g_type_ensure (XS_TYPE_CERTIFICATES_VIEW);
  g_type_ensure (XS_TYPE_TO_COMPLETE_VIEW);
  g_type_ensure (XS_TYPE_YEAR_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, sidebar_pages);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, sidebar_back_button);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, year_chooser);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, trainees_view);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, trainee_page);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, classes_view);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, certificates_view);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, busy_bar);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, to_complete_view);
  gtk_widget_class_bind_template_callback (widget_class, on_trainee_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_claim_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_back);
  gtk_widget_class_bind_template_callback (widget_class, page_has_title);
  gtk_widget_class_bind_template_callback (widget_class, update_back_buttons);

  install_actions (widget_class);
}

/* A worker of the window's tasks or packages: the bar shows it. */
static void
on_busy (XsWindow    *self,
         GParamSpec  *pspec,
         XsJobRunner *runner)
{
  set_busy (self, xs_job_runner_get_busy (runner));
}

static void
xs_window_init (XsWindow *self)
{
  /* before the template: its bindings take it */
  self->trainees = xs_trainee_model_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  xs_trainees_view_set_model (self->trainees_view, self->trainees);
  self->runner = xs_job_runner_new (GTK_WIDGET (self));
  self->tasks = xs_base_tasks_new (GTK_WINDOW (self), self->runner);
  g_object_bind_property (self, "db", self->tasks, "db", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "year", self->tasks, "year", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->tasks, "demo-loaded", G_CALLBACK (on_demo_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->runner, "notify::busy", G_CALLBACK (on_busy), self, G_CONNECT_SWAPPED);
  self->packages = xs_package_exchange_new (GTK_WINDOW (self), self->runner);
  g_object_bind_property (self, "db", self->packages, "db", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "year", self->packages, "year", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "profile", self->packages, "profile", G_BINDING_SYNC_CREATE);
}
