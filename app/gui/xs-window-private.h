/* xs-window-private.h: the window's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-base-tasks.h"
#include "xs-certificates-view.h"
#include "xs-classes-view.h"
#include "xs-job-runner.h"
#include "xs-package-exchange.h"
#include "xs-to-complete-view.h"
#include "xs-trainee-model.h"
#include "xs-trainee-page.h"
#include "xs-trainees-view.h"
#include "xs-window.h"
#include "xs-year-chooser.h"

G_BEGIN_DECLS

struct _XsWindow
{
  AdwApplicationWindow  parent_instance;

  XsDb                 *db;
  XsBaseProfile        *profile;
  int                   default_year;
  gboolean              year_chosen;
  XsTraineeModel       *trainees;
  XsJobRunner          *runner;     /* the workers of tasks, for the busy bar */
  XsBaseTasks          *tasks;      /* the demo, exports, undo, dialogs, on db/year */
  XsPackageExchange    *packages;   /* packages and decisions, on db/year/profile */
  GCancellable         *cancellable;
  gboolean              loaded;     /* everything read once, since start () */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GListModel           *sidebar_pages;         /* GtkStackPage: the stack's pages with a title */
  GtkStack             *stack;
  XsYearChooser        *year_chooser;
  XsTraineesView       *trainees_view;
  XsTraineePage        *trainee_page;
  XsClassesView        *classes_view;
  XsCertificatesView   *certificates_view;
  AdwStatusPage        *empty_page;
  GtkProgressBar       *busy_bar;
  GtkWidget            *back_button;
  GtkWidget            *sidebar_back_button;
  AdwWindowTitle       *window_title;
  XsToCompleteView     *to_complete_view;
  guint                 busy_pulse;
};

/* Shows the page @name and selects its row in the sidebar. */
void _xs_window_show_sidebar_page     (XsWindow       *self,
                                       const char     *name);

G_END_DECLS
