/* test-safe-io.c: outputs never land in the data folder, CSV cells never
 * run as formulas, terminal text never carries control sequences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xs-output.h"
#include "xs-safe-text.h"
#include "xs-test-util.h"

static int
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

static void
assert_refused (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (xs_output_check_path (path, &error));
  g_assert_error (error, XS_OUTPUT_ERROR, XS_OUTPUT_ERROR_PROTECTED);
  g_clear_error (&error);
  g_assert_false (xs_output_write_file (path, "x", 1, XS_OUTPUT_PRIVATE, &error));
  g_assert_error (error, XS_OUTPUT_ERROR, XS_OUTPUT_ERROR_PROTECTED);
}

static void
test_output_refuses_data_dir (void)
{
  g_autoptr(XsDb) db = xs_test_open_db ();
  g_autofree char *elsewhere = xs_test_make_tmpdir ();
  const char *data_dir = xs_db_get_data_dir (db);
  g_autofree char *db_path = g_build_filename (data_dir, "xueshi.db", NULL);
  g_autofree char *wal = g_build_filename (data_dir, "xueshi.db-wal", NULL);
  g_autofree char *shm = g_build_filename (data_dir, "xueshi.db-shm", NULL);
  g_autofree char *key = g_build_filename (data_dir, "signing-key", NULL);
  g_autofree char *pdf_key = g_build_filename (data_dir, "pdf-signing-key", NULL);
  g_autofree char *inside = g_build_filename (data_dir, "package.zip", NULL);
  g_autofree char *backup = g_build_filename (data_dir, "backups", "xueshi-2026.db", NULL);
  g_autofree char *data_name = g_path_get_basename (data_dir);
  g_autofree char *dotdot = g_build_filename (elsewhere, "..", data_name, "x.pdf", NULL);
  g_autofree char *link_to_db = g_build_filename (elsewhere, "report.pdf", NULL);
  g_autofree char *link_to_pdf_key = g_build_filename (elsewhere, "certificates.pdf", NULL);
  g_autofree char *link_to_dir = g_build_filename (elsewhere, "folder", NULL);
  g_autofree char *through_link = g_build_filename (link_to_dir, "signing-key", NULL);
  g_autofree char *through_link_new = g_build_filename (link_to_dir, "new.pdf", NULL);
  g_autofree char *fine = g_build_filename (elsewhere, "package.zip", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (db_path, &before, &before_length, NULL));
  g_assert_cmpint (symlink (db_path, link_to_db), ==, 0);
  g_assert_cmpint (symlink (pdf_key, link_to_pdf_key), ==, 0);
  g_assert_cmpint (symlink (data_dir, link_to_dir), ==, 0);

  assert_refused (db_path);
  assert_refused (wal);
  assert_refused (shm);
  assert_refused (key);
  assert_refused (pdf_key);
  assert_refused (link_to_pdf_key);
  assert_refused (inside);
  assert_refused (backup);
  assert_refused (dotdot);
  assert_refused (link_to_db);
  assert_refused (through_link);
  assert_refused (through_link_new);

  g_assert_true (g_file_get_contents (db_path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));

  /* outside: written */
  g_assert_true (xs_output_write_file (fine, "PK", 2, XS_OUTPUT_PRIVATE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fine, G_FILE_TEST_IS_REGULAR));

  /* a folder or a missing folder: refused in words */
  g_assert_false (xs_output_check_path (elsewhere, &error));
  g_assert_error (error, XS_OUTPUT_ERROR, XS_OUTPUT_ERROR_FAILED);
  g_clear_error (&error);
  {
    g_autofree char *missing = g_build_filename (elsewhere, "no-such-folder", "x.pdf", NULL);

    g_assert_false (xs_output_check_path (missing, &error));
    g_assert_error (error, XS_OUTPUT_ERROR, XS_OUTPUT_ERROR_FAILED);
  }
}

