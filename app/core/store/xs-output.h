/* xs-output.h: files the user asks Xueshi to write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file written where the user says (--out, a Save dialog) goes
 * through here: it is refused inside a data folder (the database, its
 * journals, the evidence, the signing key and the backups, also reached
 * through symbolic links or ".."), written beside its target and moved over
 * it once complete, so a failure leaves the old file as it was, and made
 * readable by its owner only when it holds personal data.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XS_OUTPUT_ERROR (xs_output_error_quark ())

typedef enum
{
  XS_OUTPUT_ERROR_PROTECTED,   /* the path is inside a data folder */
  XS_OUTPUT_ERROR_FAILED,      /* the folder or the file cannot be written */
} XsOutputError;

typedef enum
{
  XS_OUTPUT_PRIVATE = 0,       /* personal data: mode 0600 */
  XS_OUTPUT_PUBLIC = 1 << 0,   /* anyone may read it: mode 0644 */
} XsOutputFlags;

#define XS_TYPE_OUTPUT (xs_output_get_type ())

G_DECLARE_FINAL_TYPE (XsOutput, xs_output, XS, OUTPUT, GObject)

GQuark         xs_output_error_quark        (void);

/* Adds @data_dir to the folders no output of this process may go into
 * (xs_db_open() calls it; the default data folder always is one). */
void           xs_output_protect_data_dir   (const char     *data_dir);
/* Whether @path may be written: FALSE with XS_OUTPUT_ERROR_PROTECTED when
 * it is inside a data folder or is one of its files by another name,
 * XS_OUTPUT_ERROR_FAILED when its folder does not exist or it is a
 * folder. */
gboolean       xs_output_check_path         (const char     *path,
                                             GError        **error);

/* Starts writing @path: checks it, then makes an empty temporary file
 * beside the file @path names (following a symbolic link). Nothing is
 * visible at @path until xs_output_commit(); dropping the last reference
 * before that removes the temporary file. */
XsOutput      *xs_output_new                (const char     *path,
                                             XsOutputFlags   flags,
                                             GError        **error);
/* The temporary file, for writers that want a file name. */
const char    *xs_output_get_temp_path      (XsOutput       *self);
/* A stream into the temporary file; the XsOutput keeps it. */
GOutputStream *xs_output_get_stream         (XsOutput       *self);
/* Syncs the temporary file, moves it over the target and syncs the
 * folder. */
gboolean       xs_output_commit             (XsOutput       *self,
                                             GError        **error);

/* The whole of xs_output_new(), a write and xs_output_commit(). */
gboolean       xs_output_write_file         (const char     *path,
                                             const void     *data,
                                             gsize           length,
                                             XsOutputFlags   flags,
                                             GError        **error);

G_END_DECLS
