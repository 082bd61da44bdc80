/* xs-certificate-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choosing and checking the PDF file certificates are exported to, alike
 * on the Certificates page and the class page.
 */
#define G_LOG_DOMAIN "xs-certificate-file"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificate-file.h"
#include "xs-file-chooser.h"
#include "xs-output.h"
#include "xs-report.h"

void
xs_certificate_file_choose_async (GtkWidget           *owner,
                                  const char          *name,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListModel) filters = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (owner));

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  filters = xs_file_chooser_filters_of (filter);
  root = gtk_widget_get_root (owner);
  xs_file_chooser_run_async (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, XS_FILE_CHOOSER_SAVE,
                             _("Export Certificates"), _("_Export"), filters, filter, name,
                             cancellable, callback, user_data);
}

char *
xs_certificate_file_get_path (GtkWidget *owner,
                              GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      xs_report_toast (owner, _("Certificates can only be exported to a local file"));
      return NULL;
    }
  /* never into the data folder: said now, not after the issuing */
  if (!xs_output_check_path (path, &error))
    {
      xs_report_toast (owner, error->message);
      return NULL;
    }
  return g_steal_pointer (&path);
}
