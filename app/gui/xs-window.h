/* xs-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_WINDOW (xs_window_get_type ())
G_DECLARE_FINAL_TYPE (XsWindow, xs_window, XS, WINDOW, AdwApplicationWindow)

/* A window of @application on @db and @profile, opening on @default_year
 * (or on the latest year with data unless @year_chosen); a window of its
 * own (tests) is the same without an application. */
XsWindow *xs_window_new            (GtkApplication *application,
                                    XsDb          *db,
                                    XsBaseProfile *profile,
                                    int            default_year,
                                    gboolean       year_chosen);
XsDb     *xs_window_get_db         (XsWindow      *self);
int       xs_window_get_year       (XsWindow      *self);
/* Reloads every view from the database (after an import or a change). */
void      xs_window_reload         (XsWindow      *self);
/* "loading", "empty", "trainees", "trainee", "to-complete", … */
const char *xs_window_get_page     (XsWindow      *self);
void      xs_window_show_trainee   (XsWindow      *self,
                                    gint64         trainee_id);

G_END_DECLS
