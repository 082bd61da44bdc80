/* xs-package-exchange.h: a base's submission packages and the reviewers'
 * decisions, for a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-db.h"
#include "xs-import-report.h"
#include "xs-job-runner.h"
#include "xs-window-tasks.h"

G_BEGIN_DECLS

#define XS_TYPE_PACKAGE_EXCHANGE (xs_package_exchange_get_type ())
G_DECLARE_FINAL_TYPE (XsPackageExchange, xs_package_exchange, XS, PACKAGE_EXCHANGE, XsWindowTasks)

/* Exports the package of "year" from "db" under the base's name of
 * "profile", and checks and applies decisions files, in workers over their
 * own connections. Its dialogs are transient for "parent" (not held), and
 * it reports on "parent" through actions: win.show-saved-toast ((ss)),
 * win.show-import-toast ((sx)), win.show-toast (s), win.reload, and
 * app.review-package (s) for Open Package…. Its workers and choosers run
 * through @runner (the window's), which disables win.export-package or
 * win.import-decisions while one runs. */
XsPackageExchange *xs_package_exchange_new (GtkWindow   *parent,
                                            XsJobRunner *runner);

/* Open Package…, Export Package… (asks for the base's name first when it
 * has none), Import Decisions…: ask for a file, then go on as below. */
void     xs_package_exchange_choose_package   (XsPackageExchange *self);
void     xs_package_exchange_choose_export    (XsPackageExchange *self);
void     xs_package_exchange_choose_decisions (XsPackageExchange *self);
/* Writes the year's package to @path; a toast tells how it went. */
void     xs_package_exchange_export           (XsPackageExchange *self,
                                               const char        *path);
/* Checks the decisions file @path and shows what applying it would do
 * (approved, not approved, refused and why, with names; and when the same
 * file was applied before); its Apply applies it. */
void     xs_package_exchange_import_decisions (XsPackageExchange *self,
                                               const char        *path);
/* Applies the decisions file @path (with @flags), shows what was applied
 * and refused in a dialog and asks for a reload. */
void     xs_package_exchange_apply_decisions  (XsPackageExchange *self,
                                               const char        *path,
                                               XsImportFlags      flags);

G_END_DECLS
