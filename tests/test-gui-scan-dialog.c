/* test-gui-scan-dialog.c: Scan… with SANE's test backend
 *
 * With XUESHI_SHOTS set, the dialog is also saved as PNG there, in
 * Chinese when XUESHI_SHOT_LOCALEDIR names a folder holding
 * zh_CN/LC_MESSAGES/xueshi.mo (e.g. BUILDDIR/po).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-gui-test-util.h"
#include "xs-scan-dialog.h"
#include "xs-scanner.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static char *sane_dir;

static void
configure_backend (const char *extra)
{
  g_autofree char *path = g_build_filename (sane_dir, "test.conf", NULL);
  g_autofree char *text = g_strdup_printf ("number_of_devices 2\ntest-picture \"Color pattern\"\n%s",
                                           extra ? extra : "");

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

static gint64
add_claim (XsDb *db)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };

  trainee->id_number = xs_test_id_number (4);
  trainee->name = g_strdup ("欧阳䶮");
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市中心医院");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  claim.trainee_id = trainee->id;
  claim.year = 2018;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = 4;
  claim.variant = g_strdup ("attended");
  claim.hours = 100;
  claim.title = g_strdup ("河南省医学会年会");
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 20, 5, 2018);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  return claim.id;
}

static guint
count_evidence (XsDb   *db,
                gint64  claim_id)
{
  g_autoptr(GPtrArray) evidence = xs_claim_store_list_evidence (db, claim_id, NULL);

  return evidence->len;
}

static gboolean
scan_ready (gpointer user_data)
{
  GtkWidget *button = xs_gui_test_find (user_data, GTK_TYPE_BUTTON,
                                        g_getenv ("XUESHI_SHOT_LOCALEDIR") ? "扫描(_S)" : "Scan");

  return button != NULL && gtk_widget_get_sensitive (button);
}

static gboolean
flag_set (gpointer user_data)
{
  return *(gboolean *) user_data;
}

static gboolean
status_has_cancelled (gpointer user_data)
{
  GtkWidget *label = xs_gui_test_find (user_data, GTK_TYPE_LABEL, "cancelled");

  return label != NULL;
}

/* With XUESHI_SHOTS set, the dialog as drawn, to look at. */
static void
save_shot (GtkWidget  *window,
           const char *name)
{
  if (g_getenv ("XUESHI_SHOTS") == NULL)
    return;
  xs_gui_test_iterate (300);
  xs_gui_test_maybe_shoot (window, name);
}

static void
on_scanned (XsScanDialog *dialog,
            gboolean     *scanned)
{
  *scanned = TRUE;
}

static void
test_scan_and_cancel (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 claim_id = add_claim (db);
  XsScanDialog *dialog;
  GtkWidget *cancel;
  gboolean scanned = FALSE;

  configure_backend (NULL);
  dialog = xs_scan_dialog_new (NULL, db, claim_id, "meeting_notice");
  g_signal_connect (dialog, "scanned", G_CALLBACK (on_scanned), &scanned);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (scan_ready, dialog, 20000));

  xs_scan_dialog_start (dialog);
  g_assert_true (xs_gui_test_wait_until (flag_set, &scanned, 120000));
  g_assert_true (xs_gui_test_wait_until (scan_ready, dialog, 120000));
  g_assert_cmpuint (count_evidence (db, claim_id), ==, 1);
  /* The page's thumbnail is shown. */
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_PICTURE, NULL));
  save_shot (GTK_WIDGET (dialog), "scan-1-done.png");

  /* A slow page, cancelled while it arrives: nothing more is stored. */
  configure_backend ("read-limit true\nread-limit-size 4096\nread-delay true\nread-delay-duration 50000\n");
  scanned = FALSE;
  xs_scan_dialog_start (dialog);
  xs_gui_test_iterate (800);
  save_shot (GTK_WIDGET (dialog), "scan-2-arriving.png");
  cancel = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "Cancel");
  if (cancel == NULL)
    cancel = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "取消");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  if (g_getenv ("XUESHI_SHOTS") == NULL)
    g_assert_true (xs_gui_test_wait_until (status_has_cancelled, dialog, 30000));
  else
    xs_gui_test_iterate (3000);
  g_assert_false (scanned);
  g_assert_cmpuint (count_evidence (db, claim_id), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_finalize (dialog, 10000);
}

static void
on_accepted (XsScanDialog *dialog,
             const char   *field,
             const char   *value,
             GString      *accepted)
{
  g_string_append_printf (accepted, "%s=%s;", field, value);
}

/* What a certificate says is offered; only what is used is passed on, and
 * another person's number is a warning with nothing to use. */
static void
test_suggestions (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 claim_id = add_claim (db);
  g_autofree char *own = xs_test_id_number (4);
  g_autofree char *other = xs_test_id_number (9);
  g_autofree char *text = g_strdup_printf ("结业证书\n姓名：欧阳䶮 身份证号：%s\n身份证号：%s\n"
                                           "于2018年5月6日参加《基层医疗卫生人员继续教育培训班》，共计24学时。",
                                           own, other);
  g_autoptr(XsRecognition) found = xs_recognition_from_text (text, "欧阳䶮");
  g_autoptr(GString) accepted = g_string_new (NULL);
  XsScanDialog *dialog;
  GtkWidget *warning, *use;

  configure_backend (NULL);
  dialog = xs_scan_dialog_new (NULL, db, claim_id, "completion_certificate");
  g_signal_connect (dialog, "suggestion-accepted", G_CALLBACK (on_accepted), accepted);
  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (scan_ready, dialog, 20000));
  xs_scan_dialog_show_recognition (dialog, found, own);
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (dialog));
  save_shot (GTK_WIDGET (dialog), "scan-3-suggestions.png");

  warning = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                              g_getenv ("XUESHI_SHOT_LOCALEDIR") ? "另一个人" : "another person");
  g_assert_nonnull (warning);
  g_assert_null (xs_gui_test_find (warning, GTK_TYPE_BUTTON, NULL));
  g_assert_cmpstr (accepted->str, ==, "");

  /* The first "Use" is the title's. */
  use = xs_gui_test_find (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                          g_getenv ("XUESHI_SHOT_LOCALEDIR") ? "采用" : "Use");
  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
  g_assert_cmpstr (accepted->str, ==, "title=基层医疗卫生人员继续教育培训班;");
  g_assert_false (gtk_widget_get_sensitive (use));

  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_finalize (dialog, 10000);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dll = NULL;
  const char *localedir = g_getenv ("XUESHI_SHOT_LOCALEDIR");

  xs_gui_test_init (&argc, &argv);
  if (localedir != NULL)
    {
      g_setenv ("LANGUAGE", "zh_CN", TRUE);
      setlocale (LC_ALL, "zh_CN.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  sane_dir = xs_test_make_tmpdir ();
  dll = g_build_filename (sane_dir, "dll.conf", NULL);
  g_assert_true (g_file_set_contents (dll, "test\n", -1, NULL));
  g_setenv ("SANE_CONFIG_DIR", sane_dir, TRUE);

  if (xs_scanner_is_supported ())
    g_test_add_func ("/scan-dialog/scan-and-cancel", test_scan_and_cancel);
  g_test_add_func ("/scan-dialog/suggestions", test_suggestions);
  return xs_gui_test_run ();
}
