/* xs-scan-dialog.c
 *
 * The scanner works in a worker (xs-scanner.h) and shows each page as it
 * arrives; a second worker with its own connection attaches the PDF and
 * reads its text. What was read is offered, never filled in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-scan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-store.h"
#include "xs-date.h"
#include "xs-evidence-text.h"
#include "xs-id-number.h"
#include "xs-recognise.h"
#include "xs-scan-dialog.h"
#include "xs-scan-pdf.h"
#include "xs-scanner.h"
#include "xs-texture.h"
#include "xs-trainee-store.h"

struct _XsScanDialog
{
  AdwWindow       parent_instance;

  XsDb           *db;
  gint64          claim_id;
  char           *material;
  GSettings      *settings;
  GPtrArray      *devices;       /* XsScanDevice */
  GCancellable   *cancellable;
  XsScanner      *scanner;
  GtkWidget      *current_page;  /* thumbnail of the page arriving */
  gboolean        working;

  /* template children */
  GtkButton            *cancel_button;
  GtkButton            *scan_button;
  AdwPreferencesGroup  *options_group;
  AdwComboRow          *device_row;
  AdwComboRow          *mode_row;
  GtkSpinButton        *resolution_spin;
  GtkSpinButton        *pages_spin;
  GtkProgressBar       *progress_bar;
  GtkLabel             *status_label;
  GtkFlowBox           *thumbnails;
  AdwPreferencesGroup  *suggestions_group;
};

enum
{
  SIGNAL_SCANNED,
  SIGNAL_SUGGESTION_ACCEPTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (XsScanDialog, xs_scan_dialog, ADW_TYPE_WINDOW)

static void
set_working (XsScanDialog *self,
             gboolean      working)
{
  self->working = working;
  gtk_widget_set_sensitive (GTK_WIDGET (self->options_group), !working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scan_button), !working && self->devices && self->devices->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), working);
}

static void
show_status (XsScanDialog *self,
             const char   *message,
             gboolean      error)
{
  gtk_label_set_text (self->status_label, message ? message : "");
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
clear_thumbnails (XsScanDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thumbnails))) != NULL)
    gtk_flow_box_remove (self->thumbnails, child);
  self->current_page = NULL;
}

/* Devices */

static void
devices_listed (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *remembered = g_settings_get_string (self->settings, "scanner-device");
  guint selected = 0;

  self->devices = xs_scanner_list_devices_finish (result, &error);
  if (self->devices == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, error->message, TRUE);
      return;
    }
  for (guint i = 0; i < self->devices->len; i++)
    {
      XsScanDevice *device = self->devices->pdata[i];
      g_autofree char *label = xs_scan_device_get_label (device);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (device->name, remembered) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->device_row, G_LIST_MODEL (labels));
  if (self->devices->len > 0)
    adw_combo_row_set_selected (self->device_row, selected);
  else
    show_status (self, _("No scanner was found. Check that it is switched on and connected "
                         "to this computer, then try again."), TRUE);
  show_status (self, self->devices->len > 0 ? NULL : gtk_label_get_text (self->status_label),
               self->devices->len == 0);
  set_working (self, FALSE);
}

/* Suggestions */

static void
clear_suggestions (XsScanDialog *self)
{
  for (GList *l = g_object_get_data (G_OBJECT (self), "xs-suggestion-rows"); l != NULL; l = l->next)
    adw_preferences_group_remove (self->suggestions_group, l->data);
  g_object_set_data_full (G_OBJECT (self), "xs-suggestion-rows", NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), FALSE);
}

static void
on_use_clicked (GtkButton    *button,
                XsScanDialog *self)
{
  const char *field = g_object_get_data (G_OBJECT (button), "xs-field");
  const char *value = g_object_get_data (G_OBJECT (button), "xs-value");

  g_signal_emit (self, signals[SIGNAL_SUGGESTION_ACCEPTED], 0, field, value);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gtk_button_set_label (button, _("Used"));
}

static void
add_suggestion (XsScanDialog *self,
                const char   *title,
                const char   *shown,
                const char   *field,
                const char   *value,
                gboolean      warning)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  if (warning)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, "warning");
    }
  if (field != NULL)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Use"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "xs-field", g_strdup (field), g_free);
      g_object_set_data_full (G_OBJECT (button), "xs-value", g_strdup (value), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_use_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_preferences_group_add (self->suggestions_group, row);
  g_object_set_data_full (G_OBJECT (self), "xs-suggestion-rows",
                          g_list_prepend (g_object_steal_data (G_OBJECT (self), "xs-suggestion-rows"), row),
                          (GDestroyNotify) g_list_free);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), TRUE);
}

