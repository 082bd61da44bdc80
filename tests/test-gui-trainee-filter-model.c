/* test-gui-trainee-filter-model.c: search, "not yet qualified" and "at risk" over the trainees list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "xs-test-util.h"
#include "xs-trainee-filter-model.h"
#include "xs-trainee-item.h"
#include "xs-trainee-model.h"

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
append_full (XsTraineeModel *store,
             gint64          id,
             const char     *name,
             const char     *id_number,
             const char     *employer,
             gboolean        qualified,
             gboolean        at_risk,
             const char     *lacking)
{
  XsProgressRow row = {
    .trainee_id = id,
    .id_number = id_number,
    .name = name,
    .employer = employer,
    .qualified = qualified,
    .total = (int) id * 10,
  };

  xs_trainee_model_append (store, &row, at_risk, lacking);
}

static void
append (XsTraineeModel *store,
        gint64          id,
        const char     *name,
        const char     *id_number,
        const char     *employer,
        gboolean        qualified)
{
  append_full (store, id, name, id_number, employer, qualified, FALSE, NULL);
}

static XsTraineeModel *
make_store (void)
{
  XsTraineeModel *store = xs_trainee_model_new ();

  append (store, 1, "王伟", "41110219800101001X", "漯河市中心医院", TRUE);
  append_full (store, 2, "李娜", "411102198502020026", "漯河市第一中学", FALSE,
               TRUE, "lacks 6 compulsory public hours and 12 professional hours");
  append_full (store, 3, "王芳", "411121199003030047", "舞阳县农业技术推广站", FALSE,
               FALSE, "lacks 3 professional hours");
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
  g_autoptr(XsTraineeModel) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (store);
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
  g_autoptr(XsTraineeModel) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (store);
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

/* At risk: set where the rows are loaded, from xs-at-risk.h. */
static void
test_at_risk (void)
{
  g_autoptr(XsTraineeModel) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (store);
  GListModel *model = G_LIST_MODEL (filter);
  g_autoptr(XsTraineeItem) li = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_autoptr(XsTraineeItem) wang = g_list_model_get_item (G_LIST_MODEL (store), 2);

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

/* The items are row slots: a change keeps the items at their positions,
 * which show the trainees now there, and only a change of length is
 * reported, at the end, so a view keeps the rows' widgets. */
static void
test_change_range (void)
{
  g_autoptr(XsTraineeModel) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (store);
  g_autoptr(XsTraineeItem) second = g_list_model_get_item (G_LIST_MODEL (filter), 1);
  Change change = { 0 };

  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "李娜");

  /* 李娜 (position 1) and 王芳 (2) leave: 张伟 moves up into slot 1 */
  xs_trainee_filter_model_set_search (filter, "伟");
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "张伟");
  g_assert_cmpint (xs_trainee_item_get_trainee_id (second), ==, 4);
  {
    g_autoptr(XsTraineeItem) again = g_list_model_get_item (G_LIST_MODEL (filter), 1);

    g_assert_true (again == second);
  }

  /* the same text again changes nothing */
  xs_trainee_filter_model_set_search (filter, "伟 ");
  g_assert_cmpuint (change.n_signals, ==, 1);

  xs_trainee_filter_model_set_search (filter, "");
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 2);
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "李娜");

  /* the underlying list changes: the new trainee is shown */
  append (store, 5, "赵磊", "411103198806060079", "召陵区教育局", FALSE);
  g_assert_cmpuint (change.n_signals, ==, 3);
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpint (id_at (G_LIST_MODEL (filter), 4), ==, 5);

  g_signal_handlers_disconnect_by_func (filter, on_items_changed, &change);
}

typedef struct
{
  XsTraineeItem *item;
  const char    *name;
} NameWait;

