/* xs-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-item.h"
#include "xs-claim-row.h"
#include "xs-claim-store.h"
#include "xs-output.h"
#include "xs-trainee-names.h"
#include "xs-trainee-store.h"
#include "xs-window-private.h"

G_DEFINE_FINAL_TYPE (XsWindow, xs_window, ADW_TYPE_APPLICATION_WINDOW)

/* Years a base works with: the notice's first year to next year. */
#define FIRST_YEAR 2016

typedef struct
{
  const char *name;
  const char *title;
  const char *icon;
} SidebarEntry;

static const SidebarEntry sidebar_entries[] = {
  { "trainees", N_("Trainees"), "system-users-symbolic" },
  { "classes", N_("Classes"), "x-office-calendar-symbolic" },
  { "to-complete", N_("Claims to Complete"), "document-edit-symbolic" },
  { "certificates", N_("Certificates"), "application-certificate-symbolic" },
};

enum
{
  PROP_0,
  PROP_DB,
  PROP_YEAR,
  PROP_TRAINEES,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void setup (XsWindow *self);

XsWindow *
xs_window_new (XsApplication *application)
{
  XsWindow *self;

  g_return_val_if_fail (XS_IS_APPLICATION (application), NULL);

  self = g_object_new (XS_TYPE_WINDOW, "application", application, NULL);
  setup (self);
  return self;
}

XsDb *
xs_window_get_db (XsWindow *self)
{
  g_return_val_if_fail (XS_IS_WINDOW (self), NULL);
  return xs_application_get_db (self->application);
}

int
xs_window_get_year (XsWindow *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (XS_IS_WINDOW (self), 0);

  item = gtk_drop_down_get_selected_item (self->year_dropdown);
  if (item == NULL)
    return xs_application_get_default_year (self->application);
  return atoi (gtk_string_object_get_string (item));
}

const char *
xs_window_get_page (XsWindow *self)
{
  g_return_val_if_fail (XS_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
xs_window_show_toast (XsWindow   *self,
                      const char *text)
{
  g_return_if_fail (XS_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static gboolean
pulse (gpointer user_data)
{
  XsWindow *self = user_data;

  gtk_progress_bar_pulse (self->busy_bar);
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  XsWindow        *self;        /* owned */
  char            *action;
  char            *failure_heading;
  XsWindowJobDone  done;
} RunningJob;

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RunningJob *running = user_data;
  XsWindow *self = running->self;
  g_autoptr(GError) error = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), running->action, TRUE);
  _xs_window_set_busy (self, FALSE);
  if (xs_job_run_finish (XS_JOB (object), result, &error))
    running->done (self, XS_JOB (object));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (running->failure_heading != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), running->failure_heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    xs_window_show_toast (self, error->message);

  g_object_unref (running->self);
  g_free (running->action);
  g_free (running->failure_heading);
  g_free (running);
}

void
_xs_window_run_job (XsWindow        *self,
                    XsJob           *job,
                    const char      *action,
                    gboolean         outlives_reload,
                    const char      *failure_heading,
                    XsWindowJobDone  done)
{
  RunningJob *running;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (XS_IS_JOB (job));
  g_return_if_fail (action != NULL);
  g_return_if_fail (done != NULL);

  running = g_new0 (RunningJob, 1);
  running->self = g_object_ref (self);
  running->action = g_strdup (action);
  running->failure_heading = g_strdup (failure_heading);
  running->done = done;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, FALSE);
  _xs_window_set_busy (self, TRUE);
  xs_job_run_async (job, outlives_reload ? NULL : self->cancellable, on_job_done, running);
}

void
_xs_window_run_export (XsWindow        *self,
                       const char      *path,
                       const char      *action,
                       XsJobFunc        func,
                       gpointer         data,
                       GDestroyNotify   free_data,
                       XsWindowJobDone  done)
{
  g_autoptr(XsJob) job = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL && action != NULL && func != NULL && done != NULL);

  if (!xs_output_check_path (path, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      if (free_data != NULL)
        free_data (data);
      /* the answer to what was just asked: before an earlier toast */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  job = xs_job_new (xs_db_get_data_dir (xs_window_get_db (self)), func, data, free_data);
  _xs_window_run_job (self, job, action, FALSE, NULL, done);
}

typedef struct
{
  XsWindow           *self;        /* owned */
  char               *not_local;
  XsWindowPathChosen  chosen;
} Choosing;

static void
on_path_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Choosing *choosing = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path != NULL)
    choosing->chosen (choosing->self, path);
  else if (file != NULL)
    xs_window_show_toast (choosing->self, choosing->not_local);
  g_object_unref (choosing->self);
  g_free (choosing->not_local);
  g_free (choosing);
}

