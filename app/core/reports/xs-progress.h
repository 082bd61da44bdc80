/* xs-progress.h: each trainee's hours toward a year's requirement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"
#include "xs-rules.h"

G_BEGIN_DECLS

typedef struct
{
  gint64       trainee_id;
  const char  *id_number;     /* full; mask it for display */
  const char  *name;
  const char  *employer;
  /* approved hours, tenths */
  int          public_hours;
  int          compulsory;
  int          professional;
  /* what the rules credit: public hours only up to the public requirement
   * (40 public + 50 professional is 80), so that the total never claims
   * more than the rules count; public_hours shows all that was earned */
  int          total;
  /* submitted, not yet decided */
  int          pending_public;
  int          pending_compulsory;
  int          pending_professional;
  /* what the total would gain once they are approved (public capped too) */
  int          pending_total;
  /* draft and rejected claims: evidence to add, or a correction to make */
  int          n_to_complete;
  gboolean     qualified;
} XsProgressRow;

#define XS_TYPE_PROGRESS (xs_progress_get_type ())
G_DECLARE_FINAL_TYPE (XsProgress, xs_progress, XS, PROGRESS, GObject)

/* Every trainee on the roster (or only the one with @id_number), with the
 * rule set that applies to @year, in one aggregate query. */
XsProgress          *xs_progress_compute        (XsDb        *db,
                                                 int          year,
                                                 const char  *id_number,
                                                 GError     **error);
int                  xs_progress_get_year       (XsProgress  *self);
XsRuleSet           *xs_progress_get_rule_set   (XsProgress  *self);
guint                xs_progress_get_n_rows     (XsProgress  *self);
const XsProgressRow *xs_progress_get_row        (XsProgress  *self,
                                                 guint        index);
guint                xs_progress_count_qualified (XsProgress *self);

/* Whether approved hours meet every requirement of @rules. */
gboolean             xs_progress_row_is_qualified (const XsProgressRow *row,
                                                   XsRuleSet           *rules);

G_END_DECLS
