/* fuzz-common.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "xs-table-reader.h"

G_BEGIN_DECLS

/* Each fuzz-*.c defines it; libFuzzer or replay.c calls it. */
int    LLVMFuzzerTestOneInput (const uint8_t  *data,
                               size_t          size);

/* Once per process: GLib criticals and warnings abort() (SIGABRT, which
 * libFuzzer records, not GLib's SIGTRAP), so that a
 * g_return_if_fail() the input reaches counts as a crash. */
void   xs_fuzz_init           (void);

/* Reads every row and every field of @reader to the end or the first
 * error, checking what the reader promises: fields are UTF-8, a row has
 * a non-empty field, the fraction grows within 0…1, and (@csv) CSV row
 * numbers grow. Aborts when a promise is broken. */
void   xs_fuzz_read_table     (XsTableReader  *reader,
                               gboolean        csv);

/* Splits @data at '\n' into exactly @max_fields NUL-terminated strings:
 * the last one keeps any further '\n', missing ones are empty, and a field
 * with a NUL byte ends there. Free with g_strfreev(). */
char **xs_fuzz_split_lines    (const uint8_t  *data,
                               size_t          size,
                               guint           max_fields);

G_END_DECLS
