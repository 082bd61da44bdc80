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
