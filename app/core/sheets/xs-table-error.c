/* xs-table-error.c: why a spreadsheet cannot be read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-table-reader"

#include "config.h"

#include "xs-table-error.h"

G_DEFINE_QUARK (xs-table-error-quark, xs_table_error)
