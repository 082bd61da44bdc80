/* xs-pdf-key.h: the base's key for signing certificate PDFs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XS_TYPE_PDF_KEY (xs_pdf_key_get_type ())
G_DECLARE_FINAL_TYPE (XsPdfKey, xs_pdf_key, XS, PDF_KEY, GObject)

/* The key in @data_dir ("pdf-signing-key", an RSA-2048 private key in PEM,
 * readable by the owner only). Errors are XS_SIGNING_KEY_ERROR's: a missing
 * or unreadable key names the archive to restore it from, and opening a key
 * writes nothing. */
XsPdfKey *xs_pdf_key_open            (const char    *data_dir,
                                      GError       **error);
/* Makes a new key in @data_dir when there is none; an existing one is left
 * as it is. Only for setting up a base. */
gboolean  xs_pdf_key_create          (const char    *data_dir,
                                      GError       **error);
/* Whether @data_dir holds a key file at all, usable or not. */
gboolean  xs_pdf_key_exists          (const char    *data_dir);

/* The DER of a detached CMS SignedData (PKCS #7, SHA-256, RSA PKCS #1
 * v1.5) over @data, with the self-signed X.509 certificate of this key for
 * @signer_name (its subject's CN and O) included. No signing time: the
 * same data, key and name always give the same bytes. */
GBytes   *xs_pdf_key_sign_detached   (XsPdfKey      *self,
                                      const char    *signer_name,
                                      const guint8  *data,
                                      gsize          length,
                                      GError       **error);
/* The certificate xs_pdf_key_sign_detached() includes for @signer_name,
 * as DER. */
GBytes   *xs_pdf_key_get_certificate (XsPdfKey      *self,
                                      const char    *signer_name,
                                      GError       **error);
/* The first 32 hex digits of the SHA-256 of the public key
 * (SubjectPublicKeyInfo, DER), in groups of four: the same whatever name
 * the certificate carries. */
const char *xs_pdf_key_get_fingerprint (XsPdfKey    *self);

G_END_DECLS
