/* xs-reviewer-item.h: one registered reviewer, for lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-trust.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEWER_ITEM (xs_reviewer_item_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewerItem, xs_reviewer_item, XS, REVIEWER_ITEM, GObject)

XsReviewerItem *xs_reviewer_item_new             (const XsReviewer *reviewer);
gint64          xs_reviewer_item_get_id          (XsReviewerItem   *self);
const char     *xs_reviewer_item_get_name        (XsReviewerItem   *self);
/* "Industry department · key 1a2b 3c4d …" */
const char     *xs_reviewer_item_get_description (XsReviewerItem   *self);

G_END_DECLS
