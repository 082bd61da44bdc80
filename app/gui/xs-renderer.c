/* xs-renderer.c
 *
 * GTK 4.8 draws with GL whenever it can make a GL context, even when that
 * context is Mesa drawing in software: an office computer without a
 * graphics driver, a virtual desktop, a remote session. There, on the same
 * processor, its GL renderer keeps about 100 MB more and takes three times
 * as long to draw the trainees list as its cairo renderer (figures in
 * tests/bench/README.md). Newer GTKs pass over llvmpipe too, where they
 * have another renderer to take. So here the windows are drawn with cairo
 * when GL is software, unless the user set GSK_RENDERER, which always wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-renderer"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "xs-renderer.h"

gboolean
xs_renderer_is_software_gl (const char *gl_renderer)
{
  static const char *const software[] = { "llvmpipe", "softpipe", "swrast", "Software Rasterizer" };

  if (gl_renderer == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (gl_renderer, software[i]) != NULL)
      return TRUE;
  return FALSE;
}

char *
xs_renderer_query_gl (GdkDisplay *display,
                      GError    **error)
{
  g_autoptr(GdkGLContext) context = NULL;
  const char *name;
  char *result;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!gdk_display_prepare_gl (display, error))
    return NULL;
  context = gdk_display_create_gl_context (display, error);
  if (context == NULL || !gdk_gl_context_realize (context, error))
    return NULL;

  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  result = g_strdup (name != NULL ? name : "");
  gdk_gl_context_clear_current ();
  return result;
}

const char *
xs_renderer_choose_for_display (GdkDisplay *display)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gl = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;

  gl = xs_renderer_query_gl (display, &error);
  if (gl == NULL)
    {
      /* GTK finds the same and draws with cairo by itself */
      g_debug ("No GL: %s", error->message);
      return NULL;
    }
  if (!xs_renderer_is_software_gl (gl))
    {
      g_debug ("GL is %s: GTK's choice stands", gl);
      return NULL;
    }

  /* GTK's renderer selection reads the display's "gsk-renderer" before
   * GSK_RENDERER (the inspector sets its own display's renderer so). */
  g_debug ("GL is %s, drawn in software: drawing with cairo", gl);
  g_object_set_qdata (G_OBJECT (display), g_quark_from_static_string ("gsk-renderer"), (gpointer) "cairo");
  return "cairo";
}
