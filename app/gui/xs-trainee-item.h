/* xs-trainee-item.h: one trainee's row in the trainees list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-progress.h"

G_BEGIN_DECLS

typedef enum
{
  XS_TRAINEE_STATUS_IN_PROGRESS,
  XS_TRAINEE_STATUS_MISSING_EVIDENCE,
  XS_TRAINEE_STATUS_QUALIFIED,
} XsTraineeStatus;

#define XS_TYPE_TRAINEE_ITEM (xs_trainee_item_get_type ())
G_DECLARE_FINAL_TYPE (XsTraineeItem, xs_trainee_item, XS, TRAINEE_ITEM, GObject)

XsTraineeItem  *xs_trainee_item_new               (const XsProgressRow *row,
                                                   XsRuleSet           *rules);
gint64          xs_trainee_item_get_trainee_id    (XsTraineeItem *self);
const char     *xs_trainee_item_get_name          (XsTraineeItem *self);
const char     *xs_trainee_item_get_masked_id     (XsTraineeItem *self);
const char     *xs_trainee_item_get_employer      (XsTraineeItem *self);
XsTraineeStatus xs_trainee_item_get_status        (XsTraineeItem *self);
const char     *xs_trainee_item_get_status_label  (XsTraineeItem *self);
/* tenths of an hour */
int             xs_trainee_item_get_public        (XsTraineeItem *self);
int             xs_trainee_item_get_professional  (XsTraineeItem *self);
int             xs_trainee_item_get_total         (XsTraineeItem *self);
int             xs_trainee_item_get_pending_public (XsTraineeItem *self);
int             xs_trainee_item_get_pending_professional (XsTraineeItem *self);
gboolean        xs_trainee_item_get_qualified     (XsTraineeItem *self);
/* Set where items are built (xs-at-risk.h): whether the trainee will not
 * reach the requirement at their pace, and what they lack ("lacks …"). */
void            xs_trainee_item_set_at_risk       (XsTraineeItem *self,
                                                   gboolean       at_risk,
                                                   const char    *lacking);
gboolean        xs_trainee_item_get_at_risk       (XsTraineeItem *self);
const char     *xs_trainee_item_get_lacking       (XsTraineeItem *self);
/* Whether the search text (already case-folded) matches the name, the
 * digits of the identity number or the employer. */
gboolean        xs_trainee_item_matches           (XsTraineeItem *self,
                                                   const char    *folded_text);

G_END_DECLS
