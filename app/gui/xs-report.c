/* xs-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views and dialogs know nothing of the window: they report through its
 * actions (win.show-toast, win.show-trainee, win.reload).
 */
#define G_LOG_DOMAIN "xs-report"

#include "config.h"

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
