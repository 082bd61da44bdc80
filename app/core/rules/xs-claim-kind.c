/* xs-claim-kind.c: one of the notice's professional-hours claim kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-kind"

#include "config.h"

#include "xs-claim-kind-private.h"

typedef struct
{
  char   *code;
  char   *name_zh;
  char   *name_en;
  GStrv   materials;          /* the kind's materials plus the variant's extra ones */
  int     months_more_than;
} XsKindVariant;

struct _XsClaimKind
{
  GObject     parent_instance;

  int         number;
  char       *name_zh;
  char       *name_en;
  GStrv       materials;
  GStrv       batch_materials;   /* NULL: same as an individual claim */
  GPtrArray  *variants;          /* of XsKindVariant, in file order */
  GStrv       variant_codes;     /* NULL when the kind has no variants */
  char       *default_variant;
  gboolean    requires_plan_ref;
  gboolean    computed_hours;
  int         max_hours;         /* tenths, 0 for no limit */
  XsReviewSide decided_by;
  int         year_max_months;   /* 0 for no limit */
  int         year_max_hours;    /* tenths, 0 for no limit */
};

G_DEFINE_FINAL_TYPE (XsClaimKind, xs_claim_kind, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_NAME_EN,
  PROP_DEFAULT_VARIANT,
  PROP_REQUIRES_PLAN_REF,
  PROP_COMPUTED_HOURS,
  PROP_MAX_HOURS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const no_materials[] = { NULL };

gboolean
_xs_rules_prefer_zh (void)
{
  const char * const *languages = g_get_language_names ();

  return languages != NULL && languages[0] != NULL && g_str_has_prefix (languages[0], "zh");
}

static void
xs_kind_variant_free (XsKindVariant *variant)
{
  g_free (variant->code);
  g_free (variant->name_zh);
  g_free (variant->name_en);
  g_strfreev (variant->materials);
  g_free (variant);
}

static XsKindVariant *
find_variant (XsClaimKind *self,
              const char  *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < self->variants->len; i++)
    {
      XsKindVariant *variant = g_ptr_array_index (self->variants, i);

      if (g_strcmp0 (variant->code, code) == 0)
        return variant;
    }
  return NULL;
}

static void
xs_claim_kind_finalize (GObject *object)
{
  XsClaimKind *self = (XsClaimKind *) object;

  g_free (self->name_zh);
  g_free (self->name_en);
  g_strfreev (self->materials);
  g_strfreev (self->batch_materials);
  g_ptr_array_unref (self->variants);
  g_strfreev (self->variant_codes);
  g_free (self->default_variant);

  G_OBJECT_CLASS (xs_claim_kind_parent_class)->finalize (object);
}

