/* test-base-profile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>

#include "config.h"

#include <cairo.h>
#include <string.h>

#include "xs-base-profile.h"
#include "xs-db-private.h"
#include "xs-signing-key.h"
#include "xs-test-util.h"

#define BASE_NAME "漯河市职业技术学院继续教育基地（䶮𠮷）"
#define ISSUER "漯河市人力资源和社会保障局"

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A red ring of @size pixels, as a PNG drawn by cairo. */
static GBytes *
make_seal (int size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.8, 0, 0);
  cairo_set_line_width (cr, size / 10.0);
  cairo_arc (cr, size / 2.0, size / 2.0, size / 2.5, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static int
count_audit (XsDb *db)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (_xs_db_get_handle (db),
                                       "SELECT count(*) FROM audit WHERE entity = 'base_profile'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
last_audit_detail (XsDb *db)
{
  sqlite3_stmt *stmt = NULL;
  char *detail;

  g_assert_cmpint (sqlite3_prepare_v2 (_xs_db_get_handle (db),
                                       "SELECT detail FROM audit WHERE entity = 'base_profile' "
                                       "ORDER BY id DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  detail = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return detail;
}

static void
test_profile_empty (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) profile = xs_base_profile_load (db, &error);
  XsCertificateSettings settings = { 0 };

  g_assert_no_error (error);
  g_assert_true (xs_base_profile_is_empty (profile));
  g_assert_cmpstr (xs_base_profile_get_name (profile), ==, "");
  g_assert_false (xs_base_profile_has_name (profile));
  g_assert_false (xs_base_profile_has_name (NULL));
  /* white space alone names nothing */
  xs_base_profile_set_name (profile, " \t ");
  g_assert_false (xs_base_profile_has_name (profile));
  xs_base_profile_set_name (profile, "漯河市继续教育基地");
  g_assert_true (xs_base_profile_has_name (profile));
  xs_base_profile_revert (profile);
  g_assert_false (xs_base_profile_has_name (profile));
  g_assert_cmpstr (xs_base_profile_get_issuer (profile), ==, "");
  g_assert_null (xs_base_profile_get_seal (profile));
  g_assert_cmpint (xs_base_profile_get_orientation (profile), ==, XS_CERTIFICATE_PORTRAIT);
  g_assert_false (xs_base_profile_get_full_id_number (profile));
  /* one place chooses the template: each kind's, the standard design at first */
  g_assert_cmpstr (xs_base_profile_get_kind_template (profile, XS_CERTIFICATE_ANNUAL), ==, "");
  g_assert_cmpstr (xs_base_profile_get_kind_template (profile, XS_CERTIFICATE_COMPLETION), ==, "");
  g_assert_null (g_object_class_find_property (G_OBJECT_GET_CLASS (profile), "template"));
  /* The key is made with the base, so a new base already has its print. */
  g_assert_nonnull (xs_base_profile_get_key_fingerprint (profile));

  xs_base_profile_get_certificate_settings (profile, &settings);
  g_assert_cmpstr (settings.base_name, ==, "");
  g_assert_null (settings.seal);
  g_assert_null (settings.seal_path);
}

static void
test_profile_save_and_load (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) profile = xs_base_profile_load (db, &error);
  g_autoptr(XsBaseProfile) again = NULL;
  g_autoptr(GBytes) seal = make_seal (64);
  g_autofree char *detail = NULL;
  gboolean empty = TRUE;
  XsCertificateSettings settings = { 0 };

  g_assert_no_error (error);
  g_object_set (profile, "name", "  " BASE_NAME "\t", "issuer", ISSUER, "full-id-number", TRUE, NULL);
  g_assert_cmpstr (xs_base_profile_get_name (profile), ==, BASE_NAME);
  xs_base_profile_set_orientation (profile, XS_CERTIFICATE_LANDSCAPE);
  g_assert_true (xs_base_profile_set_seal (profile, seal, &error));
  g_assert_no_error (error);
  g_assert_true (xs_base_profile_save (profile, db, &error));
  g_assert_no_error (error);
  g_object_get (profile, "empty", &empty, NULL);
  g_assert_false (empty);
  g_assert_cmpint (count_audit (db), ==, 1);
  detail = last_audit_detail (db);
  g_assert_cmpstr (detail, ==, "name, issuer, seal, orientation, full_id_number");

  /* The same values again write nothing. */
  g_assert_true (xs_base_profile_save (profile, db, &error));
  g_assert_cmpint (count_audit (db), ==, 1);

  again = xs_base_profile_load (db, &error);
  g_assert_no_error (error);
  g_assert_false (xs_base_profile_is_empty (again));
  g_assert_cmpstr (xs_base_profile_get_name (again), ==, BASE_NAME);
  g_assert_cmpstr (xs_base_profile_get_issuer (again), ==, ISSUER);
  g_assert_true (g_bytes_equal (xs_base_profile_get_seal (again), seal));
  g_assert_cmpint (xs_base_profile_get_orientation (again), ==, XS_CERTIFICATE_LANDSCAPE);
  g_assert_true (xs_base_profile_get_full_id_number (again));

  xs_base_profile_get_certificate_settings (again, &settings);
  g_assert_cmpstr (settings.base_name, ==, BASE_NAME);
  g_assert_cmpstr (settings.issuer, ==, ISSUER);
  g_assert_true (settings.seal == xs_base_profile_get_seal (again));
  g_assert_cmpint (settings.orientation, ==, XS_CERTIFICATE_LANDSCAPE);
  g_assert_true (settings.full_id_number);

  /* Removing the seal is a change of its own. */
  g_assert_true (xs_base_profile_set_seal (again, NULL, &error));
  g_assert_true (xs_base_profile_save (again, db, &error));
  g_assert_no_error (error);
  g_clear_pointer (&detail, g_free);
  detail = last_audit_detail (db);
  g_assert_cmpstr (detail, ==, "seal");
  g_clear_object (&again);
  again = xs_base_profile_load (db, &error);
  g_assert_null (xs_base_profile_get_seal (again));
  g_assert_cmpstr (xs_base_profile_get_name (again), ==, BASE_NAME);
}

static void
assert_stored_name (XsDb       *db,
                    const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) stored = xs_base_profile_load (db, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (xs_base_profile_get_name (stored), ==, name);
}

static void
test_profile_refuses_bad_text (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) profile = xs_base_profile_load (db, &error);
  g_autoptr(GString) longest = g_string_new (NULL);

  xs_base_profile_set_name (profile, "基地");
  g_assert_true (xs_base_profile_save (profile, db, &error));

  for (int i = 0; i < XS_BASE_PROFILE_MAX_NAME; i++)
    g_string_append (longest, i % 2 ? "𠮷" : "䶮");
  xs_base_profile_set_name (profile, longest->str);
  g_assert_true (xs_base_profile_save (profile, db, &error));
  g_assert_no_error (error);
  assert_stored_name (db, longest->str);

  g_string_append (longest, "基");
  xs_base_profile_set_name (profile, longest->str);
  g_assert_false (xs_base_profile_save (profile, db, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  g_string_truncate (longest, longest->len - strlen ("基"));
  assert_stored_name (db, longest->str);

  xs_base_profile_set_name (profile, "基地");
  xs_base_profile_set_issuer (profile, "第一行\n第二行");
  g_assert_false (xs_base_profile_save (profile, db, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);
  assert_stored_name (db, longest->str);
}

static void
test_profile_refuses_bad_seal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) profile = xs_base_profile_new ();
  g_autoptr(GBytes) seal = make_seal (32);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (seal, 0, g_bytes_get_size (seal) / 2);
  g_autoptr(GBytes) signature_only = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autofree char *jpeg = xs_test_fixture_path ("scan.jpg");
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "no-such-seal-䶮.png", NULL);
  GBytes *bad[] = { truncated, signature_only, empty };

  g_assert_true (xs_base_profile_set_seal (profile, seal, &error));
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (xs_base_profile_set_seal (profile, bad[i], &error));
      g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
      g_clear_error (&error);
      g_assert_true (g_bytes_equal (xs_base_profile_get_seal (profile), seal));
    }

  g_assert_false (xs_base_profile_set_seal_from_file (profile, jpeg, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "scan.jpg"));
  g_clear_error (&error);
  g_assert_false (xs_base_profile_set_seal_from_file (profile, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_true (g_bytes_equal (xs_base_profile_get_seal (profile), seal));
}

static void
test_profile_refuses_large_seal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) profile = xs_base_profile_new ();
  gsize size = XS_BASE_PROFILE_MAX_SEAL + 1;
  guint8 *data = g_malloc0 (size);
  g_autoptr(GBytes) large = NULL;
  g_autofree char *path = NULL;

  memcpy (data, "\x89PNG\r\n\x1a\n", 8);
  large = g_bytes_new_take (data, size);
  g_assert_false (xs_base_profile_set_seal (profile, large, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_clear_error (&error);

  path = xs_test_write_file ("large-seal.png", g_bytes_get_data (large, NULL), size);
  g_assert_false (xs_base_profile_set_seal_from_file (profile, path, &error));
  g_assert_error (error, XS_DB_ERROR, XS_DB_ERROR_REFUSED);
  g_assert_null (xs_base_profile_get_seal (profile));
}

static void
test_profile_key_fingerprint (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_db_get_data_dir (db), &error);
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(XsBaseProfile) again = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *property = NULL;
  const char *fingerprint;

  g_assert_no_error (error);
  profile = xs_base_profile_load (db, &error);
  g_assert_no_error (error);
  fingerprint = xs_base_profile_get_key_fingerprint (profile);
  g_assert_nonnull (fingerprint);
  g_assert_true (g_regex_match_simple ("^([0-9a-f]{4} ){7}[0-9a-f]{4}$", fingerprint, 0, 0));

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, xs_signing_key_get_public_text (key), -1);
  for (int i = 0, j = 0; i < 32; i++, j++)
    {
      if (fingerprint[j] == ' ')
        j++;
      g_assert_cmpint (fingerprint[j], ==, digest[i]);
    }

  g_object_get (profile, "key-fingerprint", &property, NULL);
  g_assert_cmpstr (property, ==, fingerprint);
  again = xs_base_profile_load (db, &error);
  g_assert_cmpstr (xs_base_profile_get_key_fingerprint (again), ==, fingerprint);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

static void
test_profile_notifies (void)
{
  g_autoptr(XsBaseProfile) profile = xs_base_profile_new ();
  guint n = 0;

  g_signal_connect_swapped (profile, "notify::name", G_CALLBACK (count_notify), &n);
  xs_base_profile_set_name (profile, "基地");
  xs_base_profile_set_name (profile, " 基地 ");
  g_assert_cmpuint (n, ==, 1);
  g_object_set (profile, "name", "另一个基地", NULL);
  g_assert_cmpuint (n, ==, 2);
}

/* A database from before the profile (built by the migrations that came
 * before it) gets an empty one, with its other data kept. */
static void
test_profile_migration (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "xueshi.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsBaseProfile) profile = NULL;
  g_auto(GStrv) names = _xs_db_list_migrations ();
  sqlite3 *handle = NULL;
  gboolean before = TRUE;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  for (guint i = 0; names[i] != NULL && before; i++)
    {
      g_autofree char *sql = NULL;

      if (strstr (names[i], "base-profile") != NULL)
        {
          before = FALSE;
          continue;
        }
      sql = _xs_db_read_migration (names[i]);
      g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_false (before);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO trainee (id_number, name, sex, birth_date, employer) "
                                 "VALUES ('410102198001100010', '学员', 'male', '1980-01-10', '漯河市中心医院')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_true (xs_signing_key_create (dir, &error));
  g_assert_no_error (error);

  db = xs_db_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (xs_db_get_schema_version (db), ==, xs_db_get_latest_version ());
  profile = xs_base_profile_load (db, &error);
  g_assert_no_error (error);
  g_assert_true (xs_base_profile_is_empty (profile));
  g_assert_cmpstr (xs_base_profile_get_name (profile), ==, "");
  /* the trainee recorded before the migration is still there */
  handle = _xs_db_get_handle (db);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT name FROM trainee", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "学员");
    sqlite3_finalize (stmt);
  }
}

/* A profile row deleted by hand reads as empty and is made again. */
static void
test_profile_row_deleted (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autoptr(GError) error = NULL;
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(XsBaseProfile) again = NULL;

  g_assert_cmpint (sqlite3_exec (_xs_db_get_handle (db), "DELETE FROM base_profile", NULL, NULL, NULL), ==, SQLITE_OK);
  profile = xs_base_profile_load (db, &error);
  g_assert_no_error (error);
  g_assert_true (xs_base_profile_is_empty (profile));
  xs_base_profile_set_name (profile, BASE_NAME);
  g_assert_true (xs_base_profile_save (profile, db, &error));
  g_assert_no_error (error);
  again = xs_base_profile_load (db, &error);
  g_assert_cmpstr (xs_base_profile_get_name (again), ==, BASE_NAME);
  g_assert_false (xs_base_profile_is_empty (again));
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/base-profile/empty", test_profile_empty);
  g_test_add_func ("/base-profile/save-and-load", test_profile_save_and_load);
  g_test_add_func ("/base-profile/refuses-bad-text", test_profile_refuses_bad_text);
  g_test_add_func ("/base-profile/refuses-bad-seal", test_profile_refuses_bad_seal);
  g_test_add_func ("/base-profile/refuses-large-seal", test_profile_refuses_large_seal);
  g_test_add_func ("/base-profile/key-fingerprint", test_profile_key_fingerprint);
  g_test_add_func ("/base-profile/notifies", test_profile_notifies);
  g_test_add_func ("/base-profile/migration", test_profile_migration);
  g_test_add_func ("/base-profile/row-deleted", test_profile_row_deleted);

  return g_test_run ();
}
