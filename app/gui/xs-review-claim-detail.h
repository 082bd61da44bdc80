/* xs-review-claim-detail.h: the chosen claim of a package under review:
 * who, what and how many hours, the decision, and Approve and Reject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons activate "review.approve", "review.reject" and
 * "review.clear" of the widget holding the pane; the pane says why its
 * side may not decide the claim.
 */
#pragma once

#include <adwaita.h>

#include "xs-claim.h"
#include "xs-package-claim-item.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_CLAIM_DETAIL (xs_review_claim_detail_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewClaimDetail, xs_review_claim_detail, XS, REVIEW_CLAIM_DETAIL, AdwBin)

GtkWidget          *xs_review_claim_detail_new            (void);
/* The claim shown ("item"; NULL: none). */
XsPackageClaimItem *xs_review_claim_detail_get_item       (XsReviewClaimDetail *self);
void                xs_review_claim_detail_set_item       (XsReviewClaimDetail *self,
                                                           XsPackageClaimItem  *item);
/* The reviewer's side ("side"). */
XsReviewSide        xs_review_claim_detail_get_side       (XsReviewClaimDetail *self);
void                xs_review_claim_detail_set_side       (XsReviewClaimDetail *self,
                                                           XsReviewSide         side);
/* Whether the side may decide the claim shown ("can-decide"). */
gboolean            xs_review_claim_detail_get_can_decide (XsReviewClaimDetail *self);
/* Why it may not, in words ("blocked"); NULL when it may, or when no
 * claim is shown. */
const char         *xs_review_claim_detail_get_blocked    (XsReviewClaimDetail *self);

G_END_DECLS
