/* xs-review-save-job.h: the decisions made in a review, copied for a
 * worker that writes them to a decisions file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-job.h"
#include "xs-package.h"

G_BEGIN_DECLS

typedef struct
{
  XsPackage *package;
  GArray    *decisions;   /* XsDecision, strings in @strings */
  GPtrArray *strings;
  char      *path;
  guint      generation;
  gboolean   autosave;    /* kept to be continued: not signed, folder made */
  char      *key_path;    /* the reviewer's key, signing what is saved */
  gboolean   create_key;  /* the reviewer agreed to make it */
} XsReviewSaveJob;

/* The decisions made here among @claims (XsPackageClaimItem; NULL: none),
 * each with the side and reviewer it was made as, to be written to @path. */
XsReviewSaveJob *xs_review_save_job_new  (XsPackage       *package,
                                          GListModel      *claims,
                                          const char      *path,
                                          guint            generation);
void             xs_review_save_job_free (XsReviewSaveJob *job);
/* An XsJob (no database) that writes @job, which it then owns. */
XsJob           *xs_review_save_job_wrap (XsReviewSaveJob *job);

G_END_DECLS
