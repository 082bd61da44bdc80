/* xs-review-undo.h: the steps of a review to undo, newest last
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-package-claim-item.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_UNDO (xs_review_undo_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewUndo, xs_review_undo, XS, REVIEW_UNDO, GObject)

XsReviewUndo       *xs_review_undo_new          (void);
/* Remembers the decisions of @items (@n of them) as they are now, as one
 * step; nothing when @n is 0. */
void                xs_review_undo_push         (XsReviewUndo              *self,
                                                 XsPackageClaimItem *const *items,
                                                 guint                      n);
/* Puts the claims of the newest step back as they were and forgets the
 * step; returns the step's first claim, or NULL when there is none. */
XsPackageClaimItem *xs_review_undo_pop          (XsReviewUndo              *self);
/* Forgets every step. */
void                xs_review_undo_clear        (XsReviewUndo              *self);
/* TRUE while there is a step to undo ("can-undo"). */
gboolean            xs_review_undo_get_can_undo (XsReviewUndo              *self);

G_END_DECLS
