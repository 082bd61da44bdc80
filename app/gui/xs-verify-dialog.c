/* xs-verify-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-verify-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-check.h"
#include "xs-certificate-payload.h"
#include "xs-certificate-store.h"
#include "xs-date.h"
#include "xs-detail-item.h"
#include "xs-file-chooser.h"
#include "xs-job.h"
#include "xs-qr-reader.h"
#include "xs-verify-dialog.h"

struct _XsVerifyDialog
{
  AdwWindow     parent_instance;

  XsDb         *db;
  char         *own_key;       /* this installation's public key text */
  GStrv         own_keys;      /* it, then the keys it had before */
  GCancellable *cancellable;
  gboolean      pending;       /* verify once the key is read */
  GBytes       *revocations;   /* the chosen revocation list, as read */
  GCancellable *picture_cancellable;
  GCancellable *revocations_cancellable;
  GListStore   *details;       /* XsDetailItem of the certificate checked */

  /* template children */
  AdwEntryRow  *payload_row;
  AdwEntryRow  *key_row;
  AdwActionRow *revocations_row;
  GtkWidget    *result_group;
  GtkImage     *result_icon;
  GtkLabel     *result_title;
  GtkLabel     *result_description;
  GtkListBox   *details_list;   /* bound to details */
};

G_DEFINE_FINAL_TYPE (XsVerifyDialog, xs_verify_dialog, ADW_TYPE_WINDOW)

static void verify (XsVerifyDialog *self);

static void
clear_details (XsVerifyDialog *self)
{
  g_list_store_remove_all (self->details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_list), FALSE);
}

static void
add_detail (XsVerifyDialog *self,
            const char     *title,
            const char     *value)
{
  g_autoptr(XsDetailItem) item = xs_detail_item_new (title, value);

  g_list_store_append (self->details, item);
  gtk_widget_set_visible (GTK_WIDGET (self->details_list), TRUE);
}

static void
show_result (XsVerifyDialog *self,
             const char     *icon,
             const char     *style,
             const char     *title,
             const char     *description)
{
  gtk_image_set_from_icon_name (self->result_icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), style);
  gtk_label_set_label (self->result_title, title);
  gtk_label_set_label (self->result_description, description);
  gtk_widget_set_visible (self->result_group, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_group), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
hide_result (XsVerifyDialog *self)
{
  gtk_widget_set_visible (self->result_group, FALSE);
  clear_details (self);
}

static const char *
kind_label (XsCertificateKind kind)
{
  return kind == XS_CERTIFICATE_ANNUAL ? _("Continuing Education Certificate") : _("Certificate of Completion");
}

static char *
format_hours (const XsCertificatePayload *payload)
{
  g_autofree char *pub = xs_hours_format (payload->public_hours);
  g_autofree char *compulsory = xs_hours_format (payload->compulsory);
  g_autofree char *pro = xs_hours_format (payload->professional);
  g_autofree char *total = xs_hours_format (payload->total);

  /* Translators: the hours a certificate's QR code states; in Chinese
   * "公需 %s / 必修 %s / 专业 %s / 合计 %s" */
  return g_strdup_printf (_("Public %s / compulsory %s / professional %s / total %s"), pub, compulsory, pro, total);
}

/* "2018-12-20 14:05", in local time */
static char *
format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || (utc = g_date_time_new_from_iso8601 (iso8601, NULL)) == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* What this base's register says about the certificate. Returns whether it
 * was revoked. */
static gboolean
add_register_details (XsVerifyDialog *self,
                      const char     *serial,
                      gboolean        holder_shown)
{
  g_autoptr(XsIssuedCertificate) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *issued_at = NULL;

  if (self->db == NULL)
    return FALSE;
  issued = xs_certificate_store_lookup (self->db, serial, &error);
  if (issued == NULL)
    {
      add_detail (self, _("Register"),
                  g_error_matches (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND)
                  ? _("Not in this base’s register: it was signed with this base’s key, but its record is not in this database")
                  : error->message);
      return FALSE;
    }

  issued_at = format_time (issued->issued_at);
  if (!holder_shown)
    {
      add_detail (self, _("Holder"), issued->holder);
      add_detail (self, _("Identity Number"), issued->masked_id);
    }
  add_detail (self, _("Issued"), issued_at);
  if (issued->revoked_at != NULL)
    {
      g_autofree char *revoked_at = format_time (issued->revoked_at);
      /* Translators: "Revoked on 2019-03-01 10:00: <reason>" */
      g_autofree char *text = g_strdup_printf (_("Revoked on %s: %s"), revoked_at,
                                               issued->revoke_reason ? issued->revoke_reason : "");

      add_detail (self, _("Status"), text);
      return TRUE;
    }
  add_detail (self, _("Status"), _("Valid: not revoked"));
  return FALSE;
}

