/* xs-db-private.h: statements for the core's queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"

G_BEGIN_DECLS

/* The core runs its queries through this header; only store/ includes
 * sqlite3.h, so a statement is opaque everywhere else. */
typedef struct sqlite3_stmt XsDbStmt;

/* "XSHI": PRAGMA application_id of a Xueshi database. */
#define XS_DB_APPLICATION_ID 0x58534849

/* A prepared statement for @sql, cached per connection. @sql must be a string
 * constant: the cache is keyed by its address. Values are always bound, never
 * formatted into @sql. Hold it in g_autoptr(XsDbStmt): it is reset (and its
 * bindings cleared) when it leaves scope. */
XsDbStmt *_xs_db_prepare         (XsDb        *self,
                                  const char  *sql,
                                  GError     **error);
void      _xs_db_stmt_release    (XsDbStmt    *stmt);
/* xs_db_open() without taking back an interrupted import: the database
 * file opened, checked and brought up to date (xs-db-open.c adds the rest). */
XsDb           *_xs_db_open_file (const char  *data_dir,
                                  GError     **error);
struct sqlite3 *_xs_db_get_handle (XsDb        *self);
/* Like xs_db_begin(), but the outermost one is a read snapshot that takes
 * no write lock (BEGIN DEFERRED); end it with xs_db_commit(). For long
 * reads before short writes, so that other writers need not wait. */
gboolean  _xs_db_begin_read      (XsDb        *self,
                                  GError     **error);
/* The UTC time ("YYYY-MM-DDTHH:MM:SSZ") of the current user action: when the
 * outermost transaction began, so that every row it writes carries the same
 * time; outside a transaction, the time now. The string belongs to @self and
 * stays unchanged until the transaction ends (outside one, until the next
 * call), so it can be bound with _xs_db_bind_text_static(). */
const char *_xs_db_get_now       (XsDb        *self);
/* Sets @error from the connection's last failure; returns FALSE. */
gboolean  _xs_db_set_error       (XsDb        *self,
                                  GError     **error);
/* Steps a statement that returns no rows. */
gboolean  _xs_db_exec_stmt       (XsDb        *self,
                                  XsDbStmt    *stmt,
                                  GError     **error);
/* Appends a row to the audit table. */
gboolean  _xs_db_audit           (XsDb        *self,
                                  const char  *entity,
                                  gint64       entity_id,
                                  const char  *action,
                                  const char  *detail,
                                  GError     **error);

/* Binding helpers: NULL text and 0 ids bind as SQL NULL. */
void      _xs_db_bind_text       (XsDbStmt    *stmt,
                                  int          index,
                                  const char  *text);
/* Binds @text without copying it: it must stay alive and unchanged until
 * the statement is released (leaves its g_autoptr scope). */
void      _xs_db_bind_text_static (XsDbStmt   *stmt,
                                  int          index,
                                  const char  *text);
void      _xs_db_bind_id         (XsDbStmt    *stmt,
                                  int          index,
                                  gint64       id);
const char *_xs_db_column_text   (XsDbStmt    *stmt,
                                  int          column);

/* Stepping and reading (xs-db-stmt.c). _xs_db_step() returns XS_DB_ROW,
 * XS_DB_DONE or another result code, for which _xs_db_set_error() says what
 * went wrong; _xs_db_next_row() does both in one call. */
#define XS_DB_ROW  100
#define XS_DB_DONE 101

int       _xs_db_step            (XsDbStmt    *stmt);
gboolean  _xs_db_next_row        (XsDb        *self,
                                  XsDbStmt    *stmt,
                                  gboolean    *has_row,
                                  GError     **error);
/* The first column of every row @sql (a string constant that binds
 * nothing) returns, as gint64s; NULL with @error set when it fails. The
 * statement is released before this returns, so the caller may write. */
GArray   *_xs_db_select_ids      (XsDb        *self,
                                  const char  *sql,
                                  GError     **error);
void      _xs_db_bind_int        (XsDbStmt    *stmt,
                                  int          index,
                                  int          value);
void      _xs_db_bind_int64      (XsDbStmt    *stmt,
                                  int          index,
                                  gint64       value);
void      _xs_db_bind_null       (XsDbStmt    *stmt,
                                  int          index);
void      _xs_db_bind_blob       (XsDbStmt    *stmt,
                                  int          index,
                                  gconstpointer data,
                                  gsize        size);
