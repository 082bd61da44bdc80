/* test-gui-review-autosave.c: a reviewer's work kept on this computer,
 * without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "xs-gui-test-util.h"
#include "xs-package-claim-item.h"
#include "xs-review-autosave.h"
#include "xs-test-util.h"

static XsDb *the_db;

static gboolean
is_kept (gpointer user_data)
{
  return xs_review_autosave_get_kept (user_data);
}

static gboolean
has_failed (gpointer user_data)
{
  return *(char **) user_data != NULL;
}

static void
on_failed (XsReviewAutosave *autosave,
           const char       *message,
           char            **failure)
{
  g_free (*failure);
  *failure = g_strdup (message);
}

static void
on_continue (XsReviewAutosave *autosave,
             GPtrArray        *decisions,
             guint            *continued)
{
  *continued = decisions->len;
}

/* The claims of @package, as the window lists them. */
static GListStore *
claims_of (XsPackage *package)
{
  GListStore *claims = g_list_store_new (XS_TYPE_PACKAGE_CLAIM_ITEM);

  for (guint i = 0; i < xs_package_get_n_claims (package); i++)
    {
      g_autoptr(XsPackageClaimItem) item = xs_package_claim_item_new (package, i, NULL);

      g_list_store_append (claims, item);
    }
  return claims;
}

static void
decide (GListStore *claims,
        guint       position,
        XsStatus    decision,
        const char *reason)
{
  g_autoptr(XsPackageClaimItem) item = g_list_model_get_item (G_LIST_MODEL (claims), position);

  xs_package_claim_item_set_decision (item, decision, reason, xs_package_claim_item_get_side (item), "审核员䶮𠮷");
}

/* The kept review, read as the window reads it when the package opens. */
static guint
n_kept (XsPackage *package)
{
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GPtrArray) decisions = xs_review_autosave_read (package, &saved_at, NULL);

  g_assert_true ((decisions == NULL) == (saved_at == NULL));
  return decisions != NULL ? decisions->len : 0;
}

static void
test_review_autosave_keeps (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  g_autoptr(GListStore) claims = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *failure = NULL;
  XsReviewAutosave *autosave;
  guint continued = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (xs_package_get_n_claims (package), ==, 3);
  claims = claims_of (package);
  autosave = xs_review_autosave_new (package);
  g_signal_connect (autosave, "failed", G_CALLBACK (on_failed), &failure);
  g_signal_connect (autosave, "continue", G_CALLBACK (on_continue), &continued);

  /* named by the package's digest in the user's data folder */
  expected = g_strdup_printf ("%s.json", xs_package_get_digest (package));
  g_assert_true (g_str_has_suffix (xs_review_autosave_get_path (autosave), expected));
  g_assert_true (g_str_has_prefix (xs_review_autosave_get_path (autosave), g_get_user_state_dir ()));
  g_assert_true (xs_review_autosave_get_package (autosave) == package);
  /* nothing kept before the first decision */
  g_assert_true (xs_review_autosave_get_kept (autosave));
  none = xs_review_autosave_read (package, &saved_at, NULL);
  g_assert_null (none);
  g_assert_null (saved_at);

  /* two decisions in a row: the second waits for the first write */
  decide (claims, 0, XS_STATUS_APPROVED, NULL);
  xs_review_autosave_keep (autosave, G_LIST_MODEL (claims));
  g_assert_false (xs_review_autosave_get_kept (autosave));
  decide (claims, 2, XS_STATUS_REJECTED, "专利证书与申报人不符");
  xs_review_autosave_keep (autosave, G_LIST_MODEL (claims));
  g_assert_true (xs_gui_test_wait_until (is_kept, autosave, 10000));
  g_assert_null (failure);
  g_assert_cmpuint (n_kept (package), ==, 2);

  /* a review kept where earlier versions kept it is still found */
  {
    g_autofree char *old_dir = g_build_filename (g_get_user_data_dir (), "xueshi", "reviews", NULL);
    g_autofree char *old_path = g_build_filename (old_dir, expected, NULL);

    g_assert_cmpint (g_mkdir_with_parents (old_dir, 0700), ==, 0);
    g_assert_cmpint (g_rename (xs_review_autosave_get_path (autosave), old_path), ==, 0);
    g_assert_cmpuint (n_kept (package), ==, 2);
    g_assert_cmpint (g_rename (old_path, xs_review_autosave_get_path (autosave)), ==, 0);
  }

  /* a folder where the file goes: the write fails, and says why */
  g_assert_cmpint (g_remove (xs_review_autosave_get_path (autosave)), ==, 0);
  g_assert_cmpint (g_mkdir (xs_review_autosave_get_path (autosave), 0700), ==, 0);
  g_test_expect_message ("xs-review-autosave", G_LOG_LEVEL_WARNING, "Cannot keep the review of *");
  xs_review_autosave_keep (autosave, G_LIST_MODEL (claims));
  g_assert_true (xs_gui_test_wait_until (has_failed, &failure, 10000));
  g_test_assert_expected_messages ();
  g_assert_false (xs_review_autosave_get_kept (autosave));
  g_assert_cmpint (g_rmdir (xs_review_autosave_get_path (autosave)), ==, 0);

  /* offered again: nothing to offer without decisions */
  xs_review_autosave_offer_continue (autosave, NULL, NULL, NULL);
  g_assert_null (xs_gui_test_find_message_dialog ());
  xs_review_autosave_keep (autosave, G_LIST_MODEL (claims));
  g_assert_true (xs_gui_test_wait_until (is_kept, autosave, 10000));
  {
    g_autoptr(GDateTime) when = NULL;
    g_autoptr(GPtrArray) kept = xs_review_autosave_read (package, &when, NULL);
    AdwMessageDialog *dialog;

    g_assert_nonnull (kept);
    xs_review_autosave_offer_continue (autosave, NULL, kept, when);
    dialog = xs_gui_test_find_message_dialog ();
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "continue");
    g_assert_cmpuint (continued, ==, 2);
    gtk_window_destroy (GTK_WINDOW (dialog));

    /* starting over keeps an empty review */
    continued = 0;
    xs_review_autosave_offer_continue (autosave, NULL, kept, when);
    dialog = xs_gui_test_find_message_dialog ();
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "start-over");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_cmpuint (continued, ==, 0);
    g_assert_true (xs_gui_test_wait_until (is_kept, autosave, 10000));
    g_assert_cmpuint (n_kept (package), ==, 0);
  }

  xs_gui_test_finalize (autosave, 5000);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("xs-review-autosave-XXXXXX", NULL);
  g_autofree char *state = g_dir_make_tmp ("xs-review-autosave-state-XXXXXX", NULL);
  int status;

  /* the kept reviews go to a state folder of this test's; the base's
   * data folder is the default one, as on a desktop where nobody set
   * XUESHI_DATA_DIR (the kept reviews must not be refused as inside it) */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  xs_gui_test_init (&argc, &argv);
  g_unsetenv ("XUESHI_DATA_DIR");
  the_db = xs_db_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (xs_db_get_data_dir (the_db), home));

  g_test_add_func ("/review-autosave/keeps", test_review_autosave_keeps);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
