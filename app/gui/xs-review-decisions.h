/* xs-review-decisions.h: the decisions made in a review: made on the
 * chosen claim, undone, read back from a file, kept on this computer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-review-autosave.h"
#include "xs-review-claim-list.h"
#include "xs-review-reviewer.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_DECISIONS (xs_review_decisions_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewDecisions, xs_review_decisions, XS, REVIEW_DECISIONS, GObject)

/* Decisions on the claims of @list, made as @reviewer ("list", "reviewer"). */
XsReviewDecisions *xs_review_decisions_new            (XsReviewClaimList *list,
                                                       XsReviewReviewer  *reviewer);
/* Every step from now on is kept in @autosave (once the package is open). */
void               xs_review_decisions_set_autosave   (XsReviewDecisions *self,
                                                       XsReviewAutosave  *autosave);
/* TRUE while a step is not in a saved file ("modified"). */
gboolean           xs_review_decisions_get_modified   (XsReviewDecisions *self);
/* Counts the steps, to know what a save covered ("generation"). */
guint              xs_review_decisions_get_generation (XsReviewDecisions *self);
/* TRUE while there is a step to undo ("can-undo"). */
gboolean           xs_review_decisions_get_can_undo   (XsReviewDecisions *self);
/* Decides the chosen claim (XS_STATUS_SUBMITTED: clears the decision made
 * here) as the reviewer, then chooses the next claim the side can decide.
 * Returns what was done in words, for a toast; NULL when the claim may
 * not be decided by the reviewer's side. */
char              *xs_review_decisions_decide         (XsReviewDecisions *self,
                                                       XsStatus           decision,
                                                       const char        *reason);
/* Undoes the newest step and chooses its claim when it is shown; FALSE
 * when there was none. */
gboolean           xs_review_decisions_undo           (XsReviewDecisions *self);
/* Applies decisions read back (XsDecision *) as one step to undo; returns
 * how many were applied. */
guint              xs_review_decisions_apply          (XsReviewDecisions *self,
                                                       GPtrArray         *decisions);
/* Continues the review kept on this computer: not a step to undo. */
void               xs_review_decisions_continue       (XsReviewDecisions *self,
                                                       GPtrArray         *decisions);
/* Every step up to @generation is in a saved file (or let go). */
void               xs_review_decisions_saved          (XsReviewDecisions *self,
                                                       guint              generation);

G_END_DECLS
