/* xs-review-files.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only local files are taken: a file the chooser gives without a path
 * (a network place) is refused with a "message". Nothing is written
 * here; what a chosen path is for is said through a signal.
 */
#define G_LOG_DOMAIN "xs-review-files"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-file-chooser.h"
#include "xs-job.h"
#include "xs-review-files.h"
#include "xs-review-read-job.h"

struct _XsReviewFiles
{
  GObject       parent_instance;

  XsPackage    *package;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (XsReviewFiles, xs_review_files, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PACKAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_READ,
  SIGNAL_SAVE,
  SIGNAL_EXPORT_KEY,
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

XsReviewFiles *
xs_review_files_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_FILES, NULL);
}

XsPackage *
xs_review_files_get_package (XsReviewFiles *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_FILES (self), NULL);
  return self->package;
}

void
xs_review_files_set_package (XsReviewFiles *self,
                             XsPackage     *package)
{
  g_return_if_fail (XS_IS_REVIEW_FILES (self));
  g_return_if_fail (package == NULL || XS_IS_PACKAGE (package));

  if (g_set_object (&self->package, package))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE]);
}

void
xs_review_files_cancel (XsReviewFiles *self)
{
  g_return_if_fail (XS_IS_REVIEW_FILES (self));

  g_cancellable_cancel (self->cancellable);
}

/* Reading a decisions file */

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(XsReviewFiles) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = NULL;

  if (xs_job_run_finish (XS_JOB (object), result, &error))
    decisions = xs_job_steal_result (XS_JOB (object));
  if (decisions != NULL)
    g_signal_emit (self, signals[SIGNAL_READ], 0, decisions);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
}

void
xs_review_files_read (XsReviewFiles *self,
                      const char    *path)
{
  g_autoptr(XsJob) job = NULL;

  g_return_if_fail (XS_IS_REVIEW_FILES (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->package != NULL);

  job = xs_review_read_job_new (self->package, path);
  xs_job_run_async (job, self->cancellable, on_read, g_object_ref (self));
}

/* The choosers */

/* The decisions files a file chooser offers. */
static GListModel *
decisions_filters (void)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Decisions files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return xs_file_chooser_filters_of (filter);
}

/* The path of the file chosen; NULL when none was, or (with a "message"
 * saying @not_local when it is not NULL) when it is not a local file. */
static char *
chosen_local_path (XsReviewFiles *self,
                   GAsyncResult  *result,
                   const char    *not_local)
{
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);
  char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (file != NULL && path == NULL && not_local != NULL)
    g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, not_local);
  return path;
}

static void
on_open_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsReviewFiles) self = user_data;
  g_autofree char *path = chosen_local_path (self, result, _("Only decisions in a local file can be opened"));

  if (path != NULL && self->package != NULL)
    xs_review_files_read (self, path);
}

void
xs_review_files_open (XsReviewFiles *self,
                      GtkWindow     *parent)
{
  g_autoptr(GListModel) filters = NULL;

  g_return_if_fail (XS_IS_REVIEW_FILES (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  if (self->package == NULL)
    return;
  filters = decisions_filters ();
  xs_file_chooser_run_async (parent, XS_FILE_CHOOSER_OPEN, _("Open Decisions"), _("_Open"), filters,
                             NULL, NULL, self->cancellable, on_open_chosen, g_object_ref (self));
}

static void
on_save_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsReviewFiles) self = user_data;
  g_autofree char *path = chosen_local_path (self, result, _("Decisions can only be saved to a local file"));

  if (path != NULL)
    g_signal_emit (self, signals[SIGNAL_SAVE], 0, path);
}

void
xs_review_files_ask_save (XsReviewFiles *self,
                          GtkWindow     *parent)
{
  g_autoptr(GListModel) filters = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (XS_IS_REVIEW_FILES (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  if (self->package == NULL)
    return;
  /* Translators: the file name offered for a reviewer's decisions; in
   * Chinese 审核结果-%d.json */
  name = g_strdup_printf (_("decisions-%d.json"), xs_package_get_year (self->package));
  filters = decisions_filters ();
  xs_file_chooser_run_async (parent, XS_FILE_CHOOSER_SAVE, _("Save Decisions"), _("_Save"), filters,
                             NULL, name, self->cancellable, on_save_chosen, g_object_ref (self));
}

static void
on_key_chosen (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(XsReviewFiles) self = user_data;
  g_autofree char *path = chosen_local_path (self, result, NULL);

  if (path != NULL)
    g_signal_emit (self, signals[SIGNAL_EXPORT_KEY], 0, path);
}

void
xs_review_files_ask_key (XsReviewFiles *self,
                         GtkWindow     *parent)
{
  g_return_if_fail (XS_IS_REVIEW_FILES (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  /* Translators: the file name offered for the reviewer's public key */
  xs_file_chooser_run_async (parent, XS_FILE_CHOOSER_SAVE, _("Export My Key"), _("_Export"),
                             NULL, NULL, _("reviewer-key.pub"), self->cancellable, on_key_chosen, g_object_ref (self));
}

/* The class */

static void
xs_review_files_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PACKAGE:
      xs_review_files_set_package (XS_REVIEW_FILES (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_files_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PACKAGE:
      g_value_set_object (value, XS_REVIEW_FILES (object)->package);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_files_finalize (GObject *object)
{
  XsReviewFiles *self = XS_REVIEW_FILES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->package);
  G_OBJECT_CLASS (xs_review_files_parent_class)->finalize (object);
}

static void
xs_review_files_class_init (XsReviewFilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_review_files_finalize;
  object_class->set_property = xs_review_files_set_property;
  object_class->get_property = xs_review_files_get_property;

  properties[PROP_PACKAGE] =
    g_param_spec_object ("package", NULL, NULL, XS_TYPE_PACKAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* the decisions read (a GPtrArray of XsDecision) */
  signals[SIGNAL_READ] =
    g_signal_new ("read", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  /* where to save the decisions, chosen */
  signals[SIGNAL_SAVE] =
    g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* where to write the reviewer's public key, chosen */
  signals[SIGNAL_EXPORT_KEY] =
    g_signal_new ("export-key", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /* why a file was not read or taken, for a toast */
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
xs_review_files_init (XsReviewFiles *self)
{
  self->cancellable = g_cancellable_new ();
}
