/* xs-duplicates.h: the same scan attached to claims of different trainees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"

G_BEGIN_DECLS

/* One claim that holds a shared scan. */
typedef struct
{
  gint64  evidence_id;
  char   *sha256;
  gint64  claim_id;
  char   *claim_title;
  int     year;
  gint64  trainee_id;
  char   *name;
  char   *masked_id;      /* xs_id_number_mask() */
  /* NULL, or why the scans of claim_id do not fit it: they name another
   * person or another year (xs_evidence_text_problems()) */
  char   *scan_problem;
} XsSharedScan;

void        xs_shared_scan_free            (XsSharedScan  *self);

/* Every use of each evidence file that is attached to claims of more than
 * one trainee (XsSharedScan), grouped by file (evidence_id order), then by
 * trainee and claim. The same trainee's claims sharing a scan are not
 * listed unless another trainee's claim holds it too. */
GPtrArray  *xs_duplicates_list             (XsDb          *db,
                                            GError       **error);
/* For the claims of @trainee_id in @year (0: every year): the claims of
 * OTHER trainees that hold one of the same scans. In each XsSharedScan,
 * claim_id is the trainee's own claim and the rest describe the other
 * trainee (other claim's title and year). */
GPtrArray  *xs_duplicates_for_trainee      (XsDb          *db,
                                            gint64         trainee_id,
                                            int            year,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsSharedScan, xs_shared_scan_free)

G_END_DECLS
