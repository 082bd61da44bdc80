/* test-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "xs-claim-store.h"
#include "xs-progress.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static gint64
add_trainee (XsDb  *db,
             guint  n)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();

  trainee->id_number = xs_test_id_number (n);
  trainee->name = g_strdup_printf ("学员%u", n);
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市高级中学");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, NULL));
  return trainee->id;
}

/* A batch claim, then the decision. */
static void
add_hours (XsDb       *db,
           gint64      trainee,
           int         year,
           XsCategory  category,
           gboolean    compulsory,
           int         tenths,
           XsStatus    status)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  static guint serial;

  claim.trainee_id = trainee;
  claim.year = year;
  claim.category = category;
  claim.compulsory = compulsory;
  claim.kind = category == XS_CATEGORY_PROFESSIONAL ? 1 : 0;
  claim.hours = tenths;
  claim.title = g_strdup_printf ("课程 %u", ++serial);
  claim.source = XS_SOURCE_BATCH;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 1, 6, year);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  if (status != XS_STATUS_SUBMITTED)
    g_assert_true (xs_claim_store_decide (db, claim.id, status, "理由", "审核员", &error));
  g_assert_no_error (error);
}

/* A claim of its own (a draft until its materials are in), decided unless
 * @status is a draft: kind 15, an absence of @months months, when
 * @absence is set; otherwise a professional class of kind 1. */
static void
add_own_claim (XsDb       *db,
               gint64      trainee,
               int         year,
               XsAbsence   absence,
               double      months,
               int         tenths,
               XsStatus    status)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) missing = NULL;
  static guint serial;

  claim.trainee_id = trainee;
  claim.year = year;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = absence != XS_ABSENCE_NONE ? 15 : 1;
  claim.absence = absence;
  claim.absence_months = absence != XS_ABSENCE_NONE ? months : 0;
  claim.variant = g_strdup (absence != XS_ABSENCE_NONE ? xs_absence_to_string (absence) : NULL);
  claim.hours = tenths;
  claim.title = g_strdup_printf ("本人申报 %u", ++serial);
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 1, 9, year);
  xs_claim_store_add (db, &claim, &error);
  g_assert_no_error (error);
  g_assert_cmpint (claim.status, ==, XS_STATUS_DRAFT);
  if (status == XS_STATUS_DRAFT)
    return;
  /* its materials, then submitted */
  missing = xs_claim_store_get_missing_materials (db, &claim, &error);
  g_assert_no_error (error);
  for (guint i = 0; missing[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%u.png", missing[i], serial);
      g_autofree char *path = xs_test_write_png (name, 20, 20, (int) (serial % 200));
      const char *paths[] = { path, NULL };

      g_assert_true (xs_claim_store_attach (db, claim.id, missing[i], paths, &error));
      g_assert_no_error (error);
    }
  g_assert_true (xs_claim_store_submit (db, claim.id, &error));
  g_assert_no_error (error);
  if (status != XS_STATUS_SUBMITTED)
    g_assert_true (xs_claim_store_decide (db, claim.id, status, "理由", "审核员", &error));
  g_assert_no_error (error);
}

static const XsProgressRow *
row_for (XsProgress *progress,
         gint64      trainee)
{
  for (guint i = 0; i < xs_progress_get_n_rows (progress); i++)
    if (xs_progress_get_row (progress, i)->trainee_id == trainee)
      return xs_progress_get_row (progress, i);
  g_assert_not_reached ();
}

