/* xs-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-file-chooser.h"
#include "xs-preferences-window.h"

struct _XsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *chooser_cancellable;

  AdwEntryRow          *base_name_row;
  AdwEntryRow          *issuer_row;
  GtkSpinButton        *year_spin;
  AdwActionRow         *seal_row;
  GtkWidget            *clear_seal_button;
  GtkSwitch            *full_id_switch;
  GtkSwitch            *landscape_switch;
  GtkSpinButton        *size_limit_spin;
};

G_DEFINE_FINAL_TYPE (XsPreferencesWindow, xs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_seal_row (XsPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "seal-image");
  g_autofree char *name = *path ? g_path_get_basename (path) : NULL;

  adw_action_row_set_subtitle (self->seal_row, name ? name : _("None"));
  gtk_widget_set_visible (self->clear_seal_button, name != NULL);
}

static void
on_seal_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsPreferencesWindow) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "seal-image", path);
}

static void
choose_seal (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListModel) filters = NULL;

  gtk_file_filter_set_name (filter, _("PNG pictures"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  filters = xs_file_chooser_filters_of (filter);

  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  self->chooser_cancellable = g_cancellable_new ();
  xs_file_chooser_run_async (GTK_WINDOW (self), XS_FILE_CHOOSER_OPEN, _("Choose the Seal Image"), _("_Choose"),
                             filters, NULL, NULL, self->chooser_cancellable, on_seal_chosen, g_object_ref (self));
}

static void
clear_seal (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  g_settings_reset (XS_PREFERENCES_WINDOW (widget)->settings, "seal-image");
}

static gboolean
orientation_to_switch (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "landscape") == 0);
  return TRUE;
}

static GVariant *
switch_to_orientation (const GValue       *value,
                       const GVariantType *type,
                       gpointer            user_data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "landscape" : "portrait");
}

static void
xs_preferences_window_dispose (GObject *object)
{
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (xs_preferences_window_parent_class)->dispose (object);
}

static void
xs_preferences_window_class_init (XsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, base_name_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, seal_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, clear_seal_button);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, full_id_switch);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, size_limit_spin);

  gtk_widget_class_install_action (widget_class, "prefs.choose-seal", NULL, choose_seal);
  gtk_widget_class_install_action (widget_class, "prefs.clear-seal", NULL, clear_seal);
}

static void
xs_preferences_window_init (XsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

XsPreferencesWindow *
xs_preferences_window_new (GSettings *settings)
{
  XsPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (XS_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "base-name", self->base_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "certificate-issuer", self->issuer_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-year", self->year_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-full-id-number", self->full_id_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "evidence-size-limit-mb", self->size_limit_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "certificate-orientation", self->landscape_switch, "active",
                                G_SETTINGS_BIND_DEFAULT, orientation_to_switch, switch_to_orientation,
                                NULL, NULL);
  g_signal_connect_object (settings, "changed::seal-image", G_CALLBACK (update_seal_row), self,
                           G_CONNECT_SWAPPED);
  update_seal_row (self);
  return self;
}
