/* xs-import-recover-private.h: taking back an import that stopped half-way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Called by xs_db_open() (xs-db-open.c); declared apart from
 * xs-import-log-private.h, whose internals it does not need.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _XsDb XsDb;

/* A large import commits in chunks and is marked incomplete until its end.
 * One that stopped half-way (killed, power cut) is taken back, unless its
 * process still runs: that one holds the import lock. */
gboolean  _xs_import_recover_at_open (XsDb     *db,
                                      GError  **error);

G_END_DECLS
