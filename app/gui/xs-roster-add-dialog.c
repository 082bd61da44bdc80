/* xs-roster-add-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields are checked as the clerk types, by the same core check as a
 * roster row (xs_roster_entry_check()): Add stays disabled, and the message
 * shows under the fields, until they are valid. Adding runs in a worker
 * (xs_roster_add(), one roster import of one row) and ends with ::added;
 * a refusal (already on the roster) is shown in the dialog.
 */
#define G_LOG_DOMAIN "xs-roster-add-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-id-number.h"
#include "xs-job.h"
#include "xs-roster-add.h"
#include "xs-roster-add-dialog.h"

struct _XsRosterAddDialog
{
  AdwWindow        parent_instance;

  XsDb            *db;
  char            *id_number;     /* whole, as given; cleared on finalize */
  GCancellable    *cancellable;
  gboolean         busy;
  gboolean         valid;     /* every field passes the roster's checks */

  /* template children */
  AdwEntryRow     *name_row;
  AdwActionRow    *id_row;
  AdwEntryRow     *employer_row;
  AdwEntryRow     *title_row;
  AdwEntryRow     *specialty_row;
  AdwEntryRow     *county_row;
  AdwEntryRow     *phone_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (XsRosterAddDialog, xs_roster_add_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker gets: copies of the fields. */
typedef struct
{
  char *fields[8];   /* name, id, employer, sex, title, specialty, county, phone */
} AddInput;

static void
add_input_free (AddInput *input)
{
  if (input->fields[1] != NULL)
    explicit_bzero (input->fields[1], strlen (input->fields[1]));
  for (guint i = 0; i < G_N_ELEMENTS (input->fields); i++)
    g_free (input->fields[i]);
  g_free (input);
}

static XsRosterEntry
entry_of (char * const *fields)
{
  XsRosterEntry entry = {
    .name = fields[0], .id_number = fields[1], .employer = fields[2], .sex = fields[3],
    .title = fields[4], .specialty = fields[5], .county = fields[6], .phone = fields[7],
  };

  return entry;
}

static AddInput *
read_fields (XsRosterAddDialog *self)
{
  AddInput *input = g_new0 (AddInput, 1);

  input->fields[0] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  input->fields[1] = g_strdup (self->id_number);
  input->fields[2] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->employer_row)));
  input->fields[4] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  input->fields[5] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->specialty_row)));
  input->fields[6] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->county_row)));
  input->fields[7] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  return input;
}

static GtkWidget *
row_of_field (XsRosterAddDialog *self,
              XsRosterField      field)
{
  switch (field)
    {
    case XS_ROSTER_FIELD_NAME:
      return GTK_WIDGET (self->name_row);
    case XS_ROSTER_FIELD_ID_NUMBER:
    case XS_ROSTER_FIELD_SEX:
      return GTK_WIDGET (self->id_row);
    case XS_ROSTER_FIELD_EMPLOYER:
      return GTK_WIDGET (self->employer_row);
    case XS_ROSTER_FIELD_TITLE:
      return GTK_WIDGET (self->title_row);
    case XS_ROSTER_FIELD_SPECIALTY:
      return GTK_WIDGET (self->specialty_row);
    case XS_ROSTER_FIELD_COUNTY:
      return GTK_WIDGET (self->county_row);
    case XS_ROSTER_FIELD_PHONE:
      return GTK_WIDGET (self->phone_row);
    case XS_ROSTER_FIELD_NONE:
    default:
      return NULL;
    }
}

static void
show_error (XsRosterAddDialog *self,
            const char        *message,
            XsRosterField      field)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->id_row), GTK_WIDGET (self->employer_row),
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->specialty_row), GTK_WIDGET (self->county_row),
    GTK_WIDGET (self->phone_row),
  };
  GtkWidget *at_fault = row_of_field (self, field);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (rows[i] == at_fault && message != NULL)
        gtk_widget_add_css_class (rows[i], "error");
      else
        gtk_widget_remove_css_class (rows[i], "error");
    }
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Checks the fields; an empty required field disables Add without a
 * message until the clerk has typed something. */
static void
on_changed (XsRosterAddDialog *self)
{
  AddInput *input = read_fields (self);
  XsRosterEntry entry = entry_of (input->fields);
  g_autoptr(GError) error = NULL;
  XsRosterField field = XS_ROSTER_FIELD_NONE;
  gboolean valid = xs_roster_entry_check (&entry, NULL, &field, &error);
  gboolean quiet = !valid && field == XS_ROSTER_FIELD_EMPLOYER && *input->fields[2] == '\0';

  self->valid = valid;
  show_error (self, valid || quiet ? NULL : error->message, field);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add", valid && !self->busy);
  add_input_free (input);
}

