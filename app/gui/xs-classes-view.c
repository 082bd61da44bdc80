/* xs-classes-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-classes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-class-dialog.h"
#include "xs-class-store.h"
#include "xs-claim-store.h"
#include "xs-classes-view.h"
#include "xs-date.h"
#include "xs-import-dialog.h"
#include "xs-report.h"
#include "xs-trainee-store.h"

struct _XsClassesView
{
  GtkWidget         parent_instance;

  XsDb             *db;
  int               year;
  GPtrArray        *classes;   /* XsTrainingClass */

  /* template children */
  GtkStack         *stack;
  GtkLabel         *count_label;
  GtkListBox       *class_list;
  GtkLabel         *class_title;
  GtkLabel         *class_details;
  GtkListBox       *trainee_list;
};

G_DEFINE_FINAL_TYPE (XsClassesView, xs_classes_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DB,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* gtk_list_box_remove_all() is GTK 4.12 */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static const XsTrainingClass *
selected_class (XsClassesView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->class_list);
  int index;

  if (row == NULL || self->classes == NULL)
    return NULL;
  index = gtk_list_box_row_get_index (row);
  if (index < 0 || (guint) index >= self->classes->len)
    return NULL;
  return g_ptr_array_index (self->classes, index);
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

static guint
count_trainees (GPtrArray *claims)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < claims->len; i++)
    {
      XsClaim *claim = g_ptr_array_index (claims, i);

      g_hash_table_add (seen, &claim->trainee_id);
    }
  return g_hash_table_size (seen);
}

static GtkWidget *
make_class_row (const XsTrainingClass *klass,
                guint                  n_trainees)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *dates = format_dates (klass);
  g_autofree char *subject = format_subject (klass);
  g_autofree char *hours = format_hours (klass->hours);
  g_autofree char *trainees = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trainee", "%u trainees",
                                                            n_trainees),
                                               n_trainees);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s\n%s · %s", klass->code, subject, hours,
                                               dates, trainees);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), klass->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static GtkWidget *
make_trainee_row (XsDb          *db,
                  const XsClaim *claim)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, claim->trainee_id, NULL);
  g_autofree char *masked = trainee ? xs_id_number_mask (trainee->id_number) : NULL;
  g_autofree char *hours = format_hours (claim->hours);
  g_autofree char *status = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  gboolean locked = claim->status == XS_STATUS_SUBMITTED || claim->status == XS_STATUS_APPROVED;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trainee ? trainee->name : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), masked ? masked : "");

  label = gtk_label_new (hours);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  if (locked)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Locked: submitted by the base"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Locked: submitted by the base"), -1);
      gtk_box_append (GTK_BOX (box), lock);
    }
  label = gtk_label_new (xs_status_get_label (claim->status));
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (claim->status == XS_STATUS_APPROVED)
    gtk_widget_add_css_class (label, "success");
  else if (claim->status == XS_STATUS_REJECTED)
    gtk_widget_add_css_class (label, "error");
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), trainee != NULL);
  g_object_set_data (G_OBJECT (row), "trainee-id", GSIZE_TO_POINTER ((gsize) claim->trainee_id));
  return row;
}

static void
show_class (XsClassesView         *self,
            const XsTrainingClass *klass)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *details = NULL;
  XsDb *db;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "classes.import-hours", klass != NULL);
  clear_list (self->trainee_list);
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

  db = self->db;
  claims = xs_claim_store_list_for_class (db, klass->id, &error);
  if (claims == NULL)
    {
      xs_report_toast (GTK_WIDGET (self), error->message);
      return;
    }
  for (guint i = 0; i < claims->len; i++)
    gtk_list_box_append (self->trainee_list, make_trainee_row (db, g_ptr_array_index (claims, i)));
}

static void
on_class_selected (XsClassesView *self,
                   GtkListBoxRow *row,
                   GtkListBox    *list)
{
  show_class (self, selected_class (self));
}

static void
on_trainee_activated (XsClassesView *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  gint64 trainee_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "trainee-id"));

  if (trainee_id > 0)
    xs_report_action (GTK_WIDGET (self), "win.show-trainee", g_variant_new_int64 (trainee_id));
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

  for (guint i = 0; self->classes != NULL && i < self->classes->len; i++)
    {
      const XsTrainingClass *klass = g_ptr_array_index (self->classes, i);

      if (klass->id == class_id)
        {
          gtk_list_box_select_row (self->class_list, gtk_list_box_get_row_at_index (self->class_list, i));
          return TRUE;
        }
    }
  return FALSE;
}

void
xs_classes_view_reload (XsClassesView *self)
{
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gint64 selected;
  XsDb *db;

  g_return_if_fail (XS_IS_CLASSES_VIEW (self));

  if (self->db == NULL)
    return;

  selected = xs_classes_view_get_selected_class (self);
  db = self->db;
  classes = xs_class_store_list (db, &error);
  if (classes == NULL)
    {
      xs_report_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* Clear the selection first: the old rows point into the old array. */
  gtk_list_box_unselect_all (self->class_list);
  clear_list (self->class_list);
  g_clear_pointer (&self->classes, g_ptr_array_unref);
  self->classes = g_steal_pointer (&classes);

  for (guint i = 0; i < self->classes->len; i++)
    {
      const XsTrainingClass *klass = g_ptr_array_index (self->classes, i);
      g_autoptr(GPtrArray) claims = xs_claim_store_list_for_class (db, klass->id, NULL);

      gtk_list_box_append (self->class_list, make_class_row (klass, claims ? count_trainees (claims) : 0));
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u class", "%u classes", self->classes->len),
                           self->classes->len);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, self->classes->len > 0 ? "classes" : "empty");

  if (self->classes->len > 0 && !xs_classes_view_select_class (self, selected))
    gtk_list_box_select_row (self->class_list, gtk_list_box_get_row_at_index (self->class_list, 0));
  if (self->classes->len == 0)
    show_class (self, NULL);
}

/* Actions */

static void
on_class_created (XsClassesView *self,
                  gint64         class_id,
                  XsClassDialog *dialog)
{
  xs_classes_view_reload (self);
  xs_classes_view_select_class (self, class_id);
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

  /* Removing the rows would select others. */
  if (self->class_list != NULL)
    g_signal_handlers_disconnect_by_data (self->class_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_CLASSES_VIEW);
  g_clear_object (&self->db);
  g_clear_pointer (&self->classes, g_ptr_array_unref);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-classes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, stack);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, class_list);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, class_title);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, class_details);
  gtk_widget_class_bind_template_child (widget_class, XsClassesView, trainee_list);
  gtk_widget_class_bind_template_callback (widget_class, on_class_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_trainee_activated);

  gtk_widget_class_install_action (widget_class, "classes.new", NULL, new_class_action);
  gtk_widget_class_install_action (widget_class, "classes.import-hours", NULL, import_hours_action);
}

static void
xs_classes_view_init (XsClassesView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No hours recorded for this class yet. Import its hours sheet to submit them."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->trainee_list, placeholder);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "classes.import-hours", FALSE);
}
