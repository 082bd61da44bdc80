/* xs-rules.h: the year's requirements and the claim kinds, loaded from
 * the JSON files in resources/rules/ (data, not code)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-claim.h"
#include "xs-claim-kind.h"

G_BEGIN_DECLS

#define XS_RULES_ERROR (xs_rules_error_quark ())

typedef enum
{
  XS_RULES_ERROR_INVALID,         /* a rule-set file is malformed */
  XS_RULES_ERROR_UNKNOWN_KIND,
  XS_RULES_ERROR_UNKNOWN_VARIANT,
  XS_RULES_ERROR_UNKNOWN_MATERIAL,
  XS_RULES_ERROR_DATE,            /* date outside the year or the make-up window */
  XS_RULES_ERROR_ABSENCE,         /* absence too short, months out of range */
  XS_RULES_ERROR_PLAN_REF,        /* kinds 13/14 need a filed-plan reference */
  XS_RULES_ERROR_HOURS,           /* over a kind's limit, or not > 0 */
  XS_RULES_ERROR_CATEGORY,        /* e.g. compulsory on a professional claim */
} XsRulesError;

#define XS_TYPE_RULE_SET (xs_rule_set_get_type ())
G_DECLARE_FINAL_TYPE (XsRuleSet, xs_rule_set, XS, RULE_SET, GObject)

GQuark       xs_rules_error_quark                 (void);

/* The rule set for @year: its own, else the newest earlier one, else the
 * oldest. Sets come from the GResource and are loaded once. */
XsRuleSet   *xs_rule_set_for_year                 (int            year,
                                                   GError       **error);
/* Every set, oldest first (a list of XsRuleSet). */
GListModel  *xs_rule_set_list_all                 (GError       **error);
/* Parse one rule-set file (used for the resources and by tests). */
XsRuleSet   *xs_rule_set_new_from_bytes           (GBytes        *json,
                                                   GError       **error);

const char  *xs_rule_set_get_id                   (XsRuleSet     *self);   /* "2018" */
int          xs_rule_set_get_year                 (XsRuleSet     *self);
const char  *xs_rule_set_get_source               (XsRuleSet     *self);   /* "漯人社专技〔2018〕1号" */
const char  *xs_rule_set_get_title                (XsRuleSet     *self);   /* the notice's title */
/* Requirements in tenths of an hour. */
int          xs_rule_set_get_required_total       (XsRuleSet     *self);
int          xs_rule_set_get_required_public      (XsRuleSet     *self);
int          xs_rule_set_get_required_compulsory  (XsRuleSet     *self);
int          xs_rule_set_get_required_professional(XsRuleSet     *self);
/* Public make-up window for years before the set's year (FALSE if none). */
gboolean     xs_rule_set_get_makeup_window        (XsRuleSet     *self,
                                                   GDate         *from,
                                                   GDate         *to);
/* The first date of the year's public study (FALSE if the set names none);
 * @warn: TRUE when earlier public hours are accepted with a warning, FALSE
 * when they are refused. */
gboolean     xs_rule_set_get_public_study_from    (XsRuleSet     *self,
                                                   GDate         *from,
                                                   gboolean      *warn);
/* The side that decides @claim: HR for public hours, the kind's
 * "decided_by" for professional ones. */
XsReviewSide xs_rule_set_get_review_side          (XsRuleSet     *self,
                                                   const XsClaim *claim);
/* The same for a claim known by its year, category and kind. */
XsReviewSide xs_review_side_for_kind              (int            year,
                                                   XsCategory     category,
                                                   int            kind);
/* A warning a claim the rules accept still deserves (a public claim dated
 * before the year's public study began, with "before": "warn"), or NULL. */
char        *xs_rule_set_warn_claim               (XsRuleSet     *self,
                                                   const XsClaim *claim);
/* The rules that apply to @year, in the user's words (as `rules` prints
 * them and the window shows them): the set and whether it carries over, the
 * requirements, the dates, and each kind's limits, decider and materials. */
char        *xs_rule_set_describe                 (XsRuleSet     *self,
                                                   int            year);
/* The 16 kinds, a list of XsClaimKind in number order. */
GListModel  *xs_rule_set_get_kinds                (XsRuleSet     *self);
XsClaimKind *xs_rule_set_lookup_kind              (XsRuleSet     *self,
                                                   int            number);
/* Localized (Chinese when the UI language is Chinese, else English). */
const char  *xs_rule_set_get_material_name        (XsRuleSet     *self,
                                                   const char    *material);

/* Checks a claim against the set and fills in what the rules decide: kind 15
 * hours are computed from the absence. Returns FALSE with a message a base
 * clerk understands when the claim cannot be accepted. */
gboolean     xs_rule_set_check_claim              (XsRuleSet     *self,
                                                   XsClaim       *claim,
                                                   GError       **error);
/* Materials the claim needs (a NULL-terminated array of codes; empty for a
 * base's batch submission of kind 1). */
const char * const *xs_rule_set_get_required_materials (XsRuleSet *self,
                                                   const XsClaim *claim);

G_END_DECLS
