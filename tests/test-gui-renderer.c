/* test-gui-renderer.c: the windows are drawn with cairo where GL is software
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "xs-application.h"
#include "xs-gui-test-util.h"
#include "xs-renderer.h"

static void
test_software_names (void)
{
  /* GL_RENDERER strings as Mesa and the drivers give them */
  g_assert_true (xs_renderer_is_software_gl ("llvmpipe (LLVM 15.0.6, 256 bits)"));
  g_assert_true (xs_renderer_is_software_gl ("softpipe"));
  g_assert_true (xs_renderer_is_software_gl ("Mesa DRI swrast"));
  g_assert_true (xs_renderer_is_software_gl ("Software Rasterizer"));

  g_assert_false (xs_renderer_is_software_gl ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
  g_assert_false (xs_renderer_is_software_gl ("AMD Radeon RX 5500 XT (navi14, LLVM 15.0.7, DRM 3.52, 6.3.9-arch1-1)"));
  g_assert_false (xs_renderer_is_software_gl ("NVIDIA GeForce GTX 1050/PCIe/SSE2"));
  g_assert_false (xs_renderer_is_software_gl ("virgl (Intel(R) HD Graphics 530)"));
  g_assert_false (xs_renderer_is_software_gl (""));
  g_assert_false (xs_renderer_is_software_gl (NULL));
}

/* The renderer GTK takes for a window on @display with nothing chosen:
 * cairo without GL, and GL with a driver's GL. */
static gboolean
expect_cairo (GdkDisplay *display,
              char      **gl)
{
  g_autoptr(GError) error = NULL;

  *gl = xs_renderer_query_gl (display, &error);
  if (*gl == NULL)
    g_test_message ("no GL: %s", error->message);
  else
    g_test_message ("GL_RENDERER: %s", *gl);
  return *gl == NULL || xs_renderer_is_software_gl (*gl);
}

/* The application's windows, on the default display. */
static void
test_window (void)
{
  g_autofree char *gl = NULL;
  XsApplication *app;
  GtkWindow *window;
  const char *type;
  gboolean cairo;

  if (g_getenv ("GSK_RENDERER") != NULL)
    {
      g_test_skip ("GSK_RENDERER is set: the user's choice, not the application's");
      return;
    }

  app = xs_gui_test_start_app ();
  cairo = expect_cairo (gdk_display_get_default (), &gl);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_application (window, GTK_APPLICATION (app));
  gtk_window_present (window);
  xs_gui_test_wait_for_draw (GTK_WIDGET (window));

  type = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  g_test_message ("renderer: %s", type);
  if (cairo)
    g_assert_cmpstr (type, ==, "GskCairoRenderer");
  else
    g_assert_cmpstr (type, !=, "GskCairoRenderer");

  gtk_window_destroy (window);
  xs_gui_test_stop_app (app);
}

/* GSK_RENDERER is the user's, and always wins; on a display of its own, so
 * that the default display's choice is not touched. */
static void
test_user_choice_wins (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("GSK_RENDERER"));
  g_autofree char *gl = NULL;
  GdkDisplay *display = gdk_display_open (gdk_display_get_name (gdk_display_get_default ()));
  gboolean cairo;

  g_assert_nonnull (display);
  cairo = expect_cairo (display, &gl);

  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_null (xs_renderer_choose_for_display (display));
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));

  g_unsetenv ("GSK_RENDERER");
  if (cairo && gl != NULL)
    {
      /* software GL: cairo, for this display only */
      g_assert_cmpstr (xs_renderer_choose_for_display (display), ==, "cairo");
      g_assert_cmpstr (g_object_get_data (G_OBJECT (display), "gsk-renderer"), ==, "cairo");
    }
  else
    {
      /* no GL (GTK takes cairo by itself) or a driver's GL: GTK's choice */
      g_assert_null (xs_renderer_choose_for_display (display));
      g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));
    }

  if (saved != NULL)
    g_setenv ("GSK_RENDERER", saved, TRUE);
  gdk_display_close (display);
}

int
main (int    argc,
      char **argv)
{
  xs_gui_test_init (&argc, &argv);

  g_test_add_func ("/renderer/software-names", test_software_names);
  g_test_add_func ("/renderer/window", test_window);
  g_test_add_func ("/renderer/user-choice-wins", test_user_choice_wins);

  return xs_gui_test_run ();
}
