/* xs-cli-recognise.c: recognise
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "xs-cli.h"
#include "xs-date.h"
#include "xs-id-number.h"
#include "xs-recognise.h"

static void
print_list (const char   *label,
            char * const *values,
            gboolean      mask)
{
  printf ("%s:", label);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *masked = mask ? xs_id_number_mask (values[i]) : NULL;

      printf ("%s%s", i == 0 ? " " : ", ", masked ? masked : values[i]);
    }
  printf ("\n");
}

int
xs_cli_recognise (const XsCliGlobals *globals,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(XsRecognition) recognition = NULL;
  g_autofree char *format = NULL;
  g_autofree char *name = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), N_("FORMAT") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The trainee's name, looked for on the page"), N_("NAME") },
    { NULL }
  };

  if (!xs_cli_parse ("recognise", _("FILE"),
                     _("Read a scan (PDF, JPEG, PNG) and print the identity numbers, names, dates, "
                       "hours, title and kind of material found on it."),
                     entries, &argc, &argv))
    return XS_CLI_USAGE;
  if (argc != 2)
    return xs_cli_usage_error ("recognise", _("Give one file."));
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    return xs_cli_usage_error ("recognise", _("The format is “text” or “json”."));

  recognition = xs_recognise_file (argv[1], name, NULL, &error);
  if (recognition == NULL)
    return xs_cli_refuse (error);

  if (format != NULL && g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = xs_recognition_to_json (recognition);
      g_autofree char *text = json_to_string (node, TRUE);

      printf ("%s\n", text);
      return XS_CLI_OK;
    }

  /* Identity numbers are masked on the terminal; --format json gives them
   * whole for programs. */
  print_list (_("Identity numbers"), recognition->id_numbers, TRUE);
  print_list (_("Names"), recognition->names, FALSE);
  print_list (_("Dates"), recognition->dates, FALSE);
  printf ("%s:", _("Hours"));
  for (guint i = 0; i < recognition->n_hours; i++)
    {
      g_autofree char *hours = xs_hours_format (recognition->hours[i]);

      printf ("%s%s", i == 0 ? " " : ", ", hours);
    }
  printf ("\n%s: %s\n", _("Title"), recognition->title ? recognition->title : "");
  if (recognition->material != NULL)
    printf ("%s: %s (%s, %.0f%%)\n", _("Material"), recognition->material,
            xs_recognition_material_name (recognition->material),
            recognition->material_confidence * 100);
  else
    printf ("%s:\n", _("Material"));
  printf ("\n%s\n", recognition->text);
  return XS_CLI_OK;
}
