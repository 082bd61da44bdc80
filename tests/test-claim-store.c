/* test-claim-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

static gint64
add_trainee (XsDb  *db,
             guint  n)
{
  g_autoptr(XsTrainee) trainee = xs_trainee_new ();
  g_autoptr(GError) error = NULL;

  trainee->id_number = xs_test_id_number (n);
  trainee->name = g_strdup_printf ("学员%u", n);
  trainee->sex = xs_id_number_get_sex (trainee->id_number);
  xs_id_number_get_birth_date (trainee->id_number, &trainee->birth_date);
  trainee->employer = g_strdup ("漯河市中心医院");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  g_assert_no_error (error);
  return trainee->id;
}

static char *
make_scan (const char *name,
           int         shade)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 20, 20);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, shade / 255.0, 0.5, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static void
fill_claim (XsClaim    *claim,
            gint64      trainee_id,
            int         kind,
            const char *variant,
            const char *title)
{
  memset (claim, 0, sizeof *claim);
  claim->trainee_id = trainee_id;
  claim->year = 2018;
  claim->category = XS_CATEGORY_PROFESSIONAL;
  claim->kind = kind;
  claim->variant = g_strdup (variant);
  claim->hours = 100;
  claim->title = g_strdup (title);
  claim->source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim->date, 1);
  g_date_set_dmy (&claim->date, 20, 5, 2018);
}

static void
test_claim_lifecycle (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(XsClaim) stored = NULL;
  g_auto(GStrv) missing = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *notice = make_scan ("会议通知.png", 10);
  g_autofree char *proof = make_scan ("单位证明.png", 20);
  const char *notice_paths[] = { notice, NULL };
  const char *proof_paths[] = { proof, NULL };

  fill_claim (&claim, add_trainee (db, 1), 4, "attended", "河南省医学会年会");
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  g_assert_cmpint (claim.id, >, 0);
  g_assert_cmpint (claim.status, ==, XS_STATUS_DRAFT);

  missing = xs_claim_store_get_missing_materials (db, &claim, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (missing), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) missing, "meeting_notice"));
  g_assert_true (g_strv_contains ((const char * const *) missing, "employer_proof"));

  /* Submitting now names what is missing. */
  g_assert_false (xs_claim_store_submit (db, claim.id, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "meeting_notice"));
  g_assert_nonnull (strstr (error->message, "employer_proof"));
  g_clear_error (&error);

  /* A material the kind does not ask for is refused. */
  g_assert_false (xs_claim_store_attach (db, claim.id, "patent_certificate", notice_paths, &error));
  g_assert_error (error, XS_RULES_ERROR, XS_RULES_ERROR_UNKNOWN_MATERIAL);
  g_clear_error (&error);

  g_assert_true (xs_claim_store_attach (db, claim.id, "meeting_notice", notice_paths, &error));
  g_assert_true (xs_claim_store_attach (db, claim.id, "employer_proof", proof_paths, &error));
  g_assert_no_error (error);
  evidence = xs_claim_store_list_evidence (db, claim.id, &error);
  g_assert_cmpuint (evidence->len, ==, 2);

  g_assert_true (xs_claim_store_submit (db, claim.id, &error));
  g_assert_no_error (error);

  /* Submitted claims are locked. */
  g_assert_false (xs_claim_store_attach (db, claim.id, "employer_proof", notice_paths, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);

  /* A rejection needs a reason. */
  g_assert_false (xs_claim_store_decide (db, claim.id, XS_STATUS_REJECTED, NULL, "审核员", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (xs_claim_store_decide (db, claim.id, XS_STATUS_REJECTED, "会议通知不清晰", "审核员", &error));
  g_assert_no_error (error);

  stored = xs_claim_store_get (db, claim.id, &error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_REJECTED);
  g_assert_cmpstr (stored->reason, ==, "会议通知不清晰");
  g_assert_cmpstr (stored->reviewer, ==, "审核员");

  /* Rejected claims can be corrected and submitted again, then approved. */
  g_assert_true (xs_claim_store_attach (db, claim.id, "meeting_notice", proof_paths, &error));
  g_assert_true (xs_claim_store_submit (db, claim.id, &error));
  g_assert_true (xs_claim_store_decide (db, claim.id, XS_STATUS_APPROVED, NULL, "审核员", &error));
  g_assert_no_error (error);
  g_assert_false (xs_claim_store_decide (db, claim.id, XS_STATUS_APPROVED, NULL, "审核员", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
}

static void
test_claim_duplicate_and_rules (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) first = { 0 };
  g_auto(XsClaim) again = { 0 };
  g_auto(XsClaim) late = { 0 };
  gint64 trainee = add_trainee (db, 2);

  fill_claim (&first, trainee, 9, NULL, "通过全国中级资格考试");
  g_assert_true (xs_claim_store_add (db, &first, &error));
  g_assert_no_error (error);

  fill_claim (&again, trainee, 9, NULL, "通过全国中级资格考试");
  g_assert_false (xs_claim_store_add (db, &again, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);

  fill_claim (&late, trainee, 9, NULL, "另一项");
  g_date_set_dmy (&late.date, 2, 1, 2019);
  g_assert_false (xs_claim_store_add (db, &late, &error));
  g_assert_error (error, XS_RULES_ERROR, XS_RULES_ERROR_DATE);
}

static void
test_claim_absence (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(XsClaim) stored = NULL;

  fill_claim (&claim, add_trainee (db, 4), 15, "maternity", "产假");
  claim.hours = 0;
  claim.absence = XS_ABSENCE_MATERNITY;
  claim.absence_months = 6;
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);

  stored = xs_claim_store_get (db, claim.id, &error);
  g_assert_cmpint (stored->hours, ==, 300);
  g_assert_cmpint (stored->absence, ==, XS_ABSENCE_MATERNITY);
  g_assert_cmpint (stored->absence_months, ==, 6);
}

static void
test_claim_batch (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  g_auto(GStrv) missing = NULL;

  fill_claim (&claim, add_trainee (db, 5), 1, NULL, "临床诊疗规范培训班");
  claim.source = XS_SOURCE_BATCH;
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  g_assert_cmpint (claim.status, ==, XS_STATUS_SUBMITTED);
  missing = xs_claim_store_get_missing_materials (db, &claim, &error);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);

  g_assert_cmpint (xs_claim_store_approve_submitted (db, 2018, "人社局", &error), ==, 1);
  g_assert_cmpint (xs_claim_store_approve_submitted (db, 2018, "人社局", &error), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/claim-store/lifecycle", test_claim_lifecycle);
  g_test_add_func ("/claim-store/duplicate-and-rules", test_claim_duplicate_and_rules);
  g_test_add_func ("/claim-store/absence", test_claim_absence);
  g_test_add_func ("/claim-store/batch", test_claim_batch);

  return g_test_run ();
}
