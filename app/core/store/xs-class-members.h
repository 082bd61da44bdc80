/* xs-class-members.h: who a training class's batch submission holds, read
 * in one query each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-claim.h"
#include "xs-db.h"

G_BEGIN_DECLS

/* One trainee's claim in a class's batch submission. */
typedef struct
{
  gint64    claim_id;
  gint64    trainee_id;
  char     *name;
  char     *id_number;    /* whole: mask it to show it */
  int       hours;        /* tenths */
  XsStatus  status;
} XsClassMember;

void        xs_class_member_free          (XsClassMember  *member);

/* The claims of class @class_id with their trainees (XsClassMember *), in
 * the order they were recorded. */
GPtrArray  *xs_class_store_list_members   (XsDb           *db,
                                           gint64          class_id,
                                           GError        **error);
/* How many different trainees each class has claims for: class id
 * (gint64 *) to a count (GUINT_TO_POINTER); classes without any are
 * absent. */
GHashTable *xs_class_store_count_trainees (XsDb           *db,
                                           GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsClassMember, xs_class_member_free)

G_END_DECLS
