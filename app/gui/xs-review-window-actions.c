/* xs-review-window-actions.c: deciding, the reviewer, saving the decisions;
 * the window's own file calls these, these call nothing back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-review-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-job.h"
#include "xs-reject-dialog.h"
#include "xs-reviewer-dialog.h"
#include "xs-review-window-private.h"
#include "xs-report.h"

/* The reviewer */

static void
ellipsize_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    ellipsize_labels (child);
}

void
_xs_review_window_show_reviewer (XsReviewWindow *self)
{
  g_autofree char *label = xs_review_reviewer_dup_label (self->reviewer);

  adw_button_content_set_label (self->reviewer_content, label);
  /* a long name does not widen a narrow window: it is cut, the tooltip
   * holds it whole */
  ellipsize_labels (GTK_WIDGET (self->reviewer_content));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reviewer_content), label);
  /* the to-do list is the side's, and what it may decide */
  xs_review_claim_list_set_side (self->list, xs_review_reviewer_get_side (self->reviewer));
  xs_review_claim_detail_set_side (self->claim_detail, xs_review_reviewer_get_side (self->reviewer));
}

void
xs_review_window_set_reviewer (XsReviewWindow *self,
                               const char     *name,
                               XsReviewSide    side)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (side == XS_REVIEW_SIDE_HR || side == XS_REVIEW_SIDE_INDUSTRY);

  xs_review_reviewer_set (self->reviewer, name, side);
  _xs_review_window_show_reviewer (self);
  if (self->package != NULL)
    _xs_review_window_refilter (self);
  _xs_review_window_update_actions (self);
}

typedef struct
{
  XsReviewWindow *self;
  char           *then;        /* the action to run once the reviewer is known */
} ReviewerAsked;

static void
reviewer_asked_free (ReviewerAsked *data)
{
  g_object_unref (data->self);
  g_free (data->then);
  g_free (data);
}

static void
on_reviewer_response (XsReviewerDialog *dialog,
                      const char       *response,
                      ReviewerAsked    *data)
{
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "ok"))
    return;
  name = xs_reviewer_dialog_get_name (dialog);
  xs_review_window_set_reviewer (data->self, name, xs_reviewer_dialog_get_side (dialog));
  if (data->then != NULL && xs_review_reviewer_get_confirmed (data->self->reviewer))
    gtk_widget_activate_action (GTK_WIDGET (data->self), data->then, NULL);
}

static void
ask_reviewer (XsReviewWindow *self,
              const char     *then)
{
  XsReviewerDialog *dialog = xs_reviewer_dialog_new (GTK_WINDOW (self), xs_review_reviewer_get_name (self->reviewer),
                                                        xs_review_reviewer_get_side (self->reviewer));
  ReviewerAsked *data = g_new0 (ReviewerAsked, 1);

  data->self = g_object_ref (self);
  data->then = g_strdup (then);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_reviewer_response), data,
                         (GClosureNotify) (void (*) (void)) reviewer_asked_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_reviewer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ask_reviewer (XS_REVIEW_WINDOW (widget), NULL);
}

/* Deciding */

/* A toast saying @text. */
void
_xs_review_window_show_toast (XsReviewWindow *self,
                              const char     *text)
{
  xs_report_show_toast (self->toast_overlay, adw_toast_new (text));
}

/* After decisions or the side changed: the list, its count and the actions. */
void
_xs_review_window_refilter (XsReviewWindow *self)
{
  xs_review_claim_list_refilter (self->list);
  _xs_review_window_update_actions (self);
}

/* Keeps the decisions made so far on this computer. */
static void
autosave (XsReviewWindow *self)
{
  if (self->autosave != NULL)
    xs_review_autosave_keep (self->autosave, xs_review_claim_list_get_claims (self->list));
}

static void
on_undo_toast_clicked (XsReviewWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.undo", NULL);
}

void
_xs_review_window_show_undo_toast (XsReviewWindow *self,
                                   const char     *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_toast_clicked), self, G_CONNECT_SWAPPED);
  xs_report_show_toast (self->toast_overlay, toast);
}

