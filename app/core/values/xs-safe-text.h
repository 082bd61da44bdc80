/* xs-safe-text.h: text written where another program interprets it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text to @out as one CSV cell: quoted when it holds a comma, a
 * quote or a line break, and prefixed with "'" when it starts with "=",
 * "+", "-", "@", a tab or a carriage return, so that Excel and WPS read
 * it as text, never as a formula (the OWASP advice on CSV injection). */
void      xs_safe_text_append_csv_cell (GString     *out,
                                        const char  *text);
/* Whether @text, as a CSV cell, would start a formula. */
gboolean  xs_safe_text_is_formula      (const char  *text);
/* @text fit to print on a terminal: control characters (C0, DEL, C1, so
 * escape sequences and line breaks) and the invisible direction marks,
 * embeddings, overrides and isolates (U+200E, U+200F, U+202A…U+202E,
 * U+2066…U+2069, U+061C) are written as "\xNN" or "\u{NNNN}", bytes that
 * are not UTF-8 as "\xNN". Other text comes back unchanged. */
char     *xs_safe_text_for_terminal    (const char  *text);
/* Whether @text holds a character xs_safe_text_for_terminal() escapes;
 * sets @found to the first one. */
gboolean  xs_safe_text_has_control     (const char  *text,
                                        gunichar    *found);

G_END_DECLS
