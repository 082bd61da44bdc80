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
  GtkLabel        *missing_label;
  GtkLabel        *dates_error_label;
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

static gboolean validate (XsClassDialog *self);

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

  if (self->db == NULL || !validate (self))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

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

static gboolean
row_is_empty (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text == '\0';
}

/* Checks a date row as it is typed: an empty one is only missing; a
 * wrong one is said next to the dates. */
static gboolean
check_date (XsClassDialog *self,
            AdwEntryRow   *row,
            GDate         *date,
            GPtrArray     *missing,
            GString       *errors)
{
  g_autoptr(GError) error = NULL;
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (row_is_empty (row))
    {
      g_ptr_array_add (missing, (gpointer) title);
      return FALSE;
    }
  if (xs_date_parse (gtk_editable_get_text (GTK_EDITABLE (row)), date, &error))
    return TRUE;
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (errors->len > 0)
    g_string_append_c (errors, '\n');
  /* Translators: “First Day: <why the date is not a date>” */
  g_string_append_printf (errors, _("%s: %s"), title, error->message);
  return FALSE;
}

/* Create stays disabled until the class can be created; what is missing
 * is listed under the names, what is wrong under the dates. */
static gboolean
validate (XsClassDialog *self)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GString) errors = g_string_new (NULL);
  GDate start, end;
  gboolean has_start, has_end;

  if (row_is_empty (self->name_row))
    g_ptr_array_add (missing, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->name_row)));
  if (row_is_empty (self->code_row))
    g_ptr_array_add (missing, (gpointer) _("Code"));
  if (gtk_spin_button_get_value (self->hours_spin) <= 0)
    g_ptr_array_add (missing, (gpointer) _("Hours per Trainee"));
  has_start = check_date (self, self->start_row, &start, missing, errors);
  has_end = check_date (self, self->end_row, &end, missing, errors);
  if (has_start && has_end && g_date_compare (&end, &start) < 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->end_row), "error");
      g_string_append (errors, _("Last Day: it is before the first day. Write the days the class began and ended."));
    }

  gtk_label_set_label (self->dates_error_label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_error_label), errors->len > 0);
  if (missing->len > 0)
    {
      g_autofree char *list = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (missing, NULL);
      /* Translators: the separator of the missing fields' names; in Chinese “、” */
      list = g_strjoinv (_(", "), (char **) missing->pdata);
      /* Translators: the names of the fields still empty */
      text = g_strdup_printf (_("To create the class, fill in: %s"), list);
      gtk_label_set_label (self->missing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), missing->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "class.create",
                                 self->db != NULL && missing->len == 0 && errors->len == 0);
  return missing->len == 0 && errors->len == 0;
}

static void
on_changed (XsClassDialog *self)
{
  clear_error (self);
  validate (self);
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
  on_changed (self);
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
      validate (self);
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
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, missing_label);
  gtk_widget_class_bind_template_child (widget_class, XsClassDialog, dates_error_label);
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
  /* The first field has the focus, not Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}
