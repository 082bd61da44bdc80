/* xs-package-claim-item.h: one claim of a submission package, with the
 * reviewer's decision on it, for list views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-package.h"
#include "xs-rules.h"

G_BEGIN_DECLS

#define XS_TYPE_PACKAGE_CLAIM_ITEM (xs_package_claim_item_get_type ())
G_DECLARE_FINAL_TYPE (XsPackageClaimItem, xs_package_claim_item, XS, PACKAGE_CLAIM_ITEM, GObject)

/* The claim at @index of @package; @rules (may be NULL) names its kind.
 * Safe to call from a worker thread. */
XsPackageClaimItem   *xs_package_claim_item_new            (XsPackage          *package,
                                                            guint               index,
                                                            XsRuleSet          *rules);
guint                 xs_package_claim_item_get_index      (XsPackageClaimItem *self);
const XsPackageClaim *xs_package_claim_item_get_claim      (XsPackageClaimItem *self);
const char           *xs_package_claim_item_get_ref        (XsPackageClaimItem *self);
const char           *xs_package_claim_item_get_name       (XsPackageClaimItem *self);
/* The identity number masked (410102********1234). */
const char           *xs_package_claim_item_get_masked_id  (XsPackageClaimItem *self);
const char           *xs_package_claim_item_get_title      (XsPackageClaimItem *self);
/* "Public, compulsory", or the professional kind's name. */
const char           *xs_package_claim_item_get_what       (XsPackageClaimItem *self);
/* "24 hours" */
const char           *xs_package_claim_item_get_hours_text (XsPackageClaimItem *self);
/* The side whose decision the claim needs. */
XsReviewSide          xs_package_claim_item_get_side       (XsPackageClaimItem *self);
/* FALSE when the claim was already decided when the package was made. */
gboolean              xs_package_claim_item_get_decidable  (XsPackageClaimItem *self);

/* XS_STATUS_SUBMITTED while undecided, else XS_STATUS_APPROVED or
 * XS_STATUS_REJECTED (this reviewer's, or the exported state). */
XsStatus              xs_package_claim_item_get_decision   (XsPackageClaimItem *self);
const char           *xs_package_claim_item_get_reason     (XsPackageClaimItem *self);
/* TRUE when this reviewer decided the claim (not the exported state). */
gboolean              xs_package_claim_item_get_decided_here (XsPackageClaimItem *self);
/* @decision XS_STATUS_SUBMITTED clears this reviewer's decision; a
 * decision keeps the @side and @reviewer it was made as, whoever decides
 * the next one. */
void                  xs_package_claim_item_set_decision   (XsPackageClaimItem *self,
                                                            XsStatus            decision,
                                                            const char         *reason,
                                                            XsReviewSide        side,
                                                            const char         *reviewer);
/* The side and reviewer of this reviewer's decision (NULL reviewer while
 * undecided here). */
XsReviewSide          xs_package_claim_item_get_decided_side (XsPackageClaimItem *self);
const char           *xs_package_claim_item_get_reviewer   (XsPackageClaimItem *self);
/* "Undecided", "Approved", "Rejected: REASON" (localized). */
char                 *xs_package_claim_item_dup_decision_label (XsPackageClaimItem *self);
/* Whether the name, identity number, employer, title or reference
 * contains @casefolded (already g_utf8_casefold()ed). */
gboolean              xs_package_claim_item_matches        (XsPackageClaimItem *self,
                                                            const char         *casefolded);

G_END_DECLS
