/* xs-review-window-autosave.c: the reviewer's work kept after every
 * decision, offered again when the package is reopened, and decisions
 * files loaded back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After every decision the window writes the decisions made so far, as a
 * decisions file, to the reviewer's data folder, named by the package's
 * SHA-256 ($XDG_DATA_HOME/xueshi/reviews/<digest>.json): the same package
 * opened again, from wherever it was copied, finds it. Writes run one at a
 * time in a worker; one asked for meanwhile runs after it, with the newest
 * decisions.
 */
#define G_LOG_DOMAIN "xs-review-window"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "xs-file-chooser.h"
#include "xs-job.h"
#include "xs-review-window-private.h"
#include "xs-signing-key.h"

char *
_xs_review_window_autosave_path (XsPackage *package)
{
  g_autofree char *name = g_strdup_printf ("%s.json", xs_package_get_digest (package));

  return g_build_filename (g_get_user_data_dir (), "xueshi", "reviews", name, NULL);
}

/* The decisions made here, copied for a worker */

void
_xs_review_window_save_job_free (XsReviewSaveJob *job)
{
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
_xs_review_window_collect (XsReviewWindow *self,
                           const char     *path)
{
  XsReviewSaveJob *job = g_new0 (XsReviewSaveJob, 1);
  GListModel *claims = G_LIST_MODEL (self->claims);

  job->package = g_object_ref (self->package);
  job->decisions = g_array_new (FALSE, TRUE, sizeof (XsDecision));
  job->strings = g_ptr_array_new_with_free_func (g_free);
  job->path = g_strdup (path);
  job->generation = self->generation;
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
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

gboolean
_xs_review_window_write_job (XsJob         *xs_job,
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

/* Autosaving */

static void start_autosave (XsReviewWindow *self);

static void
on_autosaved (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(XsReviewWindow) self = user_data;
  XsReviewSaveJob *job = xs_job_get_data (XS_JOB (object));
  g_autoptr(GError) error = NULL;

  self->autosaving = FALSE;
  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      g_warning ("Cannot keep the review of %s: %s", xs_package_get_digest (self->package), error->message);
      if (!self->closing)
        _xs_review_window_show_toast (self, error->message);
    }
  else
    self->autosaved_generation = job->generation;
  if (self->autosave_pending)
    start_autosave (self);
}

static void
start_autosave (XsReviewWindow *self)
{
  g_autoptr(XsJob) xs_job = NULL;
  g_autofree char *path = _xs_review_window_autosave_path (self->package);
  XsReviewSaveJob *job = _xs_review_window_collect (self, path);

  job->autosave = TRUE;
  self->autosave_pending = FALSE;
  self->autosaving = TRUE;
  xs_job = xs_job_new (NULL, _xs_review_window_write_job, job, (GDestroyNotify) _xs_review_window_save_job_free);
  /* not cancelled when the window closes: the last decision is kept too */
  xs_job_run_async (xs_job, NULL, on_autosaved, g_object_ref (self));
}

void
_xs_review_window_autosave (XsReviewWindow *self)
{
  if (self->package == NULL)
    return;
  if (self->autosaving)
    self->autosave_pending = TRUE;
  else
    start_autosave (self);
}

gboolean
xs_review_window_get_autosaved (XsReviewWindow *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_WINDOW (self), FALSE);
  return !self->autosaving && !self->autosave_pending && self->autosaved_generation == self->generation;
}

/* Decisions read from a file */

void
_xs_review_window_apply_decisions (XsReviewWindow *self,
                                   GPtrArray      *decisions)
{
  GPtrArray *step = g_ptr_array_new_with_free_func ((GDestroyNotify) _xs_review_snapshot_free);
  guint applied = 0;

  for (guint i = 0; i < decisions->len; i++)
    {
      const XsDecision *decision = g_ptr_array_index (decisions, i);
      XsPackageClaimItem *item = g_hash_table_lookup (self->by_ref, decision->ref);

      if (item == NULL || !xs_package_claim_item_get_decidable (item))
        continue;
      g_ptr_array_add (step, _xs_review_snapshot_new (item));
      xs_package_claim_item_set_decision (item, decision->decision, decision->reason, decision->side,
                                          decision->reviewer);
      applied++;
    }
  if (applied == 0)
    {
      g_ptr_array_unref (step);
      return;
    }
  g_ptr_array_add (self->undo_steps, step);
  self->modified = TRUE;
  self->generation++;
  _xs_review_window_refilter (self);
  _xs_review_window_autosave (self);
}

/* Offering to continue: the saved review is read while the package opens. */

typedef struct
{
  XsReviewWindow *self;
  GPtrArray      *decisions;
} ContinueData;

static void
continue_data_free (ContinueData *data)
{
  g_object_unref (data->self);
  g_ptr_array_unref (data->decisions);
  g_free (data);
}

static void
on_continue_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ContinueData     *data)
{
  if (g_str_equal (response, "continue"))
    {
      _xs_review_window_apply_decisions (data->self, data->decisions);
      /* continuing is not a step to undo */
      g_ptr_array_set_size (data->self->undo_steps, 0);
    }
  else
    /* starting over: the kept review becomes an empty one */
    _xs_review_window_autosave (data->self);
}

