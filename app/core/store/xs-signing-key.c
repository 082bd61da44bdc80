/* xs-signing-key.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-signing-key"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "xs-data-dir.h"
#include "xs-signing-key-private.h"

#define KEY_FILE "signing-key"
#define PUBLIC_PREFIX "xueshi-ed25519:"
#define RETIRED_FILE "retired-public-keys"

struct _XsSigningKey
{
  GObject  parent_instance;

  guint8   secret[crypto_sign_SECRETKEYBYTES];
  char    *public_text;
};

G_DEFINE_FINAL_TYPE (XsSigningKey, xs_signing_key, G_TYPE_OBJECT)

static void
xs_signing_key_finalize (GObject *object)
{
  XsSigningKey *self = XS_SIGNING_KEY (object);

  sodium_memzero (self->secret, sizeof self->secret);
  g_free (self->public_text);

  G_OBJECT_CLASS (xs_signing_key_parent_class)->finalize (object);
}

static void
xs_signing_key_class_init (XsSigningKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_signing_key_finalize;
}

static void
xs_signing_key_init (XsSigningKey *self)
{
}

static gboolean
ensure_sodium (GError **error)
{
  static gsize initialized = 0;
  static int result;

  if (g_once_init_enter (&initialized))
    {
      result = sodium_init ();
      g_once_init_leave (&initialized, 1);
    }
  if (result < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The cryptography library could not start."));
      return FALSE;
    }
  return TRUE;
}

G_DEFINE_QUARK (xs-signing-key-error-quark, xs_signing_key_error)

/* Key files ---------------------------------------------------------------- */

/* The certificate key and the PDF key are read, and refused, the same way:
 * a missing or damaged key is never replaced by a new one, and every
 * message says how to get it back. The messages are whole sentences for
 * each key, so that each translates as one. */

char *
_xs_key_file_describe_remedy (XsKeyFileKind  kind,
                              const char    *data_dir)
{
  g_autofree char *archive = xs_data_dir_get_noted_archive (data_dir);

  if (archive != NULL)
    {
      g_autofree char *display = g_filename_display_name (archive);

      if (kind == XS_KEY_FILE_PDF)
        return g_strdup_printf (_("Restore the base from its archive “%s” (xueshi-cli restore-archive, or Restore from Archive… in the window): a new key would sign the base’s PDFs with a fingerprint other than the one its reviewers compared."),
                                display);
      return g_strdup_printf (_("Restore the base from its archive “%s” (xueshi-cli restore-archive, or Restore from Archive… in the window): certificates already issued can only be checked with the key that signed them."),
                              display);
    }
  if (kind == XS_KEY_FILE_PDF)
    return g_strdup (_("Restore the base from its archive (made by Back Up Everything… or xueshi-cli archive; restore it with xueshi-cli restore-archive, or Restore from Archive… in the window): a new key would sign the base’s PDFs with a fingerprint other than the one its reviewers compared."));
  return g_strdup (_("Restore the base from its archive (made by Back Up Everything… or xueshi-cli archive; restore it with xueshi-cli restore-archive, or Restore from Archive… in the window): certificates already issued can only be checked with the key that signed them."));
}

static char *
remedy_for (XsKeyFileKind  kind,
            const char    *data_dir)
{
  return data_dir != NULL ? _xs_key_file_describe_remedy (kind, data_dir) : g_strdup ("");
}

char *
_xs_key_file_read (const char     *path,
                   XsKeyFileKind   kind,
                   const char     *data_dir,
                   gsize          *length,
                   GError        **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autofree char *remedy = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  if (g_file_get_contents (path, &contents, length, &local_error))
    return g_steal_pointer (&contents);

  display = g_filename_display_name (path);
  remedy = remedy_for (kind, data_dir);
  if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_set_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_MISSING,
                 kind == XS_KEY_FILE_PDF
                 ? _("The PDF signing key “%s” is missing. A new key is never made in its place. %s")
                 : _("The certificate signing key “%s” is missing. A new key is never made in its place. %s"),
                 display, remedy);
  else
    g_set_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_DAMAGED,
                 kind == XS_KEY_FILE_PDF
                 ? _("The PDF signing key “%s” cannot be read (%s). %s")
                 : _("The certificate signing key “%s” cannot be read (%s). %s"),
                 display, local_error->message, remedy);
  return NULL;
}

gboolean
_xs_key_file_set_damaged (const char     *path,
                          XsKeyFileKind   kind,
                          const char     *data_dir,
                          GError        **error)
{
  g_autofree char *display = NULL;
  g_autofree char *remedy = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  remedy = remedy_for (kind, data_dir);
  g_set_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_DAMAGED,
               kind == XS_KEY_FILE_PDF
               ? _("The PDF signing key “%s” is damaged. %s")
               : _("The certificate signing key “%s” is damaged. %s"),
               display, remedy);
  return FALSE;
}

