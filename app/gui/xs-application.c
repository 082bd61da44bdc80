/* xs-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-application"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-application.h"
#include "xs-base-profile-dialog.h"
#include "xs-job.h"
#include "xs-backup.h"
#include "xs-db-backup.h"
#include "xs-base-profile.h"
#include "xs-preferences-window.h"
#include "xs-review-window.h"
#include "xs-renderer.h"
#include "xs-tooltip.h"
#include "xs-window.h"

struct _XsApplication
{
  AdwApplication  parent_instance;

  XsDb           *db;
  XsBaseProfile  *profile;
  GSettings      *settings;
  char           *data_dir;
  int             year;       /* --year, 0 when not given */
  char           *review;     /* --review FILE.zip, until its window opens */
};

G_DEFINE_FINAL_TYPE (XsApplication, xs_application, ADW_TYPE_APPLICATION)

XsApplication *
xs_application_new (void)
{
  return g_object_new (XS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

const char *
xs_application_get_data_dir (XsApplication *self)
{
  g_return_val_if_fail (XS_IS_APPLICATION (self), NULL);
  return self->data_dir;
}

XsDb *
xs_application_get_db (XsApplication *self)
{
  g_return_val_if_fail (XS_IS_APPLICATION (self), NULL);
  return self->db;
}

XsBaseProfile *
xs_application_get_base_profile (XsApplication *self)
{
  g_return_val_if_fail (XS_IS_APPLICATION (self), NULL);
  return self->profile;
}

GSettings *
xs_application_get_settings (XsApplication *self)
{
  g_return_val_if_fail (XS_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* The windows' views hold the database through their "db" property: they
 * hear that it went away, or came back. */
static void
notify_windows_db (XsApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (XS_IS_WINDOW (l->data))
      g_object_set (l->data, "db", self->db, NULL);
}

void
xs_application_release_db (XsApplication *self)
{
  g_return_if_fail (XS_IS_APPLICATION (self));
  g_clear_object (&self->db);
  notify_windows_db (self);
}

gboolean
xs_application_reopen_db (XsApplication  *self,
                          GError        **error)
{
  g_return_val_if_fail (XS_IS_APPLICATION (self), FALSE);

  if (self->db == NULL && (self->db = xs_db_open (self->data_dir, error)) != NULL)
    notify_windows_db (self);
  return self->db != NULL;
}

int
xs_application_get_default_year (XsApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year;

  g_return_val_if_fail (XS_IS_APPLICATION (self), 0);

  if (self->year > 0)
    return self->year;
  year = g_settings_get_int (self->settings, "default-year");
  return year > 0 ? year : g_date_time_get_year (now);
}

gboolean
xs_application_get_year_chosen (XsApplication *self)
{
  g_return_val_if_fail (XS_IS_APPLICATION (self), FALSE);

  return self->year > 0 || g_settings_get_int (self->settings, "default-year") > 0;
}

static void
show_startup_error (XsApplication *self,
                    const GError  *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Cannot Open the Database"), error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The job's connection is its own: the backup API reads a consistent copy
 * while the window goes on with the main one. */
static gboolean
make_daily_backup (XsJob         *job,
                   XsDb          *db,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return xs_backup_daily (db, error);
}

static void
on_daily_backup_done (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GApplication) app = user_data;
  g_autoptr(GError) error = NULL;

  if (!xs_job_run_finish (XS_JOB (object), result, &error))
    g_warning ("Could not make today’s backup: %s", error->message);
  g_application_release (app);
}

/* The day's first backup, in a worker: the window opens at once, and the
 * application stays until the copy is complete. */
static void
start_daily_backup (XsApplication *self)
{
  g_autoptr(XsJob) job = xs_job_new (xs_db_get_data_dir (self->db), make_daily_backup, NULL, NULL);

  g_application_hold (G_APPLICATION (self));
  xs_job_run_async (job, NULL, on_daily_backup_done, g_object_ref (self));
}

/* Earlier versions kept the base's identity in each user's settings: the
 * first window on a database whose profile nobody has saved yet takes over
 * what the user had set there. The settings are left as they were. */
static void
adopt_settings_profile (XsApplication *self)
{
  static const char * const keys[] = {
    "base-name", "certificate-issuer", "seal-image", "certificate-orientation", "print-full-id-number",
  };
  g_autofree char *name = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *seal = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  if (!xs_base_profile_is_empty (self->profile))
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GVariant) value = g_settings_get_user_value (self->settings, keys[i]);

      found |= value != NULL;
    }
  if (!found)
    return;

  name = g_settings_get_string (self->settings, "base-name");
  issuer = g_settings_get_string (self->settings, "certificate-issuer");
  xs_base_profile_set_name (self->profile, name);
  xs_base_profile_set_issuer (self->profile, issuer);
  xs_base_profile_set_orientation (self->profile, g_settings_get_enum (self->settings, "certificate-orientation"));
  xs_base_profile_set_full_id_number (self->profile, g_settings_get_boolean (self->settings, "print-full-id-number"));
  seal = g_settings_get_string (self->settings, "seal-image");
  /* A seal that went missing does not keep the rest from being adopted. */
  if (*seal != '\0' && !xs_base_profile_set_seal_from_file (self->profile, seal, &error))
    g_message ("The seal image of the settings is not adopted: %s", error->message);
  g_clear_error (&error);
  if (!xs_base_profile_save (self->profile, self->db, &error))
    {
      g_message ("The base's settings could not be adopted: %s", error->message);
      xs_base_profile_revert (self->profile);
    }
}

/* The reviewer's window on the package at @path, with this application's
 * settings and data folder (its signing key and kept reviews). */
static void
present_review_window (XsApplication *self,
                       const char    *path)
{
  GtkWindow *window = g_object_new (XS_TYPE_REVIEW_WINDOW,
                                    "application", self,
                                    "settings", self->settings,
                                    "data-dir", self->data_dir,
                                    "path", path,
                                    NULL);

  gtk_window_present (window);
}

static void
xs_application_activate (GApplication *app)
{
  XsApplication *self = XS_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  /* A reviewer's package: its own window, and no database of a base. */
  if (self->review != NULL)
    {
      g_autofree char *path = g_steal_pointer (&self->review);

      present_review_window (self, path);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->db == NULL)
    {
      self->db = xs_db_open (self->data_dir, &error);
      if (self->db == NULL)
        {
          show_startup_error (self, error);
          return;
        }
      start_daily_backup (self);
    }
  if (self->profile == NULL)
    {
      self->profile = xs_base_profile_load (self->db, &error);
      if (self->profile == NULL)
        {
          show_startup_error (self, error);
          return;
        }
      adopt_settings_profile (self);
    }

  window = GTK_WINDOW (xs_window_new (GTK_APPLICATION (self), self->db, self->profile,
                                      xs_application_get_default_year (self),
                                      xs_application_get_year_chosen (self)));
  gtk_window_present (window);
  /* A new data folder: who the base is comes first. */
  if (xs_base_profile_is_empty (self->profile))
    gtk_window_present (GTK_WINDOW (xs_base_profile_dialog_new (window, self->db, self->profile, NULL)));
}

static int
xs_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  XsApplication *self = XS_APPLICATION (app);

  g_variant_dict_lookup (options, "data-dir", "^ay", &self->data_dir);
  g_variant_dict_lookup (options, "year", "i", &self->year);
  /* A reviewer's window runs in its own process, beside any base's. */
  if (g_variant_dict_lookup (options, "review", "^ay", &self->review))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("xueshi %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
xs_application_about (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  XsApplication *self = user_data;
  const char *developers[] = { _("The Xueshi developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Xueshi"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Xueshi developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Continuing-education hours for the staff of a training base"),
                         "website", "https://github.com/xueshi/xueshi",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
xs_application_preferences (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  XsApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  XsPreferencesWindow *prefs = xs_preferences_window_new (self->settings, self->db, self->profile);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

/* A restore replaces the base: the archive dialog asks for the database to
 * be let go of before, and opened again when the restore failed. */
static void
xs_application_release_db_action (GSimpleAction *action,
                                  GVariant      *param,
                                  gpointer       user_data)
{
  xs_application_release_db (user_data);
}

static void
xs_application_reopen_db_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  g_autoptr(GError) error = NULL;

  if (!xs_application_reopen_db (user_data, &error))
    g_warning ("Could not open the database again: %s", error->message);
}

/* Open Package… of a base's window: the reviewer's window on @param. */
static void
xs_application_review_package_action (GSimpleAction *action,
                                      GVariant      *param,
                                      gpointer       user_data)
{
  const char *path = g_variant_get_string (param, NULL);

  present_review_window (XS_APPLICATION (user_data), path);
}

static void
xs_application_quit (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", xs_application_about },
  { "preferences", xs_application_preferences },
  { "quit", xs_application_quit },
  { "release-db", xs_application_release_db_action },
  { "reopen-db", xs_application_reopen_db_action },
  { "review-package", xs_application_review_package_action, "s" },
};

static void
xs_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  XsApplication *self = XS_APPLICATION (app);

  G_APPLICATION_CLASS (xs_application_parent_class)->startup (app);
  xs_tooltip_install ();
  xs_renderer_choose_for_display (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_window_set_default_icon_name (APP_ID);
}

/* The windows are gone and have cancelled what they started; a worker
 * still drawing or writing is let finish before the process ends under it. */
static void
xs_application_shutdown (GApplication *app)
{
  G_APPLICATION_CLASS (xs_application_parent_class)->shutdown (app);

  if (!xs_job_wait_all (30000))
    g_warning ("A background job was still running at exit");
}

static void
xs_application_dispose (GObject *object)
{
  XsApplication *self = XS_APPLICATION (object);

  g_clear_object (&self->profile);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->review, g_free);

  G_OBJECT_CLASS (xs_application_parent_class)->dispose (object);
}

static void
xs_application_class_init (XsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = xs_application_dispose;
  app_class->activate = xs_application_activate;
  app_class->startup = xs_application_startup;
  app_class->shutdown = xs_application_shutdown;
  app_class->handle_local_options = xs_application_handle_local_options;
}

static void
xs_application_init (XsApplication *self)
{
  static const GOptionEntry options[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The folder of the base’s database"), N_("DIR") },
    { "year", 0, 0, G_OPTION_ARG_INT, NULL, N_("The year to show"), N_("YEAR") },
    { "review", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Review a submission package (read-only, without a base’s database)"), N_("FILE.zip") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  self->settings = g_settings_new (APP_ID);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}
