/* xs-review-claim-list.h: the claims of a package under review, the ones
 * shown (search, this side's to-do) and the one chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-package-claim-item.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_CLAIM_LIST (xs_review_claim_list_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewClaimList, xs_review_claim_list, XS, REVIEW_CLAIM_LIST, GObject)

XsReviewClaimList  *xs_review_claim_list_new             (void);
/* Every claim (XsPackageClaimItem), shown or not. */
GListModel         *xs_review_claim_list_get_claims      (XsReviewClaimList         *self);
/* The claims shown, the chosen one selected. */
GtkSingleSelection *xs_review_claim_list_get_selection   (XsReviewClaimList         *self);
void                xs_review_claim_list_add             (XsReviewClaimList         *self,
                                                          XsPackageClaimItem *const *items,
                                                          guint                      n);
/* The claim with reference @ref, or NULL. */
XsPackageClaimItem *xs_review_claim_list_lookup          (XsReviewClaimList         *self,
                                                          const char                *ref);
/* The chosen claim ("current"), or NULL. */
XsPackageClaimItem *xs_review_claim_list_get_current     (XsReviewClaimList         *self);
/* The side deciding ("side"): its to-do is what "undecided-only" shows. */
XsReviewSide        xs_review_claim_list_get_side        (XsReviewClaimList         *self);
void                xs_review_claim_list_set_side        (XsReviewClaimList         *self,
                                                          XsReviewSide               side);
/* The text searched ("search"), any case; NULL or "": every claim. */
void                xs_review_claim_list_set_search      (XsReviewClaimList         *self,
                                                          const char                *text);
/* Only what the side can still decide ("undecided-only"). */
void                xs_review_claim_list_set_undecided_only (XsReviewClaimList      *self,
                                                          gboolean                   undecided_only);
/* Whether the side still has @item to decide. */
gboolean            xs_review_claim_list_is_to_do        (XsReviewClaimList         *self,
                                                          XsPackageClaimItem        *item);
/* After decisions changed: what is shown, and the counts. */
void                xs_review_claim_list_refilter        (XsReviewClaimList         *self);
/* Counts ("n-shown", "n-total", "n-decided": decided here). */
guint               xs_review_claim_list_get_n_shown     (XsReviewClaimList         *self);
guint               xs_review_claim_list_get_n_total     (XsReviewClaimList         *self);
guint               xs_review_claim_list_get_n_decided   (XsReviewClaimList         *self);
/* Chooses @item when it is shown; FALSE when it is not. */
gboolean            xs_review_claim_list_select_item     (XsReviewClaimList         *self,
                                                          XsPackageClaimItem        *item);
/* Chooses the next claim the side can decide, from shown @position on
 * (then from the top); stays when there is none. */
void                xs_review_claim_list_advance         (XsReviewClaimList         *self,
                                                          guint                      position);

G_END_DECLS
