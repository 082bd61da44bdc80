/* xs-review-window-trust.c: who signed the package, and trusting its base
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bar at the top says whether the package comes from a base this
 * reviewer trusts (its name and key fingerprint), from a key not trusted
 * yet (a warning, with the fingerprint to compare and a button to trust
 * it), or is unsigned. A package changed after signing never opens.
 */
#define G_LOG_DOMAIN "xs-review-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-file-chooser.h"
#include "xs-job.h"
#include "xs-output.h"
#include "xs-review-window-private.h"
#include "xs-signing-key.h"

void
_xs_review_window_show_trust (XsReviewWindow *self)
{
  const char *key = self->package != NULL ? xs_package_get_base_key (self->package) : NULL;
  g_autofree char *fingerprint = key != NULL ? xs_public_key_fingerprint (key) : NULL;
  g_autofree char *text = NULL;
  const char *base_name = self->package != NULL ? xs_package_get_base_name (self->package) : "";

  switch (self->trust)
    {
    case XS_PACKAGE_TRUST_TRUSTED:
      /* Translators: the base's name as trusted, then its key's fingerprint */
      text = g_strdup_printf (_("Signed by “%s”, a base you trust (key %s)."), self->trusted_name, fingerprint);
      gtk_image_set_from_icon_name (self->trust_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->trust_icon), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->trust_icon), "success");
      break;
    case XS_PACKAGE_TRUST_UNKNOWN:
      /* Translators: the name the package gives, then the key's fingerprint */
      text = g_strdup_printf (_("This package says it comes from “%s”, but you have not trusted its key %s yet. Compare the key with the one the base reads out to you from its Preferences before you trust it."),
                              base_name, fingerprint);
      gtk_image_set_from_icon_name (self->trust_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->trust_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->trust_icon), "warning");
      break;
    case XS_PACKAGE_TRUST_UNSIGNED:
    default:
      text = g_strdup (_("This package is not signed (an older Xueshi made it): nothing shows which base it comes from or that it was not changed. Ask the base for a new package."));
      gtk_image_set_from_icon_name (self->trust_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->trust_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->trust_icon), "warning");
      break;
    }
  gtk_label_set_label (self->trust_label, text);
  gtk_widget_set_visible (self->trust_button, self->trust == XS_PACKAGE_TRUST_UNKNOWN);
  gtk_revealer_set_reveal_child (self->trust_revealer, self->package != NULL);
}

XsPackageTrust
xs_review_window_get_trust (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), XS_PACKAGE_TRUST_UNSIGNED);
  return self->trust;
}

const char *
xs_review_window_get_trust_text (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), NULL);
  return gtk_label_get_label (self->trust_label);
}

/* Trusting the base */

typedef struct
{
  char *reviewer_dir;
  char *name;
  char *key;
} TrustJob;

static void
trust_job_free (TrustJob *job)
{
  g_free (job->reviewer_dir);
  g_free (job->name);
  g_free (job->key);
  g_free (job);
}

static gboolean
add_trust (XsJob         *xs_job,
           XsDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  TrustJob *job = data;

  return xs_trust_add_base (job->reviewer_dir, job->name, job->key, error);
}

static void
on_trusted (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XsReviewWindow) self = user_data;
  TrustJob *job = xs_job_get_data (XS_JOB (object));
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _xs_review_window_show_toast (self, error->message);
      return;
    }
  self->trust = XS_PACKAGE_TRUST_TRUSTED;
  g_free (self->trusted_name);
  self->trusted_name = g_strdup (job->name);
  _xs_review_window_show_trust (self);
  _xs_review_window_show_toast (self, _("The base is trusted: its packages now open as signed by it"));
}