/* The default data folder is protected even before a base is opened. */
static void
test_output_refuses_default_dir (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *inside = g_build_filename (dir, "stats.xlsx", NULL);
  g_autofree char *saved = g_strdup (g_getenv ("XUESHI_DATA_DIR"));

  g_setenv ("XUESHI_DATA_DIR", dir, TRUE);
  assert_refused (inside);
  g_setenv ("XUESHI_DATA_DIR", saved, TRUE);
}

static void
test_output_modes (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *private_path = g_build_filename (dir, "package.zip", NULL);
  g_autofree char *public_path = g_build_filename (dir, "base.pub", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  /* an existing readable file becomes the owner's only */
  g_assert_true (g_file_set_contents_full (private_path, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, &error));
  g_assert_cmpint (file_mode (private_path), ==, 0644);
  g_assert_true (xs_output_write_file (private_path, "new", 3, XS_OUTPUT_PRIVATE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (private_path), ==, 0600);
  g_assert_true (g_file_get_contents (private_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");

  g_assert_true (xs_output_write_file (public_path, "key\n", 4, XS_OUTPUT_PUBLIC, &error));
  g_assert_cmpint (file_mode (public_path), ==, 0644);

  /* an output dropped before its commit leaves the old file and no trace */
  {
    g_autoptr(XsOutput) output = xs_output_new (private_path, XS_OUTPUT_PRIVATE, &error);

    g_assert_no_error (error);
    g_assert_true (g_output_stream_write_all (xs_output_get_stream (output), "half", 4, NULL, NULL, &error));
    g_assert_true (g_file_test (xs_output_get_temp_path (output), G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (file_mode (xs_output_get_temp_path (output)), ==, 0600);
  }
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (private_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
  listing = g_dir_open (dir, 0, &error);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);
}

/* A link to a file outside: the file it names is replaced, not the link. */
static void
test_output_follows_link (void)
{
  g_autofree char *dir = xs_test_make_tmpdir ();
  g_autofree char *real = g_build_filename (dir, "real.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.pdf", link), ==, 0);
  g_assert_true (xs_output_write_file (link, "new", 3, XS_OUTPUT_PRIVATE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new");
}

static void
test_csv_cells (void)
{
  static const struct { const char *text; const char *cell; } cases[] = {
    { "王小明", "王小明" },
    { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
    { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" },
    { "\rx", "\"'\rx\"" },
    { "a,b", "\"a,b\"" },
    { "a=b", "a=b" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      xs_safe_text_append_csv_cell (out, cases[i].text);
      g_assert_cmpstr (out->str, ==, cases[i].cell);
    }
  g_assert_true (xs_safe_text_is_formula ("=1"));
  g_assert_false (xs_safe_text_is_formula ("1="));
}

static void
test_terminal_text (void)
{
  static const struct { const char *text; const char *shown; } cases[] = {
    { "王小明 䶮 𠮷", "王小明 䶮 𠮷" },
    { "\x1b[2J\x1b]0;owned\x07", "\\x1B[2J\\x1B]0;owned\\x07" },
    { "a\nb\rc\td", "a\\x0Ab\\x0Dc\\x09d" },
    { "evil\xe2\x80\xae" "fdp.exe", "evil\\u{202E}fdp.exe" },
    { "\xe2\x81\xa6x\xe2\x81\xa9", "\\u{2066}x\\u{2069}" },
    { "c1\xc2\x9b" "31m", "c1\\x9B31m" },
    { "bad\xff", "bad\\xFF" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = xs_safe_text_for_terminal (cases[i].text);
      gunichar found = 0;

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_true (g_utf8_validate (shown, -1, NULL));
      g_assert_cmpint (xs_safe_text_has_control (cases[i].text, &found), ==, i > 0);
    }
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/safe-io/output/refuses-data-dir", test_output_refuses_data_dir);
  g_test_add_func ("/safe-io/output/refuses-default-dir", test_output_refuses_default_dir);
  g_test_add_func ("/safe-io/output/modes", test_output_modes);
  g_test_add_func ("/safe-io/output/follows-link", test_output_follows_link);
  g_test_add_func ("/safe-io/csv-cells", test_csv_cells);
  g_test_add_func ("/safe-io/terminal-text", test_terminal_text);
  return g_test_run ();
}
