/* xs-review-autosave.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After every decision the decisions made so far are written, as a
 * decisions file, to the user's state folder, named by the package's
 * SHA-256 ($XDG_STATE_HOME/xueshi/reviews/<digest>.json): the same package
 * opened again, from wherever it was copied, finds it. Not in the data
 * folder ($XDG_DATA_HOME/xueshi by default), which no file written for the
 * user may enter; reviews kept there by earlier versions are still read. Writes run one at a
 * time in a worker and are not cancelled when the window closes: the last
 * decision is kept too.
 */
#define G_LOG_DOMAIN "xs-review-autosave"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-job.h"
#include "xs-review-autosave.h"
#include "xs-review-save-job.h"

struct _XsReviewAutosave
{
  GObject     parent_instance;

  XsPackage  *package;
  char       *path;
  GListModel *claims;     /* of the last keep asked for */
  gboolean    writing;
  gboolean    pending;
  gboolean    written;    /* the last write done succeeded */
};

G_DEFINE_FINAL_TYPE (XsReviewAutosave, xs_review_autosave, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PACKAGE,
  PROP_PATH,
  PROP_KEPT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_FAILED,
  SIGNAL_CONTINUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
xs_review_autosave_path_for (XsPackage *package)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (XS_IS_PACKAGE (package), NULL);

  name = g_strdup_printf ("%s.json", xs_package_get_digest (package));
  return g_build_filename (g_get_user_state_dir (), "xueshi", "reviews", name, NULL);
}

/* Where earlier versions kept the review: inside the default data folder,
 * where writing is refused. */
static char *
legacy_path_for (XsPackage *package)
{
  g_autofree char *name = g_strdup_printf ("%s.json", xs_package_get_digest (package));

  return g_build_filename (g_get_user_data_dir (), "xueshi", "reviews", name, NULL);
}

GPtrArray *
xs_review_autosave_read (XsPackage     *package,
                         GDateTime    **saved_at,
                         GCancellable  *cancellable)
{
  g_autofree char *kept = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *decisions;

  g_return_val_if_fail (XS_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (saved_at != NULL && *saved_at == NULL, NULL);

  kept = xs_review_autosave_path_for (package);
  file = g_file_new_for_path (kept);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info == NULL)
    {
      /* the next decision keeps it in the new place, which is read first */
      g_free (kept);
      g_object_unref (file);
      kept = legacy_path_for (package);
      file = g_file_new_for_path (kept);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
    }
  if (info == NULL)
    return NULL;
  decisions = xs_decisions_read (package, kept, &error);
  if (decisions == NULL)
    g_warning ("The kept review %s cannot be read: %s", kept, error->message);
  *saved_at = g_file_info_get_modification_date_time (info);
  return decisions;
}

XsReviewAutosave *
xs_review_autosave_new (XsPackage *package)
{
  g_return_val_if_fail (XS_IS_PACKAGE (package), NULL);

  return g_object_new (XS_TYPE_REVIEW_AUTOSAVE, "package", package, NULL);
}

XsPackage *
xs_review_autosave_get_package (XsReviewAutosave *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_AUTOSAVE (self), NULL);
  return self->package;
}

const char *
xs_review_autosave_get_path (XsReviewAutosave *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_AUTOSAVE (self), NULL);
  return self->path;
}

gboolean
xs_review_autosave_get_kept (XsReviewAutosave *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_AUTOSAVE (self), FALSE);
  return !self->writing && !self->pending && self->written;
}

/* Writing */

static void start_write (XsReviewAutosave *self);

static void
set_state (XsReviewAutosave *self,
           gboolean          writing,
           gboolean          pending,
           gboolean          written)
{
  gboolean was_kept = xs_review_autosave_get_kept (self);

  self->writing = writing;
  self->pending = pending;
  self->written = written;
  if (was_kept != xs_review_autosave_get_kept (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEPT]);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(XsReviewAutosave) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = xs_job_run_finish (XS_JOB (object), result, &error);

  if (self->pending)
    {
      self->written = ok;
      start_write (self);
    }
  else
    set_state (self, FALSE, FALSE, ok);
  if (!ok)
    {
      g_warning ("Cannot keep the review of %s: %s", xs_package_get_digest (self->package), error->message);
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, error->message);
    }
}

