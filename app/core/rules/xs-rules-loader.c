/* xs-rules-loader.c: parsing one rule-set file (JSON) into an XsRuleSet,
 * with a message that names the member at fault
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "xs-claim-kind-private.h"
#include "xs-rules-private.h"

#define RULES_FORMAT 1

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

        return _xs_rule_set_invalid (error, _("“%s” is not a known member here (check the spelling)."), where);
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

  return _xs_rule_set_invalid (error, _("“%s” is missing."), where);
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
      || _xs_rule_set_is_blank (json_node_get_string (node)))
    {
      g_autofree char *where = member_path (path, name);

      return _xs_rule_set_invalid (error, _("“%s” must be a non-empty text."), where);
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

      return _xs_rule_set_invalid (error, _("“%s” must be a whole number from %d to %d."), where, min, max);
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

      return _xs_rule_set_invalid (error, _("“%s” must be true or false."), where);
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

    return _xs_rule_set_invalid (error, _("“%s” must be hours: a number from 0 to 10000 with at most one decimal."), where);
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

      return _xs_rule_set_invalid (error, _("“%s” must be a date written YYYY-MM-DD, not “%s”."), where, text);
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

      return _xs_rule_set_invalid (error, _("“%s” must be an object ({…})."), where);
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

      return _xs_rule_set_invalid (error, _("“%s” must be a list ([…])."), where);
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
        return _xs_rule_set_invalid (error, _("“%s” must be a list of material codes."), where);
      code = json_node_get_string (node);
      if (!g_hash_table_contains (self->materials, code))
        return _xs_rule_set_invalid (error, _("“%s” names the material “%s”, which the “materials” table does not define."),
                                     where, code);
      if (g_ptr_array_find_with_equal_func (seen, code, g_str_equal, NULL))
        return _xs_rule_set_invalid (error, _("“%s” names the material “%s” twice."), where, code);
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
    return _xs_rule_set_invalid (error, _("“requirements.compulsory” cannot be more than “requirements.public”."));
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
    return _xs_rule_set_invalid (error, _("“public_makeup”: “from” is after “to”."));
  self->has_makeup = TRUE;
  return TRUE;
}

/* "public_study": {"from": DATE, "before": "refuse" | "warn"}: public
 * hours of the set's own year dated before "from" are refused, or accepted
 * with a warning. */
