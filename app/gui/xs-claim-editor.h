/* xs-claim-editor.h: a trainee's claim of hours and its evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_CLAIM_EDITOR (xs_claim_editor_get_type ())
G_DECLARE_FINAL_TYPE (XsClaimEditor, xs_claim_editor, XS, CLAIM_EDITOR, AdwWindow)

/* A modal editor for claim @claim_id of trainee @trainee_id, or for a new
 * claim of @year when @claim_id is 0. Emits "saved" (gint64 claim id) each
 * time the claim is stored or submitted. Submitted, approved and batch
 * claims open read-only. The claim is read, saved and submitted by jobs
 * (:busy meanwhile); files may be attached to a new claim before it is
 * saved, and are stored with it. */
XsClaimEditor *xs_claim_editor_new          (GtkWindow     *parent,
                                             XsDb          *db,
                                             gint64         trainee_id,
                                             int            year,
                                             gint64         claim_id);
/* Loading, saving, or reading the claim's files: the controls wait. */
gboolean       xs_claim_editor_get_busy     (XsClaimEditor *self);
/* The claim's id, 0 until a new claim is saved. */
gint64         xs_claim_editor_get_claim_id (XsClaimEditor *self);
/* Takes the submitted claim back to draft with @reason (recorded), so that
 * it can be corrected, in a job; what Withdraw… does once the reason is
 * given. */
void           xs_claim_editor_withdraw_async  (XsClaimEditor       *self,
                                                const char          *reason,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       xs_claim_editor_withdraw_finish (XsClaimEditor       *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
