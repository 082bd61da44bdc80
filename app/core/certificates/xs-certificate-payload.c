/* xs-certificate-payload.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificate-payload"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "xs-certificate-payload.h"
#include "xs-certificate-store-private.h"
#include "xs-id-number.h"

#define MAGIC "XS1"
#define MAGIC2 "XS2:"
#define SIGNED_PREFIX2 "XS2"
#define FLAG_COMPLETION 1
#define FLAG_WHOLE_ID 2
#define CHUNK 7                 /* bytes in 17 digits */
#define CHUNK_DIGITS 17
#define MAX_BINARY 1024
#define PUBLIC_PREFIX "xueshi-ed25519:"
#define SIGNATURE_FIELD ";G="

G_DEFINE_QUARK (xs-certificate-payload-error-quark, xs_certificate_payload_error)

void
xs_certificate_payload_clear (XsCertificatePayload *payload)
{
  g_clear_pointer (&payload->serial, g_free);
  g_clear_pointer (&payload->id_text, g_free);
  g_clear_pointer (&payload->name, g_free);
}

void
xs_certificate_payload_set_holder (XsCertificatePayload *payload,
                                   const char           *id_number,
                                   const char           *name,
                                   gboolean              whole_id_number)
{
  g_return_if_fail (payload != NULL && id_number != NULL && name != NULL);

  g_free (payload->id_text);
  g_free (payload->name);
  payload->id_text = whole_id_number ? g_strdup (id_number) : xs_id_number_mask (id_number);
  payload->name = g_strdup (name);
}

/* Version 2: bytes */

static void
put_uint (GByteArray *out,
          guint64     value)
{
  do
    {
      guint8 byte = value & 0x7f;

      value >>= 7;
      if (value != 0)
        byte |= 0x80;
      g_byte_array_append (out, &byte, 1);
    }
  while (value != 0);
}

static gboolean
get_uint (const guint8 **p,
          const guint8  *end,
          guint64        max,
          guint64       *value)
{
  guint64 v = 0;

  for (guint shift = 0; shift < 63; shift += 7)
    {
      guint8 byte;

      if (*p >= end)
        return FALSE;
      byte = *(*p)++;
      v |= (guint64) (byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        {
          /* one encoding only: no trailing zero groups */
          if (byte == 0 && shift > 0)
            return FALSE;
          if (v > max)
            return FALSE;
          *value = v;
          return TRUE;
        }
    }
  return FALSE;
}

static guint64
digits_value (const char *text,
              guint       n)
{
  guint64 v = 0;

  for (guint i = 0; i < n; i++)
    v = v * 10 + (guint64) (text[i] - '0');
  return v;
}

static guint
check_value (char c)
{
  return c == 'X' ? 10 : (guint) (c - '0');
}

static gboolean
all_digits (const char *text,
            gsize       n)
{
  return strspn (text, "0123456789") >= n;
}

/* The identity number as printed: 6 digits, 8 stars, 3 digits and a check
 * character; or 17 digits and a check character. */
static gboolean
put_id (GByteArray *out,
        const char *id_text)
{
  gsize length = strlen (id_text);
  char check = id_text[length ? length - 1 : 0];

  if (length != 18 || !(g_ascii_isdigit (check) || check == 'X'))
    return FALSE;
  if (all_digits (id_text, 17))
    {
      put_uint (out, digits_value (id_text, 17));
      g_byte_array_append (out, (const guint8[]) { check_value (check) }, 1);
      return TRUE;
    }
  if (!all_digits (id_text, 6) || strncmp (id_text + 6, "********", 8) != 0
      || !all_digits (id_text + 14, 3))
    return FALSE;
  put_uint (out, digits_value (id_text, 6));
  put_uint (out, digits_value (id_text + 14, 3) * 11 + check_value (check));
  return TRUE;
}

static char
check_char (guint64 value)
{
  return value == 10 ? 'X' : (char) ('0' + value);
}

static char *
get_id (const guint8 **p,
        const guint8  *end,
        gboolean       whole)
{
  guint64 first, last;

  if (whole)
    {
      if (!get_uint (p, end, G_GUINT64_CONSTANT (99999999999999999), &first) || *p >= end || **p > 10)
        return NULL;
      last = *(*p)++;
      return g_strdup_printf ("%017" G_GUINT64_FORMAT "%c", first, check_char (last));
    }
  if (!get_uint (p, end, 999999, &first) || !get_uint (p, end, 999 * 11 + 10, &last))
    return NULL;
  return g_strdup_printf ("%06" G_GUINT64_FORMAT "********%03" G_GUINT64_FORMAT "%c",
                          first, last / 11, check_char (last % 11));
}

/* The signed fields of version 2, or NULL when @payload cannot be written. */
static GByteArray *
body2 (const XsCertificatePayload *payload)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree char *again = NULL;
  guint8 flags = payload->kind == XS_CERTIFICATE_COMPLETION ? FLAG_COMPLETION : 0;
  guint64 number;
  char *end = NULL;

  /* the serial is the year, the kind and a number */
  if (strlen (payload->serial) < 9)
    return NULL;
  number = g_ascii_strtoull (payload->serial + 8, &end, 10);
  again = _xs_certificate_store_format_serial (payload->kind, payload->year, (int) number);
  if (g_strcmp0 (again, payload->serial) != 0 || payload->year < 0 || payload->year > 0xffff)
    return NULL;

  if (payload->id_text == NULL || payload->name == NULL)
    return NULL;
  if (strlen (payload->id_text) == 18 && all_digits (payload->id_text, 17))
    flags |= FLAG_WHOLE_ID;
  g_byte_array_append (out, &flags, 1);
  g_byte_array_append (out, (const guint8[]) { payload->year >> 8, payload->year & 0xff }, 2);
  put_uint (out, number);
  put_uint (out, (guint64) payload->public_hours);
  put_uint (out, (guint64) payload->compulsory);
  put_uint (out, (guint64) payload->professional);
  put_uint (out, (guint64) payload->total);
  if (!put_id (out, payload->id_text))
    return NULL;
  g_byte_array_append (out, (const guint8 *) payload->name, strlen (payload->name));
  return g_steal_pointer (&out);
}

