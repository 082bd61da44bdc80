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

/* One trainee's row as the trainee model keeps it: the strings belong to
 * the model. */
typedef struct
{
  gint64           trainee_id;
  const char      *name;
  const char      *id_number;
  const char      *masked_id;
  const char      *employer;
  const char      *folded;      /* name and employer, case-folded, for search */
  const char      *lacking;     /* NULL when not at risk */
  int              public_hours;
  int              professional;
  int              total;
  int              pending_public;
  int              pending_professional;
  guint8           status;      /* XsTraineeStatus */
  guint8           at_risk;
} XsTraineeRow;

XsTraineeStatus xs_trainee_status_for             (const XsProgressRow *row);
/* Whether @row matches the search text (already case-folded): the name,
 * the digits of the identity number or the employer. */
gboolean        xs_trainee_row_matches            (const XsTraineeRow  *row,
                                                   const char          *folded_text);

#define XS_TYPE_TRAINEE_ITEM (xs_trainee_item_get_type ())
G_DECLARE_FINAL_TYPE (XsTraineeItem, xs_trainee_item, XS, TRAINEE_ITEM, GObject)

XsTraineeItem  *xs_trainee_item_new               (const XsProgressRow *row,
                                                   XsRuleSet           *rules);
/* An item showing @row (copied); @rules gives the bars' requirements and
 * may be NULL. */
XsTraineeItem  *xs_trainee_item_new_for_row       (const XsTraineeRow  *row,
                                                   XsRuleSet           *rules);
/* Shows another row in the same item (a list's row keeps its widgets and
 * their bound properties follow). */
void            xs_trainee_item_set_row           (XsTraineeItem       *self,
                                                   const XsTraineeRow  *row,
                                                   XsRuleSet           *rules);
/* Where the list that made the item keeps it. */
guint           xs_trainee_item_get_position      (XsTraineeItem *self);
void            xs_trainee_item_set_position      (XsTraineeItem *self,
                                                   guint          position);
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
