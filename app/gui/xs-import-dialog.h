/* xs-import-dialog.h: import a roster or an hours sheet, preview first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-class-store.h"
#include "xs-import-report.h"
#include "xs-import-run.h"
#include "xs-db.h"
#include "xs-roster-add-dialog.h"

G_BEGIN_DECLS

#define XS_TYPE_IMPORT_DIALOG (xs_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsImportDialog, xs_import_dialog, XS, IMPORT_DIALOG, AdwWindow)

/* @klass (hours only): the class whose sheet this is; the sheet then needs
 * only identity numbers and names. The dialog keeps its own copy. */
XsImportDialog *xs_import_dialog_new             (GtkWindow             *parent,
                                                  XsDb                  *db,
                                                  XsImportKind           kind,
                                                  const XsTrainingClass *klass);
/* Reads @file and shows what importing it would do (a dry run in a worker). */
void            xs_import_dialog_load_file       (XsImportDialog        *self,
                                                  GFile                 *file);
/* "choose", "reading", "preview", "importing" or "error" */
const char     *xs_import_dialog_get_step        (XsImportDialog        *self);
/* The preview's report (NULL before one is read). */
XsImportReport *xs_import_dialog_get_report      (XsImportDialog        *self);

/* Opens Add to Roster for the person of spreadsheet row @row, a rejected
 * row of hours whose person the roster lacks; NULL when the preview has no
 * such row. Once added, the file is checked again. */
XsRosterAddDialog *xs_import_dialog_add_to_roster (XsImportDialog *self,
                                                   guint           row);

/* Writes the preview's rejected rows to @path (XLSX) in a job, as Save
 * Rejected Rows… does once its file is chosen; a toast says how it went. */
void               xs_import_dialog_save_rejected (XsImportDialog *self,
                                                   const char     *path);

G_END_DECLS
