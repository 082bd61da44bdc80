/* xs-review-decision-actions.h: what a reviewer does to the chosen claim,
 * as actions: approve, reject (asking why), clear, undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-review-claim-list.h"
#include "xs-review-decisions.h"
#include "xs-review-reviewer.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_DECISION_ACTIONS (xs_review_decision_actions_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewDecisionActions, xs_review_decision_actions, XS, REVIEW_DECISION_ACTIONS,
                      GSimpleActionGroup)

/* The actions "approve", "reject", "clear" and "undo" on the chosen claim
 * of @list, made through @decisions as @reviewer (the review window runs
 * its review.approve, … through them). "approve" and "reject"
 * are enabled while "can-decide" (the window binds the claim detail's),
 * "clear" while the chosen claim was decided here, "undo" while there is a
 * step to undo. A first decision of a reviewer who has not said who they
 * are emits "ask-reviewer" with the action's name, to run once they have;
 * each step emits "done" with its words, for a toast with Undo. "reject"
 * asks the reason in a dialog transient for @parent (not held). */
XsReviewDecisionActions *xs_review_decision_actions_new (GtkWindow         *parent,
                                                         XsReviewDecisions *decisions,
                                                         XsReviewClaimList *list,
                                                         XsReviewReviewer  *reviewer);
/* Rejects the chosen claim for @reason (not blank), as "reject" does once
 * the reason is given. */
void                     xs_review_decision_actions_reject (XsReviewDecisionActions *self,
                                                            const char              *reason);

G_END_DECLS
