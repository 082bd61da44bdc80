/* test-gui-review-files.c: the files of a review asked for with the file
 * chooser, a decisions file read, without a review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-gui-test-util.h"
#include "xs-review-files.h"
#include "xs-test-util.h"

#define REVIEWER "审核员䶮𠮷"
#define REASON "专利证书与申报人不符"

static XsDb *the_db;

typedef struct
{
  guint  n_read;      /* decisions in the last "read" */
  guint  reads;
  char  *saved;       /* the last "save" path */
  char  *key;         /* the last "export-key" path */
  char  *message;
} Heard;

static void
on_read (XsReviewFiles *files,
         GPtrArray     *decisions,
         Heard         *heard)
{
  heard->reads++;
  heard->n_read = decisions->len;
}

static void
on_path (XsReviewFiles *files,
         const char    *path,
         char         **where)
{
  g_free (*where);
  *where = g_strdup (path);
}

static gboolean
has_read (gpointer user_data)
{
  return ((Heard *) user_data)->reads > 0;
}

static gboolean
has_message (gpointer user_data)
{
  return ((Heard *) user_data)->message != NULL;
}

static gboolean
chooser_shown (gpointer title)
{
  return xs_gui_test_find_toplevel (title) != NULL;
}

/* Closes the chooser titled @title, choosing @path (NULL: dismissed). */
static void
answer_chooser (const char *title,
                const char *path)
{
  GtkWindow *chooser;

  g_assert_true (xs_gui_test_wait_until (chooser_shown, (gpointer) title, 10000));
  chooser = xs_gui_test_find_toplevel (title);
  if (path == NULL)
    {
      gtk_window_close (chooser);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;

      g_assert_true (GTK_IS_FILE_CHOOSER (chooser));
      g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
      g_assert_no_error (error);
      /* chosen once its folder is read */
      xs_gui_test_iterate (1000);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    }
  xs_gui_test_iterate (100);
}

static void
test_review_files_choose_and_read (void)
{
  g_autofree char *path = xs_test_export_package (the_db, 1, 2);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *decisions_path = g_build_filename (dir, "审核结果-2018.json", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "坏的.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = xs_package_open (path, NULL, &error);
  XsReviewFiles *files = xs_review_files_new ();
  XsDecision decision = { 0 };
  Heard heard = { 0 };
  GtkWindow *parent;

  g_assert_no_error (error);
  decision.ref = xs_package_get_claim (package, 1)->ref;
  decision.decision = XS_STATUS_REJECTED;
  decision.side = XS_REVIEW_SIDE_INDUSTRY;
  decision.reviewer = REVIEWER;
  decision.reason = REASON;
  g_assert_true (xs_decisions_write (package, NULL, &decision, 1, decisions_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (bad_path, "{ \"decisions\": [", -1, NULL));

  g_signal_connect (files, "read", G_CALLBACK (on_read), &heard);
  g_signal_connect (files, "save", G_CALLBACK (on_path), &heard.saved);
  g_signal_connect (files, "export-key", G_CALLBACK (on_path), &heard.key);
  g_signal_connect (files, "message", G_CALLBACK (on_path), &heard.message);
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);

  /* no package yet: no decisions to open or save */
  xs_review_files_open (files, parent);
  xs_review_files_ask_save (files, parent);
  xs_gui_test_iterate (100);
  g_assert_null (xs_gui_test_find_toplevel ("Open Decisions"));
  g_assert_null (xs_gui_test_find_toplevel ("Save Decisions"));

  /* a decisions file of the package, read */
  g_object_set (files, "package", package, NULL);
  g_assert_true (xs_review_files_get_package (files) == package);
  xs_review_files_read (files, decisions_path);
  g_assert_true (xs_gui_test_wait_until (has_read, &heard, 30000));
  g_assert_cmpuint (heard.n_read, ==, 1);
  g_assert_null (heard.message);

  /* a damaged one: why, and nothing read */
  xs_review_files_read (files, bad_path);
  g_assert_true (xs_gui_test_wait_until (has_message, &heard, 30000));
  g_assert_cmpuint (heard.reads, ==, 1);
  g_clear_pointer (&heard.message, g_free);

  /* Open Decisions…: the file chosen is read */
  heard.reads = heard.n_read = 0;
  xs_review_files_open (files, parent);
  answer_chooser ("Open Decisions", decisions_path);
  g_assert_true (xs_gui_test_wait_until (has_read, &heard, 30000));
  g_assert_cmpuint (heard.n_read, ==, 1);
  g_assert_null (heard.message);

  /* Save Decisions… and Export My Key…: the names offered; dismissed,
   * nothing is said (the review window's test saves and exports) */
  xs_review_files_ask_save (files, parent);
  g_assert_true (xs_gui_test_wait_until (chooser_shown, (gpointer) "Save Decisions", 10000));
  {
    g_autofree char *offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (xs_gui_test_find_toplevel ("Save Decisions")));

    g_assert_cmpstr (offered, ==, "decisions-2018.json");
  }
  answer_chooser ("Save Decisions", NULL);
  g_assert_true (xs_gui_test_wait_toplevel_gone ("Save Decisions", 10000));
  xs_review_files_ask_key (files, parent);
  g_assert_true (xs_gui_test_wait_until (chooser_shown, (gpointer) "Export My Key", 10000));
  {
    g_autofree char *offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (xs_gui_test_find_toplevel ("Export My Key")));

    g_assert_cmpstr (offered, ==, "reviewer-key.pub");
  }
  answer_chooser ("Export My Key", NULL);
  g_assert_null (heard.saved);
  g_assert_null (heard.key);
  g_assert_null (heard.message);

  /* cancelled (the window closing): a chooser open is closed, saying nothing */
  xs_review_files_ask_save (files, parent);
  g_assert_true (xs_gui_test_wait_until (chooser_shown, (gpointer) "Save Decisions", 10000));
  g_clear_pointer (&heard.saved, g_free);
  xs_review_files_cancel (files);
  g_assert_true (xs_gui_test_wait_toplevel_gone ("Save Decisions", 10000));
  g_assert_null (heard.saved);
  g_assert_null (heard.message);

  gtk_window_destroy (parent);
  xs_gui_test_finalize (files, 5000);
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

  g_test_add_func ("/review-files/choose-and-read", test_review_files_choose_and_read);
  status = xs_gui_test_run ();
  g_assert_finalize_object (the_db);
  return status;
}
