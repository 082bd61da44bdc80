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
GdkTexture *xs_texture_new_for_surface (cairo_surface_t *surface);

G_END_DECLS
