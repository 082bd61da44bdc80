/* xs-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xs-certificate-pdf.h"
#include "xs-certificate-templates.h"
#include "xs-preferences-window.h"
#include "xs-reviewers-group.h"
#include "xs-seal-chooser.h"

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
  GtkSwitch            *full_id_switch;
  GtkSwitch            *landscape_switch;
  GtkSwitch            *english_switch;
  AdwComboRow          *annual_template_row;
  AdwComboRow          *completion_template_row;
  GtkStringList        *kind_template_names;
  GStrv                 kind_templates;  /* the names the rows offer: "" (standard) first */
  GtkSpinButton        *offset_x_spin;
  GtkSpinButton        *offset_y_spin;
  GtkPrintOperation    *print_operation;
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
on_kind_template_selected (XsPreferencesWindow *self,
                           GParamSpec          *pspec,
                           AdwComboRow         *row)
{
  XsCertificateKind kind = row == self->completion_template_row ? XS_CERTIFICATE_COMPLETION
                                                                : XS_CERTIFICATE_ANNUAL;
  guint position = adw_combo_row_get_selected (row);

  if (self->kind_templates == NULL || position >= g_strv_length (self->kind_templates)
      || g_str_equal (self->kind_templates[position], xs_base_profile_get_kind_template (self->profile, kind)))
    return;
  xs_base_profile_set_kind_template (self->profile, kind, self->kind_templates[position]);
  save_profile (self);
}

static void
on_offset_changed (XsPreferencesWindow *self)
{
  double x, y;

  xs_base_profile_get_offset (self->profile, &x, &y);
  if (fabs (gtk_spin_button_get_value (self->offset_x_spin) - x) < 0.05
      && fabs (gtk_spin_button_get_value (self->offset_y_spin) - y) < 0.05)
    return;
  xs_base_profile_set_offset (self->profile, gtk_spin_button_get_value (self->offset_x_spin),
                              gtk_spin_button_get_value (self->offset_y_spin));
  save_profile (self);
}

/* The templates the base can choose: the standard design, the built-in
 * ones and the base's own (a short query on the base's database). */
static void
load_kind_templates (XsPreferencesWindow *self)
{
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;

  templates = xs_certificate_templates_list (self->db, &error);
  if (templates == NULL)
    {
      g_warning ("No certificate templates: %s", error->message);
      templates = g_ptr_array_new ();
    }
  g_strv_builder_add (names, "");
  gtk_string_list_append (self->kind_template_names, _("Standard design"));
  for (guint i = 0; i < templates->len; i++)
    {
      XsCertificateTemplate *template = g_ptr_array_index (templates, i);

      g_strv_builder_add (names, xs_certificate_template_get_name (template));
      gtk_string_list_append (self->kind_template_names, xs_certificate_template_get_title (template));
    }
  g_strfreev (self->kind_templates);
  self->kind_templates = g_strv_builder_end (names);
}

static void
select_kind_template (XsPreferencesWindow *self,
                      AdwComboRow         *row,
                      XsCertificateKind    kind)
{
  const char *name = xs_base_profile_get_kind_template (self->profile, kind);

  for (guint i = 0; self->kind_templates != NULL && self->kind_templates[i] != NULL; i++)
    if (g_str_equal (self->kind_templates[i], name))
      adw_combo_row_set_selected (row, i);
}

