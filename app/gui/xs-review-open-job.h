/* xs-review-open-job.h: a package opened for review in a worker: checked,
 * its claims made into items, its signer looked up, the review kept from
 * before read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-job.h"
#include "xs-package.h"
#include "xs-rules.h"
#include "xs-trust.h"

G_BEGIN_DECLS

typedef struct
{
  XsPackage      *package;
  XsRuleSet      *rules;        /* the year's, or NULL: kinds named by number */
  GPtrArray      *items;        /* XsPackageClaimItem */
  GPtrArray      *saved;        /* XsDecision: the review kept from before, or NULL */
  GDateTime      *saved_at;
  XsPackageTrust  trust;
  char           *trusted_name;
} XsReviewOpened;

void   xs_review_opened_free   (XsReviewOpened *opened);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XsReviewOpened, xs_review_opened_free)

/* An XsJob (no database) that opens the package at @path, its signer
 * checked against the bases trusted in @reviewer_dir; its result is an
 * XsReviewOpened (xs_job_steal_result ()). */
XsJob *xs_review_open_job_new  (const char     *path,
                                const char     *reviewer_dir);

G_END_DECLS
