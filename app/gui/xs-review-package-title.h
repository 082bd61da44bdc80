/* xs-review-package-title.h: the title of a package under review: the
 * base that sent it, its year and rule set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-package.h"

G_BEGIN_DECLS

#define XS_TYPE_REVIEW_PACKAGE_TITLE (xs_review_package_title_get_type ())
G_DECLARE_FINAL_TYPE (XsReviewPackageTitle, xs_review_package_title, XS, REVIEW_PACKAGE_TITLE, AdwBin)

GtkWidget  *xs_review_package_title_new           (void);
/* The package named ("package"; NULL: none). */
XsPackage  *xs_review_package_title_get_package   (XsReviewPackageTitle *self);
void        xs_review_package_title_set_package   (XsReviewPackageTitle *self,
                                                   XsPackage            *package);
/* The base's name as shown ("Unnamed base" when the package has none);
 * NULL without a package. */
const char *xs_review_package_title_get_base_name (XsReviewPackageTitle *self);

G_END_DECLS
