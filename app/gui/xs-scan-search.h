/* xs-scan-search.h: the claims whose scans hold the words searched for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_SCAN_SEARCH (xs_scan_search_get_type ())
G_DECLARE_FINAL_TYPE (XsScanSearch, xs_scan_search, XS, SCAN_SEARCH, GtkWidget)

/* Setting "search" looks, in a job over its own connection to "db", for
 * the claims with a scan whose recognised text holds every word, and
 * lists them (XsScanMatchItem) with the words found; nothing shows while
 * none is found. Activating one opens its trainee (win.show-trainee). */
void        xs_scan_search_set_search  (XsScanSearch *self,
                                        const char   *text);
/* The claims found (XsScanMatchItem). */
GListModel *xs_scan_search_get_matches (XsScanSearch *self);
/* Whether a search runs. */
gboolean    xs_scan_search_get_busy    (XsScanSearch *self);

G_END_DECLS
