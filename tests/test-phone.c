/* test-phone.c: phone numbers as clerks write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "xs-date.h"
#include "xs-phone.h"
#include "xs-test-util.h"

static void
assert_normalizes (const char *text,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = xs_phone_normalize (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (phone, ==, expected);
}

static void
assert_rejects (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = xs_phone_normalize (text, &error);

  g_assert_null (phone);
  g_assert_error (error, XS_VALUE_ERROR, XS_VALUE_ERROR_PHONE);
}

static void
test_mobile (void)
{
  assert_normalizes ("13903950001", "13903950001");
  assert_normalizes ("１３９０３９５０００１", "13903950001");
  assert_normalizes ("139 0395 0001", "13903950001");
  assert_normalizes ("139-0395-0001", "13903950001");
  assert_normalizes ("+86 139 0395 0001", "13903950001");
  /* Excel's text marker, ASCII or full-width; CSV written here puts one
   * before "+86 …" so that a spreadsheet does not take it for a formula */
  assert_normalizes ("'13903950001", "13903950001");
  assert_normalizes ("＇13903950001", "13903950001");
  assert_normalizes ("'+86 139 0395 0001", "13903950001");
}

static void
test_landline (void)
{
  assert_normalizes ("0395-3121234", "0395-3121234");
  assert_normalizes ("03953121234", "03953121234");
  assert_normalizes ("'0395-3121234", "0395-3121234");
}

static void
test_rejected (void)
{
  assert_rejects ("12345");
  assert_rejects ("1390395000");     /* ten digits */
  assert_rejects ("139039500011");   /* twelve */
  assert_rejects ("23903950001");    /* no mobile starts with 2 */
  assert_rejects ("139 0395 000一");
  assert_rejects ("''13903950001");
  assert_rejects ("#N/A");
}

static void
test_mask (void)
{
  g_autofree char *mobile = xs_phone_mask ("13903950001");
  g_autofree char *landline = xs_phone_mask ("0395-3121234");

  g_assert_cmpstr (mobile, ==, "139****0001");
  g_assert_cmpstr (landline, ==, "039*-***1234");
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/phone/mobile", test_mobile);
  g_test_add_func ("/phone/landline", test_landline);
  g_test_add_func ("/phone/rejected", test_rejected);
  g_test_add_func ("/phone/mask", test_mask);

  return g_test_run ();
}
