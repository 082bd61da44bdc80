/* xs-cli-import.c: import-roster and import-hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xs-class-store.h"
#include "xs-cli.h"
#include "xs-hours-import.h"
#include "xs-roster-import.h"

typedef struct
{
  char     *encoding;
  char     *class_code;
  gboolean  skip_invalid;
  gboolean  dry_run;
  gboolean  clear_empty;
  char    **files;
} ImportOptions;

/* What the import job reads: borrowed, the job is waited for. */
typedef struct
{
  const ImportOptions   *options;
  const XsTrainingClass *klass;
  XsImportFlags          flags;
  gboolean               hours;
} ImportInput;

static gboolean
import_file (XsJob         *job,
             XsDb          *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  const ImportInput *input = data;
  XsImportReport *report;

  if (input->hours)
    report = xs_hours_import (db, input->options->files[0], input->options->encoding, input->klass,
                              input->flags, cancellable, xs_job_progress_func, job, error);
  else
    report = xs_roster_import (db, input->options->files[0], input->options->encoding, input->flags,
                               cancellable, xs_job_progress_func, job, error);
  if (report == NULL)
    return FALSE;
  xs_job_set_result (job, report, g_object_unref);
  return TRUE;
}

static int
finish_import (XsImportReport      *report,
               const ImportOptions *options)
{
  g_autofree char *rejections = xs_import_report_format_rejections (report);
  g_autofree char *summary = xs_import_report_format_summary (report);

  xs_cli_put_lines (stderr, rejections);

  /* A dry run says what each row would change, field by field. */
  if (options->dry_run)
    {
      GPtrArray *rows = xs_import_report_get_rows (report);

      for (guint i = 0; i < rows->len; i++)
        {
          XsImportRow *row = g_ptr_array_index (rows, i);

          if (row->outcome == XS_ROW_UPDATED)
            {
              g_autofree char *line = g_strdup_printf ("%s:%u: %s", xs_import_report_get_file_name (report),
                                                       row->row, row->summary);

              xs_cli_put_lines (stdout, line);
            }
        }
      if (xs_import_report_get_count (report, XS_ROW_UPDATED) > XS_IMPORT_REPORT_MAX_KEPT)
        {
          guint more = xs_import_report_get_count (report, XS_ROW_UPDATED) - XS_IMPORT_REPORT_MAX_KEPT;
          g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s: and %u more row would change, not listed.",
                                                                "%s: and %u more rows would change, not listed.",
                                                                more),
                                                   xs_import_report_get_file_name (report), more);

          xs_cli_put_lines (stdout, line);
        }
    }
  xs_cli_put_lines (stdout, summary);
  if (xs_import_report_get_import_id (report) != 0)
    fprintf (stderr, _("This was import %lld; “xueshi-cli undo-import %lld” takes it back.\n"),
             (long long) xs_import_report_get_import_id (report),
             (long long) xs_import_report_get_import_id (report));

  if (xs_import_report_get_count (report, XS_ROW_REJECTED) == 0 || options->skip_invalid)
    return XS_CLI_OK;

  if (!options->dry_run)
    fprintf (stderr, "%s\n",
             _("Nothing was imported because of the rows above. Correct them, or import the valid rows with --skip-invalid."));
  return XS_CLI_REFUSED;
}

static int
run_import (const XsCliGlobals *globals,
            const char         *command,
            gboolean            hours,
            int                 argc,
            char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsImportReport) report = NULL;
  g_autoptr(XsTrainingClass) klass = NULL;
  g_autoptr(GError) error = NULL;
  ImportOptions options = { 0 };
  XsImportFlags flags = XS_IMPORT_DEFAULT;
  GOptionEntry entries[] = {
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &options.encoding,
      N_("Encoding of a CSV file (default: detect UTF-8 or GB18030)"), N_("NAME") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &options.skip_invalid,
      N_("Import the valid rows and report the others"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &options.dry_run,
      N_("Check every row but write nothing"), NULL },
    { "clear-empty", 0, 0, G_OPTION_ARG_NONE, &options.clear_empty,
      N_("Let an empty cell clear the stored value (by default it keeps it)"), NULL },
    { "class", 0, 0, G_OPTION_ARG_STRING, &options.class_code,
      N_("The training class the hours belong to (hours only)"), N_("CODE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, N_("FILE") },
    { NULL }
  };
  int status;

  if (!hours)
    entries[4] = entries[5], entries[5] = (GOptionEntry) { NULL };

  if (!xs_cli_parse (command, _("FILE"),
                     hours ? _("Record a batch submission of hours (基地统一申报). Columns: 身份证号, 姓名, 年度, 科目类别, 必修, 学时, 类型, 项目名称, 日期.")
                           : _("Add or update trainees. Columns: 姓名, 身份证号, 工作单位, and optionally 性别, 职称, 专业, 县区, 手机号."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;

  if (options.files == NULL || options.files[0] == NULL || options.files[1] != NULL)
    status = xs_cli_usage_error (command, _("Give exactly one file."));
  else if ((db = xs_cli_open_db (globals)) == NULL)
    status = XS_CLI_REFUSED;
  else if (options.class_code != NULL
           && (klass = xs_class_store_lookup (db, options.class_code, &error)) == NULL)
    status = xs_cli_refuse (error);
  else
    {
      ImportInput input = { &options, klass, XS_IMPORT_DEFAULT, hours };
      g_autoptr(XsJob) job = NULL;

      if (options.dry_run)
        flags |= XS_IMPORT_DRY_RUN;
      if (options.skip_invalid)
        flags |= XS_IMPORT_SKIP_INVALID;
      if (options.clear_empty)
        flags |= XS_IMPORT_CLEAR_EMPTY;
      input.flags = flags;
      job = xs_job_new (xs_db_get_data_dir (db), import_file, &input, NULL);

      if (xs_cli_run_job (job, hours ? _("Importing hours…") : _("Importing the roster…"), &error))
        report = xs_job_steal_result (job);

      status = report != NULL ? finish_import (report, &options) : xs_cli_refuse (error);
    }

  g_free (options.encoding);
  g_free (options.class_code);
  g_strfreev (options.files);
  return status;
}

int
xs_cli_import_roster (const XsCliGlobals *globals,
                      int                 argc,
                      char              **argv)
{
  return run_import (globals, "import-roster", FALSE, argc, argv);
}

int
xs_cli_import_hours (const XsCliGlobals *globals,
                     int                 argc,
                     char              **argv)
{
  return run_import (globals, "import-hours", TRUE, argc, argv);
}
