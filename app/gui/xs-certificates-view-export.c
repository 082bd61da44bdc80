/* xs-certificates-view-export.c: the certificates view's export and print
 *
 * The view's issuer says what issuing the selected trainees' certificates
 * would do, asks, and issues, exports or prints; the progress bar under the
 * list follows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificates-view-private.h"
#include "xs-file-chooser.h"
#include "xs-output.h"
#include "xs-report.h"

static void
on_issuer_notify (XsCertificatesView  *self,
                  GParamSpec          *pspec,
                  XsCertificateIssuer *issuer)
{
  /* the progress widget shows the rest */
  _xs_certificates_view_update_actions (self);
  _xs_certificates_view_notify_busy (self);
}

static void
on_issued (XsCertificatesView  *self,
           XsCertificateIssuer *issuer)
{
  /* The previewed certificate may just have been issued. */
  xs_certificate_preview_redraw (self->preview);
}

void
_xs_certificates_view_follow_issuer (XsCertificatesView *self)
{
  g_signal_connect_object (self->issuer, "notify::busy", G_CALLBACK (on_issuer_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->issuer, "issued", G_CALLBACK (on_issued), self, G_CONNECT_SWAPPED);
}

static void
show_toast (XsCertificatesView *self,
            const char         *text)
{
  xs_report_toast (GTK_WIDGET (self), text);
}

/* The selected trainees; NULL when they are everyone qualified, so that the
 * core finds them instead of being told each. */
static GArray *
selected_ids (XsCertificatesView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;
  GArray *ids;

  if (gtk_bitset_get_size (selected) == self->n_qualified)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), gtk_bitset_get_size (selected));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(XsTraineeItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = xs_trainee_item_get_trainee_id (item);

      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
can_start (XsCertificatesView *self)
{
  g_return_val_if_fail (self->db != NULL, FALSE);

  if (xs_certificate_issuer_get_busy (self->issuer))
    return FALSE;
  if (!_xs_certificates_view_has_base_name (self))
    {
      _xs_certificates_view_update_base_name (self);
      show_toast (self, _("Set the base’s name in Preferences first: certificates name the base that issues them."));
      return FALSE;
    }
  return xs_certificates_view_get_n_selected (self) > 0;
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
  g_autoptr(GArray) ids = NULL;
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
  if (!can_start (self))
    return;
  ids = selected_ids (self);
  xs_certificate_issuer_export (self->issuer, self->db, self->profile, XS_CERTIFICATE_ANNUAL,
                                _xs_certificates_view_get_year (self), NULL, ids, path);
}

void
xs_certificates_view_print (XsCertificatesView *self)
{
  g_autoptr(GArray) ids = NULL;

  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));

  if (!can_start (self))
    return;
  ids = selected_ids (self);
  xs_certificate_issuer_print (self->issuer, self->db, self->profile, XS_CERTIFICATE_ANNUAL,
                               _xs_certificates_view_get_year (self), NULL, ids);
}