void
_xs_review_window_offer_continue (XsReviewWindow *self,
                                  GPtrArray      *decisions,
                                  GDateTime      *saved_at)
{
  ContinueData *data;
  GtkWidget *dialog;
  g_autofree char *when = NULL;

  if (decisions == NULL || decisions->len == 0)
    return;

  when = saved_at != NULL ? g_date_time_format (saved_at, "%Y-%m-%d %H:%M") : g_strdup ("");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Continue the Review?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u decision you made on this package (last on %s) is kept on this computer. "
                                               "Continue with it, or start over?",
                                               "%u decisions you made on this package (last on %s) are kept on this computer. "
                                               "Continue with them, or start over?",
                                               decisions->len),
                                  decisions->len, when);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "start-over", _("_Start Over"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start-over", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  data = g_new0 (ContinueData, 1);
  data->self = g_object_ref (self);
  data->decisions = g_ptr_array_ref (decisions);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_continue_response), data,
                         (GClosureNotify) (void (*) (void)) continue_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Open Decisions… */

typedef struct
{
  XsPackage *package;
  char      *path;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->package);
  g_free (job->path);
  g_free (job);
}

static gboolean
read_decisions (XsJob         *xs_job,
                XsDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  ReadJob *job = data;
  GPtrArray *decisions = xs_decisions_read (job->package, job->path, error);

  if (decisions == NULL)
    return FALSE;
  xs_job_set_result (xs_job, decisions, (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

static void
on_decisions_read (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(XsReviewWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autofree char *text = NULL;

  if (xs_job_run_finish (XS_JOB (object), result, &error))
    decisions = xs_job_steal_result (XS_JOB (object));
  if (decisions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _xs_review_window_show_toast (self, error->message);
      return;
    }
  _xs_review_window_apply_decisions (self, decisions);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision loaded", "%u decisions loaded",
                                       decisions->len),
                          decisions->len);
  _xs_review_window_show_undo_toast (self, text);
}

void
xs_review_window_load_decisions (XsReviewWindow *self,
                                 const char     *path)
{
  g_autoptr(XsJob) xs_job = NULL;
  ReadJob *job;

  g_return_if_fail (XS_IS_REVIEW_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->package != NULL);

  job = g_new0 (ReadJob, 1);
  job->package = g_object_ref (self->package);
  job->path = g_strdup (path);
  xs_job = xs_job_new (NULL, read_decisions, job, (GDestroyNotify) read_job_free);
  xs_job_run_async (xs_job, self->cancellable, on_decisions_read, g_object_ref (self));
}

static void
on_open_file_chosen (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(XsReviewWindow) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (file == NULL)
    return;
  if (path == NULL)
    _xs_review_window_show_toast (self, _("Only decisions in a local file can be opened"));
  else
    xs_review_window_load_decisions (self, path);
}

void
_xs_review_window_open_decisions_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  XsReviewWindow *self = XS_REVIEW_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListModel) filters = NULL;

  if (self->package == NULL)
    return;
  gtk_file_filter_set_name (filter, _("Decisions files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  filters = xs_file_chooser_filters_of (filter);
  xs_file_chooser_run_async (GTK_WINDOW (self), XS_FILE_CHOOSER_OPEN, _("Open Decisions"), _("_Open"), filters,
                             NULL, NULL, NULL, on_open_file_chosen, g_object_ref (self));
}
