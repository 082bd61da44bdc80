/* xs-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_PREFERENCES_WINDOW (xs_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (XsPreferencesWindow, xs_preferences_window, XS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings: the user's own choices; @db and @profile: the base's, edited
 * on the Base page and saved to @db at each change (both NULL for a window
 * without a base: the page is hidden). */
XsPreferencesWindow *xs_preferences_window_new (GSettings     *settings,
                                                XsDb          *db,
                                                XsBaseProfile *profile);

G_END_DECLS
