/* xs-class-store.h: the base's own training classes (培训班)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-claim.h"
#include "xs-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      id;
  char       *code;        /* the base's own reference, e.g. "2018-07" */
  char       *name;
  int         year;
  XsCategory  category;
  gboolean    compulsory;
  int         hours;       /* tenths */
  GDate       start_date;
  GDate       end_date;
} XsTrainingClass;

XsTrainingClass *xs_training_class_new        (void);
void             xs_training_class_free       (XsTrainingClass *klass);

/* Checks the class (name, dates in order and within its year, hours > 0)
 * and stores it; sets klass->id. */
gboolean         xs_class_store_add           (XsDb             *db,
                                               XsTrainingClass  *klass,
                                               GError          **error);
XsTrainingClass *xs_class_store_lookup        (XsDb             *db,
                                               const char       *code,
                                               GError          **error);
/* Every class, newest first (XsTrainingClass *). */
GPtrArray       *xs_class_store_list          (XsDb             *db,
                                               GError          **error);
/* Fills a batch claim with what the class prescribes. */
void             xs_training_class_fill_claim (const XsTrainingClass *klass,
                                               XsClaim               *claim);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsTrainingClass, xs_training_class_free)

G_END_DECLS
