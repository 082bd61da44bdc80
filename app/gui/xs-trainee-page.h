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

/* Shows @trainee_id's progress and claims for @year. */
gboolean  xs_trainee_page_load            (XsTraineePage  *self,
                                           XsDb           *db,
                                           gint64          trainee_id,
                                           int             year,
                                           GError        **error);
gint64    xs_trainee_page_get_trainee_id  (XsTraineePage  *self);

G_END_DECLS
