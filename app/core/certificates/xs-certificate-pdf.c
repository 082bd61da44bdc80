/* xs-certificate-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "xs-certificate-pdf.h"
#include "xs-certificate-private.h"
#include "xs-certificate-sign.h"
#include "xs-output.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_stream (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  return g_output_stream_write_all (closure, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Metadata that depends only on the certificates, so that the same ones
 * give the same file. */
static void
set_metadata (cairo_surface_t *surface,
              XsCertificate   *first,
              const char      *issued_on)
{
  g_autofree char *date = g_strdup_printf ("%sT00:00:00Z", issued_on ? issued_on : "2000-01-01");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Xueshi");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, first->title);
}

static gboolean
set_cairo_error (cairo_status_t   status,
                 const char      *path,
                 GError         **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write the certificates to “%s”: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

static void
draw_page (cairo_surface_t *surface,
           XsCertificate   *certificate)
{
  cairo_t *cr;
  double width, height;

  xs_certificate_get_page_size (certificate, &width, &height);
  cairo_pdf_surface_set_size (surface, width, height);
  cr = cairo_create (surface);
  xs_certificate_draw (certificate, cr, width, height);
  cairo_show_page (cr);
  cairo_destroy (cr);
}

GBytes *
xs_certificate_render_pdf (XsCertificate  *certificate,
                           GError        **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (XS_IS_CERTIFICATE (certificate), NULL);

  xs_certificate_get_page_size (certificate, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
  set_metadata (surface, certificate, certificate->issued_on);
  draw_page (surface, certificate);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_cairo_error (status, certificate->serial ? certificate->serial : "", error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
xs_certificate_write_pdf (GPtrArray                  *certificates,
                          XsPdfKey                   *key,
                          const char                 *path,
                          XsCertificateProgressFunc   progress,
                          gpointer                    user_data,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  g_autoptr(XsOutput) output = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  XsCertificate *newest;
  cairo_surface_t *surface;
  cairo_status_t status;
  const char *issued_on = NULL;
  double width, height;

  g_return_val_if_fail (certificates != NULL && certificates->len > 0, FALSE);
  g_return_val_if_fail (key == NULL || XS_IS_PDF_KEY (key), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Written beside the target and moved over it when complete; names
   * and identity numbers: the owner's only. */
  output = xs_output_new (path, XS_OUTPUT_PRIVATE, error);
  if (output == NULL)
    return FALSE;

  newest = g_ptr_array_index (certificates, 0);
  for (guint i = 0; i < certificates->len; i++)
    {
      XsCertificate *certificate = g_ptr_array_index (certificates, i);

      if (certificate->issued_on != NULL && g_strcmp0 (certificate->issued_on, issued_on) > 0)
        {
          issued_on = certificate->issued_on;
          newest = certificate;
        }
    }

  /* The whole file is needed before it is signed. */
  xs_certificate_get_page_size (g_ptr_array_index (certificates, 0), &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
  set_metadata (surface, g_ptr_array_index (certificates, 0), issued_on);
  for (guint i = 0; i < certificates->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      draw_page (surface, g_ptr_array_index (certificates, i));
      if (progress != NULL)
        progress (i + 1, certificates->len, user_data);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* Dropping the output uncommitted leaves the old file as it was. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || (status != CAIRO_STATUS_SUCCESS && !set_cairo_error (status, path, error)))
    return FALSE;
  pdf = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  if (key != NULL)
    {
      GBytes *signed_pdf = xs_certificate_sign_pdf (pdf, newest, key, error);

      if (signed_pdf == NULL)
        return FALSE;
      g_bytes_unref (pdf);
      pdf = signed_pdf;
    }
  if (!g_output_stream_write_all (xs_output_get_stream (output), g_bytes_get_data (pdf, NULL),
                                  g_bytes_get_size (pdf), NULL, cancellable, error))
    return FALSE;
  return xs_output_commit (output, error);
}

void
xs_certificate_draw_calibration (XsCertificateTemplate *template,
                                 cairo_t               *cr,
                                 int                    offset_x,
                                 int                    offset_y)
{
  g_return_if_fail (XS_IS_CERTIFICATE_TEMPLATE (template));
  g_return_if_fail (cr != NULL);

  _xs_certificate_draw_calibration (template, cr, offset_x, offset_y);
}

gboolean
xs_certificate_write_calibration (XsCertificateTemplate  *template,
                                  int                     offset_x,
                                  int                     offset_y,
                                  const char             *path,
                                  GError                **error)
{
  g_autoptr(XsOutput) output = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (XS_IS_CERTIFICATE_TEMPLATE (template), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  output = xs_output_new (path, XS_OUTPUT_PUBLIC, error);
  if (output == NULL)
    return FALSE;
  xs_certificate_template_get_page_size (template, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_stream, xs_output_get_stream (output), width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Xueshi");
  cr = cairo_create (surface);
  xs_certificate_draw_calibration (template, cr, offset_x, offset_y);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return set_cairo_error (status, path, error);
  return xs_output_commit (output, error);
}
