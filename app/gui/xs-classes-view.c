/* xs-classes-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-classes-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xs-base-profile.h"
#include "xs-class-dialog.h"
#include "xs-class-item.h"
#include "xs-class-member-item.h"
#include "xs-class-members.h"
#include "xs-class-store.h"
#include "xs-claim-store.h"
#include "xs-class-certificates.h"
#include "xs-classes-view.h"
#include "xs-date.h"
#include "xs-import-dialog.h"
#include "xs-job.h"
#include "xs-report.h"
#include "xs-trainee-store.h"

struct _XsClassesView
{
  GtkWidget         parent_instance;

  XsDb             *db;
  int               year;
  GPtrArray        *classes;   /* XsTrainingClass */
  GPtrArray        *members;   /* XsClassMember, one per trainee row */
  GCancellable     *classes_cancellable;
  GCancellable     *members_cancellable;
  gint64            to_select; /* once the classes are read */
  guint             loading;   /* jobs running */
  gboolean          selecting; /* the view itself changes the selection */
  XsBaseProfile    *profile;   /* the application's, for the certificates */

  /* template children */
  GtkStack         *stack;
  GtkLabel         *count_label;
  AdwLeaflet       *leaflet;
  GtkWidget        *details;
  GtkListView      *class_list;
  GtkSingleSelection *class_selection;
  GListStore       *class_store;     /* XsClassItem, one per class */
  GtkLabel         *class_title;
  GtkLabel         *class_details;
  GtkListView      *trainee_list;
  GListStore       *member_store;    /* XsClassMemberItem, one per member */
  GtkWidget        *trainee_placeholder;
  XsClassCertificates *certificates;
};

G_DEFINE_FINAL_TYPE (XsClassesView, xs_classes_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DB,
  PROP_YEAR,
  PROP_LOADING,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const XsTrainingClass *
find_class (XsClassesView *self,
            gint64         class_id)
{
  for (guint i = 0; self->classes != NULL && i < self->classes->len; i++)
    {
      const XsTrainingClass *klass = g_ptr_array_index (self->classes, i);

      if (klass->id == class_id)
        return klass;
    }
  return NULL;
}

static const XsTrainingClass *
selected_class (XsClassesView *self)
{
  XsClassItem *item = gtk_single_selection_get_selected_item (self->class_selection);

  return item != NULL ? find_class (self, xs_class_item_get_id (item)) : NULL;
}

static const XsTrainingClass *
get_class (XsClassesView *self)
{
  return selected_class (self);
}

/* The certificates part shows the selected class once its members are read. */
static void
update_certificates (XsClassesView *self)
{
  const XsTrainingClass *klass = get_class (self);
  const XsClassMember *first = self->members != NULL && self->members->len > 0
                               ? g_ptr_array_index (self->members, 0) : NULL;

  xs_class_certificates_show_class (self->certificates, klass ? klass->year : 0, klass ? klass->code : NULL,
                                    first ? first->trainee_id : 0);
}

static char *
format_dates (const XsTrainingClass *klass)
{
  g_autofree char *start = xs_date_to_iso (&klass->start_date);
  g_autofree char *end = xs_date_to_iso (&klass->end_date);

  if (g_date_compare (&klass->start_date, &klass->end_date) == 0)
    return g_steal_pointer (&start);
  /* Translators: first and last day of a class */
  return g_strdup_printf (_("%s to %s"), start, end);
}

static char *
format_subject (const XsTrainingClass *klass)
{
  if (klass->category == XS_CATEGORY_PROFESSIONAL)
    return g_strdup (_("Professional subjects (专业科目)"));
  if (klass->compulsory)
    /* Translators: a subject, e.g. public subjects, that is compulsory */
    return g_strdup_printf (_("%s, compulsory"), _("Public subjects (公需科目)"));
  return g_strdup (_("Public subjects (公需科目)"));
}

static char *
format_hours (int tenths)
{
  g_autofree char *hours = xs_hours_format (tenths);

  /* Translators: a number of hours (学时), maybe with a decimal */
  return g_strdup_printf (_("%s hours"), hours);
}

static XsClassItem *
make_class_item (const XsTrainingClass *klass,
                 guint                  n_trainees)
{
  g_autofree char *dates = format_dates (klass);
  g_autofree char *subject = format_subject (klass);
  g_autofree char *hours = format_hours (klass->hours);
  g_autofree char *trainees = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trainee", "%u trainees",
                                                            n_trainees),
                                               n_trainees);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s\n%s · %s", klass->code, subject, hours,
                                               dates, trainees);

  return xs_class_item_new (klass->id, klass->name, subtitle);
}

