/* xs-certificates-view-preview.c: the certificates view's preview
 *
 * The previewed trainee's certificate is read and drawn in a job, over its
 * own connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-store.h"
#include "xs-job.h"
#include "xs-texture.h"
#include "xs-certificates-view-private.h"
#include "xs-trainee-store.h"

/* Preview pixels per point: A4 (595 × 842 points) drawn about as large as
 * the page fits on a laptop screen. */
#define PREVIEW_SCALE 1.25

/* What the job reads: the trainee and how the certificate is set up. */
typedef struct
{
  gint64         trainee_id;
  int            year;
  SettingsCopy   settings;
  int            scale_factor;
} PreviewInput;

/* What it gives: the certificate and its picture. */
typedef struct
{
  XsCertificate   *certificate;
  cairo_surface_t *surface;
} Preview;

static void
preview_input_free (PreviewInput *input)
{
  _xs_certificates_view_settings_copy_clear (&input->settings);
  g_free (input);
}

static void
preview_free (Preview *preview)
{
  g_clear_object (&preview->certificate);
  g_clear_pointer (&preview->surface, cairo_surface_destroy);
  g_free (preview);
}

static cairo_surface_t *
render (XsCertificate  *certificate,
        int             scale_factor,
        GError        **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pixel_width, pixel_height;

  xs_certificate_get_page_size (certificate, &width, &height);
  pixel_width = (int) (width * PREVIEW_SCALE * scale_factor + 0.5);
  pixel_height = (int) (height * PREVIEW_SCALE * scale_factor + 0.5);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, pixel_width / width, pixel_height / height);
  xs_certificate_draw (certificate, cr, width, height);
  cairo_destroy (cr);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

static gboolean
read_and_draw (XsJob         *job,
               XsDb          *db,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  PreviewInput *input = data;
  XsCertificateSettings settings;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autoptr(XsCertificate) certificate = NULL;
  cairo_surface_t *surface;
  Preview *preview;

  _xs_certificates_view_settings_copy_get (&input->settings, &settings);
  trainee = xs_trainee_store_get (db, input->trainee_id, error);
  if (trainee == NULL)
    return FALSE;
  certificate = xs_certificate_preview (db, &settings, XS_CERTIFICATE_ANNUAL, input->year, NULL,
                                        trainee->id_number, error);
  if (certificate == NULL
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || (surface = render (certificate, input->scale_factor, error)) == NULL)
    return FALSE;

  preview = g_new0 (Preview, 1);
  preview->certificate = g_steal_pointer (&certificate);
  preview->surface = surface;
  xs_job_set_result (job, preview, (GDestroyNotify) preview_free);
  return TRUE;
}

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
  g_autofree char *caption = NULL;
  g_autofree char *alternative = NULL;
  Preview *preview;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_preview_error (self, error->message);
      return;
    }
  preview = xs_job_get_result (XS_JOB (object));
  g_set_object (&self->preview, preview->certificate);

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

  texture = xs_texture_new_for_surface (preview->surface);
  gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
}

/* Reads the previewed trainee's certificate and draws it in a job. */
void
_xs_certificates_view_update_preview (XsCertificatesView *self)
{
  g_autoptr(XsJob) job = NULL;
  PreviewInput *input;

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

  input = g_new0 (PreviewInput, 1);
  input->trainee_id = xs_trainee_item_get_trainee_id (self->previewed);
  input->year = _xs_certificates_view_get_year (self);
  _xs_certificates_view_settings_copy_load (&input->settings, self->profile);
  input->scale_factor = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  self->preview_cancellable = g_cancellable_new ();
  job = xs_job_new (xs_db_get_data_dir (self->db), read_and_draw,
                    input, (GDestroyNotify) preview_input_free);
  xs_job_run_async (job, self->preview_cancellable, on_preview_drawn, g_object_ref (self));
}
