/* test-gui-decisions-dialog.c: what applying a decisions file would do, or
 * did, alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-decisions-dialog.h"
#include "xs-gui-test-util.h"
#include "xs-test-util.h"

static char *applied_path;
static guint applied_flags;
static guint n_applied;

static void
on_apply (XsDecisionsDialog *dialog,
          const char        *path,
          guint              flags,
          gpointer           user_data)
{
  g_free (applied_path);
  applied_path = g_strdup (path);
  applied_flags = flags;
  n_applied++;
}

/* Two decisions, one refused (row 2) for a name the base lacks. */
static XsImportReport *
report_new (void)
{
  XsImportReport *report = xs_import_report_new ("决定-䶮𠮷.json");

  xs_import_report_add (report, 1, XS_ROW_UPDATED, "张䶮：专利证书 120 学时，通过");
  xs_import_report_add (report, 2, XS_ROW_REJECTED, "王𠮷：本基地没有这名学员");
  return report;
}

static void
test_preview (void)
{
  XsDecisionsPreview preview = { 0 };
  XsDecisionsDialog *dialog;
  g_autofree char *body = NULL;

  preview.report = report_new ();
  preview.n_approved = 1;
  preview.imported_at = g_strdup ("2026-03-01T08:30:00Z");
  dialog = g_object_ref (xs_decisions_dialog_new_preview (NULL, "/tmp/决定.json", &preview));
  g_signal_connect (dialog, "apply", G_CALLBACK (on_apply), NULL);

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Apply the Decisions?");
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (body, "2026-03-01"));
  g_assert_nonnull (strstr (body, "Refused: 1"));
  /* a refused one: no Apply of them all, only of the valid one */
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "apply"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "apply-valid"));
  gtk_window_present (GTK_WINDOW (dialog));
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (dialog));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_assert_cmpuint (n_applied, ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply-valid");
  g_assert_cmpuint (n_applied, ==, 1);
  g_assert_cmpstr (applied_path, ==, "/tmp/决定.json");
  g_assert_cmpuint (applied_flags, ==, XS_IMPORT_SKIP_INVALID);

  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_finalize (dialog, 5000);
  g_clear_object (&preview.report);
  g_free (preview.imported_at);
  g_clear_pointer (&applied_path, g_free);
  n_applied = 0;
}

static void
test_report (void)
{
  g_autoptr(XsImportReport) refused = report_new ();
  g_autoptr(XsImportReport) applied = xs_import_report_new ("决定.json");
  XsDecisionsDialog *dialog;

  /* nothing applied because one is refused: Apply the valid one */
  dialog = g_object_ref (xs_decisions_dialog_new_report (NULL, "/tmp/决定.json", refused));
  g_signal_connect (dialog, "apply", G_CALLBACK (on_apply), NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Decisions Not Applied");
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "apply-valid"));
  g_assert_nonnull (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply-valid");
  g_assert_cmpuint (n_applied, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_finalize (dialog, 5000);

  /* applied: only Close */
  xs_import_report_add (applied, 1, XS_ROW_UPDATED, "张䶮：通过");
  xs_import_report_set_committed (applied, TRUE);
  dialog = g_object_ref (xs_decisions_dialog_new_report (NULL, "/tmp/决定.json", applied));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Decisions Applied");
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "apply-valid"));
  g_assert_null (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_finalize (dialog, 5000);
  g_clear_pointer (&applied_path, g_free);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/decisions-dialog/preview", test_preview);
  g_test_add_func ("/decisions-dialog/report", test_report);
  return xs_gui_test_run ();
}
