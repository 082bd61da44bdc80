/* xs-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_APPLICATION (xs_application_get_type ())
G_DECLARE_FINAL_TYPE (XsApplication, xs_application, XS, APPLICATION, AdwApplication)

XsApplication *xs_application_new          (void);
/* The base's database, opened at startup (main thread only). */
XsDb          *xs_application_get_db       (XsApplication *self);
/* The base's profile in that database, shared by every view (main thread
 * only). */
XsBaseProfile *xs_application_get_base_profile (XsApplication *self);
GSettings     *xs_application_get_settings (XsApplication *self);
/* --data-dir, or NULL for the default (xs_data_dir_resolve()). */
const char    *xs_application_get_data_dir (XsApplication *self);
/* Lets go of the database (a restore replaces it); xs_application_get_db()
 * is NULL until xs_application_reopen_db(). */
void           xs_application_release_db   (XsApplication *self);
gboolean       xs_application_reopen_db    (XsApplication *self,
                                            GError       **error);
/* The year the window shows: the default-year setting, else this year. */
int            xs_application_get_default_year (XsApplication *self);
/* TRUE when the year was chosen (--year or the default-year setting);
 * else the window opens on the latest year with data. */
gboolean       xs_application_get_year_chosen  (XsApplication *self);

G_END_DECLS
