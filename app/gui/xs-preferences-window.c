/* xs-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-file-chooser.h"
#include "xs-preferences-window.h"
#include "xs-reviewers-group.h"

struct _XsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  XsDb                 *db;
  XsBaseProfile        *profile;
  GCancellable         *cancellable;
  GCancellable         *chooser_cancellable;

  AdwPreferencesPage   *base_page;
  AdwEntryRow          *base_name_row;
  AdwEntryRow          *issuer_row;
  AdwActionRow         *seal_row;
  GtkPicture           *seal_picture;
  GtkWidget            *clear_seal_button;
  AdwActionRow         *fingerprint_row;
  AdwComboRow          *template_row;
  GtkStringList        *template_names;
  GtkSwitch            *full_id_switch;
  GtkSwitch            *landscape_switch;
  GtkSwitch            *english_switch;
  GtkSpinButton        *year_spin;
  GtkSpinButton        *size_limit_spin;
  XsReviewersGroup     *reviewers_group;
};

G_DEFINE_FINAL_TYPE (XsPreferencesWindow, xs_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DB,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each change of the base page is saved at once, as one action; a refused
 * one is undone and said in a toast. */
static gboolean
save_profile (XsPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (xs_base_profile_save (self->profile, self->db, &error))
    return TRUE;
  xs_base_profile_revert (self->profile);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  return FALSE;
}

static void
on_base_name_apply (XsPreferencesWindow *self)
{
  xs_base_profile_set_name (self->profile, gtk_editable_get_text (GTK_EDITABLE (self->base_name_row)));
  save_profile (self);
  gtk_editable_set_text (GTK_EDITABLE (self->base_name_row), xs_base_profile_get_name (self->profile));
}

static void
on_issuer_apply (XsPreferencesWindow *self)
{
  xs_base_profile_set_issuer (self->profile, gtk_editable_get_text (GTK_EDITABLE (self->issuer_row)));
  save_profile (self);
  gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), xs_base_profile_get_issuer (self->profile));
}

/* Closing the window keeps what was typed but not applied. */
static gboolean
xs_preferences_window_close_request (GtkWindow *window)
{
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (window);

  if (self->profile != NULL && self->db != NULL)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->base_name_row))));
      g_autofree char *issuer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->issuer_row))));

      if (g_strcmp0 (name, xs_base_profile_get_name (self->profile)) != 0)
        on_base_name_apply (self);
      if (g_strcmp0 (issuer, xs_base_profile_get_issuer (self->profile)) != 0)
        on_issuer_apply (self);
    }
  return GTK_WINDOW_CLASS (xs_preferences_window_parent_class)->close_request (window);
}

static void
on_full_id_changed (XsPreferencesWindow *self)
{
  gboolean active = gtk_switch_get_active (self->full_id_switch);

  if (active == xs_base_profile_get_full_id_number (self->profile))
    return;
  xs_base_profile_set_full_id_number (self->profile, active);
  save_profile (self);
}

static void
on_landscape_changed (XsPreferencesWindow *self)
{
  XsCertificateOrientation orientation = gtk_switch_get_active (self->landscape_switch)
                                         ? XS_CERTIFICATE_LANDSCAPE : XS_CERTIFICATE_PORTRAIT;

  if (orientation == xs_base_profile_get_orientation (self->profile))
    return;
  xs_base_profile_set_orientation (self->profile, orientation);
  save_profile (self);
}

static void
on_english_changed (XsPreferencesWindow *self)
{
  XsCertificateLanguage language = gtk_switch_get_active (self->english_switch)
                                   ? XS_CERTIFICATE_ENGLISH : XS_CERTIFICATE_CHINESE;

  if (language == xs_base_profile_get_language (self->profile))
    return;
  xs_base_profile_set_language (self->profile, language);
  save_profile (self);
}

