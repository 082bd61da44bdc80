/* xs-import-report.h: what an import did, or would do, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  XS_IMPORT_DEFAULT      = 0,
  XS_IMPORT_DRY_RUN      = 1 << 0,   /* check everything, write nothing */
  XS_IMPORT_SKIP_INVALID = 1 << 1,   /* write the valid rows, report the rest */
  XS_IMPORT_CLEAR_EMPTY  = 1 << 2,   /* an empty cell clears the stored value */
} XsImportFlags;

typedef enum
{
  XS_ROW_ADDED,
  XS_ROW_UPDATED,
  XS_ROW_UNCHANGED,
  XS_ROW_REJECTED,
} XsRowOutcome;

typedef struct
{
  guint         row;        /* spreadsheet row number */
  XsRowOutcome  outcome;
  char         *summary;    /* name and masked identity number, or the reason */
  /* Rejected rows only (else NULL / FALSE): */
  char         *name;       /* the name the row gives, "" if none */
  char         *masked_id;  /* its identity number, masked, "" if none */
  char        **cells;      /* the row as the file has it, to send back */
  char         *id_number;  /* whole, only when the person is not on the roster */
} XsImportRow;

/* Called from the importing thread with 0.0 … 1.0. */
typedef void (*XsProgressFunc) (double   fraction,
                                gpointer user_data);

#define XS_TYPE_IMPORT_REPORT (xs_import_report_get_type ())
G_DECLARE_FINAL_TYPE (XsImportReport, xs_import_report, XS, IMPORT_REPORT, GObject)

XsImportReport *xs_import_report_new            (const char     *file_name);
void            xs_import_report_add            (XsImportReport *self,
                                                 guint           row,
                                                 XsRowOutcome    outcome,
                                                 const char     *summary);
/* A rejected row, with who it is about and its cells (copied). @id_number
 * (whole) is given only for a person the roster lacks. */
void            xs_import_report_add_rejected   (XsImportReport     *self,
                                                 guint               row,
                                                 const char         *reason,
                                                 const char         *name,
                                                 const char         *masked_id,
                                                 const char * const *cells,
                                                 const char         *id_number);
/* The header row of the file, for writing its rejected rows back. */
void            xs_import_report_set_header     (XsImportReport     *self,
                                                 const char * const *header);
const char * const *xs_import_report_get_header (XsImportReport     *self);
/* Writes the rejected rows (the file's columns, then a column with the
 * reason) to @path as an XLSX workbook, every cell as text, to send back
 * to whoever made the file. Refuses when there is no rejected row. */
gboolean        xs_import_report_write_rejected (XsImportReport     *self,
                                                 const char         *path,
                                                 GError            **error);
void            xs_import_report_set_committed  (XsImportReport *self,
                                                 gboolean        committed);
void            xs_import_report_set_dry_run    (XsImportReport *self,
                                                 gboolean        dry_run);
void            xs_import_report_set_encoding   (XsImportReport *self,
                                                 const char     *encoding);

/* The import's number (see xs-import-log.h) once it is committed. */
void            xs_import_report_set_import_id  (XsImportReport *self,
                                                 gint64          import_id);
gint64          xs_import_report_get_import_id  (XsImportReport *self);
/* Rows of each outcome (added, unchanged, updated, refused) beyond the
 * first XS_IMPORT_REPORT_MAX_KEPT are counted, not kept. */
#define XS_IMPORT_REPORT_MAX_KEPT 1000
guint           xs_import_report_get_n_omitted  (XsImportReport *self);

const char     *xs_import_report_get_file_name  (XsImportReport *self);
const char     *xs_import_report_get_encoding   (XsImportReport *self);
/* TRUE when the rows were written. */
gboolean        xs_import_report_get_committed  (XsImportReport *self);
guint           xs_import_report_get_count      (XsImportReport *self,
                                                 XsRowOutcome    outcome);
/* An added claim that became a draft waiting for its materials (a batch row
 * of a kind other than 1); the summary line counts them. */
void            xs_import_report_count_draft    (XsImportReport *self);
guint           xs_import_report_get_n_drafts   (XsImportReport *self);
/* Every row in file order (XsImportRow *). */
GPtrArray      *xs_import_report_get_rows       (XsImportReport *self);
/* "imported N, updated M, rejected K" */
char           *xs_import_report_format_summary (XsImportReport *self);
/* "FILE:LINE: message" for each rejected row, one per line. */
char           *xs_import_report_format_rejections (XsImportReport *self);

G_END_DECLS
