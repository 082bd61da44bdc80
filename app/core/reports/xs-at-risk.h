/* xs-at-risk.h: trainees who will not reach the year's requirement at
 * their pace so far, and what each still lacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"
#include "xs-progress.h"

G_BEGIN_DECLS

/* One trainee who is not yet qualified. Hours are tenths; a lack is the
 * requirement minus approved and submitted (pending) hours, never below 0. */
typedef struct
{
  const XsProgressRow *row;            /* belongs to the XsProgress */
  guint                row_index;      /* its index there */
  int                  lack_compulsory;
  int                  lack_public;    /* compulsory hours count as public */
  int                  lack_professional;
  int                  lack_total;
  /* The fewest further hours that meet every requirement. */
  int                  still_needed;
  /* Hours the pace so far adds by the end of the year (0 once it is over). */
  int                  projected;
  gboolean             at_risk;
  /* In the user's words: "lacks 6 compulsory public hours and 12
   * professional hours", or that only a review is awaited. */
  const char          *summary;
  /* NULL, or a claim of the year whose scans name another person or
   * another year, in the user's words (xs_at_risk_add_scan_problems()) */
  const char          *scan_problem;
} XsAtRiskEntry;

#define XS_TYPE_AT_RISK (xs_at_risk_get_type ())
G_DECLARE_FINAL_TYPE (XsAtRisk, xs_at_risk, XS, AT_RISK, GObject)

/* Every not-yet-qualified trainee of @progress, judged on @today (NULL: the
 * local date now). */
XsAtRisk            *xs_at_risk_new             (XsProgress  *progress,
                                                 const GDate *today);
/* xs_progress_compute() for the whole roster, then xs_at_risk_new(). */
XsAtRisk            *xs_at_risk_compute         (XsDb        *db,
                                                 int          year,
                                                 const GDate *today,
                                                 GError     **error);
XsProgress          *xs_at_risk_get_progress    (XsAtRisk    *self);
/* The reference date (ISO text) the entries were judged on. */
const char          *xs_at_risk_get_date        (XsAtRisk    *self);
guint                xs_at_risk_get_n_entries   (XsAtRisk    *self);
const XsAtRiskEntry *xs_at_risk_get_entry       (XsAtRisk    *self,
                                                 guint        index);
/* The entry for row @row_index of the progress, NULL when qualified. */
const XsAtRiskEntry *xs_at_risk_lookup_row      (XsAtRisk    *self,
                                                 guint        row_index);
guint                xs_at_risk_count_at_risk   (XsAtRisk    *self);
/* TRUE when the year is over and nothing can be added to it any more. */
gboolean             xs_at_risk_get_closed      (XsAtRisk    *self);
/* For a past year whose public hours can still be made up (2017 until
 * 2018-12-30), the last day of the make-up window (ISO); else NULL. */
const char          *xs_at_risk_get_makeup_until (XsAtRisk   *self);

/* Sets each entry's scan_problem from the recognised text of its
 * trainee's scans of the year. xs_at_risk_compute() does it. */
gboolean             xs_at_risk_add_scan_problems (XsAtRisk *self,
                                                   XsDb     *db,
                                                   GError  **error);

G_END_DECLS
