/* xs-rules.c: the rule set object
 *
 * Parsing a set is in xs-rules-loader.c, the sets installed in
 * resources/rules/ in xs-rule-sets.c, checking a claim against a set in
 * xs-rules-check.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <string.h>

#include "xs-claim-kind-private.h"
#include "xs-rules-private.h"

G_DEFINE_FINAL_TYPE (XsRuleSet, xs_rule_set, G_TYPE_OBJECT)

G_DEFINE_QUARK (xs-rules-error-quark, xs_rules_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_YEAR,
  PROP_SOURCE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_material_free (XsMaterial *material)
{
  g_free (material->zh);
  g_free (material->en);
  g_free (material);
}

static void
xs_rule_set_finalize (GObject *object)
{
  XsRuleSet *self = (XsRuleSet *) object;

  g_free (self->id);
  g_free (self->source);
  g_free (self->title);
  g_free (self->issuer);
  g_hash_table_unref (self->materials);
  g_object_unref (self->kinds);
  g_ptr_array_unref (self->kind_index);

  G_OBJECT_CLASS (xs_rule_set_parent_class)->finalize (object);
}

static void
xs_rule_set_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  XsRuleSet *self = XS_RULE_SET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_rule_set_class_init (XsRuleSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_rule_set_finalize;
  object_class->get_property = xs_rule_set_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* the notice's number, e.g. 漯人社专技〔2018〕1号 */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_rule_set_init (XsRuleSet *self)
{
  self->materials = g_hash_table_new_full (g_str_hash, g_str_equal,
                                           g_free, (GDestroyNotify) xs_material_free);
  self->kinds = g_list_store_new (XS_TYPE_CLAIM_KIND);
  self->kind_index = g_ptr_array_new_with_free_func (g_object_unref);
  g_date_clear (&self->issued, 1);
  g_date_clear (&self->makeup_from, 1);
  g_date_clear (&self->makeup_to, 1);
}

/* Shared with xs-rules-loader.c and xs-rules-check.c */

gboolean
_xs_rule_set_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
_xs_rule_set_invalid (GError     **error,
                      const char  *format,
                      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, XS_RULES_ERROR, XS_RULES_ERROR_INVALID, message);
  return FALSE;
}


/* Getters */

const char *
xs_rule_set_get_id (XsRuleSet *self)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), NULL);
  return self->id;
}

int
xs_rule_set_get_year (XsRuleSet *self)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), 0);
  return self->year;
}

const char *
xs_rule_set_get_source (XsRuleSet *self)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), NULL);
  return self->source;
}

const char *
xs_rule_set_get_title (XsRuleSet *self)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), NULL);
  return self->title;
}

int
xs_rule_set_get_required_total (XsRuleSet *self)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), 0);
  return self->required_total;
}

int
xs_rule_set_get_required_public (XsRuleSet *self)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), 0);
  return self->required_public;
}

int
xs_rule_set_get_required_compulsory (XsRuleSet *self)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), 0);
  return self->required_compulsory;
}

int
xs_rule_set_get_required_professional (XsRuleSet *self)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), 0);
  return self->required_professional;
}

gboolean
xs_rule_set_get_makeup_window (XsRuleSet *self,
                               GDate     *from,
                               GDate     *to)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), FALSE);

  if (!self->has_makeup)
    {
      if (from != NULL)
        g_date_clear (from, 1);
      if (to != NULL)
        g_date_clear (to, 1);
      return FALSE;
    }
  if (from != NULL)
    *from = self->makeup_from;
  if (to != NULL)
    *to = self->makeup_to;
  return TRUE;
}

GListModel *
xs_rule_set_get_kinds (XsRuleSet *self)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), NULL);
  return G_LIST_MODEL (self->kinds);
}

XsClaimKind *
xs_rule_set_lookup_kind (XsRuleSet *self,
                         int        number)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), NULL);

  for (guint i = 0; i < self->kind_index->len; i++)
    {
      XsClaimKind *kind = g_ptr_array_index (self->kind_index, i);

      if (xs_claim_kind_get_number (kind) == number)
        return kind;
    }
  return NULL;
}

const char *
xs_rule_set_get_material_name (XsRuleSet  *self,
                               const char *material)
{
  XsMaterial *found;

  g_return_val_if_fail (XS_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (material != NULL, NULL);

  found = g_hash_table_lookup (self->materials, material);
  if (found == NULL)
    return material;
  return _xs_rules_prefer_zh () ? found->zh : found->en;
}

gboolean
xs_rule_set_get_public_study_from (XsRuleSet *self,
                                   GDate     *from,
                                   gboolean  *warn)
{
  g_return_val_if_fail (XS_IS_RULE_SET (self), FALSE);

  if (from != NULL)
    {
      if (self->has_public_study)
        *from = self->public_study_from;
      else
        g_date_clear (from, 1);
    }
  if (warn != NULL)
    *warn = self->has_public_study && self->public_study_warn;
  return self->has_public_study;
}

XsReviewSide
xs_rule_set_get_review_side (XsRuleSet     *self,
                             const XsClaim *claim)
{
  XsClaimKind *kind;

  g_return_val_if_fail (XS_IS_RULE_SET (self), XS_REVIEW_SIDE_HR);
  g_return_val_if_fail (claim != NULL, XS_REVIEW_SIDE_HR);

  if (claim->category == XS_CATEGORY_PUBLIC)
    return XS_REVIEW_SIDE_HR;
  kind = xs_rule_set_lookup_kind (self, claim->kind);
  return kind != NULL ? xs_claim_kind_get_decided_by (kind) : XS_REVIEW_SIDE_INDUSTRY;
}