static const guint8 run_digits[CHUNK + 1] = { 0, 3, 5, 8, 10, 13, 15, 17 };

static void
append_digits (GString      *text,
               const guint8 *data,
               gsize         length)
{
  for (gsize at = 0; at < length; at += CHUNK)
    {
      gsize n = MIN (CHUNK, length - at);
      guint64 v = 0;

      for (gsize i = 0; i < n; i++)
        v = (v << 8) | data[at + i];
      g_string_append_printf (text, "%0*" G_GUINT64_FORMAT, run_digits[n], v);
    }
}

static GByteArray *
parse_digits (const char *text)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize length = strlen (text);

  if (strspn (text, "0123456789") != length || length > MAX_BINARY * 3)
    return NULL;
  while (length > 0)
    {
      gsize take = MIN (CHUNK_DIGITS, length);
      guint n = 0;
      guint64 v;

      while (n <= CHUNK && run_digits[n] != take)
        n++;
      if (n > CHUNK)
        return NULL;
      v = digits_value (text, take);
      if (n < 8 && v >> (8 * n) != 0)
        return NULL;
      for (guint i = 0; i < n; i++)
        g_byte_array_append (out, (const guint8[]) { (v >> (8 * (n - 1 - i))) & 0xff }, 1);
      text += take;
      length -= take;
    }
  return g_steal_pointer (&out);
}

static GBytes *
signed_message (const guint8 *body,
                gsize         length)
{
  g_autoptr(GByteArray) message = g_byte_array_new ();

  g_byte_array_append (message, (const guint8 *) SIGNED_PREFIX2, strlen (SIGNED_PREFIX2));
  g_byte_array_append (message, body, length);
  return g_byte_array_free_to_bytes (g_steal_pointer (&message));
}

void
xs_certificate_holder_digest (const char *id_number,
                              const char *name,
                              char        digest[13])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, (const guchar *) id_number, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) name, -1);
  memcpy (digest, g_checksum_get_string (checksum), 12);
  digest[12] = '\0';
}

char *
xs_certificate_payload_sign (const XsCertificatePayload *payload,
                             XsSigningKey               *key)
{
  g_autoptr(GByteArray) body = NULL;
  g_autoptr(GBytes) message = NULL;
  guint8 signature[crypto_sign_BYTES];
  GString *text;

  g_return_val_if_fail (payload != NULL && payload->serial != NULL, NULL);
  g_return_val_if_fail (payload->name != NULL && payload->id_text != NULL, NULL);
  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), NULL);

  body = body2 (payload);
  g_return_val_if_fail (body != NULL, NULL);
  message = signed_message (body->data, body->len);
  xs_signing_key_sign_bytes (key, g_bytes_get_data (message, NULL), g_bytes_get_size (message), signature);
  g_byte_array_append (body, signature, sizeof signature);

  text = g_string_new (MAGIC2);
  append_digits (text, body->data, body->len);
  return g_string_free (text, FALSE);
}

