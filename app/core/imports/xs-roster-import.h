/* xs-roster-import.h: the roster spreadsheet (花名册)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"
#include "xs-import-report.h"

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

/* Checks a phone number as clerks write them: a mobile number (11 digits) or
 * a landline with its area code. Returns the number without spaces. */
char           *xs_phone_normalize (const char      *text,
                                    GError         **error);

/* The phone number for lists and logs: 139****0001. */
char           *xs_phone_mask      (const char      *phone);

G_END_DECLS
