/* test-package.c: submission packages, hostile packages and decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "xs-claim-store.h"
#include "xs-db-private.h"
#include "xs-evidence.h"
#include "xs-hours-import.h"
#include "xs-package.h"
#include "xs-roster-import.h"
#include "xs-table-reader.h"
#include "xs-test-util.h"
#include "xs-trainee-store.h"
#include "xs-trust.h"

#define BASE_NAME "漯河市职业技术学院继续教育基地"

typedef struct
{
  XsDb          *db;
  XsSigningKey  *key;
  XsSigningKey  *hr;           /* registered reviewers' keys */
  XsSigningKey  *industry;
  char          *ids[3];
  gint64         patents[2];   /* individual claims with evidence */
  char          *dir;
  char          *package;      /* an export of 2018 */
} Fixture;

static char *private_tmp;

static gint64
add_patent (Fixture            *fixture,
            guint               who,
            const char         *title,
            const char * const *scans,
            gboolean            submit)
{
  g_autoptr(GError) error = NULL;
  gint64 trainee_id = xs_trainee_store_find_id (fixture->db, fixture->ids[who], &error);
  gint64 id;

  g_assert_no_error (error);
  id = xs_test_add_patent (fixture->db, trainee_id, 2018, 200, title, scans);
  if (submit)
    g_assert_true (xs_claim_store_submit (fixture->db, id, &error));
  g_assert_no_error (error);
  return id;
}

static void
export (Fixture              *fixture,
        const XsPackageQuery *query,
        const char           *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (xs_package_export (fixture->db, fixture->key, BASE_NAME, query, path,
                                    NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A reviewer's own key, in another folder; registered with @db when given. */
static XsSigningKey *
make_reviewer (XsDb         *db,
               const char   *name,
               XsReviewSide  side)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = xs_reviewer_key_path (dir);
  g_autoptr(GError) error = NULL;
  XsSigningKey *key;

  g_assert_true (xs_signing_key_create_file (path, &error));
  key = xs_signing_key_open_file (path, &error);
  g_assert_no_error (error);
  if (db != NULL)
    {
      g_assert_cmpint (xs_reviewers_add (db, name, side, xs_signing_key_get_public_text (key), &error), >, 0);
      g_assert_no_error (error);
    }
  return key;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) roster = g_string_new ("姓名,身份证号,工作单位\n");
  g_autoptr(GString) hours = g_string_new ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n");
  g_autoptr(GError) error = NULL;
  const char *names[] = { "王芳", "李娜", "张伟" };
  g_autofree char *scan1 = xs_test_write_png ("专利证书1.png", 64, 48, 10);
  g_autofree char *scan2 = xs_test_write_png ("专利证书2.png", 64, 48, 20);
  const char *both[] = { scan1, scan2, NULL };
  const char *first[] = { scan1, NULL };
  XsPackageQuery query = { 2018, NULL, NULL };

  fixture->db = xs_test_open_db ();
  fixture->key = xs_signing_key_open (xs_db_get_data_dir (fixture->db), &error);
  g_assert_no_error (error);
  fixture->hr = make_reviewer (fixture->db, "人社局审核员", XS_REVIEW_SIDE_HR);
  fixture->industry = make_reviewer (fixture->db, "卫健委审核员", XS_REVIEW_SIDE_INDUSTRY);

  for (guint i = 0; i < 3; i++)
    {
      fixture->ids[i] = xs_test_id_number (i);
      g_string_append_printf (roster, "%s,%s,%s\n", names[i], fixture->ids[i],
                              i == 1 ? "临颍县人民医院" : "漯河市中心医院");
      g_string_append_printf (hours,
                              "%s,%s,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n"
                              "%s,%s,2018,专业科目,,60,1,临床诊疗规范培训班,2018-04-14\n",
                              fixture->ids[i], names[i], fixture->ids[i], names[i]);
    }
  xs_test_import (fixture->db, roster->str, TRUE, NULL);
  xs_test_import (fixture->db, hours->str, FALSE, NULL);

  /* the same scan twice is one evidence file in the package */
  fixture->patents[0] = add_patent (fixture, 0, "一种输液装置", both, TRUE);
  fixture->patents[1] = add_patent (fixture, 1, "一种采血针", first, TRUE);
  /* a draft is not sent */
  add_patent (fixture, 2, "一种病床", NULL, FALSE);

  fixture->dir = xs_test_make_tmpdir ();
  fixture->package = g_build_filename (fixture->dir, "package.zip", NULL);
  export (fixture, &query, fixture->package);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->key);
  g_clear_object (&fixture->hr);
  g_clear_object (&fixture->industry);
  g_clear_object (&fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->ids); i++)
    g_free (fixture->ids[i]);
  g_free (fixture->dir);
  g_free (fixture->package);
}

/* No package's temporary folder is left in the (private) temporary folder. */
static void
assert_no_leftovers (void)
{
  g_autoptr(GDir) dir = g_dir_open (private_tmp, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, "xueshi-package-"));
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
}

static XsPackage *
open_package (const char *path)
{
  g_autoptr(GError) error = NULL;
  XsPackage *package = xs_package_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (package);
  return package;
}

static const XsPackageClaim *
find_claim (XsPackage *package,
            gint64     id)
{
  g_autofree char *ref = g_strdup_printf ("2018-%06" G_GINT64_FORMAT, id);

  for (guint i = 0; i < xs_package_get_n_claims (package); i++)
    if (g_str_equal (xs_package_get_claim (package, i)->ref, ref))
      return xs_package_get_claim (package, i);
  return NULL;
}

