/* xs-xlsx-shared-strings-private.h: the shared strings of an .xlsx workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "xs-xlsx-archive-private.h"

G_BEGIN_DECLS

typedef struct
{
  GString *text;             /* the strings, each ended by a NUL */
  GArray  *offsets;          /* gsize: where each string starts in text */
} XsXlsxSharedStrings;

void         _xs_xlsx_shared_strings_init      (XsXlsxSharedStrings  *self);
void         _xs_xlsx_shared_strings_clear     (XsXlsxSharedStrings  *self);

/* Appends the strings of the shared strings part @xml, parsed as it is
 * unpacked (phonetic runs left out, escapes replaced). @display_name names
 * the file in messages. */
gboolean     _xs_xlsx_shared_strings_load      (XsXlsxSharedStrings  *self,
                                                XsXlsxPartStream     *xml,
                                                const char           *display_name,
                                                GError              **error);
guint        _xs_xlsx_shared_strings_get_count (XsXlsxSharedStrings  *self);
/* The length in bytes of the string at @index, below the count */
gsize        _xs_xlsx_shared_strings_get_length (XsXlsxSharedStrings *self,
                                                 guint                index);
/* The string at @index, which must be below the count */
const char  *_xs_xlsx_shared_strings_get       (XsXlsxSharedStrings  *self,
                                                guint                 index);

G_END_DECLS
