/* xs-claim-item.h: one claim of a trainee's list, for a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-claim.h"
#include "xs-rules.h"

G_BEGIN_DECLS

#define XS_TYPE_CLAIM_ITEM (xs_claim_item_get_type ())
G_DECLARE_FINAL_TYPE (XsClaimItem, xs_claim_item, XS, CLAIM_ITEM, GObject)

/* A copy of @claim, the year's @rules that name its kind, and
 * :shared-scan, the lines about other trainees' claims holding one of its
 * scans (or NULL). */
XsClaimItem   *xs_claim_item_new             (const XsClaim *claim,
                                              XsRuleSet     *rules,
                                              const char    *shared_scan);
const XsClaim *xs_claim_item_get_claim       (XsClaimItem   *self);
gint64         xs_claim_item_get_claim_id    (XsClaimItem   *self);
XsRuleSet     *xs_claim_item_get_rules       (XsClaimItem   *self);
const char    *xs_claim_item_get_shared_scan (XsClaimItem   *self);
/* The row's title instead of the claim's ("张三 · 学术会议"), or NULL. */
void           xs_claim_item_set_title       (XsClaimItem   *self,
                                              const char    *title);
/* A GtkListBoxCreateWidgetFunc: the XsClaimRow of @item. */
GtkWidget     *xs_claim_item_create_row      (gpointer       item,
                                              gpointer       user_data);

G_END_DECLS