static gboolean
malformed (GError **error)
{
  g_set_error (error, XS_CERTIFICATE_PAYLOAD_ERROR, XS_CERTIFICATE_PAYLOAD_ERROR_MALFORMED,
               _("This is not the QR code of a Xueshi certificate, or it was read incompletely. Scan it again."));
  return FALSE;
}

static gboolean
parse_int (const char *text,
           int         max,
           int        *value)
{
  guint64 v;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &v, NULL))
    return FALSE;
  *value = (int) v;
  return TRUE;
}

/* Reads "KEY=value" fields in the order the format fixes. */
static gboolean
parse_body (const char           *body,
            XsCertificatePayload *payload)
{
  static const char keys[] = "SYKPCRTH";
  g_auto(GStrv) fields = g_strsplit (body, ";", -1);
  const char *kind;

  if (g_strv_length (fields) != 1 + strlen (keys) || strcmp (fields[0], MAGIC) != 0)
    return FALSE;
  for (guint i = 0; keys[i]; i++)
    if (fields[i + 1][0] != keys[i] || fields[i + 1][1] != '=')
      return FALSE;

  kind = fields[3] + 2;
  if (strcmp (kind, "A") != 0 && strcmp (kind, "C") != 0)
    return FALSE;
  if (fields[1][2] == '\0' || strlen (fields[8] + 2) != 12
      || strspn (fields[8] + 2, "0123456789abcdef") != 12)
    return FALSE;
  if (!parse_int (fields[2] + 2, 9999, &payload->year)
      || !parse_int (fields[4] + 2, 100000, &payload->public_hours)
      || !parse_int (fields[5] + 2, 100000, &payload->compulsory)
      || !parse_int (fields[6] + 2, 100000, &payload->professional)
      || !parse_int (fields[7] + 2, 100000, &payload->total))
    return FALSE;

  payload->kind = kind[0] == 'A' ? XS_CERTIFICATE_ANNUAL : XS_CERTIFICATE_COMPLETION;
  payload->serial = g_strdup (fields[1] + 2);
  memcpy (payload->holder, fields[8] + 2, 13);
  return TRUE;
}

static gboolean
bad_signature (XsCertificatePayload  *payload,
               GError               **error)
{
  xs_certificate_payload_clear (payload);
  g_set_error (error, XS_CERTIFICATE_PAYLOAD_ERROR, XS_CERTIFICATE_PAYLOAD_ERROR_BAD_SIGNATURE,
               _("The signature does not match: this certificate was altered, or it was not issued by the base whose key was used."));
  return FALSE;
}

static gboolean
verify_v1 (const char            *trimmed,
           const guint8          *public,
           XsCertificatePayload  *payload,
           GError               **error)
{
  g_autofree char *body = NULL;
  guint8 signature[crypto_sign_BYTES];
  const char *sig_text;
  const char *sep;
  gsize length = 0;

  sep = strstr (trimmed, SIGNATURE_FIELD);
  if (sep == NULL)
    return malformed (error);
  body = g_strndup (trimmed, sep - trimmed);
  sig_text = sep + strlen (SIGNATURE_FIELD);
  if (sodium_base642bin (signature, sizeof signature, sig_text, strlen (sig_text), NULL,
                         &length, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0
      || length != sizeof signature
      || !parse_body (body, payload))
    {
      xs_certificate_payload_clear (payload);
      return malformed (error);
    }
  if (crypto_sign_verify_detached (signature, (const guint8 *) body, strlen (body), public) != 0)
    return bad_signature (payload, error);
  payload->version = 1;
  return TRUE;
}

static gboolean
parse_body2 (const guint8         *data,
             gsize                 length,
             XsCertificatePayload *payload)
{
  const guint8 *p = data + 3, *end = data + length;
  guint64 number, hours[4];
  guint8 flags;

  if (length < 3)
    return FALSE;
  flags = data[0];
  if ((flags & ~(FLAG_COMPLETION | FLAG_WHOLE_ID)) != 0)
    return FALSE;
  payload->kind = (flags & FLAG_COMPLETION) ? XS_CERTIFICATE_COMPLETION : XS_CERTIFICATE_ANNUAL;
  payload->year = (data[1] << 8) | data[2];
  if (payload->year > 9999 || !get_uint (&p, end, 999999, &number))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!get_uint (&p, end, 100000, &hours[i]))
      return FALSE;
  payload->public_hours = (int) hours[0];
  payload->compulsory = (int) hours[1];
  payload->professional = (int) hours[2];
  payload->total = (int) hours[3];
  if ((payload->id_text = get_id (&p, end, (flags & FLAG_WHOLE_ID) != 0)) == NULL)
    return FALSE;
  if (p == end || !g_utf8_validate ((const char *) p, end - p, NULL) || memchr (p, 0, end - p) != NULL)
    return FALSE;
  payload->name = g_strndup ((const char *) p, end - p);
  payload->serial = _xs_certificate_store_format_serial (payload->kind, payload->year, (int) number);
  return TRUE;
}

