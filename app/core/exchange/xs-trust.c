/* xs-trust.c: the bases a reviewer trusts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "trusted-bases" in the reviewer's folder is a key file: one group per
 * base, named by its key's fingerprint, with the key and the name.
 */
#define G_LOG_DOMAIN "xs-trust"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "xs-data-dir.h"
#include "xs-signing-key.h"
#include "xs-trust.h"

#define TRUST_FILE "trusted-bases"

char *
xs_reviewer_dir_resolve (const char *explicit_dir)
{
  g_autofree char *data_dir = xs_data_dir_resolve (explicit_dir);

  return g_build_filename (data_dir, "reviewer", NULL);
}

char *
xs_reviewer_key_path (const char *reviewer_dir)
{
  g_return_val_if_fail (reviewer_dir != NULL, NULL);
  return g_build_filename (reviewer_dir, "reviewer-key", NULL);
}

static char *
group_of (const char *public_key_text)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, public_key_text, -1);

  return g_strndup (digest, 32);
}

static GKeyFile *
load (const char *reviewer_dir)
{
  g_autofree char *path = g_build_filename (reviewer_dir, TRUST_FILE, NULL);
  GKeyFile *file = g_key_file_new ();

  g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL);
  return file;
}

char *
xs_trust_lookup_base (const char *reviewer_dir,
                      const char *public_key_text)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autofree char *group = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (reviewer_dir != NULL, NULL);

  if (public_key_text == NULL)
    return NULL;
  file = load (reviewer_dir);
  group = group_of (public_key_text);
  key = g_key_file_get_string (file, group, "key", NULL);
  if (g_strcmp0 (key, public_key_text) != 0)
    return NULL;
  return g_key_file_get_string (file, group, "name", NULL);
}

XsPackageTrust
xs_trust_check_package (const char  *reviewer_dir,
                        XsPackage   *package,
                        char       **trusted_name)
{
  const char *key;
  char *name;

  g_return_val_if_fail (reviewer_dir != NULL, XS_PACKAGE_TRUST_UNSIGNED);
  g_return_val_if_fail (XS_IS_PACKAGE (package), XS_PACKAGE_TRUST_UNSIGNED);

  key = xs_package_get_base_key (package);
  if (key == NULL)
    return XS_PACKAGE_TRUST_UNSIGNED;
  name = xs_trust_lookup_base (reviewer_dir, key);
  if (name == NULL)
    return XS_PACKAGE_TRUST_UNKNOWN;
  if (trusted_name != NULL)
    *trusted_name = name;
  else
    g_free (name);
  return XS_PACKAGE_TRUST_TRUSTED;
}

gboolean
xs_trust_add_base (const char  *reviewer_dir,
                   const char  *name,
                   const char  *public_key_text,
                   GError     **error)
{
  g_autoptr(GKeyFile) file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *group = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *clean = NULL;
  gsize length;

  g_return_val_if_fail (reviewer_dir != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!xs_public_key_is_valid (public_key_text))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This is not a public key of a Xueshi base. Ask the base for the file “xueshi-cli export-public-key” writes."));
      return FALSE;
    }
  clean = g_strstrip (g_strdup (name));
  if (*clean == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Give the base’s name, as the reviewer will see it on its packages."));
      return FALSE;
    }
  /* one line: a key file value cannot hold a line break */
  for (char *p = clean; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  if (!xs_data_dir_ensure (reviewer_dir, error))
    return FALSE;
  file = load (reviewer_dir);
  group = group_of (public_key_text);
  stamp = g_date_time_format_iso8601 (now);
  g_key_file_set_string (file, group, "key", public_key_text);
  g_key_file_set_string (file, group, "name", clean);
  g_key_file_set_string (file, group, "trusted_at", stamp);
  data = g_key_file_to_data (file, &length, NULL);
  path = g_build_filename (reviewer_dir, TRUST_FILE, NULL);
  return xs_data_dir_write_private (path, data, length, error);
}
