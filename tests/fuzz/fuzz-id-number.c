/* fuzz-id-number.c: identity numbers as a cell of a roster or hours sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is the cell's text (up to the first NUL, as a C string ends).
 * A number that normalizes must be 18 characters with a right check
 * character, normalize to itself again, and give a birth date, a sex and a
 * mask; the same input judged against a fixed "today" may only differ in
 * a birth date between that day and now. The text is also tried as a sex
 * (男/女/…), the other field the roster reads from identity cards.
 */
#define G_LOG_DOMAIN "xs-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "xs-id-number.h"

static void
check_normalized (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;
  g_autofree char *masked = NULL;
  GDate birth;

  g_assert_cmpuint (strlen (id), ==, 18);
  g_assert_cmpint (xs_id_number_compute_check (id), ==, id[17]);

  again = xs_id_number_normalize (id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, id);

  xs_id_number_get_birth_date (id, &birth);
  g_assert_true (g_date_valid (&birth));
  g_assert_cmpuint (g_date_get_year (&birth), >=, 1800);

  masked = xs_id_number_mask (id);
  g_assert_cmpuint (strlen (masked), ==, 18);
  g_assert_true (strncmp (masked, id, 6) == 0 && strcmp (masked + 14, id + 14) == 0);

  (void) xs_sex_to_string (xs_id_number_get_sex (id));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup (size > 0 ? (const char *) data : "", size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) at_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *id_at = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
  XsSex sex;

  xs_fuzz_init ();

  id = xs_id_number_normalize (text, &error);
  if (id != NULL)
    {
      g_assert_no_error (error);
      check_normalized (id);
    }
  else
    {
      g_assert_true (error != NULL && error->domain == XS_ID_NUMBER_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  id_at = xs_id_number_normalize_at (text, today, &at_error);
  if (id_at != NULL)
    {
      /* Born by 2020 is born by now */
      g_assert_cmpstr (id_at, ==, id);
    }
  else
    {
      g_assert_true (at_error != NULL && at_error->domain == XS_ID_NUMBER_ERROR);
      if (id != NULL)
        g_assert_cmpint (at_error->code, ==, XS_ID_NUMBER_ERROR_BIRTH_DATE);
      else
        /* a birth date after 2020-01-01 fails there before the check
         * character that failed today is looked at */
        g_assert_true (at_error->code == error->code
                       || at_error->code == XS_ID_NUMBER_ERROR_BIRTH_DATE);
    }

  if (xs_sex_from_string (text, &sex))
    g_assert_true (sex == XS_SEX_MALE || sex == XS_SEX_FEMALE);

  return 0;
}
