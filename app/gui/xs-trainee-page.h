/* xs-trainee-page.h: one trainee's hours and claims for the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_TRAINEE_PAGE (xs_trainee_page_get_type ())
G_DECLARE_FINAL_TYPE (XsTraineePage, xs_trainee_page, XS, TRAINEE_PAGE, GtkWidget)

/* Reads @trainee_id's progress and claims for @year in a job; _finish
 * shows them. */
void      xs_trainee_page_load_async      (XsTraineePage       *self,
                                           XsDb                *db,
                                           gint64               trainee_id,
                                           int                  year,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean  xs_trainee_page_load_finish     (XsTraineePage       *self,
                                           GAsyncResult        *result,
                                           GError             **error);
gint64    xs_trainee_page_get_trainee_id  (XsTraineePage  *self);

G_END_DECLS
