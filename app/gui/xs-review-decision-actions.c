/* xs-review-decision-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-review-decision-actions"

#include "config.h"

#include "xs-reject-dialog.h"
#include "xs-review-decision-actions.h"

struct _XsReviewDecisionActions
{
  GSimpleActionGroup  parent_instance;

  GWeakRef            parent;
  XsReviewDecisions  *decisions;
  XsReviewClaimList  *list;
  XsReviewReviewer   *reviewer;
  gboolean            can_decide;
};

G_DEFINE_FINAL_TYPE (XsReviewDecisionActions, xs_review_decision_actions, G_TYPE_SIMPLE_ACTION_GROUP)

enum
{
  PROP_0,
  PROP_CAN_DECIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  ASK_REVIEWER,
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_enabled (XsReviewDecisionActions *self,
             const char              *name,
             gboolean                 enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_enabled (XsReviewDecisionActions *self)
{
  XsPackageClaimItem *item = xs_review_claim_list_get_current (self->list);

  set_enabled (self, "approve", self->can_decide);
  set_enabled (self, "reject", self->can_decide);
  set_enabled (self, "clear", item != NULL && xs_package_claim_item_get_decided_here (item));
  set_enabled (self, "undo", xs_review_decisions_get_can_undo (self->decisions));
}

/* TRUE when the reviewer has said who they are; else asks them, to
 * activate @name once they have. */
static gboolean
reviewer_confirmed (XsReviewDecisionActions *self,
                    const char              *name)
{
  if (xs_review_reviewer_get_confirmed (self->reviewer))
    return TRUE;
  g_signal_emit (self, signals[ASK_REVIEWER], 0, name);
  return FALSE;
}

/* Decides the chosen claim, then says what was done. */
static void
decide (XsReviewDecisionActions *self,
        XsStatus                 decision,
        const char              *reason)
{
  g_autofree char *text = xs_review_decisions_decide (self->decisions, decision, reason);

  if (text != NULL)
    g_signal_emit (self, signals[DONE], 0, text);
  update_enabled (self);
}

static void
approve_activated (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  XsReviewDecisionActions *self = user_data;

  if (reviewer_confirmed (self, "approve"))
    decide (self, XS_STATUS_APPROVED, NULL);
}

void
xs_review_decision_actions_reject (XsReviewDecisionActions *self,
                                   const char              *reason)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (XS_IS_REVIEW_DECISION_ACTIONS (self));
  g_return_if_fail (reason != NULL);

  stripped = g_strstrip (g_strdup (reason));
  g_return_if_fail (*stripped != '\0');
  decide (self, XS_STATUS_REJECTED, stripped);
}

static void
on_reject_response (XsRejectDialog          *dialog,
                    const char              *response,
                    XsReviewDecisionActions *self)
{
  g_autofree char *reason = xs_reject_dialog_get_reason (dialog);

  if (g_str_equal (response, "reject") && *reason != '\0')
    xs_review_decision_actions_reject (self, reason);
}

static void
reject_activated (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  XsReviewDecisionActions *self = user_data;
  XsPackageClaimItem *item = xs_review_claim_list_get_current (self->list);
  g_autoptr(GtkWindow) parent = NULL;
  XsRejectDialog *dialog;

  if (item == NULL || !reviewer_confirmed (self, "reject"))
    return;

  parent = g_weak_ref_get (&self->parent);
  dialog = xs_reject_dialog_new (parent, xs_package_claim_item_get_name (item),
                                 xs_package_claim_item_get_title (item));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reject_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  XsReviewDecisionActions *self = user_data;
  XsPackageClaimItem *item = xs_review_claim_list_get_current (self->list);

  if (item != NULL && xs_package_claim_item_get_decided_here (item))
    decide (self, XS_STATUS_SUBMITTED, NULL);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  XsReviewDecisionActions *self = user_data;

  if (xs_review_decisions_undo (self->decisions))
    update_enabled (self);
}

XsReviewDecisionActions *
xs_review_decision_actions_new (GtkWindow         *parent,
                                XsReviewDecisions *decisions,
                                XsReviewClaimList *list,
                                XsReviewReviewer  *reviewer)
{
  static const GActionEntry entries[] = {
    { "approve", approve_activated, NULL, NULL, NULL, { 0 } },
    { "reject", reject_activated, NULL, NULL, NULL, { 0 } },
    { "clear", clear_activated, NULL, NULL, NULL, { 0 } },
    { "undo", undo_activated, NULL, NULL, NULL, { 0 } },
  };
  XsReviewDecisionActions *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (XS_IS_REVIEW_DECISIONS (decisions), NULL);
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (list), NULL);
  g_return_val_if_fail (XS_IS_REVIEW_REVIEWER (reviewer), NULL);

  self = g_object_new (XS_TYPE_REVIEW_DECISION_ACTIONS, NULL);
  g_weak_ref_set (&self->parent, parent);
  self->decisions = g_object_ref (decisions);
  self->list = g_object_ref (list);
  self->reviewer = g_object_ref (reviewer);
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  g_signal_connect_object (list, "notify::current", G_CALLBACK (update_enabled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::n-decided", G_CALLBACK (update_enabled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (decisions, "notify::can-undo", G_CALLBACK (update_enabled), self, G_CONNECT_SWAPPED);
  update_enabled (self);
  return self;
}

static void
xs_review_decision_actions_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  XsReviewDecisionActions *self = XS_REVIEW_DECISION_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_CAN_DECIDE:
      g_value_set_boolean (value, self->can_decide);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_decision_actions_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  XsReviewDecisionActions *self = XS_REVIEW_DECISION_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_CAN_DECIDE:
      if (self->can_decide != g_value_get_boolean (value))
        {
          self->can_decide = g_value_get_boolean (value);
          if (self->list != NULL)
            update_enabled (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_decision_actions_dispose (GObject *object)
{
  XsReviewDecisionActions *self = XS_REVIEW_DECISION_ACTIONS (object);

  g_clear_object (&self->decisions);
  g_clear_object (&self->list);
  g_clear_object (&self->reviewer);
  G_OBJECT_CLASS (xs_review_decision_actions_parent_class)->dispose (object);
}

static void
xs_review_decision_actions_finalize (GObject *object)
{
  XsReviewDecisionActions *self = XS_REVIEW_DECISION_ACTIONS (object);

  g_weak_ref_clear (&self->parent);
  G_OBJECT_CLASS (xs_review_decision_actions_parent_class)->finalize (object);
}

static void
xs_review_decision_actions_class_init (XsReviewDecisionActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xs_review_decision_actions_get_property;
  object_class->set_property = xs_review_decision_actions_set_property;
  object_class->dispose = xs_review_decision_actions_dispose;
  object_class->finalize = xs_review_decision_actions_finalize;

  /* whether the reviewer's side may decide the chosen claim */
  properties[PROP_CAN_DECIDE] =
    g_param_spec_boolean ("can-decide", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The reviewer is to say who they are, then the action named ("approve",
   * "reject") is run. */
  signals[ASK_REVIEWER] =
    g_signal_new ("ask-reviewer", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A claim was decided: what was done, in words. */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xs_review_decision_actions_init (XsReviewDecisionActions *self)
{
  g_weak_ref_init (&self->parent, NULL);
}
