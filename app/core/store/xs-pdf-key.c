/* xs-pdf-key.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-pdf-key"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs7.h>
#include <gnutls/x509.h>
#include <string.h>

#include "xs-data-dir.h"
#include "xs-pdf-key.h"
#include "xs-signing-key-private.h"

#define KEY_FILE "pdf-signing-key"
#define KEY_BITS 2048
/* The certificate's validity: from 2018-01-01, the first year with rules,
 * with no end (RFC 5280's 99991231235959Z), so that it is the same every
 * time it is made. */
#define NOT_BEFORE ((time_t) 1514764800)

struct _XsPdfKey
{
  GObject           parent_instance;

  gnutls_privkey_t  key;
  gnutls_pubkey_t   public_key;
  char             *fingerprint;
};

G_DEFINE_FINAL_TYPE (XsPdfKey, xs_pdf_key, G_TYPE_OBJECT)

static void
xs_pdf_key_finalize (GObject *object)
{
  XsPdfKey *self = XS_PDF_KEY (object);

  if (self->public_key != NULL)
    gnutls_pubkey_deinit (self->public_key);
  if (self->key != NULL)
    gnutls_privkey_deinit (self->key);
  g_free (self->fingerprint);

  G_OBJECT_CLASS (xs_pdf_key_parent_class)->finalize (object);
}

static void
xs_pdf_key_class_init (XsPdfKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_pdf_key_finalize;
}

static void
xs_pdf_key_init (XsPdfKey *self)
{
}

static gboolean
set_gnutls_error (int      code,
                  GError **error)
{
  g_set_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_FAILED,
               _("The PDF could not be signed: %s"), gnutls_strerror (code));
  return FALSE;
}

static char *
fingerprint_of (gnutls_pubkey_t public_key)
{
  gnutls_datum_t der = { NULL, 0 };
  g_autofree char *digest = NULL;

  if (gnutls_pubkey_export2 (public_key, GNUTLS_X509_FMT_DER, &der) < 0)
    return g_strdup ("");
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der.data, der.size);
  gnutls_free (der.data);
  return _xs_key_fingerprint_of_digest (digest);
}

gboolean
xs_pdf_key_exists (const char *data_dir)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  path = g_build_filename (data_dir, KEY_FILE, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

XsPdfKey *
xs_pdf_key_open (const char  *data_dir,
                 GError     **error)
{
  g_autoptr(XsPdfKey) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gnutls_datum_t datum;
  unsigned int bits = 0;
  gsize length = 0;
  int ret;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (XS_TYPE_PDF_KEY, NULL);
  path = g_build_filename (data_dir, KEY_FILE, NULL);
  contents = _xs_key_file_read (path, XS_KEY_FILE_PDF, data_dir, &length, error);
  if (contents == NULL)
    return NULL;

  datum.data = (unsigned char *) contents;
  datum.size = length;
  ret = gnutls_privkey_init (&self->key);
  if (ret >= 0)
    ret = gnutls_privkey_import_x509_raw (self->key, &datum, GNUTLS_X509_FMT_PEM, NULL, 0);
  if (ret >= 0 && gnutls_privkey_get_pk_algorithm (self->key, &bits) != GNUTLS_PK_RSA)
    ret = GNUTLS_E_UNKNOWN_PK_ALGORITHM;
  if (ret >= 0 && bits < KEY_BITS)
    ret = GNUTLS_E_PK_INVALID_PRIVKEY;
  if (ret >= 0)
    ret = gnutls_pubkey_init (&self->public_key);
  if (ret >= 0)
    ret = gnutls_pubkey_import_privkey (self->public_key, self->key, 0, 0);
  if (ret >= 0)
    ret = gnutls_privkey_verify_params (self->key);
  memset (contents, 0, length);
  if (ret < 0)
    {
      _xs_key_file_set_damaged (path, XS_KEY_FILE_PDF, data_dir, error);
      return NULL;
    }
  self->fingerprint = fingerprint_of (self->public_key);
  return g_steal_pointer (&self);
}

gboolean
xs_pdf_key_create (const char  *data_dir,
                   GError     **error)
{
  g_autofree char *path = NULL;
  gnutls_x509_privkey_t key = NULL;
  gnutls_datum_t pem = { NULL, 0 };
  gboolean ok;
  int ret;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  if (!xs_data_dir_ensure (data_dir, error))
    return FALSE;
  path = g_build_filename (data_dir, KEY_FILE, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  ret = gnutls_x509_privkey_init (&key);
  if (ret >= 0)
    ret = gnutls_x509_privkey_generate2 (key, GNUTLS_PK_RSA, KEY_BITS, 0, NULL, 0);
  if (ret >= 0)
    ret = gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL, GNUTLS_PKCS_PLAIN, &pem);
  if (key != NULL)
    gnutls_x509_privkey_deinit (key);
  if (ret < 0)
    {
      g_set_error (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_FAILED,
                   _("The PDF signing key could not be made: %s"), gnutls_strerror (ret));
      return FALSE;
    }
  ok = xs_data_dir_write_private (path, pem.data, pem.size, error);
  memset (pem.data, 0, pem.size);
  gnutls_free (pem.data);
  if (ok)
    g_info ("Created the PDF signing key %s", path);
  return ok;
}

/* The self-signed certificate for @signer_name: every field depends only
 * on the key and the name, so it is the same each time. */
static gnutls_x509_crt_t
make_certificate (XsPdfKey    *self,
                  const char  *signer_name,
                  GError     **error)
{
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t spki = { NULL, 0 };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 serial[32];
  gsize serial_length = sizeof serial;
  guint8 key_id[64];
  size_t key_id_length = sizeof key_id;
  gsize name_length = strlen (signer_name);
  int ret;

  ret = gnutls_pubkey_export2 (self->public_key, GNUTLS_X509_FMT_DER, &spki);
  if (ret < 0)
    {
      set_gnutls_error (ret, error);
      return NULL;
    }
  g_checksum_update (checksum, spki.data, spki.size);
  g_checksum_update (checksum, (const guchar *) "", 1);
  g_checksum_update (checksum, (const guchar *) signer_name, name_length);
  g_checksum_get_digest (checksum, serial, &serial_length);
  gnutls_free (spki.data);
  serial[0] = (serial[0] & 0x7f) | 0x40;   /* positive, 16 bytes */

  ret = gnutls_x509_crt_init (&crt);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_version (crt, 3);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_serial (crt, serial, 16);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_pubkey (crt, self->public_key);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, signer_name, name_length);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, signer_name, name_length);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_issuer_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, signer_name, name_length);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_issuer_dn_by_oid (crt, GNUTLS_OID_X520_ORGANIZATION_NAME, 0, signer_name, name_length);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_activation_time (crt, NOT_BEFORE);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_expiration_time (crt, (time_t) -1);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION);
  if (ret >= 0)
    ret = gnutls_x509_crt_get_key_id (crt, GNUTLS_KEYID_USE_SHA1, key_id, &key_id_length);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_length);
  if (ret >= 0)
    ret = gnutls_x509_crt_privkey_sign (crt, crt, self->key, GNUTLS_DIG_SHA256, 0);
  if (ret < 0)
    {
      if (crt != NULL)
        gnutls_x509_crt_deinit (crt);
      set_gnutls_error (ret, error);
      return NULL;
    }
  return crt;
}