void
_xs_window_choose_path (XsWindow           *self,
                        XsFileChooserMode   mode,
                        const char         *title,
                        const char         *accept_label,
                        GtkFileFilter      *filter,
                        const char         *initial_name,
                        const char         *not_local,
                        XsWindowPathChosen  chosen)
{
  g_autoptr(GListModel) filters = xs_file_chooser_filters_of (filter);
  Choosing *choosing = g_new0 (Choosing, 1);

  choosing->self = g_object_ref (self);
  choosing->not_local = g_strdup (not_local);
  choosing->chosen = chosen;
  xs_file_chooser_run_async (GTK_WINDOW (self), mode, title, accept_label, filters, NULL, initial_name,
                             NULL, on_path_chosen, choosing);
}

void
_xs_window_set_busy (XsWindow *self,
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
  _xs_window_update_actions (self);
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

/* Claims to Complete: the year's drafts and rejected claims, read in a
 * job with their trainees' names. */

typedef struct
{
  XsRuleSet  *rules;
  GPtrArray  *claims;   /* XsClaim */
  GHashTable *names;    /* trainee id → name */
} ToComplete;

static void
to_complete_free (ToComplete *read)
{
  g_clear_object (&read->rules);
  g_clear_pointer (&read->claims, g_ptr_array_unref);
  g_clear_pointer (&read->names, g_hash_table_unref);
  g_free (read);
}

static gboolean
read_to_complete (XsJob         *job,
                  XsDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  int year = *(int *) data;
  ToComplete *read = g_new0 (ToComplete, 1);

  xs_job_set_result (job, read, (GDestroyNotify) to_complete_free);
  return (read->rules = xs_rule_set_for_year (year, error)) != NULL
         && (read->claims = xs_claim_store_list_to_complete (db, year, error)) != NULL
         && (read->names = xs_trainee_store_list_names (db, error)) != NULL;
}

static void
on_to_complete_read (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(XsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ToComplete *read;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xs_window_show_toast (self, error->message);
      return;
    }
  read = xs_job_get_result (XS_JOB (object));

  g_list_store_remove_all (self->to_complete);
  for (guint i = 0; i < read->claims->len; i++)
    {
      XsClaim *claim = g_ptr_array_index (read->claims, i);
      const char *name = g_hash_table_lookup (read->names, &claim->trainee_id);
      g_autoptr(XsClaimItem) item = xs_claim_item_new (claim, read->rules, NULL);
      g_autofree char *title = g_strdup_printf ("%s · %s", name ? name : "", claim->title);

      xs_claim_item_set_title (item, title);
      g_list_store_append (self->to_complete, item);
    }
}

static void
reload_to_complete (XsWindow *self)
{
  int year = xs_window_get_year (self);
  g_autoptr(XsJob) job = xs_job_new (xs_db_get_data_dir (xs_window_get_db (self)), read_to_complete,
                                     g_memdup2 (&year, sizeof year), g_free);

  xs_job_run_async (job, self->cancellable, on_to_complete_read, g_object_ref (self));
}

static void
on_trainees_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *visible;

  _xs_window_set_busy (self, FALSE);
  if (!xs_trainee_model_load_finish (XS_TRAINEE_MODEL (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        xs_window_show_toast (self, error->message);
      return;
    }

  update_title (self);
  reload_to_complete (self);

  visible = gtk_stack_get_visible_child_name (self->stack);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->trainees)) == 0)
    show_page (self, "empty");
  else if (g_str_equal (visible, "loading") || g_str_equal (visible, "empty"))
    show_page (self, "trainees");
  else if (g_str_equal (visible, "trainee"))
    xs_window_show_trainee (self, xs_trainee_page_get_trainee_id (self->trainee_page));
}

void
xs_window_reload (XsWindow *self)
{
  XsDb *db;

  g_return_if_fail (XS_IS_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  db = xs_window_get_db (self);
  xs_classes_view_reload (self->classes_view);
  _xs_window_set_busy (self, TRUE);
  xs_trainee_model_load_async (self->trainees, xs_db_get_data_dir (db), xs_window_get_year (self),
                               self->cancellable, on_trainees_loaded, g_object_ref (self));
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
        xs_window_show_toast (self, error->message);
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

static void
on_to_complete_activated (XsWindow      *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(XsClaimItem) item = index >= 0 ? g_list_model_get_item (G_LIST_MODEL (self->to_complete), index) : NULL;

  if (item != NULL)
    xs_window_show_trainee (self, xs_claim_item_get_claim (item)->trainee_id);
}

static void
on_year_selected (XsWindow    *self,
                  GParamSpec  *pspec,
                  GtkDropDown *dropdown)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  if (self->trainees != NULL)
    xs_window_reload (self);
}

static void
on_sidebar_row_selected (XsWindow      *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  const char *name;
  int index;

  if (row == NULL)
    return;
  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (gsize) index >= G_N_ELEMENTS (sidebar_entries))
    return;
  name = sidebar_entries[index].name;
  if (g_str_equal (name, "trainees") && g_list_model_get_n_items (G_LIST_MODEL (self->trainees)) == 0)
    name = "empty";
  show_page (self, name);
}

void
_xs_window_show_sidebar_page (XsWindow   *self,
                              const char *name)
{
  GtkListBoxRow *row;

  /* the sidebar's rows are sidebar_entries, in order */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar, i)) != NULL; i++)
    if ((gsize) i < G_N_ELEMENTS (sidebar_entries) && g_strcmp0 (sidebar_entries[i].name, name) == 0)
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

