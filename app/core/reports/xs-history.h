/* xs-history.h: what was done to a trainee's records, in the user's words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;          /* the audit row */
  char   *at;          /* UTC ISO 8601, as recorded */
  char   *entity;      /* "trainee", "claim" or "certificate" */
  gint64  entity_id;
  char   *action;      /* "insert", "update", "change", "status", "withdraw", … */
  char   *text;        /* one sentence, translated */
  gint64  import_id;   /* the import that wrote it and can still be undone, or 0 */
} XsHistoryEntry;

void        xs_history_entry_free          (XsHistoryEntry        *entry);
/* The entry's time in local time, "YYYY-MM-DD HH:MM:SS". */
char       *xs_history_entry_format_time   (const XsHistoryEntry  *entry);

/* The audit trail of a trainee, oldest first: their own row, their claims,
 * the evidence linked to those claims and their certificates. Identity and
 * phone numbers never appear in it. Returns XsHistoryEntry. */
GPtrArray  *xs_history_list_for_trainee    (XsDb                  *db,
                                            gint64                 trainee_id,
                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsHistoryEntry, xs_history_entry_free)

G_END_DECLS
