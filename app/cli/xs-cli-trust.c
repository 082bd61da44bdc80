/* xs-cli-trust.c: trust-base, reviewer-key, reviewers, rotate-key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "xs-cli.h"
#include "xs-data-dir.h"
#include "xs-output.h"
#include "xs-package.h"
#include "xs-signing-key.h"
#include "xs-trust.h"

/* trust-base ----------------------------------------------------------------- */

int
xs_cli_trust_base (const XsCliGlobals *globals,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from_package = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reviewer_dir = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(XsPackage) package = NULL;
  g_auto(GStrv) keys = NULL;
  GOptionEntry entries[] = {
    { "from-package", 0, 0, G_OPTION_ARG_FILENAME, &from_package, N_("Trust the base that signed this package"), N_("FILE.zip") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The base’s name (default: the name in the package)"), N_("TEXT") },
    { NULL }
  };

  if (!xs_cli_parse ("trust-base", _("[KEYFILE]"),
                     _("Trust a base once, as a reviewer: its packages are then shown as coming from it. "
                       "Compare the fingerprint printed with the one the base reads out from its Preferences."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if ((from_package == NULL) == (argc != 2) || argc > 2)
    return xs_cli_usage_error ("trust-base", _("Give the base’s key file, or --from-package FILE.zip."));

  if (from_package != NULL)
    {
      if ((package = xs_package_open (from_package, NULL, &error)) == NULL)
        return xs_cli_refuse (error);
      if (xs_package_get_base_key (package) == NULL)
        {
          g_set_error (&error, XS_PACKAGE_ERROR, XS_PACKAGE_ERROR_UNSIGNED,
                       _("This package is not signed (an older Xueshi made it), so it cannot say which base to trust. Ask the base for its key file (xueshi-cli export-public-key)."));
          return xs_cli_refuse (error);
        }
      keys = g_new0 (char *, 2);
      keys[0] = g_strdup (xs_package_get_base_key (package));
      if (name == NULL)
        name = g_strdup (xs_package_get_base_name (package));
    }
  else
    {
      if ((keys = xs_public_key_read_file (argv[1], &error)) == NULL)
        return xs_cli_refuse (error);
      if (name == NULL)
        return xs_cli_usage_error ("trust-base", _("Give the base’s name with --name TEXT."));
    }

  reviewer_dir = xs_reviewer_dir_resolve (globals->data_dir);
  for (guint i = 0; keys[i] != NULL; i++)
    if (!xs_trust_add_base (reviewer_dir, name, keys[i], &error))
      return xs_cli_refuse (error);
  shown = xs_cli_escape (name);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *fingerprint = xs_public_key_fingerprint (keys[i]);

      printf (_("Trusted “%s”, key %s.\n"), shown, fingerprint);
    }
  return XS_CLI_OK;
}

/* reviewer-key --------------------------------------------------------------- */

int
xs_cli_reviewer_key (const XsCliGlobals *globals,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autofree char *out = NULL;
  g_autofree char *reviewer_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *text = NULL;
  const char *action;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("export: write it to FILE instead of the terminal"), N_("FILE") },
    { NULL }
  };

  if (!xs_cli_parse ("reviewer-key", "create|show|export",
                     _("The reviewer’s own key, which signs the decisions files. Make it once with “create”, "
                       "then give the file “export --out FILE” writes to each base whose packages you review."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("reviewer-key", _("Say create, show or export."));
  action = argv[1];
  reviewer_dir = xs_reviewer_dir_resolve (globals->data_dir);
  path = xs_reviewer_key_path (reviewer_dir);

  if (g_str_equal (action, "create"))
    {
      gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

      if (!xs_signing_key_create_file (path, &error)
          || (key = xs_signing_key_open_file (path, &error)) == NULL)
        return xs_cli_refuse (error);
      fingerprint = xs_public_key_fingerprint (xs_signing_key_get_public_text (key));
      if (existed)
        printf (_("You already have a reviewer key, %s; it was kept.\n"), fingerprint);
      else
        printf (_("Made your reviewer key, %s.\n"), fingerprint);
      return XS_CLI_OK;
    }
  if (!g_str_equal (action, "show") && !g_str_equal (action, "export"))
    return xs_cli_usage_error ("reviewer-key", _("Say create, show or export."));
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (&error, XS_SIGNING_KEY_ERROR, XS_SIGNING_KEY_ERROR_MISSING,
                   _("You have no reviewer key yet. Make it with “xueshi-cli reviewer-key create”."));
      return xs_cli_refuse (error);
    }
  if ((key = xs_signing_key_open_file (path, &error)) == NULL)
    return xs_cli_refuse (error);
  fingerprint = xs_public_key_fingerprint (xs_signing_key_get_public_text (key));
  if (g_str_equal (action, "show"))
    {
      printf ("%s\n", xs_signing_key_get_public_text (key));
      printf (_("Fingerprint: %s\n"), fingerprint);
      return XS_CLI_OK;
    }
  text = g_strconcat (xs_signing_key_get_public_text (key), "\n", NULL);
  if (out == NULL)
    fputs (text, stdout);
  else if (!xs_output_write_file (out, text, strlen (text), XS_OUTPUT_PUBLIC, &error))
    return xs_cli_refuse (error);
  return XS_CLI_OK;
}

/* reviewers ------------------------------------------------------------------ */

static int
reviewers_add (XsDb        *db,
               const char  *name,
               const char  *side_text,
               const char  *key_file)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *fingerprint = NULL;
  XsReviewSide side;
  gint64 id;

  if (name == NULL || side_text == NULL || key_file == NULL)
    return xs_cli_usage_error ("reviewers", _("reviewers add needs --name N, --side hr|industry and the reviewer’s key file."));
  if (!xs_review_side_from_string (side_text, &side))
    return xs_cli_usage_error ("reviewers", _("--side is “hr” or “industry”."));
  if ((keys = xs_public_key_read_file (key_file, &error)) == NULL)
    return xs_cli_refuse (error);
  if ((id = xs_reviewers_add (db, name, side, keys[0], &error)) == 0)
    return xs_cli_refuse (error);
  fingerprint = xs_public_key_fingerprint (keys[0]);
  {
    g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    printf (_("Registered reviewer %s, key %s.\n"), number, fingerprint);
  }
  return XS_CLI_OK;
}

int
xs_cli_reviewers (const XsCliGlobals *globals,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *side = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("add: the reviewer’s name"), N_("TEXT") },
    { "side", 0, 0, G_OPTION_ARG_STRING, &side, N_("add: hr or industry"), "SIDE" },
    { NULL }
  };

  if (!xs_cli_parse ("reviewers", "list | add --name N --side hr|industry KEYFILE | remove ID",
                     _("The reviewers whose signed decisions this base accepts."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc < 2)
    return xs_cli_usage_error ("reviewers", _("Say list, add or remove."));
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;

  if (g_str_equal (argv[1], "add"))
    return argc == 3 ? reviewers_add (db, name, side, argv[2])
                     : xs_cli_usage_error ("reviewers", _("Give exactly one key file."));
  if (g_str_equal (argv[1], "remove"))
    {
      gint64 id;

      if (argc != 3 || !xs_cli_parse_id (argv[2], &id))
        return xs_cli_usage_error ("reviewers", _("Give the reviewer’s number, as “reviewers list” shows it."));
      if (!xs_reviewers_remove (db, id, &error))
        return xs_cli_refuse (error);
      printf (_("Removed reviewer %s; decisions already applied stay.\n"), argv[2]);
      return XS_CLI_OK;
    }
  if (g_str_equal (argv[1], "list") && argc == 2)
    {
      g_autoptr(GPtrArray) list = xs_reviewers_list (db, &error);

      if (list == NULL)
        return xs_cli_refuse (error);
      if (list->len == 0)
        printf ("%s\n", _("No reviewers are registered: every decisions file is refused."));
      for (guint i = 0; i < list->len; i++)
        {
          XsReviewer *r = g_ptr_array_index (list, i);
          g_autofree char *fingerprint = xs_public_key_fingerprint (r->public_key);
          g_autofree char *shown = xs_cli_escape (r->name);

          printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", r->id, shown, xs_review_side_to_string (r->side),
                  fingerprint);
        }
      return XS_CLI_OK;
    }
  return xs_cli_usage_error ("reviewers", _("Say list, add or remove."));
}

/* rotate-key ----------------------------------------------------------------- */

int
xs_cli_rotate_key (const XsCliGlobals *globals,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean yes = FALSE;
  GOptionEntry entries[] = {
    { "yes", 0, 0, G_OPTION_ARG_NONE, &yes, N_("Really make a new key"), NULL },
    { NULL }
  };

  if (!xs_cli_parse ("rotate-key", "",
                     _("Make a new signing key for this base. The old public keys are kept, so certificates "
                       "and packages signed before still verify; give reviewers the new key file "
                       "(export-public-key) and have them trust it."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 1)
    return xs_cli_usage_error ("rotate-key", _("Unexpected “%s”."), argv[1]);
  if (!yes)
    return xs_cli_usage_error ("rotate-key", _("Every reviewer will have to trust the new key. Add --yes to make it."));
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if (!xs_signing_key_rotate (xs_db_get_data_dir (db), &error)
      || (key = xs_signing_key_open (xs_db_get_data_dir (db), &error)) == NULL)
    return xs_cli_refuse (error);
  fingerprint = xs_public_key_fingerprint (xs_signing_key_get_public_text (key));
  printf (_("The base’s new key is %s. Archive the base now (xueshi-cli archive).\n"), fingerprint);
  return XS_CLI_OK;
}
