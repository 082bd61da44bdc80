/* xs-tooltip.h: tooltips that keep short Chinese texts on one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8's own tooltip label may be squeezed to its minimum width (one
 * character for Chinese text) when the tooltip is placed in a narrow
 * window or near the edge of the screen. These tooltips show their text in
 * a label of their own that never gets narrower than the text up to about
 * thirty Chinese characters, and wraps longer texts at that width. */

/* Makes @widget show its tooltip-text (or tooltip-markup) in such a label,
 * whenever it is set, from C, a template or a binding. Doing it twice is
 * harmless. */
void       xs_tooltip_attach    (GtkWidget  *widget);
/* Gives @widget @text as its tooltip (NULL: none), shown as above. */
void       xs_tooltip_set_text  (GtkWidget  *widget,
                                 const char *text);
/* The label such a tooltip shows @text in (floating). */
GtkWidget *xs_tooltip_label_new (const char *text);
/* Shows @text in @tooltip in such a label: for a query-tooltip handler. */
void       xs_tooltip_show_text (GtkTooltip *tooltip,
                                 GtkWidget  *widget,
                                 const char *text);
/* Attaches every widget of the process when it is realized, so that
 * tooltips from templates and list rows are covered too. Once, before the
 * first window. */
void       xs_tooltip_install   (void);

G_END_DECLS
