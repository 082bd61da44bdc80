/* xs-claim-files.h: the evidence files linked to a claim's materials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-claim.h"
#include "xs-db.h"

G_BEGIN_DECLS

/* Refuses, naming what it needs, a material @claim's kind does not ask for. */
gboolean  xs_claim_files_check_material (const XsClaim  *claim,
                                         const char     *material,
                                         GError        **error);
/* Stores each of @paths (once per content) and links it to @material of
 * @claim, checked with xs_claim_files_check_material(). Runs inside the
 * caller's transaction; whether the claim may still be changed is the
 * caller's to check. */
gboolean  xs_claim_files_link    (XsDb                *db,
                                  const XsClaim       *claim,
                                  const char          *material,
                                  const char * const  *paths,
                                  GError             **error);
/* Unlinks one file (@evidence_id) from @material of claim @claim_id,
 * keeping what xs_claim_files_relink() needs to link it again; the stored
 * content stays for other claims. Refuses a file that is not linked there.
 * Runs inside the caller's transaction. */
gboolean  xs_claim_files_unlink  (XsDb                *db,
                                  gint64               claim_id,
                                  const char          *material,
                                  gint64               evidence_id,
                                  GError             **error);
/* Links again the file xs_claim_files_unlink() took off last. Runs inside
 * the caller's transaction. */
gboolean  xs_claim_files_relink  (XsDb                *db,
                                  gint64               claim_id,
                                  const char          *material,
                                  gint64               evidence_id,
                                  GError             **error);

G_END_DECLS
