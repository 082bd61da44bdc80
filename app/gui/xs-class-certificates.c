/* xs-class-certificates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The class page's completion certificates: it issues, previews, exports
 * and prints them with the same issuer and preview as the Certificates
 * page: what will be issued is said, and confirmed, first; the preview of
 * one not issued yet says DRAFT across the page.
 */
#define G_LOG_DOMAIN "xs-class-certificates"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xs-certificate-issuer.h"
#include "xs-certificate-preview.h"
#include "xs-issuing-progress.h"
#include "xs-class-certificates.h"
#include "xs-certificate-file.h"
#include "xs-file-chooser.h"
#include "xs-report.h"

struct _XsClassCertificates
{
  GtkWidget            parent_instance;

  XsDb                *db;
  XsBaseProfile       *profile;
  int                  year;
  char                *code;             /* NULL: no class */
  gint64               first_trainee_id; /* 0: no member */
  XsCertificateIssuer *issuer;
  GCancellable        *chooser_cancellable;

  /* template children */
  GtkWidget           *group;
  XsIssuingProgress   *progress;
  XsCertificatePreview *preview;
};

G_DEFINE_FINAL_TYPE (XsClassCertificates, xs_class_certificates, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DB,
  PROP_PROFILE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (XsClassCertificates *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean busy = xs_certificate_issuer_get_busy (self->issuer);
  gboolean can_issue = self->db != NULL && !busy && xs_base_profile_has_name (self->profile)
                       && self->code != NULL && self->first_trainee_id > 0;

  gtk_widget_action_set_enabled (widget, "class-certificates.export", can_issue);
  gtk_widget_action_set_enabled (widget, "class-certificates.print", can_issue);
  gtk_widget_action_set_enabled (widget, "class-certificates.cancel", busy);
}

void
xs_class_certificates_show_class (XsClassCertificates *self,
                                  int                  year,
                                  const char          *code,
                                  gint64               first_trainee_id)
{
  g_return_if_fail (XS_IS_CLASS_CERTIFICATES (self));

  self->year = year;
  g_free (self->code);
  self->code = g_strdup (code);
  self->first_trainee_id = code != NULL ? first_trainee_id : 0;
  update_actions (self);
  xs_certificate_preview_show (self->preview, self->year, self->code, self->first_trainee_id);
}

/* Issuing -------------------------------------------------------------------- */

static void
on_issuer_notify (XsClassCertificates *self,
                  GParamSpec          *pspec,
                  XsCertificateIssuer *issuer)
{
  /* the progress widget shows the rest */
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_issued (XsClassCertificates *self,
           XsCertificateIssuer *issuer)
{
  xs_certificate_preview_redraw (self->preview);
}

static gboolean
can_start (XsClassCertificates *self)
{
  if (self->db == NULL || self->code == NULL || xs_certificate_issuer_get_busy (self->issuer))
    return FALSE;
  if (!xs_base_profile_has_name (self->profile))
    {
      xs_report_toast (GTK_WIDGET (self),
                       _("Set the base’s name in Preferences first: certificates name the base that issues them."));
      return FALSE;
    }
  return TRUE;
}

void
xs_class_certificates_export (XsClassCertificates *self,
                              GFile               *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (XS_IS_CLASS_CERTIFICATES (self));
  g_return_if_fail (G_IS_FILE (file));

  path = xs_certificate_file_get_path (GTK_WIDGET (self), file);
  if (path == NULL || !can_start (self))
    return;
  xs_certificate_issuer_export (self->issuer, self->db, self->profile, XS_CERTIFICATE_COMPLETION,
                                self->year, self->code, NULL, path);
}

void
xs_class_certificates_print (XsClassCertificates *self)
{
  g_return_if_fail (XS_IS_CLASS_CERTIFICATES (self));

  if (!can_start (self))
    return;
  xs_certificate_issuer_print (self->issuer, self->db, self->profile, XS_CERTIFICATE_COMPLETION,
                               self->year, self->code, NULL);
}

gboolean
xs_class_certificates_get_busy (XsClassCertificates *self)
{
  g_return_val_if_fail (XS_IS_CLASS_CERTIFICATES (self), FALSE);
  return xs_certificate_issuer_get_busy (self->issuer);
}

/* Actions -------------------------------------------------------------------- */

static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsClassCertificates) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);

  if (file != NULL)
    xs_class_certificates_export (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsClassCertificates *self = XS_CLASS_CERTIFICATES (widget);
  g_autofree char *name = NULL;

  if (self->code == NULL)
    return;
  /* Translators: the file name offered when exporting a class's completion
   * certificates, %s the class's code; in Chinese 结业证书-%s.pdf */
  name = g_strdup_printf (_("completion-certificates-%s.pdf"), self->code);
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  self->chooser_cancellable = g_cancellable_new ();
  xs_certificate_file_choose_async (widget, name, self->chooser_cancellable, on_file_chosen, g_object_ref (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  xs_class_certificates_print (XS_CLASS_CERTIFICATES (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  xs_certificate_issuer_cancel (XS_CLASS_CERTIFICATES (widget)->issuer);
}

/* The base's name may just have been set; the preview follows the profile
 * itself. */
static void
on_profile_notify (XsClassCertificates *self,
                   GParamSpec          *pspec,
                   XsBaseProfile       *profile)
{
  update_actions (self);
}

/* Object --------------------------------------------------------------------- */

static void
xs_class_certificates_dispose (GObject *object)
{
  XsClassCertificates *self = XS_CLASS_CERTIFICATES (object);

  if (self->issuer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->issuer, self);
      xs_certificate_issuer_cancel (self->issuer);
    }
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_CLASS_CERTIFICATES);
  g_clear_object (&self->issuer);
  g_clear_object (&self->db);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->code, g_free);

  G_OBJECT_CLASS (xs_class_certificates_parent_class)->dispose (object);
}

static void
xs_class_certificates_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XsClassCertificates *self = XS_CLASS_CERTIFICATES (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, xs_certificate_issuer_get_busy (self->issuer));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_class_certificates_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  XsClassCertificates *self = XS_CLASS_CERTIFICATES (object);

  switch (prop_id)
    {
    case PROP_DB:
      if (g_set_object (&self->db, g_value_get_object (value)))
        {
          update_actions (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PROFILE:
      if (self->profile != NULL)
        g_signal_handlers_disconnect_by_func (self->profile, on_profile_notify, self);
      if (g_set_object (&self->profile, g_value_get_object (value)))
        {
          if (self->profile != NULL)
            g_signal_connect_object (self->profile, "notify", G_CALLBACK (on_profile_notify),
                                     self, G_CONNECT_SWAPPED);
          update_actions (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_class_certificates_class_init (XsClassCertificatesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_class_certificates_dispose;
  object_class->get_property = xs_class_certificates_get_property;
  object_class->set_property = xs_class_certificates_set_property;

  /* where the class's trainees and certificates are */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the base's profile: what goes onto the certificates */
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XS_TYPE_BASE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* whether certificates are being issued or written */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (XS_TYPE_CERTIFICATE_PREVIEW);
  g_type_ensure (XS_TYPE_ISSUING_PROGRESS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-class-certificates.ui");
  gtk_widget_class_bind_template_child (widget_class, XsClassCertificates, group);
  gtk_widget_class_bind_template_child (widget_class, XsClassCertificates, progress);
  gtk_widget_class_bind_template_child (widget_class, XsClassCertificates, preview);

  gtk_widget_class_install_action (widget_class, "class-certificates.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "class-certificates.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "class-certificates.cancel", NULL, cancel_action);
}

static void
xs_class_certificates_init (XsClassCertificates *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->issuer = xs_certificate_issuer_new (GTK_WIDGET (self));
  xs_issuing_progress_set_issuer (self->progress, self->issuer);
  g_signal_connect_object (self->issuer, "notify::busy", G_CALLBACK (on_issuer_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->issuer, "issued", G_CALLBACK (on_issued), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