/* What the page shows follows the profile, whoever changes it. */
static void
update_from_profile (XsPreferencesWindow *self)
{
  const char *fingerprint = xs_base_profile_get_key_fingerprint (self->profile);
  GBytes *seal = xs_base_profile_get_seal (self->profile);
  g_autoptr(GdkTexture) texture = seal ? gdk_texture_new_from_bytes (seal, NULL) : NULL;
  g_autofree char *seal_text = NULL;

  gtk_switch_set_active (self->full_id_switch, xs_base_profile_get_full_id_number (self->profile));
  gtk_switch_set_active (self->landscape_switch,
                         xs_base_profile_get_orientation (self->profile) == XS_CERTIFICATE_LANDSCAPE);
  gtk_switch_set_active (self->english_switch,
                         xs_base_profile_get_language (self->profile) == XS_CERTIFICATE_ENGLISH);
  select_kind_template (self, self->annual_template_row, XS_CERTIFICATE_ANNUAL);
  select_kind_template (self, self->completion_template_row, XS_CERTIFICATE_COMPLETION);
  {
    double x, y;

    xs_base_profile_get_offset (self->profile, &x, &y);
    gtk_spin_button_set_value (self->offset_x_spin, x);
    gtk_spin_button_set_value (self->offset_y_spin, y);
  }

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
on_seal_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  png = xs_seal_chooser_run_finish (result, NULL, &error);
  if (png == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  if (!xs_base_profile_set_seal (self->profile, png, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  save_profile (self);
}

static void
choose_seal (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (widget);

  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  self->chooser_cancellable = g_cancellable_new ();
  xs_seal_chooser_run_async (GTK_WINDOW (self), self->chooser_cancellable, on_seal_chosen, g_object_ref (self));
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

/* The calibration page: printed at full size, moved by the offset saved */

typedef struct
{
  XsCertificateTemplate *template;
  int                    offset_x, offset_y;  /* tenths of a mm */
} Calibration;

static void
calibration_free (gpointer data,
                  GClosure *closure)
{
  Calibration *calibration = data;

  g_clear_object (&calibration->template);
  g_free (calibration);
}

static void
on_calibration_draw_page (GtkPrintOperation *operation,
                          GtkPrintContext   *context,
                          int                page_nr,
                          Calibration       *calibration)
{
  xs_certificate_draw_calibration (calibration->template, gtk_print_context_get_cairo_context (context),
                                   calibration->offset_x, calibration->offset_y);
}

static void
on_calibration_done (XsPreferencesWindow     *self,
                     GtkPrintOperationResult  result,
                     GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error ? error->message
                                                       : _("The calibration page could not be printed")));
    }
  if (self->print_operation == operation)
    g_clear_object (&self->print_operation);
}

static void
print_calibration (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  XsPreferencesWindow *self = XS_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GError) error = NULL;
  Calibration *calibration;
  GtkPrintOperationResult result;
  double width, height, x, y;

  if (self->print_operation != NULL)
    return;
  calibration = g_new0 (Calibration, 1);
  calibration->template = xs_certificate_templates_lookup (self->db,
                                                           xs_base_profile_get_kind_template (self->profile, XS_CERTIFICATE_ANNUAL),
                                                           xs_base_profile_get_orientation (self->profile), &error);
  if (calibration->template == NULL)
    {
      calibration_free (calibration, NULL);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  xs_base_profile_get_offset (self->profile, &x, &y);
  calibration->offset_x = (int) lround (x * 10);
  calibration->offset_y = (int) lround (y * 10);

  /* the template's paper, upright, at full size: no scaling */
  xs_certificate_template_get_page_size (calibration->template, &width, &height);
  paper = gtk_paper_size_new_custom ("xueshi-calibration", _("Certificate paper"),
                                     MIN (width, height), MAX (width, height), GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, _("Calibration page"));
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_calibration_draw_page),
                         calibration, calibration_free, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_calibration_done), self, G_CONNECT_SWAPPED);
  self->print_operation = g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    on_calibration_done (self, result, operation);
}

static void
bind_profile (XsPreferencesWindow *self)
{
  load_kind_templates (self);

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
  g_signal_connect_object (self->annual_template_row, "notify::selected", G_CALLBACK (on_kind_template_selected),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->completion_template_row, "notify::selected",
                           G_CALLBACK (on_kind_template_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offset_x_spin, "value-changed", G_CALLBACK (on_offset_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offset_y_spin, "value-changed", G_CALLBACK (on_offset_changed), self,
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
  g_clear_object (&self->print_operation);
  g_clear_pointer (&self->kind_templates, g_strfreev);
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
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, full_id_switch);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, english_switch);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, annual_template_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, completion_template_row);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, kind_template_names);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, offset_x_spin);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, offset_y_spin);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, size_limit_spin);
  gtk_widget_class_bind_template_child (widget_class, XsPreferencesWindow, reviewers_group);
  gtk_widget_class_bind_template_callback (widget_class, on_base_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_issuer_apply);

  gtk_widget_class_install_action (widget_class, "prefs.choose-seal", NULL, choose_seal);
  gtk_widget_class_install_action (widget_class, "prefs.clear-seal", NULL, clear_seal);
  gtk_widget_class_install_action (widget_class, "prefs.print-calibration", NULL, print_calibration);
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
