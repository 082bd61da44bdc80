/* xs-review-autosave.h: a reviewer's work on a package, kept on this
 * computer after every decision and offered again when the package is
 * opened once more
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-package.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_AUTOSAVE (xs_review_autosave_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewAutosave, xs_review_autosave, XS, REVIEW_AUTOSAVE, GObject)

/* Where the review of @package is kept: named by its digest in the user's
 * data folder, so that a copy of the package finds it too. */
char             *xs_review_autosave_path_for       (XsPackage        *package);
/* The decisions (XsDecision) kept for @package and when they were kept;
 * NULL when there are none or they cannot be read (a warning). Blocks:
 * for a worker. */
GPtrArray        *xs_review_autosave_read           (XsPackage        *package,
                                                     GDateTime       **saved_at,
                                                     GCancellable     *cancellable);

XsReviewAutosave *xs_review_autosave_new            (XsPackage        *package);
XsPackage        *xs_review_autosave_get_package    (XsReviewAutosave *self);
const char       *xs_review_autosave_get_path       (XsReviewAutosave *self);
/* Keeps the decisions made here among @claims (XsPackageClaimItem), in a
 * worker, one write at a time: one asked for meanwhile runs after it,
 * with the claims' decisions as they are then. A failure is reported by
 * "failed" (the message). */
void              xs_review_autosave_keep           (XsReviewAutosave *self,
                                                     GListModel       *claims);
/* TRUE when every keep asked for is written ("kept"). */
gboolean          xs_review_autosave_get_kept       (XsReviewAutosave *self);
/* Asks, above @parent, whether to continue with @decisions kept from
 * before (on @saved_at, or NULL): "continue" hands them back; starting over
 * keeps an empty review. Nothing is asked when @decisions is NULL or empty. */
void              xs_review_autosave_offer_continue (XsReviewAutosave *self,
                                                     GtkWindow        *parent,
                                                     GPtrArray        *decisions,
                                                     GDateTime        *saved_at);

G_END_DECLS