static void
decide (XsReviewWindow *self,
        XsStatus        decision,
        const char     *reason)
{
  XsPackageClaimItem *item = xs_review_claim_list_get_current (self->list);
  g_autoptr(XsPackageClaimItem) held = NULL;
  g_autofree char *text = NULL;
  guint position;

  if (item == NULL || !xs_package_claim_item_get_decidable (item))
    return;
  if (decision != XS_STATUS_SUBMITTED && xs_package_claim_item_get_side (item) != xs_review_reviewer_get_side (self->reviewer))
    return;

  held = g_object_ref (item);
  position = gtk_single_selection_get_selected (xs_review_claim_list_get_selection (self->list));
  xs_review_undo_push (self->undo, &held, 1);

  xs_package_claim_item_set_decision (held, decision, reason, xs_review_reviewer_get_side (self->reviewer),
                                      xs_review_reviewer_get_name (self->reviewer));
  self->modified = TRUE;
  self->generation++;
  _xs_review_window_refilter (self);
  autosave (self);

  if (decision == XS_STATUS_APPROVED)
    /* Translators: a toast after a decision: the trainee's name */
    text = g_strdup_printf (_("%s: approved"), xs_package_claim_item_get_name (held));
  else if (decision == XS_STATUS_REJECTED)
    /* Translators: a toast after a decision: the trainee's name */
    text = g_strdup_printf (_("%s: rejected"), xs_package_claim_item_get_name (held));
  else
    /* Translators: a toast after a decision was cleared: the trainee's name */
    text = g_strdup_printf (_("%s: undecided again"), xs_package_claim_item_get_name (held));
  _xs_review_window_show_undo_toast (self, text);

  /* on to the next claim this side can decide */
  if (decision != XS_STATUS_SUBMITTED)
    {
      gboolean still_shown = xs_review_claim_list_get_current (self->list) == held;

      xs_review_claim_list_advance (self->list, still_shown ? position + 1 : position);
    }
  _xs_review_window_update_actions (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);
  g_autoptr(XsPackageClaimItem) first = xs_review_undo_pop (self->undo);

  if (first == NULL)
    return;
  self->modified = TRUE;
  self->generation++;
  _xs_review_window_refilter (self);
  autosave (self);

  /* back on the claim the step was about, when it is shown */
  xs_review_claim_list_select_item (self->list, first);
  _xs_review_window_update_actions (self);
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);

  if (!xs_review_reviewer_get_confirmed (self->reviewer))
    ask_reviewer (self, action_name);
  else
    decide (self, XS_STATUS_APPROVED, NULL);
}

void
xs_review_window_reject (XsReviewWindow *self,
                         const char     *reason)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (reason != NULL);

  stripped = g_strstrip (g_strdup (reason));
  g_return_if_fail (*stripped != '\0');
  decide (self, XS_STATUS_REJECTED, stripped);
}

static void
on_reject_response (XsRejectDialog *dialog,
                    const char     *response,
                    XsReviewWindow *self)
{
  g_autofree char *reason = xs_reject_dialog_get_reason (dialog);

  if (g_str_equal (response, "reject") && *reason != '\0')
    xs_review_window_reject (self, reason);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);
  XsPackageClaimItem *item = xs_review_claim_list_get_current (self->list);
  XsRejectDialog *dialog;

  if (item == NULL)
    return;
  if (!xs_review_reviewer_get_confirmed (self->reviewer))
    {
      ask_reviewer (self, action_name);
      return;
    }

  dialog = xs_reject_dialog_new (GTK_WINDOW (self), xs_package_claim_item_get_name (item),
                                 xs_package_claim_item_get_title (item));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reject_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);
  XsPackageClaimItem *item = xs_review_claim_list_get_current (self->list);

  if (item != NULL && xs_package_claim_item_get_decided_here (item))
    decide (self, XS_STATUS_SUBMITTED, NULL);
}

void
_xs_review_window_update_actions (XsReviewWindow *self)
{
  XsPackageClaimItem *item = xs_review_claim_list_get_current (self->list);
  gboolean can_decide = xs_review_claim_detail_get_can_decide (self->claim_detail);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.approve", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.reject", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.clear",
                                 item != NULL && xs_package_claim_item_get_decided_here (item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.undo", xs_review_undo_get_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save",
                                 self->package != NULL && !xs_review_saver_get_saving (self->saver));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.open-decisions", self->package != NULL);
}

/* Decisions read from a file */

