/* fuzz-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

/* UBSan reports a finding and carries on unless told to stop; the
 * sanitizer runtimes call these when linked in, and ignore them when not. */
const char *__ubsan_default_options (void);

const char *
__ubsan_default_options (void)
{
  return "halt_on_error=1:print_stacktrace=1";
}

/* GLib ends a fatal message with a breakpoint (SIGTRAP), which libFuzzer
 * does not count as a crash and saves no reproducer for: this writer
 * prints the message and abort()s itself, which libFuzzer records. It
 * prints through the default writer, which leaves out debug messages
 * unless G_MESSAGES_DEBUG asks for them. */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL))
    abort ();
  return result;
}

void
xs_fuzz_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_log_set_writer_func (abort_on_warnings, NULL, NULL);
      g_once_init_leave (&initialized, 1);
    }
}

static void
broken_promise (const char *what,
                guint       row)
{
  g_printerr ("fuzz: row %u: %s\n", row, what);
  abort ();
}

void
xs_fuzz_read_table (XsTableReader *reader,
                    gboolean       csv)
{
  g_autoptr(GError) error = NULL;
  const char *encoding = xs_table_reader_get_encoding (reader);
  double last_fraction = xs_table_reader_get_fraction (reader);
  guint last_row = 0;

  if (encoding == NULL || (csv && g_str_equal (encoding, "XLSX")))
    broken_promise ("no encoding, or XLSX for a CSV", 0);
  if (!(last_fraction >= 0.0 && last_fraction <= 1.0))
    broken_promise ("fraction before the first row outside 0…1", 0);

  while (xs_table_reader_next (reader, &error))
    {
      guint n_fields = xs_table_reader_get_n_fields (reader);
      guint row = xs_table_reader_get_row_number (reader);
      double fraction = xs_table_reader_get_fraction (reader);
      gboolean any = FALSE;

      if (n_fields == 0)
        broken_promise ("a row without fields", row);
      if (csv && row <= last_row)
        broken_promise ("CSV row number did not grow", row);
      if (!(fraction >= last_fraction && fraction <= 1.0))
        broken_promise ("fraction went back or past 1", row);
      for (guint i = 0; i < n_fields; i++)
        {
          const char *field = xs_table_reader_get_field (reader, i);

          if (field == NULL || !g_utf8_validate (field, -1, NULL))
            broken_promise ("a field that is not UTF-8", row);
          any = any || *field != '\0';
        }
      if (!any)
        broken_promise ("a row of empty fields", row);
      if (*xs_table_reader_get_field (reader, n_fields) != '\0')
        broken_promise ("a field past the end is not empty", row);

      last_row = row;
      last_fraction = fraction;
    }

  if (error != NULL)
    {
      if (error->domain != XS_TABLE_ERROR || error->message == NULL
          || !g_utf8_validate (error->message, -1, NULL))
        broken_promise ("an error outside XS_TABLE_ERROR or not UTF-8", last_row);
    }
  else
    {
      if (xs_table_reader_get_fraction (reader) != 1.0)
        broken_promise ("fraction is not 1 at the end", last_row);
      /* The end stays the end */
      if (xs_table_reader_next (reader, &error) || error != NULL)
        broken_promise ("a row after the end", last_row);
    }
}

char **
xs_fuzz_split_lines (const uint8_t *data,
                     size_t         size,
                     guint          max_fields)
{
  GPtrArray *fields = g_ptr_array_new ();
  gsize start = 0;

  g_return_val_if_fail (max_fields > 0, NULL);

  if (data == NULL)
    data = (const uint8_t *) "";

  for (;;)
    {
      const uint8_t *newline = NULL;
      gsize stop;

      if (fields->len + 1 < max_fields)
        newline = memchr (data + start, '\n', size - start);
      stop = newline != NULL ? (gsize) (newline - data) : size;
      g_ptr_array_add (fields, g_strndup ((const char *) data + start, stop - start));
      if (newline == NULL)
        break;
      start = stop + 1;
    }

  while (fields->len < max_fields)
    g_ptr_array_add (fields, g_strdup (""));
  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (fields, FALSE);
}