static void
verify (XsVerifyDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->payload_row))));
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row))));
  g_autofree char *year = NULL;
  g_autofree char *hours = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRevocationList) list = NULL;
  XsCertificateCheck check = { 0 };
  gboolean own_key;
  gboolean revoked = FALSE;

  hide_result (self);
  if (*text == '\0')
    return;
  if (*key == '\0')
    {
      /* The key is still being read: check as soon as it is there. */
      self->pending = self->own_key == NULL;
      if (!self->pending)
        show_result (self, "dialog-error-symbolic", "error", _("No Key"),
                     _("Enter the public key of the base that issued the certificate."));
      return;
    }

  own_key = self->own_key != NULL && g_str_equal (key, self->own_key);
  if (self->revocations != NULL
      && (list = xs_revocation_list_new_from_data (g_bytes_get_data (self->revocations, NULL),
                                                   g_bytes_get_size (self->revocations),
                                                   key, &error)) == NULL)
    {
      show_result (self, "dialog-error-symbolic", "error", _("Revocation List Refused"), error->message);
      return;
    }
  /* a certificate signed before the base's key was changed */
  for (guint i = 1; own_key && self->own_keys != NULL && self->own_keys[i] != NULL; i++)
    {
      XsCertificatePayload payload = { 0 };
      gboolean current = xs_certificate_payload_verify (text, self->own_keys[0], &payload, NULL);

      xs_certificate_payload_clear (&payload);
      if (current)
        break;
      if (xs_certificate_payload_verify (text, self->own_keys[i], &payload, NULL))
        {
          xs_certificate_payload_clear (&payload);
          g_free (key);
          key = g_strdup (self->own_keys[i]);
          break;
        }
      xs_certificate_payload_clear (&payload);
    }
  if (!xs_certificate_check (text, key, own_key ? self->db : NULL,
                             list, &check, &error))
    {
      show_result (self, "dialog-error-symbolic", "error", _("Not Valid"), error->message);
      return;
    }

  year = g_strdup_printf ("%d", check.payload.year);
  hours = format_hours (&check.payload);
  add_detail (self, _("Number"), check.payload.serial);
  add_detail (self, _("Certificate"), kind_label (check.payload.kind));
  add_detail (self, _("Year"), year);
  add_detail (self, _("Hours"), hours);
  if (check.payload.version >= 2)
    {
      /* what the page prints: the verifier compares it with the ID card */
      add_detail (self, _("Name"), check.payload.name);
      add_detail (self, _("Identity Number"), check.payload.id_text);
    }
  if (own_key)
    add_register_details (self, check.payload.serial, check.payload.version >= 2);
  else
    add_detail (self, _("Register"), _("Issued by another base: its register is not in this database"));
  if (check.list_issued_at != NULL)
    {
      g_autofree char *date = format_time (check.list_issued_at);
      g_autofree char *text_list = NULL;
      /* Translators: the date of the base's revocation list */
      g_autofree char *title = g_strdup_printf (_("Revocation list of %s"), date);

      if (check.status == XS_REVOCATION_REVOKED)
        {
          g_autofree char *revoked_at = format_time (check.revoked_at);

          text_list = g_strdup_printf (_("Revoked on %s: %s"), revoked_at, check.reason);
        }
      else
        text_list = g_strdup (_("Valid: not revoked"));
      add_detail (self, title, text_list);
    }
  revoked = check.status == XS_REVOCATION_REVOKED;

  if (revoked)
    show_result (self, "dialog-warning-symbolic", "warning", _("Revoked"),
                 _("The code is genuine, but the base has revoked this certificate."));
  else
    show_result (self, "emblem-ok-symbolic", "success", _("Valid"),
                 check.status == XS_REVOCATION_NOT_CHECKED
                 ? _("The code was signed with the key above and has not been changed. Whether the base revoked it was not checked: choose the base’s revocation list.")
                 : own_key ? _("The code was signed by this base and has not been changed.")
                 : _("The code was signed with the key above and has not been changed."));
  xs_certificate_check_clear (&check);
}

static void
on_changed (XsVerifyDialog *self,
            GtkEditable    *editable)
{
  self->pending = FALSE;
  hide_result (self);
}

