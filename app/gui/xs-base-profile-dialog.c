/* xs-base-profile-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile itself is only changed when Save is pressed: Later leaves it
 * as it was. A refused save puts the profile back and says why under the
 * name.
 */
#define G_LOG_DOMAIN "xs-base-profile-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-base-profile-dialog.h"
#include "xs-seal-chooser.h"

struct _XsBaseProfileDialog
{
  AdwWindow        parent_instance;

  XsDb            *db;
  XsBaseProfile   *profile;
  char            *reason;
  GBytes          *seal;           /* chosen, not yet saved */
  GCancellable    *cancellable;

  /* template children */
  GtkLabel        *reason_label;
  AdwEntryRow     *name_row;
  GtkLabel        *name_error_label;
  AdwEntryRow     *issuer_row;
  AdwActionRow    *seal_row;
};

G_DEFINE_FINAL_TYPE (XsBaseProfileDialog, xs_base_profile_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_DB,
  PROP_PROFILE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint signals[N_SIGNALS];

static void
show_name_error (XsBaseProfileDialog *self,
                 const char          *message)
{
  gtk_label_set_label (self->name_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static gboolean
name_is_given (XsBaseProfileDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  return *name != '\0';
}

static void
on_changed (XsBaseProfileDialog *self)
{
  show_name_error (self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.save", self->db != NULL && name_is_given (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsBaseProfileDialog *self = XS_BASE_PROFILE_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || self->profile == NULL)
    return;
  if (!name_is_given (self))
    {
      show_name_error (self, _("Write the base’s name as it should appear on certificates."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  xs_base_profile_set_name (self->profile, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  xs_base_profile_set_issuer (self->profile, gtk_editable_get_text (GTK_EDITABLE (self->issuer_row)));
  if ((self->seal != NULL && !xs_base_profile_set_seal (self->profile, self->seal, &error))
      || !xs_base_profile_save (self->profile, self->db, &error))
    {
      xs_base_profile_revert (self->profile);
      show_name_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_entry_activated (XsBaseProfileDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "profile.save", NULL);
}

static void
on_seal_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsBaseProfileDialog) self = user_data;
  g_autoptr(XsBaseProfile) check = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;

  png = xs_seal_chooser_run_finish (result, &file, &error);
  if (png == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_action_row_set_subtitle (self->seal_row, error->message);
      return;
    }
  /* Checked on a profile of its own: nothing is set before Save. */
  check = xs_base_profile_new ();
  if (!xs_base_profile_set_seal (check, png, &error))
    {
      adw_action_row_set_subtitle (self->seal_row, error->message);
      return;
    }
  g_clear_pointer (&self->seal, g_bytes_unref);
  self->seal = g_steal_pointer (&png);
  basename = g_file_get_basename (file);
  adw_action_row_set_subtitle (self->seal_row, basename);
}

static void
choose_seal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  XsBaseProfileDialog *self = XS_BASE_PROFILE_DIALOG (widget);

  xs_seal_chooser_run_async (GTK_WINDOW (self), self->cancellable, on_seal_chosen, g_object_ref (self));
}

static void
fill (XsBaseProfileDialog *self)
{
  if (self->profile != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), xs_base_profile_get_name (self->profile));
      gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), xs_base_profile_get_issuer (self->profile));
      if (xs_base_profile_get_seal (self->profile) != NULL)
        adw_action_row_set_subtitle (self->seal_row, _("A seal image is set; choose another to replace it"));
    }
  gtk_label_set_label (self->reason_label, self->reason != NULL ? self->reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), self->reason != NULL);
  on_changed (self);
}

/* GObject */

static void
xs_base_profile_dialog_dispose (GObject *object)
{
  XsBaseProfileDialog *self = XS_BASE_PROFILE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_BASE_PROFILE_DIALOG);
  g_clear_object (&self->db);
  g_clear_object (&self->profile);
  G_OBJECT_CLASS (xs_base_profile_dialog_parent_class)->dispose (object);
}

static void
xs_base_profile_dialog_finalize (GObject *object)
{
  XsBaseProfileDialog *self = XS_BASE_PROFILE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->seal, g_bytes_unref);
  g_free (self->reason);
  G_OBJECT_CLASS (xs_base_profile_dialog_parent_class)->finalize (object);
}

static void
xs_base_profile_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  XsBaseProfileDialog *self = XS_BASE_PROFILE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_base_profile_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  XsBaseProfileDialog *self = XS_BASE_PROFILE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_set_object (&self->db, g_value_get_object (value));
      break;
    case PROP_PROFILE:
      g_set_object (&self->profile, g_value_get_object (value));
      break;
    case PROP_REASON:
      g_free (self->reason);
      self->reason = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  fill (self);
}

static void
xs_base_profile_dialog_class_init (XsBaseProfileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_base_profile_dialog_dispose;
  object_class->finalize = xs_base_profile_dialog_finalize;
  object_class->get_property = xs_base_profile_dialog_get_property;
  object_class->set_property = xs_base_profile_dialog_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XS_TYPE_BASE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * XsBaseProfileDialog::saved:
   *
   * The profile was saved to the database.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xueshi/Xueshi/xs-base-profile-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsBaseProfileDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, XsBaseProfileDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, XsBaseProfileDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, XsBaseProfileDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, XsBaseProfileDialog, seal_row);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_install_action (widget_class, "profile.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "profile.choose-seal", NULL, choose_seal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xs_base_profile_dialog_init (XsBaseProfileDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

XsBaseProfileDialog *
xs_base_profile_dialog_new (GtkWindow     *parent,
                            XsDb          *db,
                            XsBaseProfile *profile,
                            const char    *reason)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (XS_IS_BASE_PROFILE (profile), NULL);

  return g_object_new (XS_TYPE_BASE_PROFILE_DIALOG,
                       "transient-for", parent,
                       "db", db,
                       "profile", profile,
                       "reason", reason,
                       NULL);
}
