/* xs-sidebar-row.h: one page of the window's sidebar, from its GtkStackPage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XS_TYPE_SIDEBAR_ROW (xs_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (XsSidebarRow, xs_sidebar_row, XS, SIDEBAR_ROW, GtkListBoxRow)

/* A row showing @page's icon and title (xs-sidebar-row.ui). */
GtkWidget    *xs_sidebar_row_new      (GtkStackPage *page);
GtkStackPage *xs_sidebar_row_get_page (XsSidebarRow *self);
/* A GtkListBoxCreateWidgetFunc over a model of GtkStackPages. */
GtkWidget    *xs_sidebar_row_create   (gpointer      item,
                                       gpointer      user_data);

G_END_DECLS
