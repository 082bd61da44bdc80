/* xs-claim-fields.h: the fields of a claim, checked against the year's rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-claim.h"
#include "xs-rules.h"

G_BEGIN_DECLS

#define XS_TYPE_CLAIM_FIELDS (xs_claim_fields_get_type ())
G_DECLARE_FINAL_TYPE (XsClaimFields, xs_claim_fields, XS, CLAIM_FIELDS, AdwPreferencesGroup)

/* The subject, kind, form, title, date, hours (or months away) and plan
 * reference of one claim, shown as its kind asks and checked against
 * :rules as the clerk types: a refusal shows below the fields and in
 * :refusal (NULL when the fields can be submitted). Emits ::changed on
 * every edit, ::kind-changed when the claim may ask for other materials,
 * ::activate on Enter in an entry. No database. */
GtkWidget   *xs_claim_fields_new            (void);
XsRuleSet   *xs_claim_fields_get_rules      (XsClaimFields  *self);
void         xs_claim_fields_set_rules      (XsClaimFields  *self,
                                             XsRuleSet      *rules);
/* Shows @claim (a copy is kept: its id, trainee, year, source, status and
 * class are what _read() starts from). A claim with id 0 is new: the fields
 * get their defaults. Not :modified afterwards. */
void         xs_claim_fields_set_claim      (XsClaimFields  *self,
                                             const XsClaim  *claim);
/* The fields were stored as @claim: it is the new base (its id, status…),
 * the fields stay as they are and are no longer :modified. */
void         xs_claim_fields_mark_saved     (XsClaimFields  *self,
                                             const XsClaim  *claim);
/* Puts the subject, kind and form of @claim back in the fields, as the
 * clerk had them: ::changed, but no ::kind-changed. */
void         xs_claim_fields_set_kind       (XsClaimFields  *self,
                                             const XsClaim  *claim);
/* Fills @claim from the fields. The date comes last: when its text is not
 * a date, the rest is filled in and the parse error returned. @date_given
 * (may be NULL) tells whether the date field holds anything. */
gboolean     xs_claim_fields_read           (XsClaimFields  *self,
                                             XsClaim        *claim,
                                             gboolean       *date_given,
                                             GError        **error);
const char  *xs_claim_fields_get_refusal    (XsClaimFields  *self);
/* The clerk changed something since _set_claim(). */
gboolean     xs_claim_fields_get_modified   (XsClaimFields  *self);
gboolean     xs_claim_fields_get_locked     (XsClaimFields  *self);
/* Locked fields are shown, not edited, and not checked. */
void         xs_claim_fields_set_locked     (XsClaimFields  *self,
                                             gboolean        locked);
/* A message below the fields (a refusal of the store), or NULL to hide it. */
void         xs_claim_fields_show_error     (XsClaimFields  *self,
                                             const char     *message);
/* Marks the date as the field at fault. */
void         xs_claim_fields_mark_date      (XsClaimFields  *self);
/* Something read on a scan: @field is "title", "date" (ISO) or "hours"
 * (tenths); it goes into the field, where it can still be changed. */
void         xs_claim_fields_suggest        (XsClaimFields  *self,
                                             const char     *field,
                                             const char     *value);
/* Puts the focus on the first field that can be edited. */
gboolean     xs_claim_fields_focus_first    (XsClaimFields  *self);

G_END_DECLS
