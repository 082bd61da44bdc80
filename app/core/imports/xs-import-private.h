/* xs-import-private.h: the loop both spreadsheet imports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"
#include "xs-header-map.h"
#include "xs-import-report.h"

G_BEGIN_DECLS

/* The header of the identity-number column, as the roster and the hours
 * sheets may write it (the first is the name messages use). */
#define XS_IMPORT_ID_NUMBER_ALIASES "身份证号|身份证号码|公民身份号码|身份证|身份证件号码|证件号码|id_number"

typedef struct
{
  XsDb           *db;
  XsTableReader  *reader;
  XsImportReport *report;
  const int      *columns;   /* one per XsColumnSpec */
  GString        *scratch;
  guint           row;       /* spreadsheet row number */
  XsImportFlags   flags;
  gint64          import_id; /* see xs-import-log-private.h */
  int             name_spec; /* the spec of the name column, -1 if none */
  int             id_spec;   /* the spec of the identity number, -1 if none */
  /* Set (whole number) before rejecting a row of a person the roster
   * lacks; the rejection takes it. */
  char           *not_on_roster;
} XsImportRowContext;

/* Checks and writes one row. A bad row is added to the report as rejected
 * and the function returns TRUE; FALSE (with @error) stops the import. */
typedef gboolean (*XsImportRowFunc) (XsImportRowContext  *context,
                                     gpointer             user_data,
                                     GError             **error);

/* Reads @path, maps its header row, calls @row_func for every row, and
 * keeps what it wrote unless a row was rejected (without
 * XS_IMPORT_SKIP_INVALID) or the run is dry. It commits in chunks of short
 * transactions (a dry run: one, rolled back), and is still one action:
 * marked incomplete until its end, taken back whole if it stops. */
XsImportReport *_xs_import_run        (XsDb                *db,
                                       const char          *kind,
                                       const char          *path,
                                       const char          *encoding,
                                       XsImportFlags        flags,
                                       const XsColumnSpec  *specs,
                                       guint                n_specs,
                                       XsImportRowFunc      row_func,
                                       gpointer             user_data,
                                       GCancellable        *cancellable,
                                       XsProgressFunc       progress,
                                       gpointer             progress_data,
                                       GError             **error);

/* Adds a rejected row with the message of @error (which it frees). */
gboolean        _xs_import_reject     (XsImportRowContext  *context,
                                       GError              *error);
/* Same with a formatted message. */
gboolean        _xs_import_reject_printf (XsImportRowContext *context,
                                       const char          *format,
                                       ...) G_GNUC_PRINTF (2, 3);
const char     *_xs_import_field      (XsImportRowContext  *context,
                                       guint                spec_index);

/* The checks a roster row and a trainee entered by hand share (in
 * xs-roster-add.c): no control character, and (text) at most 100
 * characters. @column is marked with N_(); @in_file words the message for
 * a cell of a file. FALSE with @error when refused. */
gboolean        _xs_roster_check_control (const char         *text,
                                       const char          *column,
                                       gboolean             in_file,
                                       GError             **error);
gboolean        _xs_roster_check_text  (const char          *text,
                                       const char          *column,
                                       gboolean             in_file,
                                       GError             **error);

G_END_DECLS