static void
on_entry_activated (XsVerifyDialog *self,
                    AdwEntryRow    *row)
{
  verify (self);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  verify (XS_VERIFY_DIALOG (widget));
}

static void
own_key_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  XsVerifyDialog *self = XS_VERIFY_DIALOG (widget);

  if (self->own_key != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->key_row), self->own_key);
}

/* This installation's key, read (or made) in a worker. */

static gboolean
read_key (XsJob         *job,
          XsDb          *db,
          gpointer       data_dir,
          GCancellable  *cancellable,
          GError       **error)
{
  GStrv keys = xs_signing_key_list_public_texts (data_dir, error);

  if (keys == NULL)
    return FALSE;
  xs_job_set_result (job, keys, (GDestroyNotify) g_strfreev);
  return TRUE;
}

static void
on_key_read (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XsVerifyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  gboolean pending = self->pending;

  if (xs_job_run_finish (XS_JOB (object), result, &error))
    keys = xs_job_steal_result (XS_JOB (object));
  if (keys == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, "dialog-error-symbolic", "error", _("No Key"), error->message);
      return;
    }
  self->own_key = g_strdup (keys[0]);
  self->own_keys = g_steal_pointer (&keys);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.own-key", TRUE);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->key_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->key_row), self->own_key);
  if (pending)
    verify (self);
}

/* A photo, a scan or a PDF of the certificate, read in a worker. */

static void
on_picture_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XsVerifyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = xs_qr_reader_read_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.read-picture", TRUE);
  if (found == NULL)
    {
      show_result (self, "dialog-error-symbolic", "error", _("No Code Read"), error->message);
      return;
    }
  /* the first code; a PDF of several certificates is checked one by one */
  gtk_editable_set_text (GTK_EDITABLE (self->payload_row), g_ptr_array_index (found, 0));
  verify (self);
}

void
xs_verify_dialog_read_picture (XsVerifyDialog *self,
                               const char     *path)
{
  g_return_if_fail (XS_IS_VERIFY_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_cancellable_cancel (self->picture_cancellable);
  g_clear_object (&self->picture_cancellable);
  self->picture_cancellable = g_cancellable_new ();
  hide_result (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.read-picture", FALSE);
  xs_qr_reader_read_file_async (path, self->picture_cancellable, on_picture_read, g_object_ref (self));
}

/* The base's revocation list, read in a worker and checked when a code is. */

static gboolean
read_revocations (XsJob         *job,
                  XsDb          *db,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (data);
  g_autoptr(GFileInputStream) stream = NULL;
  GBytes *bytes = NULL;

  /* one byte over the largest list: too large a file is refused, not read */
  stream = g_file_read (file, cancellable, error);
  if (stream != NULL)
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), XS_REVOCATION_LIST_MAX_SIZE + 1,
                                       cancellable, error);
  if (bytes == NULL)
    return FALSE;
  xs_job_set_result (job, bytes, (GDestroyNotify) g_bytes_unref);
  return TRUE;
}

static void
on_revocations_read (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(XsVerifyDialog) self = user_data;
  XsJob *job = XS_JOB (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!xs_job_run_finish (job, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, "dialog-error-symbolic", "error", _("Revocation List Refused"), error->message);
      return;
    }
  g_clear_pointer (&self->revocations, g_bytes_unref);
  self->revocations = xs_job_steal_result (job);
  name = g_path_get_basename (xs_job_get_data (job));
  adw_action_row_set_subtitle (self->revocations_row, name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.clear-revocations", TRUE);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->payload_row)) != '\0')
    verify (self);
}

void
xs_verify_dialog_set_revocations (XsVerifyDialog *self,
                                  const char     *path)
{
  g_autoptr(XsJob) job = NULL;

  g_return_if_fail (XS_IS_VERIFY_DIALOG (self));
  g_return_if_fail (path != NULL);

  /* A list chosen while an earlier one is still being read replaces it:
   * the earlier read must not come back after it and win. */
  g_cancellable_cancel (self->revocations_cancellable);
  g_clear_object (&self->revocations_cancellable);
  self->revocations_cancellable = g_cancellable_new ();
  job = xs_job_new (NULL, read_revocations, g_strdup (path), g_free);
  xs_job_run_async (job, self->revocations_cancellable, on_revocations_read, g_object_ref (self));
}

static void
clear_revocations_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  XsVerifyDialog *self = XS_VERIFY_DIALOG (widget);

  g_clear_pointer (&self->revocations, g_bytes_unref);
  adw_action_row_set_subtitle (self->revocations_row, _("None: only this base’s own certificates are checked for revocation"));
  gtk_widget_action_set_enabled (widget, "verify.clear-revocations", FALSE);
  hide_result (self);
}

