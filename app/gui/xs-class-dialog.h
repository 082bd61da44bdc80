/* xs-class-dialog.h: a new training class (培训班)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_CLASS_DIALOG (xs_class_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsClassDialog, xs_class_dialog, XS, CLASS_DIALOG, AdwWindow)

/* Emits "created" (gint64 class id) and closes once the class is stored. */
XsClassDialog *xs_class_dialog_new (GtkWindow *parent,
                                    XsDb      *db,
                                    int        year);

G_END_DECLS
