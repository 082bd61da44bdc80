/* xs-window-package-private.h: the window's submission package actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-import-report.h"
#include "xs-window.h"

G_BEGIN_DECLS

/* win.open-package, win.export-package, win.import-decisions */
void _xs_window_class_install_package_actions (GtkWidgetClass *widget_class);
/* Writes the shown year's package to @path in a worker; a toast tells how
 * it went. */
void _xs_window_export_package                (XsWindow       *self,
                                               const char     *path);
/* Checks the decisions file @path in a worker and shows what applying it
 * would do (approved, not approved, refused and why, with names; and when
 * the same file was applied before); its Apply applies it. */
void _xs_window_import_decisions              (XsWindow       *self,
                                               const char     *path);
/* Applies the decisions file @path in a worker (with @flags), shows what
 * was applied and refused in a dialog and reloads the window. */
void _xs_window_apply_decisions               (XsWindow       *self,
                                               const char     *path,
                                               XsImportFlags   flags);

G_END_DECLS
