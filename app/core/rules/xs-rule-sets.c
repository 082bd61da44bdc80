/* xs-rule-sets.c: the rule sets installed in resources/rules/ (one JSON
 * file a year), parsed once, and the set a year follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "xs-claim-kind-private.h"
#include "xs-core-resources.h"
#include "xs-rules-private.h"

#define RULES_PATH RESOURCE_BASE "/rules/"

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
    return _xs_rule_set_invalid (error, _("No rule sets are installed (%s is empty)."), RULES_PATH);
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
        return _xs_rule_set_invalid (error, _("rules/%s: the file of rule set “%s” must be named %s.json."),
                                     names[i], set->id, set->id);
      for (guint j = 0; j < sets->len; j++)
        {
          XsRuleSet *other = g_ptr_array_index (sets, j);

          if (other->year == set->year)
            return _xs_rule_set_invalid (error, _("rules/%s: rule sets “%s” and “%s” are both for %d."),
                                         names[i], other->id, set->id, set->year);
        }
      g_ptr_array_add (sets, g_steal_pointer (&set));
    }

  if (sets->len == 0)
    return _xs_rule_set_invalid (error, _("No rule sets are installed (%s is empty)."), RULES_PATH);
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

XsReviewSide
xs_review_side_for_kind (int         year,
                         XsCategory  category,
                         int         kind)
{
  g_autoptr(XsRuleSet) rules = NULL;
  XsClaimKind *found;

  if (category == XS_CATEGORY_PUBLIC)
    return XS_REVIEW_SIDE_HR;
  /* the sets are compiled in and checked by the tests: a failure here is
   * a broken build, and the industry department is the notice's default */
  rules = xs_rule_set_for_year (year, NULL);
  found = rules != NULL ? xs_rule_set_lookup_kind (rules, kind) : NULL;
  return found != NULL ? xs_claim_kind_get_decided_by (found) : XS_REVIEW_SIDE_INDUSTRY;
}
