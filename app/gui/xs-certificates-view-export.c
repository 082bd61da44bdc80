/* xs-certificates-view-export.c: the certificates view's export and print
 *
 * Both issue the selected trainees' certificates in a job, which gets only
 * plain data and opens its own database; the progress bar follows the
 * job's progress. An export then writes the PDF in the job; a print hands
 * the certificates to a GtkPrintOperation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-sign.h"
#include "xs-certificate-store.h"
#include "xs-certificates-view-private.h"
#include "xs-output.h"
#include "xs-file-chooser.h"
#include "xs-job.h"
#include "xs-report.h"
#include "xs-trainee-store.h"

typedef enum
{
  JOB_EXPORT,
  JOB_PRINT,
} JobKind;

typedef enum
{
  PHASE_ISSUING,
  PHASE_WRITING,
} JobPhase;

/* An export or a print: its input, its phase (written by the worker, read
 * with atomics by the main thread) and its results. */
typedef struct
{
  JobKind       kind;
  int           year;
  GArray       *trainee_ids;   /* gint64; NULL: everyone qualified */
  SettingsCopy  settings;
  char         *path;          /* export */

  int           phase;

  GPtrArray    *certificates;  /* XsCertificate */
  GPtrArray    *refused;       /* char * */
  guint         n_issued;
} Run;

static void
run_free (Run *run)
{
  g_clear_pointer (&run->trainee_ids, g_array_unref);
  _xs_certificates_view_settings_copy_clear (&run->settings);
  g_free (run->path);
  g_clear_pointer (&run->certificates, g_ptr_array_unref);
  g_clear_pointer (&run->refused, g_ptr_array_unref);
  g_free (run);
}

/* Issuing is the first half of an export, writing the second. */
static void
run_progress (guint    done,
              guint    total,
              gpointer user_data)
{
  XsJob *job = user_data;
  Run *run = xs_job_get_data (job);
  g_autofree char *text = NULL;
  double fraction;

  if (total == 0)
    return;
  fraction = (double) done / total;
  if (run->kind == JOB_EXPORT)
    fraction = g_atomic_int_get (&run->phase) == PHASE_ISSUING ? fraction / 2 : 0.5 + fraction / 2;
  /* Translators: progress of a batch of certificates, "12 / 300" */
  text = g_strdup_printf (_("%d / %d"), (int) done, (int) total);
  xs_job_set_progress (job, fraction, text);
}

static gboolean
issue_certificates (XsJob         *job,
                    XsDb          *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  Run *run = data;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GPtrArray) id_numbers = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  XsCertificateSettings settings;
  XsCertificateQuery query = { XS_CERTIFICATE_ANNUAL, run->year, NULL, NULL, NULL };

  if ((key = xs_signing_key_open (xs_job_get_data_dir (job), error)) == NULL)
    return FALSE;

  if (run->trainee_ids != NULL)
    {
      id_numbers = g_ptr_array_new_full (run->trainee_ids->len + 1, g_free);
      for (guint i = 0; i < run->trainee_ids->len; i++)
        {
          g_autoptr(XsTrainee) trainee = xs_trainee_store_get (db, g_array_index (run->trainee_ids, gint64, i), error);

          if (trainee == NULL)
            return FALSE;
          g_ptr_array_add (id_numbers, g_steal_pointer (&trainee->id_number));
          if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
        }
      g_ptr_array_add (id_numbers, NULL);
      query.id_numbers = (const char * const *) id_numbers->pdata;
    }

  _xs_certificates_view_settings_copy_get (&run->settings, &settings);
  certificates = xs_certificates_issue (db, key, &settings, &query, run_progress, job, cancellable,
                                        &run->n_issued, &run->refused, error);
  if (certificates == NULL)
    return FALSE;

  if (run->kind == JOB_EXPORT)
    {
      g_autoptr(XsPdfKey) pdf_key = xs_certificate_open_pdf_key (db, error);

      g_atomic_int_set (&run->phase, PHASE_WRITING);
      if (pdf_key == NULL
          || !xs_certificate_write_pdf (certificates, pdf_key, run->path, run_progress, job, cancellable, error))
        return FALSE;
    }
  run->certificates = g_steal_pointer (&certificates);
  return TRUE;
}

