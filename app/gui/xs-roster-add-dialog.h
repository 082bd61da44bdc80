/* xs-roster-add-dialog.h: add one person to the roster by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_ROSTER_ADD_DIALOG (xs_roster_add_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsRosterAddDialog, xs_roster_add_dialog, XS, ROSTER_ADD_DIALOG, AdwWindow)

/* Pre-filled with @name and @id_number (a row of an hours sheet whose
 * person the roster lacks); the identity number is shown masked and kept
 * as given. The clerk fills the employer and the rest. */
XsRosterAddDialog *xs_roster_add_dialog_new  (GtkWindow         *parent,
                                              XsDb              *db,
                                              const char        *name,
                                              const char        *id_number);
/* Whether the Add action is enabled (every field valid). */
gboolean           xs_roster_add_dialog_get_can_add (XsRosterAddDialog *self);

G_END_DECLS
