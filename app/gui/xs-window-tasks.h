/* xs-window-tasks.h: work a base's window hands to an object of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-db.h"
#include "xs-job-runner.h"

G_BEGIN_DECLS

#define XS_TYPE_WINDOW_TASKS (xs_window_tasks_get_type ())
G_DECLARE_DERIVABLE_TYPE (XsWindowTasks, xs_window_tasks, XS, WINDOW_TASKS, GObject)

/* What the window's task objects (XsBaseTasks, XsPackageExchange) share:
 * the window they work for ("parent", construct-only, not held), its job
 * runner ("runner", construct-only) and the database and year it shows
 * ("db", "year", bound by the window). */
struct _XsWindowTasksClass
{
  GObjectClass parent_class;

  gpointer     padding[4];
};

/* The window, or NULL once it is gone; a new reference. */
GtkWindow   *xs_window_tasks_dup_parent (XsWindowTasks *self);
XsJobRunner *xs_window_tasks_get_runner (XsWindowTasks *self);
/* The database, or NULL before the window has one. */
XsDb        *xs_window_tasks_get_db     (XsWindowTasks *self);
int          xs_window_tasks_get_year   (XsWindowTasks *self);

/* Activates @action (with @param, may be floating or NULL) on the window,
 * if it is still there: how the tasks report. */
void         xs_window_tasks_report     (XsWindowTasks *self,
                                         const char    *action,
                                         GVariant      *param);

G_END_DECLS
