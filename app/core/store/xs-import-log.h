/* xs-import-log.h: the imports a base has made, and undoing one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *kind;        /* "roster", "hours", "class" or "decisions" */
  char   *file_name;
  char   *summary;     /* "imported N, updated M, rejected K" */
  char   *at;          /* UTC, ISO 8601 */
  char   *undone_at;   /* UTC, ISO 8601; NULL unless undone */
} XsImportRecord;

void            xs_import_record_free     (XsImportRecord  *record);

/* What an import of @kind is, in the user's words. */
const char     *xs_import_kind_get_label  (const char      *kind);

/* Every import that wrote something, newest first (XsImportRecord *). */
GPtrArray      *xs_import_log_list        (XsDb            *db,
                                           GError         **error);
/* NULL with XS_DB_ERROR_NOT_FOUND when no import has @id. */
XsImportRecord *xs_import_log_get         (XsDb            *db,
                                           gint64           id,
                                           GError         **error);

/* Takes back everything import @id wrote, in one transaction that is
 * audited: the rows it added are removed, the rows it changed get their
 * previous values. Refused (XS_DB_ERROR_REFUSED, saying what depends on
 * it) when anything recorded later is about the same trainees or claims,
 * and when the import was undone already. */
gboolean        xs_import_log_undo        (XsDb            *db,
                                           gint64           id,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsImportRecord, xs_import_record_free)

G_END_DECLS
