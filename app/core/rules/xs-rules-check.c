/* xs-rules-check.c: the check every claim goes through, and the materials
 * a claim needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-claim-kind-private.h"
#include "xs-date.h"
#include "xs-rules-private.h"

static const char * const no_materials[] = { NULL };

static void
kind_range (XsRuleSet *self,
            int       *first,
            int       *last)
{
  GPtrArray *kinds = self->kind_index;

  *first = xs_claim_kind_get_number (g_ptr_array_index (kinds, 0));
  *last = xs_claim_kind_get_number (g_ptr_array_index (kinds, kinds->len - 1));
}

/* "book (Book or translation), paper (Paper)" */
static char *
describe_variants (XsClaimKind *kind)
{
  const char * const *codes = xs_claim_kind_get_variants (kind);
  GString *text = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s (%s)", i > 0 ? _(", ") : "",
                            codes[i], xs_claim_kind_get_variant_name (kind, codes[i]));
  return g_string_free (text, FALSE);
}

/* 学习时间从2018年3月开始: a public claim of the set's own year dated before
 * the year's public study began. */
static gboolean
before_public_study (XsRuleSet     *self,
                     const XsClaim *claim)
{
  return claim->category == XS_CATEGORY_PUBLIC && self->has_public_study
         && claim->year == self->year
         && g_date_compare (&claim->date, &self->public_study_from) < 0;
}

/* Hours earned in their own year are an ordinary record of that year,
 * public or professional. Public hours of a year before the set's are
 * *made up* when dated later: only inside the make-up window
 * (补学时间安排：2018年3月1日至2018年12月30日), and never after it
 * (2019年将不再提供以往年度的补学内容). */
static gboolean
check_date (XsRuleSet      *self,
            const XsClaim  *claim,
            GError        **error)
{
  /* xs_rule_set_check_claim() refused an invalid date, and a set has a
   * make-up window only when both its dates are valid */
  g_autofree char *date = xs_date_to_iso (&claim->date);
  int date_year = g_date_get_year (&claim->date);

  if (date_year == claim->year)
    {
      if (before_public_study (self, claim) && !self->public_study_warn)
        {
          g_autofree char *from = xs_date_to_iso (&self->public_study_from);

          g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE,
                       _("Public study for %d on the city’s platform began on %s; "
                         "this record is dated %s."),
                       self->year, from, date);
          return FALSE;
        }
      return TRUE;
    }

  if (claim->category == XS_CATEGORY_PUBLIC && claim->year < self->year && self->has_makeup
      && date_year > claim->year)
    {
      if (g_date_compare (&claim->date, &self->makeup_from) >= 0
          && g_date_compare (&claim->date, &self->makeup_to) <= 0)
        return TRUE;
      {
        g_autofree char *from = xs_date_to_iso (&self->makeup_from);
        g_autofree char *to = xs_date_to_iso (&self->makeup_to);

        g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE,
                     _("Public hours of years before %d could be made up only from %s to %s; "
                       "this record for %d is dated %s."),
                     self->year, from, to, claim->year, date);
        return FALSE;
      }
    }

  g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE,
               _("Hours for %d must be dated in %d; this record is dated %s."),
               claim->year, claim->year, date);
  return FALSE;
}

char *
xs_rule_set_warn_claim (XsRuleSet     *self,
                        const XsClaim *claim)
{
  g_autofree char *from = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (XS_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (claim != NULL, NULL);

  if (!g_date_valid (&claim->date) || !before_public_study (self, claim) || !self->public_study_warn)
    return NULL;
  from = xs_date_to_iso (&self->public_study_from);
  date = xs_date_to_iso (&claim->date);
  return g_strdup_printf (_("Public study for %d on the city’s platform began on %s; "
                            "this record is dated %s. Check the date before submitting."),
                          self->year, from, date);
}

static gboolean
check_public (XsRuleSet  *self,
              XsClaim    *claim,
              GError    **error)
{
  int first, last;

  kind_range (self, &first, &last);
  if (claim->kind != 0)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_CATEGORY,
                   _("Public hours have no claim kind, but this record names kind %d; "
                     "kinds %d to %d are for professional hours."),
                   claim->kind, first, last);
      return FALSE;
    }
  if (claim->variant != NULL)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_CATEGORY,
                   _("Public hours have no variant, but this record names “%s”."),
                   claim->variant);
      return FALSE;
    }
  if (claim->absence != XS_ABSENCE_NONE)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_CATEGORY,
                   _("An absence is claimed as professional hours, not as public hours."));
      return FALSE;
    }
  if (claim->hours <= 0)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_HOURS,
                   _("The hours must be more than 0."));
      return FALSE;
    }
  return check_date (self, claim, error);
}

