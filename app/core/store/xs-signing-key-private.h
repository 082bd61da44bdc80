/* xs-signing-key-private.h: what the certificate and PDF signing keys share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-signing-key.h"

G_BEGIN_DECLS

/* Which of the base's secret keys a file holds: the messages name it. */
typedef enum
{
  XS_KEY_FILE_CERTIFICATE,
  XS_KEY_FILE_PDF,
} XsKeyFileKind;

/* What to do about a lost or damaged key of @kind: restore the archive,
 * named when one was written from the base in @data_dir. */
char     *_xs_key_file_describe_remedy (XsKeyFileKind   kind,
                                        const char     *data_dir);
/* The contents of the key file @path (@length bytes; zero them when done),
 * or NULL with XS_SIGNING_KEY_ERROR_MISSING or _DAMAGED in @error, ended
 * with the remedy for @data_dir (none when @data_dir is NULL). */
char     *_xs_key_file_read            (const char     *path,
                                        XsKeyFileKind   kind,
                                        const char     *data_dir,
                                        gsize          *length,
                                        GError        **error);
/* Sets XS_SIGNING_KEY_ERROR_DAMAGED for the key file @path, which was read
 * but holds no key of @kind; returns FALSE. */
gboolean  _xs_key_file_set_damaged     (const char     *path,
                                        XsKeyFileKind   kind,
                                        const char     *data_dir,
                                        GError        **error);
/* A key's fingerprint for people to compare: the first 32 hex digits of
 * its SHA-256 @digest, in groups of four. */
char     *_xs_key_fingerprint_of_digest (const char     *digest);

G_END_DECLS