static gboolean
load_public_study (XsRuleSet   *self,
                   JsonObject  *root,
                   GError     **error)
{
  static const char * const allowed[] = { "from", "before", NULL };
  JsonObject *object;
  const char *before = NULL;

  if (!read_object (root, "", "public_study", FALSE, &object, error))
    return FALSE;
  if (object == NULL)
    return TRUE;
  if (!check_members (object, "public_study", allowed, error)
      || !read_date (object, "public_study", "from", TRUE, &self->public_study_from, error)
      || !read_string (object, "public_study", "before", TRUE, &before, error))
    return FALSE;
  if (g_strcmp0 (before, "refuse") == 0)
    self->public_study_warn = FALSE;
  else if (g_strcmp0 (before, "warn") == 0)
    self->public_study_warn = TRUE;
  else
    return _xs_rule_set_invalid (error, _("“public_study.before” must be “refuse” or “warn”, not “%s”."), before);
  self->has_public_study = TRUE;
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
        return _xs_rule_set_invalid (error, _("“%s”: a material code is written in lower-case letters, digits and “_”."), path);
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
    return _xs_rule_set_invalid (error, _("“%s” must be an object ({…})."), path);
  object = json_node_get_object (node);

  if (json_object_has_member (object, "materials"))
    {
      g_autofree char *where = member_path (path, "materials");

      return _xs_rule_set_invalid (error, _("“%s”: a variant lists what it needs besides the kind’s materials as “extra_materials”."),
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
    return _xs_rule_set_invalid (error, _("“%s.code”: a variant code is written in lower-case letters, digits and “-”, not “%s”."),
                                 path, code);
  if (computed_hours && !xs_absence_from_string (code, &absence))
    return _xs_rule_set_invalid (error, _("“%s.code”: the variants of a kind with computed hours are absences "
                                          "(abroad, sick-leave, maternity, other), not “%s”."),
                                 path, code);
  if (!_xs_claim_kind_add_variant (kind, code, zh, en, (const char * const *) extra, months_more_than))
    return _xs_rule_set_invalid (error, _("“%s.code”: the variant “%s” appears twice."), path, code);
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
    "requires_plan_ref", "computed_hours", "max_hours", "decided_by",
    "year_max_months", "year_max_hours", NULL
  };
  g_autoptr(XsClaimKind) kind = NULL;
  g_auto(GStrv) materials = NULL;
  g_auto(GStrv) batch_materials = NULL;
  JsonObject *object;
  JsonArray *variants;
  const char *zh, *en, *default_variant, *decided_by = NULL;
  gboolean requires_plan_ref, computed_hours;
  int number = 0, max_hours = 0, year_max_months = 0, year_max_hours = 0;
  XsReviewSide side = XS_REVIEW_SIDE_INDUSTRY;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _xs_rule_set_invalid (error, _("“%s” must be an object ({…})."), path);
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
      || !read_hours (object, path, "max_hours", FALSE, &max_hours, error)
      || !read_string (object, path, "decided_by", FALSE, &decided_by, error)
      || !read_int (object, path, "year_max_months", FALSE, 1, 12, &year_max_months, error)
      || !read_hours (object, path, "year_max_hours", FALSE, &year_max_hours, error))
    return NULL;

  if (decided_by != NULL && !xs_review_side_from_string (decided_by, &side))
    {
      _xs_rule_set_invalid (error, _("“%s.decided_by” must be “hr” or “industry”, not “%s”."), path, decided_by);
      return NULL;
    }
  if ((year_max_months > 0 || year_max_hours > 0) && !computed_hours)
    {
      _xs_rule_set_invalid (error, _("“%s”: only a kind with computed hours has limits per year."), path);
      return NULL;
    }

  if (json_object_has_member (object, "max_hours") && get_member (object, "max_hours") != NULL)
    {
      if (max_hours <= 0)
        {
          _xs_rule_set_invalid (error, _("“%s.max_hours” must be more than 0, or null for no limit."), path);
          return NULL;
        }
      if (computed_hours)
        {
          _xs_rule_set_invalid (error, _("“%s.max_hours”: a kind with computed hours has no limit to set."), path);
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
  _xs_claim_kind_set_decided_by (kind, side);
  _xs_claim_kind_set_year_limits (kind, year_max_months, year_max_hours);

  if (variants != NULL)
    {
      if (json_array_get_length (variants) == 0)
        {
          _xs_rule_set_invalid (error, _("“%s.variants” is empty; leave it out when the kind has no variants."), path);
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
      _xs_rule_set_invalid (error, _("“%s”: a kind with computed hours needs its absences as variants."), path);
      return NULL;
    }

  if (default_variant != NULL && !_xs_claim_kind_set_default_variant (kind, default_variant))
    {
      _xs_rule_set_invalid (error, _("“%s.default_variant” is “%s”, which is not one of the kind’s variants."),
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
    return _xs_rule_set_invalid (error, _("“kinds” is empty."));

  for (guint i = 0; i < json_array_get_length (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("kinds[%u]", i);
      g_autoptr(XsClaimKind) kind = load_kind (self, json_array_get_element (kinds, i), path, error);

      if (kind == NULL)
        return FALSE;
      if (xs_rule_set_lookup_kind (self, xs_claim_kind_get_number (kind)) != NULL)
        return _xs_rule_set_invalid (error, _("“%s.number”: kind %d appears twice."), path,
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
    "requirements", "public_makeup", "public_study", "materials", "kinds", NULL
  };
  JsonObject *root;
  const char *id, *source, *title, *issuer;
  int format = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return _xs_rule_set_invalid (error, _("A rule set is one JSON object ({…})."));
  root = json_node_get_object (node);

  if (!check_members (root, "", allowed, error)
      || !read_int (root, "", "format", TRUE, 1, G_MAXINT, &format, error))
    return FALSE;
  if (format != RULES_FORMAT)
    return _xs_rule_set_invalid (error, _("This rule set is written in format %d; this version of the application reads format %d."),
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
         && load_public_study (self, root, error)
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
      _xs_rule_set_invalid (error, _("The rule set is not UTF-8 text."));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, size > 0 ? data : "", size, &parse_error))
    {
      _xs_rule_set_invalid (error, _("The rule set is not valid JSON: %s"), parse_error->message);
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
