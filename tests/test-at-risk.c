/* test-at-risk.c: who will not reach the year's requirement at their pace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "xs-at-risk.h"
#include "xs-claim-store.h"
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

/* A batch claim of 2018, then the decision. */
static void
add_hours (XsDb       *db,
           gint64      trainee,
           XsCategory  category,
           gboolean    compulsory,
           int         tenths,
           XsStatus    status)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  static guint serial;

  claim.trainee_id = trainee;
  claim.year = 2018;
  claim.category = category;
  claim.compulsory = compulsory;
  claim.kind = category == XS_CATEGORY_PROFESSIONAL ? 1 : 0;
  claim.hours = tenths;
  claim.title = g_strdup_printf ("课程 %u", ++serial);
  claim.source = XS_SOURCE_BATCH;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 1, 6, 2018);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  if (status != XS_STATUS_SUBMITTED)
    g_assert_true (xs_claim_store_decide (db, claim.id, status, "理由", "审核员", &error));
  g_assert_no_error (error);
}

typedef struct
{
  XsDb   *db;
  gint64  qualified;     /* 24 + 6 public, 60 professional approved */
  gint64  pending;       /* the same hours, all submitted */
  gint64  half;          /* 24 compulsory, 12 professional */
  gint64  on_pace;       /* 30 public, 30 professional */
  gint64  idle;          /* nothing */
  gint64  short_compulsory;  /* 10 compulsory + 20 elective, no professional */
} Base;

static void
base_init (Base *base)
{
  base->db = xs_test_open_db ();
  base->qualified = add_trainee (base->db, 1);
  base->pending = add_trainee (base->db, 2);
  base->half = add_trainee (base->db, 3);
  base->on_pace = add_trainee (base->db, 4);
  base->idle = add_trainee (base->db, 5);
  base->short_compulsory = add_trainee (base->db, 6);

  add_hours (base->db, base->qualified, XS_CATEGORY_PUBLIC, TRUE, 240, XS_STATUS_APPROVED);
  add_hours (base->db, base->qualified, XS_CATEGORY_PUBLIC, FALSE, 60, XS_STATUS_APPROVED);
  add_hours (base->db, base->qualified, XS_CATEGORY_PROFESSIONAL, FALSE, 600, XS_STATUS_APPROVED);

  add_hours (base->db, base->pending, XS_CATEGORY_PUBLIC, TRUE, 240, XS_STATUS_SUBMITTED);
  add_hours (base->db, base->pending, XS_CATEGORY_PUBLIC, FALSE, 60, XS_STATUS_SUBMITTED);
  add_hours (base->db, base->pending, XS_CATEGORY_PROFESSIONAL, FALSE, 600, XS_STATUS_SUBMITTED);

  add_hours (base->db, base->half, XS_CATEGORY_PUBLIC, TRUE, 240, XS_STATUS_APPROVED);
  add_hours (base->db, base->half, XS_CATEGORY_PROFESSIONAL, FALSE, 120, XS_STATUS_SUBMITTED);

  add_hours (base->db, base->on_pace, XS_CATEGORY_PUBLIC, TRUE, 240, XS_STATUS_APPROVED);
  add_hours (base->db, base->on_pace, XS_CATEGORY_PUBLIC, FALSE, 60, XS_STATUS_APPROVED);
  add_hours (base->db, base->on_pace, XS_CATEGORY_PROFESSIONAL, FALSE, 300, XS_STATUS_APPROVED);
  add_hours (base->db, base->on_pace, XS_CATEGORY_PROFESSIONAL, FALSE, 50, XS_STATUS_REJECTED);   /* does not count */

  add_hours (base->db, base->short_compulsory, XS_CATEGORY_PUBLIC, TRUE, 100, XS_STATUS_APPROVED);
  add_hours (base->db, base->short_compulsory, XS_CATEGORY_PUBLIC, FALSE, 200, XS_STATUS_APPROVED);
}

static void
base_clear (Base *base)
{
  g_clear_object (&base->db);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Base, base_clear)

static XsAtRisk *
judge (Base *base,
       int   year,
       int   day,
       int   month,
       int   date_year)
{
  g_autoptr(GError) error = NULL;
  XsAtRisk *at_risk;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, date_year);
  at_risk = xs_at_risk_compute (base->db, year, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (at_risk);
  return at_risk;
}