/* Fills in the variant when the rules decide it; refuses a missing or
 * unknown one. */
static gboolean
check_variant (XsRuleSet    *self,
               XsClaimKind  *kind,
               XsClaim      *claim,
               GError      **error)
{
  const char * const *variants = xs_claim_kind_get_variants (kind);
  int number = xs_claim_kind_get_number (kind);
  const char *name = xs_claim_kind_get_name (kind);
  g_autofree char *valid = NULL;

  if (variants == NULL)
    {
      if (claim->variant == NULL)
        return TRUE;
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_UNKNOWN_VARIANT,
                   _("Kind %d (%s) has no variants, but this record names “%s”."),
                   number, name, claim->variant);
      return FALSE;
    }

  if (claim->variant == NULL && xs_claim_kind_get_computed_hours (kind)
      && claim->absence == XS_ABSENCE_NONE)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE,
                   _("Kind %d (%s) needs the kind of absence and how many months it lasted."),
                   number, name);
      return FALSE;
    }

  if (claim->variant == NULL)
    {
      const char *chosen = xs_claim_kind_get_default_variant (kind);

      /* an absence kind's variant is the absence itself */
      if (xs_claim_kind_get_computed_hours (kind) && claim->absence != XS_ABSENCE_NONE)
        chosen = xs_absence_to_string (claim->absence);
      if (chosen != NULL && _xs_claim_kind_has_variant (kind, chosen))
        {
          claim->variant = g_strdup (chosen);
          return TRUE;
        }
    }
  else if (_xs_claim_kind_has_variant (kind, claim->variant))
    return TRUE;

  valid = describe_variants (kind);
  if (claim->variant == NULL)
    g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_UNKNOWN_VARIANT,
                 _("Kind %d (%s) needs a variant: %s."),
                 number, name, valid);
  else
    g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_UNKNOWN_VARIANT,
                 _("Kind %d (%s) has no variant “%s”; choose one of: %s."),
                 number, name, claim->variant, valid);
  return FALSE;
}

static gboolean
check_absence (XsRuleSet    *self,
               XsClaimKind  *kind,
               XsClaim      *claim,
               GError      **error)
{
  int number = xs_claim_kind_get_number (kind);
  const char *name = xs_claim_kind_get_name (kind);
  const char *absence = xs_absence_to_string (claim->absence);
  int more_than, half_months;
  gint64 computed;

  if (!xs_claim_kind_get_computed_hours (kind))
    {
      if (claim->absence == XS_ABSENCE_NONE)
        return TRUE;
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE,
                   _("Kind %d (%s) does not record an absence; choose the kind for absences."),
                   number, name);
      return FALSE;
    }

  if (absence == NULL)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE,
                   _("Kind %d (%s) needs the kind of absence and how many months it lasted."),
                   number, name);
      return FALSE;
    }
  if (g_strcmp0 (absence, claim->variant) != 0)
    {
      const char *absence_name = xs_claim_kind_get_variant_name (kind, absence);

      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE,
                   _("The absence (%s) does not match the chosen variant (%s)."),
                   absence_name != NULL ? absence_name : absence,
                   xs_claim_kind_get_variant_name (kind, claim->variant));
      return FALSE;
    }
  /* NaN fails the range test too; only then is the conversion defined */
  half_months = claim->absence_months >= 1 && claim->absence_months <= 12
                ? (int) (claim->absence_months * 2 + 0.5) : 0;
  if (half_months == 0 || half_months != claim->absence_months * 2)
    {
      g_autofree char *months = xs_months_format (claim->absence_months);

      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE,
                   _("The months of absence must be from 1 to 12, in whole or half months; "
                     "this record has %s."),
                   months);
      return FALSE;
    }
  more_than = _xs_claim_kind_get_months_more_than (kind, claim->variant);
  if (half_months <= 2 * more_than)
    {
      g_autofree char *months = xs_months_format (claim->absence_months);

      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s counts only when it lasted more than %d month in the year; "
                                "this record has %s.",
                                "%s counts only when it lasted more than %d months in the year; "
                                "this record has %s.",
                                more_than),
                   xs_claim_kind_get_variant_name (kind, claim->variant),
                   more_than, months);
      return FALSE;
    }

  /* pro rata, rounded to the nearest tenth (half up):
   * required × (half months / 2) / 12 */
  computed = ((gint64) self->required_professional * half_months * 2 + 24) / 48;
  claim->hours = (int) computed;
  return TRUE;
}

