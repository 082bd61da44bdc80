/* xs-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificates-view.h"
#include "xs-classes-view.h"
#include "xs-file-chooser.h"
#include "xs-job.h"
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

void _xs_window_class_install_actions (GtkWidgetClass *widget_class);
void _xs_window_update_actions        (XsWindow       *self);
/* Shows the page @name and selects its row in the sidebar. */
void _xs_window_show_sidebar_page     (XsWindow       *self,
                                       const char     *name);
/* Writes the year's statistics to @path (XLSX) in a worker; a toast tells
 * how it went. */
void _xs_window_export_statistics     (XsWindow       *self,
                                       const char     *path);
/* Writes the signed list of revoked certificates to @path in a worker; a
 * toast tells how it went. */
void _xs_window_export_revocations    (XsWindow       *self,
                                       const char     *path);
/* Called when a job of the window succeeded. */
typedef void (*XsWindowJobDone) (XsWindow *self,
                                 XsJob    *job);
/* Runs @job for @action: disables it and shows the busy bar until the job
 * ends; then calls @done if it succeeded, or shows its failure (other than
 * a cancellation) in a toast, or in a dialog headed @failure_heading when
 * given. A reload of the window cancels the job unless @outlives_reload. */
void _xs_window_run_job               (XsWindow        *self,
                                       XsJob           *job,
                                       const char      *action,
                                       gboolean         outlives_reload,
                                       const char      *failure_heading,
                                       XsWindowJobDone  done);
/* An export to @path: a path that cannot be written (a folder, a missing
 * directory, …) is said in a toast and frees @data; otherwise runs @func
 * with @data in a job for @action as _xs_window_run_job() does. */
void _xs_window_run_export            (XsWindow        *self,
                                       const char      *path,
                                       const char      *action,
                                       XsJobFunc        func,
                                       gpointer         data,
                                       GDestroyNotify   free_data,
                                       XsWindowJobDone  done);
/* Called with the local file a user chose. */
typedef void (*XsWindowPathChosen) (XsWindow   *self,
                                    const char *path);
/* Asks for a file (of @filter's kind) and calls @chosen with its path, or
 * shows @not_local if it is not on this computer. */
void _xs_window_choose_path           (XsWindow           *self,
                                       XsFileChooserMode   mode,
                                       const char         *title,
                                       const char         *accept_label,
                                       GtkFileFilter      *filter,
                                       const char         *initial_name,
                                       const char         *not_local,
                                       XsWindowPathChosen  chosen);
/* A toast about the file at @path just written, with Open Folder; also
 * win.show-saved-toast ((ss): text, path) for the views and dialogs. */
void _xs_window_show_saved_toast      (XsWindow       *self,
                                       const char     *text,
                                       const char     *path);
/* Shows a pulsing progress bar while @busy. */
void _xs_window_set_busy              (XsWindow       *self,
                                       gboolean        busy);

G_END_DECLS
