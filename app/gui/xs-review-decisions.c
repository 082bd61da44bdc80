/* xs-review-decisions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step (a decision, an undo, a file read back) is remembered by
 * XsReviewUndo before it changes the claims, then the list is filtered
 * again and the review kept on this computer.
 */
#define G_LOG_DOMAIN "xs-review-decisions"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-review-decisions.h"
#include "xs-review-undo.h"

struct _XsReviewDecisions
{
  GObject            parent_instance;

  XsReviewClaimList *list;
  XsReviewReviewer  *reviewer;
  XsReviewAutosave  *autosave;   /* once the package is open */
  XsReviewUndo      *undo;
  gboolean           modified;
  guint              generation;
};

G_DEFINE_FINAL_TYPE (XsReviewDecisions, xs_review_decisions, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LIST,
  PROP_REVIEWER,
  PROP_MODIFIED,
  PROP_GENERATION,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsReviewDecisions *
xs_review_decisions_new (XsReviewClaimList *list,
                         XsReviewReviewer  *reviewer)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_LIST (list), NULL);
  g_return_val_if_fail (XS_IS_REVIEW_REVIEWER (reviewer), NULL);

  return g_object_new (XS_TYPE_REVIEW_DECISIONS, "list", list, "reviewer", reviewer, NULL);
}

void
xs_review_decisions_set_autosave (XsReviewDecisions *self,
                                  XsReviewAutosave  *autosave)
{
  g_return_if_fail (XS_IS_REVIEW_DECISIONS (self));
  g_return_if_fail (autosave == NULL || XS_IS_REVIEW_AUTOSAVE (autosave));

  g_set_object (&self->autosave, autosave);
}

gboolean
xs_review_decisions_get_modified (XsReviewDecisions *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_DECISIONS (self), FALSE);
  return self->modified;
}

guint
xs_review_decisions_get_generation (XsReviewDecisions *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_DECISIONS (self), 0);
  return self->generation;
}

gboolean
xs_review_decisions_get_can_undo (XsReviewDecisions *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_DECISIONS (self), FALSE);
  return xs_review_undo_get_can_undo (self->undo);
}

static void
set_modified (XsReviewDecisions *self,
              gboolean           modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* After a step: filtered again, kept on this computer. */
static void
stepped (XsReviewDecisions *self)
{
  self->generation++;
  set_modified (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATION]);
  xs_review_claim_list_refilter (self->list);
  if (self->autosave != NULL)
    xs_review_autosave_keep (self->autosave, xs_review_claim_list_get_claims (self->list));
}

char *
xs_review_decisions_decide (XsReviewDecisions *self,
                            XsStatus           decision,
                            const char        *reason)
{
  XsPackageClaimItem *item;
  g_autoptr(XsPackageClaimItem) held = NULL;
  XsReviewSide side;
  char *text;
  guint position;

  g_return_val_if_fail (XS_IS_REVIEW_DECISIONS (self), NULL);

  item = xs_review_claim_list_get_current (self->list);
  side = xs_review_reviewer_get_side (self->reviewer);
  if (item == NULL || !xs_package_claim_item_get_decidable (item))
    return NULL;
  if (decision != XS_STATUS_SUBMITTED && xs_package_claim_item_get_side (item) != side)
    return NULL;

  held = g_object_ref (item);
  position = gtk_single_selection_get_selected (xs_review_claim_list_get_selection (self->list));
  xs_review_undo_push (self->undo, &held, 1);
  xs_package_claim_item_set_decision (held, decision, reason, side, xs_review_reviewer_get_name (self->reviewer));
  stepped (self);

  if (decision == XS_STATUS_APPROVED)
    /* Translators: a toast after a decision: the trainee's name */
    text = g_strdup_printf (_("%s: approved"), xs_package_claim_item_get_name (held));
  else if (decision == XS_STATUS_REJECTED)
    /* Translators: a toast after a decision: the trainee's name */
    text = g_strdup_printf (_("%s: rejected"), xs_package_claim_item_get_name (held));
  else
    /* Translators: a toast after a decision was cleared: the trainee's name */
    text = g_strdup_printf (_("%s: undecided again"), xs_package_claim_item_get_name (held));

  /* on to the next claim this side can decide */
  if (decision != XS_STATUS_SUBMITTED)
    {
      gboolean still_shown = xs_review_claim_list_get_current (self->list) == held;

      xs_review_claim_list_advance (self->list, still_shown ? position + 1 : position);
    }
  return text;
}

