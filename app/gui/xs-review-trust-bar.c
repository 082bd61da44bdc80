/* xs-review-trust-bar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bar says whether the package comes from a base this reviewer trusts
 * (its name and key fingerprint), from a key not trusted yet (a warning,
 * with the fingerprint to compare and a button to trust it), or is
 * unsigned. A package changed after signing never opens, so never shows
 * here.
 */
#define G_LOG_DOMAIN "xs-review-trust-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-job.h"
#include "xs-review-trust-bar.h"
#include "xs-signing-key.h"

struct _XsReviewTrustBar
{
  AdwBin          parent_instance;

  char           *reviewer_dir;
  XsPackage      *package;
  XsPackageTrust  trust;
  char           *trusted_name;
  GCancellable   *cancellable;

  GtkRevealer    *revealer;
  GtkImage       *icon;
  GtkLabel       *label;
  GtkWidget      *button;
};

G_DEFINE_FINAL_TYPE (XsReviewTrustBar, xs_review_trust_bar, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_REVIEWER_DIR,
  PROP_TRUST,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
xs_review_trust_bar_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_TRUST_BAR, NULL);
}

void
xs_review_trust_bar_set_reviewer_dir (XsReviewTrustBar *self,
                                      const char       *reviewer_dir)
{
  g_return_if_fail (XS_IS_REVIEW_TRUST_BAR (self));

  if (g_strcmp0 (self->reviewer_dir, reviewer_dir) == 0)
    return;
  g_free (self->reviewer_dir);
  self->reviewer_dir = g_strdup (reviewer_dir);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEWER_DIR]);
}

XsPackageTrust
xs_review_trust_bar_get_trust (XsReviewTrustBar *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_TRUST_BAR (self), XS_PACKAGE_TRUST_UNSIGNED);
  return self->trust;
}

const char *
xs_review_trust_bar_get_text (XsReviewTrustBar *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_TRUST_BAR (self), NULL);
  return gtk_label_get_label (self->label);
}

static void
set_icon (XsReviewTrustBar *self,
          gboolean          good)
{
  gtk_image_set_from_icon_name (self->icon, good ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->icon), good ? "warning" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), good ? "success" : "warning");
}

static void
update (XsReviewTrustBar *self)
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
      set_icon (self, TRUE);
      break;
    case XS_PACKAGE_TRUST_UNKNOWN:
      /* Translators: the name the package gives, then the key's fingerprint */
      text = g_strdup_printf (_("This package says it comes from “%s”, but you have not trusted its key %s yet. Compare the key with the one the base reads out to you from its Preferences before you trust it."),
                              base_name, fingerprint);
      set_icon (self, FALSE);
      break;
    case XS_PACKAGE_TRUST_UNSIGNED:
    default:
      text = g_strdup (_("This package is not signed (an older Xueshi made it): nothing shows which base it comes from or that it was not changed. Ask the base for a new package."));
      set_icon (self, FALSE);
      break;
    }
  gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (self->button, self->trust == XS_PACKAGE_TRUST_UNKNOWN);
  gtk_revealer_set_reveal_child (self->revealer, self->package != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRUST]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

void
xs_review_trust_bar_show (XsReviewTrustBar *self,
                          XsPackage        *package,
                          XsPackageTrust    trust,
                          const char       *trusted_name)
{
  g_return_if_fail (XS_IS_REVIEW_TRUST_BAR (self));
  g_return_if_fail (package == NULL || XS_IS_PACKAGE (package));

  g_set_object (&self->package, package);
  self->trust = trust;
  g_free (self->trusted_name);
  self->trusted_name = g_strdup (trusted_name);
  update (self);
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
  g_autoptr(XsReviewTrustBar) self = user_data;
  TrustJob *job = xs_job_get_data (XS_JOB (object));
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
      return;
    }
  self->trust = XS_PACKAGE_TRUST_TRUSTED;
  g_free (self->trusted_name);
  self->trusted_name = g_strdup (job->name);
  update (self);
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, _("The base is trusted: its packages now open as signed by it"));
}

void
xs_review_trust_bar_trust (XsReviewTrustBar *self)
{
  g_autoptr(XsJob) xs_job = NULL;
  TrustJob *job;
  const char *name;

  g_return_if_fail (XS_IS_REVIEW_TRUST_BAR (self));

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
                   XsReviewTrustBar *self)
{
  if (g_str_equal (response, "trust"))
    xs_review_trust_bar_trust (self);
}

void
xs_review_trust_bar_ask (XsReviewTrustBar *self)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (XS_IS_REVIEW_TRUST_BAR (self));

  if (self->package == NULL || xs_package_get_base_key (self->package) == NULL)
    return;
  fingerprint = xs_public_key_fingerprint (xs_package_get_base_key (self->package));
  /* Translators: the base's name, then its key's fingerprint */
  body = g_strdup_printf (_("Trust “%s” only if the base confirms that its key is\n\n%s\n\n(the base sees it in its Preferences). Its packages will then open as signed by it."),
                          xs_package_get_base_name (self->package), fingerprint);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Trust This Base?"), body);
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

static void
trust_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  xs_review_trust_bar_ask (XS_REVIEW_TRUST_BAR (widget));
}

/* The class */

static void
xs_review_trust_bar_dispose (GObject *object)
{
  XsReviewTrustBar *self = XS_REVIEW_TRUST_BAR (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (xs_review_trust_bar_parent_class)->dispose (object);
}

static void
xs_review_trust_bar_finalize (GObject *object)
{
  XsReviewTrustBar *self = XS_REVIEW_TRUST_BAR (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->package);
  g_free (self->reviewer_dir);
  g_free (self->trusted_name);

  G_OBJECT_CLASS (xs_review_trust_bar_parent_class)->finalize (object);
}

static void
xs_review_trust_bar_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XsReviewTrustBar *self = XS_REVIEW_TRUST_BAR (object);

  switch (prop_id)
    {
    case PROP_REVIEWER_DIR:
      g_value_set_string (value, self->reviewer_dir);
      break;
    case PROP_TRUST:
      g_value_set_int (value, self->trust);
      break;
    case PROP_TEXT:
      g_value_set_string (value, xs_review_trust_bar_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_trust_bar_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XsReviewTrustBar *self = XS_REVIEW_TRUST_BAR (object);

  switch (prop_id)
    {
    case PROP_REVIEWER_DIR:
      xs_review_trust_bar_set_reviewer_dir (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_trust_bar_class_init (XsReviewTrustBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_review_trust_bar_dispose;
  object_class->finalize = xs_review_trust_bar_finalize;
  object_class->get_property = xs_review_trust_bar_get_property;
  object_class->set_property = xs_review_trust_bar_set_property;

  properties[PROP_REVIEWER_DIR] =
    g_param_spec_string ("reviewer-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRUST] =
    g_param_spec_int ("trust", NULL, NULL, XS_PACKAGE_TRUST_UNSIGNED, XS_PACKAGE_TRUST_TRUSTED,
                      XS_PACKAGE_TRUST_UNSIGNED, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* what to tell the reviewer in a toast */
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-review-trust-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewTrustBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, XsReviewTrustBar, icon);
  gtk_widget_class_bind_template_child (widget_class, XsReviewTrustBar, label);
  gtk_widget_class_bind_template_child (widget_class, XsReviewTrustBar, button);
  gtk_widget_class_install_action (widget_class, "trust-bar.trust", NULL, trust_action);
}

static void
xs_review_trust_bar_init (XsReviewTrustBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->trust = XS_PACKAGE_TRUST_UNSIGNED;
}
