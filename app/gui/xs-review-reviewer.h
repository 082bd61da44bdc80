/* xs-review-reviewer.h: who reviews, and for which side: the name and
 * department kept in the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-claim.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_REVIEWER (xs_review_reviewer_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewReviewer, xs_review_reviewer, XS, REVIEW_REVIEWER, GObject)

/* Reads "reviewer-name" and "review-side" of @settings. */
XsReviewReviewer *xs_review_reviewer_new           (GSettings        *settings);
/* The name ("name"), stripped; "" when none is known. */
const char       *xs_review_reviewer_get_name      (XsReviewReviewer *self);
/* The side ("side"). */
XsReviewSide      xs_review_reviewer_get_side      (XsReviewReviewer *self);
/* Whether the reviewer said who they are here ("confirmed"): the name in
 * the settings is only offered until then. */
gboolean          xs_review_reviewer_get_confirmed (XsReviewReviewer *self);
/* The reviewer says who they are: kept in the settings; confirmed when
 * @name is not blank. */
void              xs_review_reviewer_set           (XsReviewReviewer *self,
                                                    const char       *name,
                                                    XsReviewSide      side);
/* The name and side in words, e.g. for a button. */
char             *xs_review_reviewer_dup_label     (XsReviewReviewer *self);

G_END_DECLS