static gint64
count_rows (XsDb       *db,
            const char *sql,
            const char *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (_xs_db_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(XsPackage) package = open_package (fixture->package);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsImportReport) again = NULL;
  g_autoptr(XsClaim) approved = NULL;
  g_autoptr(XsClaim) rejected = NULL;
  g_autoptr(XsTableReader) reader = NULL;
  g_autofree char *digest = file_sha256 (fixture->package);
  g_autofree char *base_id = xs_package_base_id (fixture->key);
  g_autofree char *decisions = g_build_filename (fixture->dir, "decisions.json", NULL);
  g_autofree char *industry_decisions = g_build_filename (fixture->dir, "industry.json", NULL);
  g_autoptr(XsImportReport) industry_report = NULL;
  g_autoptr(XsImportReport) industry_again = NULL;
  g_autoptr(GArray) industry = g_array_new (FALSE, TRUE, sizeof (XsDecision));
  g_autofree char *unpacked_dir = NULL;
  g_autofree char *roster_dir = xs_test_make_tmpdir ();
  g_autofree char *roster_path = g_build_filename (roster_dir, "roster.xlsx", NULL);
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  const XsPackageClaim *patent0, *patent1;
  g_autoptr(GArray) chosen = g_array_new (FALSE, TRUE, sizeof (XsDecision));
  GStatBuf buf;

  g_assert_cmpstr (xs_package_get_base_name (package), ==, BASE_NAME);
  g_assert_cmpstr (xs_package_get_base_id (package), ==, base_id);
  g_assert_cmpuint (strlen (base_id), ==, 16);
  g_assert_cmpint (xs_package_get_year (package), ==, 2018);
  g_assert_cmpstr (xs_package_get_rule_set (package), ==, "2018");
  g_assert_cmpstr (xs_package_get_digest (package), ==, digest);
  g_assert_cmpstr (xs_package_get_path (package), ==, fixture->package);
  /* 3 × 2 batch claims and 2 patents; the draft stays home */
  g_assert_cmpuint (xs_package_get_n_claims (package), ==, 8);

  patent0 = find_claim (package, fixture->patents[0]);
  patent1 = find_claim (package, fixture->patents[1]);
  g_assert_nonnull (patent0);
  g_assert_nonnull (patent1);
  g_assert_cmpstr (patent0->name, ==, "王芳");
  g_assert_cmpstr (patent0->id_number, ==, fixture->ids[0]);
  g_assert_cmpstr (patent0->employer, ==, "漯河市中心医院");
  g_assert_cmpint (patent0->kind, ==, 7);
  g_assert_cmpint (patent0->hours, ==, 200);
  g_assert_cmpstr (patent0->date, ==, "2018-05-20");
  g_assert_cmpint (patent0->status, ==, XS_STATUS_SUBMITTED);
  g_assert_cmpint (patent0->source, ==, XS_SOURCE_INDIVIDUAL);
  g_assert_cmpuint (patent0->n_evidence, ==, 2);
  g_assert_cmpuint (patent1->n_evidence, ==, 1);
  g_assert_cmpstr (patent1->evidence[0].sha256, ==, patent0->evidence[0].sha256);
  for (guint i = 0; i < patent0->n_evidence; i++)
    {
      const XsPackageEvidence *e = &patent0->evidence[i];
      const char *path = xs_package_get_evidence_path (package, e->sha256);
      g_autofree char *sha = NULL;

      g_assert_cmpstr (e->material, ==, "patent_certificate");
      g_assert_cmpstr (e->media_type, ==, "image/png");
      g_assert_nonnull (path);
      sha = file_sha256 (path);
      g_assert_cmpstr (sha, ==, e->sha256);
      g_assert_cmpint (g_stat (path, &buf), ==, 0);
      g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
      g_assert_cmpint (buf.st_size, ==, e->size);
      g_clear_pointer (&unpacked_dir, g_free);
      unpacked_dir = g_path_get_dirname (path);
      g_assert_cmpint (g_stat (unpacked_dir, &buf), ==, 0);
      g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
    }
  g_assert_null (xs_package_get_evidence_path (package, "0000"));

  /* roster.xlsx: identity numbers come back whole, as text */
  {
    struct archive *archive = archive_read_new ();
    struct archive_entry *entry;
    g_autoptr(GByteArray) bytes = g_byte_array_new ();

    archive_read_support_format_zip (archive);
    g_assert_cmpint (archive_read_open_filename (archive, fixture->package, 10240), ==, ARCHIVE_OK);
    while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
      if (g_str_equal (archive_entry_pathname (entry), "roster.xlsx"))
        {
          guint8 chunk[8192];
          la_ssize_t n;

          while ((n = archive_read_data (archive, chunk, sizeof chunk)) > 0)
            g_byte_array_append (bytes, chunk, n);
        }
    archive_read_free (archive);
    g_assert_true (g_file_set_contents (roster_path, (char *) bytes->data, bytes->len, NULL));
  }
  reader = xs_table_reader_new_for_path (roster_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, "身份证号");
  g_assert_true (xs_table_reader_next (reader, &error));
  g_assert_cmpstr (xs_table_reader_get_field (reader, 0), ==, fixture->ids[0]);
  g_assert_cmpstr (xs_table_reader_get_field (reader, 1), ==, "王芳");

  /* HR approves every public claim, the industry department approves one
   * patent and rejects the other */
  for (guint i = 0; i < xs_package_get_n_claims (package); i++)
    {
      const XsPackageClaim *c = xs_package_get_claim (package, i);
      XsDecision d = { c->ref, XS_STATUS_APPROVED, xs_review_side_for_category (c->category),
                       "人社局审核员", NULL };

      if (c->category != XS_CATEGORY_PUBLIC)
        continue;
      g_array_append_val (chosen, d);
    }
  g_array_append_val (industry, ((XsDecision) { patent0->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_INDUSTRY,
                                                "卫健委审核员", NULL }));
  g_array_append_val (industry, ((XsDecision) { patent1->ref, XS_STATUS_REJECTED, XS_REVIEW_SIDE_INDUSTRY,
                                                "卫健委审核员", "专利证书不清晰" }));
  /* each reviewer signs the decisions of their own side */
  g_assert_true (xs_decisions_write (package, fixture->hr, (XsDecision *) (gpointer) chosen->data, chosen->len,
                                     decisions, &error));
  g_assert_no_error (error);
  g_assert_true (xs_decisions_write (package, fixture->industry, (XsDecision *) (gpointer) industry->data,
                                     industry->len, industry_decisions, &error));
  g_assert_no_error (error);

  report = xs_decisions_import (fixture->db, fixture->key, decisions, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (xs_import_report_get_committed (report));
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_UPDATED), ==, 3);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 0);
  industry_report = xs_decisions_import (fixture->db, fixture->key, industry_decisions, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (industry_report));
  g_assert_cmpuint (xs_import_report_get_count (industry_report, XS_ROW_UPDATED), ==, 2);
  /* applied rows name the trainee with a masked identity number */
  {
    XsImportRow *row = g_ptr_array_index (xs_import_report_get_rows (report), 0);

    g_assert_null (strstr (row->summary, fixture->ids[0]));
    g_assert_nonnull (strstr (row->summary, "********"));
  }

  approved = xs_claim_store_get (fixture->db, fixture->patents[0], &error);
  rejected = xs_claim_store_get (fixture->db, fixture->patents[1], &error);
  g_assert_cmpint (approved->status, ==, XS_STATUS_APPROVED);
  g_assert_cmpstr (approved->reviewer, ==, "卫健委审核员");
  g_assert_cmpint (rejected->status, ==, XS_STATUS_REJECTED);
  g_assert_cmpstr (rejected->reviewer, ==, "卫健委审核员");
  g_assert_cmpstr (rejected->reason, ==, "专利证书不清晰");
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'approved' "
                               "AND category = 'public' AND side = 'hr' AND reviewer = ?1",
                               "人社局审核员"), ==, 3);
  /* the professional batch claims were not decided */
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL), ==, 3);
  /* the audit trail has each decision and the import */
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM audit WHERE entity = 'claim' "
                               "AND action = 'status' AND detail LIKE '%' || ?1 || '%'",
                               "专利证书不清晰"), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM audit WHERE entity = 'claim' "
                               "AND action = 'status' AND json_extract (detail, '$.to') IN ('approved', 'rejected')",
                               NULL), ==, 5);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM audit WHERE entity = 'decisions' "
                               "AND action = 'import' AND detail LIKE 'decisions.json: package %'", NULL), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM audit WHERE detail LIKE '%' || ?1 || '%'",
                               fixture->ids[0]), ==, 0);

  /* the same file again: every claim is decided already, nothing applied */
  again = xs_decisions_import (fixture->db, fixture->key, decisions, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (xs_import_report_get_committed (again));
  g_assert_cmpuint (xs_import_report_get_count (again, XS_ROW_REJECTED), ==, 3);
  industry_again = xs_decisions_import (fixture->db, fixture->key, industry_decisions, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_import_report_get_count (industry_again, XS_ROW_REJECTED), ==, 2);

  g_clear_object (&package);
  g_assert_false (g_file_test (unpacked_dir, G_FILE_TEST_EXISTS));
  assert_no_leftovers ();
}

