/* xs-certificate-render.c: a certificate's preview, read and drawn in a job
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-render"

#include "config.h"

#include "xs-certificate-run.h"
#include "xs-certificate-render.h"
#include "xs-certificate-store.h"
#include "xs-job.h"
#include "xs-texture.h"
#include "xs-trainee-store.h"

/* Preview pixels per point: A4 (595 × 842 points) drawn about as large as
 * the page fits on a laptop screen. */
#define PREVIEW_SCALE 1.25

/* What the job reads: the trainee and how the certificate is set up. */
typedef struct
{
  XsCertificateKind          kind;
  int                        year;
  char                      *class_code;
  gint64                     trainee_id;
  XsCertificateSettingsCopy  settings;
  int                        scale_factor;
} Input;

/* What it gives: the certificate and its picture. */
typedef struct
{
  XsCertificate   *certificate;
  cairo_surface_t *surface;
} Output;

static void
input_free (Input *input)
{
  g_free (input->class_code);
  xs_certificate_settings_copy_clear (&input->settings);
  g_free (input);
}

static void
output_free (Output *output)
{
  g_clear_object (&output->certificate);
  g_clear_pointer (&output->surface, cairo_surface_destroy);
  g_free (output);
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
  /* not issued yet: the picture must not pass for the certificate */
  xs_certificate_draw_preview (certificate, cr, width, height, xs_certificate_get_serial (certificate) == NULL);
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
  Input *input = data;
  XsCertificateSettings settings;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autoptr(XsCertificate) certificate = NULL;
  cairo_surface_t *surface;
  Output *output;

  xs_certificate_settings_copy_get (&input->settings, &settings);
  trainee = xs_trainee_store_get (db, input->trainee_id, error);
  if (trainee == NULL)
    return FALSE;
  certificate = xs_certificate_preview (db, &settings, input->kind, input->year, input->class_code,
                                        trainee->id_number, error);
  if (certificate == NULL
      || g_cancellable_set_error_if_cancelled (cancellable, error)
      || (surface = render (certificate, input->scale_factor, error)) == NULL)
    return FALSE;

  output = g_new0 (Output, 1);
  output->certificate = g_steal_pointer (&certificate);
  output->surface = surface;
  xs_job_set_result (job, output, (GDestroyNotify) output_free);
  return TRUE;
}

void
xs_certificate_render_async (XsDb                *db,
                             XsBaseProfile       *profile,
                             XsCertificateKind    kind,
                             int                  year,
                             const char          *class_code,
                             gint64               trainee_id,
                             int                  scale_factor,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(XsJob) job = NULL;
  Input *input;

  g_return_if_fail (db != NULL && XS_IS_BASE_PROFILE (profile));

  input = g_new0 (Input, 1);
  input->kind = kind;
  input->year = year;
  input->class_code = g_strdup (class_code);
  input->trainee_id = trainee_id;
  input->scale_factor = MAX (1, scale_factor);
  xs_certificate_settings_copy_load (&input->settings, profile);
  job = xs_job_new (xs_db_get_data_dir (db), read_and_draw, input, (GDestroyNotify) input_free);
  xs_job_run_async (job, cancellable, callback, user_data);
}

XsCertificate *
xs_certificate_render_finish (GObject       *source,
                              GAsyncResult  *result,
                              GdkTexture   **texture,
                              GError       **error)
{
  Output *output;

  g_return_val_if_fail (XS_IS_JOB (source), NULL);

  if (!xs_job_run_finish (XS_JOB (source), result, error))
    return NULL;
  output = xs_job_get_result (XS_JOB (source));
  if (texture != NULL)
    *texture = xs_texture_new_for_surface (output->surface);
  return g_object_ref (output->certificate);
}
