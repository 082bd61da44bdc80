/* xs-review-reviewer-button.h: the review window's button saying who
 * reviews, asking them when they are not known yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-review-reviewer.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_REVIEWER_BUTTON (xs_review_reviewer_button_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewReviewerButton, xs_review_reviewer_button, XS, REVIEW_REVIEWER_BUTTON, GtkButton)

GtkWidget        *xs_review_reviewer_button_new          (void);
/* The reviewer shown ("reviewer"), followed as they change. */
XsReviewReviewer *xs_review_reviewer_button_get_reviewer (XsReviewReviewerButton *self);
void              xs_review_reviewer_button_set_reviewer (XsReviewReviewerButton *self,
                                                          XsReviewReviewer       *reviewer);
/* Asks who reviews, above the button's window; once the reviewer is
 * known, activates the action @then (may be NULL), e.g. "review.approve". */
void              xs_review_reviewer_button_ask          (XsReviewReviewerButton *self,
                                                          const char             *then);

G_END_DECLS
