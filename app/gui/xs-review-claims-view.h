/* xs-review-claims-view.h: the claims of a package under review as a
 * list, with the search, the to-do filter and the counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-review-claim-list.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_CLAIMS_VIEW (xs_review_claims_view_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewClaimsView, xs_review_claims_view, XS, REVIEW_CLAIMS_VIEW, GtkBox)

GtkWidget         *xs_review_claims_view_new          (void);
/* The claims shown and chosen ("list"); the search and the filter are
 * given to it. "activate" (position) when the reviewer opens a claim,
 * once it is chosen. */
XsReviewClaimList *xs_review_claims_view_get_list     (XsReviewClaimsView *self);
void               xs_review_claims_view_set_list     (XsReviewClaimsView *self,
                                                       XsReviewClaimList  *list);
/* Puts the keyboard in the search (Ctrl+F). */
void               xs_review_claims_view_focus_search (XsReviewClaimsView *self);

G_END_DECLS
