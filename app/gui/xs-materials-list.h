/* xs-materials-list.h: the materials a claim needs, one row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-claim.h"
#include "xs-db.h"
#include "xs-rules.h"

G_BEGIN_DECLS

#define XS_TYPE_MATERIALS_LIST (xs_materials_list_get_type ())
G_DECLARE_FINAL_TYPE (XsMaterialsList, xs_materials_list, XS, MATERIALS_LIST, AdwPreferencesGroup)

/* One XsMaterialRow per material :rules ask of the claim as edited, what
 * is still :missing and a description of it. The claim's files and its
 * missing materials are read by a job (:loading meanwhile); ::changed once
 * they are shown, and whenever a row attached or removed files. Files
 * attached before the claim is saved are kept pending on their rows. */
GtkWidget  *xs_materials_list_new             (void);
void        xs_materials_list_set_db          (XsMaterialsList *self,
                                               XsDb            *db);
void        xs_materials_list_set_rules       (XsMaterialsList *self,
                                               XsRuleSet       *rules);
void        xs_materials_list_set_locked      (XsMaterialsList *self,
                                               gboolean         locked);
/* Shows the materials @edited asks for (its id is the claim's, 0 when not
 * saved yet); @stored (or NULL) is the claim as saved, whose files count. */
void        xs_materials_list_set_claim       (XsMaterialsList *self,
                                               const XsClaim   *edited,
                                               const XsClaim   *stored);
/* Reads the claim's files and missing materials again. */
void        xs_materials_list_reload          (XsMaterialsList *self);
gboolean    xs_materials_list_get_loading     (XsMaterialsList *self);
/* A row is attaching files. */
gboolean    xs_materials_list_get_busy        (XsMaterialsList *self);
/* Materials with no file (stored or pending), NULL-ended; NULL before the
 * first load. */
const char * const *xs_materials_list_get_missing (XsMaterialsList *self);
/* "会议通知, 单位证明": the names of the missing materials. */
char       *xs_materials_list_dup_missing_names (XsMaterialsList *self);
/* Material code → GStrv of paths attached before the claim was saved. */
GHashTable *xs_materials_list_dup_pending     (XsMaterialsList *self);
gboolean    xs_materials_list_has_pending     (XsMaterialsList *self);
/* Pending path → what was read on it (xs_recognition_to_json() as text),
 * for the pending scans that were read. */
GHashTable *xs_materials_list_dup_pending_texts (XsMaterialsList *self);
/* The pending files that showing @edited would drop, those of materials it
 * does not ask for, one line a material ("会议通知: a.pdf, b.pdf"), their
 * number in *@n_files; NULL when none would be. */
char       *xs_materials_list_dup_dropped     (XsMaterialsList *self,
                                               const XsClaim   *edited,
                                               guint           *n_files);

G_END_DECLS