static void
test_same_bytes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *second = g_build_filename (fixture->dir, "again.zip", NULL);
  g_autofree char *third = g_build_filename (fixture->dir, "elsewhere.zip", NULL);
  g_autofree char *subset = g_build_filename (fixture->dir, "subset.zip", NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  g_autoptr(XsPackage) package = NULL;
  g_autoptr(GError) error = NULL;
  XsPackageQuery query = { 2018, NULL, NULL };
  XsPackageQuery employer = { 2018, NULL, "临颍县人民医院" };
  XsPackageQuery none = { 2016, NULL, NULL };
  XsPackageQuery no_class = { 2018, "no-such-class", NULL };

  g_usleep (1100 * 1000);
  export (fixture, &query, second);
  /* another time zone */
  g_setenv ("TZ", "America/New_York", TRUE);
  tzset ();
  export (fixture, &query, third);
  g_unsetenv ("TZ");
  tzset ();

  a = file_sha256 (fixture->package);
  b = file_sha256 (second);
  c = file_sha256 (third);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);

  /* one employer's staff */
  export (fixture, &employer, subset);
  package = open_package (subset);
  g_assert_cmpuint (xs_package_get_n_claims (package), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (xs_package_get_claim (package, i)->employer, ==, "临颍县人民医院");

  /* nothing to send, or an unknown class: refused, nothing written */
  g_assert_false (xs_package_export (fixture->db, fixture->key, BASE_NAME, &none,
                                     second, NULL, NULL, NULL, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (xs_package_export (fixture->db, fixture->key, BASE_NAME, &no_class,
                                     second, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_pointer (&b, g_free);
  b = file_sha256 (second);
  g_assert_cmpstr (a, ==, b);
}

/* Hostile packages, made from a real one ------------------------------------ */

typedef struct
{
  char     *name;
  GBytes   *data;
  gboolean  symlink;   /* @data is the target */
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->name);
  g_bytes_unref (entry->data);
  g_free (entry);
}

static Entry *
entry_new (const char *name,
           GBytes     *data)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->name = g_strdup (name);
  entry->data = g_bytes_ref (data);
  return entry;
}

static GPtrArray *
read_entries (const char *path)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (entry_free);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 10240), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) bytes = g_byte_array_new ();
      g_autoptr(GBytes) data = NULL;
      guint8 chunk[8192];
      la_ssize_t n;

      while ((n = archive_read_data (archive, chunk, sizeof chunk)) > 0)
        g_byte_array_append (bytes, chunk, n);
      data = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
      g_ptr_array_add (entries, entry_new (archive_entry_pathname (entry), data));
    }
  archive_read_free (archive);
  return entries;
}

static void
write_entries (const char *path,
               GPtrArray  *entries)
{
  struct archive *archive = archive_write_new ();

  archive_write_set_format_zip (archive);
  archive_write_zip_set_compression_deflate (archive);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      struct archive_entry *entry = archive_entry_new ();
      gsize length;
      const char *data = g_bytes_get_data (e->data, &length);

      archive_entry_set_pathname (entry, e->name);
      archive_entry_set_perm (entry, 0644);
      if (e->symlink)
        {
          g_autofree char *target = g_strndup (data, length);

          archive_entry_set_filetype (entry, AE_IFLNK);
          archive_entry_set_symlink (entry, target);
          archive_entry_set_size (entry, 0);
        }
      else
        {
          archive_entry_set_filetype (entry, AE_IFREG);
          archive_entry_set_size (entry, length);
        }
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      if (!e->symlink && length > 0)
        g_assert_cmpint (archive_write_data (archive, data, length), ==, length);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
}

static Entry *
find_entry (GPtrArray  *entries,
            const char *prefix)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_str_has_prefix (((Entry *) g_ptr_array_index (entries, i))->name, prefix))
      return g_ptr_array_index (entries, i);
  g_assert_not_reached ();
}

static JsonObject *
manifest_of (GPtrArray  *entries,
             JsonNode  **root)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  Entry *manifest = find_entry (entries, "manifest.json");
  gsize length;
  const char *data = g_bytes_get_data (manifest->data, &length);

  g_assert_true (json_parser_load_from_data (parser, data, length, NULL));
  *root = json_node_copy (json_parser_get_root (parser));
  return json_node_get_object (*root);
}

/* Writes @root as the manifest, keeping the base's signature: what
 * someone without the base's key can do. */
static void
set_manifest_keep_signature (GPtrArray *entries,
                             JsonNode  *root)
{
  Entry *manifest = find_entry (entries, "manifest.json");
  gsize length;
  char *text = json_to_string (root, TRUE);

  length = strlen (text);
  g_bytes_unref (manifest->data);
  manifest->data = g_bytes_new_take (text, length);
}

static XsSigningKey *attacker;

/* Writes @root as the manifest signed by another key, named in it: a
 * package made by hand, which the structural checks must refuse on their
 * own. */
static void
set_manifest (GPtrArray *entries,
              JsonNode  *root)
{
  JsonObject *base = json_object_get_object_member (json_node_get_object (root), "base");
  const char *key;
  g_autofree char *digest = NULL;
  g_autofree char *id = NULL;
  g_autofree char *signature = NULL;
  Entry *manifest, *sig;
  gsize length;
  const guint8 *data;
  char *text;

  if (attacker == NULL)
    {
      g_autofree char *dir = xs_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "key", NULL);

      g_assert_true (xs_signing_key_create_file (path, NULL));
      attacker = xs_signing_key_open_file (path, NULL);
      g_assert_nonnull (attacker);
    }
  key = xs_signing_key_get_public_text (attacker);
  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  id = g_strndup (digest, 16);
  if (base != NULL)
    {
      json_object_set_string_member (base, "key", key);
      json_object_set_string_member (base, "id", id);
    }
  set_manifest_keep_signature (entries, root);
  manifest = find_entry (entries, "manifest.json");
  sig = find_entry (entries, "manifest.sig");
  data = g_bytes_get_data (manifest->data, &length);
  signature = xs_signing_key_sign_data (attacker, data, length);
  text = g_strdup_printf ("signature: %s\n", signature);
  g_bytes_unref (sig->data);
  sig->data = g_bytes_new_take (text, strlen (text));
}