/* The class's trainees, or the words saying it has none yet. */
static void
set_members (XsClassesView *self,
             GPtrArray     *members)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = members != NULL ? g_ptr_array_ref (members) : NULL;
  for (guint i = 0; members != NULL && i < members->len; i++)
    g_ptr_array_add (items, xs_class_member_item_new (g_ptr_array_index (members, i)));
  g_list_store_splice (self->member_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->member_store)),
                       items->pdata, items->len);
  gtk_widget_set_visible (GTK_WIDGET (self->trainee_list), items->len > 0);
  gtk_widget_set_visible (self->trainee_placeholder, items->len == 0);
}

static void
set_loading (XsClassesView *self,
             gboolean       loading)
{
  if (loading)
    self->loading++;
  else
    self->loading--;
  if (self->loading == (loading ? 1 : 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
read_members (XsJob         *job,
              XsDb          *db,
              gpointer       class_id,
              GCancellable  *cancellable,
              GError       **error)
{
  GPtrArray *members = xs_class_store_list_members (db, *(gint64 *) class_id, error);

  if (members == NULL)
    return FALSE;
  xs_job_set_result (job, members, (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

static void
on_members_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XsClassesView) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *members;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          xs_report_toast (GTK_WIDGET (self), error->message);
          g_clear_object (&self->members_cancellable);
          set_loading (self, FALSE);
        }
      return;
    }
  g_clear_object (&self->members_cancellable);
  members = xs_job_get_result (XS_JOB (object));
  set_members (self, members);
  set_loading (self, FALSE);
  update_certificates (self);
}

static void
show_class (XsClassesView         *self,
            const XsTrainingClass *klass)
{
  g_autoptr(XsJob) job = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *details = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "classes.import-hours", klass != NULL);
  if (self->members_cancellable != NULL)
    {
      /* the cancelled job ends without touching the view */
      g_cancellable_cancel (self->members_cancellable);
      g_clear_object (&self->members_cancellable);
      set_loading (self, FALSE);
    }
  set_members (self, NULL);
  update_certificates (self);
  if (klass == NULL || self->db == NULL)
    {
      gtk_label_set_label (self->class_title, "");
      gtk_label_set_label (self->class_details, "");
      return;
    }

  dates = format_dates (klass);
  subject = format_subject (klass);
  hours = format_hours (klass->hours);
  /* Translators: class code · subject · hours per trainee · dates */
  details = g_strdup_printf (_("Code %s · %s · %s per trainee · %s"), klass->code, subject, hours, dates);
  gtk_label_set_label (self->class_title, klass->name);
  gtk_label_set_label (self->class_details, details);

  self->members_cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  job = xs_job_new (xs_db_get_data_dir (self->db), read_members, g_memdup2 (&klass->id, sizeof klass->id), g_free);
  xs_job_run_async (job, self->members_cancellable, on_members_read, g_object_ref (self));
}

static void
on_class_selected (XsClassesView      *self,
                   GParamSpec         *pspec,
                   GtkSingleSelection *selection)
{
  const XsTrainingClass *klass = selected_class (self);

  show_class (self, klass);
  /* a class the clerk picked in the folded list: show it */
  if (klass != NULL && !self->selecting && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->details);
}

static void
on_class_activated (XsClassesView *self,
                    guint          position,
                    GtkListView   *list)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->details);
}

