/* xs-certificates-columns.h: the columns of the qualified trainees' list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define XS_TYPE_CERTIFICATES_COLUMNS (xs_certificates_columns_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificatesColumns, xs_certificates_columns, XS, CERTIFICATES_COLUMNS, GObject)

/* Adds to @view (whose model is a GtkSelectionModel of XsTraineeItems) a
 * check box that follows and sets each row's selection, the name, the
 * masked identity number, the employer and the total. It starts narrow. */
XsCertificatesColumns *xs_certificates_columns_new        (GtkColumnView         *view);
/* Narrow, only the check box, the name and the total are shown. */
void                   xs_certificates_columns_set_narrow (XsCertificatesColumns *self,
                                                           gboolean               narrow);
/* The same after the current allocation (columns change between frames,
 * never while the list is being allocated). */
void                   xs_certificates_columns_set_narrow_later (XsCertificatesColumns *self,
                                                                 gboolean               narrow);

G_END_DECLS