/* Reads the secret key in @path into a new key; @remedy (or NULL) ends
 * the messages. */
static XsSigningKey *
load_key (const char  *path,
          const char  *data_dir,
          GError     **error)
{
  g_autoptr(XsSigningKey) self = NULL;
  g_autofree char *contents = NULL;
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  g_autofree char *encoded = NULL;
  gsize length = 0;

  if (!ensure_sodium (error))
    return NULL;

  self = g_object_new (XS_TYPE_SIGNING_KEY, NULL);
  contents = _xs_key_file_read (path, XS_KEY_FILE_CERTIFICATE, data_dir, &length, error);
  if (contents == NULL)
    return NULL;
  if (length != sizeof self->secret)
    {
      sodium_memzero (contents, length);
      _xs_key_file_set_damaged (path, XS_KEY_FILE_CERTIFICATE, data_dir, error);
      return NULL;
    }
  memcpy (self->secret, contents, length);
  sodium_memzero (contents, length);

  crypto_sign_ed25519_sk_to_pk (public, self->secret);
  encoded = g_base64_encode (public, sizeof public);
  self->public_text = g_strconcat (PUBLIC_PREFIX, encoded, NULL);
  return g_steal_pointer (&self);
}

XsSigningKey *
xs_signing_key_open (const char  *data_dir,
                     GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  path = g_build_filename (data_dir, KEY_FILE, NULL);
  return load_key (path, data_dir, error);
}

XsSigningKey *
xs_signing_key_open_file (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  return load_key (path, NULL, error);
}