static const XsAtRiskEntry *
entry_for (XsAtRisk *at_risk,
           gint64    trainee)
{
  for (guint i = 0; i < xs_at_risk_get_n_entries (at_risk); i++)
    if (xs_at_risk_get_entry (at_risk, i)->row->trainee_id == trainee)
      return xs_at_risk_get_entry (at_risk, i);
  return NULL;
}

static gboolean
is_at_risk (XsAtRisk *at_risk,
            gint64    trainee)
{
  const XsAtRiskEntry *entry = entry_for (at_risk, trainee);

  g_assert_nonnull (entry);
  return entry->at_risk;
}

/* Lacks, sentences, and who has no entry at all. */
static void
test_at_risk_lacking (void)
{
  g_auto(Base) base = { 0 };
  g_autoptr(XsAtRisk) at_risk = NULL;
  const XsAtRiskEntry *entry;

  base_init (&base);
  at_risk = judge (&base, 2018, 2, 7, 2018);
  g_assert_cmpstr (xs_at_risk_get_date (at_risk), ==, "2018-07-02");

  /* qualified: no entry, and lookup by row says so */
  g_assert_cmpuint (xs_at_risk_get_n_entries (at_risk), ==, 5);
  g_assert_null (entry_for (at_risk, base.qualified));
  g_assert_null (xs_at_risk_lookup_row (at_risk, 0));
  g_assert_true (xs_at_risk_lookup_row (at_risk, 2) == entry_for (at_risk, base.half));

  /* only pending hours: lacks nothing, waits for the review */
  entry = entry_for (at_risk, base.pending);
  g_assert_cmpint (entry->still_needed, ==, 0);
  g_assert_cmpint (entry->lack_total, ==, 0);
  g_assert_false (entry->at_risk);
  g_assert_cmpstr (entry->summary, ==, "lacks nothing once the submitted hours are approved");

  /* pending professional hours count */
  entry = entry_for (at_risk, base.half);
  g_assert_cmpint (entry->lack_compulsory, ==, 0);
  g_assert_cmpint (entry->lack_public, ==, 60);
  g_assert_cmpint (entry->lack_professional, ==, 480);
  g_assert_cmpint (entry->lack_total, ==, 540);
  g_assert_cmpint (entry->still_needed, ==, 540);
  g_assert_cmpstr (entry->summary, ==, "lacks 6 more public hours and 48 professional hours");

  entry = entry_for (at_risk, base.idle);
  g_assert_cmpint (entry->still_needed, ==, 900);
  g_assert_cmpint (entry->projected, ==, 0);
  g_assert_cmpstr (entry->summary, ==, "lacks 24 compulsory public hours, 6 more public hours and 60 professional hours");

  /* enough public hours, but not enough compulsory ones */
  entry = entry_for (at_risk, base.short_compulsory);
  g_assert_cmpint (entry->lack_public, ==, 0);
  g_assert_cmpint (entry->lack_compulsory, ==, 140);
  g_assert_cmpint (entry->still_needed, ==, 740);
  g_assert_cmpstr (entry->summary, ==, "lacks 14 compulsory public hours and 60 professional hours");

  /* a rejected claim does not count */
  entry = entry_for (at_risk, base.on_pace);
  g_assert_cmpint (entry->lack_professional, ==, 300);
  g_assert_cmpstr (entry->summary, ==, "lacks 30 professional hours");
}

/* 2 July is day 183 of 365: 6.02 months gone, 4.98 to go. */
static void
test_at_risk_mid_year (void)
{
  g_auto(Base) base = { 0 };
  g_autoptr(XsAtRisk) at_risk = NULL;

  base_init (&base);
  at_risk = judge (&base, 2018, 2, 7, 2018);

  /* 36 hours in 6 months: 30 more by December, 54 needed */
  g_assert_true (is_at_risk (at_risk, base.half));
  g_assert_cmpint (entry_for (at_risk, base.half)->projected, ==, 358);
  /* 60 hours in 6 months: 60 more by December, 30 needed */
  g_assert_false (is_at_risk (at_risk, base.on_pace));
  g_assert_true (is_at_risk (at_risk, base.idle));
  g_assert_false (is_at_risk (at_risk, base.pending));
  g_assert_cmpuint (xs_at_risk_count_at_risk (at_risk), ==, 3);
}

