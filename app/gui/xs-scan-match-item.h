/* xs-scan-match-item.h: a claim found by words on its scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XS_TYPE_SCAN_MATCH_ITEM (xs_scan_match_item_get_type ())
G_DECLARE_FINAL_TYPE (XsScanMatchItem, xs_scan_match_item, XS, SCAN_MATCH_ITEM, GObject)

/* The claim @claim_id ("@claim_title", of @year) of the trainee @name,
 * whose scan reads @snippet around the @words searched for. */
XsScanMatchItem *xs_scan_match_item_new            (gint64           claim_id,
                                                    const char      *claim_title,
                                                    int              year,
                                                    gint64           trainee_id,
                                                    const char      *name,
                                                    const char      *snippet,
                                                    const char      *words);
gint64           xs_scan_match_item_get_claim_id   (XsScanMatchItem *self);
gint64           xs_scan_match_item_get_trainee_id (XsScanMatchItem *self);
/* "王伟 · Claim 12 “临床诊疗规范培训班” (2018)" */
const char      *xs_scan_match_item_get_title      (XsScanMatchItem *self);
/* The snippet as Pango markup, each searched word in bold. */
const char      *xs_scan_match_item_get_markup     (XsScanMatchItem *self);

G_END_DECLS
