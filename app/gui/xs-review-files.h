/* xs-review-files.h: the files of a review asked for with the file
 * chooser: a decisions file opened and read, where the decisions and the
 * reviewer's key are saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-package.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_FILES (xs_review_files_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewFiles, xs_review_files, XS, REVIEW_FILES, GObject)

XsReviewFiles *xs_review_files_new          (void);
/* The package the decisions are for ("package"; NULL until it is open). */
XsPackage     *xs_review_files_get_package  (XsReviewFiles *self);
void           xs_review_files_set_package  (XsReviewFiles *self,
                                             XsPackage     *package);
/* Open Decisions…: asks above @parent for a decisions file of the
 * package, then reads it. */
void           xs_review_files_open         (XsReviewFiles *self,
                                             GtkWindow     *parent);
/* Reads the decisions file @path written for the package in a worker:
 * "read" (a GPtrArray of XsDecision) or "message" (why not). */
void           xs_review_files_read         (XsReviewFiles *self,
                                             const char    *path);
/* Save Decisions…: asks above @parent where to write the decisions,
 * "save" (the path) when a local file was chosen. */
void           xs_review_files_ask_save     (XsReviewFiles *self,
                                             GtkWindow     *parent);
/* Export My Key…: asks above @parent where to write the reviewer's public
 * key, "export-key" (the path) when a local file was chosen. */
void           xs_review_files_ask_key      (XsReviewFiles *self,
                                             GtkWindow     *parent);
/* Stops a read and closes a chooser for good (when the window closes). */
void           xs_review_files_cancel       (XsReviewFiles *self);

G_END_DECLS