/* Worker thread */

static gboolean
add_trainee (XsJob         *job,
             XsDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  AddInput *input = data;
  XsRosterEntry entry = entry_of (input->fields);
  gint64 import_id = xs_roster_add (db, &entry, NULL, error);

  if (import_id == 0)
    return FALSE;
  xs_job_set_result (job, g_memdup2 (&import_id, sizeof import_id), g_free);
  return TRUE;
}

static void
on_added (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(XsRosterAddDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 import_id;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      show_error (self, error->message,
                  g_error_matches (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED) ? XS_ROSTER_FIELD_ID_NUMBER
                                                                           : XS_ROSTER_FIELD_NONE);
      self->valid = FALSE;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add", FALSE);
      return;
    }
  import_id = *(gint64 *) xs_job_get_result (XS_JOB (object));
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_signal_emit (self, signals[ADDED], 0, import_id, name);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  XsRosterAddDialog *self = XS_ROSTER_ADD_DIALOG (widget);
  g_autoptr(XsJob) job = NULL;

  if (self->busy)
    return;
  self->busy = TRUE;
  gtk_widget_action_set_enabled (widget, "roster.add", FALSE);
  job = xs_job_new (xs_db_get_data_dir (self->db), add_trainee, read_fields (self),
                    (GDestroyNotify) add_input_free);
  xs_job_run_async (job, self->cancellable, on_added, g_object_ref (self));
}

static void
on_entry_activated (XsRosterAddDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "roster.add", NULL);
}

/* GObject */

static void
xs_roster_add_dialog_dispose (GObject *object)
{
  XsRosterAddDialog *self = XS_ROSTER_ADD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_ROSTER_ADD_DIALOG);
  G_OBJECT_CLASS (xs_roster_add_dialog_parent_class)->dispose (object);
}

static void
xs_roster_add_dialog_finalize (GObject *object)
{
  XsRosterAddDialog *self = XS_ROSTER_ADD_DIALOG (object);

  if (self->id_number != NULL)
    explicit_bzero (self->id_number, strlen (self->id_number));
  g_free (self->id_number);
  g_clear_object (&self->db);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (xs_roster_add_dialog_parent_class)->finalize (object);
}

static void
xs_roster_add_dialog_class_init (XsRosterAddDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_roster_add_dialog_dispose;
  object_class->finalize = xs_roster_add_dialog_finalize;

  /**
   * XsRosterAddDialog::added:
   * @import_id: the roster import of one row that added the person
   * @name: the name as added
   *
   * Emitted once the person is on the roster, before the dialog closes.
   */
  signals[ADDED] =
    g_signal_new ("added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-roster-add-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsRosterAddDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XsRosterAddDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, XsRosterAddDialog, employer_row);
  gtk_widget_class_bind_template_child (widget_class, XsRosterAddDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, XsRosterAddDialog, specialty_row);
  gtk_widget_class_bind_template_child (widget_class, XsRosterAddDialog, county_row);
  gtk_widget_class_bind_template_child (widget_class, XsRosterAddDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, XsRosterAddDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "roster.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xs_roster_add_dialog_init (XsRosterAddDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add", FALSE);
}

XsRosterAddDialog *
xs_roster_add_dialog_new (GtkWindow  *parent,
                          XsDb       *db,
                          const char *name,
                          const char *id_number)
{
  XsRosterAddDialog *self;
  g_autofree char *normalized = NULL;
  g_autofree char *masked = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (id_number != NULL, NULL);

  self = g_object_new (XS_TYPE_ROSTER_ADD_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->id_number = g_strdup (id_number);
  normalized = xs_id_number_normalize (id_number, NULL);
  masked = normalized != NULL ? xs_id_number_mask (normalized) : g_strdup ("****");
  adw_action_row_set_subtitle (self->id_row, masked);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  on_changed (self);
  /* The name is there already: the employer is what the clerk types first. */
  gtk_widget_grab_focus (GTK_WIDGET (name != NULL && *name != '\0' ? self->employer_row : self->name_row));
  return self;
}

gboolean
xs_roster_add_dialog_get_can_add (XsRosterAddDialog *self)
{
  g_return_val_if_fail (XS_IS_ROSTER_ADD_DIALOG (self), FALSE);
  return self->valid && !self->busy;
}