static void
add_bytes (GPtrArray  *entries,
           const char *name,
           const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new (text, strlen (text));

  g_ptr_array_add (entries, entry_new (name, data));
}

/* Adds @size zeros as evidence, listed in the manifest as @declared bytes. */
static void
add_zeros (GPtrArray *entries,
           gsize      size,
           gsize      declared)
{
  g_autoptr(GBytes) zeros = g_bytes_new_take (g_malloc0 (size), size);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, zeros);
  g_autofree char *name = g_strdup_printf ("evidence/%s.pdf", sha);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *manifest = manifest_of (entries, &root);
  JsonObject *member = json_object_new ();
  JsonObject *file = json_object_new ();

  json_object_set_string_member (member, "name", name);
  json_object_set_int_member (member, "size", declared);
  json_object_set_string_member (member, "sha256", sha);
  json_array_add_object_element (json_object_get_array_member (manifest, "members"), member);
  json_object_set_string_member (file, "sha256", sha);
  json_object_set_string_member (file, "media_type", "application/pdf");
  json_object_set_int_member (file, "size", declared);
  json_object_set_int_member (file, "pages", 1);
  json_object_set_string_member (file, "member", name);
  json_array_add_object_element (json_object_get_array_member (manifest, "evidence"), file);
  json_object_set_int_member (manifest, "member_count",
                              json_object_get_int_member (manifest, "member_count") + 1);
  json_object_set_int_member (manifest, "member_bytes",
                              json_object_get_int_member (manifest, "member_bytes") + declared);
  set_manifest (entries, root);
  g_ptr_array_add (entries, entry_new (name, zeros));
}

static void
make_absolute (GPtrArray *entries)
{
  add_bytes (entries, "/tmp/xueshi-package-test-absolute", "evil");
}

static void
make_dotdot (GPtrArray *entries)
{
  add_bytes (entries, "../xueshi-package-test-dotdot", "evil");
}

static void
make_nested_dotdot (GPtrArray *entries)
{
  add_bytes (entries, "evidence/../../xueshi-package-test-dotdot", "evil");
}

static void
make_symlink (GPtrArray *entries)
{
  Entry *evidence = find_entry (entries, "evidence/");

  g_bytes_unref (evidence->data);
  evidence->data = g_bytes_new_static ("/etc/passwd", strlen ("/etc/passwd"));
  evidence->symlink = TRUE;
}

static void
make_duplicate (GPtrArray *entries)
{
  Entry *roster = find_entry (entries, "roster.xlsx");

  g_ptr_array_add (entries, entry_new (roster->name, roster->data));
}

static void
make_extra (GPtrArray *entries)
{
  add_bytes (entries, "notes.txt", "not in the manifest");
}

static void
make_larger (GPtrArray *entries)
{
  Entry *roster = find_entry (entries, "roster.xlsx");
  g_autoptr(GByteArray) bytes = g_byte_array_new ();

  g_byte_array_append (bytes, g_bytes_get_data (roster->data, NULL), g_bytes_get_size (roster->data));
  g_byte_array_append (bytes, (guint8 *) "0123456789", 10);
  g_bytes_unref (roster->data);
  roster->data = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
make_bomb (GPtrArray *entries)
{
  add_zeros (entries, 4 * 1024 * 1024, 4 * 1024 * 1024);
}

static void
make_bomb_declared_tiny (GPtrArray *entries)
{
  add_zeros (entries, 4 * 1024 * 1024, 1000);
}

static void
make_hash_mismatch (GPtrArray *entries)
{
  Entry *evidence = find_entry (entries, "evidence/");
  gsize length;
  guint8 *data = g_bytes_unref_to_data (evidence->data, &length);

  data[length / 2] ^= 0xff;
  evidence->data = g_bytes_new_take (data, length);
}

static void
make_newer (GPtrArray *entries)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *manifest = manifest_of (entries, &root);

  json_object_set_int_member (manifest, "format_version", 99);
  set_manifest (entries, root);
}

static void
make_no_manifest (GPtrArray *entries)
{
  g_ptr_array_remove_index (entries, 0);
}

static void
make_lying_manifest (GPtrArray *entries)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *manifest = manifest_of (entries, &root);

  json_object_set_string_member (manifest, "claims", "none");
  set_manifest (entries, root);
}

/* hours changed in the manifest, everything else as the base signed it */
static void
make_altered_manifest (GPtrArray *entries)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *manifest = manifest_of (entries, &root);
  JsonObject *claim = json_array_get_object_element (json_object_get_array_member (manifest, "claims"), 0);

  json_object_set_int_member (claim, "hours", json_object_get_int_member (claim, "hours") + 100);
  set_manifest_keep_signature (entries, root);
}

static void
make_unsigned (GPtrArray *entries)
{
  g_ptr_array_remove (entries, find_entry (entries, "manifest.sig"));
}

/* the signature of another key beside the base's key */
static void
make_wrong_signature (GPtrArray *entries)
{
  Entry *sig = find_entry (entries, "manifest.sig");
  Entry *manifest = find_entry (entries, "manifest.json");
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "key", NULL);
  g_autoptr(XsSigningKey) other = NULL;
  g_autofree char *signature = NULL;
  char *text;
  gsize length;
  const guint8 *data = g_bytes_get_data (manifest->data, &length);

  g_assert_true (xs_signing_key_create_file (path, NULL));
  other = xs_signing_key_open_file (path, NULL);
  signature = xs_signing_key_sign_data (other, data, length);
  text = g_strdup_printf ("signature: %s\n", signature);
  g_bytes_unref (sig->data);
  sig->data = g_bytes_new_take (text, strlen (text));
}

typedef struct
{
  const char     *name;
  void          (*modify) (GPtrArray *entries);
  XsPackageError  code;
} Hostile;

