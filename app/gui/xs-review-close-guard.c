/* xs-review-close-guard.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save asked for on closing closes the window only when it covered
 * every step; a save that failed, or asked for the reviewer's key first,
 * leaves the window open.
 */
#define G_LOG_DOMAIN "xs-review-close-guard"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-review-close-guard.h"

struct _XsReviewCloseGuard
{
  GObject            parent_instance;

  GtkWindow         *window;       /* weak */
  XsReviewDecisions *decisions;
  XsReviewSaver     *saver;
  gboolean           close_after_save;
};

G_DEFINE_FINAL_TYPE (XsReviewCloseGuard, xs_review_close_guard, G_TYPE_OBJECT)

/* Not while the dialog, transient for the window, emits its response. */
static gboolean
close_later (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_response (AdwMessageDialog   *dialog,
             const char         *response,
             XsReviewCloseGuard *self)
{
  if (self->window == NULL)
    return;
  if (g_str_equal (response, "close"))
    {
      xs_review_decisions_saved (self->decisions, xs_review_decisions_get_generation (self->decisions));
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_later, g_object_ref (self->window), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self->window), "review.save", NULL);
    }
}

static gboolean
on_close_request (XsReviewCloseGuard *self,
                  GtkWindow          *window)
{
  GtkWidget *dialog;

  if (!xs_review_decisions_get_modified (self->decisions))
    return FALSE;

  dialog = adw_message_dialog_new (window, _("Save the Decisions?"),
                                   _("Your decisions are not in a decisions file for the base yet. "
                                     "They are kept on this computer: open the package again to continue."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "close", _("Close _Without Saving"),
                                    "save", _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
on_saved (XsReviewCloseGuard *self)
{
  gboolean close_after = self->close_after_save;

  self->close_after_save = FALSE;
  if (close_after && self->window != NULL && !xs_review_decisions_get_modified (self->decisions))
    gtk_window_close (self->window);
}

static void
on_saver_message (XsReviewCloseGuard *self)
{
  self->close_after_save = FALSE;
}

static void
on_saving_changed (XsReviewCloseGuard *self)
{
  /* a save that asks for the key first does not close the window after */
  if (!xs_review_saver_get_saving (self->saver))
    self->close_after_save = FALSE;
}

XsReviewCloseGuard *
xs_review_close_guard_new (GtkWindow         *window,
                           XsReviewDecisions *decisions,
                           XsReviewSaver     *saver)
{
  XsReviewCloseGuard *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (XS_IS_REVIEW_DECISIONS (decisions), NULL);
  g_return_val_if_fail (XS_IS_REVIEW_SAVER (saver), NULL);

  self = g_object_new (XS_TYPE_REVIEW_CLOSE_GUARD, NULL);
  self->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->window);
  self->decisions = g_object_ref (decisions);
  self->saver = g_object_ref (saver);
  g_signal_connect_object (window, "close-request", G_CALLBACK (on_close_request), self, G_CONNECT_SWAPPED);
  /* after the window's own "saved", which records what the save covered */
  g_signal_connect_object (saver, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (saver, "message", G_CALLBACK (on_saver_message), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (saver, "notify::saving", G_CALLBACK (on_saving_changed), self, G_CONNECT_SWAPPED);
  return self;
}

static void
xs_review_close_guard_finalize (GObject *object)
{
  XsReviewCloseGuard *self = XS_REVIEW_CLOSE_GUARD (object);

  if (self->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
  g_clear_object (&self->decisions);
  g_clear_object (&self->saver);
  G_OBJECT_CLASS (xs_review_close_guard_parent_class)->finalize (object);
}

static void
xs_review_close_guard_class_init (XsReviewCloseGuardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_review_close_guard_finalize;
}

static void
xs_review_close_guard_init (XsReviewCloseGuard *self)
{
}
