/* xs-scan-dialog.c
 *
 * The scanner works in a worker (xs-scanner.h) and shows each page as it
 * arrives; a second worker with its own connection attaches the PDF and
 * reads its text. For a claim not saved yet the PDF is only written and
 * read, and handed on as a pending file: nothing is stored. What was read
 * is offered, never filled in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-scan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-store.h"
#include "xs-evidence-text.h"
#include "xs-job.h"
#include "xs-recognise.h"
#include "xs-scan-dialog.h"
#include "xs-scan-pdf.h"
#include "xs-scanner.h"
#include "xs-suggestion-list.h"
#include "xs-texture.h"
#include "xs-trainee-store.h"

struct _XsScanDialog
{
  AdwWindow       parent_instance;

  XsDb           *db;
  gint64          claim_id;
  gint64          trainee_id;    /* of a claim not saved yet */
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
  XsSuggestionList     *suggestions;
};

enum
{
  SIGNAL_SCANNED,
  SIGNAL_SCANNED_PENDING,
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
on_suggestion_use (XsScanDialog *self,
                   const char   *field,
                   const char   *value)
{
  g_signal_emit (self, signals[SIGNAL_SUGGESTION_ACCEPTED], 0, field, value);
}

void
xs_scan_dialog_show_recognition (XsScanDialog        *self,
                                 const XsRecognition *found,
                                 const char          *trainee_id_number)
{
  g_return_if_fail (XS_IS_SCAN_DIALOG (self));
  g_return_if_fail (found != NULL);

  xs_suggestion_list_show (self->suggestions, found, trainee_id_number, self->material);
}

/* Storing and reading */

typedef struct
{
  gint64     claim_id;
  gint64     trainee_id;
  char      *material;
  GPtrArray *pages;
} StoreData;

typedef struct
{
  char          *pending_path;  /* the PDF of a claim not saved yet */
  XsRecognition *found;
  char          *trainee_id_number;
  char          *read_error;
} StoreResult;

static void
store_data_free (StoreData *data)
{
  g_free (data->material);
  g_clear_pointer (&data->pages, g_ptr_array_unref);
  g_free (data);
}

static void
store_result_free (StoreResult *result)
{
  /* not handed on: nobody else will delete it */
  if (result->pending_path != NULL)
    xs_scan_remove_tmp (result->pending_path);
  g_free (result->pending_path);
  g_clear_pointer (&result->found, xs_recognition_free);
  g_free (result->trainee_id_number);
  g_free (result->read_error);
  g_free (result);
}

/* Over the job's own connection: the pages are written, then read. */
static gboolean
store_pages (XsJob         *job,
             XsDb          *db,
             gpointer       job_data,
             GCancellable  *cancellable,
             GError       **error)
{
  StoreData *data = job_data;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(XsClaim) claim = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  StoreResult *result;

  if (data->claim_id <= 0)
    {
      /* A claim not saved yet: the PDF waits beside it, read but not stored. */
      g_autofree char *path = xs_scan_write_pdf_tmp (data->material, data->pages, error);

      if (path == NULL)
        return FALSE;
      result = g_new0 (StoreResult, 1);
      result->pending_path = g_steal_pointer (&path);
      xs_job_set_result (job, result, (GDestroyNotify) store_result_free);
      trainee = xs_trainee_store_get (db, data->trainee_id, NULL);
      result->trainee_id_number = trainee ? g_strdup (trainee->id_number) : NULL;
      if (xs_recognise_is_supported ())
        {
          result->found = xs_recognise_file (result->pending_path, trainee ? trainee->name : NULL,
                                             cancellable, &read_error);
          if (result->found == NULL && g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&read_error));
              return FALSE;
            }
          if (result->found == NULL)
            result->read_error = g_strdup (read_error->message);
        }
      return TRUE;
    }

  sha256 = xs_scan_attach (db, data->claim_id, data->material, data->pages, error);
  if (sha256 == NULL)
    return FALSE;
  result = g_new0 (StoreResult, 1);
  claim = xs_claim_store_get (db, data->claim_id, NULL);
  trainee = claim ? xs_trainee_store_get (db, claim->trainee_id, NULL) : NULL;
  result->trainee_id_number = trainee ? g_strdup (trainee->id_number) : NULL;
  if (xs_recognise_is_supported ())
    {
      result->found = xs_evidence_recognise (db, sha256, trainee ? trainee->name : NULL, cancellable, &read_error);
      if (result->found == NULL)
        result->read_error = g_strdup (read_error->message);
    }
  xs_job_set_result (job, result, (GDestroyNotify) store_result_free);
  return TRUE;
}

static void
stored (GObject      *source,
        GAsyncResult *res,
        gpointer      user_data)
{
  g_autoptr(XsScanDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  StoreResult *result;
  gboolean pending;

  set_working (self, FALSE);
  gtk_button_set_label (self->cancel_button, _("_Close"));
  if (!xs_job_run_finish (XS_JOB (source), res, &error))
    {
      show_status (self, error->message, TRUE);
      return;
    }
  result = xs_job_get_result (XS_JOB (source));
  pending = result->pending_path != NULL;
  if (pending)
    {
      g_autofree char *path = g_steal_pointer (&result->pending_path);

      /* the handler owns the file from here on */
      g_signal_emit (self, signals[SIGNAL_SCANNED_PENDING], 0, path, result->found);
    }
  else
    g_signal_emit (self, signals[SIGNAL_SCANNED], 0);
  if (result->found != NULL && g_strstrip (result->found->text)[0] == '\0')
    show_status (self, pending ? _("The pages are attached to the new claim, stored when it is saved; no text was found on them.")
                               : _("The pages are attached; no text was found on them."), FALSE);
  else if (result->found != NULL)
    {
      show_status (self, pending ? _("The pages are attached to the new claim, stored when it is saved. Here is what they say.")
                                 : _("The pages are attached. Here is what they say."), FALSE);
      xs_suggestion_list_show (self->suggestions, result->found, result->trainee_id_number, self->material);
    }
  else if (result->read_error != NULL)
    show_status (self, result->read_error, TRUE);
  else
    show_status (self, pending ? _("The pages are attached to the new claim, stored when it is saved.")
                               : _("The pages are attached."), FALSE);
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
  g_autoptr(XsJob) job = NULL;
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
  data->claim_id = self->claim_id;
  data->trainee_id = self->trainee_id;
  data->material = g_strdup (self->material);
  data->pages = g_steal_pointer (&pages);
  job = xs_job_new (xs_db_get_data_dir (self->db), store_pages, data, (GDestroyNotify) store_data_free);
  xs_job_run_async (job, self->cancellable, stored, g_object_ref (self));
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
  xs_suggestion_list_clear (self->suggestions);
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
  signals[SIGNAL_SCANNED_PENDING] =
    g_signal_new ("scanned-pending", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_POINTER);
  signals[SIGNAL_SUGGESTION_ACCEPTED] =
    g_signal_new ("suggestion-accepted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (XS_TYPE_SUGGESTION_LIST);
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
  gtk_widget_class_bind_template_child (widget_class, XsScanDialog, suggestions);
  gtk_widget_class_bind_template_callback (widget_class, on_suggestion_use);
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

void
xs_scan_dialog_set_trainee_id (XsScanDialog *self,
                               gint64        trainee_id)
{
  g_return_if_fail (XS_IS_SCAN_DIALOG (self));
  self->trainee_id = trainee_id;
}
