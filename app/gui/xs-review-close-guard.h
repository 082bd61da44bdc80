/* xs-review-close-guard.h: asks before a review window with unsaved
 * decisions closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-review-decisions.h"
#include "xs-review-saver.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_CLOSE_GUARD (xs_review_close_guard_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewCloseGuard, xs_review_close_guard, XS, REVIEW_CLOSE_GUARD, GObject)

/* While @decisions has steps not in a saved file, closing @window asks
 * first: Cancel, Close Without Saving, or Save… (the window's
 * "review.save", the window closing once @saver saved them). The guard
 * does not hold @window. */
XsReviewCloseGuard *xs_review_close_guard_new (GtkWindow         *window,
                                               XsReviewDecisions *decisions,
                                               XsReviewSaver     *saver);

G_END_DECLS