static gboolean
verify_v2 (const char            *trimmed,
           const guint8          *public,
           XsCertificatePayload  *payload,
           GError               **error)
{
  g_autoptr(GByteArray) data = parse_digits (trimmed + strlen (MAGIC2));
  g_autoptr(GBytes) message = NULL;
  gsize body_length;

  if (data == NULL || data->len <= crypto_sign_BYTES)
    return malformed (error);
  body_length = data->len - crypto_sign_BYTES;
  if (!parse_body2 (data->data, body_length, payload))
    {
      xs_certificate_payload_clear (payload);
      return malformed (error);
    }
  message = signed_message (data->data, body_length);
  if (crypto_sign_verify_detached (data->data + body_length, g_bytes_get_data (message, NULL),
                                   g_bytes_get_size (message), public) != 0)
    return bad_signature (payload, error);
  payload->version = 2;
  return TRUE;
}

gboolean
xs_certificate_payload_verify (const char            *text,
                               const char            *public_key_text,
                               XsCertificatePayload  *payload,
                               GError               **error)
{
  g_autofree char *trimmed = NULL;
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  const char *key_text;
  gsize length = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (public_key_text != NULL, FALSE);
  g_return_val_if_fail (payload != NULL, FALSE);

  memset (payload, 0, sizeof *payload);

  key_text = g_str_has_prefix (public_key_text, PUBLIC_PREFIX)
             ? public_key_text + strlen (PUBLIC_PREFIX) : NULL;
  if (key_text == NULL
      || sodium_init () < 0
      || sodium_base642bin (public, sizeof public, key_text, strlen (key_text), " \n\r",
                            &length, NULL, sodium_base64_VARIANT_ORIGINAL) != 0
      || length != sizeof public)
    {
      g_set_error (error, XS_CERTIFICATE_PAYLOAD_ERROR, XS_CERTIFICATE_PAYLOAD_ERROR_BAD_KEY,
                   _("The public key is not a Xueshi certificate key. Ask the base for the file “xueshi-cli export-public-key” writes."));
      return FALSE;
    }

  trimmed = g_strstrip (g_strdup (text));
  if (g_str_has_prefix (trimmed, MAGIC2))
    return verify_v2 (trimmed, public, payload, error);
  if (g_str_has_prefix (trimmed, MAGIC ";"))
    return verify_v1 (trimmed, public, payload, error);
  return malformed (error);
}

static char *
normalized_name (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  return g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
}

gboolean
xs_certificate_payload_check_holder (const XsCertificatePayload *payload,
                                     const char                 *id_number,
                                     const char                 *name)
{
  g_autofree char *normalized = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *given_name = NULL;
  g_autofree char *payload_name = NULL;

  g_return_val_if_fail (payload != NULL, FALSE);
  g_return_val_if_fail (id_number != NULL && name != NULL, FALSE);

  normalized = xs_id_number_normalize (id_number, NULL);
  if (payload->version == 1)
    {
      char digest[13];

      xs_certificate_holder_digest (normalized ? normalized : id_number, name, digest);
      return strcmp (digest, payload->holder) == 0;
    }

  if (normalized == NULL || payload->id_text == NULL || payload->name == NULL)
    return FALSE;
  /* Only what the page prints: the mask hides the same digits of every
   * candidate number, so each one gets the same answer. */
  printed = strchr (payload->id_text, '*') != NULL ? xs_id_number_mask (normalized) : g_strdup (normalized);
  given_name = normalized_name (name);
  payload_name = normalized_name (payload->name);
  return given_name != NULL && payload_name != NULL
         && strcmp (printed, payload->id_text) == 0 && strcmp (given_name, payload_name) == 0;
}
