/* test-gui-history-dialog.c: the trainee page's History and its claim rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "xs-claim-row.h"
#include "xs-claim-store.h"
#include "xs-gui-test-util.h"
#include "xs-history.h"
#include "xs-history-dialog.h"
#include "xs-test-util.h"
#include "xs-trainee-page.h"
#include "xs-trainee-store.h"

/* A public claim, submitted and rejected by HR. */
static void
add_rejected_claim (XsDb   *db,
                    gint64  trainee_id)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;

  claim.trainee_id = trainee_id;
  claim.year = 2018;
  claim.category = XS_CATEGORY_PUBLIC;
  claim.hours = 60;
  claim.title = g_strdup ("公需科目网络培训");
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 1, 5, 2018);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_true (xs_claim_store_submit (db, claim.id, &error));
  g_assert_true (xs_claim_store_decide_as (db, claim.id, XS_REVIEW_SIDE_HR, XS_STATUS_REJECTED,
                                           "材料不清晰", "张三", &error));
  g_assert_no_error (error);
}

static gboolean
is_loaded (gpointer user_data)
{
  return xs_history_dialog_get_loaded (user_data);
}

static XsHistoryDialog *
find_history_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (XS_IS_HISTORY_DIALOG (window))
        return XS_HISTORY_DIALOG (window);
    }
  return NULL;
}

static void
test_history_from_trainee_page (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  gint64 trainee_id = xs_test_add_trainee (db, 1);
  GtkWindow *holder = GTK_WINDOW (gtk_window_new ());
  XsTraineePage *page = g_object_new (XS_TYPE_TRAINEE_PAGE, NULL);
  XsHistoryDialog *dialog;
  GtkWidget *row;
  GtkWidget *claim_row;
  GPtrArray *entries;

  add_rejected_claim (db, trainee_id);

  g_object_add_weak_pointer (G_OBJECT (holder), (gpointer *) &holder);
  gtk_window_set_default_size (holder, 800, 700);
  gtk_window_set_child (holder, GTK_WIDGET (page));
  {
    g_autoptr(GAsyncResult) result = NULL;

    xs_trainee_page_load_async (page, db, trainee_id, 2018, NULL, xs_gui_test_store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (xs_trainee_page_load_finish (page, result, &error));
    g_assert_no_error (error);
  }
  gtk_window_present (holder);
  xs_gui_test_wait_for_draw (GTK_WIDGET (page));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (page));
  xs_gui_test_assert_controls_named (GTK_WIDGET (page));

  /* the claim row says who decided, and why */
  claim_row = xs_gui_test_find (GTK_WIDGET (page), XS_TYPE_CLAIM_ROW, NULL);
  g_assert_nonnull (claim_row);
  g_assert_nonnull (xs_gui_test_find (claim_row, GTK_TYPE_LABEL, "HR department, reviewer 张三"));
  g_assert_nonnull (xs_gui_test_find (claim_row, GTK_TYPE_LABEL, "材料不清晰"));

  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (page), GTK_TYPE_LABEL, "History"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "trainee.history", NULL));
  dialog = find_history_dialog ();
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == holder);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "History of 学员1");
  g_assert_true (xs_gui_test_wait_until (is_loaded, dialog, 30000));

  entries = xs_history_dialog_get_entries (dialog);
  g_assert_nonnull (entries);
  /* added, recorded, submitted, rejected */
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_nonnull (strstr (((XsHistoryEntry *) g_ptr_array_index (entries, 0))->text, "added to the roster"));
  xs_gui_test_wait_for_draw (GTK_WIDGET (dialog));
  xs_gui_test_assert_unique_mnemonics (GTK_WIDGET (dialog));
  xs_gui_test_assert_controls_named (GTK_WIDGET (dialog));
  row = xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW,
                          "rejected by the HR department (reviewer 张三): 材料不清晰");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (holder);
  xs_gui_test_iterate (200);
  g_assert_null (dialog);
  g_assert_null (holder);
}

/* A trainee with nothing recorded (an unknown id) shows the empty page;
 * closing while it loads leaves nothing behind. */
static void
test_history_empty_and_close (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  XsHistoryDialog *dialog = XS_HISTORY_DIALOG (xs_history_dialog_new (NULL, xs_db_get_data_dir (db), 999, NULL));
  GtkWidget *early;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (xs_gui_test_wait_until (is_loaded, dialog, 30000));
  g_assert_cmpuint (xs_history_dialog_get_entries (dialog)->len, ==, 0);
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));

  early = xs_history_dialog_new (NULL, xs_db_get_data_dir (db), 1, "学员");
  g_object_add_weak_pointer (G_OBJECT (early), (gpointer *) &early);
  gtk_window_present (GTK_WINDOW (early));
  gtk_window_destroy (GTK_WINDOW (early));
  xs_gui_test_iterate (300);
  g_assert_null (dialog);
  g_assert_null (early);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/history-dialog/from-trainee-page", test_history_from_trainee_page);
  g_test_add_func ("/history-dialog/empty-and-close", test_history_empty_and_close);
  return xs_gui_test_run ();
}
