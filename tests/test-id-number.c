/* test-id-number.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-id-number"

#include "config.h"

#include <string.h>

#include "xs-id-number.h"
#include "xs-test-util.h"

/* Every check that depends on "today" uses this day. */
static GDate *
test_today (void)
{
  return g_date_new_dmy (28, G_DATE_NOVEMBER, 2026);
}

static void
assert_normalizes (const char *text,
                   const char *expected)
{
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = xs_id_number_normalize_at (text, today, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, expected);
}

/* Returns the message so that callers can look at it. */
static char *
assert_rejects (const char      *text,
                XsIdNumberError  code)
{
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = xs_id_number_normalize_at (text, today, &error);

  g_assert_error (error, XS_ID_NUMBER_ERROR, (int) code);
  g_assert_null (id);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  return g_strdup (error->message);
}

static void
test_valid_vectors (void)
{
  assert_normalizes ("11010519491231002X", "11010519491231002X");
  assert_normalizes ("440524188001010014", "440524188001010014");
  assert_normalizes ("360426199101010071", "360426199101010071");
  assert_normalizes ("410102198001011248", "410102198001011248");
  /* 29 February in a leap year */
  assert_normalizes ("410102200002291237", "410102200002291237");
}

static void
test_invalid_vectors (void)
{
  g_autofree char *check = assert_rejects ("110105194912310021", XS_ID_NUMBER_ERROR_CHECK);
  g_autofree char *feb31 = assert_rejects ("110105194902310026", XS_ID_NUMBER_ERROR_BIRTH_DATE);
  g_autofree char *feb29 = assert_rejects ("410102190002291230", XS_ID_NUMBER_ERROR_BIRTH_DATE);

  g_assert_true (g_str_has_prefix (check, "The check digit"));
  g_assert_null (strstr (check, "ISO"));
  /* A transposition is caught by the check character. */
  g_free (assert_rejects ("410102198001012148", XS_ID_NUMBER_ERROR_CHECK));
  /* Month 13, day 0 */
  g_free (assert_rejects ("410102198013011235", XS_ID_NUMBER_ERROR_BIRTH_DATE));
  g_free (assert_rejects ("410102198001001234", XS_ID_NUMBER_ERROR_BIRTH_DATE));
}

static void
test_lenient_forms (void)
{
  /* lower-case x */
  assert_normalizes ("11010519491231002x", "11010519491231002X");
  /* full-width digits and Ｘ / ｘ */
  assert_normalizes ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X");
  assert_normalizes ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X");
  assert_normalizes ("４４０５２４１８８００１０１００１４", "440524188001010014");
  /* mixed half- and full-width */
  assert_normalizes ("440524１８８００１０１００１４", "440524188001010014");
  /* ASCII and full-width (U+3000) spaces, tabs, a BOM, a no-break space */
  assert_normalizes ("  360426199101010071  ", "360426199101010071");
  assert_normalizes ("\u3000360426199101010071\u3000\u3000", "360426199101010071");
  assert_normalizes ("\t 360426199101010071\r\n", "360426199101010071");
  assert_normalizes ("\xef\xbb\xbf" "360426199101010071\xc2\xa0", "360426199101010071");
  /* Excel's text marker */
  assert_normalizes ("'360426199101010071", "360426199101010071");
  /* grouped as typed by hand: region, birth date, the rest */
  assert_normalizes ("360426 19910101 0071", "360426199101010071");
  assert_normalizes ("３６０４２６　１９９１０１０１　００７１", "360426199101010071");
  assert_normalizes ("'360426 199101010071", "360426199101010071");
}

static void
test_legacy_15 (void)
{
  assert_normalizes ("110105491231002", "11010519491231002X");
  assert_normalizes (" １１０１０５４９１２３１００２ ", "11010519491231002X");
  assert_normalizes ("360426910101007", "360426199101010071");
  /* A legacy number with a date that does not exist */
  g_free (assert_rejects ("110105490231002", XS_ID_NUMBER_ERROR_BIRTH_DATE));
  /* ... or a bad region */
  g_free (assert_rejects ("990105491231002", XS_ID_NUMBER_ERROR_REGION));
  /* Legacy numbers have no X */
  g_free (assert_rejects ("11010549123100X", XS_ID_NUMBER_ERROR_CHARACTERS));
}

static void
test_future_birth (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  /* born today is fine, tomorrow is not */
  assert_normalizes ("410102202611280014", "410102202611280014");
  g_free (assert_rejects ("41010220261129001X", XS_ID_NUMBER_ERROR_BIRTH_DATE));
  g_free (assert_rejects ("410102203001011233", XS_ID_NUMBER_ERROR_BIRTH_DATE));

  /* Against the real clock: 2030 is in the future for a good while. */
  id = xs_id_number_normalize ("410102203001011233", &error);
  g_assert_error (error, XS_ID_NUMBER_ERROR, XS_ID_NUMBER_ERROR_BIRTH_DATE);
  g_assert_null (id);
  g_clear_error (&error);
  id = xs_id_number_normalize ("11010519491231002X", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "11010519491231002X");

  /* Before the oldest plausible birth year */
  g_free (assert_rejects ("410102179901011234", XS_ID_NUMBER_ERROR_BIRTH_DATE));
}

