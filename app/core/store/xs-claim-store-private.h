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

G_END_DECLS