/* The data must stay alive until the statement is stepped. */
void      _xs_db_bind_blob_static (XsDbStmt   *stmt,
                                  int          index,
                                  gconstpointer data,
                                  gsize        size);
int       _xs_db_column_int      (XsDbStmt    *stmt,
                                  int          column);
gint64    _xs_db_column_int64    (XsDbStmt    *stmt,
                                  int          column);
double    _xs_db_column_double   (XsDbStmt    *stmt,
                                  int          column);
gboolean  _xs_db_column_is_null  (XsDbStmt    *stmt,
                                  int          column);
/* The size in bytes of a text or blob column. */
int       _xs_db_column_length   (XsDbStmt    *stmt,
                                  int          column);
GBytes   *_xs_db_column_bytes    (XsDbStmt    *stmt,
                                  int          column);
gint64    _xs_db_changes         (XsDb        *self);
gint64    _xs_db_last_insert_id  (XsDb        *self);

/* What the first 100 bytes of a database file say (xs-db-schema.c). */
typedef struct
{
  goffset  size;
  gboolean regular;          /* a regular file, not a folder or device */
  gboolean sqlite;           /* starts with SQLite's magic */
  gboolean wal;              /* in WAL mode */
  gint32   user_version;     /* offset 60 */
  guint32  application_id;   /* offset 68 */
} XsDbHeader;

/* Reads @path's header without opening it with SQLite (nothing is written
 * or locked). FALSE with @error when the file cannot be read at all. */
gboolean  _xs_db_read_header     (const char  *path,
                                  XsDbHeader  *header,
                                  GError     **error);
/* NULL when database "main" of @handle has exactly the schema that the
 * migrations make for @version (1 … latest), else a description of the
 * first difference, for a message. NULL with *@rc set when reading the
 * schema fails. */
char     *_xs_db_schema_difference (struct sqlite3 *handle,
                                    int        version,
                                    int       *rc);
/* The schema the migrations make for @version, as
 * _xs_db_schema_rows_read() gives it: made by running them, or read from
 * the lines written at build time (with the version they are of, in
 * @version; NULL when there are none). */
GPtrArray *_xs_db_schema_from_migrations (int version);
GPtrArray *_xs_db_schema_from_dump       (int *version);
/* The migrations' resource names, in order; the text of one. */
char    **_xs_db_list_migrations (void);
char     *_xs_db_read_migration  (const char  *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsDbStmt, _xs_db_stmt_release)

/* The file beside the database that a chunked import locks (see
 * xs-import-log.c). A connection waiting for another writer writes into it
 * when it last looked (a monotonic time, 8 bytes), so that an import
 * pauses between two chunks only when someone waits. */
#define XS_DB_IMPORT_LOCK_SUFFIX "-import"

/* How long a statement of @self waits for another writer (default 5 s). */
void      _xs_db_set_busy_timeout (XsDb      *self,
                                   guint      ms);

/* After how many pages of write-ahead log a commit copies them into the
 * database (0: SQLite's default, 1000). A large import commits in chunks
 * that each rewrite much of the identity-number index: copying them after
 * every chunk (and syncing) would make its time grow with the square of
 * its length. */
void      _xs_db_set_checkpoint_pages (XsDb   *self,
                                       int     pages);
/* Copies the committed write-ahead log into the database on a
 * connection of its own, in a thread, while an import goes on (see
 * xs-db-checkpoint.c). _run() starts a passive checkpoint unless one is
 * running, and returns at once; _free() waits for it. */
typedef struct _XsDbCheckpointer XsDbCheckpointer;

XsDbCheckpointer *_xs_db_checkpointer_new  (XsDb             *db);
void              _xs_db_checkpointer_run  (XsDbCheckpointer *self);
void              _xs_db_checkpointer_free (XsDbCheckpointer *self);

/* While a roster import of a file of @file_bytes runs, its connection
 * keeps a page cache sized for it: 8 MiB below 16 MB (about 160,000
 * rows), 16 MiB below 32 MB, else the 32 MiB xs_db_open() sets, which
 * -1 sets back. The 32 MiB filled with new pages, each a fresh page of
 * memory the kernel had to fault in, where a smaller roster's index fits
 * in 8; a larger roster needs them for its index, whose pages it would
 * otherwise read and write again for every few rows. */
void      _xs_db_set_import_cache (XsDb     *self,
                                   gint64    file_bytes);

G_END_DECLS