static void
test_region (void)
{
  g_free (assert_rejects ("990102198001011232", XS_ID_NUMBER_ERROR_REGION));
  g_free (assert_rejects ("000000198001011234", XS_ID_NUMBER_ERROR_REGION));
  g_free (assert_rejects ("100102198001011234", XS_ID_NUMBER_ERROR_REGION));
  g_free (assert_rejects ("720102198001011234", XS_ID_NUMBER_ERROR_REGION));
  g_free (assert_rejects ("830102198001011234", XS_ID_NUMBER_ERROR_REGION));
}

static void
test_scientific (void)
{
  const char *forms[] = {
    "4.10102E+17",
    "4.1010219800101101E+17",
    "4.10102e+17",
    "4.10102E17",
    " 4.10102E+17 ",
    "４．１０１０２Ｅ＋１７",
    "1.10105E+17",
    "4E+17",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *message = assert_rejects (forms[i], XS_ID_NUMBER_ERROR_SCIENTIFIC);

      g_test_message ("%s: %s", forms[i], message);
      g_assert_nonnull (strstr (message, "text"));
      g_assert_nonnull (strstr (message, "Excel"));
      g_assert_nonnull (strstr (message, "WPS"));
    }

  /* What Excel leaves when the column is widened: 15 digits kept, the rest 0. */
  {
    g_autofree char *message = assert_rejects ("410102198001011000", XS_ID_NUMBER_ERROR_CHECK);

    g_assert_nonnull (strstr (message, "text"));
  }
}

static void
test_malformed (void)
{
  g_autofree char *other = NULL;

  g_free (assert_rejects ("", XS_ID_NUMBER_ERROR_EMPTY));
  g_free (assert_rejects ("   ", XS_ID_NUMBER_ERROR_EMPTY));
  g_free (assert_rejects ("\u3000", XS_ID_NUMBER_ERROR_EMPTY));
  g_free (assert_rejects ("41010219800101124", XS_ID_NUMBER_ERROR_LENGTH));
  g_free (assert_rejects ("4101021980010112480", XS_ID_NUMBER_ERROR_LENGTH));
  g_free (assert_rejects ("4", XS_ID_NUMBER_ERROR_LENGTH));
  g_free (assert_rejects ("X10105194912310021", XS_ID_NUMBER_ERROR_CHARACTERS));
  g_free (assert_rejects ("410102-19800101-1248", XS_ID_NUMBER_ERROR_CHARACTERS));
  other = assert_rejects ("张三", XS_ID_NUMBER_ERROR_CHARACTERS);
  g_assert_nonnull (strstr (other, "张"));
  g_free (assert_rejects ("4101021980\xff" "01011248", XS_ID_NUMBER_ERROR_CHARACTERS));
}

static void
test_messages_masked (void)
{
  const struct {
    const char *text;
    const char *digits;
  } cases[] = {
    { "110105194912310021", "110105194912310021" },
    { "110105194902310026", "110105194902310026" },
    { "990102198001011232", "990102198001011232" },
    { "410102203001011233", "410102203001011233" },
    { "410102198001011000", "410102198001011000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDate) today = test_today ();
      g_autoptr(GError) error = NULL;
      g_autofree char *id = xs_id_number_normalize_at (cases[i].text, today, &error);

      g_assert_null (id);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      /* Neither the whole number nor its birth date is repeated. */
      g_assert_null (strstr (error->message, cases[i].digits));
      g_assert_null (strstr (error->message, cases[i].digits + 6));
      g_assert_null (strstr (error->message, "ISO"));
    }
}

static void
test_mask (void)
{
  g_autofree char *a = xs_id_number_mask ("410102198001011248");
  g_autofree char *b = xs_id_number_mask ("11010519491231002X");

  g_assert_cmpstr (a, ==, "410102********1248");
  g_assert_cmpstr (b, ==, "110105********002X");
  g_assert_cmpuint (strlen (a), ==, 18);
}

static void
test_birth_date_and_sex (void)
{
  GDate date;

  xs_id_number_get_birth_date ("11010519491231002X", &date);
  g_assert_true (g_date_valid (&date));
  g_assert_cmpint (g_date_get_year (&date), ==, 1949);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_DECEMBER);
  g_assert_cmpint (g_date_get_day (&date), ==, 31);

  xs_id_number_get_birth_date ("440524188001010014", &date);
  g_assert_cmpint (g_date_get_year (&date), ==, 1880);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_JANUARY);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);

  /* 17th digit: 2 even = female, 1 and 7 odd = male */
  g_assert_cmpint (xs_id_number_get_sex ("11010519491231002X"), ==, XS_SEX_FEMALE);
  g_assert_cmpint (xs_id_number_get_sex ("440524188001010014"), ==, XS_SEX_MALE);
  g_assert_cmpint (xs_id_number_get_sex ("360426199101010071"), ==, XS_SEX_MALE);
  g_assert_cmpint (xs_id_number_get_sex ("410102198001011248"), ==, XS_SEX_FEMALE);
}

