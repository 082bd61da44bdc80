/* xs-rules.c: the year's requirements and claim kinds, loaded from
 * resources/rules/ (one JSON file a year), and the check every claim goes
 * through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "xs-claim-kind-private.h"
#include "xs-core-resources.h"
#include "xs-rules.h"

#define RULES_PATH RESOURCE_BASE "/rules/"
#define RULES_FORMAT 1

typedef struct
{
  char *zh;
  char *en;
} XsMaterial;

struct _XsRuleSet
{
  GObject      parent_instance;

  char        *id;
  int          year;
  char        *source;
  char        *title;
  char        *issuer;
  GDate        issued;

  /* tenths of an hour */
  int          required_total;
  int          required_public;
  int          required_compulsory;
  int          required_professional;

  gboolean     has_makeup;
  GDate        makeup_from;
  GDate        makeup_to;

  GHashTable  *materials;   /* code → XsMaterial */
  GListStore  *kinds;       /* of XsClaimKind, by number, for views */
  /* the same kinds, for lookups from any thread: a GListStore caches the
   * position of its last lookup, so concurrent reads race */
  GPtrArray   *kind_index;
};

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

static const char * const no_materials[] = { NULL };

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

/* Formatting for messages */

static char *
format_date (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("?");
  return g_strdup_printf ("%04d-%02d-%02d",
                          (int) g_date_get_year (date),
                          (int) g_date_get_month (date),
                          (int) g_date_get_day (date));
}

static char *
format_hours (int tenths)
{
  if (tenths % 10 == 0)
    return g_strdup_printf ("%d", tenths / 10);
  return g_strdup_printf ("%s%d.%d", tenths < 0 ? "-" : "", ABS (tenths) / 10, ABS (tenths) % 10);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Loading */

static gboolean invalid (GError    **error,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
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

/* "kinds[3]" + "zh" → "kinds[3].zh"; "" + "id" → "id" */
static char *
member_path (const char *path,
             const char *name)
{
  if (path == NULL || *path == '\0')
    return g_strdup (name);
  return g_strconcat (path, ".", name, NULL);
}

static gboolean
check_members (JsonObject          *object,
               const char          *path,
               const char * const  *allowed,
               GError             **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;

      /* "_comment" and friends are notes for the people who edit the file */
      if (name[0] == '_' || g_strv_contains (allowed, name))
        continue;
      {
        g_autofree char *where = member_path (path, name);

        return invalid (error, _("“%s” is not a known member here (check the spelling)."), where);
      }
    }
  return TRUE;
}

/* NULL when absent or null */
static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
missing (GError    **error,
         const char *path,
         const char *name)
{
  g_autofree char *where = member_path (path, name);

  return invalid (error, _("“%s” is missing."), where);
}

static gboolean
read_string (JsonObject  *object,
             const char  *path,
             const char  *name,
             gboolean     required,
             const char **value,
             GError     **error)
{
  JsonNode *node = get_member (object, name);

  *value = NULL;
  if (node == NULL)
    return required ? missing (error, path, name) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || is_blank (json_node_get_string (node)))
    {
      g_autofree char *where = member_path (path, name);

      return invalid (error, _("“%s” must be a non-empty text."), where);
    }
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *path,
          const char  *name,
          gboolean     required,
          int          min,
          int          max,
          int         *value,
          GError     **error)
{
  JsonNode *node = get_member (object, name);
  gint64 number;

  if (node == NULL)
    return required ? missing (error, path, name) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
      || (number = json_node_get_int (node)) < min || number > max)
    {
      g_autofree char *where = member_path (path, name);

      return invalid (error, _("“%s” must be a whole number from %d to %d."), where, min, max);
    }
  *value = (int) number;
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *path,
           const char  *name,
           gboolean    *value,
           GError     **error)
{
  JsonNode *node = get_member (object, name);

  *value = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *where = member_path (path, name);

      return invalid (error, _("“%s” must be true or false."), where);
    }
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* Hours in the file are hours (90, 12.5); in memory tenths. */
static gboolean
read_hours (JsonObject  *object,
            const char  *path,
            const char  *name,
            gboolean     required,
            int         *tenths,
            GError     **error)
{
  JsonNode *node = get_member (object, name);
  double hours = -1;

  *tenths = 0;
  if (node == NULL)
    return required ? missing (error, path, name) : TRUE;
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        hours = json_node_get_double (node);
    }
  if (hours >= 0 && hours <= 10000)
    {
      double scaled = hours * 10;
      int rounded = (int) (scaled + 0.5);

      if (scaled - rounded < 1e-6 && rounded - scaled < 1e-6)
        {
          *tenths = rounded;
          return TRUE;
        }
    }
  {
    g_autofree char *where = member_path (path, name);

    return invalid (error, _("“%s” must be hours: a number from 0 to 10000 with at most one decimal."), where);
  }
}

