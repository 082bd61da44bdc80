/* xs-detail-item.h: a title and a value, for lists of details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XS_TYPE_DETAIL_ITEM (xs_detail_item_get_type ())
G_DECLARE_FINAL_TYPE (XsDetailItem, xs_detail_item, XS, DETAIL_ITEM, GObject)

/* :title ("Holder") and :value ("张三"), as the rows of a certificate's
 * details or of the refused rows of a package show them. */
XsDetailItem *xs_detail_item_new          (const char   *title,
                                           const char   *value);
const char   *xs_detail_item_get_title    (XsDetailItem *self);
const char   *xs_detail_item_get_value    (XsDetailItem *self);
/* A GtkListBoxCreateWidgetFunc: the row of @item (an XsDetailItem) from
 * the template in xs-detail-row.ui; with @user_data non-NULL, styled as a
 * property (small title, the value large). */
GtkWidget    *xs_detail_item_create_row   (gpointer      item,
                                           gpointer      user_data);

G_END_DECLS
