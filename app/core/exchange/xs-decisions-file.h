/* xs-decisions-file.h: a reviewer's decisions file as read from disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define XS_TYPE_DECISIONS_FILE (xs_decisions_file_get_type ())
G_DECLARE_FINAL_TYPE (XsDecisionsFile, xs_decisions_file, XS, DECISIONS_FILE, GObject)

/* Reads @path and its header (format, version, base id, package digest,
 * the list of decisions). Refuses (XS_PACKAGE_ERROR_NOT_A_PACKAGE) a file
 * that is too large, not JSON or not a decisions file, or whose header is
 * damaged, and one of a newer format (XS_PACKAGE_ERROR_TOO_NEW); the
 * messages name the file. */
XsDecisionsFile *xs_decisions_file_load             (const char       *path,
                                                     GError          **error);
/* The file's base name, as messages show it. */
const char      *xs_decisions_file_get_display_name (XsDecisionsFile  *self);
/* SHA-256 of every byte of the file, in hex. */
const char      *xs_decisions_file_get_digest       (XsDecisionsFile  *self);
/* The base id and the SHA-256 of the package the decisions answer, as the
 * file says them (not checked). */
const char      *xs_decisions_file_get_base_id      (XsDecisionsFile  *self);
const char      *xs_decisions_file_get_package      (XsDecisionsFile  *self);
/* The decisions, one JSON node each, as the file holds them. */
JsonArray       *xs_decisions_file_get_decisions    (XsDecisionsFile  *self);
/* The public key of the reviewer who signed it; NULL when it names none. */
const char      *xs_decisions_file_get_reviewer_key (XsDecisionsFile  *self);
/* Refuses a file without a reviewer's signature (XS_PACKAGE_ERROR_UNSIGNED)
 * and one changed after it was signed (XS_PACKAGE_ERROR_BAD_SIGNATURE). */
gboolean         xs_decisions_file_verify           (XsDecisionsFile  *self,
                                                     GError          **error);

G_END_DECLS
