/* xs-signing-key.h: this installation's Ed25519 key for certificate QR codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XS_TYPE_SIGNING_KEY (xs_signing_key_get_type ())
G_DECLARE_FINAL_TYPE (XsSigningKey, xs_signing_key, XS, SIGNING_KEY, GObject)

/* The key in @data_dir ("signing-key", readable by the owner only), created
 * on first use. */
XsSigningKey *xs_signing_key_open            (const char    *data_dir,
                                              GError       **error);
/* The detached signature of @message, base64url without padding. */
char         *xs_signing_key_sign            (XsSigningKey  *self,
                                              const char    *message);
/* The 64-byte detached Ed25519 signature of @length bytes. */
void          xs_signing_key_sign_bytes      (XsSigningKey  *self,
                                              const guint8  *message,
                                              gsize          length,
                                              guint8         signature[64]);
/* "xueshi-ed25519:" and the public key in base64: what a reviewer needs to
 * check this base's certificates. */
const char   *xs_signing_key_get_public_text (XsSigningKey  *self);

G_END_DECLS
