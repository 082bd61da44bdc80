/* xs-material-row.h: one material a claim needs, with its attached files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-db.h"
#include "xs-recognition.h"
#include "xs-scan-launcher.h"

G_BEGIN_DECLS

#define XS_TYPE_MATERIAL_ROW (xs_material_row_get_type ())
G_DECLARE_FINAL_TYPE (XsMaterialRow, xs_material_row, XS, MATERIAL_ROW, AdwExpanderRow)

/* A row for @material (a code such as "meeting_notice") of claim @claim_id
 * (0 while the claim is not saved: files attached or scanned then are kept
 * pending until it is) of trainee @trainee_id; @name is the material's
 * localized name. */
GtkWidget   *xs_material_row_new            (XsDb               *db,
                                             gint64              claim_id,
                                             gint64              trainee_id,
                                             const char         *material,
                                             const char         *name);
const char  *xs_material_row_get_material   (XsMaterialRow      *self);
gint64       xs_material_row_get_claim_id   (XsMaterialRow      *self);
/* The claim was saved as @claim_id, with the pending files: they are
 * forgotten, and files are attached to it from now on. */
void         xs_material_row_set_claim_id   (XsMaterialRow      *self,
                                             gint64              claim_id);
/* Paths of the files waiting for the claim to be saved, NULL-ended. */
const char * const *xs_material_row_get_pending (XsMaterialRow  *self);
/* What was read on pending scan @path, or NULL. */
const XsRecognition *xs_material_row_get_pending_text (XsMaterialRow *self,
                                             const char         *path);
/* What runs Scan… of the row. */
XsScanLauncher *xs_material_row_get_scan_launcher (XsMaterialRow *self);
/* Shows the files of @evidence (XsEvidence of the whole claim) that prove
 * this row's material. */
void         xs_material_row_set_evidence   (XsMaterialRow      *self,
                                             GPtrArray          *evidence);
/* Files stored and pending. */
guint        xs_material_row_get_n_files    (XsMaterialRow      *self);
/* Whether files can be attached and removed (FALSE for locked claims and
 * for unsaved changes of the kind). Preview always works. */
void         xs_material_row_set_editable   (XsMaterialRow      *self,
                                             gboolean            editable);
gboolean     xs_material_row_get_editable   (XsMaterialRow      *self);
/* TRUE while files are being read and stored. */
gboolean     xs_material_row_get_busy       (XsMaterialRow      *self);
/* Stores @paths and links them to the material in a worker thread (or
 * keeps them pending for a claim not saved yet); emits "changed" when done
 * (the row shows a refusal itself). */
void         xs_material_row_attach_paths   (XsMaterialRow      *self,
                                             const char * const *paths);

G_END_DECLS