static gboolean
parse_iso_date (const char *text,
                GDate      *date)
{
  int year, month, day, consumed = 0;

  if (text == NULL
      || sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) != 3
      || consumed != 10 || text[consumed] != '\0'
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
read_date (JsonObject  *object,
           const char  *path,
           const char  *name,
           gboolean     required,
           GDate       *date,
           GError     **error)
{
  const char *text;

  g_date_clear (date, 1);
  if (!read_string (object, path, name, required, &text, error))
    return FALSE;
  if (text != NULL && !parse_iso_date (text, date))
    {
      g_autofree char *where = member_path (path, name);

      return invalid (error, _("“%s” must be a date written YYYY-MM-DD, not “%s”."), where, text);
    }
  return TRUE;
}

static gboolean
read_object (JsonObject  *object,
             const char  *path,
             const char  *name,
             gboolean     required,
             JsonObject **value,
             GError     **error)
{
  JsonNode *node = get_member (object, name);

  *value = NULL;
  if (node == NULL)
    return required ? missing (error, path, name) : TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = member_path (path, name);

      return invalid (error, _("“%s” must be an object ({…})."), where);
    }
  *value = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_array (JsonObject  *object,
            const char  *path,
            const char  *name,
            gboolean     required,
            JsonArray  **value,
            GError     **error)
{
  JsonNode *node = get_member (object, name);

  *value = NULL;
  if (node == NULL)
    return required ? missing (error, path, name) : TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = member_path (path, name);

      return invalid (error, _("“%s” must be a list ([…])."), where);
    }
  *value = json_node_get_array (node);
  return TRUE;
}

/* A list of material codes, each defined in the set's "materials" table.
 * *materials is NULL when the member is absent. */
