/* xs-last-selected.h: the item a selection's user chose last
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XS_TYPE_LAST_SELECTED (xs_last_selected_get_type ())
G_DECLARE_FINAL_TYPE (XsLastSelected, xs_last_selected, XS, LAST_SELECTED, GObject)

/* Its "item" follows what was selected last in @selection (a click, a
 * ticked box); when that is no longer selected, or no longer in the
 * model, it is the first selected one, or NULL. Selecting all keeps it. */
XsLastSelected *xs_last_selected_new      (GtkSelectionModel *selection);
/* (transfer none) */
gpointer        xs_last_selected_get_item (XsLastSelected    *self);

G_END_DECLS
