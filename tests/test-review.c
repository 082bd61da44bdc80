/* test-review.c: decisions by the right side, locked submissions, the
 * audit trail and a trainee's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <cairo.h>
#include <string.h>

#include "xs-claim-store.h"
#include "xs-db-private.h"
#include "xs-history.h"
#include "xs-id-number.h"
#include "xs-import-log.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"

/* Trainee @n with a phone number, which a review must not show. */
static gint64
add_trainee (XsDb  *db,
             guint  n)
{
  return xs_test_add_trainee_full (db, n, NULL, "13800000000");
}

static char *
make_scan (const char *name)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 20, 20);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.5);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static void
fill_claim (XsClaim    *claim,
            gint64      trainee_id,
            XsCategory  category,
            int         kind,
            const char *title)
{
  memset (claim, 0, sizeof *claim);
  claim->trainee_id = trainee_id;
  claim->year = 2018;
  claim->category = category;
  claim->kind = kind;
  claim->hours = 100;
  claim->title = g_strdup (title);
  claim->source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim->date, 1);
  g_date_set_dmy (&claim->date, 20, 5, 2018);
}

/* A public claim (no evidence needed), submitted. */
static gint64
add_submitted_public (XsDb       *db,
                      gint64      trainee_id,
                      const char *title)
{
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(GError) error = NULL;

  fill_claim (&claim, trainee_id, XS_CATEGORY_PUBLIC, 0, title);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  g_assert_true (xs_claim_store_submit (db, claim.id, &error));
  g_assert_no_error (error);
  return claim.id;
}

/* The primary result code of @sql run around the core. */
static int
raw_exec (XsDb       *db,
          const char *sql)
{
  return sqlite3_exec (_xs_db_get_handle (db), sql, NULL, NULL, NULL) & 0xff;
}

