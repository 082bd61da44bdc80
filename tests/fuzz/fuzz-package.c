/* fuzz-package.c: the submission-package reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One input is the bytes of a ZIP a reviewer is given. xs_package_open()
 * must refuse it with an XS_PACKAGE_ERROR or open it; an opened package
 * answers for every claim and evidence file it lists, and every evidence
 * path it gives lies inside its private folder and exists.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"
#include "xs-package.h"

static char *path;

static void
check_package (XsPackage *package)
{
  guint n = xs_package_get_n_claims (package);

  g_assert (xs_package_get_base_id (package) != NULL);
  g_assert (xs_package_get_digest (package) != NULL);
  for (guint i = 0; i < n; i++)
    {
      const XsPackageClaim *claim = xs_package_get_claim (package, i);

      g_assert (claim != NULL && claim->ref != NULL);
      g_assert (g_utf8_validate (claim->name, -1, NULL));
      for (guint j = 0; j < claim->n_evidence; j++)
        {
          const char *evidence = xs_package_get_evidence_path (package, claim->evidence[j].sha256);

          g_assert (evidence != NULL);
          g_assert (g_file_test (evidence, G_FILE_TEST_IS_REGULAR));
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(XsPackage) package = NULL;
  g_autoptr(GError) error = NULL;

  xs_fuzz_init ();
  if (path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("xs-fuzz-package-XXXXXX", NULL);

      g_assert (dir != NULL);
      path = g_build_filename (dir, "package.zip", NULL);
    }
  g_assert (g_file_set_contents (path, (const char *) data, size, NULL));

  package = xs_package_open (path, NULL, &error);
  if (package == NULL)
    {
      /* refused in the user's terms: a package error, or the file's own */
      g_assert (error != NULL);
      g_assert (error->domain == XS_PACKAGE_ERROR || error->domain == G_IO_ERROR
                || error->domain == G_FILE_ERROR);
      return 0;
    }
  check_package (package);
  return 0;
}
