/* xs-archive-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's face of `xueshi-cli archive` and `restore-archive`: the
 * passphrase (with confirmation when writing), the file, then the work in an
 * XsJob with a progress bar and Cancel. A restore needs the database
 * closed: the dialog asks the application (app.release-db) to let go of it
 * for the restore, and Xueshi closes (app.quit) once the base is back. The
 * dialog knows the base only by its folder and the settings it is given.
 */
#define G_LOG_DOMAIN "xs-archive-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-archive.h"
#include "xs-archive-dialog.h"
#include "xs-data-dir.h"
#include "xs-job.h"

struct _XsArchiveDialog
{
  AdwWindow            parent_instance;

  char                *data_dir;
  GSettings           *settings;
  XsArchiveDialogMode  mode;
  GCancellable        *cancellable;
  gboolean             running;
  gboolean             done;
  gboolean             succeeded;
  char                *path;

  GtkLabel            *body;
  GtkPasswordEntry    *passphrase;
  GtkPasswordEntry    *repeat;
  GtkLabel            *problem;
  GtkProgressBar      *progress;
  GtkButton           *cancel_button;
  GtkButton           *run_button;
};

G_DEFINE_FINAL_TYPE (XsArchiveDialog, xs_archive_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_MODE,
  PROP_DATA_DIR,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker needs: plain data, and the settings. */
typedef struct
{
  char      *data_dir;
  char      *path;
  char      *passphrase;
  GSettings *settings;
  gboolean   write;
} ArchiveData;

static void
archive_data_free (ArchiveData *data)
{
  g_free (data->data_dir);
  g_free (data->path);
  if (data->passphrase != NULL)
    {
      memset (data->passphrase, 0, strlen (data->passphrase));
      g_free (data->passphrase);
    }
  g_clear_object (&data->settings);
  g_free (data);
}

/* In the worker. Writing reads the base on the job's own connection (the
 * backup API copies while the window goes on with the main one); a restore
 * replaces the base, which nobody holds open meanwhile. */
static gboolean
archive_job (XsJob         *job,
             XsDb          *db,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  ArchiveData *data = task_data;

  if (data->write)
    return xs_archive_write (db, data->settings, data->path, data->passphrase,
                             xs_job_progress_func, job, cancellable, error);
  return xs_archive_restore (data->data_dir, data->settings, data->path, data->passphrase,
                             xs_job_progress_func, job, cancellable, error);
}

static void
on_job_progress (XsArchiveDialog *self,
                 GParamSpec      *pspec,
                 XsJob           *job)
{
  if (self->running)
    gtk_progress_bar_set_fraction (self->progress, xs_job_get_fraction (job));
}

/* The base was replaced: the application holds no database any more. */
static gboolean
restored (XsArchiveDialog *self)
{
  return self->mode == XS_ARCHIVE_DIALOG_RESTORE && self->done && self->succeeded;
}

static void
finish (XsArchiveDialog *self,
        const char      *heading,
        const char      *body)
{
  self->running = FALSE;
  self->done = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), heading);
  gtk_label_set_text (self->body, body);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button), TRUE);
  gtk_button_set_label (self->run_button, restored (self) ? _("_Close Xueshi") : _("_OK"));
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(XsArchiveDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (self->path);
  g_autofree char *body = NULL;
  gboolean ok = xs_job_run_finish (XS_JOB (object), result, &error);

  if (self->mode == XS_ARCHIVE_DIALOG_RESTORE && !ok)
    {
      /* Nothing changed: back to the base as it was. */
      gtk_widget_activate_action (GTK_WIDGET (self), "app.reopen-db", NULL);
    }
  self->succeeded = ok;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->running = FALSE;
      self->done = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->mode == XS_ARCHIVE_DIALOG_WRITE)
    {
      body = g_strdup_printf (_("Keep “%s” on another disk, and its passphrase apart from it."), display);
      if (ok)
        finish (self, _("Archive Written"), body);
      else
        finish (self, _("Could Not Write the Archive"), error->message);
    }
  else
    {
      body = g_strdup_printf (_("The base was restored from “%s”. Xueshi will now close; start it again to work with the restored base."),
                              display);
      if (ok)
        finish (self, _("Base Restored"), body);
      else
        finish (self, _("Could Not Restore the Archive"), error->message);
    }
}

