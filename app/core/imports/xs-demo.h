/* xs-demo.h: a realistic demo base, to try the application on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-db.h"

G_BEGIN_DECLS

/* The year the demo's hours belong to. */
#define XS_DEMO_YEAR 2018

/* Fills an empty database with @n_trainees trainees of a fictional base in
 * Luohe, its training classes, hours in every state (draft, submitted,
 * approved, rejected) and generated evidence scans, in one transaction. The
 * same @seed gives the same base. Refuses a database that has trainees. */
gboolean xs_demo_populate (XsDb          *db,
                           guint          n_trainees,
                           guint32        seed,
                           GCancellable  *cancellable,
                           GError       **error);

G_END_DECLS
