/* xs-review-window.h: a reviewer's window on a submission package
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a package read-only, walks its claims with their evidence, takes
 * the reviewer's approvals and rejections and writes them to a decisions
 * file. Nothing here touches the base's database.
 */
#pragma once

#include <adwaita.h>

#include "xs-claim.h"
#include "xs-package.h"
#include "xs-trust.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_WINDOW (xs_review_window_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewWindow, xs_review_window, XS, REVIEW_WINDOW, AdwApplicationWindow)

/* Opens @path in a worker, the reviewer and side from the application's
 * schema ("reviewer-name", "review-side"), the trusted bases and reviewer
 * keys in the default data folder. A window of another data folder or
 * settings is made with the properties "settings", "data-dir" and "path". */
XsReviewWindow *xs_review_window_new            (GtkApplication *application,
                                                 const char     *path);
/* A window of its own on @path: the reviewer from @settings, the trusted
 * bases and reviewer keys in @data_dir (NULL: $XUESHI_DATA_DIR, else the
 * user's data folder). */
XsReviewWindow *xs_review_window_new_for        (GSettings      *settings,
                                                 const char     *data_dir,
                                                 const char     *path);
/* "loading", "error" or "package". */
const char     *xs_review_window_get_page       (XsReviewWindow *self);
/* The package, once open; NULL before or on error. */
XsPackage      *xs_review_window_get_package    (XsReviewWindow *self);
/* The claims shown (XsPackageClaimItem), after the search and filter. */
GListModel     *xs_review_window_get_claims     (XsReviewWindow *self);
/* Selects the shown claim at @position. */
void            xs_review_window_select         (XsReviewWindow *self,
                                                 guint           position);
/* Who decides in this session; the name is required before a decision. */
void            xs_review_window_set_reviewer   (XsReviewWindow *self,
                                                 const char     *name,
                                                 XsReviewSide    side);
/* Rejects the selected claim with @reason (what the dialog does). */
void            xs_review_window_reject         (XsReviewWindow *self,
                                                 const char     *reason);
/* Writes the decisions to @path in a worker (what Save Decisions… does
 * after the file chooser); a toast tells how it went. */
void            xs_review_window_save_to        (XsReviewWindow *self,
                                                 const char     *path);
/* Loads the decisions file @path written for this package (what Open
 * Decisions… does after the file chooser), as one step to undo. */
void            xs_review_window_load_decisions (XsReviewWindow *self,
                                                 const char     *path);
/* TRUE when every decision made is kept in the reviewer's data folder. */
gboolean        xs_review_window_get_autosaved  (XsReviewWindow *self);
/* Whether the package comes from a trusted base, and the bar's words. */
XsPackageTrust  xs_review_window_get_trust      (XsReviewWindow *self);
const char     *xs_review_window_get_trust_text (XsReviewWindow *self);
/* Writes the reviewer's public key to @path, making the key when there is
 * none (what Export My Key… does after the file chooser). */
void            xs_review_window_export_key_to  (XsReviewWindow *self,
                                                 const char     *path);
/* TRUE while a decision is not in a saved file. */
gboolean        xs_review_window_get_modified   (XsReviewWindow *self);

G_END_DECLS
