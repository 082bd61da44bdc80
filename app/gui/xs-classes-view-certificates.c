/* xs-classes-view-certificates.c: a class's completion certificates (结业证书)
 *
 * The class page issues, previews, exports and prints the completion
 * certificates of its trainees with the same issuer and preview as the
 * Certificates page: what will be issued is said, and confirmed, first;
 * the preview of one not issued yet says DRAFT across the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-classes-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-render.h"
#include "xs-classes-view-private.h"
#include "xs-file-chooser.h"
#include "xs-output.h"
#include "xs-report.h"

static gboolean
has_base_name (XsClassesView *self)
{
  return self->profile != NULL && *xs_base_profile_get_name (self->profile) != '\0';
}

static void
update_actions (XsClassesView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean busy = self->issuer != NULL && xs_certificate_issuer_get_busy (self->issuer);
  gboolean can_issue = self->db != NULL && !busy && has_base_name (self)
                       && _xs_classes_view_get_class (self) != NULL
                       && self->members != NULL && self->members->len > 0;

  gtk_widget_action_set_enabled (widget, "classes.export-certificates", can_issue);
  gtk_widget_action_set_enabled (widget, "classes.print-certificates", can_issue);
  gtk_widget_action_set_enabled (widget, "classes.cancel-certificates", busy);
}

static void
on_preview_drawn (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XsClassesView) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsCertificate) certificate = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *alternative = NULL;

  certificate = xs_certificate_render_finish (object, result, &texture, &error);
  if (certificate == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_picture_set_paintable (self->certificate_picture, NULL);
      gtk_label_set_label (self->certificate_caption, error->message);
      gtk_stack_set_visible_child_name (self->certificate_stack, "preview");
      return;
    }
  if (xs_certificate_get_serial (certificate) != NULL)
    /* Translators: under the preview of a completion certificate already issued */
    caption = g_strdup_printf (_("%s’s certificate, issued as No. %s: exporting or printing it again gives the same certificate."),
                               xs_certificate_get_holder (certificate), xs_certificate_get_serial (certificate));
  else
    /* Translators: under the preview of a completion certificate not issued yet */
    caption = g_strdup_printf (_("Draft of %s’s certificate: it gets its number and QR code when it is exported or printed."),
                               xs_certificate_get_holder (certificate));
  gtk_label_set_label (self->certificate_caption, caption);
  alternative = g_strdup_printf (_("Certificate of %s"), xs_certificate_get_holder (certificate));
  gtk_picture_set_alternative_text (self->certificate_picture, alternative);
  gtk_picture_set_paintable (self->certificate_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->certificate_stack, "preview");
}

static void
update_preview (XsClassesView *self)
{
  const XsTrainingClass *klass = _xs_classes_view_get_class (self);
  const XsClassMember *first;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (klass == NULL || self->db == NULL || self->profile == NULL
      || self->members == NULL || self->members->len == 0)
    {
      gtk_picture_set_paintable (self->certificate_picture, NULL);
      gtk_stack_set_visible_child_name (self->certificate_stack, "empty");
      return;
    }
  first = g_ptr_array_index (self->members, 0);
  self->preview_cancellable = g_cancellable_new ();
  xs_certificate_render_async (self->db, self->profile, XS_CERTIFICATE_COMPLETION, klass->year, klass->code,
                               first->trainee_id, gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                               self->preview_cancellable, on_preview_drawn, g_object_ref (self));
}

void
_xs_classes_view_update_certificates (XsClassesView *self)
{
  update_actions (self);
  update_preview (self);
}

static void
on_issuer_notify (XsClassesView       *self,
                  GParamSpec          *pspec,
                  XsCertificateIssuer *issuer)
{
  const char *text = xs_certificate_issuer_get_progress_text (issuer);
  const char *status = xs_certificate_issuer_get_status (issuer);

  if (g_str_equal (pspec->name, "busy"))
    {
      gtk_widget_set_visible (self->certificate_progress_box, xs_certificate_issuer_get_busy (issuer));
      update_actions (self);
      return;
    }
  gtk_label_set_label (self->certificate_progress_label, status ? status : "");
  gtk_progress_bar_set_fraction (self->certificate_progress_bar, xs_certificate_issuer_get_fraction (issuer));
  gtk_progress_bar_set_text (self->certificate_progress_bar, text);
}

