/* xs-db.h: the SQLite database of one base
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XS_DB_ERROR (xs_db_error_quark ())

typedef enum
{
  XS_DB_ERROR_OPEN,        /* cannot open or create the database */
  XS_DB_ERROR_TOO_NEW,     /* written by a newer version of Xueshi */
  XS_DB_ERROR_NOT_XUESHI,  /* the file is not a Xueshi database */
  XS_DB_ERROR_FAILED,      /* a statement failed */
  XS_DB_ERROR_BUSY,        /* another program holds the database */
  XS_DB_ERROR_NOT_FOUND,
  XS_DB_ERROR_REFUSED,     /* a rule of the store refuses the change */
  XS_DB_ERROR_READ_ONLY,   /* the data folder or the database cannot be written */
} XsDbError;

#define XS_TYPE_DB (xs_db_get_type ())
G_DECLARE_FINAL_TYPE (XsDb, xs_db, XS, DB, GObject)

GQuark       xs_db_error_quark          (void);

/* Opens DATA_DIR/xueshi.db and brings its schema up to date. When there is
 * no such file the base is set up: a new database (made beside it and moved
 * in place) and the certificate signing key. An existing file is first
 * checked without being opened for writing: an empty file, another
 * program's database, or one whose tables, indexes, triggers or views are
 * not exactly those of its version are refused (XS_DB_ERROR_NOT_XUESHI),
 * as is a folder that cannot be written (XS_DB_ERROR_READ_ONLY).
 * @data_dir as for xs_data_dir_resolve(). */
XsDb        *xs_db_open                 (const char  *data_dir,
                                         GError     **error);
const char  *xs_db_get_data_dir         (XsDb        *self);
const char  *xs_db_get_path             (XsDb        *self);
int          xs_db_get_schema_version   (XsDb        *self);
/* The number of the newest migration this program knows. */
int          xs_db_get_latest_version   (void);

/* One user action is one transaction. Calls nest: only the outermost
 * begin/commit touch the database; a rollback at any depth rolls back the
 * whole action. */
gboolean     xs_db_begin                (XsDb        *self,
                                         GError     **error);
gboolean     xs_db_commit               (XsDb        *self,
                                         GError     **error);
void         xs_db_rollback             (XsDb        *self);

/* The body of one transaction: FALSE with @error set rolls it back. */
typedef gboolean (*XsDbTransactionFunc) (XsDb      *db,
                                         gpointer   data,
                                         GError   **error);
/* Runs @func between xs_db_begin() and xs_db_commit(), or rolls back
 * everything it did when it fails. */
gboolean     xs_db_run_in_transaction   (XsDb                *self,
                                         XsDbTransactionFunc  func,
                                         gpointer             data,
                                         GError             **error);

G_END_DECLS
