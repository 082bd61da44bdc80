/* xs-archive-private.h: the archive's format, shared by writing and
 * restoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HEADER (64 bytes): "XSARCHV1", the Argon2id salt (16), opslimit and
 * memlimit (little-endian 64-bit), the secretstream header (24). Then
 * chunks: a little-endian 32-bit length and that many bytes of
 * secretstream ciphertext of at most ARCHIVE_CHUNK plaintext bytes; the
 * first is empty and bound to HEADER as additional data (it checks the
 * passphrase), the last carries the FINAL
 * tag and nothing may follow it. The plaintext is a sequence of entries:
 * 'F', a big-endian 16-bit name length, the name, a big-endian 64-bit size
 * and the contents; and 'Z' ends it.
 */
#pragma once

#include <sodium.h>

#include "xs-archive.h"

G_BEGIN_DECLS

#define ARCHIVE_MAGIC "XSARCHV1"
#define ARCHIVE_MAGIC_LEN 8
#define ARCHIVE_HEADER_LEN (ARCHIVE_MAGIC_LEN + crypto_pwhash_SALTBYTES + 8 + 8 \
                            + crypto_secretstream_xchacha20poly1305_HEADERBYTES)
#define ARCHIVE_CHUNK (64 * 1024)
#define ARCHIVE_ENTRY_FILE 'F'
#define ARCHIVE_ENTRY_END 'Z'

/* The names inside an archive. */
#define ARCHIVE_DB "xueshi.db"
#define ARCHIVE_KEY "signing-key"
#define ARCHIVE_PDF_KEY "pdf-signing-key"   /* not in archives of earlier versions */
#define ARCHIVE_SETTINGS "settings.ini"
#define ARCHIVE_SEAL "seal.png"
#define ARCHIVE_EVIDENCE "evidence"

/* The settings an archive carries: the base's, not the window's size. */
extern const char * const _xs_archive_setting_keys[];

gboolean _xs_archive_init (GError **error);
/* Derives the stream key from @passphrase; FALSE when out of memory. */
gboolean _xs_archive_derive_key (guint8       key[crypto_secretstream_xchacha20poly1305_KEYBYTES],
                                 const char  *passphrase,
                                 const guint8 salt[crypto_pwhash_SALTBYTES],
                                 guint64      opslimit,
                                 guint64      memlimit,
                                 GError     **error);
/* "evidence/ab/<62 hex>", ARCHIVE_DB, …: a name restoring accepts. */
gboolean _xs_archive_name_is_valid (const char *name);

G_END_DECLS
