/* xs-claim-kind.h: one of the notice's 16 kinds of claim, as a year's rule
 * set describes it (its names, variants, limits, materials and decider)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "xs-claim.h"

G_BEGIN_DECLS

#define XS_TYPE_CLAIM_KIND (xs_claim_kind_get_type ())
G_DECLARE_FINAL_TYPE (XsClaimKind, xs_claim_kind, XS, CLAIM_KIND, GObject)

int          xs_claim_kind_get_number             (XsClaimKind   *self);
const char  *xs_claim_kind_get_name               (XsClaimKind   *self);   /* localized */
const char  *xs_claim_kind_get_name_zh            (XsClaimKind   *self);
const char  *xs_claim_kind_get_name_en            (XsClaimKind   *self);
/* NULL-terminated variant codes, NULL when the kind has none. */
const char * const *xs_claim_kind_get_variants    (XsClaimKind   *self);
const char  *xs_claim_kind_get_variant_name       (XsClaimKind   *self,
                                                   const char    *variant); /* localized */
/* The variant xs_rule_set_check_claim() fills in when a claim names none;
 * NULL when the clerk must choose (or the kind has no variants). */
const char  *xs_claim_kind_get_default_variant    (XsClaimKind   *self);
gboolean     xs_claim_kind_get_requires_plan_ref  (XsClaimKind   *self);
gboolean     xs_claim_kind_get_computed_hours     (XsClaimKind   *self);
/* Limit in tenths per claim, 0 when the notice sets none. */
int          xs_claim_kind_get_max_hours          (XsClaimKind   *self);
/* The side that decides the kind's claims ("decided_by" in the rules: kind
 * 16 is confirmed by the city HR bureau, the others by the industry
 * department). */
XsReviewSide xs_claim_kind_get_decided_by         (XsClaimKind   *self);
/* TRUE when a base's batch submission of the kind needs no evidence
 * ("batch_materials": [], kind 1 alone). */
gboolean     xs_claim_kind_get_batch_without_evidence (XsClaimKind *self);
/* Limits over a trainee's claims of the kind in one year (kind 15): months
 * absent, hours in tenths; 0 for none. */
int          xs_claim_kind_get_year_max_months    (XsClaimKind   *self);
int          xs_claim_kind_get_year_max_hours     (XsClaimKind   *self);
/* The months an absence of @variant must exceed to count (6: 超过6个月). */
int          xs_claim_kind_get_months_more_than   (XsClaimKind   *self,
                                                   const char    *variant);

G_END_DECLS