static void
on_issued (XsClassesView       *self,
           XsCertificateIssuer *issuer)
{
  update_preview (self);
}

/* Export and print */

static gboolean
can_start (XsClassesView *self)
{
  if (self->db == NULL || _xs_classes_view_get_class (self) == NULL
      || xs_certificate_issuer_get_busy (self->issuer))
    return FALSE;
  if (!has_base_name (self))
    {
      xs_report_toast (GTK_WIDGET (self),
                       _("Set the base’s name in Preferences first: certificates name the base that issues them."));
      return FALSE;
    }
  return TRUE;
}

static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsClassesView) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);

  if (file != NULL)
    xs_classes_view_export_certificates (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsClassesView *self = XS_CLASSES_VIEW (widget);
  const XsTrainingClass *klass = _xs_classes_view_get_class (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListModel) filters = NULL;
  g_autofree char *name = NULL;

  if (klass == NULL)
    return;
  /* Translators: the file name offered when exporting a class's completion
   * certificates, %s the class's code; in Chinese 结业证书-%s.pdf */
  name = g_strdup_printf (_("completion-certificates-%s.pdf"), klass->code);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  filters = xs_file_chooser_filters_of (filter);

  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  self->chooser_cancellable = g_cancellable_new ();
  xs_file_chooser_run_async (GTK_WINDOW (gtk_widget_get_root (widget)), XS_FILE_CHOOSER_SAVE,
                             _("Export Certificates"), _("_Export"), filters, filter, name,
                             self->chooser_cancellable, on_file_chosen, g_object_ref (self));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  xs_classes_view_print_certificates (XS_CLASSES_VIEW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  xs_certificate_issuer_cancel (XS_CLASSES_VIEW (widget)->issuer);
}

void
xs_classes_view_export_certificates (XsClassesView *self,
                                     GFile         *file)
{
  const XsTrainingClass *klass;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (XS_IS_CLASSES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      xs_report_toast (GTK_WIDGET (self), _("Certificates can only be exported to a local file"));
      return;
    }
  if (!xs_output_check_path (path, &error))
    {
      xs_report_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (!can_start (self))
    return;
  klass = _xs_classes_view_get_class (self);
  xs_certificate_issuer_export (self->issuer, self->db, self->profile, XS_CERTIFICATE_COMPLETION,
                                klass->year, klass->code, NULL, path);
}

void
xs_classes_view_print_certificates (XsClassesView *self)
{
  const XsTrainingClass *klass;

  g_return_if_fail (XS_IS_CLASSES_VIEW (self));

  if (!can_start (self))
    return;
  klass = _xs_classes_view_get_class (self);
  xs_certificate_issuer_print (self->issuer, self->db, self->profile, XS_CERTIFICATE_COMPLETION,
                               klass->year, klass->code, NULL);
}

gboolean
xs_classes_view_get_issuing (XsClassesView *self)
{
  g_return_val_if_fail (XS_IS_CLASSES_VIEW (self), FALSE);
  return xs_certificate_issuer_get_busy (self->issuer);
}

/* Set-up */

void
_xs_classes_view_init_certificates (XsClassesView *self)
{
  self->issuer = xs_certificate_issuer_new (GTK_WIDGET (self));
  g_signal_connect_object (self->issuer, "notify", G_CALLBACK (on_issuer_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->issuer, "issued", G_CALLBACK (on_issued), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_xs_classes_view_dispose_certificates (XsClassesView *self)
{
  if (self->issuer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->issuer, self);
      xs_certificate_issuer_cancel (self->issuer);
    }
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  g_clear_object (&self->issuer);
}

void
_xs_classes_view_class_init_certificates (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "classes.export-certificates", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "classes.print-certificates", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "classes.cancel-certificates", NULL, cancel_action);
}