static gboolean
read_materials (XsRuleSet   *self,
                JsonObject  *object,
                const char  *path,
                const char  *name,
                gboolean     required,
                GStrv       *materials,
                GError     **error)
{
  g_autofree char *where = member_path (path, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  JsonArray *array;

  *materials = NULL;
  if (!read_array (object, path, name, required, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *code;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return invalid (error, _("“%s” must be a list of material codes."), where);
      code = json_node_get_string (node);
      if (!g_hash_table_contains (self->materials, code))
        return invalid (error, _("“%s” names the material “%s”, which the “materials” table does not define."),
                        where, code);
      if (g_ptr_array_find_with_equal_func (seen, code, g_str_equal, NULL))
        return invalid (error, _("“%s” names the material “%s” twice."), where, code);
      g_ptr_array_add (seen, (gpointer) code);
      g_strv_builder_add (builder, code);
    }
  *materials = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
valid_code (const char *code,
            const char *extra)
{
  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && strchr (extra, *p) == NULL)
      return FALSE;
  return *code != '\0';
}

static gboolean
load_requirements (XsRuleSet   *self,
                   JsonObject  *root,
                   GError     **error)
{
  static const char * const allowed[] = { "total", "public", "compulsory", "professional", NULL };
  JsonObject *object;

  if (!read_object (root, "", "requirements", TRUE, &object, error)
      || !check_members (object, "requirements", allowed, error)
      || !read_hours (object, "requirements", "total", TRUE, &self->required_total, error)
      || !read_hours (object, "requirements", "public", TRUE, &self->required_public, error)
      || !read_hours (object, "requirements", "compulsory", TRUE, &self->required_compulsory, error)
      || !read_hours (object, "requirements", "professional", TRUE, &self->required_professional, error))
    return FALSE;
  if (self->required_compulsory > self->required_public)
    return invalid (error, _("“requirements.compulsory” cannot be more than “requirements.public”."));
  return TRUE;
}

static gboolean
load_makeup (XsRuleSet   *self,
             JsonObject  *root,
             GError     **error)
{
  static const char * const allowed[] = { "from", "to", NULL };
  JsonObject *object;

  if (!read_object (root, "", "public_makeup", FALSE, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;
  if (!check_members (object, "public_makeup", allowed, error)
      || !read_date (object, "public_makeup", "from", TRUE, &self->makeup_from, error)
      || !read_date (object, "public_makeup", "to", TRUE, &self->makeup_to, error))
    return FALSE;
  if (g_date_compare (&self->makeup_from, &self->makeup_to) > 0)
    return invalid (error, _("“public_makeup”: “from” is after “to”."));
  self->has_makeup = TRUE;
  return TRUE;
}

static gboolean
load_material_table (XsRuleSet   *self,
                     JsonObject  *root,
                     GError     **error)
{
  static const char * const allowed[] = { "zh", "en", NULL };
  g_autoptr(GList) codes = NULL;
  JsonObject *table;

  if (!read_object (root, "", "materials", TRUE, &table, error))
    return FALSE;

  codes = json_object_get_members (table);
  for (const GList *l = codes; l != NULL; l = l->next)
    {
      const char *code = l->data;
      g_autofree char *path = member_path ("materials", code);
      JsonObject *entry;
      const char *zh, *en;
      XsMaterial *material;

      if (code[0] == '_')
        continue;
      if (!valid_code (code, "_"))
        return invalid (error, _("“%s”: a material code is written in lower-case letters, digits and “_”."), path);
      if (!read_object (table, "materials", code, TRUE, &entry, error)
          || !check_members (entry, path, allowed, error)
          || !read_string (entry, path, "zh", TRUE, &zh, error)
          || !read_string (entry, path, "en", TRUE, &en, error))
        return FALSE;

      material = g_new0 (XsMaterial, 1);
      material->zh = g_strdup (zh);
      material->en = g_strdup (en);
      g_hash_table_replace (self->materials, g_strdup (code), material);
    }
  return TRUE;
}

static gboolean
load_variant (XsRuleSet    *self,
              XsClaimKind  *kind,
              JsonNode     *node,
              const char   *path,
              gboolean      computed_hours,
              GError      **error)
{
  static const char * const allowed[] = {
    "code", "zh", "en", "extra_materials", "months_more_than", NULL
  };
  g_auto(GStrv) extra = NULL;
  JsonObject *object;
  const char *code, *zh, *en;
  int months_more_than = 0;
  XsAbsence absence;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("“%s” must be an object ({…})."), path);
  object = json_node_get_object (node);

  if (json_object_has_member (object, "materials"))
    {
      g_autofree char *where = member_path (path, "materials");

      return invalid (error, _("“%s”: a variant lists what it needs besides the kind’s materials as “extra_materials”."),
                      where);
    }
  if (!check_members (object, path, allowed, error)
      || !read_string (object, path, "code", TRUE, &code, error)
      || !read_string (object, path, "zh", TRUE, &zh, error)
      || !read_string (object, path, "en", TRUE, &en, error)
      || !read_materials (self, object, path, "extra_materials", FALSE, &extra, error)
      || !read_int (object, path, "months_more_than", FALSE, 0, 11, &months_more_than, error))
    return FALSE;

  if (!valid_code (code, "-"))
    return invalid (error, _("“%s.code”: a variant code is written in lower-case letters, digits and “-”, not “%s”."),
                    path, code);
  if (computed_hours && !xs_absence_from_string (code, &absence))
    return invalid (error, _("“%s.code”: the variants of a kind with computed hours are absences "
                             "(abroad, sick-leave, maternity, other), not “%s”."),
                    path, code);
  if (!_xs_claim_kind_add_variant (kind, code, zh, en, (const char * const *) extra, months_more_than))
    return invalid (error, _("“%s.code”: the variant “%s” appears twice."), path, code);
  return TRUE;
}

static XsClaimKind *
load_kind (XsRuleSet   *self,
           JsonNode    *node,
           const char  *path,
           GError     **error)
{
  static const char * const allowed[] = {
    "number", "zh", "en", "materials", "batch_materials", "variants", "default_variant",
    "requires_plan_ref", "computed_hours", "max_hours", NULL
  };
  g_autoptr(XsClaimKind) kind = NULL;
  g_auto(GStrv) materials = NULL;
  g_auto(GStrv) batch_materials = NULL;
  JsonObject *object;
  JsonArray *variants;
  const char *zh, *en, *default_variant;
  gboolean requires_plan_ref, computed_hours;
  int number = 0, max_hours = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("“%s” must be an object ({…})."), path);
      return NULL;
    }
  object = json_node_get_object (node);

  if (!check_members (object, path, allowed, error)
      || !read_int (object, path, "number", TRUE, 1, 99, &number, error)
      || !read_string (object, path, "zh", TRUE, &zh, error)
      || !read_string (object, path, "en", TRUE, &en, error)
      || !read_materials (self, object, path, "materials", TRUE, &materials, error)
      || !read_materials (self, object, path, "batch_materials", FALSE, &batch_materials, error)
      || !read_array (object, path, "variants", FALSE, &variants, error)
      || !read_string (object, path, "default_variant", FALSE, &default_variant, error)
      || !read_bool (object, path, "requires_plan_ref", &requires_plan_ref, error)
      || !read_bool (object, path, "computed_hours", &computed_hours, error)
      || !read_hours (object, path, "max_hours", FALSE, &max_hours, error))
    return NULL;

  if (json_object_has_member (object, "max_hours") && get_member (object, "max_hours") != NULL)
    {
      if (max_hours <= 0)
        {
          invalid (error, _("“%s.max_hours” must be more than 0, or null for no limit."), path);
          return NULL;
        }
      if (computed_hours)
        {
          invalid (error, _("“%s.max_hours”: a kind with computed hours has no limit to set."), path);
          return NULL;
        }
    }

  kind = _xs_claim_kind_new (number, zh, en);
  _xs_claim_kind_set_materials (kind, (const char * const *) materials);
  if (batch_materials != NULL)
    _xs_claim_kind_set_batch_materials (kind, (const char * const *) batch_materials);
  _xs_claim_kind_set_requires_plan_ref (kind, requires_plan_ref);
  _xs_claim_kind_set_computed_hours (kind, computed_hours);
  _xs_claim_kind_set_max_hours (kind, max_hours);

  if (variants != NULL)
    {
      if (json_array_get_length (variants) == 0)
        {
          invalid (error, _("“%s.variants” is empty; leave it out when the kind has no variants."), path);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (variants); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s.variants[%u]", path, i);

          if (!load_variant (self, kind, json_array_get_element (variants, i), where,
                             computed_hours, error))
            return NULL;
        }
    }
  else if (computed_hours)
    {
      invalid (error, _("“%s”: a kind with computed hours needs its absences as variants."), path);
      return NULL;
    }

  if (default_variant != NULL && !_xs_claim_kind_set_default_variant (kind, default_variant))
    {
      invalid (error, _("“%s.default_variant” is “%s”, which is not one of the kind’s variants."),
               path, default_variant);
      return NULL;
    }

  return g_steal_pointer (&kind);
}

static int
compare_kinds (gconstpointer a,
               gconstpointer b)
{
  return xs_claim_kind_get_number (*(XsClaimKind * const *) a)
         - xs_claim_kind_get_number (*(XsClaimKind * const *) b);
}

static gboolean
load_kinds (XsRuleSet   *self,
            JsonObject  *root,
            GError     **error)
{
  JsonArray *kinds;

  if (!read_array (root, "", "kinds", TRUE, &kinds, error))
    return FALSE;
  if (json_array_get_length (kinds) == 0)
    return invalid (error, _("“kinds” is empty."));

  for (guint i = 0; i < json_array_get_length (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("kinds[%u]", i);
      g_autoptr(XsClaimKind) kind = load_kind (self, json_array_get_element (kinds, i), path, error);

      if (kind == NULL)
        return FALSE;
      if (xs_rule_set_lookup_kind (self, xs_claim_kind_get_number (kind)) != NULL)
        return invalid (error, _("“%s.number”: kind %d appears twice."), path,
                        xs_claim_kind_get_number (kind));
      g_ptr_array_add (self->kind_index, g_steal_pointer (&kind));
    }
  g_ptr_array_sort (self->kind_index, compare_kinds);
  g_list_store_splice (self->kinds, 0, 0, self->kind_index->pdata, self->kind_index->len);
  return TRUE;
}

static gboolean
load_root (XsRuleSet   *self,
           JsonNode    *node,
           GError     **error)
{
  static const char * const allowed[] = {
    "format", "id", "year", "source", "title", "issuer", "issued",
    "requirements", "public_makeup", "materials", "kinds", NULL
  };
  JsonObject *root;
  const char *id, *source, *title, *issuer;
  int format = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, _("A rule set is one JSON object ({…})."));
  root = json_node_get_object (node);

  if (!check_members (root, "", allowed, error)
      || !read_int (root, "", "format", TRUE, 1, G_MAXINT, &format, error))
    return FALSE;
  if (format != RULES_FORMAT)
    return invalid (error, _("This rule set is written in format %d; this version of the application reads format %d."),
                    format, RULES_FORMAT);

  if (!read_string (root, "", "id", TRUE, &id, error)
      || !read_int (root, "", "year", TRUE, 1990, 2100, &self->year, error)
      || !read_string (root, "", "source", TRUE, &source, error)
      || !read_string (root, "", "title", FALSE, &title, error)
      || !read_string (root, "", "issuer", FALSE, &issuer, error)
      || !read_date (root, "", "issued", FALSE, &self->issued, error))
    return FALSE;
  self->id = g_strdup (id);
  self->source = g_strdup (source);
  self->title = g_strdup (title);
  self->issuer = g_strdup (issuer);

  return load_requirements (self, root, error)
         && load_makeup (self, root, error)
         && load_material_table (self, root, error)
         && load_kinds (self, root, error);
}

XsRuleSet *
xs_rule_set_new_from_bytes (GBytes  *json,
                            GError **error)
{
  g_autoptr(XsRuleSet) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (json, &size);
  if (size > G_MAXSSIZE || (size > 0 && !g_utf8_validate_len (data, size, NULL)))
    {
      invalid (error, _("The rule set is not UTF-8 text."));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, size > 0 ? data : "", size, &parse_error))
    {
      invalid (error, _("The rule set is not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  self = g_object_new (XS_TYPE_RULE_SET, NULL);
  if (!load_root (self, json_parser_get_root (parser), error))
    {
      g_prefix_error (error, _("Invalid rule set: "));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* Every set in the resource, loaded once */

typedef struct
{
  GPtrArray *sets;     /* of XsRuleSet, by year */
  GError    *error;
} XsRuleSetCache;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_sets (gconstpointer a,
              gconstpointer b)
{
  const XsRuleSet *set_a = *(XsRuleSet * const *) a;
  const XsRuleSet *set_b = *(XsRuleSet * const *) b;

  return set_a->year - set_b->year;
}

static gboolean
load_resource_sets (GPtrArray  *sets,
                    GError    **error)
{
  g_auto(GStrv) names = NULL;

  g_resources_register (xs_core_get_resource ());
  names = g_resources_enumerate_children (RULES_PATH, 0, NULL);
  if (names == NULL)
    return invalid (error, _("No rule sets are installed (%s is empty)."), RULES_PATH);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *stem = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(XsRuleSet) set = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      path = g_strconcat (RULES_PATH, names[i], NULL);
      stem = g_strndup (names[i], strlen (names[i]) - strlen (".json"));
      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return FALSE;
      set = xs_rule_set_new_from_bytes (bytes, error);
      if (set == NULL)
        {
          g_prefix_error (error, "rules/%s: ", names[i]);
          return FALSE;
        }
      if (g_strcmp0 (set->id, stem) != 0)
        return invalid (error, _("rules/%s: the file of rule set “%s” must be named %s.json."),
                        names[i], set->id, set->id);
      for (guint j = 0; j < sets->len; j++)
        {
          XsRuleSet *other = g_ptr_array_index (sets, j);

          if (other->year == set->year)
            return invalid (error, _("rules/%s: rule sets “%s” and “%s” are both for %d."),
                            names[i], other->id, set->id, set->year);
        }
      g_ptr_array_add (sets, g_steal_pointer (&set));
    }

  if (sets->len == 0)
    return invalid (error, _("No rule sets are installed (%s is empty)."), RULES_PATH);
  g_ptr_array_sort (sets, compare_sets);
  return TRUE;
}

static gpointer
load_cache (gpointer data)
{
  XsRuleSetCache *cache = g_new0 (XsRuleSetCache, 1);

  cache->sets = g_ptr_array_new_with_free_func (g_object_unref);
  /* a broken set is reported by every call that needs the sets */
  if (!load_resource_sets (cache->sets, &cache->error))
    g_ptr_array_set_size (cache->sets, 0);
  return cache;
}

static const XsRuleSetCache *
get_cache (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  const XsRuleSetCache *cache = g_once (&once, load_cache, NULL);

  if (cache->error != NULL)
    {
      g_propagate_error (error, g_error_copy (cache->error));
      return NULL;
    }
  return cache;
}

XsRuleSet *
xs_rule_set_for_year (int      year,
                      GError **error)
{
  const XsRuleSetCache *cache;
  XsRuleSet *found;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cache = get_cache (error);
  if (cache == NULL)
    return NULL;

  /* oldest, unless a set for this year or an earlier one exists */
  found = g_ptr_array_index (cache->sets, 0);
  for (guint i = 0; i < cache->sets->len; i++)
    {
      XsRuleSet *set = g_ptr_array_index (cache->sets, i);

      if (set->year <= year)
        found = set;
    }
  return g_object_ref (found);
}

GListModel *
xs_rule_set_list_all (GError **error)
{
  const XsRuleSetCache *cache;
  GListStore *store;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cache = get_cache (error);
  if (cache == NULL)
    return NULL;
  store = g_list_store_new (XS_TYPE_RULE_SET);
  g_list_store_splice (store, 0, 0, cache->sets->pdata, cache->sets->len);
  return G_LIST_MODEL (store);
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

/* Checking a claim */

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

static gboolean
check_date (XsRuleSet      *self,
            const XsClaim  *claim,
            GError        **error)
{
  g_autofree char *date = format_date (&claim->date);

  if (claim->category == XS_CATEGORY_PUBLIC && claim->year < self->year && self->has_makeup)
    {
      if (g_date_compare (&claim->date, &self->makeup_from) >= 0
          && g_date_compare (&claim->date, &self->makeup_to) <= 0)
        return TRUE;
      {
        g_autofree char *from = format_date (&self->makeup_from);
        g_autofree char *to = format_date (&self->makeup_to);

        g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE,
                     _("Make-up of public hours for years before %d was only possible from %s to %s; "
                       "this record for %d is dated %s."),
                     self->year, from, to, claim->year, date);
        return FALSE;
      }
    }

  if ((int) g_date_get_year (&claim->date) != claim->year)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE,
                   _("Hours for %d must be dated in %d; this record is dated %s."),
                   claim->year, claim->year, date);
      return FALSE;
    }
  return TRUE;
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
  int more_than;
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
  if (claim->absence_months < 1 || claim->absence_months > 12)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE,
                   _("The months of absence must be from 1 to 12; this record has %d."),
                   claim->absence_months);
      return FALSE;
    }
  more_than = _xs_claim_kind_get_months_more_than (kind, claim->variant);
  if (claim->absence_months <= more_than)
    {
      g_set_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s counts only when it lasted more than %d month in the year; "
                                "this record has %d.",
                                "%s counts only when it lasted more than %d months in the year; "
                                "this record has %d.",
                                more_than),
                   xs_claim_kind_get_variant_name (kind, claim->variant),
                   more_than, claim->absence_months);
      return FALSE;
    }

  /* pro rata, rounded to the nearest tenth (half up) */
  computed = ((gint64) self->required_professional * claim->absence_months * 2 + 12) / 24;
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
      g_autofree char *limit = format_hours (max_hours);
      g_autofree char *hours = format_hours (claim->hours);

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

  if (xs_claim_kind_get_requires_plan_ref (kind) && is_blank (claim->plan_ref))
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
  if (is_blank (claim->variant))
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

  variant = is_blank (claim->variant) ? NULL : claim->variant;
  if (variant == NULL && xs_claim_kind_get_computed_hours (kind))
    variant = xs_absence_to_string (claim->absence);
  return _xs_claim_kind_get_materials (kind, variant, claim->source);
}