static gint64
count_audit (XsDb       *db,
             const char *entity,
             gint64      entity_id,
             const char *action)
{
  g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db,
                                             "SELECT count(*) FROM audit "
                                             "WHERE entity = ?1 AND entity_id = ?2 AND action = ?3",
                                             NULL);

  _xs_db_bind_text (stmt, 1, entity);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  _xs_db_bind_text (stmt, 3, action);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_review_side (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsClaim) stored = NULL;
  gint64 trainee_id = add_trainee (db, 1);
  gint64 id = add_submitted_public (db, trainee_id, "公需科目网络培训");
  XsReviewSide side;

  g_assert_cmpstr (xs_review_side_to_string (XS_REVIEW_SIDE_HR), ==, "hr");
  g_assert_cmpstr (xs_review_side_to_string (XS_REVIEW_SIDE_INDUSTRY), ==, "industry");
  g_assert_true (xs_review_side_from_string (" industry ", &side));
  g_assert_cmpint (side, ==, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_false (xs_review_side_from_string ("school", &side));
  g_assert_cmpint (xs_review_side_for_category (XS_CATEGORY_PUBLIC), ==, XS_REVIEW_SIDE_HR);
  g_assert_cmpint (xs_review_side_for_category (XS_CATEGORY_PROFESSIONAL), ==, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_nonnull (xs_review_side_get_label (XS_REVIEW_SIDE_HR));

  /* the industry department does not decide public hours */
  g_assert_false (xs_claim_store_decide_as (db, id, XS_REVIEW_SIDE_INDUSTRY, XS_STATUS_APPROVED,
                                            NULL, "张三", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "HR department"));
  g_clear_error (&error);

  /* a reviewer is required */
  g_assert_false (xs_claim_store_decide_as (db, id, XS_REVIEW_SIDE_HR, XS_STATUS_APPROVED,
                                            NULL, "  ", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);

  /* a rejection needs a reason */
  g_assert_false (xs_claim_store_decide_as (db, id, XS_REVIEW_SIDE_HR, XS_STATUS_REJECTED,
                                            "", "张三", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);

  stored = xs_claim_store_get (db, id, &error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_SUBMITTED);
  g_assert_false (stored->has_side);
  g_clear_pointer (&stored, xs_claim_free);

  g_assert_true (xs_claim_store_decide_as (db, id, XS_REVIEW_SIDE_HR, XS_STATUS_REJECTED,
                                           "材料不清晰", "张三", &error));
  g_assert_no_error (error);
  stored = xs_claim_store_get (db, id, &error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_REJECTED);
  g_assert_true (stored->has_side);
  g_assert_cmpint (stored->side, ==, XS_REVIEW_SIDE_HR);
  g_assert_cmpstr (stored->reviewer, ==, "张三");
  g_assert_cmpstr (stored->reason, ==, "材料不清晰");
  g_clear_pointer (&stored, xs_claim_free);

  /* the database refuses the wrong side too */
  g_assert_cmpint (raw_exec (db, "UPDATE claim SET side = 'industry'"), ==, SQLITE_CONSTRAINT);

  /* rejected -> draft -> submitted -> approved */
  g_assert_false (xs_claim_store_withdraw (db, id, "改正", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (xs_claim_store_reopen (db, id, &error));
  g_assert_no_error (error);
  stored = xs_claim_store_get (db, id, &error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_DRAFT);
  g_assert_false (stored->has_side);
  g_clear_pointer (&stored, xs_claim_free);
  g_assert_false (xs_claim_store_reopen (db, id, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_true (xs_claim_store_submit (db, id, &error));
  g_assert_no_error (error);

  /* the old entry point picks the side that fits */
  g_assert_true (xs_claim_store_decide (db, id, XS_STATUS_APPROVED, NULL, "李四", &error));
  g_assert_no_error (error);
  stored = xs_claim_store_get (db, id, &error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_APPROVED);
  g_assert_cmpint (stored->side, ==, XS_REVIEW_SIDE_HR);
  g_assert_null (stored->reason);

  /* approved is final */
  g_assert_false (xs_claim_store_reopen (db, id, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (raw_exec (db, "UPDATE claim SET status = 'draft'"), ==, SQLITE_CONSTRAINT);
}

static void
test_review_professional (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(XsClaim) stored = NULL;

  fill_claim (&claim, add_trainee (db, 2), XS_CATEGORY_PROFESSIONAL, 1, "临床诊疗规范培训班");
  claim.source = XS_SOURCE_BATCH;
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);

  g_assert_false (xs_claim_store_decide_as (db, claim.id, XS_REVIEW_SIDE_HR, XS_STATUS_APPROVED,
                                            NULL, "张三", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "industry department"));
  g_clear_error (&error);
  g_assert_true (xs_claim_store_decide_as (db, claim.id, XS_REVIEW_SIDE_INDUSTRY, XS_STATUS_APPROVED,
                                           NULL, "卫健委 王五", &error));
  g_assert_no_error (error);
  stored = xs_claim_store_get (db, claim.id, &error);
  g_assert_cmpint (stored->side, ==, XS_REVIEW_SIDE_INDUSTRY);
}

static void
test_review_withdraw (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };
  g_autoptr(XsClaim) stored = NULL;

  fill_claim (&claim, add_trainee (db, 3), XS_CATEGORY_PROFESSIONAL, 1, "临床诊疗规范培训班");
  claim.source = XS_SOURCE_BATCH;
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  g_assert_cmpint (claim.status, ==, XS_STATUS_SUBMITTED);

  /* a submitted batch claim is locked: the core refuses, and so does the
   * database for anything that goes around the core */
  g_free (claim.title);
  claim.title = g_strdup ("临床诊疗规范培训班（更正）");
  g_assert_false (xs_claim_store_update (db, &claim, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "withdraw"));
  g_clear_error (&error);
  g_assert_cmpint (raw_exec (db, "UPDATE claim SET hours = 200"), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (db, "UPDATE claim SET status = 'draft', title = 'x'"),
                   ==, SQLITE_CONSTRAINT);
  /* withdrawing without a reason, by the core or not */
  g_assert_cmpint (raw_exec (db, "UPDATE claim SET status = 'draft'"), ==, SQLITE_CONSTRAINT);
  g_assert_false (xs_claim_store_withdraw (db, claim.id, " ", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  stored = xs_claim_store_get (db, claim.id, &error);
  g_assert_cmpint (stored->hours, ==, 100);
  g_assert_cmpint (stored->status, ==, XS_STATUS_SUBMITTED);
  g_clear_pointer (&stored, xs_claim_free);

  g_assert_true (xs_claim_store_withdraw (db, claim.id, "学时录入有误", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (db, "claim", claim.id, "withdraw"), ==, 1);

  /* now it can be corrected and submitted again */
  claim.hours = 120;
  g_assert_true (xs_claim_store_update (db, &claim, &error));
  g_assert_no_error (error);
  g_assert_true (xs_claim_store_submit (db, claim.id, &error));
  g_assert_no_error (error);
  stored = xs_claim_store_get (db, claim.id, &error);
  g_assert_cmpint (stored->status, ==, XS_STATUS_SUBMITTED);
  g_assert_cmpint (stored->hours, ==, 120);
  g_assert_cmpstr (stored->title, ==, "临床诊疗规范培训班（更正）");
  g_clear_pointer (&stored, xs_claim_free);

  /* approved is locked as well */
  g_assert_cmpint (xs_claim_store_approve_submitted (db, 2018, "人社局", &error), ==, 1);
  stored = xs_claim_store_get (db, claim.id, &error);
  g_assert_true (stored->has_side);
  g_assert_cmpint (stored->side, ==, XS_REVIEW_SIDE_INDUSTRY);
  g_assert_false (xs_claim_store_withdraw (db, claim.id, "再改", &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpint (raw_exec (db, "UPDATE claim SET hours = 200"), ==, SQLITE_CONSTRAINT);
}

static void
test_review_audit_and_history (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsTrainee) trainee = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_auto(XsClaim) claim = { 0 };
  g_autofree char *scan = make_scan ("会议通知.png");
  g_autofree char *id_number = NULL;
  g_autofree char *insert_certificate = NULL;
  const char *paths[] = { scan, NULL };
  gint64 trainee_id = add_trainee (db, 4);
  gint64 public_id;
  gint64 evidence_id;
  const char *expected[] = {
    "学员4 added to the roster",
    "Trainee details changed: employer, phone number",
    "recorded as a draft",
    "recorded as a draft",
    "changed: hours",
    "submitted for review",
    "rejected by the HR department (reviewer 张三): 材料不清晰",
    "evidence attached for “Meeting notice”",
    "evidence attached for “Employer’s proof”",
    "evidence removed from “Employer’s proof”",
    "reopened for correction",
    "Certificate 2018-0001 issued",
  };

  /* the trainee: inserted above, then changed */
  trainee = xs_trainee_store_get (db, trainee_id, &error);
  g_assert_no_error (error);
  id_number = g_strdup (trainee->id_number);
  g_free (trainee->employer);
  trainee->employer = g_strdup ("漯河市第二人民医院");
  g_free (trainee->phone);
  trainee->phone = g_strdup ("13900000000");
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (db, "trainee", trainee_id, "insert"), ==, 1);
  g_assert_cmpint (count_audit (db, "trainee", trainee_id, "update"), ==, 1);
  /* an unchanged roster row leaves no entry */
  g_assert_true (xs_trainee_store_upsert (db, trainee, NULL, &error));
  g_assert_cmpint (count_audit (db, "trainee", trainee_id, "update"), ==, 1);

  /* a public claim, changed, submitted and rejected */
  fill_claim (&claim, trainee_id, XS_CATEGORY_PUBLIC, 0, "公需科目网络培训");
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  public_id = claim.id;
  xs_claim_clear (&claim);

  /* a professional claim with evidence (kind 4 asks for two files) */
  fill_claim (&claim, trainee_id, XS_CATEGORY_PROFESSIONAL, 4, "河南省医学会年会");
  claim.variant = g_strdup ("attended");
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);

  {
    g_autoptr(XsClaim) edited = xs_claim_store_get (db, public_id, &error);

    edited->hours = 60;
    g_assert_true (xs_claim_store_update (db, edited, &error));
    g_assert_no_error (error);
    g_assert_true (xs_claim_store_submit (db, public_id, &error));
    g_assert_true (xs_claim_store_decide_as (db, public_id, XS_REVIEW_SIDE_HR, XS_STATUS_REJECTED,
                                             "材料不清晰", "张三", &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_audit (db, "claim", public_id, "insert"), ==, 1);
  g_assert_cmpint (count_audit (db, "claim", public_id, "change"), ==, 1);
  g_assert_cmpint (count_audit (db, "claim", public_id, "status"), ==, 2);

  g_assert_true (xs_claim_store_attach (db, claim.id, "meeting_notice", paths, &error));
  g_assert_true (xs_claim_store_attach (db, claim.id, "employer_proof", paths, &error));
  g_assert_no_error (error);
  evidence = xs_claim_store_list_evidence (db, claim.id, &error);
  evidence_id = ((XsEvidence *) g_ptr_array_index (evidence, 0))->id;
  g_assert_true (xs_claim_store_detach (db, claim.id, "employer_proof", evidence_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (db, "claim", claim.id, "attach"), ==, 2);
  g_assert_cmpint (count_audit (db, "claim", claim.id, "detach"), ==, 1);

  g_assert_true (xs_claim_store_reopen (db, public_id, &error));
  g_assert_no_error (error);

  /* a certificate: the trigger records it, whoever inserts */
  insert_certificate = g_strdup_printf ("INSERT INTO certificate (serial, kind, year, number, trainee_id, "
                                        "holder, masked_id, document, document_sha256, pdf, issued_at) "
                                        "VALUES ('2018-0001', 'annual', 2018, 1, %" G_GINT64_FORMAT ", "
                                        "'学员4', '411102********', '{}', "
                                        "'0000000000000000000000000000000000000000000000000000000000000000', "
                                        "x'00', '2018-12-01T00:00:00Z')",
                                        trainee_id);
  g_assert_cmpint (raw_exec (db, insert_certificate), ==, SQLITE_OK);

  /* somebody else's claim stays out of this trainee's history */
  add_submitted_public (db, add_trainee (db, 5), "别人的培训");

  history = xs_history_list_for_trainee (db, trainee_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      XsHistoryEntry *entry = g_ptr_array_index (history, i);
      g_autofree char *time = xs_history_entry_format_time (entry);

      g_test_message ("%s  %s", time, entry->text);
      g_string_append_printf (all, "%s\n", entry->text);
      g_assert_cmpuint (strlen (time), ==, strlen ("2018-12-01 00:00:00"));
      if (i > 0)
        g_assert_cmpint (entry->id, >, ((XsHistoryEntry *) g_ptr_array_index (history, i - 1))->id);
    }
  g_assert_cmpuint (history->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      XsHistoryEntry *entry = g_ptr_array_index (history, i);

      if (strstr (entry->text, expected[i]) == NULL)
        g_error ("entry %u is “%s”, expected “%s”", i, entry->text, expected[i]);
    }
  g_assert_nonnull (strstr (((XsHistoryEntry *) g_ptr_array_index (history, 6))->text, "“公需科目网络培训”"));
  g_assert_null (strstr (all->str, "别人"));

  /* no identity or phone number in the trail */
  {
    g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db,
                                               "SELECT count(*) FROM audit WHERE instr (detail, ?1) > 0 "
                                               "OR instr (detail, '1390000') > 0 OR instr (detail, '1380000') > 0",
                                               NULL);

    _xs_db_bind_text (stmt, 1, id_number);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0);
  }
}

/* A trainee's arrival is recorded by the store (schema 12), its changes
 * and removal by triggers: every path that adds, changes or removes a
 * roster entry leaves its entry, and one rolled back leaves none. */
static void
test_review_trainee_audit_paths (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_auto(XsTrainee) by_hand = { 0 };
  g_auto(XsTrainee) undone = { 0 };
  g_autofree char *first = xs_test_id_number (11);
  g_autofree char *second = xs_test_id_number (12);
  g_autofree char *third = xs_test_id_number (13);
  g_autofree char *roster = NULL;
  g_autoptr(XsTrainee) stored = NULL;
  gint64 import_id;

  /* no trigger writes the arrival any more: the store does */
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                          "AND tbl_name = 'trainee' AND sql LIKE '%AFTER INSERT%'"), ==, 0);

  /* added by hand: one entry, with the name and the trainee */
  by_hand.id_number = g_strdup (first);
  by_hand.name = g_strdup ("王䶮");
  by_hand.employer = g_strdup ("漯河市中心医院");
  by_hand.sex = xs_id_number_get_sex (first);
  xs_id_number_get_birth_date (first, &by_hand.birth_date);
  g_assert_true (xs_trainee_store_upsert (db, &by_hand, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (db, "trainee", by_hand.id, "insert"), ==, 1);
  {
    g_autoptr(XsDbStmt) stmt = _xs_db_prepare (db,
                                               "SELECT detail, trainee_id FROM audit "
                                               "WHERE entity = 'trainee' AND action = 'insert'",
                                               NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "王䶮");
    g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, by_hand.id);
  }

  /* added inside an action that is rolled back: neither row nor entry */
  undone.id_number = g_strdup (third);
  undone.name = g_strdup ("李𠮷");
  undone.employer = g_strdup ("舞阳县农业局");
  undone.sex = xs_id_number_get_sex (third);
  xs_id_number_get_birth_date (third, &undone.birth_date);
  g_assert_true (xs_db_begin (db, &error));
  g_assert_true (xs_trainee_store_upsert (db, &undone, NULL, &error));
  g_assert_no_error (error);
  xs_db_rollback (db);
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM trainee"), ==, 1);
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = 'trainee'"), ==, 1);

  /* changed by hand: the update trigger */
  g_free (by_hand.employer);
  by_hand.employer = g_strdup ("漯河市第二人民医院");
  g_assert_true (xs_trainee_store_upsert (db, &by_hand, NULL, &error));
  g_assert_cmpint (count_audit (db, "trainee", by_hand.id, "update"), ==, 1);

  /* a roster import that changes the first and adds the second: the change
   * has its entry, the arrival is the import's own entry */
  roster = g_strdup_printf ("姓名,身份证号,工作单位\n王䶮,%s,漯河市第三人民医院\n张三,%s,郾城区教育局\n",
                            first, second);
  xs_test_import (db, roster, TRUE, NULL);
  g_assert_cmpint (count_audit (db, "trainee", by_hand.id, "update"), ==, 2);
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = 'trainee' "
                                          "AND action = 'insert'"), ==, 1);
  g_assert_cmpint (xs_test_query_int (db, "SELECT count(*) FROM audit WHERE entity = 'import' "
                                          "AND action = 'roster'"), ==, 1);
  stored = xs_trainee_store_lookup (db, second, &error);
  g_assert_no_error (error);
  import_id = xs_test_query_int (db, "SELECT max (id) FROM import_batch");
  g_assert_cmpint (xs_test_query_int (db, "SELECT import_id FROM trainee WHERE id_number LIKE '%' "
                                          "AND import_id IS NOT NULL"), ==, import_id);

  /* undone: the change back is recorded (update), the import's own
   * arrival goes with its undo entry */
  g_assert_true (xs_import_log_undo (db, import_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (db, "trainee", by_hand.id, "update"), ==, 3);
  g_assert_cmpint (count_audit (db, "import", import_id, "undo"), ==, 1);

  /* removed: the delete trigger */
  g_assert_cmpint (sqlite3_exec (_xs_db_get_handle (db), "DELETE FROM trainee", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (count_audit (db, "trainee", by_hand.id, "delete"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/review/side", test_review_side);
  g_test_add_func ("/review/professional", test_review_professional);
  g_test_add_func ("/review/withdraw", test_review_withdraw);
  g_test_add_func ("/review/audit-and-history", test_review_audit_and_history);
  g_test_add_func ("/review/trainee-audit-paths", test_review_trainee_audit_paths);
  return g_test_run ();
}
