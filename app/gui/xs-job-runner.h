/* xs-job-runner.h: a window's long actions, from the file asked for to the
 * worker's end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-file-chooser.h"
#include "xs-job.h"

G_BEGIN_DECLS

#define XS_TYPE_JOB_RUNNER (xs_job_runner_get_type ())
G_DECLARE_FINAL_TYPE (XsJobRunner, xs_job_runner, XS, JOB_RUNNER, GObject)

/* Called with the object that started a job (@owner) once it succeeded. */
typedef void (*XsJobRunnerDone)   (gpointer    owner,
                                   XsJob      *job);
/* Called with the object that asked (@owner) and the local file chosen. */
typedef void (*XsJobRunnerChosen) (gpointer    owner,
                                   const char *path);

/* Runs jobs for "parent" (a window's widget, not held): its choosers and
 * dialogs are transient for parent's window, failures are said through
 * parent's win.show-toast, and "busy" is TRUE while a job runs. Jobs still
 * running when the runner goes are cancelled. */
XsJobRunner *xs_job_runner_new       (GtkWidget         *parent);
gboolean     xs_job_runner_get_busy  (XsJobRunner       *self);
/* Runs @job: disables parent's @action (if not NULL) until it ends; then
 * calls @done with @owner (held meanwhile) if it succeeded, or shows its
 * failure (other than a cancellation) in a toast, or in a dialog headed
 * @failure_heading when given. */
void         xs_job_runner_run       (XsJobRunner       *self,
                                      XsJob             *job,
                                      const char        *action,
                                      const char        *failure_heading,
                                      XsJobRunnerDone    done,
                                      gpointer           owner);
/* An export to @path: a path that cannot be written (a folder, a missing
 * directory, …) is said in a toast and frees @data; otherwise runs @func
 * with @data over @data_dir's database as xs_job_runner_run() does. */
void         xs_job_runner_run_export (XsJobRunner      *self,
                                       const char       *data_dir,
                                       const char       *path,
                                       const char       *action,
                                       XsJobFunc         func,
                                       gpointer          data,
                                       GDestroyNotify    free_data,
                                       XsJobRunnerDone   done,
                                       gpointer          owner);
/* Asks for a file (of @filter's kind) and calls @chosen with @owner and
 * its path, or says @not_local if it is not on this computer. */
void         xs_job_runner_choose_path (XsJobRunner       *self,
                                        XsFileChooserMode  mode,
                                        const char        *title,
                                        const char        *accept_label,
                                        GtkFileFilter     *filter,
                                        const char        *initial_name,
                                        const char        *not_local,
                                        XsJobRunnerChosen  chosen,
                                        gpointer           owner);

G_END_DECLS