static const Hostile hostile_cases[] = {
  { "absolute-path", make_absolute, XS_PACKAGE_ERROR_UNSAFE },
  { "dotdot", make_dotdot, XS_PACKAGE_ERROR_UNSAFE },
  { "nested-dotdot", make_nested_dotdot, XS_PACKAGE_ERROR_UNSAFE },
  { "symlink", make_symlink, XS_PACKAGE_ERROR_UNSAFE },
  { "duplicate", make_duplicate, XS_PACKAGE_ERROR_UNSAFE },
  { "extra-member", make_extra, XS_PACKAGE_ERROR_MISMATCH },
  { "larger-than-declared", make_larger, XS_PACKAGE_ERROR_MISMATCH },
  { "zip-bomb", make_bomb, XS_PACKAGE_ERROR_UNSAFE },
  { "zip-bomb-declared-tiny", make_bomb_declared_tiny, XS_PACKAGE_ERROR_MISMATCH },
  { "hash-mismatch", make_hash_mismatch, XS_PACKAGE_ERROR_MISMATCH },
  { "newer-format", make_newer, XS_PACKAGE_ERROR_TOO_NEW },
  { "no-manifest", make_no_manifest, XS_PACKAGE_ERROR_NOT_A_PACKAGE },
  { "damaged-manifest", make_lying_manifest, XS_PACKAGE_ERROR_NOT_A_PACKAGE },
  { "altered-manifest", make_altered_manifest, XS_PACKAGE_ERROR_BAD_SIGNATURE },
  { "signature-removed", make_unsigned, XS_PACKAGE_ERROR_BAD_SIGNATURE },
  { "wrong-signature", make_wrong_signature, XS_PACKAGE_ERROR_BAD_SIGNATURE },
};

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  const Hostile *hostile = data;
  g_autoptr(GPtrArray) entries = read_entries (fixture->package);
  g_autofree char *path = g_build_filename (fixture->dir, "hostile.zip", NULL);
  g_autofree char *beside = g_build_filename (fixture->dir, "..", "xueshi-package-test-dotdot", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *in_cwd = g_build_filename (cwd, "..", "xueshi-package-test-dotdot", NULL);

  hostile->modify (entries);
  write_entries (path, entries);

  package = xs_package_open (path, NULL, &error);
  g_assert_null (package);
  g_assert_error (error, XS_PACKAGE_ERROR, (gint) hostile->code);
  g_assert_nonnull (strstr (error->message, "hostile.zip"));
  g_test_message ("%s", error->message);

  /* nothing written anywhere */
  assert_no_leftovers ();
  g_assert_false (g_file_test ("/tmp/xueshi-package-test-absolute", G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (in_cwd, G_FILE_TEST_EXISTS));
}

static void
test_not_a_zip (void)
{
  g_autofree char *path = xs_test_write_file ("package.zip", "PK\003\004 not really", -1);
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "no-such-package.zip", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsPackage) package = NULL;

  package = xs_package_open (path, NULL, &error);
  g_assert_null (package);
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE);
  g_clear_error (&error);
  package = xs_package_open (missing, NULL, &error);
  g_assert_null (package);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  assert_no_leftovers ();
}

/* Decisions ------------------------------------------------------------------ */

static const XsPackageClaim *
nth_public (XsPackage *package,
            guint      n)
{
  for (guint i = 0; i < xs_package_get_n_claims (package); i++)
    if (xs_package_get_claim (package, i)->category == XS_CATEGORY_PUBLIC && n-- == 0)
      return xs_package_get_claim (package, i);
  g_assert_not_reached ();
}

static const XsPackageClaim *
first_public (XsPackage *package)
{
  return nth_public (package, 0);
}

/* Edits a decisions file and signs it again with @key (the reviewer's, or
 * an attacker's); with @key NULL the old signature stays. */
static void
rewrite_decisions (const char    *path,
                   void         (*edit) (JsonObject *root),
                   XsSigningKey  *key)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *old_signature = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *file = NULL;
  char *line;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  line = strstr (contents, "\nsignature: ");
  g_assert_nonnull (line);
  old_signature = g_strdup (line + 1);
  line[1] = '\0';
  g_assert_true (json_parser_load_from_data (parser, contents, -1, &error));
  edit (json_node_get_object (json_parser_get_root (parser)));
  text = json_to_string (json_parser_get_root (parser), TRUE);
  body = g_strconcat (text, "\n", NULL);
  if (key != NULL)
    {
      signature = xs_signing_key_sign (key, body);
      file = g_strdup_printf ("%ssignature: %s\n", body, signature);
    }
  else
    file = g_strconcat (body, old_signature, NULL);
  g_assert_true (g_file_set_contents (path, file, -1, &error));
}

static void
edit_other_base (JsonObject *root)
{
  json_object_set_string_member (root, "base_id", "0123456789abcdef");
}

static void
edit_newer (JsonObject *root)
{
  json_object_set_int_member (root, "format_version", 9);
}

/* row 1: a public claim decided by the industry department;
 * row 3: a reference this base never gave */
static void
edit_rows (JsonObject *root)
{
  JsonArray *decisions = json_object_get_array_member (root, "decisions");
  JsonObject *unknown = json_object_new ();

  json_object_set_string_member (json_array_get_object_element (decisions, 0), "side", "industry");
  json_object_set_string_member (unknown, "ref", "2018-999999");
  json_object_set_string_member (unknown, "decision", "approved");
  json_object_set_string_member (unknown, "side", "hr");
  json_object_set_string_member (unknown, "reviewer", "人社局审核员");
  json_array_add_object_element (decisions, unknown);
}

static void
test_decisions_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(XsPackage) package = open_package (fixture->package);
  g_autofree char *path = g_build_filename (fixture->dir, "decisions.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *rejections = NULL;
  g_autofree char *expected = NULL;
  const XsPackageClaim *public = first_public (package);
  const XsPackageClaim *patent = find_claim (package, fixture->patents[0]);
  XsDecision wrong_side = { public->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_INDUSTRY, "卫健委审核员", NULL };
  XsDecision unknown = { "2018-999999", XS_STATUS_APPROVED, XS_REVIEW_SIDE_HR, "人社局审核员", NULL };
  XsDecision no_reason = { patent->ref, XS_STATUS_REJECTED, XS_REVIEW_SIDE_INDUSTRY, "卫健委审核员", " " };
  XsDecision no_reviewer = { patent->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_INDUSTRY, "", NULL };
  /* public claims: the HR reviewer's */
  XsDecision good[] = {
    { public->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_HR, "人社局审核员", NULL },
    { nth_public (package, 1)->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_HR, "人社局审核员", NULL },
  };
  gint64 submitted = count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL);

  /* the writer refuses what the importer would */
  g_assert_false (xs_decisions_write (package, fixture->industry, &wrong_side, 1, path, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (xs_decisions_write (package, fixture->hr, &unknown, 1, path, &error));
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_MISMATCH);
  g_clear_error (&error);
  g_assert_false (xs_decisions_write (package, fixture->industry, &no_reason, 1, path, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (xs_decisions_write (package, fixture->industry, &no_reviewer, 1, path, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* another base's package: refused whole */
  g_assert_true (xs_decisions_write (package, fixture->hr, good, G_N_ELEMENTS (good), path, &error));
  g_assert_no_error (error);
  rewrite_decisions (path, edit_other_base, fixture->hr);
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_DEFAULT, &error);
  g_assert_null (report);
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_OTHER_BASE);
  g_clear_error (&error);

  /* a newer format */
  g_assert_true (xs_decisions_write (package, fixture->hr, good, G_N_ELEMENTS (good), path, &error));
  rewrite_decisions (path, edit_newer, fixture->hr);
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_DEFAULT, &error);
  g_assert_null (report);
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL),
                   ==, submitted);

  /* the wrong side and an unknown reference, refused row by row */
  g_assert_true (xs_decisions_write (package, fixture->hr, good, G_N_ELEMENTS (good), path, &error));
  rewrite_decisions (path, edit_rows, fixture->hr);
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (xs_import_report_get_committed (report));
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 2);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_UPDATED), ==, 1);
  rejections = xs_import_report_format_rejections (report);
  g_test_message ("%s", rejections);
  expected = g_strdup_printf ("decisions.json:1: %s: ", public->ref);
  g_assert_true (g_str_has_prefix (rejections, expected));
  g_assert_nonnull (strstr (rejections, "HR department"));
  g_assert_nonnull (strstr (rejections, "decisions.json:3: 2018-999999: "));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL),
                   ==, submitted);
  g_clear_object (&report);

  /* a dry run writes nothing either */
  report = xs_decisions_import (fixture->db, fixture->key, path,
                                XS_IMPORT_DRY_RUN | XS_IMPORT_SKIP_INVALID, &error);
  g_assert_no_error (error);
  g_assert_false (xs_import_report_get_committed (report));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL),
                   ==, submitted);
  g_clear_object (&report);

  /* with --skip-invalid the valid row lands */
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (report));
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_UPDATED), ==, 1);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL),
                   ==, submitted - 1);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'approved' "
                               "AND side = 'hr'", NULL), ==, 1);

  /* not a decisions file at all */
  g_clear_object (&report);
  report = xs_decisions_import (fixture->db, fixture->key, fixture->package, XS_IMPORT_DEFAULT, &error);
  g_assert_null (report);
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_A_PACKAGE);
}

