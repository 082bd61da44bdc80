/* xs-id-number.h: resident identity numbers (GB 11643-1999)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XS_ID_NUMBER_ERROR (xs_id_number_error_quark ())

typedef enum
{
  XS_ID_NUMBER_ERROR_EMPTY,
  XS_ID_NUMBER_ERROR_SCIENTIFIC,   /* Excel stored it as a number: 4.10102E+17 */
  XS_ID_NUMBER_ERROR_LENGTH,
  XS_ID_NUMBER_ERROR_CHARACTERS,
  XS_ID_NUMBER_ERROR_REGION,
  XS_ID_NUMBER_ERROR_BIRTH_DATE,
  XS_ID_NUMBER_ERROR_CHECK,
} XsIdNumberError;

typedef enum
{
  XS_SEX_FEMALE = 0,
  XS_SEX_MALE = 1,
} XsSex;

GQuark      xs_id_number_error_quark    (void);

/* Accepts surrounding ASCII/full-width spaces, full-width digits, x/X/Ｘ and
 * 15-digit legacy numbers; returns the canonical 18-character number with an
 * upper-case X, or NULL with @error set (message in the user's words). */
char       *xs_id_number_normalize      (const char  *text,
                                         GError     **error);
/* Same, judging "birth date in the future" against @today (for tests). */
char       *xs_id_number_normalize_at   (const char  *text,
                                         GDate       *today,
                                         GError     **error);

/* These take a number returned by xs_id_number_normalize(). */
void        xs_id_number_get_birth_date (const char  *normalized,
                                         GDate       *date);
XsSex       xs_id_number_get_sex        (const char  *normalized);
/* "410102********1234" */
char       *xs_id_number_mask           (const char  *normalized);
/* The check character ('0'…'9' or 'X') for the first 17 digits of
 * @first17 (ISO 7064 MOD 11-2); for making numbers in tests and demos. */
char        xs_id_number_compute_check  (const char  *first17);

const char *xs_sex_to_string            (XsSex        sex);   /* "male" / "female" */
gboolean    xs_sex_from_string          (const char  *text,
                                         XsSex       *sex);   /* 男/女/male/female/M/F */

G_END_DECLS
