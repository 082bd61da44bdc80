/* xs-suggestion-list.h: what a scan or an attached file says, offered to
 * the claim one finding at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-recognition.h"

G_BEGIN_DECLS

#define XS_TYPE_SUGGESTION_LIST (xs_suggestion_list_get_type ())
G_DECLARE_FINAL_TYPE (XsSuggestionList, xs_suggestion_list, XS, SUGGESTION_LIST, GtkWidget)

GtkWidget  *xs_suggestion_list_new        (void);
/* Replaces what is offered with what @found says of the pages of
 * @material; an identity number other than @trainee_id_number (if known)
 * and a paper that looks like another material are warnings. */
void        xs_suggestion_list_show       (XsSuggestionList    *self,
                                           const XsRecognition *found,
                                           const char          *trainee_id_number,
                                           const char          *material);
void        xs_suggestion_list_clear      (XsSuggestionList    *self);
GListModel *xs_suggestion_list_get_model  (XsSuggestionList    *self);
gboolean    xs_suggestion_list_get_empty  (XsSuggestionList    *self);

G_END_DECLS