void
xs_review_window_trust_base (XsReviewWindow *self)
{
  g_autoptr(XsJob) xs_job = NULL;
  TrustJob *job;
  const char *name;

  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));

  if (self->package == NULL || xs_package_get_base_key (self->package) == NULL)
    return;
  name = xs_package_get_base_name (self->package);
  job = g_new0 (TrustJob, 1);
  job->reviewer_dir = g_strdup (self->reviewer_dir);
  job->name = g_strdup (name != NULL && *name != '\0' ? name : _("Unnamed base"));
  job->key = g_strdup (xs_package_get_base_key (self->package));
  xs_job = xs_job_new (NULL, add_trust, job, (GDestroyNotify) trust_job_free);
  xs_job_run_async (xs_job, self->cancellable, on_trusted, g_object_ref (self));
}

static void
on_trust_response (AdwMessageDialog *dialog,
                   const char       *response,
                   XsReviewWindow   *self)
{
  if (g_str_equal (response, "trust"))
    xs_review_window_trust_base (self);
}

static void
trust_base_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);
  g_autofree char *fingerprint = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->package == NULL || xs_package_get_base_key (self->package) == NULL)
    return;
  fingerprint = xs_public_key_fingerprint (xs_package_get_base_key (self->package));
  /* Translators: the base's name, then its key's fingerprint */
  body = g_strdup_printf (_("Trust “%s” only if the base confirms that its key is\n\n%s\n\n(the base sees it in its Preferences). Its packages will then open as signed by it."),
                          xs_package_get_base_name (self->package), fingerprint);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Trust This Base?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "trust", _("_Trust"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "trust", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_trust_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Exporting the reviewer's public key, for the bases to register */

typedef struct
{
  char *key_path;
  char *out;
} ExportKeyJob;

static void
export_key_job_free (ExportKeyJob *job)
{
  g_free (job->key_path);
  g_free (job->out);
  g_free (job);
}

static gboolean
export_key (XsJob         *xs_job,
            XsDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ExportKeyJob *job = data;
  g_autoptr(XsSigningKey) key = NULL;
  g_autofree char *text = NULL;

  /* made the first time it is needed */
  if (!xs_signing_key_create_file (job->key_path, error)
      || (key = xs_signing_key_open_file (job->key_path, error)) == NULL)
    return FALSE;
  text = g_strconcat (xs_signing_key_get_public_text (key), "\n", NULL);
  if (!xs_output_write_file (job->out, text, strlen (text), XS_OUTPUT_PUBLIC, error))
    return FALSE;
  xs_job_set_result (xs_job, xs_public_key_fingerprint (xs_signing_key_get_public_text (key)), g_free);
  return TRUE;
}

static void
on_key_exported (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XsReviewWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *text = NULL;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _xs_review_window_show_toast (self, error->message);
      return;
    }
  fingerprint = xs_job_steal_result (XS_JOB (object));
  /* Translators: the reviewer's key fingerprint */
  text = g_strdup_printf (_("Your key %s was exported: give the file to the base"), fingerprint);
  _xs_review_window_show_toast (self, text);
}

void
xs_review_window_export_key_to (XsReviewWindow *self,
                                const char     *path)
{
  g_autoptr(XsJob) xs_job = NULL;
  ExportKeyJob *job;

  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportKeyJob, 1);
  job->key_path = xs_reviewer_key_path (self->reviewer_dir);
  job->out = g_strdup (path);
  xs_job = xs_job_new (NULL, export_key, job, (GDestroyNotify) export_key_job_free);
  xs_job_run_async (xs_job, self->cancellable, on_key_exported, g_object_ref (self));
}

static void
on_key_file_chosen (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(XsReviewWindow) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL)
    xs_review_window_export_key_to (self, path);
}

static void
export_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  /* Translators: the file name offered for the reviewer's public key */
  xs_file_chooser_run_async (GTK_WINDOW (widget), XS_FILE_CHOOSER_SAVE, _("Export My Key"), _("_Export"),
                             NULL, NULL, _("reviewer-key.pub"), NULL, on_key_file_chosen, g_object_ref (widget));
}

void
_xs_review_window_class_install_trust (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.trust-base", NULL, trust_base_action);
  gtk_widget_class_install_action (widget_class, "review.export-key", NULL, export_key_action);
}
