/* xs-to-complete-view.h: the year's claims that still need the clerk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_TO_COMPLETE_VIEW (xs_to_complete_view_get_type ())
G_DECLARE_FINAL_TYPE (XsToCompleteView, xs_to_complete_view, XS, TO_COMPLETE_VIEW, GtkWidget)

/* The view lists the drafts and rejected claims of its "year" in its "db",
 * each with its trainee's name; it reports through win.show-toast and
 * win.show-trainee. */
/* Reads them again in a job. */
void     xs_to_complete_view_reload      (XsToCompleteView *self);
/* XsClaimItem, titled "name · claim title". */
GListModel *xs_to_complete_view_get_model (XsToCompleteView *self);

G_END_DECLS
