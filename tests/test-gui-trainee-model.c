/* test-gui-trainee-model.c: the trainee model's loads, one year after another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "xs-demo.h"
#include "xs-test-util.h"
#include "xs-trainee-model.h"
#include "xs-trainee-store.h"

#define YEAR 2018

static XsDb *db;

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
load (XsTraineeModel *model,
      int             year)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  xs_trainee_model_load_async (model, xs_db_get_data_dir (db), year, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (xs_trainee_model_load_finish (model, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (xs_trainee_model_get_year (model), ==, year);
}

/* @model holds what a model loading @year afresh holds. */
static void
assert_as_fresh (XsTraineeModel *model,
                 int             year)
{
  g_autoptr(XsTraineeModel) fresh = xs_trainee_model_new ();
  guint n;

  load (fresh, year);
  n = xs_trainee_model_get_n_rows (fresh);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (xs_trainee_model_get_n_rows (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const XsTraineeRow *a = xs_trainee_model_get_row (model, i);
      const XsTraineeRow *b = xs_trainee_model_get_row (fresh, i);

      g_assert_cmpint (a->trainee_id, ==, b->trainee_id);
      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->id_number, ==, b->id_number);
      g_assert_cmpstr (a->masked_id, ==, b->masked_id);
      g_assert_cmpstr (a->employer, ==, b->employer);
      g_assert_cmpstr (a->folded, ==, b->folded);
      g_assert_cmpstr (a->lacking, ==, b->lacking);
      g_assert_cmpint (a->public_hours, ==, b->public_hours);
      g_assert_cmpint (a->professional, ==, b->professional);
      g_assert_cmpint (a->total, ==, b->total);
      g_assert_cmpint (a->pending_public, ==, b->pending_public);
      g_assert_cmpint (a->pending_professional, ==, b->pending_professional);
      g_assert_cmpint (a->status, ==, b->status);
      g_assert_cmpint (a->at_risk, ==, b->at_risk);
    }
}

/* Another year of the same roster keeps the trainees' texts (their masked
 * and case-folded forms are not made again) and holds what a fresh load
 * holds. */
static void
test_year_switch (void)
{
  g_autoptr(XsTraineeModel) model = xs_trainee_model_new ();
  int years[] = { YEAR - 1, YEAR, YEAR + 1, YEAR };
  const char *folded;

  load (model, YEAR);
  assert_as_fresh (model, YEAR);
  folded = xs_trainee_model_get_row (model, 0)->folded;
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      load (model, years[i]);
      assert_as_fresh (model, years[i]);
      g_assert_true (xs_trainee_model_get_row (model, 0)->folded == folded);
    }
}

/* A trainee renamed or added between two loads is shown as the roster
 * says now. */
static void
test_roster_changed (void)
{
  g_autoptr(XsTraineeModel) model = xs_trainee_model_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  const XsTraineeRow *row;
  guint n;

  load (model, YEAR);
  row = xs_trainee_model_get_row (model, 5);
  trainee = xs_trainee_store_get (db, row->trainee_id, &error);
  g_assert_no_error (error);
  g_free (trainee->name);
  trainee->name = g_strdup ("欧阳䶮𠮷");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  g_assert_no_error (error);

  load (model, YEAR - 1);
  assert_as_fresh (model, YEAR - 1);
  g_assert_cmpstr (xs_trainee_model_get_row (model, 5)->name, ==, "欧阳䶮𠮷");
  g_assert_nonnull (strstr (xs_trainee_model_get_row (model, 5)->folded, "欧阳䶮𠮷"));

  n = xs_trainee_model_get_n_rows (model);
  xs_test_add_trainee_full (db, 900, "Zhang ZHANG", NULL);
  load (model, YEAR);
  assert_as_fresh (model, YEAR);
  g_assert_cmpuint (xs_trainee_model_get_n_rows (model), ==, n + 1);
  g_assert_cmpstr (xs_trainee_model_get_row (model, n)->name, ==, "Zhang ZHANG");
  g_assert_nonnull (strstr (xs_trainee_model_get_row (model, n)->folded, "zhang zhang"));
}

static void
on_notify (GObject    *item,
           GParamSpec *pspec,
           GString    *names)
{
  g_string_append_printf (names, "%s ", pspec->name);
}

/* An item shown in another row says only what changed: its list's row
 * widgets bound to the rest are not laid out again. */
static void
test_item_notifies_changes (void)
{
  g_autoptr(XsTraineeModel) model = xs_trainee_model_new ();
  g_autoptr(GString) names = g_string_new ("");
  g_autoptr(XsTraineeItem) item = NULL;
  XsTraineeRow row;

  load (model, YEAR);
  row = *xs_trainee_model_get_row (model, 0);
  item = xs_trainee_item_new_for_row (&row, xs_trainee_model_get_rule_set (model));
  g_signal_connect (item, "notify", G_CALLBACK (on_notify), names);

  xs_trainee_item_set_row (item, &row, xs_trainee_model_get_rule_set (model));
  g_assert_cmpstr (names->str, ==, "");

  row.professional += 10;
  row.total += 10;
  xs_trainee_item_set_row (item, &row, xs_trainee_model_get_rule_set (model));
  /* (thawed notifications come in no set order) */
  if (!g_str_equal (names->str, "professional total ") && !g_str_equal (names->str, "total professional "))
    g_error ("notified: %s", names->str);
  g_assert_cmpint (xs_trainee_item_get_total (item), ==, row.total);

  g_string_truncate (names, 0);
  xs_trainee_item_set_row (item, xs_trainee_model_get_row (model, 1), xs_trainee_model_get_rule_set (model));
  g_assert_nonnull (strstr (names->str, "name "));
  g_assert_nonnull (strstr (names->str, "masked-id "));
  g_assert_cmpstr (xs_trainee_item_get_name (item), ==, xs_trainee_model_get_row (model, 1)->name);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  xs_test_init (&argc, &argv);
  db = xs_test_open_db ();
  g_assert_true (xs_demo_populate (db, 40, YEAR, NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/trainee-model/year-switch", test_year_switch);
  g_test_add_func ("/trainee-model/roster-changed", test_roster_changed);
  g_test_add_func ("/trainee-model/item-notifies-changes", test_item_notifies_changes);

  status = g_test_run ();
  g_clear_object (&db);
  return status;
}
