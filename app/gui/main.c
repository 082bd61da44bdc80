/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "xs-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(XsApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* `meson devenv` points this at the build's translations. */
  localedir = g_getenv ("XUESHI_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = xs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
