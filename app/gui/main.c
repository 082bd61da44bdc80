/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "xs-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(XsApplication) app = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* `meson devenv` points this at the build's translations. */
  localedir = g_getenv ("XUESHI_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GSettings aborts on a schema it cannot find: say what to do instead. */
  source = g_settings_schema_source_get_default ();
  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema == NULL)
    {
      fprintf (stderr, _("xueshi: the settings schema %s is not installed. Install Xueshi, or run it "
                         "from its build folder with “meson devenv -C build xueshi”.\n"), APP_ID);
      return 1;
    }

  app = xs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
