/* xs-certificate-print.c: printing certificates through a GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-print"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "xs-certificate-print.h"
#include "xs-certificate-store.h"

struct _XsCertificatePrint
{
  GObject            parent_instance;

  GtkPrintOperation *operation;
  GtkPrintSettings  *settings;
  char              *result_text;
};

G_DEFINE_FINAL_TYPE (XsCertificatePrint, xs_certificate_print, G_TYPE_OBJECT)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

GtkPageSetup *
xs_certificate_print_page_setup (XsCertificate *certificate)
{
  GtkPageSetup *setup;
  g_autoptr(GtkPaperSize) paper = NULL;
  double width, height, upright_width, upright_height;

  g_return_val_if_fail (XS_IS_CERTIFICATE (certificate), NULL);

  setup = gtk_page_setup_new ();
  xs_certificate_get_page_size (certificate, &width, &height);
  upright_width = MIN (width, height);
  upright_height = MAX (width, height);
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  if (fabs (gtk_paper_size_get_width (paper, GTK_UNIT_POINTS) - upright_width) > 0.5
      || fabs (gtk_paper_size_get_height (paper, GTK_UNIT_POINTS) - upright_height) > 0.5)
    {
      /* a pre-printed form's own paper, named by its size so that the
       * printer's dialog offers the same one next time */
      double width_mm = upright_width * 25.4 / 72, height_mm = upright_height * 25.4 / 72;
      g_autofree char *name = g_strdup_printf ("xueshi-%.0fx%.0fmm", width_mm, height_mm);
      /* Translators: a custom paper size, e.g. "Certificate paper 240 × 170 mm" */
      g_autofree char *display = g_strdup_printf (_("Certificate paper %.0f × %.0f mm"), width_mm, height_mm);

      g_clear_pointer (&paper, gtk_paper_size_free);
      paper = gtk_paper_size_new_custom (name, display, upright_width, upright_height, GTK_UNIT_POINTS);
    }
  gtk_page_setup_set_paper_size (setup, paper);
  /* a form needs all of its paper: no margins to shrink it into */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

/* Each page on the paper of its certificate's template, in the orientation
 * it was issued with: a certificate issued earlier keeps its own. */
static void
on_request_page_setup (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       GPtrArray         *certificates)
{
  g_autoptr(GtkPageSetup) own = NULL;

  if (page_nr < 0 || (guint) page_nr >= certificates->len)
    return;
  own = xs_certificate_print_page_setup (g_ptr_array_index (certificates, page_nr));
  gtk_page_setup_set_paper_size (setup, gtk_page_setup_get_paper_size (own));
  gtk_page_setup_set_orientation (setup, gtk_page_setup_get_orientation (own));
}

static void
finish (XsCertificatePrint      *self,
        GtkPrintOperation       *operation,
        GtkPrintOperationResult  result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->operation != operation)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      text = g_strdup (error ? error->message : _("The certificates could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&self->settings, gtk_print_operation_get_print_settings (operation));
      text = g_strdup (self->result_text);
    }
  g_clear_object (&self->operation);
  if (text != NULL)
    g_signal_emit (self, signals[SIGNAL_FINISHED], 0, text);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         XsCertificatePrint      *self)
{
  finish (self, operation, result);
}

GtkPrintOperation *
xs_certificate_print_new_operation (GPtrArray  *certificates,
                                    const char *job_name)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;

  g_return_val_if_fail (certificates != NULL && certificates->len > 0, NULL);
  g_return_val_if_fail (job_name != NULL, NULL);

  operation = gtk_print_operation_new ();
  setup = xs_certificate_print_page_setup (g_ptr_array_index (certificates, 0));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, certificates->len);
  /* points on the paper, from its corner: 100 %, never fitted to margins */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_ptr_array_ref (certificates), (GClosureNotify) g_ptr_array_unref, 0);
  g_signal_connect_data (operation, "request-page-setup", G_CALLBACK (on_request_page_setup),
                         g_ptr_array_ref (certificates), (GClosureNotify) g_ptr_array_unref, 0);
  return operation;
}

XsCertificatePrint *
xs_certificate_print_new (void)
{
  return g_object_new (XS_TYPE_CERTIFICATE_PRINT, NULL);
}

void
xs_certificate_print_run (XsCertificatePrint *self,
                          GtkWindow          *parent,
                          GPtrArray          *certificates,
                          const char         *job_name,
                          const char         *result_text)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (XS_IS_CERTIFICATE_PRINT (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (certificates != NULL && job_name != NULL && result_text != NULL);

  if (self->operation != NULL || certificates->len == 0)
    return;

  operation = xs_certificate_print_new_operation (certificates, job_name);
  if (self->settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  g_free (self->result_text);
  self->result_text = g_strdup (result_text);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_done), self, 0);

  self->operation = g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      g_clear_object (&self->operation);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, error->message);
    }
  else if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    finish (self, operation, result);
}

gboolean
xs_certificate_print_get_busy (XsCertificatePrint *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATE_PRINT (self), FALSE);
  return self->operation != NULL;
}

static void
xs_certificate_print_dispose (GObject *object)
{
  XsCertificatePrint *self = XS_CERTIFICATE_PRINT (object);

  g_clear_object (&self->operation);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->result_text, g_free);

  G_OBJECT_CLASS (xs_certificate_print_parent_class)->dispose (object);
}

static void
xs_certificate_print_class_init (XsCertificatePrintClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = xs_certificate_print_dispose;

  /* What to tell the user: printed, or why not. */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xs_certificate_print_init (XsCertificatePrint *self)
{
}
