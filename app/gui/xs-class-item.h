/* xs-class-item.h: a training class as the classes view lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XS_TYPE_CLASS_ITEM (xs_class_item_get_type ())
G_DECLARE_FINAL_TYPE (XsClassItem, xs_class_item, XS, CLASS_ITEM, GObject)

/* :id, :title (the class's name) and :subtitle (code, subject, hours,
 * dates and trainees, on two lines), all read-only. */
XsClassItem *xs_class_item_new          (gint64       id,
                                         const char  *title,
                                         const char  *subtitle);
gint64       xs_class_item_get_id       (XsClassItem *self);
const char  *xs_class_item_get_title    (XsClassItem *self);
const char  *xs_class_item_get_subtitle (XsClassItem *self);

G_END_DECLS
