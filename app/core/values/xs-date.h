/* xs-date.h: dates and hours as base clerks write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define XS_VALUE_ERROR (xs_value_error_quark ())

typedef enum
{
  XS_VALUE_ERROR_DATE,
  XS_VALUE_ERROR_HOURS,
  XS_VALUE_ERROR_YEAR,
  XS_VALUE_ERROR_BOOLEAN,
  XS_VALUE_ERROR_PHONE,
  XS_VALUE_ERROR_FIELD,       /* a value not among the allowed ones */
} XsValueError;

GQuark    xs_value_error_quark (void);

/* Accepts 2018-05-06, 2018/5/6, 2018.5.6, 2018年5月6日 (spaces allowed) and a
 * spreadsheet date serial (43226 = 2018-05-06, 1900 date system). */
gboolean  xs_date_parse        (const char  *text,
                                GDate       *date,
                                GError     **error);
/* ISO 8601 "2018-05-06"; the date must be valid. */
char     *xs_date_to_iso       (const GDate *date);
/* Strict ISO 8601 only (what the database stores). */
gboolean  xs_date_parse_iso    (const char  *text,
                                GDate       *date);

/* "12", "12.5", "１２．５", " 8 " -> tenths of an hour; must be > 0 with at
 * most one decimal. */
gboolean  xs_hours_parse       (const char  *text,
                                int         *tenths,
                                GError     **error);
/* 120 -> "12", 125 -> "12.5" */
char     *xs_hours_format      (int          tenths);

/* Months absent: 7 -> "7", 6.5 -> "6.5" (to a tenth, for messages). */
char     *xs_months_format     (double       months);

/* A year between 1990 and 2100: "2018", "2018年", "2018.0" */
gboolean  xs_year_parse        (const char  *text,
                                int         *year,
                                GError     **error);

/* 是/否, 必修/选修, yes/no, y/n, true/false, 1/0 (empty is FALSE) */
gboolean  xs_boolean_parse     (const char  *text,
                                gboolean    *value,
                                GError     **error);

G_END_DECLS