gboolean
xs_signing_key_create_file (const char  *path,
                            GError     **error)
{
  g_autofree char *dir = NULL;
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  guint8 secret[crypto_sign_SECRETKEYBYTES];
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  if (!ensure_sodium (error) || !xs_data_dir_ensure (dir, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  crypto_sign_keypair (public, secret);
  ok = xs_data_dir_write_private (path, secret, sizeof secret, error);
  sodium_memzero (secret, sizeof secret);
  return ok;
}

gboolean
xs_signing_key_create (const char  *data_dir,
                       GError     **error)
{
  g_autofree char *path = NULL;
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  guint8 secret[crypto_sign_SECRETKEYBYTES];
  gboolean ok;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  if (!ensure_sodium (error) || !xs_data_dir_ensure (data_dir, error))
    return FALSE;
  path = g_build_filename (data_dir, KEY_FILE, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  crypto_sign_keypair (public, secret);
  ok = xs_data_dir_write_private (path, secret, sizeof secret, error);
  sodium_memzero (secret, sizeof secret);
  if (ok)
    g_info ("Created the certificate signing key %s", path);
  return ok;
}

char *
xs_signing_key_sign (XsSigningKey *self,
                     const char   *message)
{
  guint8 signature[crypto_sign_BYTES];
  char encoded[sodium_base64_ENCODED_LEN (crypto_sign_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  g_return_val_if_fail (XS_IS_SIGNING_KEY (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  crypto_sign_detached (signature, NULL, (const guint8 *) message, strlen (message), self->secret);
  sodium_bin2base64 (encoded, sizeof encoded, signature, sizeof signature,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return g_strdup (encoded);
}

char *
xs_signing_key_sign_data (XsSigningKey *self,
                          const guint8 *message,
                          gsize         length)
{
  guint8 signature[crypto_sign_BYTES];
  char encoded[sodium_base64_ENCODED_LEN (crypto_sign_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  g_return_val_if_fail (XS_IS_SIGNING_KEY (self), NULL);
  g_return_val_if_fail (message != NULL || length == 0, NULL);

  crypto_sign_detached (signature, NULL, message, length, self->secret);
  sodium_bin2base64 (encoded, sizeof encoded, signature, sizeof signature,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return g_strdup (encoded);
}

void
xs_signing_key_sign_bytes (XsSigningKey *self,
                           const guint8 *message,
                           gsize         length,
                           guint8        signature[64])
{
  g_return_if_fail (XS_IS_SIGNING_KEY (self));
  g_return_if_fail (message != NULL || length == 0);

  crypto_sign_detached (signature, NULL, message, length, self->secret);
}

const char *
xs_signing_key_get_public_text (XsSigningKey *self)
{
  g_return_val_if_fail (XS_IS_SIGNING_KEY (self), NULL);
  return self->public_text;
}

char *
xs_public_key_fingerprint (const char *public_key_text)
{
  g_autofree char *digest = NULL;

  g_return_val_if_fail (public_key_text != NULL, NULL);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, public_key_text, -1);
  return _xs_key_fingerprint_of_digest (digest);
}

char *
_xs_key_fingerprint_of_digest (const char *digest)
{
  GString *text;

  g_return_val_if_fail (digest != NULL && strlen (digest) >= 32, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < 32; i += 4)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_len (text, digest + i, 4);
    }
  return g_string_free (text, FALSE);
}

/* Retired keys ------------------------------------------------------------- */

static char *
retired_path (const char *data_dir)
{
  return g_build_filename (data_dir, RETIRED_FILE, NULL);
}

gboolean
xs_signing_key_rotate (const char  *data_dir,
                       GError     **error)
{
  g_autoptr(XsSigningKey) old = NULL;
  g_autofree char *path = NULL;
  g_autofree char *retired = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  guint8 secret[crypto_sign_SECRETKEYBYTES];
  gboolean ok;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  old = xs_signing_key_open (data_dir, error);
  if (old == NULL)
    return FALSE;
  retired = retired_path (data_dir);
  if (!g_file_get_contents (retired, &kept, NULL, NULL))
    kept = g_strdup ("");
  /* the old public key first: what it signed keeps verifying */
  text = g_strconcat (kept, old->public_text, "\n", NULL);
  if (!xs_data_dir_write_private (retired, text, strlen (text), error))
    return FALSE;

  /* the old secret beside it, dated, for an archive; never used again */
  path = g_build_filename (data_dir, KEY_FILE, NULL);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");

    saved = g_strdup_printf ("%s.retired-%s", path, stamp);
  }
  if (!xs_data_dir_write_private (saved, old->secret, sizeof old->secret, error))
    return FALSE;

  crypto_sign_keypair (public, secret);
  ok = xs_data_dir_write_private (path, secret, sizeof secret, error);
  sodium_memzero (secret, sizeof secret);
  if (ok)
    g_info ("Rotated the certificate signing key in %s", data_dir);
  return ok;
}

GStrv
xs_signing_key_list_public_texts (const char  *data_dir,
                                  GError     **error)
{
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *retired = NULL;
  g_autofree char *kept = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  key = xs_signing_key_open (data_dir, error);
  if (key == NULL)
    return NULL;
  g_strv_builder_add (builder, key->public_text);
  retired = retired_path (data_dir);
  if (g_file_get_contents (retired, &kept, NULL, NULL))
    {
      lines = g_strsplit (kept, "\n", -1);
      /* newest retired first */
      for (guint i = g_strv_length (lines); i > 0; i--)
        if (xs_public_key_is_valid (lines[i - 1]))
          g_strv_builder_add (builder, lines[i - 1]);
    }
  return g_strv_builder_end (builder);
}

/* Public keys -------------------------------------------------------------- */

static gboolean
decode_public (const char *text,
               guint8      public[crypto_sign_PUBLICKEYBYTES])
{
  g_autofree guint8 *decoded = NULL;
  gsize length = 0;

  if (text == NULL || !g_str_has_prefix (text, PUBLIC_PREFIX)
      || strlen (text) != strlen (PUBLIC_PREFIX) + 44)
    return FALSE;
  for (const char *p = text + strlen (PUBLIC_PREFIX); *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return FALSE;
  decoded = g_base64_decode (text + strlen (PUBLIC_PREFIX), &length);
  if (length != crypto_sign_PUBLICKEYBYTES)
    return FALSE;
  memcpy (public, decoded, length);
  return TRUE;
}

gboolean
xs_public_key_is_valid (const char *public_key_text)
{
  guint8 public[crypto_sign_PUBLICKEYBYTES];

  return decode_public (public_key_text, public);
}

gboolean
xs_public_key_verify (const char   *public_key_text,
                      const guint8 *message,
                      gsize         length,
                      const char   *signature)
{
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  guint8 binary[crypto_sign_BYTES];
  gsize decoded = 0;

  g_return_val_if_fail (message != NULL || length == 0, FALSE);

  if (signature == NULL || !ensure_sodium (NULL) || !decode_public (public_key_text, public))
    return FALSE;
  if (sodium_base642bin (binary, sizeof binary, signature, strlen (signature), NULL, &decoded,
                         NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0
      || decoded != sizeof binary)
    return FALSE;
  return crypto_sign_verify_detached (binary, message, length, public) == 0;
}

GStrv
xs_public_key_parse (const char  *data,
                     gsize        length,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length < 64 * 1024 && memchr (data, '\0', length) == NULL)
    {
      g_autofree char *text = g_strndup (data, length);

      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (xs_public_key_is_valid (lines[i]))
            {
              g_strv_builder_add (builder, lines[i]);
              n++;
            }
          else if (lines[i][0] != '\0')
            {
              n = 0;
              break;
            }
        }
    }
  if (n == 0)
    {
      g_set_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_DAMAGED,
                   _("“%s” is not a public key of Xueshi. Ask for the file that “xueshi-cli export-public-key” or “xueshi-cli reviewer-key export” writes."),
                   display_name);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GStrv
xs_public_key_read_file (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return xs_public_key_parse (contents, length, display, error);
}
