/* test-permissions.c: what Xueshi writes is readable by its owner only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data directory holds identity numbers, phone numbers, scans of
 * people's documents and the key that signs certificates: files 0600,
 * directories 0700, whatever the umask.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "xs-certificate-store.h"
#include "xs-claim-store.h"
#include "xs-evidence.h"
#include "xs-roster-import.h"
#include "xs-test-util.h"

static void
check_tree (const char *path,
            guint      *n_files,
            guint      *n_dirs)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      if ((st.st_mode & 0777) != 0700)
        g_error ("%s is a directory with mode %o, not 700", path, st.st_mode & 0777);
      (*n_dirs)++;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          check_tree (child, n_files, n_dirs);
        }
    }
  else
    {
      if ((st.st_mode & 0777) != 0600)
        g_error ("%s is a file with mode %o, not 600", path, st.st_mode & 0777);
      (*n_files)++;
    }
}

static void
test_private_files (void)
{
  g_autofree char *parent = xs_test_make_tmpdir ();
  g_autofree char *data_dir = g_build_filename (parent, "nested", "xueshi", NULL);
  g_autofree char *id = xs_test_id_number (1);
  g_autofree char *roster = g_strdup_printf ("姓名,身份证号,工作单位,手机号\n张伟,%s,漯河市中心医院,13812345678\n", id);
  g_autofree char *roster_path = xs_test_write_file ("roster.csv", roster, -1);
  g_autofree char *scan = xs_test_fixture_path ("scan.jpg");
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = 0, n_dirs = 0;
  mode_t old_mask;

  /* a permissive umask must not leak into what is written */
  old_mask = umask (0);

  db = xs_db_open (data_dir, &error);
  g_assert_no_error (error);
  report = xs_roster_import (db, roster_path, NULL, XS_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  evidence = xs_evidence_store_file (db, scan, 0, &error);
  g_assert_no_error (error);
  key = xs_signing_key_open (data_dir, &error);
  g_assert_no_error (error);

  umask (old_mask);

  check_tree (data_dir, &n_files, &n_dirs);
  /* the database (with its -wal and -shm while open), the scan, the key */
  g_assert_cmpuint (n_files, >=, 4);
  /* the data directory and the evidence store's two levels */
  g_assert_cmpuint (n_dirs, >=, 3);
}

int
main (int    argc,
      char **argv)
{
  xs_test_init (&argc, &argv);

  g_test_add_func ("/permissions/private-files", test_private_files);
  return g_test_run ();
}
