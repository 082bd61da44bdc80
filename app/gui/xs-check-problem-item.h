/* xs-check-problem-item.h: one problem the data check found, for lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define XS_TYPE_CHECK_PROBLEM_ITEM (xs_check_problem_item_get_type ())
G_DECLARE_FINAL_TYPE (XsCheckProblemItem, xs_check_problem_item, XS, CHECK_PROBLEM_ITEM, GObject)

/* @text: the problem in words; @links: Pango markup of links to what it
 * names ("claim:ID", "trainee:ID"), or "" */
XsCheckProblemItem *xs_check_problem_item_new       (const char         *text,
                                                     const char         *links);
const char         *xs_check_problem_item_get_text  (XsCheckProblemItem *self);
const char         *xs_check_problem_item_get_links (XsCheckProblemItem *self);

G_END_DECLS
