/* xs-scan-dialog.h: scan pages into a claim's material, then offer what
 * they say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-db.h"
#include "xs-recognition.h"

G_BEGIN_DECLS

#define XS_TYPE_SCAN_DIALOG (xs_scan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsScanDialog, xs_scan_dialog, XS, SCAN_DIALOG, AdwWindow)

/* Scans into @material of claim @claim_id. Emits "scanned" once the PDF is
 * attached, and "suggestion-accepted" (field, value) for each finding the
 * clerk chooses to use: field is "title", "date" (ISO) or "hours"
 * (tenths). With @claim_id 0 (a claim not saved yet) nothing is stored:
 * "scanned-pending" (path, const XsRecognition *found or NULL) hands on
 * the PDF written by xs_scan_write_pdf_tmp(), which its handler owns (and
 * deletes with xs_scan_remove_tmp()). */
XsScanDialog *xs_scan_dialog_new          (GtkWindow  *parent,
                                           XsDb       *db,
                                           gint64      claim_id,
                                           const char *material);
/* The trainee of a claim not saved yet, whose identity number the scan's
 * is compared with. */
void          xs_scan_dialog_set_trainee_id (XsScanDialog *self,
                                             gint64        trainee_id);
/* Starts scanning as if Scan was pressed (for tests and screenshots). */
void          xs_scan_dialog_start        (XsScanDialog *self);
/* Offers what @found says as after a scan; @trainee_id_number is the
 * claim's trainee (for tests and screenshots). */
void          xs_scan_dialog_show_recognition (XsScanDialog        *self,
                                               const XsRecognition *found,
                                               const char          *trainee_id_number);

G_END_DECLS