static void
add_sidebar_rows (XsWindow *self)
{
  for (gsize i = 0; i < G_N_ELEMENTS (sidebar_entries); i++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new (_(sidebar_entries[i].title));

      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (sidebar_entries[i].icon));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->sidebar, row);
    }
}

static gboolean
year_has_data (XsWindow *self,
               int       year)
{
  for (guint i = 0; self->data_years != NULL && i < self->data_years->len; i++)
    if (g_array_index (self->data_years, int, i) == year)
      return TRUE;
  return FALSE;
}

static void
setup_year_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *year = gtk_label_new (NULL);
  GtkWidget *mark = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (year), 0);
  gtk_widget_add_css_class (year, "numeric");
  gtk_widget_set_hexpand (year, TRUE);
  gtk_widget_add_css_class (mark, "dim-label");
  gtk_widget_add_css_class (mark, "caption");
  gtk_box_append (GTK_BOX (box), year);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_list_item_set_child (list_item, box);
}

/* The years' list says which hold any hours or classes. */
static void
bind_year_row (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               XsWindow                 *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *year = gtk_widget_get_first_child (box);
  GtkWidget *mark = gtk_widget_get_next_sibling (year);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (list_item));
  gboolean has_data = year_has_data (self, atoi (text));

  gtk_label_set_label (GTK_LABEL (year), text);
  gtk_label_set_label (GTK_LABEL (mark), has_data ? _("has records") : "");
  if (has_data)
    gtk_widget_remove_css_class (year, "dim-label");
  else
    gtk_widget_add_css_class (year, "dim-label");
}

static void
fill_years (XsWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GError) error = NULL;
  int last = g_date_time_get_year (now) + 1;
  int wanted = xs_application_get_default_year (self->application);
  guint selected = 0;

  /* A handful of index seeks, whatever the size of the base. */
  g_clear_pointer (&self->data_years, g_array_unref);
  self->data_years = xs_claim_store_list_years (xs_window_get_db (self), &error);
  if (self->data_years == NULL)
    g_message ("The years with data are not known: %s", error->message);
  /* Unless a year was chosen, the latest year with data. */
  else if (!xs_application_get_year_chosen (self->application) && self->data_years->len > 0)
    wanted = CLAMP (g_array_index (self->data_years, int, 0), FIRST_YEAR, last);

  for (int year = last; year >= FIRST_YEAR; year--)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);

      if (year == wanted)
        selected = last - year;
      gtk_string_list_append (years, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_year_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_year_row), self);
  gtk_drop_down_set_list_factory (self->year_dropdown, factory);
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
}

/* After construction: the application is set only then. */
static void
setup (XsWindow *self)
{
  self->application = XS_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  fill_years (self);
  self->trainees = xs_trainee_model_new ();
  xs_trainees_view_set_model (self->trainees_view, self->trainees);
  /* The views take these through the bindings of xs-window.ui. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINEES]);
  add_sidebar_rows (self);
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
  show_page (self, "loading");
  xs_window_reload (self);
}

static void
xs_window_dispose (GObject *object)
{
  XsWindow *self = XS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->busy_pulse, g_source_remove);
  g_clear_object (&self->trainees);
  g_clear_object (&self->to_complete);
  g_clear_pointer (&self->data_years, g_array_unref);

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
      g_value_set_object (value, self->application ? xs_application_get_db (self->application) : NULL);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->application ? xs_window_get_year (self) : 0);
      break;
    case PROP_TRAINEES:
      g_value_set_object (value, self->trainees);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->application ? xs_application_get_base_profile (self->application) : NULL);
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

  object_class->dispose = xs_window_dispose;
  object_class->get_property = xs_window_get_property;

  /* What the views show, bound to them in xs-window.ui. */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRAINEES] =
    g_param_spec_object ("trainees", NULL, NULL, XS_TYPE_TRAINEE_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XS_TYPE_BASE_PROFILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XS_TYPE_TRAINEES_VIEW);
  g_type_ensure (XS_TYPE_TRAINEE_PAGE);
  g_type_ensure (XS_TYPE_CLASSES_VIEW);
  g_type_ensure (XS_TYPE_CERTIFICATES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, sidebar_back_button);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, trainees_view);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, trainee_page);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, classes_view);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, certificates_view);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, busy_bar);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, XsWindow, to_complete_list);
  gtk_widget_class_bind_template_callback (widget_class, on_trainee_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_claim_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_to_complete_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_back);
  gtk_widget_class_bind_template_callback (widget_class, update_back_buttons);

  _xs_window_class_install_actions (widget_class);
}

static void
xs_window_init (XsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->to_complete = g_list_store_new (XS_TYPE_CLAIM_ITEM);
  gtk_list_box_bind_model (self->to_complete_list, G_LIST_MODEL (self->to_complete),
                           xs_claim_item_create_row, NULL, NULL);
}

