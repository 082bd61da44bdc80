/* xs-history-item.h: one entry of a trainee's history, for a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-history.h"

G_BEGIN_DECLS

#define XS_TYPE_HISTORY_ITEM (xs_history_item_get_type ())
G_DECLARE_FINAL_TYPE (XsHistoryItem, xs_history_item, XS, HISTORY_ITEM, GObject)

/* :text (the sentence), :time (local, "YYYY-MM-DD HH:MM:SS"), :import-id
 * (the import that wrote it and can be undone, or 0) and :can-undo. */
XsHistoryItem *xs_history_item_new           (const XsHistoryEntry *entry,
                                              gboolean              undo_allowed);
const char    *xs_history_item_get_text      (XsHistoryItem        *self);
const char    *xs_history_item_get_time      (XsHistoryItem        *self);
gint64         xs_history_item_get_import_id (XsHistoryItem        *self);
gboolean       xs_history_item_get_can_undo  (XsHistoryItem        *self);

G_END_DECLS
