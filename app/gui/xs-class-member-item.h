/* xs-class-member-item.h: a trainee of a class as the classes view lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-class-members.h"

G_BEGIN_DECLS

#define XS_TYPE_CLASS_MEMBER_ITEM (xs_class_member_item_get_type ())
G_DECLARE_FINAL_TYPE (XsClassMemberItem, xs_class_member_item, XS, CLASS_MEMBER_ITEM, GObject)

/* Read-only properties, as the row shows them: :trainee-id, :name,
 * :masked-id (the identity number masked), :hours ("8 hours"), :status
 * (the claim's state in words), :status-classes (the style of :status:
 * "success", "error" or none) and :locked (submitted or approved, so the
 * base can no longer change it), with :lock-text saying so. */
XsClassMemberItem *xs_class_member_item_new            (const XsClassMember *member);
gint64             xs_class_member_item_get_trainee_id (XsClassMemberItem   *self);
const char        *xs_class_member_item_get_name       (XsClassMemberItem   *self);

G_END_DECLS
