/* xs-revocation-list.h: the base's signed list of revoked certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file anyone may hold: JSON naming the base, the fingerprint of its
 * signing key, when the list was made and each revoked certificate
 * (serial, when, why), followed by one line
 *
 *   signature: <Ed25519 signature of every byte before this line, base64url>
 *
 * A reviewer checks it with the base's public key, the same key that
 * checks the certificates' QR codes: a list changed by one byte, or signed
 * by another base, is refused.
 */
#pragma once

#include "xs-db.h"
#include "xs-signing-key.h"

G_BEGIN_DECLS

#define XS_REVOCATION_LIST_ERROR (xs_revocation_list_error_quark ())
GQuark xs_revocation_list_error_quark (void);

typedef enum
{
  XS_REVOCATION_LIST_ERROR_MALFORMED,      /* not a revocation list, or damaged */
  XS_REVOCATION_LIST_ERROR_OTHER_KEY,      /* signed by another base */
  XS_REVOCATION_LIST_ERROR_BAD_SIGNATURE,  /* altered since it was signed */
} XsRevocationListError;

/* The largest list read: far more than any base revokes. */
#define XS_REVOCATION_LIST_MAX_SIZE (16 * 1024 * 1024)

#define XS_TYPE_REVOCATION_LIST (xs_revocation_list_get_type ())
G_DECLARE_FINAL_TYPE (XsRevocationList, xs_revocation_list, XS, REVOCATION_LIST, GObject)


/* The signed text of the list of every certificate revoked in @db. */
char             *xs_revocation_list_build        (XsDb              *db,
                                                   XsSigningKey      *key,
                                                   guint             *n_revoked,
                                                   GError           **error);
/* Builds the list and writes it to @path (xs_output: never inside a data
 * folder, readable by anyone). */
gboolean          xs_revocation_list_write        (XsDb              *db,
                                                   XsSigningKey      *key,
                                                   const char        *path,
                                                   guint             *n_revoked,
                                                   GError           **error);

/* Reads a list and checks its signature against @public_key_text. Blocks
 * on disk. */
XsRevocationList *xs_revocation_list_load         (const char        *path,
                                                   const char        *public_key_text,
                                                   GError           **error);
XsRevocationList *xs_revocation_list_new_from_data (const char       *data,
                                                   gsize              length,
                                                   const char        *public_key_text,
                                                   GError           **error);

/* When the list was made (UTC ISO 8601), and by which base. */
const char       *xs_revocation_list_get_issued_at   (XsRevocationList *self);
const char       *xs_revocation_list_get_base_name   (XsRevocationList *self);
const char       *xs_revocation_list_get_fingerprint (XsRevocationList *self);
guint             xs_revocation_list_get_n_revoked   (XsRevocationList *self);
/* Whether @serial is on the list; its date and reason when it is. */
gboolean          xs_revocation_list_lookup          (XsRevocationList *self,
                                                      const char       *serial,
                                                      const char      **revoked_at,
                                                      const char      **reason);

G_END_DECLS
