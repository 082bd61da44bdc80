/* xs-texture.h: cairo drawings on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A texture showing @surface (an ARGB32 image surface, as workers draw
 * them), sharing its pixels instead of copying them; the texture keeps
 * the surface alive. */
GdkTexture *xs_texture_new_for_surface        (cairo_surface_t *surface);

/* A texture of @surface's colours without their alpha, for a drawing that
 * covers every pixel (a page rendered on white paper). It takes a quarter
 * less memory, and GTK 4.8's cairo renderer draws it several times faster:
 * a premultiplied texture it converts pixel by pixel through floats when
 * it draws it. The pixels are copied: @surface may be freed. */
GdkTexture *xs_texture_new_for_opaque_surface (cairo_surface_t *surface);

G_END_DECLS
