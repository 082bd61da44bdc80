/* xs-review-save-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decisions are copied on the main thread, where the claims live;
 * the worker only writes the copy.
 */
#define G_LOG_DOMAIN "xs-review-save-job"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "xs-package-claim-item.h"
#include "xs-review-save-job.h"
#include "xs-signing-key.h"

void
xs_review_save_job_free (XsReviewSaveJob *job)
{
  if (job == NULL)
    return;
  g_clear_object (&job->package);
  g_array_unref (job->decisions);
  g_ptr_array_unref (job->strings);
  g_free (job->path);
  g_free (job->key_path);
  g_free (job);
}

static const char *
keep (XsReviewSaveJob *job,
      const char      *text)
{
  char *copy = g_strdup (text);

  g_ptr_array_add (job->strings, copy);
  return copy;
}

XsReviewSaveJob *
xs_review_save_job_new (XsPackage  *package,
                        GListModel *claims,
                        const char *path,
                        guint       generation)
{
  XsReviewSaveJob *job;

  g_return_val_if_fail (XS_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (claims == NULL || G_IS_LIST_MODEL (claims), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  job = g_new0 (XsReviewSaveJob, 1);
  job->package = g_object_ref (package);
  job->decisions = g_array_new (FALSE, TRUE, sizeof (XsDecision));
  job->strings = g_ptr_array_new_with_free_func (g_free);
  job->path = g_strdup (path);
  job->generation = generation;
  for (guint i = 0; claims != NULL && i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(XsPackageClaimItem) item = g_list_model_get_item (claims, i);
      XsDecision decision = { 0 };

      if (!xs_package_claim_item_get_decided_here (item))
        continue;
      /* each with the side and reviewer it was made as */
      decision.ref = keep (job, xs_package_claim_item_get_ref (item));
      decision.decision = xs_package_claim_item_get_decision (item);
      decision.side = xs_package_claim_item_get_decided_side (item);
      decision.reviewer = keep (job, xs_package_claim_item_get_reviewer (item));
      decision.reason = keep (job, xs_package_claim_item_get_reason (item));
      g_array_append_val (job->decisions, decision);
    }
  return job;
}

static gboolean
write_job (XsJob         *xs_job,
           XsDb          *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  XsReviewSaveJob *job = data;
  g_autofree char *dir = g_path_get_dirname (job->path);
  g_autoptr(XsSigningKey) key = NULL;

  if (job->autosave && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot keep the decisions in “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!job->autosave)
    {
      if (job->create_key && !xs_signing_key_create_file (job->key_path, error))
        return FALSE;
      if ((key = xs_signing_key_open_file (job->key_path, error)) == NULL)
        return FALSE;
    }
  return xs_decisions_write (job->package, key, (const XsDecision *) (gpointer) job->decisions->data,
                             job->decisions->len, job->path, error);
}

XsJob *
xs_review_save_job_wrap (XsReviewSaveJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);

  return xs_job_new (NULL, write_job, job, (GDestroyNotify) xs_review_save_job_free);
}
