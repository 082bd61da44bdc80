/* xs-class-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-class-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xs-class-dialog.h"
#include "xs-class-store.h"
#include "xs-date.h"
#include "xs-report.h"

struct _XsClassDialog
{
  AdwWindow        parent_instance;

  XsDb            *db;

  /* template children */
  GtkLabel        *error_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *code_row;
  GtkSpinButton   *year_spin;
  AdwComboRow     *category_row;
  AdwActionRow    *compulsory_row;
  GtkSwitch       *compulsory_switch;
  GtkSpinButton   *hours_spin;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
};

G_DEFINE_FINAL_TYPE (XsClassDialog, xs_class_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_DB,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

static void
show_error (XsClassDialog *self,
            const char    *message,
            GtkWidget     *row)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static void
clear_error (XsClassDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->start_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->end_row), "error");
}

static gboolean
read_date (XsClassDialog *self,
           AdwEntryRow   *row,
           GDate         *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (xs_date_parse (text, date, &error))
    return TRUE;
  /* Translators: “First Day: <why the date is not a date>” */
  message = g_strdup_printf (_("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                             error->message);
  show_error (self, message, GTK_WIDGET (row));
  return FALSE;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsClassDialog *self = XS_CLASS_DIALOG (widget);
  g_autoptr(XsTrainingClass) klass = xs_training_class_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  XsDb *db;

  if (self->db == NULL)
    return;
  clear_error (self);

  klass->code = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row)));
  klass->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  klass->year = gtk_spin_button_get_value_as_int (self->year_spin);
  klass->category = adw_combo_row_get_selected (self->category_row) == 1 ? XS_CATEGORY_PROFESSIONAL
                                                                           : XS_CATEGORY_PUBLIC;
  klass->compulsory = klass->category == XS_CATEGORY_PUBLIC
                      && gtk_switch_get_active (self->compulsory_switch);
  klass->hours = (int) lround (gtk_spin_button_get_value (self->hours_spin) * 10);
  if (!read_date (self, self->start_row, &klass->start_date)
      || !read_date (self, self->end_row, &klass->end_date))
    return;

  db = self->db;
  if (!xs_db_begin (db, &error))
    {
      show_error (self, error->message, NULL);
      return;
    }
  if (!xs_class_store_add (db, klass, &error))
    {
      xs_db_rollback (db);
      show_error (self, error->message, NULL);
      return;
    }
  if (!xs_db_commit (db, &error))
    {
      show_error (self, error->message, NULL);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, klass->id);
  toast = g_strdup_printf (_("Class “%s” created"), klass->name);
  xs_report_toast (GTK_WIDGET (self), toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_changed (XsClassDialog *self)
{
  clear_error (self);
}

static void
on_entry_activated (XsClassDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "class.create", NULL);
}

static void
on_category_changed (XsClassDialog *self)
{
  gboolean is_public = adw_combo_row_get_selected (self->category_row) == 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->compulsory_row), is_public);
  if (!is_public)
    gtk_switch_set_active (self->compulsory_switch, FALSE);
  clear_error (self);
}

XsClassDialog *
xs_class_dialog_new (GtkWindow *parent,
                     XsDb      *db,
                     int        year)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_DB (db), NULL);

  return g_object_new (XS_TYPE_CLASS_DIALOG, "transient-for", parent, "db", db, "year", year, NULL);
}

static void
xs_class_dialog_dispose (GObject *object)
{
  XsClassDialog *self = XS_CLASS_DIALOG (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (xs_class_dialog_parent_class)->dispose (object);
}

static void
xs_class_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsClassDialog *self = XS_CLASS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, gtk_spin_button_get_value_as_int (self->year_spin));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_class_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XsClassDialog *self = XS_CLASS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_set_object (&self->db, g_value_get_object (value));
      break;
    case PROP_YEAR:
      if (g_value_get_int (value) > 0)
        gtk_spin_button_set_value (self->year_spin, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_class_dialog_class_init (XsClassDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_class_dialog_dispose;
  object_class->get_property = xs_class_dialog_get_property;
  object_class->set_property = xs_class_dialog_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* the year the new class is of, until the user changes it */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsClassDialog::created:
   * @class_id: the new class's id
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-class-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, compulsory_row);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, compulsory_switch);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, end_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_category_changed);

  gtk_widget_class_install_action (widget_class, "class.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xs_class_dialog_init (XsClassDialog *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Same order as XsCategory */
  gtk_string_list_append (categories, _("Public subjects (公需科目)"));
  gtk_string_list_append (categories, _("Professional subjects (专业科目)"));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
  on_category_changed (self);
}
