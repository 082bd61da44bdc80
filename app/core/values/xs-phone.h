/* xs-phone.h: phone numbers as clerks write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks a phone number as clerks write them: a mobile number (11 digits) or
 * a landline with its area code. Returns the number without spaces. */
char           *xs_phone_normalize (const char      *text,
                                    GError         **error);

/* The phone number for lists and logs: 139****0001. */
char           *xs_phone_mask      (const char      *phone);

G_END_DECLS