static gboolean
shows_name (gpointer user_data)
{
  NameWait *wait = user_data;

  return g_strcmp0 (xs_trainee_item_get_name (wait->item), wait->name) == 0;
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Only the slots on screen take their new trainee with the change; the
 * others after it, in an idle, or when asked for, or shown. */
static void
test_visible (void)
{
  g_autoptr(XsTraineeModel) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (store);
  g_autoptr(XsTraineeItem) second = g_list_model_get_item (G_LIST_MODEL (filter), 1);
  NameWait wait = { second, "张伟" };
  gboolean timed_out = FALSE;
  guint timeout;

  /* the screen shows position 0 only */
  xs_trainee_filter_model_set_visible (filter, 0, 1);
  /* 李娜 (slot 1) and 王芳 leave, 张伟 moves up into slot 1: off screen,
   * it still shows 李娜 */
  xs_trainee_filter_model_set_search (filter, "伟");
  g_assert_cmpint (xs_trainee_filter_model_get_trainee_id (filter, 1), ==, 4);
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "李娜");
  /* until the main loop is idle */
  timeout = g_timeout_add_seconds (10, on_timeout, &timed_out);
  while (!shows_name (&wait) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  /* or until someone asks for the slot */
  xs_trainee_filter_model_set_search (filter, "");
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "张伟");
  {
    g_autoptr(XsTraineeItem) again = g_list_model_get_item (G_LIST_MODEL (filter), 1);

    g_assert_true (again == second);
    g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "李娜");
  }

  /* or until it comes on screen */
  xs_trainee_filter_model_set_search (filter, "伟");
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "李娜");
  xs_trainee_filter_model_set_visible (filter, 1, 1);
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "张伟");

  /* a list shorter than the place on screen is all on screen */
  xs_trainee_filter_model_set_search (filter, "");
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "李娜");
  xs_trainee_filter_model_set_visible (filter, 5, 2);
  xs_trainee_filter_model_set_search (filter, "王");
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "王芳");

  /* no place known: every slot at once */
  xs_trainee_filter_model_set_visible (filter, 0, G_MAXUINT);
  xs_trainee_filter_model_set_search (filter, "伟");
  g_assert_cmpstr (xs_trainee_item_get_name (second), ==, "张伟");
}

static gboolean
reported_all (gpointer user_data)
{
  XsTraineeFilterModel *filter = user_data;

  return g_list_model_get_n_items (G_LIST_MODEL (filter)) == xs_trainee_filter_model_get_n_matches (filter);
}

static void
wait_for_whole_list (XsTraineeFilterModel *filter)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, on_timeout, &timed_out);

  while (!reported_all (filter) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

/* A list that gets longer shows the rows on screen at once and gets the
 * rest in steps after the frame; one that gets shorter keeps the rows GTK
 * may keep alive a moment, blank, and loses them in steps; the number of
 * matches is right all along. */
static void
test_length_in_steps (void)
{
  g_autoptr(XsTraineeModel) store = xs_trainee_model_new ();
  g_autoptr(XsTraineeFilterModel) filter = NULL;
  GListModel *model;
  Change change = { 0 };

  for (gint64 id = 1; id <= 1000; id++)
    {
      g_autofree char *name = g_strdup_printf ("%s%04d", id == 500 ? "王伟" : id % 10 == 0 ? "王" : "李", (int) id);
      g_autofree char *id_number = g_strdup_printf ("41110219900101%04d", (int) id);

      append (store, id, name, id_number, "漯河市中心医院", FALSE);
    }
  filter = xs_trainee_filter_model_new (store);
  model = G_LIST_MODEL (filter);
  g_signal_connect (filter, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);

  /* the screen shows 30 rows; GTK keeps up to 256 more */
  xs_trainee_filter_model_set_visible (filter, 0, 30);
  xs_trainee_filter_model_set_search (filter, "王伟");
  g_assert_cmpuint (xs_trainee_filter_model_get_n_matches (filter), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 30 + 256);
  g_assert_cmpuint (change.position, ==, 286);
  g_assert_cmpuint (change.removed, ==, 1000 - 286);
  g_assert_cmpint (id_at (model, 0), ==, 500);
  /* blank: no trainee, nothing to select */
  g_assert_cmpint (id_at (model, 1), ==, 0);
  g_assert_cmpint (xs_trainee_filter_model_get_trainee_id (filter, 285), ==, 0);
  change.n_signals = 0;
  wait_for_whole_list (filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* from the end, 32 rows at a time */
  g_assert_cmpuint (change.n_signals, ==, (285 + 31) / 32);
  g_assert_cmpuint (change.position, ==, 1);

  /* deleted back to 王: 100 rows, 30 at once */
  change.n_signals = 0;
  xs_trainee_filter_model_set_search (filter, "王");
  g_assert_cmpuint (xs_trainee_filter_model_get_n_matches (filter), ==, 100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 30);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.added, ==, 29);
  g_assert_cmpint (id_at (model, 29), ==, 300);
  {
    g_autoptr(GObject) beyond = g_list_model_get_item (model, 30);

    g_assert_null (beyond);
  }
  /* the rest in steps at the end */
  wait_for_whole_list (filter);
  g_assert_cmpuint (change.n_signals, >=, 3);
  g_assert_cmpuint (change.position + change.added, ==, 100);
  g_assert_cmpint (id_at (model, 99), ==, 1000);

  /* 900 rows: the 100 listed stay, the rest in steps; narrowed while it
   * grows: the blank rows reach as far as GTK may keep rows */
  xs_trainee_filter_model_set_search (filter, "李");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);
  g_assert_cmpuint (xs_trainee_filter_model_get_n_matches (filter), ==, 900);
  xs_trainee_filter_model_set_search (filter, "王伟");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);
  g_assert_cmpint (id_at (model, 0), ==, 500);
  g_assert_cmpint (id_at (model, 50), ==, 0);
  wait_for_whole_list (filter);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* a trainee asked for below what is listed yet is listed at once */
  xs_trainee_filter_model_set_search (filter, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 30);
  g_assert_cmpuint (xs_trainee_filter_model_find (filter, 900), ==, 899);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);

  /* the screen past the new end: shorter at once (GTK scrolls back) */
  xs_trainee_filter_model_set_visible (filter, 600, 30);
  xs_trainee_filter_model_set_search (filter, "王");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);

  /* no place on screen known: all at once */
  xs_trainee_filter_model_set_visible (filter, 0, G_MAXUINT);
  xs_trainee_filter_model_set_search (filter, "王伟");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  xs_trainee_filter_model_set_search (filter, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
}

