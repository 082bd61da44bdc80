/* xs-signing-key.h: this installation's Ed25519 key for certificate QR codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XS_TYPE_SIGNING_KEY (xs_signing_key_get_type ())
G_DECLARE_FINAL_TYPE (XsSigningKey, xs_signing_key, XS, SIGNING_KEY, GObject)

#define XS_SIGNING_KEY_ERROR (xs_signing_key_error_quark ())

typedef enum
{
  XS_SIGNING_KEY_ERROR_MISSING,   /* the key file is not there */
  XS_SIGNING_KEY_ERROR_DAMAGED,   /* it is there but cannot be used */
  XS_SIGNING_KEY_ERROR_FAILED,
} XsSigningKeyError;

GQuark        xs_signing_key_error_quark     (void);

/* The key in @data_dir ("signing-key", readable by the owner only). It is
 * made once, when the base is set up (xs_signing_key_create()): a missing
 * or unreadable key is an error that names the archive to restore it
 * from. Opening a key writes nothing. */
XsSigningKey *xs_signing_key_open            (const char    *data_dir,
                                              GError       **error);
/* Makes a new key in @data_dir when there is none; an existing one is left
 * as it is. Only for setting up a base. */
gboolean      xs_signing_key_create          (const char    *data_dir,
                                              GError       **error);

/* A key kept in the file @path (a reviewer's own key), opened or made. */
XsSigningKey *xs_signing_key_open_file       (const char    *path,
                                              GError       **error);
gboolean      xs_signing_key_create_file     (const char    *path,
                                              GError       **error);

/* Makes a new key for @data_dir; the old public key is kept in
 * "retired-public-keys" (what it signed keeps verifying) and the old secret
 * key beside, dated. */
gboolean      xs_signing_key_rotate          (const char    *data_dir,
                                              GError       **error);
/* Every public key of @data_dir: the current one first, then the retired
 * ones, newest first. */
GStrv         xs_signing_key_list_public_texts (const char  *data_dir,
                                              GError       **error);

/* The detached signature of @message, base64url without padding. */
char         *xs_signing_key_sign            (XsSigningKey  *self,
                                              const char    *message);
/* The same for @length bytes. */
char         *xs_signing_key_sign_data       (XsSigningKey  *self,
                                              const guint8  *message,
                                              gsize          length);
/* The 64-byte detached Ed25519 signature of @length bytes. */
void          xs_signing_key_sign_bytes      (XsSigningKey  *self,
                                              const guint8  *message,
                                              gsize          length,
                                              guint8         signature[64]);
/* "xueshi-ed25519:" and the public key in base64: what a reviewer needs to
 * check this base's certificates. */
const char   *xs_signing_key_get_public_text (XsSigningKey  *self);

/* A public key's fingerprint as people compare it: the first 32 hex digits
 * of the SHA-256 of its text, in groups of four. */
char         *xs_public_key_fingerprint      (const char    *public_key_text);

/* Whether @public_key_text is "xueshi-ed25519:" and 32 bytes in base64. */
gboolean      xs_public_key_is_valid         (const char    *public_key_text);
/* Checks the detached signature (base64url, as xs_signing_key_sign()
 * writes it) of @length bytes. */
gboolean      xs_public_key_verify           (const char    *public_key_text,
                                              const guint8  *message,
                                              gsize          length,
                                              const char    *signature);
/* The public keys in the file @path (export-public-key, reviewer-key
 * export: one a line, the current one first), or an error in words. */
/* The same from the file's bytes; @display_name names it in the error. */
GStrv         xs_public_key_parse            (const char    *data,
                                              gsize          length,
                                              const char    *display_name,
                                              GError       **error);
GStrv         xs_public_key_read_file        (const char    *path,
                                              GError       **error);

G_END_DECLS
