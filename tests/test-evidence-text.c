/* test-evidence-text.c: recognised text stored with evidence, searched and
 * checked against the claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "xs-at-risk.h"
#include "xs-check.h"
#include "xs-duplicates.h"
#include "xs-claim-store.h"
#include "xs-evidence-text.h"
#include "xs-test-util.h"

static gint64
add_claim (XsDb  *db,
           guint  n,
           int    year)
{
  g_autoptr(GError) error = NULL;
  g_auto(XsClaim) claim = { 0 };

  claim.trainee_id = xs_test_add_trainee (db, n);
  claim.year = year;
  claim.category = XS_CATEGORY_PROFESSIONAL;
  claim.kind = 4;
  claim.variant = g_strdup ("attended");
  claim.hours = 100;
  claim.title = g_strdup_printf ("河南省医学会年会%u", n);
  claim.source = XS_SOURCE_INDIVIDUAL;
  g_date_clear (&claim.date, 1);
  g_date_set_dmy (&claim.date, 20, 5, year);
  g_assert_true (xs_claim_store_add (db, &claim, &error));
  g_assert_no_error (error);
  return claim.id;
}

/* Attaches a small picture (@shade makes it unique); returns its SHA-256. */
static char *
attach (XsDb   *db,
        gint64  claim_id,
        int     shade)
{
  g_autofree char *path = xs_test_write_png ("会议通知.png", 30, 30, shade);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *paths[] = { path, NULL };
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (xs_claim_store_attach (db, claim_id, "meeting_notice", paths, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  return xs_evidence_hash_bytes (bytes);
}

/* The claims of trainees 1 and 2 in 2018, each with a scan recognised as
 * the text given. */
typedef struct
{
  XsDb   *db;
  gint64  claims[2];
  char   *scans[2];    /* their SHA-256 */
} TwoScans;

static void
two_scans_init (TwoScans   *two,
                const char *text_a,
                const char *text_b)
{
  const char *texts[2] = { text_a, text_b };

  two->db = xs_test_open_db ();
  for (guint i = 0; i < 2; i++)
    two->claims[i] = add_claim (two->db, i + 1, 2018);
  for (guint i = 0; i < 2; i++)
    two->scans[i] = attach (two->db, two->claims[i], 10 * (i + 1));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(XsRecognition) recognition = xs_recognition_from_text (texts[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (xs_evidence_text_store (two->db, two->scans[i], recognition, &error));
      g_assert_no_error (error);
    }
}

static void
two_scans_clear (TwoScans *two)
{
  g_clear_object (&two->db);
  for (guint i = 0; i < 2; i++)
    g_clear_pointer (&two->scans[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TwoScans, two_scans_clear)

static void
test_store_and_reuse (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  gint64 claim_id = add_claim (db, 1, 2018);
  g_autofree char *sha256 = attach (db, claim_id, 10);
  g_autoptr(XsRecognition) none = NULL;
  g_autoptr(XsRecognition) stored = NULL;
  g_autoptr(XsRecognition) again = NULL;
  g_autoptr(XsRecognition) recognition = NULL;

  g_assert_cmpint (xs_db_get_schema_version (db), ==, xs_db_get_latest_version ());
  none = xs_evidence_text_get (db, sha256, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  recognition = xs_recognition_from_text ("会议通知\n学员1同志参加2018年5月6日河南省医学会年会，共计10学时", NULL);
  g_assert_true (xs_evidence_text_store (db, sha256, recognition, &error));
  g_assert_no_error (error);
  stored = xs_evidence_text_get (db, sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->text, ==, recognition->text);
  g_assert_cmpstr (stored->dates[0], ==, "2018-05-06");
  g_assert_cmpint (stored->hours[0], ==, 100);

  /* The picture holds no such words: what comes back was not read again. */
  again = xs_evidence_recognise (db, sha256, "学员1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->text, ==, recognition->text);
  g_assert_cmpstr (again->names[0], ==, "学员1");

  /* A file not stored is refused and nothing is written. */
  g_assert_false (xs_evidence_text_store (db, "0000000000000000000000000000000000000000000000000000000000000000",
                                          recognition, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND);
}

static void
test_search (void)
{
  g_auto(TwoScans) two = { 0 };
  g_autoptr(GError) error = NULL;
  XsDb *db;
  gint64 first, second;
  g_autoptr(GArray) both = NULL;
  g_autoptr(GArray) one = NULL;
  g_autoptr(GArray) rare = NULL;
  g_autoptr(GArray) none = NULL;

  two_scans_init (&two, "全 科 医 生 转 岗 培 训 班 结业证书 𠮷", "护理管理人员研修班 结业证书");
  db = two.db;
  first = two.claims[0];
  second = two.claims[1];

  both = xs_evidence_text_search_claims (db, "结业证书", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (both->len, ==, 2);
  g_assert_cmpint (g_array_index (both, gint64, 0), ==, second);
  one = xs_evidence_text_search_claims (db, "全科医生 转岗", &error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpint (g_array_index (one, gint64, 0), ==, first);
  rare = xs_evidence_text_search_claims (db, "𠮷", &error);
  g_assert_cmpuint (rare->len, ==, 1);
  none = xs_evidence_text_search_claims (db, "结业证书 专利", &error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_check_flags (void)
{
  g_auto(TwoScans) two = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *own = xs_test_id_number (1);
  g_autofree char *text_a = g_strdup_printf ("结业证书 身份证号：%s 2018年5月6日", own);
  g_autofree char *text_b = g_strdup_printf ("结业证书 身份证号：%s 2017年5月6日", own);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *wrong_id = NULL;
  guint other_person = 0, other_year = 0;
  XsDb *db;

  two_scans_init (&two, text_a, text_b);
  db = two.db;
  wrong_id = g_strdup_printf ("%lld", (long long) two.claims[1]);

  problems = xs_check_run (db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      const char *line = problems->pdata[i];

      g_test_message ("%s", line);
      /* Only the second claim: its scan names trainee 1 and 2017. */
      g_assert_nonnull (strstr (line, wrong_id));
      g_assert_null (strstr (line, own));
      if (strstr (line, "another person") != NULL)
        other_person++;
      if (strstr (line, "2017-05-06") != NULL)
        other_year++;
    }
  g_assert_cmpuint (other_person, ==, 1);
  g_assert_cmpuint (other_year, ==, 1);
}

/* The search says where each claim matched. */
static void
test_search_matches (void)
{
  g_auto(TwoScans) two = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) none = NULL;
  XsScanMatch *match;
  XsDb *db;
  gint64 first;

  two_scans_init (&two, "漯河市源汇区卫生健康委员会 漯河市中心医院 全 科 医 生 转 岗 培 训 班 结业证书 学员1 𠮷",
                  "护理管理人员研修班 结业证书");
  db = two.db;
  first = two.claims[0];

  matches = xs_evidence_text_search_matches (db, "转岗 𠮷", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 1);
  match = g_ptr_array_index (matches, 0);
  g_assert_cmpint (match->claim_id, ==, first);
  g_assert_cmpint (match->year, ==, 2018);
  /* the words around the first one, spaces the recognition put between
   * the characters taken out */
  g_test_message ("snippet: %s", match->snippet);
  g_assert_nonnull (strstr (match->snippet, "全科医生转岗培训班"));
  g_assert_true (g_str_has_prefix (match->snippet, "…"));
  none = xs_evidence_text_search_matches (db, "结业证书 专利", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

/* A claim whose scan names another person or year is flagged in the
 * at-risk report and the duplicates, as Check Data does. */
static void
test_report_flags (void)
{
  g_auto(TwoScans) two = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *own = xs_test_id_number (1);
  g_autofree char *text = g_strdup_printf ("结业证书 身份证号：%s 2018年5月6日", own);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) shared = NULL;
  g_autoptr(XsAtRisk) at_risk = NULL;
  const char *paths[2] = { NULL, NULL };
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *copy = g_build_filename (dir, "同一扫描件.png", NULL);
  guint flagged = 0;
  XsScanProblem *problem;
  XsDb *db;
  gint64 right, wrong;
  const char *b;

  two_scans_init (&two, text, text);
  db = two.db;
  right = two.claims[0];
  wrong = two.claims[1];
  b = two.scans[1];

  problems = xs_evidence_text_problems (db, 2018, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->claim_id, ==, wrong);
  g_assert_cmpint (problem->kind, ==, XS_SCAN_PROBLEM_OTHER_PERSON);
  g_assert_nonnull (strstr (problem->text, "another person"));
  g_assert_null (strstr (problem->text, own));
  none = xs_evidence_text_problems (db, 2019, 0, &error);
  g_assert_cmpuint (none->len, ==, 0);

  /* nobody has hours approved: both are in the at-risk report, only the
   * second flagged */
  at_risk = xs_at_risk_compute (db, 2018, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < xs_at_risk_get_n_entries (at_risk); i++)
    {
      const XsAtRiskEntry *entry = xs_at_risk_get_entry (at_risk, i);

      if (entry->scan_problem != NULL)
        {
          flagged++;
          g_assert_cmpstr (entry->row->name, ==, "学员2");
          g_assert_cmpstr (entry->scan_problem, ==, problem->text);
        }
    }
  g_assert_cmpuint (flagged, ==, 1);

  /* the second trainee's scan attached to the first one's claim too: the
   * duplicates carry the flag of the claim whose scans do not fit */
  {
    /* the file attached to the second claim, attached again to the first */
    g_autofree char *stored = xs_evidence_get_path (db, b);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_true (g_file_get_contents (stored, &contents, &length, NULL));
    g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    paths[0] = copy;
    g_assert_true (xs_claim_store_attach (db, right, "meeting_notice", paths, &error));
    g_assert_no_error (error);
  }
  shared = xs_duplicates_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shared->len, ==, 2);
  for (guint i = 0; i < shared->len; i++)
    {
      XsSharedScan *scan = g_ptr_array_index (shared, i);

      if (scan->claim_id == wrong)
        g_assert_cmpstr (scan->scan_problem, ==, problem->text);
    }
}

int
main (int   argc,
      char *argv[])
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/evidence-text/store-and-reuse", test_store_and_reuse);
  g_test_add_func ("/evidence-text/search", test_search);
  g_test_add_func ("/evidence-text/check-flags", test_check_flags);
  g_test_add_func ("/evidence-text/search-matches", test_search_matches);
  g_test_add_func ("/evidence-text/report-flags", test_report_flags);
  return g_test_run ();
}
