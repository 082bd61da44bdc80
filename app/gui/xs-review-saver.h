/* xs-review-saver.h: a reviewer's decisions written to a signed
 * decisions file, and the reviewer's public key exported for the bases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-package.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_SAVER (xs_review_saver_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewSaver, xs_review_saver, XS, REVIEW_SAVER, GObject)

XsReviewSaver *xs_review_saver_new        (void);
/* The reviewer's own folder, where their key is. */
void           xs_review_saver_set_reviewer_dir (XsReviewSaver *self,
                                                 const char    *reviewer_dir);
/* TRUE while decisions are being written ("saving"). */
gboolean       xs_review_saver_get_saving (XsReviewSaver *self);
/* Writes the decisions made here on @package among @claims
 * (XsPackageClaimItem), as of @generation, to @path in a worker, making the reviewer's key first
 * when @create_key. Without a key it asks above @parent whether to make
 * one, and saves after. "saved" (path, number of decisions, generation)
 * or "message" (why not) tell how it went, before "saving" is FALSE
 * again. */
void           xs_review_saver_save       (XsReviewSaver *self,
                                           GtkWindow     *parent,
                                           XsPackage     *package,
                                           GListModel    *claims,
                                           guint          generation,
                                           const char    *path,
                                           gboolean       create_key);
/* Writes the reviewer's public key to @path, making the key when there is
 * none; "message" tells how it went. */
void           xs_review_saver_export_key (XsReviewSaver *self,
                                           const char    *path);
/* Stops what is being written (when the window closes). */
void           xs_review_saver_cancel     (XsReviewSaver *self);

G_END_DECLS
