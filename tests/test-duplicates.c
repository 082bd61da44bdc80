/* test-duplicates.c: the same scan on claims of different trainees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <string.h>

#include "xs-check.h"
#include "xs-claim-store.h"
#include "xs-duplicates.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static gint64
add_trainee (XsDb       *db,
             guint       n,
             const char *name)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();
  g_autoptr(GError) error = NULL;

  trainee->id_number = xs_test_id_number (n);
  trainee->name = g_strdup (name);
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市中心医院");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  g_assert_no_error (error);
  return trainee->id;
}

/* A patent claim with @scan as its certificate. */
static gint64
add_patent (XsDb       *db,
            gint64      trainee_id,
            const char *title,
            const char *scan)
{
  const char *paths[] = { scan, NULL };

  return xs_test_add_patent (db, trainee_id, 2018, 100, title, paths);
}

static void
test_duplicates_same_trainee_not_flagged (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scans = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *scan = xs_test_write_png ("专利证书.png", 20, 20, 30);
  gint64 trainee = add_trainee (db, 1, "王伟");

  /* one trainee, two claims, one certificate: not a shortcut worth a word */
  add_patent (db, trainee, "一种输液装置", scan);
  add_patent (db, trainee, "一种输液装置（实用新型）", scan);

  scans = xs_duplicates_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scans->len, ==, 0);
  g_clear_pointer (&scans, g_ptr_array_unref);
  scans = xs_duplicates_for_trainee (db, trainee, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scans->len, ==, 0);

  problems = xs_check_run (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_duplicates_other_trainee_flagged (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scans = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *shared = xs_test_write_png ("专利证书.png", 20, 20, 30);
  g_autofree char *own = xs_test_write_png ("另一份专利证书.png", 20, 20, 60);
  g_autofree char *id_li = xs_test_id_number (2);
  g_autofree char *masked_li = xs_id_number_mask (id_li);
  gint64 wang = add_trainee (db, 1, "王伟");
  gint64 li = add_trainee (db, 2, "李娜");
  gint64 zhang = add_trainee (db, 3, "张伟");
  gint64 wang_claim = add_patent (db, wang, "一种输液装置", shared);
  gint64 li_claim = add_patent (db, li, "一种输液支架", shared);
  XsSharedScan *scan;
  const char *problem;

  add_patent (db, zhang, "一种病床", own);

  scans = xs_duplicates_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (scans->len, ==, 2);
  scan = g_ptr_array_index (scans, 0);
  g_assert_cmpint (scan->claim_id, ==, wang_claim);
  g_assert_cmpint (scan->trainee_id, ==, wang);
  g_assert_cmpuint (strlen (scan->sha256), ==, 64);
  scan = g_ptr_array_index (scans, 1);
  g_assert_cmpint (scan->claim_id, ==, li_claim);
  g_assert_cmpstr (scan->name, ==, "李娜");
  g_assert_cmpstr (scan->masked_id, ==, masked_li);

  /* the trainee page's view: 王伟's claim, held by 李娜's too */
  mine = xs_duplicates_for_trainee (db, wang, 2018, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);
  scan = g_ptr_array_index (mine, 0);
  g_assert_cmpint (scan->claim_id, ==, wang_claim);
  g_assert_cmpint (scan->trainee_id, ==, li);
  g_assert_cmpstr (scan->name, ==, "李娜");
  g_assert_cmpstr (scan->claim_title, ==, "一种输液支架");
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = xs_duplicates_for_trainee (db, zhang, 0, &error);
  g_assert_cmpuint (mine->len, ==, 0);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = xs_duplicates_for_trainee (db, wang, 2019, &error);
  g_assert_cmpuint (mine->len, ==, 0);

  /* check: one problem naming both claims, identity numbers masked */
  problems = xs_check_run (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_test_message ("%s", problem);
  g_assert_true (g_str_has_prefix (problem, "The same scan ("));
  g_assert_nonnull (strstr (problem, "王伟"));
  g_assert_nonnull (strstr (problem, "李娜"));
  g_assert_nonnull (strstr (problem, masked_li));
  g_assert_null (strstr (problem, id_li));
  g_assert_null (strstr (problem, "张伟"));
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/duplicates/same-trainee-not-flagged", test_duplicates_same_trainee_not_flagged);
  g_test_add_func ("/duplicates/other-trainee-flagged", test_duplicates_other_trainee_flagged);
  return g_test_run ();
}
