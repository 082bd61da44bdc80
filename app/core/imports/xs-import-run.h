/* xs-import-run.h: reading, previewing and importing one spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-class-store.h"
#include "xs-db.h"
#include "xs-import-report.h"

G_BEGIN_DECLS

typedef enum
{
  XS_IMPORT_ROSTER,   /* 花名册 */
  XS_IMPORT_HOURS,    /* hours sheet: the base's batch submission */
} XsImportKind;

#define XS_TYPE_IMPORT_RUN (xs_import_run_get_type ())
G_DECLARE_FINAL_TYPE (XsImportRun, xs_import_run, XS, IMPORT_RUN, GObject)

/* @klass (hours only): the class whose sheet this is; the run keeps its
 * own copy. */
XsImportRun    *xs_import_run_new                  (XsDb                  *db,
                                                    XsImportKind           kind,
                                                    const XsTrainingClass *klass);
XsImportKind    xs_import_run_get_kind             (XsImportRun           *self);

/* Cancels any running work, then reads @file and previews what importing
 * it would do: a dry run of the very import xs_import_run_commit() runs,
 * in a job. @encoding: "GB18030", "UTF-8", or NULL to detect. @flags: the
 * merge flags (XS_IMPORT_CLEAR_EMPTY or none). A file that is not on this
 * computer is an error at once. */
void            xs_import_run_read                 (XsImportRun           *self,
                                                    GFile                 *file,
                                                    const char            *encoding,
                                                    XsImportFlags          flags);
/* Imports the file last read, for real, with @flags (the merge flags, and
 * XS_IMPORT_SKIP_INVALID to leave the rejected rows out). Emits ::imported
 * once written; a file that changed since its preview is previewed again. */
void            xs_import_run_commit               (XsImportRun           *self,
                                                    XsImportFlags          flags);
/* Cancels the running work (an import rolls back); FALSE when none runs. */
gboolean        xs_import_run_cancel               (XsImportRun           *self);

/* "choose" (nothing read), "reading", "preview", "importing", "error" or
 * "done" (imported) */
const char     *xs_import_run_get_step             (XsImportRun           *self);
gboolean        xs_import_run_get_busy             (XsImportRun           *self);
/* of the running work, 0 to 1 */
double          xs_import_run_get_fraction         (XsImportRun           *self);
/* the file last read, or NULL */
GFile          *xs_import_run_get_file             (XsImportRun           *self);
/* the last preview's report, or NULL */
XsImportReport *xs_import_run_get_report           (XsImportRun           *self);
/* XsImportRowItem of the last preview: rejected rows first, one item for
 * the rejected rows that share a reason */
GListModel     *xs_import_run_get_rows             (XsImportRun           *self);
/* why the file cannot be imported (step "error"), or NULL */
const GError   *xs_import_run_get_error            (XsImportRun           *self);

/* Writes the last preview's rejected rows to @path (XLSX) in a job. */
void            xs_import_run_save_rejected_async  (XsImportRun           *self,
                                                    const char            *path,
                                                    GCancellable          *cancellable,
                                                    GAsyncReadyCallback    callback,
                                                    gpointer               user_data);
/* The path written, or NULL with @error set. */
char           *xs_import_run_save_rejected_finish (XsImportRun           *self,
                                                    GAsyncResult          *result,
                                                    GError               **error);

G_END_DECLS
