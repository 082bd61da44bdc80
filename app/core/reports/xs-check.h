/* xs-check.h: is the database sound and is every evidence file intact?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-db.h"

G_BEGIN_DECLS

/* Runs SQLite's integrity and foreign-key checks, looks for a scan attached
 * to claims of different trainees (xs-duplicates.h), for scans whose text
 * names another person or another year (xs-evidence-text.h), re-hashes every
 * evidence file, and names professional claims approved without the
 * materials the notice asks for. Returns the problems found (char *, in the user's words;
 * empty when all is well), or NULL with @error when the check could not run. */
GPtrArray *xs_check_run (XsDb          *db,
                         GCancellable  *cancellable,
                         GError       **error);

G_END_DECLS
