/* xs-claim-kind-private.h: how the rule-set loader builds claim kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-claim-kind.h"

G_BEGIN_DECLS

/* TRUE when the first UI language (g_get_language_names()) is Chinese.
 * Computed on every call so that a changed LANGUAGE takes effect. */
gboolean             _xs_rules_prefer_zh                   (void);

XsClaimKind         *_xs_claim_kind_new                    (int                 number,
                                                            const char         *name_zh,
                                                            const char         *name_en);
/* What every claim of the kind needs, whatever its variant. Call before
 * adding variants. */
void                 _xs_claim_kind_set_materials          (XsClaimKind        *self,
                                                            const char * const *materials);
/* What a base's batch submission (XS_SOURCE_BATCH) needs instead; when never
 * set, a batch claim needs the same as an individual one. */
void                 _xs_claim_kind_set_batch_materials    (XsClaimKind        *self,
                                                            const char * const *materials);
/* A variant needs the kind's materials plus @extra_materials.
 * @months_more_than: for absences, the months the absence must exceed
 * (0 for no minimum). Returns FALSE when @code is already taken. */
gboolean             _xs_claim_kind_add_variant            (XsClaimKind        *self,
                                                            const char         *code,
                                                            const char         *name_zh,
                                                            const char         *name_en,
                                                            const char * const *extra_materials,
                                                            int                 months_more_than);
/* Returns FALSE when @code is not one of the kind's variants. */
gboolean             _xs_claim_kind_set_default_variant    (XsClaimKind        *self,
                                                            const char         *code);
void                 _xs_claim_kind_set_requires_plan_ref  (XsClaimKind        *self,
                                                            gboolean            requires_plan_ref);
void                 _xs_claim_kind_set_computed_hours     (XsClaimKind        *self,
                                                            gboolean            computed_hours);
void                 _xs_claim_kind_set_max_hours          (XsClaimKind        *self,
                                                            int                 max_hours);
/* Who decides the kind's claims (the industry department unless the rules
 * name HR). */
void                 _xs_claim_kind_set_decided_by         (XsClaimKind        *self,
                                                            XsReviewSide        side);
/* Limits over all of a trainee's claims of the kind in one year: months
 * absent, and hours in tenths; 0 for none. */
void                 _xs_claim_kind_set_year_limits        (XsClaimKind        *self,
                                                            int                 months,
                                                            int                 hours);

gboolean             _xs_claim_kind_has_variant            (XsClaimKind        *self,
                                                            const char         *variant);
/* The materials for @variant (NULL: the default variant) and @source. When
 * the variant is unknown, or NULL without a default, the kind's own
 * materials (those every variant needs). Never NULL. */
const char * const  *_xs_claim_kind_get_materials          (XsClaimKind        *self,
                                                            const char         *variant,
                                                            XsSource            source);
/* The months an absence of @variant must exceed; 0 for no minimum. */
int                  _xs_claim_kind_get_months_more_than   (XsClaimKind        *self,
                                                            const char         *variant);

G_END_DECLS
