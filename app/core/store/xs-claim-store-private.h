/* xs-claim-store-private.h: what the claim store's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-claim-store.h"

G_BEGIN_DECLS

/* Moves a claim to @status; @side (a decision's) may be NULL. */
gboolean _xs_claim_store_set_status   (XsDb        *db,
                                       gint64       id,
                                       XsStatus     status,
                                       const char  *side,
                                       const char  *reason,
                                       const char  *reviewer,
                                       GError     **error);
/* @text without surrounding blanks, NULL when nothing is left. */
char    *_xs_claim_store_dup_stripped (const char  *text);

/* "培训通知 (training_notice), 结业证书 (completion_certificate)" */
char    *_xs_claim_store_describe_materials (XsRuleSet          *rules,
                                             const char * const *materials);
/* Refuses, naming them, when a material the claim needs is not attached:
 * no path approves such a claim. */
gboolean _xs_claim_store_check_approvable   (XsDb           *db,
                                             const XsClaim  *claim,
                                             GError        **error);
/* Refuses a claim that would take the trainee's claims of its kind in its
 * year past the kind's limits per year (kind 15: 12 months, the year's
 * professional requirement). */
gboolean _xs_claim_store_check_year_limits  (XsDb           *db,
                                             XsRuleSet      *rules,
                                             const XsClaim  *claim,
                                             GError        **error);

G_END_DECLS
