/* xs-certificates-view-preview.c: the certificates view's preview
 *
 * The previewed trainee's certificate is read and drawn in a job, over its
 * own connection; one not issued yet says DRAFT across the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-render.h"
#include "xs-certificates-view-private.h"

static void
show_preview_error (XsCertificatesView *self,
                    const char         *message)
{
  gtk_picture_set_paintable (self->preview_picture, NULL);
  adw_status_page_set_description (self->preview_error, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "error");
}

static void
on_preview_drawn (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(XsCertificatesView) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(XsCertificate) certificate = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *alternative = NULL;

  certificate = xs_certificate_render_finish (object, result, &texture, &error);
  if (certificate == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_preview_error (self, error->message);
      return;
    }
  g_set_object (&self->preview, certificate);

  if (xs_certificate_get_serial (self->preview) != NULL)
    /* Translators: under the preview of a certificate already issued */
    caption = g_strdup_printf (_("Issued as No. %s: exporting or printing it again gives the same certificate."),
                               xs_certificate_get_serial (self->preview));
  else
    caption = g_strdup (_("Draft: the certificate gets its number and QR code when it is exported or printed."));
  gtk_label_set_label (self->preview_caption, caption);
  /* Translators: the description of the preview picture, for screen readers */
  alternative = g_strdup_printf (_("Certificate of %s"), xs_certificate_get_holder (self->preview));
  gtk_picture_set_alternative_text (self->preview_picture, alternative);

  gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
}

/* Reads the previewed trainee's certificate and draws it in a job. */
void
_xs_certificates_view_update_preview (XsCertificatesView *self)
{
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->preview);

  if (self->previewed == NULL || self->db == NULL || self->profile == NULL)
    {
      gtk_picture_set_paintable (self->preview_picture, NULL);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      return;
    }

  /* Keep the last picture until the new one is drawn, unless there is none. */
  if (gtk_picture_get_paintable (self->preview_picture) == NULL
      || !g_str_equal (gtk_stack_get_visible_child_name (self->preview_stack), "preview"))
    gtk_stack_set_visible_child_name (self->preview_stack, "loading");

  self->preview_cancellable = g_cancellable_new ();
  xs_certificate_render_async (self->db, self->profile, XS_CERTIFICATE_ANNUAL,
                               _xs_certificates_view_get_year (self), NULL,
                               xs_trainee_item_get_trainee_id (self->previewed),
                               gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                               self->preview_cancellable, on_preview_drawn, g_object_ref (self));
}