static void
on_progress (XsJob              *job,
             GParamSpec         *pspec,
             XsCertificatesView *self)
{
  Run *run = xs_job_get_data (job);
  g_autofree char *text = xs_job_dup_text (job);

  gtk_label_set_label (self->progress_label,
                       g_atomic_int_get (&run->phase) == PHASE_ISSUING ? _("Issuing certificates…")
                                                                       : _("Writing the PDF…"));
  gtk_progress_bar_set_fraction (self->progress_bar, xs_job_get_fraction (job));
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
set_job (XsCertificatesView *self,
         XsJob              *job)
{
  if (job == NULL)
    {
      if (self->job != NULL)
        g_signal_handlers_disconnect_by_func (self->job, on_progress, self);
      g_clear_object (&self->job);
      g_clear_object (&self->job_cancellable);
      gtk_widget_set_visible (self->progress_box, FALSE);
    }
  else
    {
      self->job = g_object_ref (job);
      g_signal_connect (job, "notify::fraction", G_CALLBACK (on_progress), self);
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, NULL);
      gtk_label_set_label (self->progress_label, _("Issuing certificates…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Issuing certificates…"), -1);
      gtk_widget_set_visible (self->progress_box, TRUE);
    }
  _xs_certificates_view_update_actions (self);
  _xs_certificates_view_notify_busy (self);
}

static void
show_toast (XsCertificatesView *self,
            const char         *text)
{
  xs_report_toast (GTK_WIDGET (self), text);
}

/* "300 certificates exported, 12 newly issued", and who was refused. */
static char *
describe_result (const Run *job)
{
  guint n = job->certificates->len;
  g_autofree char *done = NULL;
  g_autofree char *refused = NULL;

  if (job->kind == JOB_EXPORT)
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate exported, %u newly issued",
                                         "%u certificates exported, %u newly issued", n),
                            n, job->n_issued);
  else
    done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate sent to the printer, %u newly issued",
                                         "%u certificates sent to the printer, %u newly issued", n),
                            n, job->n_issued);
  if (job->refused == NULL || job->refused->len == 0)
    return g_steal_pointer (&done);

  if (job->refused->len == 1)
    refused = g_strdup (g_ptr_array_index (job->refused, 0));
  else
    /* Translators: "3 refused, e.g. 王伟 (4111…): not qualified for 2018 (…)" */
    refused = g_strdup_printf (_("%u refused, e.g. %s"), job->refused->len,
                               (const char *) g_ptr_array_index (job->refused, 0));
  /* Translators: what was done; who was refused */
  return g_strdup_printf (_("%s; %s"), done, refused);
}

static void
log_refusals (const Run *job)
{
  for (guint i = 0; job->refused != NULL && i < job->refused->len; i++)
    g_message ("%s", (const char *) g_ptr_array_index (job->refused, i));
}

static void run_print (XsCertificatesView *self,
                       const Run          *job);

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(XsCertificatesView) self = user_data;
  Run *job = xs_job_get_data (XS_JOB (object));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (XS_JOB (object) == self->job)
    set_job (self, NULL);

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, _("Cancelled: no certificate was issued or written"));
      else
        show_toast (self, error->message);
      return;
    }

  log_refusals (job);
  if (job->kind == JOB_PRINT && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    run_print (self, job);
  else
    {
      text = describe_result (job);
      show_toast (self, text);
    }

  /* The previewed certificate may just have been issued. */
  _xs_certificates_view_update_preview (self);
}

