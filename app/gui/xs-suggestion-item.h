/* xs-suggestion-item.h: one thing read on a scan, offered to the claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XS_TYPE_SUGGESTION_ITEM (xs_suggestion_item_get_type ())
G_DECLARE_FINAL_TYPE (XsSuggestionItem, xs_suggestion_item, XS, SUGGESTION_ITEM, GObject)

/* "@title: @shown"; with a @field ("title", "date" or "hours") the claim
 * can take @value through Use; a @warning is shown as one. */
XsSuggestionItem *xs_suggestion_item_new         (const char       *title,
                                                  const char       *shown,
                                                  const char       *field,
                                                  const char       *value,
                                                  gboolean          warning);
const char       *xs_suggestion_item_get_title   (XsSuggestionItem *self);
const char       *xs_suggestion_item_get_shown   (XsSuggestionItem *self);
const char       *xs_suggestion_item_get_field   (XsSuggestionItem *self);
const char       *xs_suggestion_item_get_value   (XsSuggestionItem *self);
gboolean          xs_suggestion_item_get_warning (XsSuggestionItem *self);
/* Used: the clerk took it into the claim once. */
gboolean          xs_suggestion_item_get_used    (XsSuggestionItem *self);
void              xs_suggestion_item_set_used    (XsSuggestionItem *self,
                                                  gboolean          used);

G_END_DECLS
