/* test-gui-archive-dialog.c: Back Up Everything… and Restore from Archive…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-archive.h"
#include "xs-application.h"
#include "xs-archive-dialog.h"
#include "xs-db-private.h"
#include "xs-gui-test-util.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"

#define PASSPHRASE "窗口里的口令 passphrase"

static gboolean
is_finished (gpointer user_data)
{
  return xs_archive_dialog_get_finished (user_data);
}

static char *
dump (XsDb *db)
{
  return xs_test_query_text (db, "SELECT group_concat (id_number || ':' || name, ';') "
                                 "FROM (SELECT * FROM trainee ORDER BY id)");
}

/* The dialog alone, with no main window: it takes the base's folder and
 * the settings, and belongs to the application, whose actions let go of
 * the database for a restore and open it again when the restore failed. */
static void
run_dialog (XsApplication       *app,
            XsArchiveDialogMode  mode,
            const char          *path,
            const char          *passphrase)
{
  XsArchiveDialog *dialog = g_object_new (XS_TYPE_ARCHIVE_DIALOG,
                                          "application", app,
                                          "mode", mode,
                                          "data-dir", xs_db_get_data_dir (xs_application_get_db (app)),
                                          "settings", xs_application_get_settings (app),
                                          NULL);

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (dialog));
  xs_archive_dialog_set_passphrase (dialog, passphrase);
  xs_archive_dialog_run (dialog, path);
  g_assert_true (xs_gui_test_wait_until (is_finished, dialog, 60000));
  g_test_message ("%s: %s", gtk_window_get_title (GTK_WINDOW (dialog)),
                  gtk_label_get_text (GTK_LABEL (xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, NULL))));
  if (g_strcmp0 (passphrase, PASSPHRASE) == 0)
    g_assert_true (xs_archive_dialog_get_succeeded (dialog));
  else
    g_assert_false (xs_archive_dialog_get_succeeded (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (50);
  g_assert_finalize_object (dialog);
}

static void
test_archive_dialog (void)
{
  g_autofree char *out = g_build_filename (xs_test_make_tmpdir (), "基地.xsa", NULL);
  g_autofree char *roster = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = xs_test_id_number (7);
  g_autofree char *csv = g_strdup_printf ("姓名,身份证号,工作单位\n䶮𠮷,%s,漯河市第一人民医院\n", id);
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  XsApplication *app = xs_gui_test_start_app ();
  GStatBuf st;

  /* Back Up Everything… from a base with a trainee */
  roster = xs_test_write_file ("roster.csv", csv, -1);
  report = xs_roster_import (xs_application_get_db (app), roster, NULL, XS_IMPORT_DEFAULT,
                             NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  before = dump (xs_application_get_db (app));
  run_dialog (app, XS_ARCHIVE_DIALOG_WRITE, out, PASSPHRASE);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Restore from Archive… on a new computer: the window's empty base */
  xs_application_release_db (app);
  g_setenv ("XUESHI_DATA_DIR", xs_test_make_tmpdir (), TRUE);
  g_assert_true (xs_application_reopen_db (app, &error));
  g_assert_no_error (error);
  after = dump (xs_application_get_db (app));
  g_assert_cmpstr (after, ==, "");
  g_clear_pointer (&after, g_free);

  /* A wrong passphrase: refused, and the window keeps its base */
  run_dialog (app, XS_ARCHIVE_DIALOG_RESTORE, out, "not the passphrase");
  g_assert_nonnull (xs_application_get_db (app));
  after = dump (xs_application_get_db (app));
  g_assert_cmpstr (after, ==, "");
  g_clear_pointer (&after, g_free);

  run_dialog (app, XS_ARCHIVE_DIALOG_RESTORE, out, PASSPHRASE);
  /* the application let go of the replaced base */
  g_assert_null (xs_application_get_db (app));
  {
    g_autoptr(XsDb) restored = xs_db_open (NULL, &error);

    g_assert_no_error (error);
    after = dump (restored);
    g_assert_cmpstr (after, ==, before);
  }
  xs_gui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/archive-dialog/write-and-restore", test_archive_dialog);
  return xs_gui_test_run ();
}