static void
xs_claim_kind_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XsClaimKind *self = XS_CLAIM_KIND (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_int (value, self->number);
      break;

    case PROP_NAME:
      g_value_set_string (value, xs_claim_kind_get_name (self));
      break;

    case PROP_NAME_ZH:
      g_value_set_string (value, self->name_zh);
      break;

    case PROP_NAME_EN:
      g_value_set_string (value, self->name_en);
      break;

    case PROP_DEFAULT_VARIANT:
      g_value_set_string (value, self->default_variant);
      break;

    case PROP_REQUIRES_PLAN_REF:
      g_value_set_boolean (value, self->requires_plan_ref);
      break;

    case PROP_COMPUTED_HOURS:
      g_value_set_boolean (value, self->computed_hours);
      break;

    case PROP_MAX_HOURS:
      g_value_set_int (value, self->max_hours);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_claim_kind_class_init (XsClaimKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_claim_kind_finalize;
  object_class->get_property = xs_claim_kind_get_property;

  properties[PROP_NUMBER] =
    g_param_spec_int ("number", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Chinese or English, after the UI language */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEFAULT_VARIANT] =
    g_param_spec_string ("default-variant", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_REQUIRES_PLAN_REF] =
    g_param_spec_boolean ("requires-plan-ref", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPUTED_HOURS] =
    g_param_spec_boolean ("computed-hours", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* tenths of an hour per claim, 0 for no limit */
  properties[PROP_MAX_HOURS] =
    g_param_spec_int ("max-hours", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_claim_kind_init (XsClaimKind *self)
{
  self->variants = g_ptr_array_new_with_free_func ((GDestroyNotify) xs_kind_variant_free);
  self->materials = g_new0 (char *, 1);
}

/* Private: the rule-set loader */

XsClaimKind *
_xs_claim_kind_new (int         number,
                    const char *name_zh,
                    const char *name_en)
{
  XsClaimKind *self;

  g_return_val_if_fail (number > 0, NULL);
  g_return_val_if_fail (name_zh != NULL, NULL);
  g_return_val_if_fail (name_en != NULL, NULL);

  self = g_object_new (XS_TYPE_CLAIM_KIND, NULL);
  self->number = number;
  self->name_zh = g_strdup (name_zh);
  self->name_en = g_strdup (name_en);
  return self;
}

void
_xs_claim_kind_set_materials (XsClaimKind        *self,
                              const char * const *materials)
{
  g_return_if_fail (XS_IS_CLAIM_KIND (self));
  g_return_if_fail (self->variants->len == 0);

  g_strfreev (self->materials);
  self->materials = g_strdupv ((char **) (materials != NULL ? materials : no_materials));
}

void
_xs_claim_kind_set_batch_materials (XsClaimKind        *self,
                                    const char * const *materials)
{
  g_return_if_fail (XS_IS_CLAIM_KIND (self));

  g_strfreev (self->batch_materials);
  self->batch_materials = g_strdupv ((char **) (materials != NULL ? materials : no_materials));
}

void
_xs_claim_kind_set_decided_by (XsClaimKind  *self,
                               XsReviewSide  side)
{
  g_return_if_fail (XS_IS_CLAIM_KIND (self));
  self->decided_by = side;
}

void
_xs_claim_kind_set_year_limits (XsClaimKind *self,
                                int          months,
                                int          hours)
{
  g_return_if_fail (XS_IS_CLAIM_KIND (self));
  g_return_if_fail (months >= 0 && hours >= 0);
  self->year_max_months = months;
  self->year_max_hours = hours;
}

gboolean
_xs_claim_kind_add_variant (XsClaimKind        *self,
                            const char         *code,
                            const char         *name_zh,
                            const char         *name_en,
                            const char * const *extra_materials,
                            int                 months_more_than)
{
  g_autoptr(GStrvBuilder) materials = NULL;
  g_autoptr(GStrvBuilder) codes = NULL;
  XsKindVariant *variant;

  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), FALSE);
  g_return_val_if_fail (code != NULL && *code != '\0', FALSE);
  g_return_val_if_fail (name_zh != NULL, FALSE);
  g_return_val_if_fail (name_en != NULL, FALSE);
  g_return_val_if_fail (months_more_than >= 0, FALSE);

  if (find_variant (self, code) != NULL)
    return FALSE;

  materials = g_strv_builder_new ();
  g_strv_builder_addv (materials, (const char **) self->materials);
  for (guint i = 0; extra_materials != NULL && extra_materials[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) self->materials, extra_materials[i]))
      g_strv_builder_add (materials, extra_materials[i]);

  variant = g_new0 (XsKindVariant, 1);
  variant->code = g_strdup (code);
  variant->name_zh = g_strdup (name_zh);
  variant->name_en = g_strdup (name_en);
  variant->materials = g_strv_builder_end (materials);
  variant->months_more_than = months_more_than;
  g_ptr_array_add (self->variants, variant);

  codes = g_strv_builder_new ();
  for (guint i = 0; i < self->variants->len; i++)
    g_strv_builder_add (codes, ((XsKindVariant *) g_ptr_array_index (self->variants, i))->code);
  g_strfreev (self->variant_codes);
  self->variant_codes = g_strv_builder_end (codes);

  return TRUE;
}

gboolean
_xs_claim_kind_set_default_variant (XsClaimKind *self,
                                    const char  *code)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), FALSE);

  if (code != NULL && find_variant (self, code) == NULL)
    return FALSE;
  g_free (self->default_variant);
  self->default_variant = g_strdup (code);
  return TRUE;
}

