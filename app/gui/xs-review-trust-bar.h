/* xs-review-trust-bar.h: who signed a package under review, and trusting
 * its base
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-package.h"
#include "xs-trust.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_TRUST_BAR (xs_review_trust_bar_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewTrustBar, xs_review_trust_bar, XS, REVIEW_TRUST_BAR, AdwBin)

GtkWidget      *xs_review_trust_bar_new              (void);
/* The reviewer's own folder, where the trusted bases are ("reviewer-dir"). */
void            xs_review_trust_bar_set_reviewer_dir (XsReviewTrustBar *self,
                                                      const char       *reviewer_dir);
/* Shows @package (NULL: hides the bar) as checked: @trust, and the name
 * its base is trusted under. */
void            xs_review_trust_bar_show             (XsReviewTrustBar *self,
                                                      XsPackage        *package,
                                                      XsPackageTrust    trust,
                                                      const char       *trusted_name);
/* "trust" (an XsPackageTrust) and the bar's words ("text"). */
XsPackageTrust  xs_review_trust_bar_get_trust        (XsReviewTrustBar *self);
const char     *xs_review_trust_bar_get_text         (XsReviewTrustBar *self);
/* Asks whether to trust the package's base (what the bar's button does). */
void            xs_review_trust_bar_ask              (XsReviewTrustBar *self);
/* Trusts the package's base, in a worker; "message" tells how it went. */
void            xs_review_trust_bar_trust            (XsReviewTrustBar *self);

G_END_DECLS