/* A claim withdrawn, corrected and submitted again after the package was
 * made is not decided on what the reviewer saw. */
static void
test_decisions_changed_claim (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(XsPackage) package = open_package (fixture->package);
  g_autofree char *path = g_build_filename (fixture->dir, "decisions.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsClaim) claim = NULL;
  g_autofree char *rejections = NULL;
  const XsPackageClaim *patent = find_claim (package, fixture->patents[0]);
  XsDecision decision = { patent->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_INDUSTRY, "卫健委审核员", NULL };

  g_assert_true (xs_decisions_write (package, fixture->industry, &decision, 1, path, &error));
  g_assert_true (xs_claim_store_withdraw (fixture->db, fixture->patents[0], "学时有误", &error));
  g_assert_no_error (error);
  claim = xs_claim_store_get (fixture->db, fixture->patents[0], &error);
  claim->hours = 150;
  g_assert_true (xs_claim_store_update (fixture->db, claim, &error));
  g_assert_true (xs_claim_store_submit (fixture->db, claim->id, &error));
  g_assert_no_error (error);

  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 1);
  rejections = xs_import_report_format_rejections (report);
  g_test_message ("%s", rejections);
  g_assert_nonnull (strstr (rejections, "王芳’s claim changed since package"));
  g_assert_nonnull (strstr (rejections, "hours 20 → 15"));
}

/* The attack: a claim approved in a package is withdrawn, given another
 * scan and submitted again with the same hours; the old decisions file
 * must not approve what the reviewer never saw. */
static void
test_decisions_resubmitted (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(XsPackage) package = open_package (fixture->package);
  g_autofree char *path = g_build_filename (fixture->dir, "decisions.json", NULL);
  g_autofree char *scan = xs_test_write_png ("另一张专利证书.png", 64, 48, 200);
  const char *scans[] = { scan, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsClaim) claim = NULL;
  g_autofree char *rejections = NULL;
  const XsPackageClaim *patent = find_claim (package, fixture->patents[1]);
  XsDecision decision = { patent->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_INDUSTRY, "卫健委审核员", NULL };

  g_assert_true (xs_decisions_write (package, fixture->industry, &decision, 1, path, &error));
  g_assert_true (xs_claim_store_withdraw (fixture->db, fixture->patents[1], "证书换一张", &error));
  g_assert_no_error (error);
  g_assert_true (xs_claim_store_attach (fixture->db, fixture->patents[1], "patent_certificate", scans, &error));
  g_assert_no_error (error);
  g_assert_true (xs_claim_store_submit (fixture->db, fixture->patents[1], &error));
  g_assert_no_error (error);

  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_UPDATED), ==, 0);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_REJECTED), ==, 1);
  rejections = xs_import_report_format_rejections (report);
  g_test_message ("%s", rejections);
  g_assert_nonnull (strstr (rejections, "李娜’s claim changed since package"));
  g_assert_nonnull (strstr (rejections, "evidence"));
  claim = xs_claim_store_get (fixture->db, fixture->patents[1], &error);
  g_assert_cmpint (claim->status, ==, XS_STATUS_SUBMITTED);
}

static gint64
count_submitted (Fixture *fixture)
{
  return count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL);
}

/* The attack: a hand-written decisions file, in the format the base reads,
 * approving claims. */
static void
test_decisions_unsigned (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(XsPackage) package = open_package (fixture->package);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  const XsPackageClaim *patent = find_claim (package, fixture->patents[0]);
  gint64 submitted = count_submitted (fixture);

  text = g_strdup_printf ("{\"format\": \"xueshi-decisions\", \"format_version\": 1, "
                          "\"base_id\": \"%s\", \"package\": \"%s\", \"decisions\": ["
                          "{\"ref\": \"%s\", \"decision\": \"approved\", \"side\": \"industry\", "
                          "\"reviewer\": \"卫健委审核员\", \"reason\": null}]}\n",
                          xs_package_get_base_id (package), xs_package_get_digest (package), patent->ref);
  path = xs_test_write_file ("decisions.json", text, -1);
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_null (report);
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSIGNED);
  g_assert_nonnull (strstr (error->message, "decisions.json"));
  g_assert_cmpint (count_submitted (fixture), ==, submitted);
}

static void
edit_approve_all (JsonObject *root)
{
  JsonArray *decisions = json_object_get_array_member (root, "decisions");

  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      JsonObject *d = json_array_get_object_element (decisions, i);

      json_object_set_string_member (d, "decision", "approved");
      json_object_set_null_member (d, "reason");
    }
}

