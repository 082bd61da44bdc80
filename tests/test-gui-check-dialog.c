/* test-gui-check-dialog.c: Check Data… finds altered and missing scans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-check-dialog.h"
#include "xs-evidence.h"
#include "xs-gui-test-util.h"
#include "xs-test-util.h"

static gboolean
is_finished (gpointer user_data)
{
  return xs_check_dialog_get_finished (user_data);
}

static GPtrArray *
run_check (const char *data_dir,
           char      **heading)
{
  XsCheckDialog *dialog = XS_CHECK_DIALOG (xs_check_dialog_new (NULL, data_dir));
  GPtrArray *problems;

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (is_finished, dialog, 30000));
  problems = g_ptr_array_ref (xs_check_dialog_get_problems (dialog));
  *heading = g_strdup (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (50);
  g_assert_finalize_object (dialog);
  return problems;
}

static void
test_check_dialog (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *scan = xs_test_fixture_path ("scan.jpg");
  g_autoptr(XsEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clean = NULL;
  g_autoptr(GPtrArray) altered = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *heading = NULL;

  evidence = xs_evidence_store_file (db, scan, 0, &error);
  g_assert_no_error (error);

  clean = run_check (xs_db_get_data_dir (db), &heading);
  g_assert_cmpuint (clean->len, ==, 0);
  g_assert_cmpstr (heading, ==, "No Problems Found");
  g_clear_pointer (&heading, g_free);

  /* someone edits the stored scan by hand */
  stored = xs_evidence_get_path (db, evidence->sha256);
  g_assert_true (g_file_set_contents (stored, "not the scan any more", -1, NULL));
  g_chmod (stored, 0600);

  altered = run_check (xs_db_get_data_dir (db), &heading);
  g_assert_cmpuint (altered->len, ==, 1);
  g_assert_cmpstr (heading, ==, "Problems Found");
}

/* Closing the dialog while it checks stops the worker and leaves nothing. */
static void
test_check_dialog_cancel (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  GtkWidget *dialog = xs_check_dialog_new (NULL, xs_db_get_data_dir (db));

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  xs_gui_test_iterate (200);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (200);
  g_assert_null (dialog);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/check-dialog/finds-altered-scans", test_check_dialog);
  g_test_add_func ("/check-dialog/cancel", test_check_dialog_cancel);
  return g_test_run ();
}
