/* test-gui-scan-search.c: the trainees' search also finds claims by the
 * words on their scans, and the at-risk list flags a scan that names
 * another person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <cairo.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-evidence-text.h"
#include "xs-gui-test-util.h"
#include "xs-scan-match-item.h"
#include "xs-scan-search.h"
#include "xs-test-util.h"
#include "xs-trainee-model.h"
#include "xs-trainee-store.h"

#define NAME "王䶮𠮷"

static gint64
add_claim (XsDb       *db,
           guint       n,
           const char *name,
           gint64     *trainee_id)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };

  trainee->id_number = xs_test_id_number (n);
  trainee->name = g_strdup (name);
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市源汇区城市管理综合执法局综合执法支队第三大队");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  g_assert_no_error (error);
  *trainee_id = trainee->id;

  claim.trainee_id = trainee->id;
  claim.year = 2018;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = 4;
  claim.variant = g_strdup ("attended");
  claim.hours = 100;
  claim.title = g_strdup ("全科医生转岗培训班");
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 20, 5, 2018);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  return claim.id;
}

/* Attaches a small picture and stores @text as what was read on it. */
static void
attach_with_text (XsDb       *db,
                  gint64      claim_id,
                  int         shade,
                  const char *text)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "结业证书.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 30, 30);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(XsRecognition) recognition = NULL;
  gsize length = 0;
  const char *paths[] = { path, NULL };

  cairo_set_source_rgb (cr, shade / 255.0, 0.3, 0.6);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (xs_claim_store_attach (db, claim_id, "meeting_notice", paths, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  sha256 = xs_evidence_hash_bytes (bytes);
  recognition = xs_recognition_from_text (text, NULL);
  g_assert_true (xs_evidence_text_store (db, sha256, recognition, &error));
  g_assert_no_error (error);
}

static gboolean
not_busy (gpointer user_data)
{
  return !xs_scan_search_get_busy (user_data);
}

static void
test_search (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *text = NULL;
  g_autofree char *own = xs_test_id_number (1);
  GtkWindow *holder;
  XsScanSearch *search;
  GListModel *matches;
  GtkWidget *revealer;
  gint64 trainee_id = 0, second_trainee = 0;
  gint64 claim_id = add_claim (db, 1, NAME, &trainee_id);
  gint64 second = add_claim (db, 2, "李娜", &second_trainee);

  text = g_strdup_printf ("漯河市卫生健康委员会 全 科 医 生 转 岗 培 训 班 结业证书 %s 身份证号 %s 2018年7月6日",
                          NAME, own);
  attach_with_text (db, claim_id, 10, text);
  attach_with_text (db, second, 20, "护理管理人员研修班 结业证书 2018年5月6日");

  holder = GTK_WINDOW (gtk_window_new ());
  g_object_add_weak_pointer (G_OBJECT (holder), (gpointer *) &holder);
  gtk_window_set_default_size (holder, 360, 400);
  search = g_object_new (XS_TYPE_SCAN_SEARCH, "db", db, NULL);
  g_object_add_weak_pointer (G_OBJECT (search), (gpointer *) &search);
  gtk_window_set_child (holder, GTK_WIDGET (search));
  gtk_window_present (holder);
  matches = xs_scan_search_get_matches (search);
  revealer = xs_gui_test_find (GTK_WIDGET (search), GTK_TYPE_REVEALER, NULL);
  g_assert_nonnull (revealer);

  /* words on one claim's scan, spaced as recognition gives them */
  xs_scan_search_set_search (search, "转岗 结业证书");
  g_assert_true (xs_scan_search_get_busy (search));
  g_assert_true (xs_gui_test_wait_until (not_busy, search, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 1);
  {
    g_autoptr(XsScanMatchItem) item = g_list_model_get_item (matches, 0);

    g_assert_cmpint (xs_scan_match_item_get_claim_id (item), ==, claim_id);
    g_assert_cmpint (xs_scan_match_item_get_trainee_id (item), ==, trainee_id);
    /* which claim: its trainee, number and title */
    g_assert_nonnull (strstr (xs_scan_match_item_get_title (item), NAME));
    g_assert_nonnull (strstr (xs_scan_match_item_get_title (item), "全科医生转岗培训班"));
    /* and the words, in bold, among what surrounds them */
    g_test_message ("%s", xs_scan_match_item_get_markup (item));
    g_assert_nonnull (strstr (xs_scan_match_item_get_markup (item), "<b>转岗</b>"));
  }
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (xs_gui_test_find (GTK_WIDGET (search), GTK_TYPE_LABEL, "Found on the scans of 1 claim"));
  /* the row shows the claim, and the words in bold under it */
  xs_gui_test_wait_for_draw (GTK_WIDGET (search));
  {
    GtkWidget *list = xs_gui_test_find (GTK_WIDGET (search), GTK_TYPE_LIST_VIEW, NULL);
    GtkWidget *title = xs_gui_test_find (list, GTK_TYPE_LABEL, "全科医生转岗培训班");
    GtkWidget *snippet = xs_gui_test_find (list, GTK_TYPE_LABEL, "结业证书");

    g_assert_nonnull (title);
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (title)), NAME));
    g_assert_nonnull (snippet);
    g_assert_true (snippet != title);
    g_assert_true (gtk_label_get_use_markup (GTK_LABEL (snippet)));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (snippet)), "<b>转岗</b>"));
    g_assert_true (gtk_widget_has_css_class (snippet, "dim-label"));
  }

  /* a word on both */
  xs_scan_search_set_search (search, "结业证书");
  g_assert_true (xs_gui_test_wait_until (not_busy, search, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 2);

  /* markup in the words is shown as text */
  xs_scan_search_set_search (search, "<b>");
  g_assert_true (xs_gui_test_wait_until (not_busy, search, 20000));
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));

  /* nothing searched, nothing shown */
  xs_scan_search_set_search (search, "");
  g_assert_false (xs_scan_search_get_busy (search));
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 0);

  gtk_window_destroy (holder);
  xs_gui_test_iterate (100);
  g_assert_null (holder);
  g_assert_null (search);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The at-risk list names the claim whose scan names another person. */
static void
test_at_risk_flag (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsTraineeModel) model = xs_trainee_model_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other = xs_test_id_number (7);
  g_autofree char *text = g_strdup_printf ("结业证书 身份证号 %s 2018年7月6日", other);
  gint64 trainee_id = 0, second_trainee = 0;
  gint64 claim_id = add_claim (db, 1, NAME, &trainee_id);
  guint flagged = 0;

  add_claim (db, 2, "李娜", &second_trainee);
  attach_with_text (db, claim_id, 10, text);

  xs_trainee_model_load_async (model, xs_db_get_data_dir (db), 2018, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (xs_trainee_model_load_finish (model, result, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(XsTraineeItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      const char *lacking = xs_trainee_item_get_lacking (item);

      if (lacking != NULL && strstr (lacking, "names another person") != NULL)
        {
          flagged++;
          g_assert_cmpint (xs_trainee_item_get_trainee_id (item), ==, trainee_id);
          /* masked, as everywhere in lists */
          g_assert_null (strstr (lacking, other));
        }
    }
  g_assert_cmpuint (flagged, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/scan-search/search", test_search);
  g_test_add_func ("/gui/scan-search/at-risk-flag", test_at_risk_flag);
  return xs_gui_test_run ();
}
