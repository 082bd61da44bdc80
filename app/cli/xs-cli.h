/* xs-cli.h: the commands of xueshi-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <stdio.h>

#include "xs-recognition.h"
#include "xs-db.h"
#include "xs-job.h"

G_BEGIN_DECLS

/* Exit statuses */
enum
{
  XS_CLI_OK = 0,
  XS_CLI_REFUSED = 1,   /* nothing changed */
  XS_CLI_USAGE = 2,
  XS_CLI_REVOKED = 3,   /* verify: genuine, but revoked */
};

typedef struct
{
  const char *data_dir;   /* --data-dir, or NULL */
} XsCliGlobals;

typedef int (*XsCliCommandFunc) (const XsCliGlobals *globals,
                                 int                 argc,
                                 char              **argv);

int   xs_cli_import_roster   (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_import_hours    (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_imports         (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_undo_import     (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_claim           (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_trainee         (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_review          (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_history         (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_progress        (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_rules           (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_check           (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_at_risk         (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_stats           (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_base            (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_templates       (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_demo            (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_certificates    (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_reprint         (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_revoke          (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_verify          (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_revocations     (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_export_public_key (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_backup          (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_backups         (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_restore         (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_archive         (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_restore_archive (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_export          (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_import_decisions (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_trust_base      (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_reviewer_key    (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_reviewers       (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_rotate_key      (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_claim_scan      (const XsCliGlobals *globals, int argc, char **argv);
#define XS_CLI_CLAIM_SCAN_SUMMARY N_("Scan pages into one PDF and attach it to a claim.")
int   xs_cli_scanners        (const XsCliGlobals *globals, int argc, char **argv);
int   xs_cli_recognise       (const XsCliGlobals *globals, int argc, char **argv);

/* Shared helpers */
/* Opens the database (printing why not) and makes the day's first backup. */
XsDb *xs_cli_open_db         (const XsCliGlobals *globals);
/* Parses @entries for a command; prints the problem and returns FALSE on a
 * usage error. */
gboolean xs_cli_parse        (const char         *command,
                              const char         *parameters,
                              const char         *summary,
                              GOptionEntry       *entries,
                              int                *argc,
                              char             ***argv);
/* One command of a group ("claim add"): its words after the group's name,
 * what it takes (shown in the group's --help), its function and a summary
 * (N_(), translated when shown). */
typedef struct
{
  const char       *name;
  const char       *parameters;
  XsCliCommandFunc  func;
  const char       *summary;
} XsCliSubcommand;

/* Runs the command of @group that argv[1] names, with argv[1] as its
 * argv[0]. "--help" lists the group's commands on stdout; a missing or
 * unknown command lists them on stderr and returns XS_CLI_USAGE. */
int   xs_cli_run_subcommand  (const XsCliGlobals    *globals,
                              const char            *group,
                              const XsCliSubcommand *subcommands,
                              gsize                  n_subcommands,
                              int                    argc,
                              char                 **argv);
int   xs_cli_usage_error     (const char         *command,
                              const char         *format,
                              ...) G_GNUC_PRINTF (2, 3);
/* Prints "xueshi-cli: message" on stderr and returns XS_CLI_REFUSED. */
int   xs_cli_refuse          (const GError       *error);
/* A progress line on stderr when it is a terminal. */
void  xs_cli_progress_cb     (double              fraction,
                              gpointer            user_data);
/* Runs @job in its worker and waits for it, with a progress line headed
 * @what (or the job's progress text) on stderr when it is a terminal. */
gboolean xs_cli_run_job      (XsJob              *job,
                              const char         *what,
                              GError            **error);
/* Text escaped (xs_cli_escape()) and padded with spaces to @width terminal
 * columns (CJK counts double); cut to @width with "…" when it is wider and
 * @width is not 0 (the last column), so that the columns stay aligned. */
void  xs_cli_append_padded   (GString            *out,
                              const char         *text,
                              int                 width,
                              gboolean            right);
/* The widest a table's names and employers are shown (terminal columns):
 * ten and twenty Chinese characters. */
#define XS_CLI_NAME_COLUMNS 20
#define XS_CLI_EMPLOYER_COLUMNS 40

/* The terminal columns @text takes once escaped. */
int   xs_cli_text_width      (const char         *text);
/* @text with control characters and direction overrides escaped
 * (xs_safe_text_for_terminal()); "" for NULL. */
char *xs_cli_escape          (const char         *text);
/* Writes @text to @stream a line at a time, each line escaped. */
void  xs_cli_put_lines       (FILE               *stream,
                              const char         *text);
gboolean xs_cli_parse_year   (const char         *text,
                              int                *year);
gboolean xs_cli_parse_id     (const char         *text,
                              gint64             *id);

/* What a scan says (xs-cli-scan.c), on stderr: the identity numbers (a
 * warning for one that is not @trainee_id_number's), names, dates, hours
 * and title found. */
void xs_cli_print_findings (const XsRecognition *found,
                            const char          *trainee_id_number);

G_END_DECLS