static void
show_suggestions (XsScanDialog        *self,
                  const XsRecognition *found,
                  const char          *trainee_id_number)
{
  for (guint i = 0; found->id_numbers[i] != NULL; i++)
    {
      g_autofree char *masked = xs_id_number_mask (found->id_numbers[i]);

      if (trainee_id_number != NULL && !g_str_equal (found->id_numbers[i], trainee_id_number))
        add_suggestion (self, _("This certificate names another person"), masked, NULL, NULL, TRUE);
      else
        add_suggestion (self, _("Identity number matches the trainee"), masked, NULL, NULL, FALSE);
    }
  if (found->names[0] != NULL)
    add_suggestion (self, _("Name"), found->names[0], NULL, NULL, FALSE);
  if (found->title != NULL)
    add_suggestion (self, _("Title"), found->title, "title", found->title, FALSE);
  for (guint i = 0; found->dates[i] != NULL && i < 3; i++)
    add_suggestion (self, _("Date"), found->dates[i], "date", found->dates[i], FALSE);
  for (guint i = 0; i < found->n_hours && i < 3; i++)
    {
      g_autofree char *shown = xs_hours_format (found->hours[i]);
      g_autofree char *value = g_strdup_printf ("%d", found->hours[i]);

      add_suggestion (self, _("Hours"), shown, "hours", value, FALSE);
    }
  if (found->material != NULL && g_strcmp0 (found->material, self->material) != 0 &&
      found->material_confidence >= 0.5)
    {
      g_autofree char *shown = g_strdup_printf (_("It looks like a %s, not the material this row asks for."),
                                                xs_recognition_material_name (found->material));

      add_suggestion (self, _("Kind of paper"), shown, NULL, NULL, TRUE);
    }
}

void
xs_scan_dialog_show_recognition (XsScanDialog        *self,
                                 const XsRecognition *found,
                                 const char          *trainee_id_number)
{
  g_return_if_fail (XS_IS_SCAN_DIALOG (self));
  g_return_if_fail (found != NULL);

  clear_suggestions (self);
  show_suggestions (self, found, trainee_id_number);
}

/* Storing and reading */

typedef struct
{
  char      *data_dir;
  gint64     claim_id;
  char      *material;
  GPtrArray *pages;
} StoreData;

typedef struct
{
  XsRecognition *found;
  char          *trainee_id_number;
  char          *read_error;
} StoreResult;

static void
store_data_free (StoreData *data)
{
  g_free (data->data_dir);
  g_free (data->material);
  g_clear_pointer (&data->pages, g_ptr_array_unref);
  g_free (data);
}

static void
store_result_free (StoreResult *result)
{
  g_clear_pointer (&result->found, xs_recognition_free);
  g_free (result->trainee_id_number);
  g_free (result->read_error);
  g_free (result);
}

static void
store_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StoreData *data = task_data;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  StoreResult *result;

  db = xs_db_open (data->data_dir, &error);
  if (db != NULL)
    sha256 = xs_scan_attach (db, data->claim_id, data->material, data->pages, &error);
  if (sha256 == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result = g_new0 (StoreResult, 1);
  claim = xs_claim_store_get (db, data->claim_id, NULL);
  trainee = claim ? xs_trainee_store_get (db, claim->trainee_id, NULL) : NULL;
  result->trainee_id_number = trainee ? g_strdup (trainee->id_number) : NULL;
  if (xs_recognise_is_supported ())
    {
      result->found = xs_evidence_recognise (db, sha256, trainee ? trainee->name : NULL, cancellable, &error);
      if (result->found == NULL)
        result->read_error = g_strdup (error->message);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) store_result_free);
}

static void
stored (GObject      *source,
        GAsyncResult *res,
        gpointer      user_data)
{
  XsScanDialog *self = XS_SCAN_DIALOG (source);
  g_autoptr(GError) error = NULL;
  StoreResult *result = g_task_propagate_pointer (G_TASK (res), &error);

  set_working (self, FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  if (result == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SCANNED], 0);
  if (result->found != NULL && g_strstrip (result->found->text)[0] == '\0')
    show_status (self, _("The pages are attached; no text was found on them."), FALSE);
  else if (result->found != NULL)
    {
      show_status (self, _("The pages are attached. Here is what they say."), FALSE);
      show_suggestions (self, result->found, result->trainee_id_number);
    }
  else if (result->read_error != NULL)
    show_status (self, result->read_error, TRUE);
  else
    show_status (self, _("The pages are attached."), FALSE);
  store_result_free (result);
}

/* Scanning */

static void
on_progress (guint            page,
             double           fraction,
             cairo_surface_t *thumbnail,
             gpointer         user_data)
{
  XsScanDialog *self = user_data;
  g_autofree char *text = g_strdup_printf (_("Page %u"), page);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  if (fraction == 0.0 || self->current_page == NULL)
    {
      self->current_page = gtk_picture_new ();
      gtk_widget_set_size_request (self->current_page, XS_SCANNER_THUMBNAIL_SIZE * 3 / 4,
                                   XS_SCANNER_THUMBNAIL_SIZE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->current_page),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
      gtk_flow_box_append (self->thumbnails, self->current_page);
    }
  if (thumbnail != NULL)
    {
      g_autoptr(GdkTexture) texture = xs_texture_new_for_surface (thumbnail);

      gtk_picture_set_paintable (GTK_PICTURE (self->current_page), GDK_PAINTABLE (texture));
    }
  if (fraction >= 1.0)
    self->current_page = NULL;
}

