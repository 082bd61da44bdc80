/* xs-evidence.h: scans that prove a claim, stored by content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_EVIDENCE_ERROR (xs_evidence_error_quark ())

typedef enum
{
  XS_EVIDENCE_ERROR_READ,
  XS_EVIDENCE_ERROR_EMPTY,
  XS_EVIDENCE_ERROR_TOO_LARGE,
  XS_EVIDENCE_ERROR_TYPE,        /* not a PDF, JPEG or PNG */
  XS_EVIDENCE_ERROR_ENCRYPTED,   /* a PDF that needs a password */
  XS_EVIDENCE_ERROR_BROKEN,      /* damaged or truncated */
  XS_EVIDENCE_ERROR_TOO_BIG_IMAGE,
} XsEvidenceError;

/* Files larger than this are refused unless the caller sets another limit. */
#define XS_EVIDENCE_DEFAULT_LIMIT (50 * 1024 * 1024)

typedef struct
{
  gint64  id;
  char   *sha256;
  char   *media_type;   /* application/pdf, image/jpeg, image/png */
  gint64  size;
  int     pages;
  char   *material;     /* set for a claim's evidence */
  char   *original_name;
} XsEvidence;

GQuark       xs_evidence_error_quark   (void);

void         xs_evidence_free          (XsEvidence  *evidence);

/* Sniffs the type from the bytes and, for a PDF, opens it with poppler to
 * count its pages. @name is the file name shown in messages. */
XsEvidence  *xs_evidence_inspect       (GBytes      *bytes,
                                        const char  *name,
                                        GError     **error);
/* Reads, checks and stores @path (at most @limit bytes; 0 for the default),
 * once per content. Runs inside the caller's transaction. */
XsEvidence  *xs_evidence_store_file    (XsDb        *db,
                                        const char  *path,
                                        gsize        limit,
                                        GError     **error);
/* Where the content with @sha256 lives on disk. */
char        *xs_evidence_get_path      (XsDb        *db,
                                        const char  *sha256);
/* Hex SHA-256 of @bytes. */
char        *xs_evidence_hash_bytes    (GBytes      *bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsEvidence, xs_evidence_free)

G_END_DECLS
