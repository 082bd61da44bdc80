/* xs-cli-templates.c: templates list|add|remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xueshi-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xs-base-profile.h"
#include "xs-certificate-templates.h"
#include "xs-cli.h"

static GOptionEntry no_options[] = { { NULL } };

#define TEMPLATES_LIST_SUMMARY N_("List the certificate templates: the built-in designs and the base’s own.")
#define TEMPLATES_ADD_SUMMARY N_("Check a template file (JSON: where each field goes on pre-printed paper, in mm) and keep it with the base’s data.")
#define TEMPLATES_REMOVE_SUMMARY N_("Remove one of the base’s templates; certificates issued with it keep their copy.")

static int
templates_list (const XsCliGlobals *globals,
                int                 argc,
                char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsBaseProfile) profile = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;

  if (!xs_cli_parse ("templates list", "", _(TEMPLATES_LIST_SUMMARY),
                     no_options, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc > 1)
    return xs_cli_usage_error ("templates list", _("Unexpected “%s”."), argv[1]);
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((profile = xs_base_profile_load (db, &error)) == NULL
      || (templates = xs_certificate_templates_list (db, &error)) == NULL)
    return xs_cli_refuse (error);

  for (guint i = 0; i < templates->len; i++)
    {
      XsCertificateTemplate *template = g_ptr_array_index (templates, i);
      const char *name = xs_certificate_template_get_name (template);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autofree char *title = xs_cli_escape (xs_certificate_template_get_title (template));
      double width, height;

      xs_certificate_template_get_page_size (template, &width, &height);
      xs_cli_append_padded (line, name, 16, FALSE);
      g_string_append_printf (line, " %-7s %3.0f × %3.0f mm  ",
                              xs_certificate_template_is_fixed (template) ? "fixed" : "flow",
                              width * 25.4 / 72, height * 25.4 / 72);
      g_string_append (line, title);
      if (g_str_equal (xs_base_profile_get_kind_template (profile, XS_CERTIFICATE_ANNUAL), name))
        g_string_append_printf (line, "  [%s]", _("annual certificates"));
      if (g_str_equal (xs_base_profile_get_kind_template (profile, XS_CERTIFICATE_COMPLETION), name))
        g_string_append_printf (line, "  [%s]", _("completion certificates"));
      printf ("%s\n", line->str);
    }
  return XS_CLI_OK;
}

static int
templates_add (const XsCliGlobals *globals,
               int                 argc,
               char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsCertificateTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  if (!xs_cli_parse ("templates add", _("FILE"),
                     _(TEMPLATES_ADD_SUMMARY),
                     no_options, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("templates add", _("Give one template file."));
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if ((template = xs_certificate_templates_add (db, argv[1], &error)) == NULL)
    return xs_cli_refuse (error);
  printf (_("Added the template “%s”. Choose it with “xueshi-cli base set --annual-template %s” or in Preferences.\n"),
          xs_certificate_template_get_name (template), xs_certificate_template_get_name (template));
  return XS_CLI_OK;
}

static int
templates_remove (const XsCliGlobals *globals,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(XsDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!xs_cli_parse ("templates remove", _("NAME"),
                     _(TEMPLATES_REMOVE_SUMMARY),
                     no_options, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("templates remove", _("Give the name of one template."));
  if ((db = xs_cli_open_db (globals)) == NULL)
    return XS_CLI_REFUSED;
  if (!xs_certificate_templates_remove (db, argv[1], &error))
    return xs_cli_refuse (error);
  printf (_("Removed the template “%s”.\n"), argv[1]);
  return XS_CLI_OK;
}

int
xs_cli_templates (const XsCliGlobals *globals,
                  int                 argc,
                  char              **argv)
{
  static const XsCliSubcommand subcommands[] = {
    { "list", NULL, templates_list, TEMPLATES_LIST_SUMMARY },
    { "add", N_("FILE"), templates_add, TEMPLATES_ADD_SUMMARY },
    { "remove", N_("NAME"), templates_remove, TEMPLATES_REMOVE_SUMMARY },
  };

  return xs_cli_run_subcommand (globals, "templates", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
