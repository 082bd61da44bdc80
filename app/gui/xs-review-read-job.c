/* xs-review-read-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-review-read-job"

#include "config.h"

#include "xs-review-read-job.h"

typedef struct
{
  XsPackage *package;
  char      *path;
} ReadInput;

static void
read_input_free (ReadInput *input)
{
  g_clear_object (&input->package);
  g_free (input->path);
  g_free (input);
}

static gboolean
read_decisions (XsJob         *job,
                XsDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  ReadInput *input = data;
  GPtrArray *decisions = xs_decisions_read (input->package, input->path, error);

  if (decisions == NULL)
    return FALSE;
  xs_job_set_result (job, decisions, (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

XsJob *
xs_review_read_job_new (XsPackage  *package,
                        const char *path)
{
  ReadInput *input;

  g_return_val_if_fail (XS_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  input = g_new0 (ReadInput, 1);
  input->package = g_object_ref (package);
  input->path = g_strdup (path);
  return xs_job_new (NULL, read_decisions, input, (GDestroyNotify) read_input_free);
}
