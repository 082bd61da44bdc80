/* xs-claim-saver.h: reads, saves, submits and withdraws one claim in jobs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-claim.h"
#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_CLAIM_SAVER (xs_claim_saver_get_type ())
G_DECLARE_FINAL_TYPE (XsClaimSaver, xs_claim_saver, XS, CLAIM_SAVER, GObject)

/* Each operation runs as an XsJob with its own connection to @db's data
 * folder and is one transaction; no widgets. */
XsClaimSaver *xs_claim_saver_new             (XsDb                *db);

/* Claim @claim_id (none when 0) and the name of its trainee (or of
 * @trainee_id for a new claim). */
void          xs_claim_saver_load_async      (XsClaimSaver        *self,
                                              gint64               claim_id,
                                              gint64               trainee_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* Returns FALSE with @error on failure; @claim gets NULL for a new claim. */
gboolean      xs_claim_saver_load_finish     (XsClaimSaver        *self,
                                              GAsyncResult        *result,
                                              XsClaim            **claim,
                                              char               **trainee_name,
                                              GError             **error);

/* Adds @claim (id 0) or updates it, attaches @pending (material → GStrv of
 * paths, may be NULL) with the text read on them (@texts: path → text of
 * xs_recognition_to_json(), may be NULL) and, with @submit, submits it:
 * all or nothing. */
void          xs_claim_saver_save_async      (XsClaimSaver        *self,
                                              const XsClaim       *claim,
                                              GHashTable          *pending,
                                              GHashTable          *texts,
                                              gboolean             submit,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* The claim as stored (its id, its status), or NULL with @error. */
XsClaim      *xs_claim_saver_save_finish     (XsClaimSaver        *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Takes submitted claim @claim_id back to draft with @reason (recorded). */
void          xs_claim_saver_withdraw_async  (XsClaimSaver        *self,
                                              gint64               claim_id,
                                              const char          *reason,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* The claim as it is now, or NULL with @error. */
XsClaim      *xs_claim_saver_withdraw_finish (XsClaimSaver        *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
