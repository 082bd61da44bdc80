/* xs-claim-store.h: claims of hours, their evidence and their review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-claim.h"
#include "xs-db.h"
#include "xs-evidence.h"
#include "xs-rules.h"

G_BEGIN_DECLS

/* Checks @claim against the rule set of its year (which may fill in computed
 * hours), refuses a duplicate (same trainee, title and date), and stores it:
 * individual claims as drafts, batch claims as submitted. Sets claim->id.
 * Runs inside the caller's transaction. */
gboolean    xs_claim_store_add                (XsDb            *db,
                                               XsClaim         *claim,
                                               GError         **error);
/* Stores the edited fields of a draft or rejected claim (@claim->id): the
 * same checks as xs_claim_store_add() (which may fill in computed hours),
 * a rejected claim goes back to draft. Trainee, class and source stay as
 * stored. Files attached to materials the new kind no longer asks for stay
 * linked (they count again if the kind is changed back). */
gboolean    xs_claim_store_update             (XsDb            *db,
                                               XsClaim         *claim,
                                               GError         **error);
/* The id of the claim with this trainee, title and date, or 0. */
gint64      xs_claim_store_find               (XsDb            *db,
                                               gint64           trainee_id,
                                               const char      *title,
                                               const GDate     *date,
                                               GError         **error);
XsClaim    *xs_claim_store_get                (XsDb            *db,
                                               gint64           id,
                                               GError         **error);
/* The trainee's claims for @year (0 for every year), newest first. */
GPtrArray  *xs_claim_store_list_for_trainee   (XsDb            *db,
                                               gint64           trainee_id,
                                               int              year,
                                               GError         **error);
/* Draft and rejected claims of @year (every trainee), oldest first: what
 * the base still has to complete or correct. */
GPtrArray  *xs_claim_store_list_to_complete   (XsDb            *db,
                                               int              year,
                                               GError         **error);
/* The years that hold any claim or class, newest first (int). */
GArray     *xs_claim_store_list_years         (XsDb            *db,
                                               GError         **error);
/* The claims recorded for a training class. */
GPtrArray  *xs_claim_store_list_for_class     (XsDb            *db,
                                               gint64           class_id,
                                               GError         **error);
/* XsEvidence with material and original_name set, by material. */
GPtrArray  *xs_claim_store_list_evidence      (XsDb            *db,
                                               gint64           claim_id,
                                               GError         **error);
/* Stores each file and links it to @material of the claim, all or nothing.
 * Refuses a material the claim's kind does not ask for, and a claim that is
 * submitted or decided. */
gboolean    xs_claim_store_attach             (XsDb            *db,
                                               gint64           claim_id,
                                               const char      *material,
                                               const char * const *paths,
                                               GError         **error);
/* Unlinks one file (@evidence_id) from @material of the claim; the stored
 * content stays for other claims. Refuses a claim that is submitted or
 * decided, and a file that is not attached there. */
gboolean    xs_claim_store_detach             (XsDb            *db,
                                               gint64           claim_id,
                                               const char      *material,
                                               gint64           evidence_id,
                                               GError         **error);
/* Attaches again a file xs_claim_store_detach() took off the draft claim
 * @claim_id (what it needs is kept in the database). */
gboolean    xs_claim_store_undo_detach        (XsDb            *db,
                                               gint64           claim_id,
                                               const char      *material,
                                               gint64           evidence_id,
                                               GError         **error);
/* Required materials of @claim with no file yet (NULL-terminated). */
char      **xs_claim_store_get_missing_materials (XsDb         *db,
                                               const XsClaim   *claim,
                                               GError         **error);
/* draft or rejected -> submitted, once every required material is attached;
 * the refusal names each missing material. */
gboolean    xs_claim_store_submit             (XsDb            *db,
                                               gint64           id,
                                               GError         **error);
/* submitted -> approved or rejected, by the side that decides the claim; a
 * rejection needs a reason. */
gboolean    xs_claim_store_decide             (XsDb            *db,
                                               gint64           id,
                                               XsStatus         decision,
                                               const char      *reason,
                                               const char      *reviewer,
                                               GError         **error);
/* submitted -> approved or rejected, decided by @side: HR decides public
 * claims and the kinds the rules give it (kind 16), the industry department
 * the other professional ones, and the other side is refused in words a
 * clerk understands. An approval is refused while a material the claim's
 * kind needs is missing (batch claims of kinds other than 1 included). @reviewer is required, and a
 * rejection needs a reason. The decision (side, reviewer, time, reason) is
 * recorded on the claim and in the audit trail. */
gboolean    xs_claim_store_decide_as          (XsDb            *db,
                                               gint64           id,
                                               XsReviewSide     side,
                                               XsStatus         decision,
                                               const char      *reason,
                                               const char      *reviewer,
                                               GError         **error);
/* rejected -> draft, so that the claim can be corrected and submitted again. */
gboolean    xs_claim_store_reopen             (XsDb            *db,
                                               gint64           id,
                                               GError         **error);
/* submitted (not yet decided) -> draft, with @reason (required) recorded:
 * submitted claims, batch ones above all, are locked, and this is the only
 * way to change one. */
gboolean    xs_claim_store_withdraw           (XsDb            *db,
                                               gint64           id,
                                               const char      *reason,
                                               GError         **error);
/* Approves every submitted claim of @year that has the materials it needs,
 * each by the side that decides it; returns how many, or -1. Claims whose
 * materials are missing stay submitted. */
gint64      xs_claim_store_approve_submitted  (XsDb            *db,
                                               int              year,
                                               const char      *reviewer,
                                               GError         **error);

G_END_DECLS
