/* xs-db-schema-rows.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

struct sqlite3;

/* Every table, index, trigger and view of database "main" of @handle, one
 * string each, "type name on tbl_name: sql" with the statement's runs of
 * whitespace as one space, sorted by type and name; ANALYZE's statistics
 * tables left out. NULL with *@rc set to SQLite's code when reading fails.
 * Shared by the database's open (xs-db-schema.c) and xs-schema-dump, which
 * writes the latest version's rows at build time. */
GPtrArray *_xs_db_schema_rows_read (struct sqlite3 *handle,
                                    int            *rc);

G_END_DECLS
