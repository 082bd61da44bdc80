/* xs-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-certificates-view.h"
#include "xs-classes-view.h"
#include "xs-trainee-model.h"
#include "xs-trainee-page.h"
#include "xs-trainees-view.h"
#include "xs-window.h"

G_BEGIN_DECLS

struct _XsWindow
{
  AdwApplicationWindow  parent_instance;

  XsApplication        *application;
  XsTraineeModel       *trainees;
  GCancellable         *cancellable;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  GtkDropDown          *year_dropdown;
  XsTraineesView       *trainees_view;
  XsTraineePage        *trainee_page;
  XsClassesView        *classes_view;
  XsCertificatesView   *certificates_view;
  AdwStatusPage        *empty_page;
  GtkProgressBar       *busy_bar;
  GtkWidget            *back_button;
  AdwWindowTitle       *window_title;
  GtkListBox           *to_complete_list;
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
/* Writes the signed list of revoked certificates to @path in a worker
 * (xs-window-revocations.c); a toast tells how it went. */
void _xs_window_export_revocations    (XsWindow       *self,
                                       const char     *path);
void _xs_window_class_install_revocation_actions (GtkWidgetClass *widget_class);
/* Ends a worker started by @action: enables it again, hides the busy bar
 * and shows a failure (other than a cancellation) in a toast. Returns
 * whether the worker succeeded. */
gboolean _xs_window_end_task          (XsWindow       *self,
                                       GAsyncResult   *result,
                                       const char     *action);
/* Shows a pulsing progress bar while @busy. */
void _xs_window_set_busy              (XsWindow       *self,
                                       gboolean        busy);

G_END_DECLS
