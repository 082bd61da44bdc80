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

#include "xs-job.h"
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

void
_xs_review_window_class_install_trust (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.trust-base", NULL, trust_base_action);
}