static void
on_template_selected (XsPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->template_row);
  const char * const *templates = xs_base_profile_list_templates ();
  g_autoptr(GError) error = NULL;

  if (position >= g_strv_length ((char **) templates)
      || g_str_equal (templates[position], xs_base_profile_get_template (self->profile)))
    return;
  if (!xs_base_profile_set_template (self->profile, templates[position], &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
  else
    save_profile (self);
}

/* What the page shows follows the profile, whoever changes it. */
static void
update_from_profile (XsPreferencesWindow *self)
{
  const char * const *templates = xs_base_profile_list_templates ();
  const char *fingerprint = xs_base_profile_get_key_fingerprint (self->profile);
  GBytes *seal = xs_base_profile_get_seal (self->profile);
  g_autoptr(GdkTexture) texture = seal ? gdk_texture_new_from_bytes (seal, NULL) : NULL;
  g_autofree char *seal_text = NULL;

  gtk_switch_set_active (self->full_id_switch, xs_base_profile_get_full_id_number (self->profile));
  gtk_switch_set_active (self->landscape_switch,
                         xs_base_profile_get_orientation (self->profile) == XS_CERTIFICATE_LANDSCAPE);
  gtk_switch_set_active (self->english_switch,
                         xs_base_profile_get_language (self->profile) == XS_CERTIFICATE_ENGLISH);
  for (guint i = 0; templates[i] != NULL; i++)
    if (g_str_equal (templates[i], xs_base_profile_get_template (self->profile)))
      adw_combo_row_set_selected (self->template_row, i);

  if (seal != NULL)
    /* Translators: the size of the seal image stored in the database */
    seal_text = g_strdup_printf (_("PNG, %lu KB, kept in the database"),
                                 (unsigned long) (g_bytes_get_size (seal) + 1023) / 1024);
  adw_action_row_set_subtitle (self->seal_row, seal_text ? seal_text : _("None"));
  gtk_picture_set_paintable (self->seal_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->seal_picture), texture != NULL);
  gtk_widget_set_visible (self->clear_seal_button, seal != NULL);

  adw_action_row_set_subtitle (self->fingerprint_row,
                               fingerprint ? fingerprint
                               : _("The signing key is missing: restore it from the base’s archive"));
}

static void
on_seal_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  png = g_bytes_new_take (g_steal_pointer (&contents), length);
  if (!xs_base_profile_set_seal (self->profile, png, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  save_profile (self);
}

static void
on_seal_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsPreferencesWindow) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  /* Not read at all when it is far too large for a seal. */
  if (info != NULL && g_file_info_get_size (info) > XS_BASE_PROFILE_MAX_SEAL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (_("The seal image is too large. Save a smaller scan of the seal as PNG.")));
  else
    g_file_load_contents_async (file, self->cancellable, on_seal_loaded, g_object_ref (self));
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
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (widget);

  xs_base_profile_set_seal (self->profile, NULL, NULL);
  save_profile (self);
}

static void
bind_profile (XsPreferencesWindow *self)
{
  const char * const *templates = xs_base_profile_list_templates ();

  for (guint i = 0; templates[i] != NULL; i++)
    gtk_string_list_append (self->template_names, xs_base_profile_describe_template (templates[i]));

  /* The entries show what is saved; typing changes the profile on Apply. */
  gtk_editable_set_text (GTK_EDITABLE (self->base_name_row), xs_base_profile_get_name (self->profile));
  gtk_editable_set_text (GTK_EDITABLE (self->issuer_row), xs_base_profile_get_issuer (self->profile));
  update_from_profile (self);
  g_signal_connect_object (self->profile, "notify", G_CALLBACK (update_from_profile), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->full_id_switch, "notify::active", G_CALLBACK (on_full_id_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->landscape_switch, "notify::active", G_CALLBACK (on_landscape_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->english_switch, "notify::active", G_CALLBACK (on_english_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_row, "notify::selected", G_CALLBACK (on_template_selected), self,
                           G_CONNECT_SWAPPED);
}

static void
xs_preferences_window_constructed (GObject *object)
{
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (xs_preferences_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "default-year", self->year_spin, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "evidence-size-limit-mb", self->size_limit_spin, "value",
                       G_SETTINGS_BIND_DEFAULT);
    }
  /* A reviewer's window has no base. */
  if (self->profile != NULL && self->db != NULL)
    {
      bind_profile (self);
      g_object_set (self->reviewers_group, "db", self->db, NULL);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->base_page), FALSE);
      adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), "general");
    }
}

static void
xs_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_preferences_window_dispose (GObject *object)
{
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->profile);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (xs_preferences_window_parent_class)->dispose (object);
}

static void
xs_preferences_window_class_init (XsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = xs_preferences_window_constructed;
  object_class->get_property = xs_preferences_window_get_property;
  object_class->set_property = xs_preferences_window_set_property;
  object_class->dispose = xs_preferences_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = xs_preferences_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XS_TYPE_BASE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XS_TYPE_REVIEWERS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, base_page);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, base_name_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, seal_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, seal_picture);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, clear_seal_button);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, template_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, template_names);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, full_id_switch);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, english_switch);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, size_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, reviewers_group);
  gtk_widget_class_bind_template_callback (widget_class, on_base_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_issuer_apply);

  gtk_widget_class_install_action (widget_class, "prefs.choose-seal", NULL, choose_seal);
  gtk_widget_class_install_action (widget_class, "prefs.clear-seal", NULL, clear_seal);
}

static void
xs_preferences_window_init (XsPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

XsPreferencesWindow *
xs_preferences_window_new (GSettings     *settings,
                           XsDb          *db,
                           XsBaseProfile *profile)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (db == NULL || XS_IS_DB (db), NULL);
  g_return_val_if_fail (profile == NULL || XS_IS_BASE_PROFILE (profile), NULL);

  return g_object_new (XS_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "db", db,
                       "profile", profile,
                       NULL);
}