gboolean
xs_review_decisions_undo (XsReviewDecisions *self)
{
  g_autoptr(XsPackageClaimItem) first = NULL;

  g_return_val_if_fail (XS_IS_REVIEW_DECISIONS (self), FALSE);

  first = xs_review_undo_pop (self->undo);
  if (first == NULL)
    return FALSE;
  stepped (self);
  /* back on the claim the step was about, when it is shown */
  xs_review_claim_list_select_item (self->list, first);
  return TRUE;
}

guint
xs_review_decisions_apply (XsReviewDecisions *self,
                           GPtrArray         *decisions)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();   /* XsPackageClaimItem, borrowed */
  g_autoptr(GPtrArray) applied = g_ptr_array_new ();  /* const XsDecision * */

  g_return_val_if_fail (XS_IS_REVIEW_DECISIONS (self), 0);
  g_return_val_if_fail (decisions != NULL, 0);

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
    return 0;
  /* one step to undo */
  xs_review_undo_push (self->undo, (XsPackageClaimItem *const *) items->pdata, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const XsDecision *decision = g_ptr_array_index (applied, i);

      xs_package_claim_item_set_decision (g_ptr_array_index (items, i), decision->decision, decision->reason,
                                          decision->side, decision->reviewer);
    }
  stepped (self);
  return items->len;
}

void
xs_review_decisions_continue (XsReviewDecisions *self,
                              GPtrArray         *decisions)
{
  g_return_if_fail (XS_IS_REVIEW_DECISIONS (self));

  xs_review_decisions_apply (self, decisions);
  /* continuing is not a step to undo */
  xs_review_undo_clear (self->undo);
}

void
xs_review_decisions_saved (XsReviewDecisions *self,
                           guint              generation)
{
  g_return_if_fail (XS_IS_REVIEW_DECISIONS (self));

  if (generation == self->generation)
    set_modified (self, FALSE);
}

static void
on_can_undo_changed (XsReviewDecisions *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
xs_review_decisions_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XsReviewDecisions *self = XS_REVIEW_DECISIONS (object);

  switch (prop_id)
    {
    case PROP_LIST:
      self->list = g_value_dup_object (value);
      break;
    case PROP_REVIEWER:
      self->reviewer = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_decisions_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XsReviewDecisions *self = XS_REVIEW_DECISIONS (object);

  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;
    case PROP_REVIEWER:
      g_value_set_object (value, self->reviewer);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_GENERATION:
      g_value_set_uint (value, self->generation);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, xs_review_undo_get_can_undo (self->undo));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_decisions_finalize (GObject *object)
{
  XsReviewDecisions *self = XS_REVIEW_DECISIONS (object);

  g_clear_object (&self->list);
  g_clear_object (&self->reviewer);
  g_clear_object (&self->autosave);
  g_clear_object (&self->undo);
  G_OBJECT_CLASS (xs_review_decisions_parent_class)->finalize (object);
}

static void
xs_review_decisions_class_init (XsReviewDecisionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = xs_review_decisions_finalize;
  object_class->set_property = xs_review_decisions_set_property;
  object_class->get_property = xs_review_decisions_get_property;

  /* the claims decided on, the chosen one */
  properties[PROP_LIST] = g_param_spec_object ("list", NULL, NULL, XS_TYPE_REVIEW_CLAIM_LIST, construct);
  /* who decides, and for which side */
  properties[PROP_REVIEWER] = g_param_spec_object ("reviewer", NULL, NULL, XS_TYPE_REVIEW_REVIEWER, construct);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, readable);
  properties[PROP_GENERATION] = g_param_spec_uint ("generation", NULL, NULL, 0, G_MAXUINT, 0, readable);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_review_decisions_init (XsReviewDecisions *self)
{
  self->undo = xs_review_undo_new ();
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (on_can_undo_changed), self,
                           G_CONNECT_SWAPPED);
}
