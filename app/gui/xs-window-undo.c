/* xs-window-undo.c: the Undo of an import, from its toast or the History
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-import-log.h"
#include "xs-window-private.h"
#include "xs-report.h"

static gboolean
undo_import (XsJob         *job,
             XsDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  gint64 import_id = *(gint64 *) data;
  g_autoptr(XsImportRecord) record = xs_import_log_get (db, import_id, error);

  if (record == NULL || !xs_import_log_undo (db, import_id, error))
    return FALSE;
  xs_job_set_result (job, g_steal_pointer (&record), (GDestroyNotify) xs_import_record_free);
  return TRUE;
}

static void
on_undone (XsWindow *self,
           XsJob    *job)
{
  XsImportRecord *record = xs_job_get_result (job);
  g_autofree char *text = NULL;

  xs_window_reload (self);
  /* Translators: a file name */
  text = g_strdup_printf (_("Import of %s undone"), record->file_name);
  xs_window_show_toast (self, text);
}

void
xs_window_undo_import (XsWindow *self,
                       gint64    import_id)
{
  g_autoptr(XsJob) job = NULL;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (import_id > 0);

  job = xs_job_new (xs_db_get_data_dir (xs_window_get_db (self)), undo_import,
                    g_memdup2 (&import_id, sizeof import_id), g_free);
  _xs_window_run_job (self, job, "win.undo-import", TRUE, _("Cannot Undo the Import"), on_undone);
}

void
xs_window_show_import_toast (XsWindow   *self,
                             const char *text,
                             gint64      import_id)
{
  AdwToast *toast;

  g_return_if_fail (XS_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  toast = adw_toast_new (text);
  if (import_id > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_timeout (toast, 10);
      adw_toast_set_action_name (toast, "win.undo-import");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (import_id));
    }
  xs_report_show_toast (self->toast_overlay, toast);
}

static void
undo_import_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gint64 import_id = g_variant_get_int64 (param);

  if (import_id > 0)
    xs_window_undo_import (XS_WINDOW (widget), import_id);
}

static void
show_import_toast_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  const char *text = NULL;
  gint64 import_id = 0;

  g_variant_get (param, "(&sx)", &text, &import_id);
  xs_window_show_import_toast (XS_WINDOW (widget), text, import_id);
}

void
_xs_window_class_install_undo_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo-import", "x", undo_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-toast", "(sx)", show_import_toast_action);
}
