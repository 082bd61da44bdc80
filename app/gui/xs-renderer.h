/* xs-renderer.h: which of GTK's renderers draws the windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @gl_renderer, the GL_RENDERER string of a GL context, names one of
 * Mesa's software rasterizers (llvmpipe, softpipe, swrast). */
gboolean    xs_renderer_is_software_gl     (const char *gl_renderer);
/* The GL_RENDERER string of a GL context made on @display, or NULL (and
 * @error set) when GL cannot be used there. */
char       *xs_renderer_query_gl           (GdkDisplay *display,
                                            GError    **error);
/* Has @display's windows drawn with cairo when GL there is drawn in
 * software and the user has not chosen a renderer with GSK_RENDERER.
 * Once, before the first window is shown. Returns the renderer chosen
 * ("cairo"), or NULL when GTK's own choice stands. */
const char *xs_renderer_choose_for_display (GdkDisplay *display);

G_END_DECLS
