/* xueshi-cli.c: the headless front end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "xs-cli.h"

typedef struct
{
  const char       *name;
  XsCliCommandFunc  func;
  const char       *summary;
} Command;

static const Command commands[] = {
  { "import-roster", xs_cli_import_roster, N_("Add or update trainees from a roster (CSV or XLSX)") },
  { "import-hours", xs_cli_import_hours, N_("Record a batch submission of hours (CSV or XLSX)") },
  { "imports", xs_cli_imports, N_("List the imports with their numbers") },
  { "undo-import", xs_cli_undo_import, N_("Take back everything an import wrote") },
  { "trainee", xs_cli_trainee, N_("Add one trainee to the roster by hand") },
  { "claim", xs_cli_claim, N_("Add, attach evidence to, submit and show claims") },
  { "scanners", xs_cli_scanners, N_("List the scanners this computer can use") },
  { "recognise", xs_cli_recognise, N_("Read the text of a scan and what it says") },
  { "review", xs_cli_review, N_("Approve or reject submitted claims") },
  { "export", xs_cli_export, N_("Write the submission package for the reviewers (ZIP)") },
  { "import-decisions", xs_cli_import_decisions, N_("Apply a reviewer’s decisions file to the claims") },
  { "history", xs_cli_history, N_("Show what was done to a trainee’s records") },
  { "progress", xs_cli_progress, N_("Show each trainee’s hours toward the year’s requirement") },
  { "at-risk", xs_cli_at_risk, N_("List trainees who will not reach the year’s requirement at their pace") },
  { "stats", xs_cli_stats, N_("Count trainees per employer or county, or export the counts to XLSX") },
  { "rules", xs_cli_rules, N_("Show the rule set that applies to a year") },
  { "check", xs_cli_check, N_("Check the database and every evidence file") },
  { "backup", xs_cli_backup, N_("Copy the database into the backups folder or to a file") },
  { "backups", xs_cli_backups, N_("List the backups of the database") },
  { "restore", xs_cli_restore, N_("Replace the database by a backup") },
  { "archive", xs_cli_archive, N_("Write the whole base to one file encrypted with a passphrase") },
  { "restore-archive", xs_cli_restore_archive, N_("Give back a whole base from its archive") },
  { "certificates", xs_cli_certificates, N_("Issue certificates and write them to one PDF") },
  { "reprint", xs_cli_reprint, N_("Write an issued certificate again, byte for byte") },
  { "revoke", xs_cli_revoke, N_("Record that a certificate no longer stands") },
  { "verify", xs_cli_verify, N_("Check a certificate’s QR code") },
  { "revocations", xs_cli_revocations, N_("Write the signed list of revoked certificates") },
  { "export-public-key", xs_cli_export_public_key, N_("Write the keys that check this base’s certificates and packages") },
  { "rotate-key", xs_cli_rotate_key, N_("Make a new signing key, keeping the old public keys") },
  { "reviewers", xs_cli_reviewers, N_("Register the reviewers whose signed decisions this base accepts") },
  { "reviewer-key", xs_cli_reviewer_key, N_("Make, show or export your own key as a reviewer") },
  { "trust-base", xs_cli_trust_base, N_("As a reviewer, trust a base’s key once") },
  { "base", xs_cli_base, N_("Show or change the base’s name, issuer, seal and certificate choices") },
  { "templates", xs_cli_templates, N_("List, add or remove certificate templates for pre-printed paper") },
  { "demo", xs_cli_demo, N_("Fill an empty database with a demo base") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: xueshi-cli [--data-dir DIR] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-18s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("The database lives in --data-dir, else $XUESHI_DATA_DIR, else ~/.local/share/xueshi."));
  fprintf (out, "%s\n", _("Run “xueshi-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  XsCliGlobals globals = { NULL };
  const char *localedir;
  int i;

  setlocale (LC_ALL, "");
  /* `meson devenv` points this at the build's translations. */
  localedir = g_getenv ("XUESHI_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("xueshi-cli");

  /* Global options come before the command. */
  for (i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--data-dir"))
        {
          if (i + 1 >= argc)
            return xs_cli_usage_error (NULL, _("--data-dir needs a folder"));
          globals.data_dir = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--data-dir="))
        globals.data_dir = argv[i] + strlen ("--data-dir=");
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_usage (stdout);
          return XS_CLI_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("xueshi-cli %s\n", PACKAGE_VERSION);
          return XS_CLI_OK;
        }
      else
        break;
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return XS_CLI_USAGE;
    }

  for (gsize c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].func (&globals, argc - i, argv + i);

  return xs_cli_usage_error (NULL, _("Unknown command “%s”."), argv[i]);
}
