/* xs-review-open-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything that reads a file happens in the worker; the window only
 * shows what was read.
 */
#define G_LOG_DOMAIN "xs-review-open-job"

#include "config.h"

#include "xs-package-claim-item.h"
#include "xs-review-autosave.h"
#include "xs-review-open-job.h"

void
xs_review_opened_free (XsReviewOpened *opened)
{
  if (opened == NULL)
    return;
  g_clear_object (&opened->package);
  g_clear_object (&opened->rules);
  g_clear_pointer (&opened->items, g_ptr_array_unref);
  g_clear_pointer (&opened->saved, g_ptr_array_unref);
  g_clear_pointer (&opened->saved_at, g_date_time_unref);
  g_free (opened->trusted_name);
  g_free (opened);
}

typedef struct
{
  char *path;
  char *reviewer_dir;
} OpenInput;

static void
open_input_free (OpenInput *input)
{
  g_free (input->path);
  g_free (input->reviewer_dir);
  g_free (input);
}

static gboolean
open_package (XsJob         *job,
              XsDb          *db,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  OpenInput *input = data;
  g_autoptr(XsReviewOpened) opened = g_new0 (XsReviewOpened, 1);
  guint n;

  /* a package changed after the base signed it is refused here */
  opened->package = xs_package_open (input->path, cancellable, error);
  if (opened->package == NULL)
    return FALSE;
  opened->trust = xs_trust_check_package (input->reviewer_dir, opened->package, &opened->trusted_name);
  /* Without the year's rules, kinds are named by number. */
  opened->rules = xs_rule_set_for_year (xs_package_get_year (opened->package), NULL);
  n = xs_package_get_n_claims (opened->package);
  opened->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (opened->items, xs_package_claim_item_new (opened->package, i, opened->rules));

  /* the review kept from an earlier session, if any */
  opened->saved = xs_review_autosave_read (opened->package, &opened->saved_at, cancellable);
  xs_job_set_result (job, g_steal_pointer (&opened), (GDestroyNotify) xs_review_opened_free);
  return TRUE;
}

XsJob *
xs_review_open_job_new (const char *path,
                        const char *reviewer_dir)
{
  OpenInput *input;

  g_return_val_if_fail (path != NULL, NULL);

  input = g_new0 (OpenInput, 1);
  input->path = g_strdup (path);
  input->reviewer_dir = g_strdup (reviewer_dir);
  return xs_job_new (NULL, open_package, input, (GDestroyNotify) open_input_free);
}
