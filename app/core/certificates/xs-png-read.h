/* xs-png-read.h: a PNG held in memory as a cairo image surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The PNG in @png decoded by cairo. Like cairo's own readers it always
 * returns a surface: check cairo_surface_status(), and destroy it either
 * way. */
cairo_surface_t *_xs_png_read (GBytes *png);

G_END_DECLS
