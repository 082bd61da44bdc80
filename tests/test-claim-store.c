/* test-claim-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-class-store.h"
#include "xs-test-util.h"
#include "xs-trainee-names.h"
#include "xs-trainee-store.h"

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
  g_autofree char *notice = xs_test_write_png ("会议通知.png", 20, 20, 10);
  g_autofree char *proof = xs_test_write_png ("单位证明.png", 20, 20, 20);
  const char *notice_paths[] = { notice, NULL };
  const char *proof_paths[] = { proof, NULL };

  fill_claim (&claim, xs_test_add_trainee (db, 1), 4, "attended", "河南省医学会年会");
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

/* A file taken off a draft comes back with Undo, from what the database
 * kept, even through another connection. */
static void
test_claim_undo_detach (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(XsDb) other = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *notice = xs_test_write_png ("会议通知（䶮𠮷）.png", 20, 20, 30);
  const char *notice_paths[] = { notice, NULL };
  XsEvidence *file;

  fill_claim (&claim, xs_test_add_trainee (db, 5), 4, "attended", "河南省医学会年会");
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_true (xs_claim_store_attach (db, claim.id, "meeting_notice", notice_paths, &error));
  g_assert_no_error (error);
  before = xs_claim_store_list_evidence (db, claim.id, &error);
  g_assert_cmpuint (before->len, ==, 1);
  file = g_ptr_array_index (before, 0);

  g_assert_true (xs_claim_store_detach (db, claim.id, "meeting_notice", file->id, &error));
  g_assert_no_error (error);
  after = xs_claim_store_list_evidence (db, claim.id, &error);
  g_assert_cmpuint (after->len, ==, 0);

  other = xs_db_open (xs_db_get_data_dir (db), &error);
  g_assert_no_error (error);
  g_assert_true (xs_claim_store_undo_detach (other, claim.id, "meeting_notice", file->id, &error));
  g_assert_no_error (error);
  again = xs_claim_store_list_evidence (db, claim.id, &error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (((XsEvidence *) g_ptr_array_index (again, 0))->original_name, ==,
                   file->original_name);

  /* once only */
  g_assert_false (xs_claim_store_undo_detach (other, claim.id, "meeting_notice", file->id, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND);
}

static void
test_claim_duplicate_and_rules (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) first = { 0 };
  g_auto(XsClaim) again = { 0 };
  g_auto(XsClaim) late = { 0 };
  gint64 trainee = xs_test_add_trainee (db, 2);

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

  fill_claim (&claim, xs_test_add_trainee (db, 4), 15, "maternity", "产假");
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

  fill_claim (&claim, xs_test_add_trainee (db, 5), 1, NULL, "临床诊疗规范培训班");
  claim.source = XS_SOURCE_BATCH;
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  g_assert_cmpint (claim.status, ==, XS_STATUS_SUBMITTED);
  missing = xs_claim_store_get_missing_materials (db, &claim, &error);
  g_assert_cmpuint (g_strv_length (missing), ==, 0);

  g_assert_cmpint (xs_claim_store_approve_submitted (db, 2018, "人社局", &error), ==, 1);
  g_assert_cmpint (xs_claim_store_approve_submitted (db, 2018, "人社局", &error), ==, 0);
}

static void
test_claim_detach (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  g_auto(GStrv) missing = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *first = xs_test_write_png ("专利证书1.png", 20, 20, 30);
  g_autofree char *second = xs_test_write_png ("专利证书2.png", 20, 20, 40);
  const char *paths[] = { first, second, NULL };
  gint64 removed;

  fill_claim (&claim, xs_test_add_trainee (db, 6), 7, NULL, "一种输液装置");
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_true (xs_claim_store_attach (db, claim.id, "patent_certificate", paths, &error));
  g_assert_no_error (error);
  evidence = xs_claim_store_list_evidence (db, claim.id, &error);
  g_assert_cmpuint (evidence->len, ==, 2);
  removed = ((XsEvidence *) g_ptr_array_index (evidence, 0))->id;

  /* The wrong material, or a file that is not attached, is refused. */
  g_assert_false (xs_claim_store_detach (db, claim.id, "award_certificate", removed, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (xs_claim_store_detach (db, claim.id, "patent_certificate", removed, &error));
  g_assert_no_error (error);
  g_clear_pointer (&evidence, g_ptr_array_unref);
  evidence = xs_claim_store_list_evidence (db, claim.id, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_cmpint (((XsEvidence *) g_ptr_array_index (evidence, 0))->id, !=, removed);

  g_assert_false (xs_claim_store_detach (db, claim.id, "patent_certificate", removed, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Removing the last file makes the material missing again. */
  removed = ((XsEvidence *) g_ptr_array_index (evidence, 0))->id;
  g_assert_true (xs_claim_store_detach (db, claim.id, "patent_certificate", removed, &error));
  missing = xs_claim_store_get_missing_materials (db, &claim, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (missing, ((const char * const[]) { "patent_certificate", NULL }));

  /* A submitted claim is locked. */
  g_assert_true (xs_claim_store_attach (db, claim.id, "patent_certificate", paths, &error));
  g_assert_true (xs_claim_store_submit (db, claim.id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&evidence, g_ptr_array_unref);
  evidence = xs_claim_store_list_evidence (db, claim.id, &error);
  removed = ((XsEvidence *) g_ptr_array_index (evidence, 0))->id;
  g_assert_false (xs_claim_store_detach (db, claim.id, "patent_certificate", removed, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
}

static void
test_claim_update (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) first = { 0 };
  g_auto(XsClaim) second = { 0 };
  g_autoptr(XsClaim) edited = NULL;
  g_autoptr(XsClaim) stored = NULL;
  g_autofree char *scan = xs_test_write_png ("单位证明.png", 20, 20, 50);
  const char *paths[] = { scan, NULL };
  gint64 trainee = xs_test_add_trainee (db, 7);

  fill_claim (&first, trainee, 4, "attended", "河南省医学会年会");
  fill_claim (&second, trainee, 9, NULL, "通过全国中级资格考试");
  g_assert_true (xs_claim_store_add (db, &first, &error));
  g_assert_true (xs_claim_store_add (db, &second, &error));
  g_assert_no_error (error);

  /* Kind, title and hours of a draft change; the trainee and source do not. */
  edited = xs_claim_copy (&first);
  edited->trainee_id = 999;
  edited->kind = 15;
  g_clear_pointer (&edited->variant, g_free);
  edited->variant = g_strdup ("maternity");
  edited->absence = XS_ABSENCE_MATERNITY;
  edited->absence_months = 6;
  edited->hours = 0;
  g_free (edited->title);
  edited->title = g_strdup ("  产假  ");
  g_assert_true (xs_claim_store_update (db, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (edited->hours, ==, 300);
  stored = xs_claim_store_get (db, first.id, &error);
  g_assert_cmpint (stored->trainee_id, ==, trainee);
  g_assert_cmpint (stored->kind, ==, 15);
  g_assert_cmpstr (stored->variant, ==, "maternity");
  g_assert_cmpint (stored->hours, ==, 300);
  g_assert_cmpstr (stored->title, ==, "产假");
  g_assert_cmpint (stored->status, ==, XS_STATUS_DRAFT);
  g_clear_pointer (&stored, xs_claim_free);

  /* The rules apply as when adding: an absence too short is refused. */
  edited->absence = XS_ABSENCE_SICK_LEAVE;
  g_free (edited->variant);
  edited->variant = g_strdup ("sick-leave");
  g_assert_false (xs_claim_store_update (db, edited, &error));
  g_assert_error (error, XS_RULES_ERROR, XS_RULES_ERROR_ABSENCE);
  g_clear_error (&error);

  /* Saving a claim unchanged is not a duplicate of itself, but taking the
   * title and date of another claim is. */
  g_assert_true (xs_claim_store_update (db, &second, &error));
  g_assert_no_error (error);
  g_free (second.title);
  second.title = g_strdup ("产假");
  g_assert_false (xs_claim_store_update (db, &second, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_free (second.title);
  second.title = g_strdup ("通过全国中级资格考试");

  /* A rejected claim goes back to draft; a submitted one is locked. */
  g_assert_true (xs_claim_store_attach (db, second.id, "qualification_certificate", paths, &error));
  g_assert_true (xs_claim_store_submit (db, second.id, &error));
  g_assert_no_error (error);
  g_assert_false (xs_claim_store_update (db, &second, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (xs_claim_store_decide (db, second.id, XS_STATUS_REJECTED, "证书不清晰", "审核员", &error));
  second.hours = 120;
  g_assert_true (xs_claim_store_update (db, &second, &error));
  g_assert_no_error (error);
  stored = xs_claim_store_get (db, second.id, &error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_DRAFT);
  g_assert_cmpint (stored->hours, ==, 120);
}

/* The years with any claim or class, newest first, each once. */
static void
test_claim_years (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(XsTrainingClass) klass = xs_training_class_new ();
  gint64 trainee = xs_test_add_trainee (db, 7);
  static const int claim_years[] = { 2018, 2016, 2018, 2021 };

  years = xs_claim_store_list_years (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 0);
  g_clear_pointer (&years, g_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (claim_years); i++)
    {
      g_auto(XsClaim) claim = { 0 };
      g_autofree char *title = g_strdup_printf ("培训 %u", i);

      fill_claim (&claim, trainee, 1, NULL, title);
      claim.year = claim_years[i];
      g_date_set_dmy (&claim.date, 20, 5, claim_years[i]);
      g_assert_true (xs_claim_store_add (db, &claim, &error));
      g_assert_no_error (error);
    }
  /* a class without hours yet marks its year too */
  klass->code = g_strdup ("2019-01");
  klass->name = g_strdup ("新进展研修班");
  klass->year = 2019;
  klass->category = XS_CATEGORY_PROFESSIONAL;
  klass->hours = 240;
  g_date_set_dmy (&klass->start_date, 10, 7, 2019);
  g_date_set_dmy (&klass->end_date, 14, 7, 2019);
  g_assert_true (xs_class_store_add (db, klass, &error));
  g_assert_no_error (error);

  years = xs_claim_store_list_years (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 4);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2021);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2019);
  g_assert_cmpint (g_array_index (years, int, 2), ==, 2018);
  g_assert_cmpint (g_array_index (years, int, 3), ==, 2016);
}

/* The names of some trainees, as the whole roster's names give them. */
static void
test_claim_names_of (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GHashTable) some = NULL;
  g_autoptr(GHashTable) none = NULL;
  g_autoptr(GHashTable) many = NULL;
  g_autoptr(GArray) repeated = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 trainees[5];
  gint64 ids[4];

  for (guint i = 0; i < G_N_ELEMENTS (trainees); i++)
    trainees[i] = xs_test_add_trainee (db, 11 + i);
  all = xs_trainee_store_list_names (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, G_N_ELEMENTS (trainees));

  /* repeats once, and an id of no trainee is left out */
  ids[0] = trainees[3];
  ids[1] = trainees[1];
  ids[2] = trainees[3];
  ids[3] = trainees[4] + 1000;
  some = xs_trainee_store_list_names_of (db, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (some), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (g_hash_table_lookup (some, &ids[i]), ==, g_hash_table_lookup (all, &ids[i]));
  g_assert_nonnull (g_hash_table_lookup (some, &ids[0]));
  g_assert_cmpstr (g_hash_table_lookup (some, &ids[0]), !=, g_hash_table_lookup (some, &ids[1]));

  none = xs_trainee_store_list_names_of (db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);

  /* many ids: one pass over the roster, which holds them all */
  for (guint i = 0; i < 20000; i++)
    g_array_append_val (repeated, trainees[i % 2]);
  many = xs_trainee_store_list_names_of (db, (const gint64 *) repeated->data, repeated->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (many, &trainees[0]), ==, g_hash_table_lookup (all, &trainees[0]));
  g_assert_cmpstr (g_hash_table_lookup (many, &trainees[1]), ==, g_hash_table_lookup (all, &trainees[1]));
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/claim-store/lifecycle", test_claim_lifecycle);
  g_test_add_func ("/claim-store/undo-detach", test_claim_undo_detach);
  g_test_add_func ("/claim-store/duplicate-and-rules", test_claim_duplicate_and_rules);
  g_test_add_func ("/claim-store/absence", test_claim_absence);
  g_test_add_func ("/claim-store/batch", test_claim_batch);
  g_test_add_func ("/claim-store/detach", test_claim_detach);
  g_test_add_func ("/claim-store/update", test_claim_update);
  g_test_add_func ("/claim-store/years", test_claim_years);
  g_test_add_func ("/claim-store/names-of", test_claim_names_of);

  return g_test_run ();
}
