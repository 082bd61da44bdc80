/* xs-accessible-later.h: accessible properties set after the frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*XsAccessibleSayFunc) (GtkWidget *widget);

/* Calls @say on @widget in an idle after the frame (at most 64 widgets
 * an idle), holding @widget until then; @say does nothing if it has run
 * since. */
void xs_accessible_later (GtkWidget           *widget,
                          XsAccessibleSayFunc  say);

G_END_DECLS
