/* xs-csv-private.h: the CSV half of XsTableReader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _XsCsv XsCsv;

/* Takes @bytes (transfer full; when it holds the only reference the buffer
 * is reused in place instead of copied; with @mapped, @bytes are a
 * read-only mapping followed by a NUL byte, given back behind the reader;
 * text in another encoding than UTF-8 is converted as it is read). @encoding: NULL to detect, else a
 * name iconv knows. @display_name names the file in messages. */
XsCsv       *_xs_csv_new             (GBytes      *bytes,
                                      gboolean     mapped,
                                      const char  *encoding,
                                      const char  *display_name,
                                      GError     **error);
void         _xs_csv_free            (XsCsv       *self);

/* Advances to the next record that has a non-empty field. Returns FALSE at
 * the end (error unset) or on error. */
gboolean     _xs_csv_next            (XsCsv       *self,
                                      GError     **error);
/* The current record's fields; valid until the next call to _xs_csv_next(). */
const char **_xs_csv_get_fields      (XsCsv       *self,
                                      guint       *n_fields);
guint        _xs_csv_get_row_number  (XsCsv       *self);
const char  *_xs_csv_get_encoding    (XsCsv       *self);
double       _xs_csv_get_fraction    (XsCsv       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsCsv, _xs_csv_free)

G_END_DECLS