/* Sorting by one column, then another, both ways; ties keep the model's
 * order; the filter keeps the order. */
static void
test_sort (void)
{
  g_autoptr(XsTraineeModel) store = make_store ();
  g_autoptr(XsTraineeFilterModel) filter = xs_trainee_filter_model_new (store);
  GListModel *model = G_LIST_MODEL (filter);
  XsTraineeSortKey by_total_down[] = { { XS_TRAINEE_SORT_TOTAL, TRUE } };
  XsTraineeSortKey by_status_then_total[] = {
    { XS_TRAINEE_SORT_STATUS, FALSE }, { XS_TRAINEE_SORT_TOTAL, TRUE },
  };
  XsTraineeSortKey by_employer[] = { { XS_TRAINEE_SORT_EMPLOYER, FALSE } };

  xs_trainee_filter_model_set_sort (filter, by_total_down, 1);
  g_assert_cmpint (id_at (model, 0), ==, 4);
  g_assert_cmpint (id_at (model, 3), ==, 1);

  /* not qualified (0) before qualified (2), each by total going down */
  xs_trainee_filter_model_set_sort (filter, by_status_then_total, 2);
  g_assert_cmpint (id_at (model, 0), ==, 3);
  g_assert_cmpint (id_at (model, 1), ==, 2);
  g_assert_cmpint (id_at (model, 2), ==, 4);
  g_assert_cmpint (id_at (model, 3), ==, 1);
  g_assert_cmpuint (xs_trainee_filter_model_find (filter, 4), ==, 2);

  xs_trainee_filter_model_set_search (filter, "王");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (id_at (model, 0), ==, 3);
  g_assert_cmpint (id_at (model, 1), ==, 1);
  g_assert_cmpuint (xs_trainee_filter_model_find (filter, 4), ==, G_MAXUINT);

  /* strings: the same order as g_utf8_collate () of the case-folded text */
  xs_trainee_filter_model_set_search (filter, "");
  xs_trainee_filter_model_set_sort (filter, by_employer, 1);
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(XsTraineeItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(XsTraineeItem) b = g_list_model_get_item (model, i);

      g_assert_cmpint (g_utf8_collate (xs_trainee_item_get_employer (a), xs_trainee_item_get_employer (b)), <=, 0);
    }

  /* no keys: the model's order */
  xs_trainee_filter_model_set_sort (filter, NULL, 0);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (id_at (model, i), ==, i + 1);
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
  g_test_add_func ("/trainee-filter-model/sort", test_sort);
  g_test_add_func ("/trainee-filter-model/visible", test_visible);
  g_test_add_func ("/trainee-filter-model/length-in-steps", test_length_in_steps);
  return g_test_run ();
}
