/* xs-revocation-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-revocation-list"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "xs-base-profile.h"
#include "xs-certificate-store.h"
#include "xs-output.h"
#include "xs-revocation-list.h"
#include "xs-safe-text.h"

#define FORMAT_NAME "xueshi-revocation-list"
#define FORMAT_VERSION 1
#define SIGNATURE_LINE "signature: "
#define PUBLIC_PREFIX "xueshi-ed25519:"

typedef struct
{
  char *revoked_at;
  char *reason;
} Entry;

struct _XsRevocationList
{
  GObject     parent_instance;

  char       *issued_at;
  char       *base_name;
  char       *fingerprint;
  GHashTable *entries;     /* serial → Entry */
};

G_DEFINE_FINAL_TYPE (XsRevocationList, xs_revocation_list, G_TYPE_OBJECT)
G_DEFINE_QUARK (xs-revocation-list-error-quark, xs_revocation_list_error)

static void
entry_free (Entry *entry)
{
  g_free (entry->revoked_at);
  g_free (entry->reason);
  g_free (entry);
}

static void
xs_revocation_list_finalize (GObject *object)
{
  XsRevocationList *self = XS_REVOCATION_LIST (object);

  g_free (self->issued_at);
  g_free (self->base_name);
  g_free (self->fingerprint);
  g_hash_table_unref (self->entries);

  G_OBJECT_CLASS (xs_revocation_list_parent_class)->finalize (object);
}

static void
xs_revocation_list_class_init (XsRevocationListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_revocation_list_finalize;
}

static void
xs_revocation_list_init (XsRevocationList *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
}

/* Writing */

char *
xs_revocation_list_build (XsDb          *db,
                          XsSigningKey  *key,
                          guint         *n_revoked,
                          GError       **error)
{
  g_autoptr(GPtrArray) revoked = NULL;
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *issued_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *fingerprint = NULL;
  g_autofree char *json = NULL;
  g_autofree char *body = NULL;
  g_autofree char *signature = NULL;

  g_return_val_if_fail (XS_IS_DB (db), NULL);
  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), NULL);

  if ((profile = xs_base_profile_load (db, error)) == NULL
      || (revoked = xs_certificate_store_list_revoked (db, error)) == NULL)
    return NULL;
  fingerprint = xs_public_key_fingerprint (xs_signing_key_get_public_text (key));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  json_builder_set_member_name (builder, "base");
  json_builder_add_string_value (builder, xs_base_profile_get_name (profile)
                                          ? xs_base_profile_get_name (profile) : "");
  json_builder_set_member_name (builder, "key_fingerprint");
  json_builder_add_string_value (builder, fingerprint);
  json_builder_set_member_name (builder, "issued_at");
  json_builder_add_string_value (builder, issued_at);
  json_builder_set_member_name (builder, "revoked");
  json_builder_begin_array (builder);
  for (guint i = 0; i < revoked->len; i++)
    {
      XsIssuedCertificate *issued = g_ptr_array_index (revoked, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "serial");
      json_builder_add_string_value (builder, issued->serial);
      json_builder_set_member_name (builder, "revoked_at");
      json_builder_add_string_value (builder, issued->revoked_at);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, issued->revoke_reason ? issued->revoke_reason : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json = json_generator_to_data (generator, NULL);
  body = g_strconcat (json, "\n", NULL);
  signature = xs_signing_key_sign (key, body);
  if (n_revoked != NULL)
    *n_revoked = revoked->len;
  return g_strconcat (body, SIGNATURE_LINE, signature, "\n", NULL);
}

gboolean
xs_revocation_list_write (XsDb          *db,
                          XsSigningKey  *key,
                          const char    *path,
                          guint         *n_revoked,
                          GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (XS_IS_DB (db), FALSE);
  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!xs_output_check_path (path, error))
    return FALSE;
  if ((text = xs_revocation_list_build (db, key, n_revoked, error)) == NULL)
    return FALSE;
  return xs_output_write_file (path, text, strlen (text), XS_OUTPUT_PUBLIC, error);
}

