/* xs-review-window-private.h: what the review window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-evidence-viewer.h"
#include "xs-package-claim-item.h"
#include "xs-review-window.h"
#include "xs-rules.h"
#include "xs-trust.h"

G_BEGIN_DECLS

struct _XsReviewWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  GCancellable         *cancellable;
  XsPackage            *package;
  XsRuleSet            *rules;
  GListStore           *claims;       /* XsPackageClaimItem */
  GtkCustomFilter      *filter;       /* owned by the filter model */
  GtkSingleSelection   *selection;
  XsPackageClaimItem   *current;
  char                 *search;       /* casefolded */

  char                 *reviewer_dir; /* the reviewer's own folder: key, trusted bases */
  XsPackageTrust        trust;
  char                 *trusted_name; /* the name the base is trusted under */
  char                 *pending_path; /* decisions to save once the key is made */
  char                 *reviewer;     /* NULL until known */
  XsReviewSide          side;
  gboolean              reviewer_confirmed;
  gboolean              modified;
  guint                 generation;   /* counts decisions, to know what a save covered */
  gboolean              saving;
  gboolean              close_after_save;
  gboolean              closing;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *trust_revealer;
  GtkWidget            *trust_bar;
  GtkImage             *trust_icon;
  GtkLabel             *trust_label;
  GtkWidget            *trust_button;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_pane;
  GtkWidget            *detail_pane;
  AdwWindowTitle       *package_title;
  AdwWindowTitle       *claim_title;
  GtkSearchEntry       *search_entry;
  GtkToggleButton      *undecided_button;
  GtkListView          *claims_view;
  GtkLabel             *count_label;
  AdwButtonContent     *reviewer_content;
  GtkStack             *detail_stack;
  AdwActionRow         *name_row;
  AdwActionRow         *id_row;
  AdwActionRow         *employer_row;
  AdwActionRow         *what_row;
  AdwActionRow         *title_row;
  AdwActionRow         *hours_row;
  AdwActionRow         *date_row;
  AdwActionRow         *ref_row;
  GtkLabel             *decision_label;
  GtkWidget            *approve_button;
  GtkWidget            *reject_button;
  GtkDropDown          *evidence_dropdown;
  GtkStack             *evidence_stack;
  XsEvidenceViewer     *viewer;
};

void                _xs_review_window_class_install_actions (GtkWidgetClass *widget_class);
void                _xs_review_window_update_actions        (XsReviewWindow *self);
/* The reviewer and side of the settings (not yet confirmed). */
void                _xs_review_window_load_reviewer         (XsReviewWindow *self);
guint               _xs_review_window_count_decisions       (XsReviewWindow *self);
XsPackageClaimItem *_xs_review_window_get_current           (XsReviewWindow *self);
/* Asks before closing with unsaved decisions. */
gboolean            _xs_review_window_close_request         (GtkWindow      *window);
/* The signer of the package, at the top of the window (xs-review-window-trust.c) */
void                _xs_review_window_show_trust            (XsReviewWindow *self);
void                _xs_review_window_class_install_trust   (GtkWidgetClass *widget_class);
void                _xs_review_window_show_toast            (XsReviewWindow *self,
                                                             const char     *text);

G_END_DECLS
