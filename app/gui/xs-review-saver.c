/* xs-review-saver.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Decisions are signed with the reviewer's own key, so that the base
 * knows whose they are and that nobody changed them; the key is made the
 * first time, after asking, and kept in the reviewer's folder.
 */
#define G_LOG_DOMAIN "xs-review-saver"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-job.h"
#include "xs-output.h"
#include "xs-review-save-job.h"
#include "xs-review-saver.h"
#include "xs-signing-key.h"
#include "xs-trust.h"

struct _XsReviewSaver
{
  GObject       parent_instance;

  char         *reviewer_dir;
  GCancellable *cancellable;
  gboolean      saving;
};

G_DEFINE_FINAL_TYPE (XsReviewSaver, xs_review_saver, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SAVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_SAVED,
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

XsReviewSaver *
xs_review_saver_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_SAVER, NULL);
}

void
xs_review_saver_set_reviewer_dir (XsReviewSaver *self,
                                  const char    *reviewer_dir)
{
  g_return_if_fail (XS_IS_REVIEW_SAVER (self));

  g_free (self->reviewer_dir);
  self->reviewer_dir = g_strdup (reviewer_dir);
}

gboolean
xs_review_saver_get_saving (XsReviewSaver *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_SAVER (self), FALSE);
  return self->saving;
}