void
_xs_review_window_apply_decisions (XsReviewWindow *self,
                                   GPtrArray      *decisions)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();   /* XsPackageClaimItem, borrowed */
  g_autoptr(GPtrArray) applied = g_ptr_array_new ();  /* const XsDecision * */

  for (guint i = 0; i < decisions->len; i++)
    {
      const XsDecision *decision = g_ptr_array_index (decisions, i);
      XsPackageClaimItem *item = xs_review_claim_list_lookup (self->list, decision->ref);

      if (item == NULL || !xs_package_claim_item_get_decidable (item))
        continue;
      g_ptr_array_add (items, item);
      g_ptr_array_add (applied, (gpointer) decision);
    }
  if (items->len == 0)
    return;
  /* one step to undo */
  xs_review_undo_push (self->undo, (XsPackageClaimItem *const *) items->pdata, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const XsDecision *decision = g_ptr_array_index (applied, i);

      xs_package_claim_item_set_decision (g_ptr_array_index (items, i), decision->decision, decision->reason,
                                          decision->side, decision->reviewer);
    }
  self->modified = TRUE;
  self->generation++;
  _xs_review_window_refilter (self);
  autosave (self);
}

/* Open Decisions… */

static void
on_files_read (XsReviewWindow *self,
               GPtrArray      *decisions)
{
  g_autofree char *text = NULL;

  _xs_review_window_apply_decisions (self, decisions);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision loaded", "%u decisions loaded",
                                       decisions->len),
                          decisions->len);
  _xs_review_window_show_undo_toast (self, text);
}

void
xs_review_window_load_decisions (XsReviewWindow *self,
                                 const char     *path)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->package != NULL);

  xs_review_files_read (self->files, path);
}

static void
open_decisions_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  xs_review_files_open (XS_REVIEW_WINDOW (widget)->files, GTK_WINDOW (widget));
}

/* Saving */

static void
save_to (XsReviewWindow *self,
         const char     *path,
         gboolean        create_key)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->package != NULL);

  xs_review_saver_save (self->saver, GTK_WINDOW (self), self->package, xs_review_claim_list_get_claims (self->list),
                        self->generation, path, create_key);
}

/* Saving: a toast, and closing when that was asked for */

static void
on_saved (XsReviewWindow *self,
          const char     *path,
          guint           n,
          guint           generation)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = NULL;
  gboolean close_after = self->close_after_save;

  self->close_after_save = FALSE;
  if (generation == self->generation)
    self->modified = FALSE;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision saved to “%s”",
                                       "%u decisions saved to “%s”", n),
                          n, name);
  _xs_review_window_show_toast (self, text);
  if (close_after && !self->modified)
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_saver_message (XsReviewWindow *self,
                  const char     *message)
{
  self->close_after_save = FALSE;
  _xs_review_window_show_toast (self, message);
}

static void
on_saving_changed (XsReviewWindow *self)
{
  /* a save that asks for the key first does not close the window after */
  if (!xs_review_saver_get_saving (self->saver))
    self->close_after_save = FALSE;
  _xs_review_window_update_actions (self);
}

void
_xs_review_window_init_saver (XsReviewWindow *self)
{
  self->saver = xs_review_saver_new ();
  g_signal_connect_object (self->saver, "saved", G_CALLBACK (on_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "message", G_CALLBACK (on_saver_message), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->saver, "notify::saving", G_CALLBACK (on_saving_changed), self, G_CONNECT_SWAPPED);
  self->files = xs_review_files_new ();
  g_signal_connect_object (self->files, "read", G_CALLBACK (on_files_read), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->files, "save", G_CALLBACK (xs_review_window_save_to), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->files, "export-key", G_CALLBACK (xs_review_window_export_key_to), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->files, "message", G_CALLBACK (_xs_review_window_show_toast), self, G_CONNECT_SWAPPED);
}

void
xs_review_window_save_to (XsReviewWindow *self,
                          const char     *path)
{
  save_to (self, path, FALSE);
}

void
xs_review_window_save_with_new_key (XsReviewWindow *self,
                                    const char     *path)
{
  save_to (self, path, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);

  if (self->package != NULL && !xs_review_saver_get_saving (self->saver))
    xs_review_files_ask_save (self->files, GTK_WINDOW (self));
}

/* Exporting the reviewer's public key, for the bases to register */

void
xs_review_window_export_key_to (XsReviewWindow *self,
                                const char     *path)
{
  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (path != NULL);

  xs_review_saver_export_key (self->saver, path);
}

static void
export_key_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  xs_review_files_ask_key (XS_REVIEW_WINDOW (widget)->files, GTK_WINDOW (widget));
}

void
_xs_review_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "review.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "review.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "review.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "review.open-decisions", NULL,
                                   open_decisions_action);
  gtk_widget_class_install_action (widget_class, "review.set-reviewer", NULL, set_reviewer_action);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "review.export-key", NULL, export_key_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "review.open-decisions", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "review.undo", NULL);
}
