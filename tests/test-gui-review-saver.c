/* test-gui-review-saver.c: decisions saved to a signed file and the
 * reviewer's key exported, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-review-saver.h"
#include "xs-test-util.h"

static XsDb *the_db;

typedef struct
{
  char  *path;
  guint  n;
  guint  generation;
  char  *message;
} Said;

static void
on_saved (XsReviewSaver *saver,
          const char    *path,
          guint          n,
          guint          generation,
          Said          *said)
{
  g_free (said->path);
  said->path = g_strdup (path);
  said->n = n;
  said->generation = generation;
}

static void
on_message (XsReviewSaver *saver,
            const char    *message,
            Said          *said)
{
  g_free (said->message);
  said->message = g_strdup (message);
}

static gboolean
is_saved (gpointer user_data)
{
  return ((Said *) user_data)->path != NULL;
}

static gboolean
has_message (gpointer user_data)
{
  return ((Said *) user_data)->message != NULL;
}

static void
test_review_saver (void)
{
  g_autofree char *package_path = xs_test_export_package (the_db, 1, 2);
  g_autofree char *reviewer_dir = xs_test_make_tmpdir ();
  g_autofree char *out_dir = xs_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (out_dir, "审核结果-2018.json", NULL);
  g_autofree char *pub = g_build_filename (out_dir, "reviewer-key.pub", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (package_path, NULL, &error);
  g_autoptr(GListStore) claims = g_list_store_new (XS_TYPE_PACKAGE_CLAIM_ITEM);
  g_autoptr(XsPackageClaimItem) item = NULL;
  g_autoptr(GPtrArray) read = NULL;
  XsReviewSaver *saver = xs_review_saver_new ();
  AdwMessageDialog *dialog;
  Said said = { 0 };

  g_assert_no_error (error);
  item = xs_package_claim_item_new (package, 0, NULL);
  g_list_store_append (claims, item);
  xs_package_claim_item_set_decision (item, XS_STATUS_APPROVED, NULL, xs_package_claim_item_get_side (item),
                                      "审核员䶮𠮷");
  xs_review_saver_set_reviewer_dir (saver, reviewer_dir);
  g_signal_connect (saver, "saved", G_CALLBACK (on_saved), &said);
  g_signal_connect (saver, "message", G_CALLBACK (on_message), &said);
  g_assert_false (xs_review_saver_get_saving (saver));

  /* no key yet: asked first; cancelled, nothing written */
  xs_review_saver_save (saver, NULL, package, G_LIST_MODEL (claims), 7, out, FALSE);
  g_assert_true (xs_review_saver_get_saving (saver));
  g_assert_true (xs_gui_test_wait_until (xs_gui_test_shows_message_dialog, NULL, 30000));
  g_assert_false (xs_review_saver_get_saving (saver));
  dialog = xs_gui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Make Your Reviewer Key?");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  xs_gui_test_iterate (100);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_null (said.path);
  g_assert_null (said.message);

  /* asked again, and the key made: the decision written and signed */
  xs_review_saver_save (saver, NULL, package, G_LIST_MODEL (claims), 7, out, FALSE);
  g_assert_true (xs_gui_test_wait_until (xs_gui_test_shows_message_dialog, NULL, 30000));
  dialog = xs_gui_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (is_saved, &said, 30000));
  g_assert_cmpstr (said.path, ==, out);
  g_assert_cmpuint (said.n, ==, 1);
  g_assert_cmpuint (said.generation, ==, 7);
  g_assert_null (said.message);
  g_assert_false (xs_review_saver_get_saving (saver));
  read = xs_decisions_read (package, out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 1);

  /* a folder that is not there: said at once, nothing running */
  {
    g_autofree char *nowhere = g_build_filename (out_dir, "没有的文件夹", "审核结果.json", NULL);

    xs_review_saver_save (saver, NULL, package, G_LIST_MODEL (claims), 8, nowhere, FALSE);
    g_assert_nonnull (said.message);
    g_assert_false (xs_review_saver_get_saving (saver));
    g_clear_pointer (&said.message, g_free);
  }

  /* the key exported, with its fingerprint */
  xs_review_saver_export_key (saver, pub);
  g_assert_true (xs_gui_test_wait_until (has_message, &said, 30000));
  g_assert_true (g_str_has_prefix (said.message, "Your key "));
  g_assert_true (g_file_test (pub, G_FILE_TEST_IS_REGULAR));

  xs_gui_test_finalize (saver, 5000);
  g_free (said.path);
  g_free (said.message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  xs_gui_test_init (&argc, &argv);
  the_db = xs_db_open (g_getenv ("XUESHI_DATA_DIR"), &error);
  g_assert_no_error (error);

  g_test_add_func ("/review-saver/save", test_review_saver);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
