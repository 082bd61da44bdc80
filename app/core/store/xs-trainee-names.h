/* xs-trainee-names.h: every trainee's name, in one query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-db.h"

G_BEGIN_DECLS

/* Trainee id (gint64 *) to name (char *), for lists of claims that show
 * whose each one is without a query per claim. */
GHashTable *xs_trainee_store_list_names (XsDb    *db,
                                         GError **error);
/* The same, holding at least the trainees @ids (repeats allowed; ids of
 * no trainee are left out): a year's claims to complete name a few
 * trainees of a base of 100,000. Many ids take one pass over the roster. */
GHashTable *xs_trainee_store_list_names_of (XsDb          *db,
                                            const gint64  *ids,
                                            guint          n_ids,
                                            GError       **error);

G_END_DECLS
