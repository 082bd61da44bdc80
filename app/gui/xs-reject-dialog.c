/* xs-reject-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-reject-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-reject-dialog.h"

struct _XsRejectDialog
{
  AdwMessageDialog  parent_instance;

  /* template children */
  AdwEntryRow      *reason_row;
};

G_DEFINE_FINAL_TYPE (XsRejectDialog, xs_reject_dialog, ADW_TYPE_MESSAGE_DIALOG)

XsRejectDialog *
xs_reject_dialog_new (GtkWindow  *parent,
                      const char *name,
                      const char *title)
{
  XsRejectDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (name != NULL && title != NULL, NULL);

  self = g_object_new (XS_TYPE_REJECT_DIALOG, "transient-for", parent, NULL);
  /* Translators: the trainee's name, then the claim's title */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self), _("%s: %s. The base sees the reason and can correct the claim."),
                                  name, title);
  return self;
}

char *
xs_reject_dialog_get_reason (XsRejectDialog *self)
{
  g_return_val_if_fail (XS_IS_REJECT_DIALOG (self), NULL);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
}

static void
on_reason_changed (XsRejectDialog *self)
{
  g_autofree char *reason = xs_reject_dialog_get_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "reject", *reason != '\0');
}

/* Enter in the reason gives Reject, when it is enabled. */
static void
on_reason_activated (XsRejectDialog *self)
{
  if (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "reject"))
    return;
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "reject");
  gtk_window_close (GTK_WINDOW (self));
}

/* The reason is what is asked: it has the focus, not Cancel. */
static void
xs_reject_dialog_show (GtkWidget *widget)
{
  XsRejectDialog *self = XS_REJECT_DIALOG (widget);

  GTK_WIDGET_CLASS (xs_reject_dialog_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

static void
xs_reject_dialog_class_init (XsRejectDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->show = xs_reject_dialog_show;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-reject-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsRejectDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reason_activated);
}

static void
xs_reject_dialog_init (XsRejectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  on_reason_changed (self);
}
