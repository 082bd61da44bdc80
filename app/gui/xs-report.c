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

/* Toasts, one at a time ------------------------------------------------------
 *
 * libadwaita 1.2 has three ways to end the program with toasts:
 * - a toast of high priority puts the one on screen back in the queue, and
 *   if that one comes back before its hide animation has ended (Undo clicked
 *   or Escape pressed at once) show_toast() aborts on !info->widget;
 * - a toast shown while another is still hiding slides in for 500 ms; if it
 *   is dismissed within 200 ms its hide ends first and frees it, and the end
 *   of its show animation then reads freed memory;
 * - the same when a toast is dismissed in the frame it was shown in.
 * So no toast here has a priority, none is added while another is on the
 * overlay, and none is dismissed before it has finished sliding in: the one
 * shown before is dismissed once it has been up for a moment, and the new one
 * follows when it has gone, a few frames later. The newest toast wins. */

#define SHOWN_AT_LEAST_US (400 * G_TIME_SPAN_MILLISECOND)  /* its show: 300 ms */

typedef struct
{
  AdwToastOverlay *overlay;  /* unowned: the slot lives in its data */
  AdwToast        *shown;    /* until it is dismissed */
  gint64           shown_at;
  gulong           dismissed_id;
  AdwToast        *pending;
  guint            tick_id;
} ToastSlot;

static GQuark
toast_slot_quark (void)
{
  return g_quark_from_static_string ("xs-report-toast-slot");
}

static void
toast_slot_free (gpointer data)
{
  ToastSlot *slot = data;

  g_clear_signal_handler (&slot->dismissed_id, slot->shown);
  g_clear_object (&slot->shown);
  g_clear_object (&slot->pending);
  g_free (slot);
}

/* Toast widgets are the overlay's children besides its main child; a
 * dismissed toast's widget stays until its hide animation has ended. */
static gboolean
has_toast_widget (AdwToastOverlay *overlay)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (child != adw_toast_overlay_get_child (overlay))
      return TRUE;
  return FALSE;
}

static void
on_shown_dismissed (AdwToast  *toast,
                    ToastSlot *slot)
{
  g_clear_signal_handler (&slot->dismissed_id, slot->shown);
  g_clear_object (&slot->shown);
}

/* Moves the pending toast on as far as it can go now; returns whether it is
 * on screen. An unmapped overlay runs no animation: nothing to wait for. */
static gboolean
advance (ToastSlot *slot)
{
  gboolean mapped = gtk_widget_get_mapped (GTK_WIDGET (slot->overlay));

  if (slot->pending == NULL)
    return TRUE;
  if (slot->shown != NULL)
    {
      if (mapped && g_get_monotonic_time () - slot->shown_at < SHOWN_AT_LEAST_US)
        return FALSE;
      adw_toast_dismiss (slot->shown);
    }
  if (mapped && has_toast_widget (slot->overlay))
    return FALSE;
  slot->shown = g_steal_pointer (&slot->pending);
  slot->shown_at = g_get_monotonic_time ();
  slot->dismissed_id = g_signal_connect (slot->shown, "dismissed", G_CALLBACK (on_shown_dismissed), slot);
  adw_toast_overlay_add_toast (slot->overlay, g_object_ref (slot->shown));
  return TRUE;
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  ToastSlot *slot = data;

  if (!advance (slot))
    return G_SOURCE_CONTINUE;
  slot->tick_id = 0;
  return G_SOURCE_REMOVE;
}

void
xs_report_show_toast (AdwToastOverlay *overlay,
                      AdwToast        *toast)
{
  ToastSlot *slot;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  slot = g_object_get_qdata (G_OBJECT (overlay), toast_slot_quark ());
  if (slot == NULL)
    {
      slot = g_new0 (ToastSlot, 1);
      slot->overlay = overlay;
      g_object_set_qdata_full (G_OBJECT (overlay), toast_slot_quark (), slot, toast_slot_free);
    }
  if (slot->shown == toast)
    {
      /* on screen already: adding it again only restarts its timeout */
      adw_toast_overlay_add_toast (overlay, toast);
      return;
    }
  /* a toast still waiting is replaced before it was ever seen */
  g_set_object (&slot->pending, toast);
  g_object_unref (toast);
  if (!advance (slot) && slot->tick_id == 0)
    slot->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (overlay), on_tick, slot, NULL);
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
