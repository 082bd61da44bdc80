/* xs-classes-view.h: the base's training classes and their batch submissions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_CLASSES_VIEW (xs_classes_view_get_type ())
G_DECLARE_FINAL_TYPE (XsClassesView, xs_classes_view, XS, CLASSES_VIEW, GtkWidget)

/* The view shows the classes of its "db" property (a new class is of its
 * "year"); it reports through win.show-toast and win.show-trainee. */
/* Reads the classes again in a job, keeping the selected one. */
void    xs_classes_view_reload             (XsClassesView *self);
/* Whether the classes or the selected class's trainees are being read. */
gboolean xs_classes_view_get_loading       (XsClassesView *self);
/* The selected class's id, or 0. */
gint64  xs_classes_view_get_selected_class (XsClassesView *self);
gboolean xs_classes_view_select_class      (XsClassesView *self,
                                            gint64         class_id);

G_END_DECLS
