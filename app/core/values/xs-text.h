/* xs-text.h: the spaces and full-width forms of text typed in Chinese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @p starts with a space: ASCII white space, U+3000 IDEOGRAPHIC
 * SPACE, U+00A0 NO-BREAK SPACE or a byte-order mark; sets @length to its
 * size in bytes. */
gboolean  xs_text_space_at (const char *p,
                            gsize      *length);
/* Copies @text into @out without the spaces around it, with full-width
 * ASCII forms (U+FF01…U+FF5E: "１", "Ｘ", "．") turned into ASCII, and
 * ASCII letters in lower case when @lower is set. FALSE when @text is not
 * UTF-8 or does not fit in @out_size bytes. */
gboolean  xs_text_fold     (const char *text,
                            char       *out,
                            gsize       out_size,
                            gboolean    lower);

G_END_DECLS