static void
on_file_chosen (XsVerifyDialog *self,
                GAsyncResult   *result,
                gboolean        picture)
{
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (file == NULL)
    return;
  if (path == NULL)
    show_result (self, "dialog-error-symbolic", "error", _("Not a Local File"),
                 _("Choose a file on this computer."));
  else if (picture)
    xs_verify_dialog_read_picture (self, path);
  else
    xs_verify_dialog_set_revocations (self, path);
}

static void
on_picture_chosen (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XsVerifyDialog) self = user_data;

  on_file_chosen (self, result, TRUE);
}

static void
on_revocations_chosen (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(XsVerifyDialog) self = user_data;

  on_file_chosen (self, result, FALSE);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  XsVerifyDialog *self = XS_VERIFY_DIALOG (widget);
  gboolean picture = g_str_equal (action_name, "verify.read-picture");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListModel) filters = NULL;

  if (picture)
    {
      gtk_file_filter_set_name (filter, _("Photos, scans and PDFs"));
      gtk_file_filter_add_mime_type (filter, "image/jpeg");
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Text files"));
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_suffix (filter, "txt");
    }
  filters = xs_file_chooser_filters_of (filter);
  xs_file_chooser_run_async (GTK_WINDOW (self), XS_FILE_CHOOSER_OPEN,
                             picture ? _("Read QR Code from Picture") : _("Choose Revocation List"),
                             _("_Open"), filters, NULL, NULL, self->cancellable,
                             picture ? on_picture_chosen : on_revocations_chosen, g_object_ref (self));
}

/* Public */

XsVerifyDialog *
xs_verify_dialog_new (GtkWindow *parent,
                      XsDb      *db)
{
  XsVerifyDialog *self;
  g_autoptr(XsJob) job = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_DB (db), NULL);

  self = g_object_new (XS_TYPE_VERIFY_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);

  /* The key is a file of the data folder: no connection is needed. */
  job = xs_job_new (NULL, read_key, g_strdup (xs_db_get_data_dir (db)), g_free);
  xs_job_run_async (job, self->cancellable, on_key_read, g_object_ref (self));
  return self;
}

void
xs_verify_dialog_set_payload (XsVerifyDialog *self,
                              const char     *text)
{
  g_return_if_fail (XS_IS_VERIFY_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->payload_row), text ? text : "");
}

/* GObject */

static void
xs_verify_dialog_dispose (GObject *object)
{
  XsVerifyDialog *self = XS_VERIFY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->picture_cancellable);
  g_cancellable_cancel (self->revocations_cancellable);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (xs_verify_dialog_parent_class)->dispose (object);
}

static void
xs_verify_dialog_finalize (GObject *object)
{
  XsVerifyDialog *self = XS_VERIFY_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->picture_cancellable);
  g_clear_object (&self->revocations_cancellable);
  g_clear_pointer (&self->revocations, g_bytes_unref);
  g_clear_object (&self->details);
  g_free (self->own_key);
  g_strfreev (self->own_keys);

  G_OBJECT_CLASS (xs_verify_dialog_parent_class)->finalize (object);
}

static void
xs_verify_dialog_class_init (XsVerifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_verify_dialog_dispose;
  object_class->finalize = xs_verify_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-verify-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsVerifyDialog, payload_row);
  gtk_widget_class_bind_template_child (widget_class, XsVerifyDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, XsVerifyDialog, revocations_row);
  gtk_widget_class_bind_template_child (widget_class, XsVerifyDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, XsVerifyDialog, result_icon);
  gtk_widget_class_bind_template_child (widget_class, XsVerifyDialog, result_title);
  gtk_widget_class_bind_template_child (widget_class, XsVerifyDialog, result_description);
  gtk_widget_class_bind_template_child (widget_class, XsVerifyDialog, details_list);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "verify.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "verify.own-key", NULL, own_key_action);
  gtk_widget_class_install_action (widget_class, "verify.read-picture", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "verify.choose-revocations", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "verify.clear-revocations", NULL, clear_revocations_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
xs_verify_dialog_init (XsVerifyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->details = g_list_store_new (XS_TYPE_DETAIL_ITEM);
  gtk_list_box_bind_model (self->details_list, G_LIST_MODEL (self->details),
                           xs_detail_item_create_row, GINT_TO_POINTER (TRUE), NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.own-key", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.clear-revocations", FALSE);
}
