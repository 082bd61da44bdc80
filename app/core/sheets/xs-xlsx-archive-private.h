/* xs-xlsx-archive-private.h: the parts of an .xlsx ZIP, read from memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;          /* wanted part, as _xs_xlsx_normalize_part_name() gives it */
  GBytes     *data;          /* its contents, when found */
} XsXlsxPart;

/* One pass over the ZIP in @zip: reads the parts named in @parts whose
 * data is still NULL (a NULL name matches nothing), and when @names is
 * given, adds every entry's normalized name to it (a set that frees its
 * strings). Refuses encrypted entries and parts beyond the size limits,
 * which keep every part below G_MAXINT bytes. @display_name names the
 * file in messages. */
gboolean  _xs_xlsx_archive_read_parts  (GBytes      *zip,
                                        const char  *display_name,
                                        XsXlsxPart  *parts,
                                        guint        n_parts,
                                        GHashTable  *names,
                                        GError     **error);

/* “/xl/./worksheets/../sharedStrings.xml” → “xl/sharedStrings.xml” */
char     *_xs_xlsx_normalize_part_name (const char  *name);

/* Sets the error for a file that is damaged or incomplete. */
void      _xs_xlsx_set_damaged_error   (const char  *display_name,
                                        GError     **error);

G_END_DECLS