static void
edit_unknown_package (JsonObject *root)
{
  json_object_set_string_member (root, "package",
                                 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
}

/* Changed after signing, signed by a reviewer the base does not know, or
 * answering a package the base never sent: refused whole. */
static void
test_decisions_signers (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(XsPackage) package = open_package (fixture->package);
  g_autofree char *path = g_build_filename (fixture->dir, "decisions.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsSigningKey) stranger = make_reviewer (NULL, NULL, XS_REVIEW_SIDE_INDUSTRY);
  g_autoptr(GPtrArray) reviewers = NULL;
  const XsPackageClaim *patent = find_claim (package, fixture->patents[0]);
  XsDecision reject = { patent->ref, XS_STATUS_REJECTED, XS_REVIEW_SIDE_INDUSTRY, "卫健委审核员", "不清晰" };
  gint64 submitted = count_submitted (fixture);
  gint64 id;

  /* a rejection turned into an approval after signing */
  g_assert_true (xs_decisions_write (package, fixture->industry, &reject, 1, path, &error));
  rewrite_decisions (path, edit_approve_all, NULL);
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_null (report);
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_BAD_SIGNATURE);
  g_clear_error (&error);

  /* signed by someone the base never registered */
  g_assert_true (xs_decisions_write (package, stranger, &reject, 1, path, &error));
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_null (report);
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNKNOWN_SIGNER);
  {
    g_autofree char *fingerprint = xs_public_key_fingerprint (xs_signing_key_get_public_text (stranger));

    g_assert_nonnull (strstr (error->message, fingerprint));
  }
  g_clear_error (&error);
  g_assert_cmpint (count_submitted (fixture), ==, submitted);

  /* registered, then removed again */
  id = xs_reviewers_add (fixture->db, "临时审核员", XS_REVIEW_SIDE_INDUSTRY,
                         xs_signing_key_get_public_text (stranger), &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_reviewers_add (fixture->db, "又一次", XS_REVIEW_SIDE_HR,
                                     xs_signing_key_get_public_text (stranger), &error), ==, 0);
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  reviewers = xs_reviewers_list (fixture->db, &error);
  g_assert_cmpuint (reviewers->len, ==, 3);
  g_assert_true (xs_reviewers_remove (fixture->db, id, &error));
  g_assert_no_error (error);
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNKNOWN_SIGNER);
  g_clear_error (&error);

  /* a package this base never exported */
  g_assert_true (xs_decisions_write (package, fixture->industry, &reject, 1, path, &error));
  rewrite_decisions (path, edit_unknown_package, fixture->industry);
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_null (report);
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_NOT_EXPORTED);
  g_clear_error (&error);
  g_assert_cmpint (count_submitted (fixture), ==, submitted);

  /* the genuine file applies */
  g_assert_true (xs_decisions_write (package, fixture->industry, &reject, 1, path, &error));
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (report));
  g_assert_cmpint (count_submitted (fixture), ==, submitted - 1);
}

static char *ref_elsewhere;

static void
edit_ref_elsewhere (JsonObject *root)
{
  JsonArray *decisions = json_object_get_array_member (root, "decisions");

  json_object_set_string_member (json_array_get_object_element (decisions, 0), "ref", ref_elsewhere);
}

/* A decision on a claim of this base that was not in the package named. */
static void
test_decisions_not_in_package (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(XsPackage) full = open_package (fixture->package);
  g_autoptr(XsPackage) subset = NULL;
  g_autofree char *subset_path = g_build_filename (fixture->dir, "临颍.zip", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "decisions.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autofree char *rejections = NULL;
  XsPackageQuery employer = { 2018, NULL, "临颍县人民医院" };
  const XsPackageClaim *mine;
  gint64 submitted = count_submitted (fixture);

  export (fixture, &employer, subset_path);
  subset = open_package (subset_path);
  mine = first_public (subset);
  {
    XsDecision d = { mine->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_HR, "人社局审核员", NULL };

    g_assert_true (xs_decisions_write (subset, fixture->hr, &d, 1, path, &error));
  }
  /* 王芳's public claim is in the full package, not in this one */
  for (guint i = 0; i < xs_package_get_n_claims (full); i++)
    {
      const XsPackageClaim *c = xs_package_get_claim (full, i);

      if (c->category == XS_CATEGORY_PUBLIC && g_str_equal (c->id_number, fixture->ids[0]))
        ref_elsewhere = g_strdup (c->ref);
    }
  g_assert_nonnull (ref_elsewhere);
  rewrite_decisions (path, edit_ref_elsewhere, fixture->hr);
  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_UPDATED), ==, 0);
  rejections = xs_import_report_format_rejections (report);
  g_test_message ("%s", rejections);
  g_assert_nonnull (strstr (rejections, "was not in package"));
  g_assert_cmpint (count_submitted (fixture), ==, submitted);
  g_clear_pointer (&ref_elsewhere, g_free);
}

/* A reviewer trusts a base once; a package signed by another key under the
 * same name is not shown as the base's. */
