/* xs-db-open.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a base: the database file (xs-db.c), then what an import left
 * half-done when its process stopped is taken back (xs-import-undo.c).
 * Apart from xs-db.c so that the connection, below the import log, never
 * calls up into it.
 */
#define G_LOG_DOMAIN "xs-db"

#include "config.h"

#include "xs-db-private.h"
#include "xs-import-recover-private.h"

XsDb *
xs_db_open (const char  *data_dir,
            GError     **error)
{
  g_autoptr(XsDb) db = _xs_db_open_file (data_dir, error);

  if (db == NULL || !_xs_import_recover_at_open (db, error))
    return NULL;
  return g_steal_pointer (&db);
}
