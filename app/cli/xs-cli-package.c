/* xs-cli-package.c: export (the submission package) and import-decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xs-base-profile.h"
#include "xs-cli.h"
#include "xs-package.h"

typedef struct
{
  const char           *base_name;
  const XsPackageQuery *query;
  const char           *out;
} ExportInput;

static gboolean
export_package (XsJob         *job,
                XsDb          *db,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  const ExportInput *input = data;
  g_autoptr(XsSigningKey) key = xs_signing_key_open (xs_job_get_data_dir (job), error);

  return key != NULL
         && xs_package_export (db, key, input->base_name, input->query, input->out,
                               xs_job_progress_func, job, cancellable, error);
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
}

int
xs_cli_export (const XsCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *class_code = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *out = NULL;
  g_autofree char *base_name = NULL;
  g_autofree char *digest = NULL;
  XsPackageQuery query = { 0 };
  ExportInput input = { 0 };
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year of the claims"), "Y" },
    { "class", 0, 0, G_OPTION_ARG_STRING, &class_code, N_("Only the claims of this training class"), "CODE" },
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer, N_("Only this employer’s staff"), "E" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The package to write (.zip)"), N_("FILE") },
    { "base-name", 0, 0, G_OPTION_ARG_STRING, &base_name, N_("The base’s name for this package (default: the base’s profile)"), N_("TEXT") },
    { NULL }
  };

  if (!xs_cli_parse ("export", "",
                     _("Write the submission package for the reviewers: the year’s submitted and decided "
                       "claims, roster.xlsx, hours.xlsx and the evidence, in one ZIP."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("export", _("Unexpected “%s”."), argv[1]);
  if (year_text == NULL)
    return xs_cli_usage_error ("export", _("Give the year with --year Y."));
  if (out == NULL)
    return xs_cli_usage_error ("export", _("Give the package to write with --out FILE.zip."));
  if (!xs_cli_parse_year (year_text, &query.year))
    return XS_CLI_USAGE;
  query.class_code = class_code;
  query.employer = employer;

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if (base_name == NULL)
    {
      g_autoptr(XsBaseProfile) profile = xs_base_profile_load (db, &error);

      if (profile == NULL)
        return xs_cli_refuse (error);
      base_name = g_strdup (xs_base_profile_get_name (profile));
    }
  input.base_name = base_name;
  input.query = &query;
  input.out = out;
  job = xs_job_new (xs_db_get_data_dir (db), export_package, &input, NULL);
  if (!xs_cli_run_job (job, _("Writing the package…"), &error))
    return xs_cli_refuse (error);

  /* reviewers can check what they received against this */
  digest = file_digest (out);
  printf (_("Wrote %s (SHA-256 %s).\n"), out, digest ? digest : "?");
  return XS_CLI_OK;
}

int
xs_cli_import_decisions (const XsCliGlobals *globals,
                         int                 argc,
                         char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsSigningKey) key = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rejections = NULL;
  g_auto(GStrv) files = NULL;
  gboolean skip_invalid = FALSE;
  gboolean dry_run = FALSE;
  XsImportFlags flags = XS_IMPORT_DEFAULT;
  guint applied, refused;
  GOptionEntry entries[] = {
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Apply the valid decisions and report the others"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check every decision but write nothing"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };

  if (!xs_cli_parse ("import-decisions", _("FILE"),
                     _("Apply a reviewer’s decisions file (JSON) to the claims of a package this base sent. "
                       "Refused decisions are listed as FILE:N: REFERENCE: reason, N counting the "
                       "decisions from 1."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    return xs_cli_usage_error ("import-decisions", _("Give exactly one file."));
  if (dry_run)
    flags |= XS_IMPORT_DRY_RUN;
  if (skip_invalid)
    flags |= XS_IMPORT_SKIP_INVALID;

  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((key = xs_signing_key_open (xs_db_get_data_dir (db), &error)) == NULL)
    return xs_cli_refuse (error);
  if (dry_run)
    {
      /* what the window's Import Decisions… shows first */
      g_autoptr(XsDecisionsPreview) preview = xs_decisions_preview (db, key, files[0], &error);

      if (preview == NULL)
        return xs_cli_refuse (error);
      if (preview->imported_at != NULL)
        fprintf (stderr, _("%s was applied already, at %s (UTC).\n"), files[0], preview->imported_at);
      report = g_object_ref (preview->report);
    }
  else
    report = xs_decisions_import (db, key, files[0], flags, &error);
  if (report == NULL)
    return xs_cli_refuse (error);

  rejections = xs_import_report_format_rejections (report);
  xs_cli_put_lines (stderr, rejections);
  applied = (xs_import_report_get_committed (report) || dry_run)
            ? xs_import_report_get_count (report, XS_ROW_UPDATED) : 0;
  refused = xs_import_report_get_count (report, XS_ROW_REJECTED);
  /* The summary line is read by scripts: keep it untranslated. */
  printf ("applied %u, refused %u%s\n", applied, refused,
          dry_run ? " (dry run: nothing written)" : "");

  if (refused == 0 || skip_invalid)
    return XS_CLI_OK;
  if (!dry_run)
    fprintf (stderr, "%s\n",
             _("No decision was applied because of the rows above. Correct them, or apply the valid ones with --skip-invalid."));
  return XS_CLI_REFUSED;
}