static void
on_class_list_clicked (XsClassesView   *self,
                       int              n_press,
                       double           x,
                       double           y,
                       GtkGestureClick *gesture)
{
  if (adw_leaflet_get_folded (self->leaflet) && selected_class (self) != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->details);
}

static void
on_trainee_activated (XsClassesView *self,
                      guint          position,
                      GtkListView   *list)
{
  g_autoptr(XsClassMemberItem) item = g_list_model_get_item (G_LIST_MODEL (self->member_store), position);

  if (item != NULL)
    xs_report_action (GTK_WIDGET (self), "win.show-trainee",
                      g_variant_new_int64 (xs_class_member_item_get_trainee_id (item)));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XsClassesView *self = XS_CLASSES_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Public */

gint64
xs_classes_view_get_selected_class (XsClassesView *self)
{
  const XsTrainingClass *klass;

  g_return_val_if_fail (XS_IS_CLASSES_VIEW (self), 0);

  klass = selected_class (self);
  return klass ? klass->id : 0;
}

gboolean
xs_classes_view_select_class (XsClassesView *self,
                              gint64         class_id)
{
  g_return_val_if_fail (XS_IS_CLASSES_VIEW (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->class_store)); i++)
    {
      g_autoptr(XsClassItem) item = g_list_model_get_item (G_LIST_MODEL (self->class_store), i);

      if (xs_class_item_get_id (item) == class_id)
        {
          gboolean selecting = self->selecting;

          /* chosen by the program, not by the clerk: the folded view stays */
          self->selecting = TRUE;
          gtk_single_selection_set_selected (self->class_selection, i);
          self->selecting = selecting;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct
{
  GPtrArray  *classes;   /* XsTrainingClass */
  GHashTable *counts;    /* class id to trainees */
} Classes;

static void
classes_free (Classes *classes)
{
  g_clear_pointer (&classes->classes, g_ptr_array_unref);
  g_clear_pointer (&classes->counts, g_hash_table_unref);
  g_free (classes);
}

static gboolean
read_classes (XsJob         *job,
              XsDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  Classes *classes = g_new0 (Classes, 1);

  xs_job_set_result (job, classes, (GDestroyNotify) classes_free);
  classes->classes = xs_class_store_list (db, error);
  return classes->classes != NULL
         && (classes->counts = xs_class_store_count_trainees (db, error)) != NULL;
}

static void
show_classes (XsClassesView *self,
              Classes       *read)
{
  g_autofree char *count = NULL;
  gint64 selected = self->to_select != 0 ? self->to_select : xs_classes_view_get_selected_class (self);

  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  self->to_select = 0;
  g_clear_pointer (&self->classes, g_ptr_array_unref);
  self->classes = g_steal_pointer (&read->classes);
  for (guint i = 0; i < self->classes->len; i++)
    {
      const XsTrainingClass *klass = g_ptr_array_index (self->classes, i);

      g_ptr_array_add (items, make_class_item (klass, GPOINTER_TO_UINT (g_hash_table_lookup (read->counts,
                                                                                             &klass->id))));
    }
  /* the selection follows the items: held back until the new one is chosen */
  self->selecting = TRUE;
  g_signal_handlers_block_by_func (self->class_selection, on_class_selected, self);
  g_list_store_splice (self->class_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->class_store)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->class_selection, GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->class_selection, on_class_selected, self);

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u class", "%u classes", self->classes->len),
                           self->classes->len);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, self->classes->len > 0 ? "classes" : "empty");

  if (self->classes->len > 0 && !xs_classes_view_select_class (self, selected))
    xs_classes_view_select_class (self, ((XsTrainingClass *) g_ptr_array_index (self->classes, 0))->id);
  if (self->classes->len == 0)
    show_class (self, NULL);
  self->selecting = FALSE;
}

static void
on_classes_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XsClassesView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      xs_report_toast (GTK_WIDGET (self), error->message);
    }
  else
    show_classes (self, xs_job_get_result (XS_JOB (object)));
  g_clear_object (&self->classes_cancellable);
  set_loading (self, FALSE);
}

