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

/* Most claims a problem links to. */
#define XS_CHECK_MAX_CLAIMS 4

/* One problem, and the trainee and claims it names, for links. */
typedef struct
{
  char    *text;                          /* in the user's words */
  gint64   trainee_id;                    /* 0: none (or several people) */
  gint64   claim_ids[XS_CHECK_MAX_CLAIMS];
  guint    n_claims;
} XsCheckProblem;

void       xs_check_problem_free (XsCheckProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsCheckProblem, xs_check_problem_free)

/* As xs_check_run(), each problem with what it names (XsCheckProblem *). */
GPtrArray *xs_check_run_problems (XsDb          *db,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
