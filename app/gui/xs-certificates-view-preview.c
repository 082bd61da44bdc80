/* xs-certificates-view-preview.c: the certificates view's preview
 *
 * The previewed trainee's certificate is read on the main thread and drawn
 * in a GTask worker, which gets only the certificate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-texture.h"
#include "xs-certificate-store.h"
#include "xs-certificates-view-private.h"
#include "xs-trainee-store.h"

/* Preview pixels per point: A4 (595 × 842 points) drawn about as large as
 * the page fits on a laptop screen. */
#define PREVIEW_SCALE 1.25

typedef struct
{
  XsCertificate *certificate;
  int            scale_factor;
} RenderData;

static void
render_data_free (RenderData *data)
{
  g_clear_object (&data->certificate);
  g_free (data);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *data = task_data;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pixel_width, pixel_height;

  xs_certificate_get_page_size (data->certificate, &width, &height);
  pixel_width = (int) (width * PREVIEW_SCALE * data->scale_factor + 0.5);
  pixel_height = (int) (height * PREVIEW_SCALE * data->scale_factor + 0.5);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, pixel_width / width, pixel_height / height);
  xs_certificate_draw (data->certificate, cr, width, height);
  cairo_destroy (cr);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      cairo_surface_destroy (surface);
      return;
    }
  g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

static void
on_preview_drawn (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (object);
  cairo_surface_t *surface;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  surface = g_task_propagate_pointer (G_TASK (result), &error);
  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_status_page_set_description (self->preview_error, error->message);
          gtk_stack_set_visible_child_name (self->preview_stack, "error");
        }
      return;
    }
  texture = xs_texture_new_for_surface (surface);
  cairo_surface_destroy (surface);
  gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
}

static void
show_preview_error (XsCertificatesView *self,
                    const char         *message)
{
  gtk_picture_set_paintable (self->preview_picture, NULL);
  adw_status_page_set_description (self->preview_error, message);
  gtk_stack_set_visible_child_name (self->preview_stack, "error");
}

/* Reads the previewed trainee's certificate (a few indexed queries, on the
 * main thread) and draws it in a worker. */
void
_xs_certificates_view_update_preview (XsCertificatesView *self)
{
  g_auto(SettingsCopy) copy = { 0 };
  XsCertificateSettings settings;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *alternative = NULL;
  RenderData *data;
  XsDb *db;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->preview);

  if (self->previewed == NULL || self->window == NULL || self->profile == NULL)
    {
      gtk_picture_set_paintable (self->preview_picture, NULL);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      return;
    }

  db = xs_window_get_db (self->window);
  _xs_certificates_view_settings_copy_load (&copy, self->profile);
  _xs_certificates_view_settings_copy_get (&copy, &settings);
  trainee = xs_trainee_store_get (db, xs_trainee_item_get_trainee_id (self->previewed), &error);
  if (trainee != NULL)
    self->preview = xs_certificate_preview (db, &settings, XS_CERTIFICATE_ANNUAL,
                                            _xs_certificates_view_get_year (self), NULL,
                                            trainee->id_number, &error);
  if (self->preview == NULL)
    {
      show_preview_error (self, error->message);
      return;
    }

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

  /* Keep the last picture until the new one is drawn, unless there is none. */
  if (gtk_picture_get_paintable (self->preview_picture) == NULL
      || !g_str_equal (gtk_stack_get_visible_child_name (self->preview_stack), "preview"))
    gtk_stack_set_visible_child_name (self->preview_stack, "loading");

  data = g_new0 (RenderData, 1);
  data->certificate = g_object_ref (self->preview);
  data->scale_factor = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->preview_cancellable, on_preview_drawn, NULL);
  g_task_set_source_tag (task, _xs_certificates_view_update_preview);
  g_task_set_task_data (task, data, (GDestroyNotify) render_data_free);
  g_task_run_in_thread (task, render_thread);
}