void
xs_classes_view_reload (XsClassesView *self)
{
  g_autoptr(XsJob) job = NULL;

  g_return_if_fail (XS_IS_CLASSES_VIEW (self));

  if (self->db == NULL)
    return;

  if (self->classes_cancellable != NULL)
    {
      g_cancellable_cancel (self->classes_cancellable);
      g_clear_object (&self->classes_cancellable);
      set_loading (self, FALSE);
    }
  self->classes_cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  job = xs_job_new (xs_db_get_data_dir (self->db), read_classes, NULL, NULL);
  xs_job_run_async (job, self->classes_cancellable, on_classes_read, g_object_ref (self));
}

gboolean
xs_classes_view_get_loading (XsClassesView *self)
{
  g_return_val_if_fail (XS_IS_CLASSES_VIEW (self), FALSE);
  return self->loading > 0;
}

/* Actions */

static void
on_class_created (XsClassesView *self,
                  gint64         class_id,
                  XsClassDialog *dialog)
{
  self->to_select = class_id;
  xs_classes_view_reload (self);
}

static void
new_class_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  XsClassesView *self = XS_CLASSES_VIEW (widget);
  XsClassDialog *dialog;

  if (self->db == NULL)
    return;
  dialog = xs_class_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->db, self->year);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_class_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_hours_imported (XsClassesView  *self,
                   XsImportReport *report,
                   XsImportDialog *dialog)
{
  xs_classes_view_reload (self);
}

static void
import_hours_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  XsClassesView *self = XS_CLASSES_VIEW (widget);
  const XsTrainingClass *klass = selected_class (self);
  XsImportDialog *dialog;

  if (self->db == NULL || klass == NULL)
    return;
  dialog = xs_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->db, XS_IMPORT_HOURS, klass);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_hours_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
xs_classes_view_dispose (GObject *object)
{
  XsClassesView *self = XS_CLASSES_VIEW (object);

  /* Removing the items would select others. */
  if (self->class_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->class_selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_CLASSES_VIEW);
  g_cancellable_cancel (self->classes_cancellable);
  g_clear_object (&self->classes_cancellable);
  g_cancellable_cancel (self->members_cancellable);
  g_clear_object (&self->members_cancellable);
  g_clear_object (&self->db);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->classes, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_ptr_array_unref);

  G_OBJECT_CLASS (xs_classes_view_parent_class)->dispose (object);
}

static void
xs_classes_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsClassesView *self = XS_CLASSES_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading > 0);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_classes_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XsClassesView *self = XS_CLASSES_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      if (g_set_object (&self->db, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_YEAR:
      if (self->year != g_value_get_int (value))
        {
          self->year = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PROFILE:
      if (g_set_object (&self->profile, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_classes_view_class_init (XsClassesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_classes_view_dispose;
  object_class->get_property = xs_classes_view_get_property;
  object_class->set_property = xs_classes_view_set_property;

  /* The classes are read from @db on reload; a new class is of @year. */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* whether the classes or a class's trainees are being read */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the base's profile: what goes onto the class's completion certificates */
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XS_TYPE_BASE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (XS_TYPE_CLASS_CERTIFICATES);
  g_type_ensure (XS_TYPE_CLASS_ITEM);
  g_type_ensure (XS_TYPE_CLASS_MEMBER_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-classes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, stack);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, details);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, class_list);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, class_selection);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, class_store);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, class_title);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, class_details);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, trainee_list);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, member_store);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, trainee_placeholder);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, certificates);
  gtk_widget_class_bind_template_callback (widget_class, on_class_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_class_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_class_list_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_trainee_activated);

  gtk_widget_class_install_action (widget_class, "classes.new", NULL, new_class_action);
  gtk_widget_class_install_action (widget_class, "classes.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "classes.import-hours", NULL, import_hours_action);
}

static void
xs_classes_view_init (XsClassesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "classes.import-hours", FALSE);
}