static void
start_write (XsReviewAutosave *self)
{
  XsReviewSaveJob *job = xs_review_save_job_new (self->package, self->claims, self->path, 0);
  g_autoptr(XsJob) xs_job = NULL;

  job->autosave = TRUE;
  set_state (self, TRUE, FALSE, self->written);
  xs_job = xs_review_save_job_wrap (job);
  xs_job_run_async (xs_job, NULL, on_written, g_object_ref (self));
}

void
xs_review_autosave_keep (XsReviewAutosave *self,
                         GListModel       *claims)
{
  g_return_if_fail (XS_IS_REVIEW_AUTOSAVE (self));
  g_return_if_fail (claims == NULL || G_IS_LIST_MODEL (claims));

  if (claims != self->claims)
    g_set_object (&self->claims, claims);
  if (self->writing)
    set_state (self, TRUE, TRUE, self->written);
  else
    start_write (self);
}

/* Offering to continue */

typedef struct
{
  XsReviewAutosave *self;
  GPtrArray        *decisions;
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
    g_signal_emit (data->self, signals[SIGNAL_CONTINUE], 0, data->decisions);
  else
    /* starting over: the kept review becomes an empty one */
    xs_review_autosave_keep (data->self, NULL);
}

void
xs_review_autosave_offer_continue (XsReviewAutosave *self,
                                   GtkWindow        *parent,
                                   GPtrArray        *decisions,
                                   GDateTime        *saved_at)
{
  ContinueData *data;
  GtkWidget *dialog;
  g_autofree char *when = NULL;

  g_return_if_fail (XS_IS_REVIEW_AUTOSAVE (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  if (decisions == NULL || decisions->len == 0)
    return;

  when = saved_at != NULL ? g_date_time_format (saved_at, "%Y-%m-%d %H:%M") : g_strdup ("");
  dialog = adw_message_dialog_new (parent, _("Continue the Review?"), NULL);
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

/* The object */

static void
xs_review_autosave_constructed (GObject *object)
{
  XsReviewAutosave *self = XS_REVIEW_AUTOSAVE (object);

  G_OBJECT_CLASS (xs_review_autosave_parent_class)->constructed (object);
  g_return_if_fail (self->package != NULL);
  self->path = xs_review_autosave_path_for (self->package);
}

static void
xs_review_autosave_finalize (GObject *object)
{
  XsReviewAutosave *self = XS_REVIEW_AUTOSAVE (object);

  g_clear_object (&self->package);
  g_clear_object (&self->claims);
  g_free (self->path);

  G_OBJECT_CLASS (xs_review_autosave_parent_class)->finalize (object);
}

static void
xs_review_autosave_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsReviewAutosave *self = XS_REVIEW_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_PACKAGE:
      g_value_set_object (value, self->package);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_KEPT:
      g_value_set_boolean (value, xs_review_autosave_get_kept (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_autosave_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  XsReviewAutosave *self = XS_REVIEW_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_PACKAGE:
      self->package = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_autosave_class_init (XsReviewAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = xs_review_autosave_constructed;
  object_class->finalize = xs_review_autosave_finalize;
  object_class->get_property = xs_review_autosave_get_property;
  object_class->set_property = xs_review_autosave_set_property;

  properties[PROP_PACKAGE] =
    g_param_spec_object ("package", NULL, NULL, XS_TYPE_PACKAGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEPT] =
    g_param_spec_boolean ("kept", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* a write failed: its message, in the user's terms */
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* the reviewer continues with the decisions kept (XsDecision) */
  signals[SIGNAL_CONTINUE] =
    g_signal_new ("continue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
xs_review_autosave_init (XsReviewAutosave *self)
{
  /* nothing to keep yet */
  self->written = TRUE;
}