static gboolean
check_hours (XsClaimKind  *kind,
             XsClaim      *claim,
             GError      **error)
{
  int max_hours = xs_claim_kind_get_max_hours (kind);

  if (claim->hours <= 0)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_HOURS,
                   _("The hours must be more than 0."));
      return FALSE;
    }
  if (max_hours > 0 && claim->hours > max_hours)
    {
      g_autofree char *limit = xs_hours_format (max_hours);
      g_autofree char *hours = xs_hours_format (claim->hours);

      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_HOURS,
                   _("Kind %d (%s) allows at most %s hours per claim; this record has %s."),
                   xs_claim_kind_get_number (kind), xs_claim_kind_get_name (kind), limit, hours);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_professional (XsRuleSet  *self,
                    XsClaim    *claim,
                    GError    **error)
{
  XsClaimKind *kind;

  if (claim->compulsory)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_CATEGORY,
                   _("Only public hours can be compulsory; a professional claim cannot be marked compulsory."));
      return FALSE;
    }

  kind = xs_rule_set_lookup_kind (self, claim->kind);
  if (kind == NULL)
    {
      int first, last;

      kind_range (self, &first, &last);
      if (claim->kind == 0)
        g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_UNKNOWN_KIND,
                     _("A professional claim needs a claim kind from %d to %d."),
                     first, last);
      else
        g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_UNKNOWN_KIND,
                     _("There is no claim kind %d; professional claims use kinds %d to %d."),
                     claim->kind, first, last);
      return FALSE;
    }

  if (!check_variant (self, kind, claim, error)
      || !check_date (self, claim, error))
    return FALSE;

  if (xs_claim_kind_get_requires_plan_ref (kind) && _xs_rule_set_is_blank (claim->plan_ref))
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_PLAN_REF,
                   _("Kind %d (%s) counts only for a programme in a training plan filed with the HR "
                     "department; enter the plan’s reference."),
                   xs_claim_kind_get_number (kind), xs_claim_kind_get_name (kind));
      return FALSE;
    }

  if (!check_absence (self, kind, claim, error))
    return FALSE;
  if (xs_claim_kind_get_computed_hours (kind))
    return TRUE;
  return check_hours (kind, claim, error);
}

gboolean
xs_rule_set_check_claim (XsRuleSet  *self,
                         XsClaim    *claim,
                         GError    **error)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* an empty variant is no variant */
  if (_xs_rule_set_is_blank (claim->variant))
    g_clear_pointer (&claim->variant, g_free);

  if (!g_date_valid (&claim->date))
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE,
                   _("This record has no valid date."));
      return FALSE;
    }

  if (claim->category == XS_CATEGORY_PUBLIC)
    return check_public (self, claim, error);
  return check_professional (self, claim, error);
}

const char * const *
xs_rule_set_get_required_materials (XsRuleSet     *self,
                                    const XsClaim *claim)
{
  XsClaimKind *kind;
  const char *variant;

  g_return_val_if_fail (XS_IS_RULE_SET (self), no_materials);
  g_return_val_if_fail (claim != NULL, no_materials);

  /* public hours come from the city's online platform */
  if (claim->category == XS_CATEGORY_PUBLIC)
    return no_materials;

  kind = xs_rule_set_lookup_kind (self, claim->kind);
  if (kind == NULL)
    return no_materials;

  variant = _xs_rule_set_is_blank (claim->variant) ? NULL : claim->variant;
  if (variant == NULL && xs_claim_kind_get_computed_hours (kind))
    variant = xs_absence_to_string (claim->absence);
  return _xs_claim_kind_get_materials (kind, variant, claim->source);
}
