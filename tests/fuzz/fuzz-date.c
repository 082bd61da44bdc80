/* fuzz-date.c: dates as base clerks write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a cell's text (up to the first NUL). A date that parses
 * must be valid, between 1900 and 2100, and come back the same through
 * xs_date_to_iso(), xs_date_parse_iso() and xs_date_parse() again. The
 * strict ISO parser (what the database stores) gets the text too: what it
 * accepts, the lenient one must accept as the same day.
 */
#define G_LOG_DOMAIN "xs-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "xs-date.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup (size > 0 ? (const char *) data : "", size);
  g_autoptr(GError) error = NULL;
  GDate date;
  GDate iso_date;

  xs_fuzz_init ();

  if (xs_date_parse (text, &date, &error))
    {
      g_autofree char *iso = NULL;
      g_autoptr(GError) again_error = NULL;
      GDate again;

      g_assert_no_error (error);
      g_assert_true (g_date_valid (&date));
      g_assert_cmpuint (g_date_get_year (&date), >=, 1900);
      g_assert_cmpuint (g_date_get_year (&date), <=, 2100);

      iso = xs_date_to_iso (&date);
      g_assert_true (xs_date_parse_iso (iso, &again));
      g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
      g_assert_true (xs_date_parse (iso, &again, &again_error));
      g_assert_cmpint (g_date_compare (&date, &again), ==, 0);
    }
  else
    {
      g_assert_true (error != NULL && error->domain == XS_VALUE_ERROR
                     && error->code == XS_VALUE_ERROR_DATE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_false (g_date_valid (&date));
    }

  if (xs_date_parse_iso (text, &iso_date))
    {
      g_autofree char *iso = xs_date_to_iso (&iso_date);

      g_assert_cmpstr (iso, ==, text);
      if (g_date_get_year (&iso_date) >= 1900 && g_date_get_year (&iso_date) <= 2100)
        {
          g_assert_no_error (error);
          g_assert_cmpint (g_date_compare (&date, &iso_date), ==, 0);
        }
    }
  else
    g_assert_false (g_date_valid (&iso_date));

  return 0;
}
