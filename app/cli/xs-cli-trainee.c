/* xs-cli-trainee.c: trainee add
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xs-cli.h"
#include "xs-id-number.h"
#include "xs-roster-add.h"

#define TRAINEE_ADD_SUMMARY N_("Add one trainee to the roster, checked as a roster row; “undo-import” takes it back.")

static int
trainee_add (const XsCliGlobals *globals,
             int                 argc,
             char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *sex = NULL;
  g_autofree char *title = NULL;
  g_autofree char *specialty = NULL;
  g_autofree char *county = NULL;
  g_autofree char *phone = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name (姓名)"), N_("NAME") },
    { "id-number", 0, 0, G_OPTION_ARG_STRING, &id_number, N_("Identity number (身份证号)"), N_("NUMBER") },
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer, N_("Employer (工作单位)"), N_("TEXT") },
    { "sex", 0, 0, G_OPTION_ARG_STRING, &sex, N_("Sex (男 or 女); else from the identity number"), N_("SEX") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Professional title (职称)"), N_("TEXT") },
    { "specialty", 0, 0, G_OPTION_ARG_STRING, &specialty, N_("Specialty (专业)"), N_("TEXT") },
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, N_("County (县区)"), N_("TEXT") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number (手机号)"), N_("NUMBER") },
    { NULL }
  };
  XsRosterEntry entry = { 0 };
  g_autofree char *masked = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *shown = NULL;
  gint64 import_id;

  if (!xs_cli_parse ("trainee add", NULL,
                     _(TRAINEE_ADD_SUMMARY),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("trainee add", _("Unexpected argument “%s”."), argv[1]);
  if (name == NULL || id_number == NULL || employer == NULL)
    return xs_cli_usage_error ("trainee add", _("--name, --id-number and --employer are required."));

  entry.name = name;
  entry.id_number = id_number;
  entry.employer = employer;
  entry.sex = sex;
  entry.title = title;
  entry.specialty = specialty;
  entry.county = county;
  entry.phone = phone;

  db = xs_cli_open_db (globals);
  if (db == NULL)
    return XS_CLI_REFUSED;
  import_id = xs_roster_add (db, &entry, NULL, &error);
  if (import_id == 0)
    return xs_cli_refuse (error);

  normalized = xs_id_number_normalize (id_number, NULL);
  masked = normalized != NULL ? xs_id_number_mask (normalized) : g_strdup ("");
  shown = xs_cli_escape (name);
  /* Translators: a name, a masked identity number, then the import's number twice */
  printf (_("Added %s %s to the roster as import %lld; “xueshi-cli undo-import %lld” takes it back.\n"),
          shown, masked, (long long) import_id, (long long) import_id);
  return XS_CLI_OK;
}

int
xs_cli_trainee (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  static const XsCliSubcommand subcommands[] = {
    { "add", "--name NAME --id-number NUMBER --employer TEXT", trainee_add, TRAINEE_ADD_SUMMARY },
  };

  return xs_cli_run_subcommand (globals, "trainee", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
