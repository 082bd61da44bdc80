/* xs-review-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step is the claims one action changed, each with the decision, reason,
 * side and reviewer it had before: a decision is one claim, decisions
 * loaded from a file are all the claims they changed.
 */
#define G_LOG_DOMAIN "xs-review-undo"

#include "config.h"

#include "xs-review-undo.h"

/* A claim's decision as it was. */
typedef struct
{
  XsPackageClaimItem *item;
  XsStatus            decision;
  char               *reason;
  XsReviewSide        side;
  char               *reviewer;
} Snapshot;

static Snapshot *
snapshot_new (XsPackageClaimItem *item)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->item = g_object_ref (item);
  snapshot->decision = xs_package_claim_item_get_decided_here (item)
                       ? xs_package_claim_item_get_decision (item) : XS_STATUS_SUBMITTED;
  snapshot->reason = g_strdup (xs_package_claim_item_get_reason (item));
  snapshot->side = xs_package_claim_item_get_decided_side (item);
  snapshot->reviewer = g_strdup (xs_package_claim_item_get_reviewer (item));
  return snapshot;
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_object_unref (snapshot->item);
  g_free (snapshot->reason);
  g_free (snapshot->reviewer);
  g_free (snapshot);
}

struct _XsReviewUndo
{
  GObject    parent_instance;

  GPtrArray *steps;   /* GPtrArray of Snapshot, oldest first */
};

G_DEFINE_FINAL_TYPE (XsReviewUndo, xs_review_undo, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsReviewUndo *
xs_review_undo_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_UNDO, NULL);
}

gboolean
xs_review_undo_get_can_undo (XsReviewUndo *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_UNDO (self), FALSE);
  return self->steps->len > 0;
}

void
xs_review_undo_push (XsReviewUndo              *self,
                     XsPackageClaimItem *const *items,
                     guint                      n)
{
  GPtrArray *step;

  g_return_if_fail (XS_IS_REVIEW_UNDO (self));
  g_return_if_fail (n == 0 || items != NULL);

  if (n == 0)
    return;
  step = g_ptr_array_new_full (n, (GDestroyNotify) snapshot_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (step, snapshot_new (items[i]));
  g_ptr_array_add (self->steps, step);
  if (self->steps->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

XsPackageClaimItem *
xs_review_undo_pop (XsReviewUndo *self)
{
  g_autoptr(GPtrArray) step = NULL;
  XsPackageClaimItem *first = NULL;

  g_return_val_if_fail (XS_IS_REVIEW_UNDO (self), NULL);

  if (self->steps->len == 0)
    return NULL;
  step = g_ptr_array_steal_index (self->steps, self->steps->len - 1);
  for (guint i = 0; i < step->len; i++)
    {
      Snapshot *snapshot = g_ptr_array_index (step, i);

      xs_package_claim_item_set_decision (snapshot->item, snapshot->decision, snapshot->reason,
                                          snapshot->side, snapshot->reviewer);
      if (first == NULL)
        first = g_object_ref (snapshot->item);
    }
  if (self->steps->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  return first;
}

void
xs_review_undo_clear (XsReviewUndo *self)
{
  g_return_if_fail (XS_IS_REVIEW_UNDO (self));

  if (self->steps->len == 0)
    return;
  g_ptr_array_set_size (self->steps, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
xs_review_undo_finalize (GObject *object)
{
  XsReviewUndo *self = XS_REVIEW_UNDO (object);

  g_ptr_array_unref (self->steps);

  G_OBJECT_CLASS (xs_review_undo_parent_class)->finalize (object);
}

static void
xs_review_undo_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XsReviewUndo *self = XS_REVIEW_UNDO (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, xs_review_undo_get_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_undo_class_init (XsReviewUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_review_undo_finalize;
  object_class->get_property = xs_review_undo_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_review_undo_init (XsReviewUndo *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}
