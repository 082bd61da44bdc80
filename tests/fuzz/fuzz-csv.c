/* fuzz-csv.c: the CSV half of the table reader, with encoding detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a file's bytes, read as the import dialog reads a file with
 * each encoding it offers: detection (BOM for UTF-8 and UTF-16, valid UTF-8,
 * else GB18030), then GB18030 and UTF-8 as the user may force them. Web
 * pages and .xls files are refused on the way. ZIP archives go to the XLSX
 * half, which fuzz-xlsx.c covers, and are skipped.
 */
#define G_LOG_DOMAIN "xs-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"

static void
read_as (GBytes     *bytes,
         const char *encoding)
{
  g_autoptr(XsTableReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = xs_table_reader_new_for_bytes (bytes, encoding, &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && error->domain == XS_TABLE_ERROR);
      return;
    }
  g_assert_no_error (error);
  if (encoding != NULL)
    g_assert_cmpstr (xs_table_reader_get_encoding (reader), ==, encoding);

  xs_fuzz_read_table (reader, TRUE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;

  xs_fuzz_init ();

  if (size >= 4 && (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "PK\x05\x06", 4) == 0))
    return 0;

  bytes = g_bytes_new (data, size);
  read_as (bytes, NULL);
  read_as (bytes, "GB18030");
  read_as (bytes, "UTF-8");
  return 0;
}