/* Ten days in, the pace is taken over one month, not over ten days. */
static void
test_at_risk_january (void)
{
  g_auto(Base) base = { 0 };
  g_autoptr(XsAtRisk) at_risk = NULL;

  base_init (&base);
  at_risk = judge (&base, 2018, 10, 1, 2018);

  /* 36 hours in "one month": 420 more by December */
  g_assert_false (is_at_risk (at_risk, base.half));
  g_assert_cmpint (entry_for (at_risk, base.half)->projected, ==, 4201);
  g_assert_false (is_at_risk (at_risk, base.on_pace));
  /* at a pace of nothing, nobody finishes */
  g_assert_true (is_at_risk (at_risk, base.idle));
  g_assert_false (is_at_risk (at_risk, base.pending));
}

static void
test_at_risk_december (void)
{
  g_auto(Base) base = { 0 };
  g_autoptr(XsAtRisk) at_risk = NULL;
  g_autoptr(XsAtRisk) last_day = NULL;

  base_init (&base);
  /* 20 December: 11 days left, 60 hours at 5 a month add 1.8 */
  at_risk = judge (&base, 2018, 20, 12, 2018);
  g_assert_true (is_at_risk (at_risk, base.on_pace));
  g_assert_cmpint (entry_for (at_risk, base.on_pace)->projected, ==, 18);
  g_assert_true (is_at_risk (at_risk, base.half));
  g_assert_false (is_at_risk (at_risk, base.pending));

  /* 31 December: nothing more will come */
  last_day = judge (&base, 2018, 31, 12, 2018);
  g_assert_cmpint (entry_for (last_day, base.on_pace)->projected, ==, 0);
  g_assert_cmpuint (xs_at_risk_count_at_risk (last_day), ==, 4);
  g_assert_false (is_at_risk (last_day, base.pending));
}

static void
test_at_risk_past_and_future_years (void)
{
  g_auto(Base) base = { 0 };
  g_autoptr(XsAtRisk) past = NULL;
  g_autoptr(XsAtRisk) future = NULL;

  base_init (&base);

  /* 2018 is over in March 2019: everyone who still needs hours */
  past = judge (&base, 2018, 1, 3, 2019);
  g_assert_cmpuint (xs_at_risk_get_n_entries (past), ==, 5);
  g_assert_cmpuint (xs_at_risk_count_at_risk (past), ==, 4);
  g_assert_true (is_at_risk (past, base.on_pace));
  g_assert_false (is_at_risk (past, base.pending));
  g_assert_cmpint (entry_for (past, base.on_pace)->projected, ==, 0);

  /* 2018 has not begun in June 2017: nobody */
  future = judge (&base, 2018, 1, 6, 2017);
  g_assert_cmpuint (xs_at_risk_get_n_entries (future), ==, 5);
  g_assert_cmpuint (xs_at_risk_count_at_risk (future), ==, 0);
  g_assert_cmpstr (entry_for (future, base.idle)->summary, ==,
                   "lacks 24 compulsory public hours, 6 more public hours and 60 professional hours");
}

/* Today by default. */
static void
test_at_risk_today (void)
{
  g_auto(Base) base = { 0 };
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(XsAtRisk) at_risk = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  base_init (&base);
  progress = xs_progress_compute (base.db, 2018, NULL, NULL);
  at_risk = xs_at_risk_new (progress, NULL);
  g_assert_cmpstr (xs_at_risk_get_date (at_risk), ==, today);
  g_assert_true (xs_at_risk_get_progress (at_risk) == progress);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/at-risk/lacking", test_at_risk_lacking);
  g_test_add_func ("/at-risk/mid-year", test_at_risk_mid_year);
  g_test_add_func ("/at-risk/january", test_at_risk_january);
  g_test_add_func ("/at-risk/december", test_at_risk_december);
  g_test_add_func ("/at-risk/past-and-future-years", test_at_risk_past_and_future_years);
  g_test_add_func ("/at-risk/today", test_at_risk_today);
  return g_test_run ();
}
