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

#define MAGIC "XS1"
#define PUBLIC_PREFIX "xueshi-ed25519:"
#define SIGNATURE_FIELD ";G="

G_DEFINE_QUARK (xs-certificate-payload-error-quark, xs_certificate_payload_error)

void
xs_certificate_payload_clear (XsCertificatePayload *payload)
{
  g_clear_pointer (&payload->serial, g_free);
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

static char *
format_body (const XsCertificatePayload *payload)
{
  return g_strdup_printf (MAGIC ";S=%s;Y=%d;K=%c;P=%d;C=%d;R=%d;T=%d;H=%s",
                          payload->serial, payload->year,
                          payload->kind == XS_CERTIFICATE_ANNUAL ? 'A' : 'C',
                          payload->public_hours, payload->compulsory,
                          payload->professional, payload->total, payload->holder);
}

char *
xs_certificate_payload_sign (const XsCertificatePayload *payload,
                             XsSigningKey               *key)
{
  g_autofree char *body = NULL;
  g_autofree char *signature = NULL;

  g_return_val_if_fail (payload != NULL && payload->serial != NULL, NULL);
  g_return_val_if_fail (XS_IS_SIGNING_KEY (key), NULL);

  body = format_body (payload);
  signature = xs_signing_key_sign (key, body);
  return g_strconcat (body, SIGNATURE_FIELD, signature, NULL);
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

gboolean
xs_certificate_payload_verify (const char            *text,
                               const char            *public_key_text,
                               XsCertificatePayload  *payload,
                               GError               **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *body = NULL;
  guint8 public[crypto_sign_PUBLICKEYBYTES];
  guint8 signature[crypto_sign_BYTES];
  const char *sig_text;
  const char *key_text;
  gsize length = 0;
  char *sep;

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
    {
      xs_certificate_payload_clear (payload);
      g_set_error (error, XS_CERTIFICATE_PAYLOAD_ERROR, XS_CERTIFICATE_PAYLOAD_ERROR_BAD_SIGNATURE,
                   _("The signature does not match: this certificate was altered, or it was not issued by the base whose key was used."));
      return FALSE;
    }
  return TRUE;
}
