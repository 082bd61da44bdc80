/* xs-cli-util.c: what the commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <unistd.h>

#include "xs-backup.h"
#include "xs-db-backup.h"
#include "xs-cli.h"
#include "xs-date.h"
#include "xs-safe-text.h"
#include "xs-job.h"

int
xs_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  shown = xs_cli_escape (message);

  fprintf (stderr, "xueshi-cli: %s\n", shown);
  if (command != NULL)
    fprintf (stderr, _("Run “xueshi-cli %s --help” for its options.\n"), command);
  else
    fprintf (stderr, "%s\n", _("Run “xueshi-cli --help” for the commands."));
  return XS_CLI_USAGE;
}

static void
print_subcommands (FILE                  *out,
                   const char            *group,
                   const XsCliSubcommand *subcommands,
                   gsize                  n_subcommands)
{
  fprintf (out, _("Usage: xueshi-cli [--data-dir DIR] %s COMMAND [OPTIONS…]\n"), group);
  fprintf (out, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < n_subcommands; i++)
    {
      g_autofree char *usage = NULL;

      usage = g_strjoin (" ", group, subcommands[i].name,
                         subcommands[i].parameters != NULL ? _(subcommands[i].parameters) : NULL,
                         NULL);
      fprintf (out, "  %s\n      %s\n", usage, _(subcommands[i].summary));
    }
  fprintf (out, "\n");
  fprintf (out, _("Run “xueshi-cli %s COMMAND --help” for a command’s options.\n"), group);
}

int
xs_cli_run_subcommand (const XsCliGlobals    *globals,
                       const char            *group,
                       const XsCliSubcommand *subcommands,
                       gsize                  n_subcommands,
                       int                    argc,
                       char                 **argv)
{
  g_autofree char *shown = NULL;

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      print_subcommands (stdout, group, subcommands, n_subcommands);
      return XS_CLI_OK;
    }
  for (gsize i = 0; argc >= 2 && i < n_subcommands; i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].func (globals, argc - 1, argv + 1);

  if (argc < 2)
    fprintf (stderr, _("xueshi-cli: “%s” needs a command.\n"), group);
  else
    {
      shown = xs_cli_escape (argv[1]);
      fprintf (stderr, _("xueshi-cli: “%s” has no command “%s”.\n"), group, shown);
    }
  print_subcommands (stderr, group, subcommands, n_subcommands);
  return XS_CLI_USAGE;
}

int
xs_cli_refuse (const GError *error)
{
  g_autofree char *message = xs_cli_escape (error->message);

  fprintf (stderr, "xueshi-cli: %s\n", message);
  return XS_CLI_REFUSED;
}

XsDb *
xs_cli_open_db (const XsCliGlobals *globals)
{
  g_autoptr(GError) error = NULL;
  XsDb *db = xs_db_open (globals->data_dir, &error);

  if (db == NULL)
    {
      xs_cli_refuse (error);
      return NULL;
    }
  /* A failed backup is worth a word, not a refusal. */
  if (!xs_backup_daily (db, &error))
    fprintf (stderr, _("xueshi-cli: warning: today’s backup could not be made: %s\n"),
             error->message);
  return db;
}

gboolean
xs_cli_parse (const char     *command,
              const char     *parameters,
              const char     *summary,
              GOptionEntry   *entries,
              int            *argc,
              char         ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *full = g_strdup_printf ("%s %s", command, parameters ? parameters : "");

  context = g_option_context_new (full);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, FALSE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      xs_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

void
xs_cli_progress_cb (double   fraction,
                    gpointer user_data)
{
  const char *what = user_data;

  if (!isatty (STDERR_FILENO))
    return;
  fprintf (stderr, "\r%s %3d%%", what, (int) (fraction * 100 + 0.5));
  if (fraction >= 1.0)
    fputs ("\r\033[K", stderr);
  fflush (stderr);
}

static void
on_job_progress (XsJob      *job,
                 GParamSpec *pspec,
                 const char *what)
{
  g_autofree char *text = xs_job_dup_text (job);

  xs_cli_progress_cb (xs_job_get_fraction (job), text != NULL ? text : (gpointer) what);
}

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

gboolean
xs_cli_run_job (XsJob       *job,
                const char  *what,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gulong handler;

  g_return_val_if_fail (XS_IS_JOB (job), FALSE);

  handler = g_signal_connect (job, "notify::fraction", G_CALLBACK (on_job_progress), (gpointer) what);
  xs_job_run_async (job, NULL, on_job_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  /* the last progress line */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_handler_disconnect (job, handler);
  return xs_job_run_finish (job, result, error);
}

/* The terminal columns @c takes: CJK two, combining marks none. */
static int
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

static int
display_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

char *
xs_cli_escape (const char *text)
{
  return text != NULL ? xs_safe_text_for_terminal (text) : g_strdup ("");
}

void
xs_cli_put_lines (FILE       *stream,
                  const char *text)
{
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (stream != NULL);

  if (text == NULL || *text == '\0')
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = xs_cli_escape (lines[i]);

      /* the text's own last line break makes no empty line */
      if (lines[i + 1] == NULL && *lines[i] == '\0')
        break;
      fprintf (stream, "%s\n", line);
    }
}

/* @text cut to at most @width terminal columns, then "…". */
static char *
cut_to_width (const char *text,
              int         width)
{
  const char *p = text;
  int used = 0;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      int w = char_width (g_utf8_get_char (p));

      if (used + w > width - 1)
        break;
      used += w;
    }
  return g_strdup_printf ("%.*s…", (int) (p - text), text);
}

void
xs_cli_append_padded (GString    *out,
                      const char *raw,
                      int         width,
                      gboolean    right)
{
  g_autofree char *text = xs_cli_escape (raw);
  int pad;

  if (width > 0 && display_width (text) > width)
    {
      char *cut = cut_to_width (text, width);

      g_free (text);
      text = cut;
    }
  pad = MAX (0, width - display_width (text));

  if (right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

int
xs_cli_text_width (const char *text)
{
  g_autofree char *shown = xs_cli_escape (text);

  return display_width (shown);
}

gboolean
xs_cli_parse_year (const char *text,
                   int        *year)
{
  g_autoptr(GError) error = NULL;

  if (!xs_year_parse (text, year, &error))
    {
      xs_cli_usage_error (NULL, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
xs_cli_parse_id (const char *text,
                 gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      xs_cli_usage_error (NULL, _("“%s” is not a claim number."), text);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}
