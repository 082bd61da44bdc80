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

/* A part read as it is unpacked, for the parts that may be large (the
 * worksheet, its shared strings): never whole in memory. */
typedef struct _XsXlsxPartStream XsXlsxPartStream;

/* Opens part @name of the ZIP in @zip (kept referenced until the stream
 * is freed). NULL without @error when there is no such part. The checks
 * of _xs_xlsx_archive_read_parts() apply: a password is refused at once, a
 * size beyond the limits when it is declared, else when it is read. */
XsXlsxPartStream *_xs_xlsx_archive_open_part (GBytes            *zip,
                                             const char        *display_name,
                                             const char        *name,
                                             GError           **error);
/* Up to @size bytes of the part; 0 at its end, -1 when it is damaged or
 * too large (_xs_xlsx_part_stream_check() says which). */
gssize    _xs_xlsx_part_stream_read    (XsXlsxPartStream  *stream,
                                        void              *buffer,
                                        gsize              size);
/* The bytes read so far. */
guint64   _xs_xlsx_part_stream_get_read (XsXlsxPartStream *stream);
/* FALSE with @error when the stream stopped on a damaged or too large part. */
gboolean  _xs_xlsx_part_stream_check   (XsXlsxPartStream  *stream,
                                        GError           **error);
/* Reads the part to its end, throwing it away: its checks, once. */
gboolean  _xs_xlsx_part_stream_skip    (XsXlsxPartStream  *stream,
                                        GError           **error);
void      _xs_xlsx_part_stream_free    (XsXlsxPartStream  *stream);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsXlsxPartStream, _xs_xlsx_part_stream_free)

/* “/xl/./worksheets/../sharedStrings.xml” → “xl/sharedStrings.xml” */
char     *_xs_xlsx_normalize_part_name (const char  *name);

/* Sets the error for a file that is damaged or incomplete. */
void      _xs_xlsx_set_damaged_error   (const char  *display_name,
                                        GError     **error);

G_END_DECLS