static void
test_trust (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(XsPackage) package = open_package (fixture->package);
  g_autoptr(XsPackage) forged = NULL;
  g_autofree char *reviewer_dir = xs_test_make_tmpdir ();
  g_autofree char *name = NULL;
  g_autoptr(XsDb) other_db = NULL;
  g_autoptr(XsSigningKey) other_key = NULL;
  g_autofree char *forged_path = g_build_filename (fixture->dir, "forged.zip", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (xs_package_get_base_key (package), ==, xs_signing_key_get_public_text (fixture->key));
  g_assert_cmpint (xs_trust_check_package (reviewer_dir, package, NULL), ==, XS_PACKAGE_TRUST_UNKNOWN);
  g_assert_false (xs_trust_add_base (reviewer_dir, BASE_NAME, "xueshi-ed25519:nonsense", &error));
  g_clear_error (&error);
  g_assert_true (xs_trust_add_base (reviewer_dir, BASE_NAME, xs_package_get_base_key (package), &error));
  g_assert_no_error (error);
  g_assert_cmpint (xs_trust_check_package (reviewer_dir, package, &name), ==, XS_PACKAGE_TRUST_TRUSTED);
  g_assert_cmpstr (name, ==, BASE_NAME);

  /* another base (its own key) exporting under the same name */
  other_db = xs_test_open_db ();
  other_key = xs_signing_key_open (xs_db_get_data_dir (other_db), &error);
  g_assert_no_error (error);
  {
    g_autofree char *csv = g_strdup_printf ("身份证号,姓名,年度,科目类别,必修,学时,类型,项目名称,日期\n"
                                            "%s,王芳,2018,公需科目,是,24,,公需科目网络培训（必修）,2018-05-06\n",
                                            fixture->ids[0]);
    g_autofree char *roster = g_strdup_printf ("姓名,身份证号,工作单位\n王芳,%s,漯河市中心医院\n", fixture->ids[0]);
    XsPackageQuery query = { 2018, NULL, NULL };

    xs_test_import (other_db, roster, TRUE, NULL);
    xs_test_import (other_db, csv, FALSE, NULL);
    g_assert_true (xs_package_export (other_db, other_key, BASE_NAME, &query, forged_path,
                                      NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
  forged = open_package (forged_path);
  g_assert_cmpstr (xs_package_get_base_name (forged), ==, BASE_NAME);
  g_assert_cmpint (xs_trust_check_package (reviewer_dir, forged, NULL), ==, XS_PACKAGE_TRUST_UNKNOWN);
}

/* A new key: what the old one signed still verifies and its packages'
 * decisions still apply. */
static void
test_rotated_key (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(XsPackage) package = open_package (fixture->package);
  g_autofree char *path = g_build_filename (fixture->dir, "decisions.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsSigningKey) new_key = NULL;
  g_auto(GStrv) keys = NULL;
  const char *data_dir = xs_db_get_data_dir (fixture->db);
  const XsPackageClaim *patent = find_claim (package, fixture->patents[0]);
  XsDecision d = { patent->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_INDUSTRY, "卫健委审核员", NULL };
  g_autofree char *old_text = g_strdup (xs_signing_key_get_public_text (fixture->key));

  g_assert_true (xs_decisions_write (package, fixture->industry, &d, 1, path, &error));
  g_assert_true (xs_signing_key_rotate (data_dir, &error));
  g_assert_no_error (error);
  new_key = xs_signing_key_open (data_dir, &error);
  g_assert_cmpstr (xs_signing_key_get_public_text (new_key), !=, old_text);
  keys = xs_signing_key_list_public_texts (data_dir, &error);
  g_assert_cmpuint (g_strv_length (keys), ==, 2);
  g_assert_cmpstr (keys[0], ==, xs_signing_key_get_public_text (new_key));
  g_assert_cmpstr (keys[1], ==, old_text);

  report = xs_decisions_import (fixture->db, new_key, path, XS_IMPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (report));
  g_assert_cmpuint (xs_import_report_get_count (report, XS_ROW_UPDATED), ==, 1);
}

/* Decisions of both sides in one file read back as written (a review kept
 * with a side switch in the middle); signed by the industry reviewer, the
 * base applies that side's rows only and says why of the other. The
 * preview counts them and writes nothing; once applied, the same file says
 * when. */
static void
test_decisions_both_sides (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(XsPackage) package = open_package (fixture->package);
  g_autofree char *path = g_build_filename (fixture->dir, "审核结果.json", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(XsDecisionsPreview) preview = NULL;
  g_autoptr(XsDecisionsPreview) again = NULL;
  g_autoptr(XsImportReport) report = NULL;
  const XsPackageClaim *public = first_public (package);
  const XsPackageClaim *patent = find_claim (package, fixture->patents[0]);
  XsDecision both[] = {
    { public->ref, XS_STATUS_APPROVED, XS_REVIEW_SIDE_HR, "人社局审核员", NULL },
    { patent->ref, XS_STATUS_REJECTED, XS_REVIEW_SIDE_INDUSTRY, "卫健委审核员𠮷", "专利证书与申报人不符" },
  };
  gint64 submitted = count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL);

  g_assert_true (xs_decisions_write (package, fixture->industry, both, G_N_ELEMENTS (both), path, &error));
  g_assert_no_error (error);
  read = xs_decisions_read (package, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->len, ==, 2);
  for (guint i = 0; i < read->len; i++)
    {
      const XsDecision *decision = g_ptr_array_index (read, i);

      g_assert_cmpstr (decision->ref, ==, both[i].ref);
      g_assert_cmpint (decision->decision, ==, both[i].decision);
      g_assert_cmpint (decision->side, ==, both[i].side);
      g_assert_cmpstr (decision->reviewer, ==, both[i].reviewer);
      g_assert_cmpstr (decision->reason, ==, both[i].reason);
    }

  /* a file for another package is not read as this one's */
  g_assert_true (xs_decisions_write (package, fixture->industry, both, 1, other, &error));
  rewrite_decisions (other, edit_other_base, fixture->industry);
  g_assert_null (xs_decisions_read (package, other, &error));
  g_assert_error (error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_OTHER_BASE);
  g_clear_error (&error);

  preview = xs_decisions_preview (fixture->db, fixture->key, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_approved, ==, 0);
  g_assert_cmpuint (preview->n_rejected, ==, 1);
  g_assert_cmpuint (xs_import_report_get_count (preview->report, XS_ROW_REJECTED), ==, 1);
  g_assert_null (preview->imported_at);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL),
                   ==, submitted);

  report = xs_decisions_import (fixture->db, fixture->key, path, XS_IMPORT_SKIP_INVALID, &error);
  g_assert_no_error (error);
  g_assert_true (xs_import_report_get_committed (report));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM claim WHERE status = 'submitted'", NULL),
                   ==, submitted - 1);

  again = xs_decisions_preview (fixture->db, fixture->key, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again->imported_at);
  g_assert_true (g_str_has_prefix (again->imported_at, "20"));
  g_assert_cmpuint (again->n_approved + again->n_rejected, ==, 0);
  g_assert_cmpuint (xs_import_report_get_count (again->report, XS_ROW_REJECTED), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  /* a private temporary folder, to see that nothing is left in it */
  private_tmp = g_build_filename (g_getenv ("TMPDIR") ? g_getenv ("TMPDIR") : "/tmp",
                                  "xueshi-test-package-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (private_tmp));
  g_setenv ("TMPDIR", private_tmp, TRUE);
  xs_test_init (&argc, &argv);
  g_assert_cmpstr (g_get_tmp_dir (), ==, private_tmp);

  g_test_add ("/package/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/package/same-bytes", Fixture, NULL, fixture_set_up, test_same_bytes, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/package/hostile/%s", hostile_cases[i].name);

      g_test_add (name, Fixture, &hostile_cases[i], fixture_set_up, test_hostile, fixture_tear_down);
    }
  g_test_add_func ("/package/not-a-zip", test_not_a_zip);
  g_test_add ("/package/decisions-both-sides", Fixture, NULL, fixture_set_up, test_decisions_both_sides,
              fixture_tear_down);
  g_test_add ("/package/decisions-refused", Fixture, NULL, fixture_set_up, test_decisions_refused,
              fixture_tear_down);
  g_test_add ("/package/decisions-changed-claim", Fixture, NULL, fixture_set_up,
              test_decisions_changed_claim, fixture_tear_down);
  g_test_add ("/package/decisions-resubmitted", Fixture, NULL, fixture_set_up,
              test_decisions_resubmitted, fixture_tear_down);
  g_test_add ("/package/decisions-unsigned", Fixture, NULL, fixture_set_up,
              test_decisions_unsigned, fixture_tear_down);
  g_test_add ("/package/decisions-signers", Fixture, NULL, fixture_set_up,
              test_decisions_signers, fixture_tear_down);
  g_test_add ("/package/decisions-not-in-package", Fixture, NULL, fixture_set_up,
              test_decisions_not_in_package, fixture_tear_down);
  g_test_add ("/package/trust", Fixture, NULL, fixture_set_up, test_trust, fixture_tear_down);
  g_test_add ("/package/rotated-key", Fixture, NULL, fixture_set_up, test_rotated_key, fixture_tear_down);

  {
    int status = g_test_run ();

    g_rmdir (private_tmp);
    return status;
  }
}
