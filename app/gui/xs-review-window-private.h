/* xs-review-window-private.h: what the review window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-job.h"
#include "xs-package-claim-item.h"
#include "xs-review-autosave.h"
#include "xs-review-claim-detail.h"
#include "xs-review-claim-list.h"
#include "xs-review-evidence.h"
#include "xs-review-files.h"
#include "xs-review-reviewer.h"
#include "xs-review-saver.h"
#include "xs-review-trust-bar.h"
#include "xs-review-undo.h"
#include "xs-review-window.h"
#include "xs-rules.h"
#include "xs-trust.h"

G_BEGIN_DECLS

struct _XsReviewWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *data_dir;     /* as given, or NULL */
  char                 *path;         /* the package file */
  GCancellable         *cancellable;
  XsPackage            *package;
  XsRuleSet            *rules;
  XsReviewAutosave     *autosave;     /* once the package is open */
  XsReviewClaimList    *list;         /* the claims, those shown, the chosen one */
  XsReviewUndo         *undo;
  XsReviewSaver        *saver;
  XsReviewFiles        *files;        /* the choosers, a decisions file read */

  char                 *reviewer_dir; /* the reviewer's own folder: key, trusted bases */
  XsReviewReviewer     *reviewer;     /* name and side, from the settings */
  gboolean              modified;
  guint                 generation;   /* counts decisions, to know what a save covered */
  gboolean              close_after_save;
  gboolean              closing;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  XsReviewTrustBar     *trust_bar;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkWidget            *detail_pane;
  GtkPaned             *claim_paned;
  AdwWindowTitle       *package_title;
  AdwWindowTitle       *claim_title;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *undecided_button;
  GtkListView          *claims_view;
  GtkLabel             *count_label;
  AdwButtonContent     *reviewer_content;
  GtkStack             *detail_stack;
  XsReviewClaimDetail  *claim_detail;
  XsReviewEvidence     *evidence;
};

/* Applies decisions read back (XsDecision *) as one step to undo. */
void                _xs_review_window_apply_decisions       (XsReviewWindow *self,
                                                             GPtrArray      *decisions);
/* After decisions or the side changed: the list, its count and the actions. */
void                _xs_review_window_refilter              (XsReviewWindow *self);
/* A toast with Undo (review.undo). */
void                _xs_review_window_show_undo_toast       (XsReviewWindow *self,
                                                             const char     *text);
void                _xs_review_window_class_install_actions (GtkWidgetClass *widget_class);
void                _xs_review_window_update_actions        (XsReviewWindow *self);
/* Makes the saver and the files and follows them: toasts, closing after a
 * save. */
void                _xs_review_window_init_saver            (XsReviewWindow *self);
/* Shows the reviewer and follows the side (at the start and after a change). */
void                _xs_review_window_show_reviewer         (XsReviewWindow *self);
void                _xs_review_window_show_toast            (XsReviewWindow *self,
                                                             const char     *text);

G_END_DECLS