void
_xs_claim_kind_set_requires_plan_ref (XsClaimKind *self,
                                      gboolean     requires_plan_ref)
{
  g_return_if_fail (XS_IS_CLAIM_KIND (self));
  self->requires_plan_ref = !!requires_plan_ref;
}

void
_xs_claim_kind_set_computed_hours (XsClaimKind *self,
                                   gboolean     computed_hours)
{
  g_return_if_fail (XS_IS_CLAIM_KIND (self));
  self->computed_hours = !!computed_hours;
}

void
_xs_claim_kind_set_max_hours (XsClaimKind *self,
                              int          max_hours)
{
  g_return_if_fail (XS_IS_CLAIM_KIND (self));
  g_return_if_fail (max_hours >= 0);
  self->max_hours = max_hours;
}

gboolean
_xs_claim_kind_has_variant (XsClaimKind *self,
                            const char  *variant)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), FALSE);
  return find_variant (self, variant) != NULL;
}

const char * const *
_xs_claim_kind_get_materials (XsClaimKind *self,
                              const char  *variant,
                              XsSource     source)
{
  XsKindVariant *found;

  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), no_materials);

  if (source == XS_SOURCE_BATCH && self->batch_materials != NULL)
    return (const char * const *) self->batch_materials;

  found = find_variant (self, variant != NULL ? variant : self->default_variant);
  if (found != NULL)
    return (const char * const *) found->materials;
  return (const char * const *) self->materials;
}

int
_xs_claim_kind_get_months_more_than (XsClaimKind *self,
                                     const char  *variant)
{
  XsKindVariant *found;

  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), 0);

  found = find_variant (self, variant);
  return found != NULL ? found->months_more_than : 0;
}

/* Public */

int
xs_claim_kind_get_number (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), 0);
  return self->number;
}

const char *
xs_claim_kind_get_name (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), NULL);
  return _xs_rules_prefer_zh () ? self->name_zh : self->name_en;
}

const char *
xs_claim_kind_get_name_zh (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), NULL);
  return self->name_zh;
}

const char *
xs_claim_kind_get_name_en (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), NULL);
  return self->name_en;
}

const char * const *
xs_claim_kind_get_variants (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), NULL);
  return (const char * const *) self->variant_codes;
}

const char *
xs_claim_kind_get_variant_name (XsClaimKind *self,
                                const char  *variant)
{
  XsKindVariant *found;

  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), NULL);
  g_return_val_if_fail (variant != NULL, NULL);

  found = find_variant (self, variant);
  if (found == NULL)
    return NULL;
  return _xs_rules_prefer_zh () ? found->name_zh : found->name_en;
}

const char *
xs_claim_kind_get_default_variant (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), NULL);
  return self->default_variant;
}

gboolean
xs_claim_kind_get_requires_plan_ref (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), FALSE);
  return self->requires_plan_ref;
}

gboolean
xs_claim_kind_get_computed_hours (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), FALSE);
  return self->computed_hours;
}

int
xs_claim_kind_get_max_hours (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), 0);
  return self->max_hours;
}

XsReviewSide
xs_claim_kind_get_decided_by (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), XS_REVIEW_SIDE_INDUSTRY);
  return self->decided_by;
}

gboolean
xs_claim_kind_get_batch_without_evidence (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), FALSE);
  return self->batch_materials != NULL && self->batch_materials[0] == NULL;
}

int
xs_claim_kind_get_year_max_months (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), 0);
  return self->year_max_months;
}

int
xs_claim_kind_get_year_max_hours (XsClaimKind *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), 0);
  return self->year_max_hours;
}

int
xs_claim_kind_get_months_more_than (XsClaimKind *self,
                                    const char  *variant)
{
  g_return_val_if_fail (XS_IS_CLAIM_KIND (self), 0);
  return _xs_claim_kind_get_months_more_than (self, variant);
}
