/* xs-claim-row.h: one claim in a trainee's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-claim.h"
#include "xs-rules.h"

G_BEGIN_DECLS

#define XS_TYPE_CLAIM_ROW (xs_claim_row_get_type ())
G_DECLARE_FINAL_TYPE (XsClaimRow, xs_claim_row, XS, CLAIM_ROW, AdwActionRow)

GtkWidget *xs_claim_row_new          (const XsClaim *claim,
                                      XsRuleSet     *rules);
gint64     xs_claim_row_get_claim_id (XsClaimRow    *self);
/* A scan of this claim is also attached to another trainee's claim. */
void        xs_claim_row_set_shared_scan (XsClaimRow *self,
                                          const char *text);
const char *xs_claim_row_get_shared_scan (XsClaimRow *self);

G_END_DECLS
