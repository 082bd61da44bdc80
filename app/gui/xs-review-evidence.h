/* xs-review-evidence.h: a claim's scans under review, as a strip of
 * thumbnails with "1 / 3" and the chosen one in a viewer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strip's model is a list of the scans' labels; their thumbnails
 * (first pages of PDFs, pictures scaled down) are made in a worker and
 * shown once all are ready, the viewer showing the first scan meanwhile.
 */
#pragma once

#include <adwaita.h>

#include "xs-package-claim-item.h"
#include "xs-package.h"
#include "xs-rules.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_EVIDENCE (xs_review_evidence_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewEvidence, xs_review_evidence, XS, REVIEW_EVIDENCE, GtkBox)

GtkWidget *xs_review_evidence_new             (void);
/* The package whose scans are shown, and the rules naming their
 * materials (or NULL) ("package", "rules"). */
void       xs_review_evidence_set_package     (XsReviewEvidence   *self,
                                               XsPackage          *package,
                                               XsRuleSet          *rules);
/* Shows the scans of @claim, of the package set, the first one chosen
 * ("claim"; NULL: none). */
void       xs_review_evidence_set_claim       (XsReviewEvidence   *self,
                                               XsPackageClaimItem *claim);
/* The scan chosen, or GTK_INVALID_LIST_POSITION. */
guint      xs_review_evidence_get_selected    (XsReviewEvidence   *self);
void       xs_review_evidence_select_previous (XsReviewEvidence   *self);
void       xs_review_evidence_select_next     (XsReviewEvidence   *self);

G_END_DECLS