static void
set_saving (XsReviewSaver *self,
            gboolean       saving)
{
  if (self->saving == saving)
    return;
  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

void
xs_review_saver_cancel (XsReviewSaver *self)
{
  g_return_if_fail (XS_IS_REVIEW_SAVER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/* Asking to make the key */

typedef struct
{
  XsReviewSaver *self;
  GtkWindow     *parent;
  XsPackage     *package;
  GListModel    *claims;
  guint          generation;
  char          *path;
} KeyAsked;

static void
key_asked_free (KeyAsked *data)
{
  g_object_unref (data->self);
  g_clear_object (&data->parent);
  g_object_unref (data->package);
  g_object_unref (data->claims);
  g_free (data->path);
  g_free (data);
}

static void
on_create_key_response (AdwMessageDialog *dialog,
                        const char       *response,
                        KeyAsked         *data)
{
  if (g_str_equal (response, "create"))
    xs_review_saver_save (data->self, data->parent, data->package, data->claims, data->generation, data->path, TRUE);
}

static void
ask_create_key (XsReviewSaver *self,
                GtkWindow     *parent,
                XsPackage     *package,
                GListModel    *claims,
                guint          generation,
                const char    *path)
{
  GtkWidget *dialog;
  KeyAsked *data;

  dialog = adw_message_dialog_new (parent, _("Make Your Reviewer Key?"),
                                   _("Decisions are signed with your own key, so that the base knows they are yours and that nobody changed them. Xueshi makes the key once and keeps it in your data folder. Give the base the file Export My Key… writes, so that it can register you."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("_Make Key and Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  data = g_new0 (KeyAsked, 1);
  data->self = g_object_ref (self);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->package = g_object_ref (package);
  data->claims = g_object_ref (claims);
  data->generation = generation;
  data->path = g_strdup (path);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_create_key_response), data,
                         (GClosureNotify) (void (*) (void)) key_asked_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving */

typedef struct
{
  XsReviewSaver *self;
  GtkWindow     *parent;
  GListModel    *claims;
} Saving;

static void
saving_free (Saving *data)
{
  g_object_unref (data->self);
  g_clear_object (&data->parent);
  g_object_unref (data->claims);
  g_free (data);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saving *data = user_data;
  XsReviewSaver *self = data->self;
  XsReviewSaveJob *job = xs_job_get_data (XS_JOB (object));
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (g_error_matches (error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_MISSING) && !job->create_key)
        ask_create_key (self, data->parent, job->package, data->claims, job->generation, job->path);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
    }
  else
    g_signal_emit (self, signals[SIGNAL_SAVED], 0, job->path, job->decisions->len, job->generation);
  set_saving (self, FALSE);
  saving_free (data);
}

void
xs_review_saver_save (XsReviewSaver *self,
                      GtkWindow     *parent,
                      XsPackage     *package,
                      GListModel    *claims,
                      guint          generation,
                      const char    *path,
                      gboolean       create_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsJob) xs_job = NULL;
  XsReviewSaveJob *job;
  Saving *data;

  g_return_if_fail (XS_IS_REVIEW_SAVER (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (XS_IS_PACKAGE (package));
  g_return_if_fail (G_IS_LIST_MODEL (claims));
  g_return_if_fail (path != NULL);

  if (!xs_output_check_path (path, &error))
    {
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
      return;
    }

  job = xs_review_save_job_new (package, claims, path, generation);
  job->key_path = xs_reviewer_key_path (self->reviewer_dir);
  job->create_key = create_key;
  data = g_new0 (Saving, 1);
  data->self = g_object_ref (self);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->claims = g_object_ref (claims);

  set_saving (self, TRUE);
  xs_job = xs_review_save_job_wrap (job);
  xs_job_run_async (xs_job, self->cancellable, on_saved, data);
}

/* Exporting the reviewer's public key, for the bases to register */

typedef struct
{
  char *key_path;
  char *out;
} ExportKeyJob;

static void
export_key_job_free (ExportKeyJob *job)
{
  g_free (job->key_path);
  g_free (job->out);
  g_free (job);
}

static gboolean
export_key (XsJob         *xs_job,
            XsDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  ExportKeyJob *job = data;
  g_autoptr(XsSigningKey) key = NULL;
  g_autofree char *text = NULL;

  /* made the first time it is needed */
  if (!xs_signing_key_create_file (job->key_path, error)
      || (key = xs_signing_key_open_file (job->key_path, error)) == NULL)
    return FALSE;
  text = g_strconcat (xs_signing_key_get_public_text (key), "\n", NULL);
  if (!xs_output_write_file (job->out, text, strlen (text), XS_OUTPUT_PUBLIC, error))
    return FALSE;
  xs_job_set_result (xs_job, xs_public_key_fingerprint (xs_signing_key_get_public_text (key)), g_free);
  return TRUE;
}

static void
on_key_exported (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(XsReviewSaver) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *text = NULL;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
      return;
    }
  fingerprint = xs_job_steal_result (XS_JOB (object));
  /* Translators: the reviewer's key fingerprint */
  text = g_strdup_printf (_("Your key %s was exported: give the file to the base"), fingerprint);
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, text);
}

void
xs_review_saver_export_key (XsReviewSaver *self,
                            const char    *path)
{
  g_autoptr(XsJob) xs_job = NULL;
  ExportKeyJob *job;

  g_return_if_fail (XS_IS_REVIEW_SAVER (self));
  g_return_if_fail (path != NULL);

  job = g_new0 (ExportKeyJob, 1);
  job->key_path = xs_reviewer_key_path (self->reviewer_dir);
  job->out = g_strdup (path);
  xs_job = xs_job_new (NULL, export_key, job, (GDestroyNotify) export_key_job_free);
  xs_job_run_async (xs_job, self->cancellable, on_key_exported, g_object_ref (self));
}

/* The object */

static void
xs_review_saver_finalize (GObject *object)
{
  XsReviewSaver *self = XS_REVIEW_SAVER (object);

  g_clear_object (&self->cancellable);
  g_free (self->reviewer_dir);

  G_OBJECT_CLASS (xs_review_saver_parent_class)->finalize (object);
}

static void
xs_review_saver_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsReviewSaver *self = XS_REVIEW_SAVER (object);

  switch (prop_id)
    {
    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_saver_class_init (XsReviewSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_review_saver_finalize;
  object_class->get_property = xs_review_saver_get_property;

  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the decisions file written: its path, how many decisions, as of
   * which generation */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
  /* what to tell the reviewer: why a save failed, or the key exported */
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xs_review_saver_init (XsReviewSaver *self)
{
  self->cancellable = g_cancellable_new ();
}
