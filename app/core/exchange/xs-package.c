/* xs-package.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the package's writer, reader and decisions share: the base id,
 * claim references and checked reading of hostile JSON.
 */
#define G_LOG_DOMAIN "xs-package"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "xs-package-private.h"

G_DEFINE_QUARK (xs-package-error-quark, xs_package_error)

char *
xs_package_base_id (XsSigningKey *key)
{
  g_autofree char *digest = NULL;
  const char *text;

  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), NULL);

  text = xs_signing_key_get_public_text (key);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  return g_strndup (digest, 16);
}

char *
_xs_package_make_ref (int    year,
                      gint64 claim_id)
{
  return g_strdup_printf ("%04d-%06" G_GINT64_FORMAT, year, claim_id);
}

gboolean
_xs_package_parse_ref (const char *ref,
                       int        *year,
                       gint64     *claim_id)
{
  gsize len;
  guint64 id;

  if (ref == NULL)
    return FALSE;
  len = strlen (ref);
  /* four digits, a dash, at least six digits, no more than fit */
  if (len < 11 || len > 20 || ref[4] != '-')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (i != 4 && !g_ascii_isdigit (ref[i]))
      return FALSE;
  if (!g_ascii_string_to_unsigned (ref + 5, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;
  *year = (int) strtol (ref, NULL, 10);
  *claim_id = (gint64) id;
  return TRUE;
}

const char *
_xs_package_media_extension (const char *media_type)
{
  if (g_strcmp0 (media_type, "application/pdf") == 0)
    return "pdf";
  if (g_strcmp0 (media_type, "image/jpeg") == 0)
    return "jpg";
  if (g_strcmp0 (media_type, "image/png") == 0)
    return "png";
  return NULL;
}

gboolean
_xs_package_is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

/* "evidence/<sha256>.<ext>": sets *sha256 (pointing into @name). */
gboolean
_xs_package_parse_evidence_name (const char  *name,
                                 const char **sha256,
                                 const char **extension)
{
  const char *rest;
  g_autofree char *hash = NULL;

  if (!g_str_has_prefix (name, XS_PACKAGE_EVIDENCE_DIR))
    return FALSE;
  rest = name + strlen (XS_PACKAGE_EVIDENCE_DIR);
  if (strlen (rest) < 65 || rest[64] != '.')
    return FALSE;
  hash = g_strndup (rest, 64);
  if (!_xs_package_is_sha256 (hash))
    return FALSE;
  if (strcmp (rest + 65, "pdf") != 0 && strcmp (rest + 65, "jpg") != 0
      && strcmp (rest + 65, "png") != 0)
    return FALSE;
  *sha256 = rest;
  *extension = rest + 65;
  return TRUE;
}

void
_xs_json_check_clear (XsJsonCheck *check)
{
  g_clear_pointer (&check->where, g_free);
}

static void
check_fail (XsJsonCheck *check,
            const char  *member)
{
  if (check->failed)
    return;
  check->failed = TRUE;
  check->where = g_strdup (member);
}

static JsonNode *
get_member (XsJsonCheck *check,
            JsonObject  *object,
            const char  *member)
{
  if (check->failed || object == NULL)
    return NULL;
  return json_object_get_member (object, member);
}

const char *
_xs_json_get_string (XsJsonCheck *check,
                     JsonObject  *object,
                     const char  *member,
                     gboolean     nullable)
{
  JsonNode *node = get_member (check, object, member);

  if (check->failed)
    return NULL;
  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && nullable)
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      check_fail (check, member);
      return NULL;
    }
  return json_node_get_string (node);
}

gint64
_xs_json_get_int (XsJsonCheck *check,
                  JsonObject  *object,
                  const char  *member,
                  gint64       min,
                  gint64       max)
{
  JsonNode *node = get_member (check, object, member);
  gint64 value;

  if (check->failed)
    return min;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      check_fail (check, member);
      return min;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      check_fail (check, member);
      return min;
    }
  return value;
}

gboolean
_xs_json_get_bool (XsJsonCheck *check,
                   JsonObject  *object,
                   const char  *member)
{
  JsonNode *node = get_member (check, object, member);

  if (check->failed)
    return FALSE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      check_fail (check, member);
      return FALSE;
    }
  return json_node_get_boolean (node);
}

JsonObject *
_xs_json_get_object (XsJsonCheck *check,
                     JsonObject  *object,
                     const char  *member)
{
  JsonNode *node = get_member (check, object, member);

  if (check->failed)
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      check_fail (check, member);
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
_xs_json_get_array (XsJsonCheck *check,
                    JsonObject  *object,
                    const char  *member)
{
  JsonNode *node = get_member (check, object, member);

  if (check->failed)
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      check_fail (check, member);
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
_xs_json_array_get_object (XsJsonCheck *check,
                           JsonArray   *array,
                           guint        index,
                           const char  *what)
{
  JsonNode *node;

  if (check->failed || array == NULL || index >= json_array_get_length (array))
    {
      check_fail (check, what);
      return NULL;
    }
  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", what, index);

      check_fail (check, where);
      return NULL;
    }
  return json_node_get_object (node);
}
