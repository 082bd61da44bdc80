/* xs-rules-text.c: a year's rules in the words the CLI and the window show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "xs-date.h"
#include "xs-rules-private.h"

static void
append_kind (GString     *text,
             XsRuleSet   *self,
             XsClaimKind *kind)
{
  const char * const *variants = xs_claim_kind_get_variants (kind);
  XsClaim probe = { 0 };
  int max_hours = xs_claim_kind_get_max_hours (kind);
  int year_months = xs_claim_kind_get_year_max_months (kind);
  int year_hours = xs_claim_kind_get_year_max_hours (kind);

  probe.category = XS_CATEGORY_PROFESSIONAL;
  probe.kind = xs_claim_kind_get_number (kind);
  g_string_append_printf (text, "%2d  %s\n", probe.kind, xs_claim_kind_get_name (kind));

  g_string_append (text, "      ");
  if (max_hours > 0)
    {
      g_autofree char *limit = xs_hours_format (max_hours);

      g_string_append_printf (text, _("at most %s hours per claim"), limit);
    }
  else
    g_string_append (text, _("no limit per claim"));
  g_string_append (text, _("; "));
  if (xs_claim_kind_get_decided_by (kind) == XS_REVIEW_SIDE_HR)
    g_string_append (text, _("confirmed by the city HR bureau"));
  else
    g_string_append (text, _("decided by the industry department"));
  if (xs_claim_kind_get_batch_without_evidence (kind))
    {
      g_string_append (text, _("; "));
      g_string_append (text, _("a base’s batch submission needs no evidence"));
    }
  if (year_months > 0 || year_hours > 0)
    {
      g_autofree char *hours = xs_hours_format (year_hours);

      g_string_append (text, _("; "));
      g_string_append_printf (text, _("in one year at most %d months and %s hours over all such claims"),
                              year_months, hours);
    }
  g_string_append_c (text, '\n');

  for (guint v = 0; variants == NULL ? v < 1 : variants[v] != NULL; v++)
    {
      const char * const *materials;

      probe.variant = variants ? (char *) variants[v] : NULL;
      materials = xs_rule_set_get_required_materials (self, &probe);
      g_string_append (text, "      ");
      if (probe.variant)
        {
          int more_than = xs_claim_kind_get_months_more_than (kind, probe.variant);

          g_string_append_printf (text, "%s (%s", xs_claim_kind_get_variant_name (kind, probe.variant),
                                  probe.variant);
          if (more_than > 0)
            g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", more than %d month in the year",
                                                       ", more than %d months in the year", more_than),
                                    more_than);
          g_string_append (text, "): ");
        }
      for (guint m = 0; materials && materials[m]; m++)
        g_string_append_printf (text, "%s%s", m ? _(", ") : "",
                                xs_rule_set_get_material_name (self, materials[m]));
      g_string_append_c (text, '\n');
    }
}

char *
xs_rule_set_describe (XsRuleSet *self,
                      int        year)
{
  GString *text = g_string_new (NULL);
  g_autofree char *total = NULL;
  g_autofree char *pub = NULL;
  g_autofree char *comp = NULL;
  g_autofree char *prof = NULL;
  GDate from, to;
  gboolean warn;

  g_return_val_if_fail (XS_IS_RULE_SET (self), NULL);

  total = xs_hours_format (self->required_total);
  pub = xs_hours_format (self->required_public);
  comp = xs_hours_format (self->required_compulsory);
  prof = xs_hours_format (self->required_professional);

  g_string_append_printf (text, _("Year %d uses rule set %s (%s).\n"), year, self->id, self->source);
  if (year != self->year)
    g_string_append_printf (text, _("%d has no rule set of its own: the rules of %d carry over.\n"),
                            year, self->year);
  g_string_append_printf (text, _("Required: %s hours in all; public %s (compulsory at least %s); professional at least %s.\n"),
                          total, pub, comp, prof);
  g_string_append_printf (text, _("Public hours above %s are shown but the total counts only %s of them.\n"),
                          pub, pub);
  if (xs_rule_set_get_public_study_from (self, &from, &warn))
    {
      g_autofree char *f = xs_date_to_iso (&from);

      if (warn)
        g_string_append_printf (text, _("Public study for %d began on %s; earlier public hours of %d are accepted with a warning.\n"),
                                self->year, f, self->year);
      else
        g_string_append_printf (text, _("Public study for %d began on %s; earlier public hours of %d are refused.\n"),
                                self->year, f, self->year);
    }
  if (xs_rule_set_get_makeup_window (self, &from, &to))
    {
      g_autofree char *f = xs_date_to_iso (&from);
      g_autofree char *t = xs_date_to_iso (&to);

      g_string_append_printf (text, _("Public hours of years before %d can be made up from %s to %s; "
                                      "hours dated in their own year are ordinary records.\n"),
                              self->year, f, t);
    }
  g_string_append_printf (text, "\n%s\n", _("Professional claim kinds and the materials they need:"));
  for (guint i = 0; i < self->kind_index->len; i++)
    append_kind (text, self, g_ptr_array_index (self->kind_index, i));
  return g_string_free (text, FALSE);
}