/* Reading */

static gpointer
set_malformed (GError **error)
{
  g_set_error (error, XS_REVOCATION_LIST_ERROR, XS_REVOCATION_LIST_ERROR_MALFORMED,
               _("This is not a Xueshi revocation list, or it is damaged. Ask the base for the file “xueshi-cli revocations” writes."));
  return NULL;
}

static gboolean
decode_public_key (const char *public_key_text,
                   guint8      public[crypto_sign_PUBLICKEYBYTES])
{
  const char *key_text;
  gsize length = 0;

  if (!g_str_has_prefix (public_key_text, PUBLIC_PREFIX) || sodium_init () < 0)
    return FALSE;
  key_text = public_key_text + strlen (PUBLIC_PREFIX);
  return sodium_base642bin (public, crypto_sign_PUBLICKEYBYTES, key_text, strlen (key_text), " \n\r",
                            &length, NULL, sodium_base64_VARIANT_ORIGINAL) == 0
         && length == crypto_sign_PUBLICKEYBYTES;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Fills @self from the JSON body; FALSE when it is not a list. */
static gboolean
parse_body (XsRevocationList *self,
            const char       *body,
            gsize             length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *root;
  JsonNode *node;
  JsonArray *revoked;
  const char *base;

  if (!g_utf8_validate (body, length, NULL)
      || !json_parser_load_from_data (parser, body, length, NULL)
      || (root = json_parser_get_root (parser)) == NULL
      || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;
  object = json_node_get_object (root);
  if (g_strcmp0 (member_string (object, "format"), FORMAT_NAME) != 0
      || (node = json_object_get_member (object, "version")) == NULL
      || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64
      || json_node_get_int (node) != FORMAT_VERSION
      || member_string (object, "key_fingerprint") == NULL
      || member_string (object, "issued_at") == NULL
      || (node = json_object_get_member (object, "revoked")) == NULL
      || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  base = member_string (object, "base");
  self->base_name = g_strdup (base ? base : "");
  self->fingerprint = g_strdup (member_string (object, "key_fingerprint"));
  self->issued_at = g_strdup (member_string (object, "issued_at"));
  revoked = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (revoked); i++)
    {
      JsonNode *item = json_array_get_element (revoked, i);
      JsonObject *row;
      const char *serial, *revoked_at, *reason;
      Entry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return FALSE;
      row = json_node_get_object (item);
      serial = member_string (row, "serial");
      revoked_at = member_string (row, "revoked_at");
      reason = member_string (row, "reason");
      if (serial == NULL || *serial == '\0' || revoked_at == NULL || reason == NULL)
        return FALSE;
      entry = g_new0 (Entry, 1);
      entry->revoked_at = g_strdup (revoked_at);
      entry->reason = g_strdup (reason);
      g_hash_table_replace (self->entries, g_strdup (serial), entry);
    }
  return TRUE;
}

XsRevocationList *
xs_revocation_list_new_from_data (const char  *data,
                                  gsize        length,
                                  const char  *public_key_text,
                                  GError     **error)
{
  g_autoptr(XsRevocationList) self = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fingerprint = NULL;
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  guint8 signature[crypto_sign_BYTES];
  const char *line;
  const char *signature_text;
  gsize body_length;
  gsize signature_length = 0;
  gsize decoded = 0;
  gboolean parsed;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (public_key_text != NULL, NULL);

  if (!decode_public_key (public_key_text, public))
    {
      g_set_error (error, XS_REVOCATION_LIST_ERROR, XS_REVOCATION_LIST_ERROR_OTHER_KEY,
                   _("The public key is not a Xueshi certificate key. Ask the base for the file “xueshi-cli export-public-key” writes."));
      return NULL;
    }
  if (length > XS_REVOCATION_LIST_MAX_SIZE || memchr (data, '\0', length) != NULL)
    return set_malformed (error);

  /* The signature is the last line; it covers every byte before it. */
  text = g_strndup (data, length);
  line = g_strrstr (text, "\n" SIGNATURE_LINE);
  if (line == NULL)
    return set_malformed (error);
  body_length = (gsize) (line - text) + 1;
  signature_text = line + 1 + strlen (SIGNATURE_LINE);
  signature_length = strcspn (signature_text, "\r\n");
  if (signature_text[signature_length + strspn (signature_text + signature_length, "\r\n")] != '\0')
    return set_malformed (error);

  self = g_object_new (XS_TYPE_REVOCATION_LIST, NULL);
  parsed = parse_body (self, text, body_length);
  fingerprint = xs_public_key_fingerprint (public_key_text);

  if (parsed && g_strcmp0 (self->fingerprint, fingerprint) != 0)
    {
      g_autofree char *base = xs_safe_text_for_terminal (self->base_name);

      g_set_error (error, XS_REVOCATION_LIST_ERROR, XS_REVOCATION_LIST_ERROR_OTHER_KEY,
                   _("This revocation list was signed by another base (“%s”, key %s), not by the base whose key checks the certificate (key %s). Ask the issuing base for its own list."),
                   base, self->fingerprint, fingerprint);
      return NULL;
    }
  if (sodium_base642bin (signature, sizeof signature, signature_text, signature_length, NULL,
                         &decoded, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0
      || decoded != sizeof signature
      || crypto_sign_verify_detached (signature, (const guint8 *) text, body_length, public) != 0)
    {
      g_set_error (error, XS_REVOCATION_LIST_ERROR, XS_REVOCATION_LIST_ERROR_BAD_SIGNATURE,
                   _("The revocation list’s signature does not match: it was changed after the base signed it, or it comes from another base. Ask the issuing base for the list again."));
      return NULL;
    }
  if (!parsed)
    return set_malformed (error);
  return g_steal_pointer (&self);
}

XsRevocationList *
xs_revocation_list_load (const char  *path,
                         const char  *public_key_text,
                         GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (public_key_text != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream != NULL)
    bytes = g_input_stream_read_bytes (G_INPUT_STREAM (stream), XS_REVOCATION_LIST_MAX_SIZE + 1,
                                       NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The revocation list “%s” cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  if (g_bytes_get_size (bytes) > XS_REVOCATION_LIST_MAX_SIZE)
    return set_malformed (error);
  return xs_revocation_list_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           public_key_text, error);
}

const char *
xs_revocation_list_get_issued_at (XsRevocationList *self)
{
  g_return_val_if_fail (XS_IS_REVOCATION_LIST (self), NULL);
  return self->issued_at;
}

const char *
xs_revocation_list_get_base_name (XsRevocationList *self)
{
  g_return_val_if_fail (XS_IS_REVOCATION_LIST (self), NULL);
  return self->base_name;
}

const char *
xs_revocation_list_get_fingerprint (XsRevocationList *self)
{
  g_return_val_if_fail (XS_IS_REVOCATION_LIST (self), NULL);
  return self->fingerprint;
}

guint
xs_revocation_list_get_n_revoked (XsRevocationList *self)
{
  g_return_val_if_fail (XS_IS_REVOCATION_LIST (self), 0);
  return g_hash_table_size (self->entries);
}

gboolean
xs_revocation_list_lookup (XsRevocationList  *self,
                           const char        *serial,
                           const char       **revoked_at,
                           const char       **reason)
{
  Entry *entry;

  g_return_val_if_fail (XS_IS_REVOCATION_LIST (self), FALSE);
  g_return_val_if_fail (serial != NULL, FALSE);

  entry = g_hash_table_lookup (self->entries, serial);
  if (entry == NULL)
    return FALSE;
  if (revoked_at != NULL)
    *revoked_at = entry->revoked_at;
  if (reason != NULL)
    *reason = entry->reason;
  return TRUE;
}
