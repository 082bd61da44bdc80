/* xs-window-package-private.h: the window's submission package actions,
 * for tests (the work is XsPackageExchange's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-window.h"

G_BEGIN_DECLS

/* Writes the shown year's package to @path in a worker; a toast tells how
 * it went. */
void _xs_window_export_package                (XsWindow       *self,
                                               const char     *path);
/* Checks the decisions file @path in a worker and shows what applying it
 * would do; its Apply applies it. */
void _xs_window_import_decisions              (XsWindow       *self,
                                               const char     *path);

G_END_DECLS
