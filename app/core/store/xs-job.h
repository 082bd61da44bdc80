/* xs-job.h: one piece of long work, run in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_JOB (xs_job_get_type ())
G_DECLARE_FINAL_TYPE (XsJob, xs_job, XS, JOB, GObject)

/* Runs in the worker. @db is the worker's own connection to the job's data
 * folder (NULL for a job made without one). A function that gives a result
 * hands it over with xs_job_set_result() before returning TRUE. */
typedef gboolean (*XsJobFunc) (XsJob         *job,
                               XsDb          *db,
                               gpointer       data,
                               GCancellable  *cancellable,
                               GError       **error);

/* @data_dir: the database the worker opens, or NULL for work on files only.
 * @data: what the worker needs (plain data, no object of the main thread),
 * freed with @data_free when the job is. */
XsJob       *xs_job_new              (const char          *data_dir,
                                      XsJobFunc            func,
                                      gpointer             data,
                                      GDestroyNotify       data_free);
const char  *xs_job_get_data_dir     (XsJob               *self);
gpointer     xs_job_get_data         (XsJob               *self);

/* Any thread. The "fraction" and "text" properties change, and are
 * notified, on the main context the job was started from. @text NULL keeps
 * the text. */
void         xs_job_set_progress     (XsJob               *self,
                                      double               fraction,
                                      const char          *text);
/* An XsProgressFunc for the core's long functions; @job is the XsJob. */
void         xs_job_progress_func    (double               fraction,
                                      gpointer             job);
double       xs_job_get_fraction     (XsJob               *self);
char        *xs_job_dup_text         (XsJob               *self);

/* From the worker: the result, owned by the job. */
void         xs_job_set_result       (XsJob               *self,
                                      gpointer             result,
                                      GDestroyNotify       result_free);
/* After xs_job_run_finish(): the result, still owned by the job, or the
 * caller's with steal. */
gpointer     xs_job_get_result       (XsJob               *self);
gpointer     xs_job_steal_result     (XsJob               *self);

/* A job runs once. @callback's source object is the job. */
void         xs_job_run_async        (XsJob               *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean     xs_job_run_finish       (XsJob               *self,
                                      GAsyncResult        *result,
                                      GError             **error);

/* Runs the job for another object's _async function: @task (with that
 * object's callback and cancellable) gets the job's result as its pointer,
 * or its error. */
void         xs_job_run_for_task     (XsJob               *self,
                                      GTask               *task);

/* Waits until no job's worker is running, at most @timeout_ms; TRUE when
 * none is. For the end of a process: cancel first, then wait. */
gboolean     xs_job_wait_all         (guint                timeout_ms);

G_END_DECLS