static void
start_job (XsCertificatesView *self,
           JobKind             kind,
           const char         *path)
{
  g_autoptr(XsJob) xs_job = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;
  Run *job;

  g_return_if_fail (self->db != NULL);

  if (self->job != NULL)
    return;
  if (!_xs_certificates_view_has_base_name (self))
    {
      _xs_certificates_view_update_base_name (self);
      show_toast (self, _("Set the base’s name in Preferences first: certificates name the base that issues them."));
      return;
    }
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return;

  job = g_new0 (Run, 1);
  job->kind = kind;
  job->year = _xs_certificates_view_get_year (self);
  job->path = g_strdup (path);
  job->phase = PHASE_ISSUING;
  _xs_certificates_view_settings_copy_load (&job->settings, self->profile);

  /* Everyone qualified: let the core find them instead of naming each. */
  if (gtk_bitset_get_size (selected) != self->n_qualified)
    {
      job->trainee_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), gtk_bitset_get_size (selected));
      for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
           ok;
           ok = gtk_bitset_iter_next (&iter, &position))
        {
          g_autoptr(XsTraineeItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
          gint64 id = xs_trainee_item_get_trainee_id (item);

          g_array_append_val (job->trainee_ids, id);
        }
    }

  self->job_cancellable = g_cancellable_new ();
  xs_job = xs_job_new (xs_db_get_data_dir (self->db), issue_certificates,
                       job, (GDestroyNotify) run_free);
  set_job (self, xs_job);
  xs_job_run_async (xs_job, self->job_cancellable, on_job_done, g_object_ref (self));
}

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
finish_print (XsCertificatesView      *self,
              GtkPrintOperation       *operation,
              GtkPrintOperationResult  result)
{
  g_autoptr(GError) error = NULL;
  const char *text;

  if (self->print_operation != operation)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_toast (self, error ? error->message : _("The certificates could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      text = self->print_result;
      show_toast (self, text);
    }
  g_clear_object (&self->print_operation);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               XsCertificatesView      *self)
{
  finish_print (self, operation, result);
}

static void
run_print (XsCertificatesView *self,
           const Run          *job)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;
  GPtrArray *certificates = job->certificates;

  if (self->print_operation != NULL)
    return;

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, page_orientation (g_ptr_array_index (certificates, 0)));
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  /* Translators: the name of a print job */
  job_name = g_strdup_printf (_("Continuing education certificates %d"), job->year);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, certificates->len);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  g_free (self->print_result);
  self->print_result = describe_result (job);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_ptr_array_ref (certificates), (GClosureNotify) g_ptr_array_unref, 0);
  g_signal_connect_data (operation, "request-page-setup", G_CALLBACK (on_request_page_setup),
                         g_ptr_array_ref (certificates), (GClosureNotify) g_ptr_array_unref, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);

  self->print_operation = g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    {
      show_toast (self, error->message);
      g_clear_object (&self->print_operation);
    }
  else if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    finish_print (self, operation, result);
}

/* Choosing the file */

static char *
default_file_name (XsCertificatesView *self)
{
  int year = _xs_certificates_view_get_year (self);

  /* Translators: the file name offered when exporting certificates; in
   * Chinese 继续教育合格证书-%d.pdf */
  return g_strdup_printf (_("continuing-education-certificates-%d.pdf"), year);
}

static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsCertificatesView) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);

  if (file != NULL && self->db != NULL)
    xs_certificates_view_export_to_file (self, file);
}

void
_xs_certificates_view_choose_export_file (XsCertificatesView *self)
{
  g_autofree char *name = default_file_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListModel) filters = NULL;

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  filters = xs_file_chooser_filters_of (filter);

  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  self->chooser_cancellable = g_cancellable_new ();
  xs_file_chooser_run_async (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), XS_FILE_CHOOSER_SAVE,
                             _("Export Certificates"), _("_Export"), filters, filter, name,
                             self->chooser_cancellable, on_file_chosen, g_object_ref (self));
}

/* Public */

void
xs_certificates_view_export_to_file (XsCertificatesView *self,
                                     GFile              *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("Certificates can only be exported to a local file"));
      return;
    }
  /* never into the data folder: said now, not after the issuing */
  if (!xs_output_check_path (path, &error))
    {
      show_toast (self, error->message);
      return;
    }
  start_job (self, JOB_EXPORT, path);
}

void
xs_certificates_view_print (XsCertificatesView *self)
{
  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));
  start_job (self, JOB_PRINT, NULL);
}
