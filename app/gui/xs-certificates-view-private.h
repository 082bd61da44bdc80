/* xs-certificates-view-private.h: what the certificates view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-certificate.h"
#include "xs-certificates-view.h"
#include "xs-certificate-issuer.h"
#include "xs-certificate-preview.h"
#include "xs-issuing-progress.h"
#include "xs-certificate-run.h"
#include "xs-job.h"

G_BEGIN_DECLS

typedef XsCertificateSettingsCopy SettingsCopy;

struct _XsCertificatesView
{
  GtkWidget           parent_instance;

  XsDb               *db;
  XsTraineeModel     *model;
  XsBaseProfile      *profile;       /* the application's */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkMultiSelection  *selection;
  char               *search;        /* case-folded; NULL shows all */
  guint               n_qualified;   /* in the model, before the search */

  XsTraineeItem      *previewed;

  XsCertificateIssuer *issuer;
  GCancellable       *chooser_cancellable;

  /* Below NARROW_WIDTH the identity number and employer columns are hidden. */
  gboolean            narrow;
  guint               narrow_idle;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *secondary[2];

  /* template children */
  AdwLeaflet         *leaflet;
  GtkWidget          *preview_page;
  GtkLabel           *count_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkLabel           *selected_label;
  GtkRevealer        *base_name_revealer;
  XsCertificatePreview *preview;
  XsIssuingProgress  *progress;
};

/* xs-certificates-view.c: state shown, the list */

gboolean  _xs_certificates_view_has_base_name       (XsCertificatesView    *self);
int       _xs_certificates_view_get_year            (XsCertificatesView    *self);
void      _xs_certificates_view_update_actions      (XsCertificatesView    *self);
void      _xs_certificates_view_update_base_name    (XsCertificatesView    *self);
void      _xs_certificates_view_notify_busy         (XsCertificatesView    *self);

/* xs-certificates-view-columns.c: the list's columns and cells */

void      _xs_certificates_view_add_columns         (XsCertificatesView    *self);
/* Hides or shows the secondary columns as @self->narrow says. */
void      _xs_certificates_view_fold_columns        (XsCertificatesView    *self);

/* xs-certificates-view-export.c: issuing, exporting and printing, in a worker */

/* Asks for a file, then exports the selected trainees' certificates to it. */
void      _xs_certificates_view_choose_export_file  (XsCertificatesView    *self);
/* The issuer's progress shown under the list. */
void      _xs_certificates_view_follow_issuer       (XsCertificatesView    *self);

G_END_DECLS