static void
test_sex_strings (void)
{
  const struct {
    const char *text;
    XsSex       sex;
  } good[] = {
    { "男", XS_SEX_MALE }, { " 女 ", XS_SEX_FEMALE }, { "\u3000男\u3000", XS_SEX_MALE },
    { "male", XS_SEX_MALE }, { "Male", XS_SEX_MALE }, { "FEMALE", XS_SEX_FEMALE },
    { "m", XS_SEX_MALE }, { "M", XS_SEX_MALE }, { "f", XS_SEX_FEMALE }, { " F ", XS_SEX_FEMALE },
    { "男性", XS_SEX_MALE }, { "女性", XS_SEX_FEMALE }, { "Ｍ", XS_SEX_MALE },
  };
  const char *bad[] = { "", " ", "x", "man", "男女", "未知", "1", "0" };
  XsSex sex;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      sex = good[i].sex == XS_SEX_MALE ? XS_SEX_FEMALE : XS_SEX_MALE;
      g_assert_true (xs_sex_from_string (good[i].text, &sex));
      g_assert_cmpint (sex, ==, good[i].sex);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (xs_sex_from_string (bad[i], &sex));
  g_assert_false (xs_sex_from_string (NULL, &sex));

  g_assert_cmpstr (xs_sex_to_string (XS_SEX_MALE), ==, "male");
  g_assert_cmpstr (xs_sex_to_string (XS_SEX_FEMALE), ==, "female");
  /* round trip, as the store does */
  g_assert_true (xs_sex_from_string (xs_sex_to_string (XS_SEX_MALE), &sex));
  g_assert_cmpint (sex, ==, XS_SEX_MALE);
  g_assert_true (xs_sex_from_string (xs_sex_to_string (XS_SEX_FEMALE), &sex));
  g_assert_cmpint (sex, ==, XS_SEX_FEMALE);
}

static void
test_compute_check (void)
{
  g_assert_cmpint (xs_id_number_compute_check ("11010519491231002"), ==, 'X');
  g_assert_cmpint (xs_id_number_compute_check ("44052418800101001"), ==, '4');
  g_assert_cmpint (xs_id_number_compute_check ("36042619910101007"), ==, '1');
  /* only the first 17 count */
  g_assert_cmpint (xs_id_number_compute_check ("11010519491231002X"), ==, 'X');

  /* Numbers made with it are valid, whatever the sequence (000 too). */
  for (guint seq = 0; seq < 1000; seq += 37)
    {
      char first17[18];
      g_autofree char *id = NULL;
      g_autofree char *normalized = NULL;

      g_snprintf (first17, sizeof first17, "41110219800101%03u", seq);
      id = g_strdup_printf ("%s%c", first17, xs_id_number_compute_check (first17));
      normalized = xs_id_number_normalize (id, NULL);
      g_assert_cmpstr (normalized, ==, id);
      g_assert_cmpint (xs_id_number_get_sex (id), ==, seq % 2 ? XS_SEX_MALE : XS_SEX_FEMALE);
    }
}

/* Every valid number round-trips and every single-digit typo is caught. */
static void
test_single_digit_errors (void)
{
  const char *id = "360426199101010071";

  for (guint pos = 0; pos < 18; pos++)
    for (char d = '0'; d <= '9'; d++)
      {
        char typo[19];
        g_autoptr(GDate) today = test_today ();
        g_autoptr(GError) error = NULL;
        g_autofree char *result = NULL;

        if (id[pos] == d)
          continue;
        memcpy (typo, id, sizeof typo);
        typo[pos] = d;
        result = xs_id_number_normalize_at (typo, today, &error);
        g_assert_null (result);
        g_assert_nonnull (error);
        g_assert_true (error->domain == XS_ID_NUMBER_ERROR);
        g_assert_true (error->code == XS_ID_NUMBER_ERROR_CHECK
                       || error->code == XS_ID_NUMBER_ERROR_REGION
                       || error->code == XS_ID_NUMBER_ERROR_BIRTH_DATE);
      }
}

int
main (int   argc,
      char *argv[])
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/id-number/valid", test_valid_vectors);
  g_test_add_func ("/id-number/invalid", test_invalid_vectors);
  g_test_add_func ("/id-number/lenient-forms", test_lenient_forms);
  g_test_add_func ("/id-number/legacy-15", test_legacy_15);
  g_test_add_func ("/id-number/future-birth", test_future_birth);
  g_test_add_func ("/id-number/region", test_region);
  g_test_add_func ("/id-number/scientific", test_scientific);
  g_test_add_func ("/id-number/malformed", test_malformed);
  g_test_add_func ("/id-number/messages-masked", test_messages_masked);
  g_test_add_func ("/id-number/mask", test_mask);
  g_test_add_func ("/id-number/birth-date-and-sex", test_birth_date_and_sex);
  g_test_add_func ("/id-number/sex-strings", test_sex_strings);
  g_test_add_func ("/id-number/compute-check", test_compute_check);
  g_test_add_func ("/id-number/single-digit-errors", test_single_digit_errors);

  return g_test_run ();
}