static void
scanned (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(XsScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = xs_scanner_scan_finish (XS_SCANNER (source), res, &error);
  g_autoptr(GTask) task = NULL;
  StoreData *data;

  if (pages == NULL)
    {
      set_working (self, FALSE);
      show_status (self, error->message, TRUE);
      clear_thumbnails (self);
      self->current_page = NULL;
      return;
    }
  show_status (self, _("Attaching the pages and reading their text…"), FALSE);
  gtk_progress_bar_pulse (self->progress_bar);
  gtk_progress_bar_set_text (self->progress_bar, NULL);

  data = g_new0 (StoreData, 1);
  data->data_dir = g_strdup (xs_db_get_data_dir (self->db));
  data->claim_id = self->claim_id;
  data->material = g_strdup (self->material);
  data->pages = g_steal_pointer (&pages);
  task = g_task_new (self, self->cancellable, stored, NULL);
  g_task_set_source_tag (task, scanned);
  g_task_set_task_data (task, data, (GDestroyNotify) store_data_free);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, store_thread);
}

void
xs_scan_dialog_start (XsScanDialog *self)
{
  XsScanDevice *device;
  guint selected;

  g_return_if_fail (XS_IS_SCAN_DIALOG (self));

  selected = adw_combo_row_get_selected (self->device_row);
  if (self->working || self->devices == NULL || selected >= self->devices->len)
    return;
  device = self->devices->pdata[selected];
  g_settings_set_string (self->settings, "scanner-device", device->name);

  g_clear_object (&self->scanner);
  self->scanner = xs_scanner_new (device->name);
  xs_scanner_set_mode (self->scanner, adw_combo_row_get_selected (self->mode_row) == 1
                                      ? XS_SCAN_MODE_GREY : XS_SCAN_MODE_COLOUR);
  xs_scanner_set_resolution (self->scanner, gtk_spin_button_get_value_as_int (self->resolution_spin));
  xs_scanner_set_pages (self->scanner, gtk_spin_button_get_value_as_int (self->pages_spin));

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  clear_thumbnails (self);
  self->current_page = NULL;
  show_status (self, NULL, FALSE);
  gtk_button_set_label (self->cancel_button, _("_Cancel"));
  clear_suggestions (self);
  set_working (self, TRUE);
  xs_scanner_scan_async (self->scanner, self->cancellable, on_progress, g_object_ref (self),
                         g_object_unref, scanned, g_object_ref (self));
}

static void
on_scan_clicked (XsScanDialog *self)
{
  xs_scan_dialog_start (self);
}

static void
on_cancel_clicked (XsScanDialog *self)
{
  if (self->working)
    {
      /* The scan ends with its own message; nothing is stored. */
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
xs_scan_dialog_close_request (GtkWindow *window)
{
  XsScanDialog *self = XS_SCAN_DIALOG (window);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (xs_scan_dialog_parent_class)->close_request (window);
}

static void
xs_scan_dialog_dispose (GObject *object)
{
  XsScanDialog *self = XS_SCAN_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_SCAN_DIALOG);
  G_OBJECT_CLASS (xs_scan_dialog_parent_class)->dispose (object);
}

static void
xs_scan_dialog_finalize (GObject *object)
{
  XsScanDialog *self = XS_SCAN_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->scanner);
  g_clear_pointer (&self->devices, g_ptr_array_unref);
  g_free (self->material);
  G_OBJECT_CLASS (xs_scan_dialog_parent_class)->finalize (object);
}

static void
xs_scan_dialog_class_init (XsScanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xs_scan_dialog_dispose;
  object_class->finalize = xs_scan_dialog_finalize;
  window_class->close_request = xs_scan_dialog_close_request;

  signals[SIGNAL_SCANNED] =
    g_signal_new ("scanned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SUGGESTION_ACCEPTED] =
    g_signal_new ("suggestion-accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-scan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, scan_button);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, device_row);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, resolution_spin);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, pages_spin);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, thumbnails);
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, suggestions_group);
  gtk_widget_class_bind_template_callback (widget_class, on_scan_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xs_scan_dialog_init (XsScanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
}

XsScanDialog *
xs_scan_dialog_new (GtkWindow  *parent,
                    XsDb       *db,
                    gint64      claim_id,
                    const char *material)
{
  XsScanDialog *self;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (material != NULL, NULL);

  self = g_object_new (XS_TYPE_SCAN_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->claim_id = claim_id;
  self->material = g_strdup (material);
  set_working (self, TRUE);
  show_status (self, _("Looking for scanners…"), FALSE);
  self->cancellable = g_cancellable_new ();
  xs_scanner_list_devices_async (self->cancellable, devices_listed, g_object_ref (self));
  return self;
}
