/* xs-base-profile-dialog.h: who the base is, asked at first run and
 * before a package leaves without a name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_BASE_PROFILE_DIALOG (xs_base_profile_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsBaseProfileDialog, xs_base_profile_dialog, XS, BASE_PROFILE_DIALOG, AdwWindow)

/* A dialog, modal to @parent, that edits @profile and saves it to @db
 * when the user presses Save (disabled while the name is empty); it
 * emits ::saved after a save and closes. @reason, when not NULL, says why
 * it is asked now (e.g. before an export). */
XsBaseProfileDialog *xs_base_profile_dialog_new (GtkWindow     *parent,
                                                 XsDb          *db,
                                                 XsBaseProfile *profile,
                                                 const char    *reason);

G_END_DECLS
