/* xs-stats.h: trainees, qualified, in progress and missing evidence per
 * employer or county, and their export to XLSX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"

G_BEGIN_DECLS

typedef enum
{
  XS_STATS_BY_EMPLOYER,
  XS_STATS_BY_COUNTY,
} XsStatsGrouping;

/* The states are those of the trainees list: qualified (approved hours meet
 * every requirement), missing evidence (not qualified, with draft or
 * rejected claims to complete), in progress (the others). */
typedef struct
{
  const char *group;              /* employer or county; "" when no county is recorded */
  guint       trainees;
  guint       qualified;
  guint       in_progress;
  guint       missing_evidence;
} XsStatsRow;

#define XS_TYPE_STATS (xs_stats_get_type ())
G_DECLARE_FINAL_TYPE (XsStats, xs_stats, XS, STATS, GObject)

/* One aggregate query over the roster and the year's claims. Groups come
 * out in the order of their names. */
XsStats          *xs_stats_compute        (XsDb             *db,
                                           int               year,
                                           XsStatsGrouping   grouping,
                                           GError          **error);
int               xs_stats_get_year       (XsStats          *self);
XsStatsGrouping   xs_stats_get_grouping   (XsStats          *self);
guint             xs_stats_get_n_rows     (XsStats          *self);
const XsStatsRow *xs_stats_get_row        (XsStats          *self,
                                           guint             index);
/* The sums of every row (group NULL). */
const XsStatsRow *xs_stats_get_total      (XsStats          *self);

/* Writes one worksheet per element of @sheets (XsStats) to @path: Chinese
 * headers, column widths, a frozen header row and a total row. The file
 * is replaced whole or left as it was. */
gboolean          xs_stats_write_xlsx     (GPtrArray        *sheets,
                                           const char       *path,
                                           GError          **error);
/* Both groupings of @year (employers, then counties) to @path. */
gboolean          xs_stats_export_xlsx    (XsDb             *db,
                                           int               year,
                                           const char       *path,
                                           GError          **error);

G_END_DECLS
