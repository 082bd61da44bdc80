/* xs-evidence-attacher.h: stores files as a claim's evidence for one material
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-db.h"
#include "xs-recognition.h"

G_BEGIN_DECLS

#define XS_TYPE_EVIDENCE_ATTACHER (xs_evidence_attacher_get_type ())
G_DECLARE_FINAL_TYPE (XsEvidenceAttacher, xs_evidence_attacher, XS, EVIDENCE_ATTACHER, GObject)

/* Attaches files to :material of claim :claim-id in a job with its own
 * connection (reading, hashing and recognising take a while); :busy while
 * it runs, then ::finished with the refusal in the user's words, or NULL.
 * While :claim-id is 0 (a claim not saved yet) the files are kept pending:
 * :pending lists them until the claim is stored with them. Then the files
 * are read in a job too (reusing the text stored for the same content),
 * and ::recognised offers what the first of them says. Removing a
 * file, and its Undo, go through a job too. No widgets. */
XsEvidenceAttacher *xs_evidence_attacher_new           (XsDb               *db,
                                                        gint64              claim_id,
                                                        const char         *material);
gint64              xs_evidence_attacher_get_claim_id  (XsEvidenceAttacher *self);
void                xs_evidence_attacher_set_claim_id  (XsEvidenceAttacher *self,
                                                        gint64              claim_id);
const char         *xs_evidence_attacher_get_material  (XsEvidenceAttacher *self);
gboolean            xs_evidence_attacher_get_busy      (XsEvidenceAttacher *self);
void                xs_evidence_attacher_attach        (XsEvidenceAttacher *self,
                                                        const char * const *paths);
/* The files waiting for the claim to be saved (transfer none), NULL-ended;
 * never NULL. */
const char * const *xs_evidence_attacher_get_pending   (XsEvidenceAttacher *self);
/* Forgets one pending file (@path) or, with NULL, all of them. */
void                xs_evidence_attacher_drop_pending  (XsEvidenceAttacher *self,
                                                        const char         *path);
/* Keeps @path, a scan written by xs_scan_write_pdf_tmp(), pending while the
 * claim is not saved, with what was read on it (@found, may be NULL). The
 * attacher owns the file from then on: it is deleted once it is no longer
 * pending (stored with the claim, removed, or dropped with the claim);
 * for a saved claim it is deleted at once. */
void                xs_evidence_attacher_add_scan      (XsEvidenceAttacher  *self,
                                                        const char          *path,
                                                        const XsRecognition *found);
/* The trainee of a claim not saved yet, whose name and identity number
 * what the files say is compared with. */
void                xs_evidence_attacher_set_trainee_id (XsEvidenceAttacher *self,
                                                        gint64              trainee_id);
/* What was read on pending scan or file @path, or NULL. */
const XsRecognition *xs_evidence_attacher_get_pending_text (XsEvidenceAttacher *self,
                                                        const char         *path);
/* Takes file @evidence_id off the material in a job: ::detached, then
 * ::finished. The stored content stays, for the Undo. */
void                xs_evidence_attacher_detach        (XsEvidenceAttacher *self,
                                                        gint64              evidence_id);
/* Links file @evidence_id to the material again, in a job: ::finished. */
void                xs_evidence_attacher_undo_detach   (XsEvidenceAttacher *self,
                                                        gint64              evidence_id);
/* Stops an attach under way (no ::finished). */
void                xs_evidence_attacher_cancel        (XsEvidenceAttacher *self);

G_END_DECLS
