/* xs-evidence-file-row.h: one file of a claim's material
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-evidence.h"

G_BEGIN_DECLS

#define XS_TYPE_EVIDENCE_FILE_ROW (xs_evidence_file_row_get_type ())
G_DECLARE_FINAL_TYPE (XsEvidenceFileRow, xs_evidence_file_row, XS, EVIDENCE_FILE_ROW, AdwActionRow)

/* The row of a stored file (@evidence), or of one waiting for its claim to
 * be saved (@pending_path). Its buttons activate "material.preview" and
 * "material.remove" (the evidence id, "x") or "material.preview-pending"
 * and "material.remove-pending" (the path, "s") of an ancestor; Remove is
 * shown while :editable. */
GtkWidget  *xs_evidence_file_row_new          (const XsEvidence  *evidence,
                                               const char        *pending_path);
gint64      xs_evidence_file_row_get_evidence_id (XsEvidenceFileRow *self);
const char *xs_evidence_file_row_get_pending_path (XsEvidenceFileRow *self);
gboolean    xs_evidence_file_row_get_editable (XsEvidenceFileRow *self);
void        xs_evidence_file_row_set_editable (XsEvidenceFileRow *self,
                                               gboolean           editable);

G_END_DECLS
