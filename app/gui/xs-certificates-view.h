/* xs-certificates-view.h: the year's qualified trainees and their certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-trainee-model.h"
#include "xs-db.h"

G_BEGIN_DECLS

#define XS_TYPE_CERTIFICATES_VIEW (xs_certificates_view_get_type ())
G_DECLARE_FINAL_TYPE (XsCertificatesView, xs_certificates_view, XS, CERTIFICATES_VIEW, GtkWidget)

/* The view lists the qualified trainees of its "model" and issues
 * certificates for the model's year in its "db", with what its "settings"
 * say goes onto them; it reports through win.show-toast. */
/* The trainees shown (XsTraineeItem), after the search. */
GListModel *xs_certificates_view_get_shown      (XsCertificatesView *self);
guint       xs_certificates_view_get_n_selected (XsCertificatesView *self);
void        xs_certificates_view_set_search     (XsCertificatesView *self,
                                                 const char         *text);
/* Whether an export or a print job is running. */
gboolean    xs_certificates_view_get_busy       (XsCertificatesView *self);
/* Issues the selected trainees' certificates and writes them to @file as
 * one PDF, in a worker; a toast tells how it went. */
void        xs_certificates_view_export_to_file (XsCertificatesView *self,
                                                 GFile              *file);
/* Issues the selected trainees' certificates, then prints them. */
void        xs_certificates_view_print          (XsCertificatesView *self);

G_END_DECLS
