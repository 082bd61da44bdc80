/* xs-window-revocations.c: Export Revocation List… in the primary menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-revocation-list.h"
#include "xs-window-private.h"

typedef struct
{
  char  *path;
  guint  n_revoked;
} RevocationExport;

static void
revocation_export_free (RevocationExport *export)
{
  g_free (export->path);
  g_free (export);
}

static gboolean
export_revocations (XsJob         *job,
                    XsDb          *db,
                    gpointer       data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  RevocationExport *export = data;
  g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_job_get_data_dir (job), error);

  return key != NULL && xs_revocation_list_write (db, key, export->path, &export->n_revoked, error);
}

static void
on_exported (XsWindow *self,
             XsJob    *job)
{
  RevocationExport *export = xs_job_get_data (job);
  g_autofree char *name = g_path_get_basename (export->path);
  g_autofree char *text = NULL;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u revoked certificate listed in “%s”",
                                       "%u revoked certificates listed in “%s”", export->n_revoked),
                          export->n_revoked, name);
  _xs_window_show_saved_toast (self, text, export->path);
}

void
_xs_window_export_revocations (XsWindow   *self,
                               const char *path)
{
  RevocationExport *export;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  export = g_new0 (RevocationExport, 1);
  export->path = g_strdup (path);
  _xs_window_run_export (self, path, "win.export-revocations", export_revocations,
                         export, (GDestroyNotify) revocation_export_free, on_exported);
}

static void
export_revocations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "txt");
  /* Translators: the file name offered for the revocation list; in
   * Chinese 撤销清单.txt */
  _xs_window_choose_path (XS_WINDOW (widget), XS_FILE_CHOOSER_SAVE, _("Export Revocation List"), _("_Export"),
                          filter, _("revocations.txt"),
                          _("The revocation list can only be exported to a local file"),
                          _xs_window_export_revocations);
}

void
_xs_window_class_install_revocation_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-revocations", NULL, export_revocations_action);
}