static void
test_progress_rows (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsProgress) progress = NULL;
  gint64 done = add_trainee (db, 1);
  gint64 pending = add_trainee (db, 2);
  gint64 idle = add_trainee (db, 3);
  gint64 short_compulsory = add_trainee (db, 4);
  const XsProgressRow *row;

  add_hours (db, done, 2018, XS_CATEGORY_PUBLIC, TRUE, 240, XS_STATUS_APPROVED);
  add_hours (db, done, 2018, XS_CATEGORY_PUBLIC, FALSE, 60, XS_STATUS_APPROVED);
  add_hours (db, done, 2018, XS_CATEGORY_PROFESSIONAL, FALSE, 600, XS_STATUS_APPROVED);
  add_hours (db, done, 2017, XS_CATEGORY_PROFESSIONAL, FALSE, 600, XS_STATUS_APPROVED);   /* another year */

  add_hours (db, pending, 2018, XS_CATEGORY_PUBLIC, TRUE, 240, XS_STATUS_SUBMITTED);
  add_hours (db, pending, 2018, XS_CATEGORY_PROFESSIONAL, FALSE, 300, XS_STATUS_APPROVED);
  add_hours (db, pending, 2018, XS_CATEGORY_PROFESSIONAL, FALSE, 305, XS_STATUS_SUBMITTED);
  add_hours (db, pending, 2018, XS_CATEGORY_PROFESSIONAL, FALSE, 100, XS_STATUS_REJECTED);

  /* 30 public but only 18 compulsory: not qualified */
  add_hours (db, short_compulsory, 2018, XS_CATEGORY_PUBLIC, TRUE, 180, XS_STATUS_APPROVED);
  add_hours (db, short_compulsory, 2018, XS_CATEGORY_PUBLIC, FALSE, 120, XS_STATUS_APPROVED);
  add_hours (db, short_compulsory, 2018, XS_CATEGORY_PROFESSIONAL, FALSE, 900, XS_STATUS_APPROVED);

  progress = xs_progress_compute (db, 2018, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_progress_get_n_rows (progress), ==, 4);
  g_assert_cmpuint (xs_progress_count_qualified (progress), ==, 1);
  g_assert_cmpstr (xs_rule_set_get_id (xs_progress_get_rule_set (progress)), ==, "2018");

  row = row_for (progress, done);
  g_assert_cmpint (row->public_hours, ==, 300);
  g_assert_cmpint (row->compulsory, ==, 240);
  g_assert_cmpint (row->professional, ==, 600);
  g_assert_cmpint (row->total, ==, 900);
  g_assert_true (row->qualified);

  row = row_for (progress, pending);
  g_assert_cmpint (row->public_hours, ==, 0);
  g_assert_cmpint (row->pending_public, ==, 240);
  g_assert_cmpint (row->pending_compulsory, ==, 240);
  g_assert_cmpint (row->professional, ==, 300);
  g_assert_cmpint (row->pending_professional, ==, 305);
  g_assert_false (row->qualified);

  row = row_for (progress, idle);
  g_assert_cmpint (row->total, ==, 0);
  g_assert_cmpint (row->pending_public + row->pending_professional, ==, 0);
  g_assert_cmpstr (row->name, ==, "学员3");
  g_assert_false (row->qualified);

  row = row_for (progress, short_compulsory);
  g_assert_cmpint (row->total, ==, 1200);
  g_assert_false (row->qualified);
}

static void
test_progress_one_trainee_and_later_year (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = xs_test_id_number (8);
  g_autoptr(XsProgress) progress = NULL;

  add_trainee (db, 7);
  add_trainee (db, 8);
  progress = xs_progress_compute (db, 2021, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_progress_get_n_rows (progress), ==, 1);
  g_assert_cmpstr (xs_progress_get_row (progress, 0)->id_number, ==, id);
  /* No set for 2021: the newest earlier one applies, and says so. */
  g_assert_cmpstr (xs_rule_set_get_id (xs_progress_get_rule_set (progress)), ==, "2018");
  g_assert_cmpint (xs_progress_get_year (progress), ==, 2021);
}

/* The whole roster's progress, read at once, against each trainee's
 * claims added up one by one, on a varied base: several years, public
 * (compulsory or not) and professional hours, submitted, approved and
 * rejected claims, the base's own drafts and absences, trainees without
 * any. */
