/* xs-review-read-job.h: a decisions file read back in a worker, for the
 * package under review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-job.h"
#include "xs-package.h"

G_BEGIN_DECLS

/* An XsJob (no database) that reads the decisions file @path written for
 * @package; its result is a GPtrArray of XsDecision (xs_job_steal_result ()),
 * its error says why a file is refused. */
XsJob *xs_review_read_job_new (XsPackage  *package,
                               const char *path);

G_END_DECLS
