/* xs-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views and dialogs know nothing of the window: they report through its
 * actions (win.show-toast, win.show-trainee, win.reload).
 */
#define G_LOG_DOMAIN "xs-report"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-report.h"

gboolean
xs_report_action (GtkWidget  *widget,
                  const char *action,
                  GVariant   *param)
{
  g_autoptr(GVariant) owned = param ? g_variant_ref_sink (param) : NULL;
  GtkRoot *root;
  GtkWindow *parent;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (gtk_widget_activate_action_variant (widget, action, owned))
    return TRUE;
  root = gtk_widget_get_root (widget);
  parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;
  return parent != NULL && gtk_widget_activate_action_variant (GTK_WIDGET (parent), action, owned);
}

void
xs_report_toast (GtkWidget  *widget,
                 const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  if (!xs_report_action (widget, "win.show-toast", g_variant_new_string (text)))
    g_message ("%s", text);
}

static void
on_open_folder (AdwToast   *toast,
                const char *folder_uri)
{
  /* The desktop's file manager, on its own: nothing waits for it. */
  g_app_info_launch_default_for_uri_async (folder_uri, NULL, NULL, NULL, NULL);
}

AdwToast *
xs_report_saved_toast_new (const char *text,
                           const char *path)
{
  AdwToast *toast;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  toast = adw_toast_new (text);
  file = g_file_new_for_path (path);
  folder = g_file_get_parent (file);
  if (folder == NULL)
    return toast;
  adw_toast_set_button_label (toast, _("Open _Folder"));
  adw_toast_set_timeout (toast, 8);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_folder),
                         g_file_get_uri (folder), (GClosureNotify) g_free, 0);
  return toast;
}

void
xs_report_saved (GtkWidget  *widget,
                 const char *text,
                 const char *path)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);
  g_return_if_fail (path != NULL);

  if (!xs_report_action (widget, "win.show-saved-toast", g_variant_new ("(ss)", text, path)))
    g_message ("%s", text);
}