static void
test_progress_varied_base (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  static const XsStatus statuses[] = { XS_STATUS_SUBMITTED, XS_STATUS_APPROVED, XS_STATUS_REJECTED };
  gint64 trainees[40];
  guint n_drafts = 0;
  guint n_absences = 0;

  for (guint i = 0; i < G_N_ELEMENTS (trainees); i++)
    {
      trainees[i] = add_trainee (db, 100 + i);
      for (int year = 2017; year <= 2019; year++)
        for (int n = g_rand_int_range (rand, 0, 7); n > 0; n--)
          {
            XsCategory category = g_rand_boolean (rand) ? XS_CATEGORY_PUBLIC : XS_CATEGORY_PROFESSIONAL;
            gboolean compulsory = category == XS_CATEGORY_PUBLIC && g_rand_boolean (rand);

            add_hours (db, trainees[i], year, category, compulsory, 5 * g_rand_int_range (rand, 1, 40),
                       statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);
          }
      /* the base's own claims: drafts waiting for materials, and absences
       * whose hours come from their months */
      for (int year = 2017; year <= 2019; year++)
        for (int n = g_rand_int_range (rand, 0, 3), absent = FALSE; n > 0; n--)
          {
            static const XsStatus own[] = { XS_STATUS_DRAFT, XS_STATUS_SUBMITTED, XS_STATUS_APPROVED, XS_STATUS_REJECTED };
            /* at most 12 months of absence a year: one absence each */
            XsAbsence absence = !absent && g_rand_boolean (rand) ? XS_ABSENCE_MATERNITY : XS_ABSENCE_NONE;
            double months = 0.5 * g_rand_int_range (rand, 2, 25);

            add_own_claim (db, trainees[i], year, absence, months,
                           absence != XS_ABSENCE_NONE ? (int) (months * 50) : 5 * g_rand_int_range (rand, 1, 40),
                           own[g_rand_int_range (rand, 0, G_N_ELEMENTS (own))]);
            absent |= absence != XS_ABSENCE_NONE;
          }
    }

  for (int year = 2016; year <= 2019; year++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(XsProgress) progress = xs_progress_compute (db, year, NULL, &error);
      XsRuleSet *rules;
      int cap;

      g_assert_no_error (error);
      g_assert_cmpuint (xs_progress_get_n_rows (progress), ==, G_N_ELEMENTS (trainees));
      rules = xs_progress_get_rule_set (progress);
      cap = xs_rule_set_get_required_public (rules);
      for (guint i = 0; i < G_N_ELEMENTS (trainees); i++)
        {
          const XsProgressRow *row = row_for (progress, trainees[i]);
          g_autoptr(GPtrArray) claims = xs_claim_store_list_for_trainee (db, trainees[i], year, &error);
          g_autoptr(XsProgress) one = xs_progress_compute (db, year, row->id_number, &error);
          const XsProgressRow *alone;
          XsProgressRow sum = { 0 };

          g_assert_no_error (error);
          for (guint c = 0; c < claims->len; c++)
            {
              XsClaim *claim = g_ptr_array_index (claims, c);
              gboolean approved = claim->status == XS_STATUS_APPROVED;
              gboolean submitted = claim->status == XS_STATUS_SUBMITTED;

              g_assert_cmpint (claim->year, ==, year);
              n_drafts += claim->status == XS_STATUS_DRAFT;
              n_absences += claim->absence != XS_ABSENCE_NONE && approved;
              if (claim->status == XS_STATUS_DRAFT || claim->status == XS_STATUS_REJECTED)
                sum.n_to_complete++;
              if (claim->category == XS_CATEGORY_PUBLIC)
                {
                  sum.public_hours += approved ? claim->hours : 0;
                  sum.pending_public += submitted ? claim->hours : 0;
                }
              else
                {
                  sum.professional += approved ? claim->hours : 0;
                  sum.pending_professional += submitted ? claim->hours : 0;
                }
              if (claim->compulsory)
                {
                  sum.compulsory += approved ? claim->hours : 0;
                  sum.pending_compulsory += submitted ? claim->hours : 0;
                }
            }
          sum.total = MIN (sum.public_hours, cap) + sum.professional;
          sum.pending_total = MIN (sum.public_hours + sum.pending_public, cap) - MIN (sum.public_hours, cap)
                              + sum.pending_professional;

          g_assert_cmpuint (xs_progress_get_n_rows (one), ==, 1);
          alone = xs_progress_get_row (one, 0);
          for (guint k = 0; k < 2; k++)
            {
              const XsProgressRow *got = k == 0 ? row : alone;

              g_assert_cmpint (got->trainee_id, ==, trainees[i]);
              g_assert_cmpint (got->public_hours, ==, sum.public_hours);
              g_assert_cmpint (got->compulsory, ==, sum.compulsory);
              g_assert_cmpint (got->professional, ==, sum.professional);
              g_assert_cmpint (got->pending_public, ==, sum.pending_public);
              g_assert_cmpint (got->pending_compulsory, ==, sum.pending_compulsory);
              g_assert_cmpint (got->pending_professional, ==, sum.pending_professional);
              g_assert_cmpint (got->total, ==, sum.total);
              g_assert_cmpint (got->pending_total, ==, sum.pending_total);
              g_assert_cmpint (got->n_to_complete, ==, sum.n_to_complete);
              g_assert_cmpint (got->qualified, ==, xs_progress_row_is_qualified (&sum, rules));
            }
        }
    }
  /* the base had them all */
  g_assert_cmpuint (n_drafts, >, 0);
  g_assert_cmpuint (n_absences, >, 0);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/progress/rows", test_progress_rows);
  g_test_add_func ("/progress/one-trainee-and-later-year", test_progress_one_trainee_and_later_year);
  g_test_add_func ("/progress/varied-base", test_progress_varied_base);

  return g_test_run ();
}
