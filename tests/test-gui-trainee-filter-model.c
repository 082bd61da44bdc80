/* test-gui-trainee-filter-model.c: search, "not yet qualified" and "at risk" over the trainees list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "xs-test-util.h"
#include "xs-trainee-filter-model.h"
#include "xs-trainee-item.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_signals++;
}

static void
append (GListStore *store,
        gint64      id,
        const char *name,
        const char *id_number,
        const char *employer,
        gboolean    qualified)
{
  XsProgressRow row = {
    .trainee_id = id,
    .id_number = id_number,
    .name = name,
    .employer = employer,
    .qualified = qualified,
  };
  g_autoptr(XsTraineeItem) item = xs_trainee_item_new (&row, NULL);

  g_list_store_append (store, item);
}

static GListStore *
make_store (void)
{
  GListStore *store = g_list_store_new (XS_TYPE_TRAINEE_ITEM);

  append (store, 1, "王伟", "41110219800101001X", "漯河市中心医院", TRUE);
  append (store, 2, "李娜", "411102198502020026", "漯河市第一中学", FALSE);
  append (store, 3, "王芳", "411121199003030047", "舞阳县农业技术推广站", FALSE);
  append (store, 4, "张伟", "411122197804040058", "临颍县人民医院", TRUE);
  return store;
}

static gint64
id_at (GListModel *model,
       guint       position)
{
  g_autoptr(XsTraineeItem) item = g_list_model_get_item (model, position);

  return item ? xs_trainee_item_get_trainee_id (item) : -1;
}

static void
test_search (void)
{
  g_autoptr(GListStore) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (G_LIST_MODEL (store));
  GListModel *model = G_LIST_MODEL (filter);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  /* a surname */
  xs_trainee_filter_model_set_search (filter, " 王 ");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (id_at (model, 0), ==, 1);
  g_assert_cmpint (id_at (model, 1), ==, 3);

  /* one more character narrows the list */
  xs_trainee_filter_model_set_search (filter, "王芳");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (id_at (model, 0), ==, 3);

  /* an employer */
  xs_trainee_filter_model_set_search (filter, "医院");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (id_at (model, 1), ==, 4);

  /* digits of the identity number, and its check character in either case */
  xs_trainee_filter_model_set_search (filter, "411102");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  xs_trainee_filter_model_set_search (filter, "001x");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (id_at (model, 0), ==, 1);

  xs_trainee_filter_model_set_search (filter, "赵");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));

  xs_trainee_filter_model_set_search (filter, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

static void
test_unqualified (void)
{
  g_autoptr(GListStore) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (G_LIST_MODEL (store));
  GListModel *model = G_LIST_MODEL (filter);

  xs_trainee_filter_model_set_unqualified_only (filter, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (id_at (model, 0), ==, 2);
  g_assert_cmpint (id_at (model, 1), ==, 3);

  /* both conditions at once */
  xs_trainee_filter_model_set_search (filter, "王");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (id_at (model, 0), ==, 3);

  xs_trainee_filter_model_set_unqualified_only (filter, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

/* At risk: set where the items are built, from xs-at-risk.h. */
static void
test_at_risk (void)
{
  g_autoptr(GListStore) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (G_LIST_MODEL (store));
  GListModel *model = G_LIST_MODEL (filter);
  g_autoptr(XsTraineeItem) li = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_autoptr(XsTraineeItem) wang = g_list_model_get_item (G_LIST_MODEL (store), 2);

  xs_trainee_item_set_at_risk (li, TRUE, "lacks 6 compulsory public hours and 12 professional hours");
  xs_trainee_item_set_at_risk (wang, FALSE, "lacks 3 professional hours");
  g_assert_true (xs_trainee_item_get_at_risk (li));
  g_assert_cmpstr (xs_trainee_item_get_lacking (li), ==, "lacks 6 compulsory public hours and 12 professional hours");
  g_assert_false (xs_trainee_item_get_at_risk (wang));

  xs_trainee_filter_model_set_at_risk_only (filter, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (id_at (model, 0), ==, 2);

  /* with "not yet qualified" and a search */
  xs_trainee_filter_model_set_unqualified_only (filter, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  xs_trainee_filter_model_set_search (filter, "王");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  xs_trainee_filter_model_set_search (filter, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  xs_trainee_filter_model_set_at_risk_only (filter, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  xs_trainee_filter_model_set_unqualified_only (filter, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

/* A change is reported once, as the range between the unchanged head and
 * tail, so a view keeps the rows that did not move. */
static void
test_change_range (void)
{
  g_autoptr(GListStore) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (G_LIST_MODEL (store));
  Change change = { 0 };

  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* 李娜 (position 1) and 王芳 (2) leave: the head 王伟 and the tail 张伟 stay */
  xs_trainee_filter_model_set_search (filter, "伟");
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 0);

  /* the same text again changes nothing */
  xs_trainee_filter_model_set_search (filter, "伟 ");
  g_assert_cmpuint (change.n_signals, ==, 1);

  xs_trainee_filter_model_set_search (filter, "");
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 2);

  /* the underlying list changes: the new trainee is shown */
  append (store, 5, "赵磊", "411103198806060079", "召陵区教育局", FALSE);
  g_assert_cmpuint (change.n_signals, ==, 3);
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpint (id_at (G_LIST_MODEL (filter), 4), ==, 5);

  g_signal_handlers_disconnect_by_func (filter, on_items_changed, &change);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/trainee-filter-model/search", test_search);
  g_test_add_func ("/trainee-filter-model/unqualified", test_unqualified);
  g_test_add_func ("/trainee-filter-model/at-risk", test_at_risk);
  g_test_add_func ("/trainee-filter-model/change-range", test_change_range);
  return g_test_run ();
}