void
xs_archive_dialog_run (XsArchiveDialog *self,
                       const char      *path)
{
  g_autoptr(XsJob) job = NULL;
  ArchiveData *data;

  g_return_if_fail (XS_IS_ARCHIVE_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  data = g_new0 (ArchiveData, 1);
  data->path = g_strdup (path);
  data->passphrase = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->passphrase)));
  data->settings = self->settings != NULL ? g_object_ref (self->settings) : NULL;
  data->data_dir = g_strdup (self->data_dir);
  data->write = self->mode == XS_ARCHIVE_DIALOG_WRITE;
  /* Writing: the job opens its own connection. Restoring: nobody may hold
   * the base. */
  job = xs_job_new (data->write ? data->data_dir : NULL, archive_job, data, (GDestroyNotify) archive_data_free);
  if (!data->write)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.release-db", NULL);
  g_signal_connect_object (job, "notify::fraction", G_CALLBACK (on_job_progress), self, G_CONNECT_SWAPPED);

  /* Focus on Cancel first: the fields go away while it runs. */
  gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase), "");
  gtk_editable_set_text (GTK_EDITABLE (self->repeat), "");
  gtk_widget_set_visible (GTK_WIDGET (self->passphrase), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), TRUE);
  gtk_label_set_text (self->body, self->mode == XS_ARCHIVE_DIALOG_WRITE
                      ? _("Writing the archive…") : _("Restoring the archive…"));
  self->running = TRUE;

  xs_job_run_async (job, self->cancellable, on_done, g_object_ref (self));
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                XsArchiveDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        xs_archive_dialog_run (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_run_clicked (XsArchiveDialog *self)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase));
  gboolean writing = self->mode == XS_ARCHIVE_DIALOG_WRITE;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->done)
    {
      if (restored (self))
        gtk_widget_activate_action (GTK_WIDGET (self), "app.quit", NULL);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (writing && g_utf8_strlen (passphrase, -1) < XS_ARCHIVE_MIN_PASSPHRASE)
    {
      g_autofree char *text = g_strdup_printf (_("The passphrase is too short: use at least %d characters. Whoever has the archive and the passphrase has the whole base."),
                                               XS_ARCHIVE_MIN_PASSPHRASE);

      gtk_label_set_text (self->problem, text);
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      return;
    }
  if (writing && g_strcmp0 (passphrase, gtk_editable_get_text (GTK_EDITABLE (self->repeat))) != 0)
    {
      gtk_label_set_text (self->problem, _("The passphrases differ."));
      gtk_widget_set_visible (GTK_WIDGET (self->problem), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problem), FALSE);

  gtk_file_filter_set_name (filter, _("Xueshi Archives"));
  gtk_file_filter_add_suffix (filter, "xsa");
  chooser = gtk_file_chooser_native_new (writing ? _("Back Up Everything") : _("Restore from Archive"),
                                         GTK_WINDOW (self),
                                         writing ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         writing ? _("_Back Up") : _("_Restore"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (writing)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      /* Translators: the file name offered for an archive; in Chinese 学时归档-%Y%m%d.xsa */
      g_autofree char *name = g_date_time_format (now, _("xueshi-archive-%Y%m%d.xsa"));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_cancel_clicked (XsArchiveDialog *self)
{
  if (self->running)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
xs_archive_dialog_close_request (GtkWindow *window)
{
  XsArchiveDialog *self = XS_ARCHIVE_DIALOG (window);

  /* Closing while it runs cancels it; the dialog goes when the worker has
   * stopped. */
  if (self->running)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  /* After a restore there is no base to go back to in this window. */
  if (restored (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "app.quit", NULL);
  return FALSE;
}

static void
xs_archive_dialog_dispose (GObject *object)
{
  XsArchiveDialog *self = XS_ARCHIVE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (xs_archive_dialog_parent_class)->dispose (object);
}

static void
xs_archive_dialog_finalize (GObject *object)
{
  XsArchiveDialog *self = XS_ARCHIVE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_free (self->data_dir);
  g_free (self->path);
  G_OBJECT_CLASS (xs_archive_dialog_parent_class)->finalize (object);
}

static void
xs_archive_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  XsArchiveDialog *self = XS_ARCHIVE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_int (value, self->mode);
      break;
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_archive_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  XsArchiveDialog *self = XS_ARCHIVE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MODE:
      self->mode = g_value_get_int (value);
      break;
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The texts follow the mode. */
static void
xs_archive_dialog_constructed (GObject *object)
{
  XsArchiveDialog *self = XS_ARCHIVE_DIALOG (object);
  gboolean writing = self->mode == XS_ARCHIVE_DIALOG_WRITE;

  G_OBJECT_CLASS (xs_archive_dialog_parent_class)->constructed (object);
  gtk_window_set_title (GTK_WINDOW (self), writing ? _("Back Up Everything") : _("Restore from Archive"));
  gtk_label_set_text (self->body, writing
                      ? _("The archive holds every trainee’s identity number and scans. Choose a passphrase of at least 8 characters and keep it apart from the archive: without it the archive cannot be opened.")
                      : _("Enter the passphrase the archive was written with."));
  gtk_widget_set_visible (GTK_WIDGET (self->repeat), writing);
  gtk_button_set_label (self->run_button, writing ? _("_Back Up") : _("_Restore"));
}

static void
xs_archive_dialog_class_init (XsArchiveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = xs_archive_dialog_dispose;
  object_class->finalize = xs_archive_dialog_finalize;
  object_class->get_property = xs_archive_dialog_get_property;
  object_class->set_property = xs_archive_dialog_set_property;
  object_class->constructed = xs_archive_dialog_constructed;
  window_class->close_request = xs_archive_dialog_close_request;

  properties[PROP_MODE] =
    g_param_spec_int ("mode", NULL, NULL, XS_ARCHIVE_DIALOG_WRITE, XS_ARCHIVE_DIALOG_RESTORE,
                      XS_ARCHIVE_DIALOG_WRITE,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The base's folder: the job opens its own connection there (writing),
   * or replaces the base in it (restoring). */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-archive-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, XsArchiveDialog, body);
  gtk_widget_class_bind_template_child (widget_class, XsArchiveDialog, passphrase);
  gtk_widget_class_bind_template_child (widget_class, XsArchiveDialog, repeat);
  gtk_widget_class_bind_template_child (widget_class, XsArchiveDialog, problem);
  gtk_widget_class_bind_template_child (widget_class, XsArchiveDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, XsArchiveDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, XsArchiveDialog, run_button);
  gtk_widget_class_bind_template_callback (widget_class, on_run_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
xs_archive_dialog_init (XsArchiveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
xs_archive_dialog_new (GtkWindow           *parent,
                       const char          *data_dir,
                       GSettings           *settings,
                       XsArchiveDialogMode  mode)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (XS_TYPE_ARCHIVE_DIALOG,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       "modal", TRUE,
                       "mode", mode,
                       "data-dir", data_dir,
                       "settings", settings,
                       NULL);
}

void
xs_archive_dialog_set_passphrase (XsArchiveDialog *self,
                                  const char      *passphrase)
{
  g_return_if_fail (XS_IS_ARCHIVE_DIALOG (self));
  g_return_if_fail (passphrase != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase), passphrase);
  gtk_editable_set_text (GTK_EDITABLE (self->repeat), passphrase);
}

gboolean
xs_archive_dialog_get_finished (XsArchiveDialog *self)
{
  g_return_val_if_fail (XS_IS_ARCHIVE_DIALOG (self), FALSE);
  return self->done;
}

gboolean
xs_archive_dialog_get_succeeded (XsArchiveDialog *self)
{
  g_return_val_if_fail (XS_IS_ARCHIVE_DIALOG (self), FALSE);
  return self->succeeded;
}
