/* xs-roster-import.h: the roster spreadsheet (花名册)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"
#include "xs-import-report.h"
#include "xs-phone.h"

G_BEGIN_DECLS

/* Adds the trainees of a CSV or XLSX roster and updates those already on it
 * (same identity number), in one transaction. A column the file lacks
 * changes nothing; an empty cell keeps the stored value unless @flags has
 * XS_IMPORT_CLEAR_EMPTY. An updated row's summary lists each changed field
 * as old → new, identity and phone numbers masked. Returns NULL with @error only
 * when the file as a whole cannot be read or the import was cancelled; bad
 * rows are in the report. */
XsImportReport *xs_roster_import   (XsDb            *db,
                                    const char      *path,
                                    const char      *encoding,
                                    XsImportFlags    flags,
                                    GCancellable    *cancellable,
                                    XsProgressFunc   progress,
                                    gpointer         progress_data,
                                    GError         **error);


G_END_DECLS
