/* xs-reviewers-group.h: the reviewers whose signed decisions the base
 * accepts, in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEWERS_GROUP (xs_reviewers_group_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewersGroup, xs_reviewers_group, XS, REVIEWERS_GROUP, AdwPreferencesGroup)

/* The reviewers shown (XsReviewerItem). */
GListModel *xs_reviewers_group_get_reviewers (XsReviewersGroup *self);
/* Asks for the name and side of the reviewer whose public key file is
 * @path (what Add… does after the file chooser). */
void        xs_reviewers_group_add_from_file (XsReviewersGroup *self,
                                              const char       *path);

G_END_DECLS