GBytes *
xs_pdf_key_get_certificate (XsPdfKey    *self,
                            const char  *signer_name,
                            GError     **error)
{
  gnutls_x509_crt_t crt;
  gnutls_datum_t der = { NULL, 0 };
  GBytes *bytes;
  int ret;

  g_return_val_if_fail (XS_IS_PDF_KEY (self), NULL);
  g_return_val_if_fail (signer_name != NULL && *signer_name != '\0', NULL);

  if ((crt = make_certificate (self, signer_name, error)) == NULL)
    return NULL;
  ret = gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der);
  gnutls_x509_crt_deinit (crt);
  if (ret < 0)
    {
      set_gnutls_error (ret, error);
      return NULL;
    }
  bytes = g_bytes_new (der.data, der.size);
  gnutls_free (der.data);
  return bytes;
}

GBytes *
xs_pdf_key_sign_detached (XsPdfKey      *self,
                          const char    *signer_name,
                          const guint8  *data,
                          gsize          length,
                          GError       **error)
{
  gnutls_x509_crt_t crt;
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_datum_t content = { (unsigned char *) data, length };
  gnutls_datum_t der = { NULL, 0 };
  GBytes *bytes;
  int ret;

  g_return_val_if_fail (XS_IS_PDF_KEY (self), NULL);
  g_return_val_if_fail (signer_name != NULL && *signer_name != '\0', NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (length <= G_MAXUINT, NULL);

  if ((crt = make_certificate (self, signer_name, error)) == NULL)
    return NULL;
  ret = gnutls_pkcs7_init (&pkcs7);
  if (ret >= 0)
    ret = gnutls_pkcs7_sign (pkcs7, crt, self->key, &content, NULL, NULL, GNUTLS_DIG_SHA256,
                             GNUTLS_PKCS7_INCLUDE_CERT);
  if (ret >= 0)
    ret = gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, &der);
  if (pkcs7 != NULL)
    gnutls_pkcs7_deinit (pkcs7);
  gnutls_x509_crt_deinit (crt);
  if (ret < 0)
    {
      set_gnutls_error (ret, error);
      return NULL;
    }
  bytes = g_bytes_new (der.data, der.size);
  gnutls_free (der.data);
  return bytes;
}

const char *
xs_pdf_key_get_fingerprint (XsPdfKey *self)
{
  g_return_val_if_fail (XS_IS_PDF_KEY (self), NULL);
  return self->fingerprint;
}
