/* test-notice-rules.c: the rules of the Luohe notice 漯人社专技〔2018〕1号,
 * each tested with the sentence it comes from, through the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <cairo.h>
#include <string.h>

#include "xs-at-risk.h"
#include "xs-check.h"
#include "xs-claim-store.h"
#include "xs-date.h"
#include "xs-db-private.h"
#include "xs-package.h"
#include "xs-trust.h"
#include "xs-progress.h"
#include "xs-signing-key.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static char *
make_scan (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, "scan.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 20, 20);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.3, 0.6, 0.2);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static void
fill_claim (XsClaim    *claim,
            gint64      trainee_id,
            int         year,
            XsCategory  category,
            int         kind,
            const char *title,
            const char *date)
{
  memset (claim, 0, sizeof *claim);
  claim->trainee_id = trainee_id;
  claim->year = year;
  claim->category = category;
  claim->kind = kind;
  claim->hours = 100;
  claim->title = g_strdup (title);
  claim->source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim->date, 1);
  g_assert_true (xs_date_parse_iso (date, &claim->date));
}

static void
exec_sql (XsDb       *db,
          const char *sql)
{
  g_assert_cmpint (sqlite3_exec (_xs_db_get_handle (db), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* 1 ---------------------------------------------------------------------- */

static void
test_batch_evidence (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 trainee = xs_test_add_trainee (db, 1);
  g_auto(XsClaim) kind1 = { 0 };
  g_auto(XsClaim) kind2 = { 0 };
  g_auto(XsClaim) pub = { 0 };
  g_auto(GStrv) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scan = make_scan ();
  const char *paths[] = { scan, NULL };

  g_test_message ("附件1: 个人申报需要上传培训通知、结业证书及单位证明材料，基地统一上报的可以不用提供。"
                  " 2: 需要上传培训通知、结业证书及单位证明材料。");

  fill_claim (&kind1, trainee, 2018, XS_CATEGORY_PROFESSIONAL, 1, "基地培训班", "2018-04-14");
  kind1.source = XS_SOURCE_BATCH;
  fill_claim (&kind2, trainee, 2018, XS_CATEGORY_PROFESSIONAL, 2, "医学会研修", "2018-09-03");
  kind2.source = XS_SOURCE_BATCH;
  fill_claim (&pub, trainee, 2018, XS_CATEGORY_PUBLIC, 0, "公需科目网络培训", "2018-05-06");
  pub.source = XS_SOURCE_BATCH;
  g_assert_true (xs_claim_store_add (db, &kind1, &error));
  g_assert_true (xs_claim_store_add (db, &kind2, &error));
  g_assert_true (xs_claim_store_add (db, &pub, &error));
  g_assert_no_error (error);

  /* only kind 1 (and public hours from the platform) arrive submitted */
  g_assert_cmpint (kind1.status, ==, XS_STATUS_SUBMITTED);
  g_assert_cmpint (pub.status, ==, XS_STATUS_SUBMITTED);
  g_assert_cmpint (kind2.status, ==, XS_STATUS_DRAFT);
  missing = xs_claim_store_get_missing_materials (db, &kind2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (missing), ==, 3);
  g_assert_cmpstr (missing[0], ==, "training_notice");

  /* a batch claim of kind 2 that is submitted anyway (as before the fix)
   * is approved by no path */
  exec_sql (db, "UPDATE claim SET status = 'submitted' WHERE kind = 2");
  g_assert_false (xs_claim_store_decide (db, kind2.id, XS_STATUS_APPROVED, NULL, "行业主管部门", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "training_notice"));
  g_clear_error (&error);
  g_assert_false (xs_claim_store_decide_as (db, kind2.id, XS_REVIEW_SIDE_INDUSTRY, XS_STATUS_APPROVED,
                                            NULL, "行业主管部门", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (xs_claim_store_approve_submitted (db, 2018, "审核员", &error), ==, 2);
  g_assert_no_error (error);
  {
    g_autoptr(XsClaim) stored = xs_claim_store_get (db, kind2.id, &error);

    g_assert_cmpint (stored->status, ==, XS_STATUS_SUBMITTED);
  }

  /* withdrawn, completed and submitted again, it is approved */
  g_assert_true (xs_claim_store_withdraw (db, kind2.id, "补充材料", &error));
  g_assert_true (xs_claim_store_attach (db, kind2.id, "training_notice", paths, &error));
  g_assert_true (xs_claim_store_attach (db, kind2.id, "completion_certificate", paths, &error));
  g_assert_true (xs_claim_store_attach (db, kind2.id, "employer_proof", paths, &error));
  g_assert_true (xs_claim_store_submit (db, kind2.id, &error));
  g_assert_true (xs_claim_store_decide (db, kind2.id, XS_STATUS_APPROVED, NULL, "行业主管部门", &error));
  g_assert_no_error (error);
}

/* The reviewers' decisions file is one more path that approves: it is
 * refused for a claim whose materials are missing, and takes kind 16 from
 * HR only. */
static void
test_batch_evidence_decisions_file (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 trainee = xs_test_add_trainee (db, 10);
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(XsPackage) package = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *zip = g_build_filename (dir, "2018.zip", NULL);
  g_autofree char *decisions = g_build_filename (dir, "decisions.json", NULL);
  g_autofree char *industry_decisions = g_build_filename (dir, "industry.json", NULL);
  g_autofree char *hr_path = g_build_filename (dir, "hr-key", NULL);
  g_autofree char *industry_path = g_build_filename (dir, "industry-key", NULL);
  g_autoptr(XsSigningKey) hr = NULL;
  g_autoptr(XsSigningKey) industry = NULL;
  g_autoptr(XsImportReport) industry_report = NULL;
  g_autofree char *scan = make_scan ();
  const char *paths[] = { scan, NULL };
  XsPackageQuery query = { 2018, NULL, NULL };
  g_auto(XsClaim) kind2 = { 0 };
  g_auto(XsClaim) kind16 = { 0 };
  const XsPackageClaim *exported2 = NULL;
  const XsPackageClaim *exported16 = NULL;

  g_test_message ("附件1: 基地统一上报的可以不用提供 (kind 1 alone); 附件16: 由市人社局……确认学时。");

  fill_claim (&kind2, trainee, 2018, XS_CATEGORY_PROFESSIONAL, 2, "医学会研修", "2018-09-03");
  kind2.source = XS_SOURCE_BATCH;
  g_assert_true (xs_claim_store_add (db, &kind2, &error));
  /* submitted without its materials, as batch claims were before */
  exec_sql (db, "UPDATE claim SET status = 'submitted' WHERE kind = 2");
  fill_claim (&kind16, trainee, 2018, XS_CATEGORY_PROFESSIONAL, 16, "其他形式学习", "2018-06-01");
  g_assert_true (xs_claim_store_add (db, &kind16, &error));
  g_assert_true (xs_claim_store_attach (db, kind16.id, "supporting_document", paths, &error));
  g_assert_true (xs_claim_store_submit (db, kind16.id, &error));
  g_assert_no_error (error);

  key = xs_signing_key_open (xs_db_get_data_dir (db), &error);
  g_assert_no_error (error);
  /* the two reviewers, registered with the base */
  g_assert_true (xs_signing_key_create_file (hr_path, &error));
  g_assert_true (xs_signing_key_create_file (industry_path, &error));
  hr = xs_signing_key_open_file (hr_path, &error);
  industry = xs_signing_key_open_file (industry_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_reviewers_add (db, "市人社局", XS_REVIEW_SIDE_HR, xs_signing_key_get_public_text (hr), &error), >, 0);
  g_assert_cmpint (xs_reviewers_add (db, "行业主管部门", XS_REVIEW_SIDE_INDUSTRY,
                                     xs_signing_key_get_public_text (industry), &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (xs_package_export (db, key, "基地", &query, zip, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  package = xs_package_open (zip, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < xs_package_get_n_claims (package); i++)
    {
      const XsPackageClaim *claim = xs_package_get_claim (package, i);

      if (claim->kind == 2)
        exported2 = claim;
      else if (claim->kind == 16)
        exported16 = claim;
    }
  g_assert_nonnull (exported2);
  g_assert_nonnull (exported16);

  {
    XsDecision industry16 = { exported16->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_INDUSTRY, "行业主管部门", NULL };
    XsDecision hr16 = { exported16->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_HR, "市人社局", NULL };
    XsDecision industry2 = { exported2->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_INDUSTRY, "行业主管部门", NULL };

    g_assert_false (xs_decisions_write (package, industry, &industry16, 1, decisions, &error));
    g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
    g_assert_nonnull (strstr (error->message, "HR bureau"));
    g_clear_error (&error);

    g_assert_true (xs_decisions_write (package, hr, &hr16, 1, decisions, &error));
    g_assert_true (xs_decisions_write (package, industry, &industry2, 1, industry_decisions, &error));
    g_assert_no_error (error);
  }

  /* the kind-2 row is refused, so nothing is approved */
  report = xs_decisions_import (db, key, industry_decisions, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 1);
  {
    g_autofree char *rejections = xs_import_report_format_rejections (report);

    g_test_message ("%s", rejections);
    g_assert_nonnull (strstr (rejections, "training_notice"));
  }
  g_clear_object (&report);
  {
    g_autoptr(XsClaim) stored = xs_claim_store_get (db, kind2.id, &error);

    g_assert_cmpint (stored->status, ==, XS_STATUS_SUBMITTED);
  }

  /* HR's decision on kind 16 is applied */
  industry_report = xs_decisions_import (db, key, industry_decisions, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_no_error (error);
  report = xs_decisions_import (db, key, decisions, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  {
    g_autoptr(XsClaim) stored16 = xs_claim_store_get (db, kind16.id, &error);
    g_autoptr(XsClaim) stored2 = xs_claim_store_get (db, kind2.id, &error);

    g_assert_cmpint (stored16->status, ==, XS_STATUS_APPROVED);
    g_assert_cmpint (stored16->side, ==, XS_REVIEW_SIDE_HR);
    g_assert_cmpint (stored2->status, ==, XS_STATUS_SUBMITTED);
  }
}

/* 2 ---------------------------------------------------------------------- */

static gboolean
add_absence (XsDb        *db,
             gint64       trainee,
             XsAbsence    absence,
             double       months,
             const char  *title,
             XsClaim     *out,
             GError     **error)
{
  fill_claim (out, trainee, 2018, XS_CATEGORY_PROFESSIONAL, 15, title, "2018-11-30");
  out->absence = absence;
  out->absence_months = months;
  return xs_claim_store_add (db, out, error);
}

static void
test_kind15_year (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 trainee = xs_test_add_trainee (db, 2);
  g_auto(XsClaim) abroad = { 0 };
  g_auto(XsClaim) sick = { 0 };
  g_auto(XsClaim) short_abroad = { 0 };
  g_auto(XsClaim) maternity = { 0 };
  g_auto(XsClaim) more = { 0 };
  g_autoptr(GError) error = NULL;

  g_test_message ("附件15: 年度内在境外工作超过 6 个月、年度内因病假超过 6 个月、生育……"
                  "学时按实际在岗时间计算，如需申报 60 个学时，休半年产假可折算 30 个学时。");

  /* 6 months is not 超过6个月; 6.5 is */
  g_assert_false (add_absence (db, trainee, XS_ABSENCE_ABROAD, 6, "境外工作6个月", &short_abroad, &error));
  g_assert_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE);
  g_clear_error (&error);
  xs_claim_clear (&short_abroad);
  /* halves, not any fraction */
  g_assert_false (add_absence (db, trainee, XS_ABSENCE_ABROAD, 6.3, "境外工作6.3个月", &short_abroad, &error));
  g_assert_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE);
  g_clear_error (&error);
  xs_claim_clear (&short_abroad);
  g_assert_true (add_absence (db, trainee, XS_ABSENCE_ABROAD, 6.5, "境外工作", &abroad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (abroad.hours, ==, 325);   /* 60 × 6.5 ÷ 12 */
  {
    g_autoptr(XsClaim) stored = xs_claim_store_get (db, abroad.id, &error);

    g_assert_cmpfloat (stored->absence_months, ==, 6.5);
  }

  /* 6.5 + 7 would be more than the 12 months of a year */
  g_assert_false (add_absence (db, trainee, XS_ABSENCE_SICK_LEAVE, 7, "病假", &sick, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpstr (error->message, ==, "2018 already has 6.5 months of absence recorded; at most 5.5 more.");
  g_clear_error (&error);

  /* 5.5 more is the year */
  g_assert_true (add_absence (db, trainee, XS_ABSENCE_MATERNITY, 5.5, "产假", &maternity, &error));
  g_assert_no_error (error);
  g_assert_cmpint (abroad.hours + maternity.hours, <=, 600);
  g_assert_false (add_absence (db, trainee, XS_ABSENCE_MATERNITY, 1, "产假二", &more, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "at most 0 more"));
  g_clear_error (&error);

  /* the example of the issue, with whole months */
  {
    gint64 other = xs_test_add_trainee (db, 3);
    g_auto(XsClaim) seven = { 0 };
    g_auto(XsClaim) six = { 0 };

    g_assert_true (add_absence (db, other, XS_ABSENCE_ABROAD, 7, "境外工作", &seven, &error));
    g_assert_false (add_absence (db, other, XS_ABSENCE_MATERNITY, 6, "产假", &six, &error));
    g_assert_cmpstr (error->message, ==, "2018 already has 7 months of absence recorded; at most 5 more.");
  }
}

/* 3 ---------------------------------------------------------------------- */

static void
test_kind16_hr (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 trainee = xs_test_add_trainee (db, 4);
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (2018, &error);
  g_autofree char *scan = make_scan ();
  const char *paths[] = { scan, NULL };

  g_test_message ("附件16: 其他类别的继续教育形式 由市人社局参照专业科目学时折算标准确认学时。");

  g_assert_cmpint (xs_claim_kind_get_decided_by (xs_rule_set_lookup_kind (rules, 16)), ==, XS_REVIEW_SIDE_HR);
  g_assert_cmpint (xs_claim_kind_get_decided_by (xs_rule_set_lookup_kind (rules, 2)), ==, XS_REVIEW_SIDE_INDUSTRY);

  fill_claim (&claim, trainee, 2018, XS_CATEGORY_PROFESSIONAL, 16, "其他形式学习", "2018-06-01");
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_cmpint (xs_rule_set_get_review_side (rules, &claim), ==, XS_REVIEW_SIDE_HR);
  g_assert_true (xs_claim_store_attach (db, claim.id, "supporting_document", paths, &error));
  g_assert_true (xs_claim_store_submit (db, claim.id, &error));
  g_assert_no_error (error);

  g_assert_false (xs_claim_store_decide_as (db, claim.id, XS_REVIEW_SIDE_INDUSTRY, XS_STATUS_APPROVED,
                                            NULL, "行业主管部门", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "HR bureau"));
  g_clear_error (&error);
  g_assert_true (xs_claim_store_decide_as (db, claim.id, XS_REVIEW_SIDE_HR, XS_STATUS_APPROVED,
                                           NULL, "市人社局", &error));
  g_assert_no_error (error);
  {
    g_autoptr(XsClaim) stored = xs_claim_store_get (db, claim.id, &error);

    g_assert_true (stored->has_side);
    g_assert_cmpint (stored->side, ==, XS_REVIEW_SIDE_HR);
    g_assert_cmpint (stored->status, ==, XS_STATUS_APPROVED);
  }
}

/* 4, 5 ------------------------------------------------------------------- */

static void
assert_add (XsDb       *db,
            gint64      trainee,
            int         year,
            XsCategory  category,
            const char *date,
            gboolean    accepted)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("%d %s %s", year, xs_category_to_string (category), date);

  fill_claim (&claim, trainee, year, category, category == XS_CATEGORY_PUBLIC ? 0 : 2, title, date);
  g_test_message ("%s: %s", title, accepted ? "accepted" : "refused");
  if (accepted)
    {
      g_assert_true (xs_claim_store_add (db, &claim, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_assert_false (xs_claim_store_add (db, &claim, &error));
      g_assert_error (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE);
      g_test_message ("refused: %s", error->message);
    }
}

static void
test_own_year (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 trainee = xs_test_add_trainee (db, 5);

  g_test_message ("二(二): 专业技术人员没有完成2017年度以前继续教育公需科目学习的，……抓紧组织补学，"
                  "补学时间安排：2018年3月1日至2018年12月30日。2019年将不再提供以往年度的补学内容。");

  /* hours earned in their own year are not make-up */
  assert_add (db, trainee, 2017, XS_CATEGORY_PUBLIC, "2017-06-01", TRUE);
  assert_add (db, trainee, 2017, XS_CATEGORY_PROFESSIONAL, "2017-06-02", TRUE);
  assert_add (db, trainee, 2016, XS_CATEGORY_PUBLIC, "2016-10-01", TRUE);
  /* made up in 2018: inside the window only */
  assert_add (db, trainee, 2017, XS_CATEGORY_PUBLIC, "2018-03-01", TRUE);
  assert_add (db, trainee, 2017, XS_CATEGORY_PUBLIC, "2018-12-30", TRUE);
  assert_add (db, trainee, 2017, XS_CATEGORY_PUBLIC, "2018-02-28", FALSE);
  assert_add (db, trainee, 2017, XS_CATEGORY_PUBLIC, "2018-12-31", FALSE);
  /* nothing is made up from 2019 on */
  assert_add (db, trainee, 2017, XS_CATEGORY_PUBLIC, "2019-03-01", FALSE);
  assert_add (db, trainee, 2018, XS_CATEGORY_PUBLIC, "2019-03-01", FALSE);
  /* professional hours are never made up */
  assert_add (db, trainee, 2017, XS_CATEGORY_PROFESSIONAL, "2018-05-01", FALSE);
}

static void
test_public_study_march (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 trainee = xs_test_add_trainee (db, 6);
  g_autoptr(XsRuleSet) rules = xs_rule_set_for_year (2018, NULL);
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;
  GDate from;
  gboolean warn = TRUE;

  g_test_message ("二(二): 公需科目的学习在“漯河市专业技术人才工作网”……进行，学习时间从2018年3月开始。");

  g_assert_true (xs_rule_set_get_public_study_from (rules, &from, &warn));
  g_assert_false (warn);   /* refused: see resources/rules/README.md */
  fill_claim (&claim, trainee, 2018, XS_CATEGORY_PUBLIC, 0, "公需科目", "2018-02-28");
  g_assert_false (xs_claim_store_add (db, &claim, &error));
  g_assert_error (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "2018-03-01"));
  g_assert_null (xs_rule_set_warn_claim (rules, &claim));
  g_clear_error (&error);

  assert_add (db, trainee, 2018, XS_CATEGORY_PUBLIC, "2018-03-01", TRUE);
  /* professional hours of 2018 are not limited by the platform's start */
  assert_add (db, trainee, 2018, XS_CATEGORY_PROFESSIONAL, "2018-01-15", TRUE);
}

/* 6 ---------------------------------------------------------------------- */

static void
test_at_risk_makeup (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  GDate june, end, after;
  g_autoptr(GError) error = NULL;

  g_test_message ("二(二): 补学时间安排：2018年3月1日至2018年12月30日。");

  xs_test_add_trainee (db, 7);
  g_date_clear (&june, 1);
  g_date_clear (&end, 1);
  g_date_clear (&after, 1);
  g_date_set_dmy (&june, 1, 6, 2018);
  g_date_set_dmy (&end, 30, 12, 2018);
  g_date_set_dmy (&after, 31, 12, 2018);

  {
    g_autoptr(XsAtRisk) at_risk = xs_at_risk_compute (db, 2017, &june, &error);

    g_assert_no_error (error);
    g_assert_false (xs_at_risk_get_closed (at_risk));
    g_assert_cmpstr (xs_at_risk_get_makeup_until (at_risk), ==, "2018-12-30");
    g_assert_nonnull (strstr (xs_at_risk_get_entry (at_risk, 0)->summary, "2018-12-30"));
  }
  {
    g_autoptr(XsAtRisk) at_risk = xs_at_risk_compute (db, 2017, &end, &error);

    g_assert_false (xs_at_risk_get_closed (at_risk));
  }
  {
    g_autoptr(XsAtRisk) at_risk = xs_at_risk_compute (db, 2017, &after, &error);

    g_assert_true (xs_at_risk_get_closed (at_risk));
    g_assert_null (xs_at_risk_get_makeup_until (at_risk));
  }
  /* 2018 is its set's own year: nothing to make up, closed once over */
  {
    GDate next;
    g_autoptr(XsAtRisk) at_risk = NULL;

    g_date_clear (&next, 1);
    g_date_set_dmy (&next, 1, 6, 2019);
    at_risk = xs_at_risk_compute (db, 2018, &next, &error);
    g_assert_true (xs_at_risk_get_closed (at_risk));
  }
}

/* the total -------------------------------------------------------------- */

static void
test_total_counts_public_up_to_requirement (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  gint64 trainee = xs_test_add_trainee (db, 8);
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  const XsProgressRow *row;

  g_test_message ("二(一): 全年不少于90学时，其中公需科目学习30学时（必修课不少于24学时），专业科目学习不少于60学时。");

  exec_sql (db, "INSERT INTO claim (trainee_id, year, category, compulsory, hours, title, date, source, status) "
                "VALUES (1, 2018, 'public', 1, 400, '公需', '2018-05-06', 'batch', 'submitted')");
  exec_sql (db, "INSERT INTO claim (trainee_id, year, category, kind, hours, title, date, source, status) "
                "VALUES (1, 2018, 'professional', 1, 500, '基地培训班', '2018-05-07', 'batch', 'submitted')");
  g_assert_cmpint (xs_claim_store_approve_submitted (db, 2018, "审核员", &error), ==, 2);
  progress = xs_progress_compute (db, 2018, NULL, &error);
  g_assert_no_error (error);
  row = xs_progress_get_row (progress, 0);
  g_assert_cmpint (row->trainee_id, ==, trainee);
  g_assert_cmpint (row->public_hours, ==, 400);   /* shown as earned */
  g_assert_cmpint (row->total, ==, 800);          /* 30 + 50, not 90 */
  g_assert_false (row->qualified);
}

/* migration -------------------------------------------------------------- */

static void
apply_sql_file (sqlite3    *handle,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "sql", name, NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_migration (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "xueshi.db", NULL);
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *id_number = xs_test_id_number (9);
  g_autofree char *insert = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean listed = FALSE;

  g_test_message ("附件1: 基地统一上报的可以不用提供 — said of kind 1 alone");

  /* a version 3 database with a base's batch claims as they were imported */
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  apply_sql_file (handle, "001-initial.sql");
  apply_sql_file (handle, "002-certificates.sql");
  apply_sql_file (handle, "003-review.sql");
  insert = g_strdup_printf ("INSERT INTO trainee (id_number, name, sex, birth_date, employer) "
                            "VALUES ('%s', '学员9', 'male', '1980-01-10', '漯河市中心医院');", id_number);
  g_assert_cmpint (sqlite3_exec (handle, insert, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
    "INSERT INTO claim (id, trainee_id, year, category, kind, hours, title, date, source, status) VALUES "
    "(1, 1, 2018, 'professional', 2, 125, '医学会研修', '2018-09-03', 'batch', 'submitted'),"
    "(2, 1, 2018, 'professional', 1, 300, '基地培训班', '2018-04-14', 'batch', 'submitted'),"
    "(3, 1, 2018, 'professional', 4, 100, '学术会议', '2018-10-01', 'batch', 'submitted'),"
    "(4, 1, 2018, 'public', NULL, 240, '公需科目', '2018-05-06', 'batch', 'submitted');"
    "UPDATE claim SET status = 'approved', side = 'industry', reviewer = '行业主管部门' WHERE id = 3;",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  db = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_db_get_schema_version (db), ==, xs_db_get_latest_version ());

  {
    g_autoptr(XsClaim) waiting = xs_claim_store_get (db, 1, &error);
    g_autoptr(XsClaim) kind1 = xs_claim_store_get (db, 2, &error);
    g_autoptr(XsClaim) approved = xs_claim_store_get (db, 3, &error);
    g_autoptr(XsClaim) pub = xs_claim_store_get (db, 4, &error);

    g_assert_cmpint (waiting->status, ==, XS_STATUS_DRAFT);
    g_assert_nonnull (strstr (waiting->reason, "kind 1"));
    g_assert_cmpint (kind1->status, ==, XS_STATUS_SUBMITTED);
    g_assert_cmpint (approved->status, ==, XS_STATUS_APPROVED);
    g_assert_true (approved->has_side);
    g_assert_cmpint (approved->side, ==, XS_REVIEW_SIDE_INDUSTRY);
    g_assert_cmpint (pub->status, ==, XS_STATUS_SUBMITTED);
  }

  /* the audit trail says why */
  g_assert_cmpint (sqlite3_prepare_v2 (_xs_db_get_handle (db),
                                       "SELECT json_extract (detail, '$.reason') FROM audit "
                                       "WHERE entity = 'claim' AND entity_id = 1 AND action = 'withdraw'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 0), "kind 1"));
  sqlite3_finalize (stmt);

  /* approved ones are listed by the check */
  problems = xs_check_run (db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *problem = g_ptr_array_index (problems, i);

      g_test_message ("check: %s", problem);
      if (strstr (problem, "approved without the materials the notice asks for") != NULL)
        {
          g_assert_nonnull (strstr (problem, "Claim 3 "));
          listed = TRUE;
        }
    }
  g_assert_true (listed);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/notice/1-batch-evidence", test_batch_evidence);
  g_test_add_func ("/notice/1-batch-evidence-decisions-file", test_batch_evidence_decisions_file);
  g_test_add_func ("/notice/2-kind15-year", test_kind15_year);
  g_test_add_func ("/notice/3-kind16-hr", test_kind16_hr);
  g_test_add_func ("/notice/4-own-year", test_own_year);
  g_test_add_func ("/notice/5-public-study-march", test_public_study_march);
  g_test_add_func ("/notice/6-at-risk-makeup", test_at_risk_makeup);
  g_test_add_func ("/notice/total-counts-public-up-to-requirement", test_total_counts_public_up_to_requirement);
  g_test_add_func ("/notice/migration", test_migration);
  return g_test_run ();
}
