/* xs-import-log-private.h: what imports record so that they can be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-import-log.h"
#include "xs-trainee-store.h"

G_BEGIN_DECLS

/* Called inside the import's transaction, before it writes anything.
 * Returns the import's id, 0 on error. */
gint64    _xs_import_log_begin          (XsDb             *db,
                                         const char       *kind,
                                         const char       *file_name,
                                         gboolean          chunked,
                                         GError          **error);
/* The largest audit id (0 when none), -1 on error. */
gint64    _xs_import_log_audit_mark     (XsDb             *db,
                                         GError          **error);
/* The largest claim id (0 when none), -1 on error. */
gint64    _xs_import_log_claim_mark     (XsDb             *db,
                                         GError          **error);
/* Records that the chunk about to be committed wrote the audit entries
 * after @audit_first, up to the last, and added the claims after
 * @claim_mark (the largest claim id at its start), up to the last. */
gboolean  _xs_import_log_save_chunk     (XsDb             *db,
                                         gint64            import_id,
                                         gint64            audit_first,
                                         gint64            claim_mark,
                                         GError          **error);
/* The lock of a chunked import: a file descriptor, or -1 with @error
 * (XS_DB_ERROR_BUSY when another import holds it and !@wait). */
int       _xs_import_log_lock           (XsDb             *db,
                                         gboolean          wait,
                                         GError          **error);
void      _xs_import_log_unlock         (int               fd);
/* Whether a connection has waited for a writer since @since
 * (g_get_monotonic_time()), as the lock file @fd says: then an import
 * pauses after its chunk. */
gboolean  _xs_import_log_others_wait    (int               fd,
                                         gint64            since);
/* Rolls back imports that stopped before their end (none runs: the
 * caller holds the lock), each in its own transaction. */
gboolean  _xs_import_log_recover        (XsDb             *db,
                                         GError          **error);
/* Rolls back import @id, which stopped before its end. */
gboolean  _xs_import_log_abandon        (XsDb             *db,
                                         gint64            id,
                                         GError          **error);
/* The values @trainee had before the import changed it. */
gboolean  _xs_import_log_save_trainee   (XsDb             *db,
                                         gint64            import_id,
                                         const XsTrainee  *previous,
                                         GError          **error);
/* The review state of claim @claim_id, before the import changes it. */
gboolean  _xs_import_log_save_claim     (XsDb             *db,
                                         gint64            import_id,
                                         gint64            claim_id,
                                         GError          **error);
/* Called last in the import's transaction, after its audit entry. */
gboolean  _xs_import_log_finish        (XsDb             *db,
                                         gint64            import_id,
                                         const char       *summary,
                                         GError          **error);

G_END_DECLS
