/* xs-archive.h: the whole base in one encrypted file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An archive holds the database (a consistent copy), every evidence file,
 * the certificate signing key, the seal image and the base's settings,
 * encrypted with a passphrase (Argon2id, then XChaCha20-Poly1305 in
 * chunks): how a base moves to a new desk or survives a dead disk.
 */
#pragma once

#include <gio/gio.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_ARCHIVE_ERROR (xs_archive_error_quark ())

typedef enum
{
  XS_ARCHIVE_ERROR_PASSPHRASE,      /* wrong passphrase (or a changed header) */
  XS_ARCHIVE_ERROR_NOT_ARCHIVE,     /* not a Xueshi archive at all */
  XS_ARCHIVE_ERROR_DAMAGED,         /* truncated, altered or damaged */
  XS_ARCHIVE_ERROR_NOT_EMPTY,       /* the data folder already holds a base */
  XS_ARCHIVE_ERROR_WEAK_PASSPHRASE, /* too short to protect the data */
  XS_ARCHIVE_ERROR_FAILED,          /* reading or writing failed */
} XsArchiveError;

/* The shortest passphrase an archive accepts, in characters. */
#define XS_ARCHIVE_MIN_PASSPHRASE 8

/* Called from the worker with the share done, 0 … 1. */
typedef void (*XsArchiveProgress) (double   fraction,
                                   gpointer user_data);

GQuark    xs_archive_error_quark (void);

/* Writes the archive of @db's base to @path: a temporary file beside it,
 * mode 0600, moved in place when complete (an earlier file at @path stays
 * as it was until then). @settings (the application's, or NULL) gives the
 * base's settings. Runs for long: call it in a worker. */
gboolean  xs_archive_write       (XsDb               *db,
                                  GSettings          *settings,
                                  const char         *path,
                                  const char         *passphrase,
                                  XsArchiveProgress   progress,
                                  gpointer            user_data,
                                  GCancellable       *cancellable,
                                  GError            **error);
/* Gives back the base archived in @path in @data_dir (as for
 * xs_data_dir_resolve()), which must hold no base yet (no database, or one
 * with nothing recorded, as a first start leaves it). The whole archive is
 * decrypted and checked before anything in @data_dir changes: a wrong
 * passphrase, a truncated or altered archive changes nothing. @settings
 * receives the base's settings (NULL: not restored). No Xueshi may have
 * the database open. */
gboolean  xs_archive_restore     (const char         *data_dir,
                                  GSettings          *settings,
                                  const char         *path,
                                  const char         *passphrase,
                                  XsArchiveProgress   progress,
                                  gpointer            user_data,
                                  GCancellable       *cancellable,
                                  GError            **error);

G_END_DECLS
