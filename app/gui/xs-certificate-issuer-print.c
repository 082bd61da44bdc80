/* xs-certificate-issuer-print.c: the issued certificates, to the printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-issuer"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-issuer-private.h"

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              GPtrArray         *certificates)
{
  if (page_nr < 0 || (guint) page_nr >= certificates->len)
    return;
  xs_certificate_draw (g_ptr_array_index (certificates, page_nr),
                       gtk_print_context_get_cairo_context (context),
                       gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context));
}

static GtkPageOrientation
page_orientation (XsCertificate *certificate)
{
  return xs_certificate_get_orientation (certificate) == XS_CERTIFICATE_LANDSCAPE
         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT;
}

/* A certificate issued earlier keeps the orientation it was issued with. */
static void
on_request_page_setup (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       GPtrArray         *certificates)
{
  if (page_nr >= 0 && (guint) page_nr < certificates->len)
    gtk_page_setup_set_orientation (setup, page_orientation (g_ptr_array_index (certificates, page_nr)));
}

static void
finish_print (XsCertificateIssuer     *self,
              GtkPrintOperation       *operation,
              GtkPrintOperationResult  result)
{
  g_autoptr(GError) error = NULL;

  if (self->print_operation != operation)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _xs_certificate_issuer_show_toast (self, error ? error->message : _("The certificates could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      _xs_certificate_issuer_show_toast (self, self->print_result);
    }
  g_clear_object (&self->print_operation);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               XsCertificateIssuer     *self)
{
  finish_print (self, operation, result);
}

void
_xs_certificate_issuer_print (XsCertificateIssuer *self,
                              GPtrArray           *certificates,
                              const char          *job_name,
                              const char          *result_text)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->print_operation != NULL || certificates->len == 0)
    return;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, page_orientation (g_ptr_array_index (certificates, 0)));
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, certificates->len);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  g_free (self->print_result);
  self->print_result = g_strdup (result_text);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_ptr_array_ref (certificates), (GClosureNotify) g_ptr_array_unref, 0);
  g_signal_connect_data (operation, "request-page-setup", G_CALLBACK (on_request_page_setup),
                         g_ptr_array_ref (certificates), (GClosureNotify) g_ptr_array_unref, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);

  self->print_operation = g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (self->owner)), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      _xs_certificate_issuer_show_toast (self, error->message);
      g_clear_object (&self->print_operation);
    }
  else if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    finish_print (self, operation, result);
}

