/* xs-certificates-view-private.h: what the certificates view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-certificate.h"
#include "xs-certificates-view.h"
#include "xs-job.h"

G_BEGIN_DECLS

/* The base profile's values that go onto a certificate, copied so that a
 * worker can read them. */
typedef struct
{
  char                     *base_name;
  char                     *issuer;
  GBytes                   *seal;
  XsCertificateOrientation  orientation;
  gboolean                  full_id_number;
  XsCertificateLanguage     language;
  char                     *kind_template[2]; /* annual, completion */
  int                       offset_x, offset_y;
} SettingsCopy;

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
  XsCertificate      *preview;
  GCancellable       *preview_cancellable;

  XsJob              *job;
  GCancellable       *job_cancellable;
  GtkPrintOperation  *print_operation;
  GtkPrintSettings   *print_settings;
  char               *print_result;  /* the toast once printed */
  GCancellable       *chooser_cancellable;

  /* template children */
  GtkLabel           *count_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkLabel           *selected_label;
  GtkRevealer        *base_name_revealer;
  GtkStack           *preview_stack;
  GtkPicture         *preview_picture;
  AdwStatusPage      *preview_error;
  GtkLabel           *preview_caption;
  GtkWidget          *progress_box;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
};

/* xs-certificates-view.c: settings, state shown, the list */

void      _xs_certificates_view_settings_copy_clear (SettingsCopy          *copy);
void      _xs_certificates_view_settings_copy_load  (SettingsCopy          *copy,
                                                     XsBaseProfile         *profile);
/* Points @settings at @copy's strings. */
void      _xs_certificates_view_settings_copy_get   (const SettingsCopy    *copy,
                                                     XsCertificateSettings *settings);
gboolean  _xs_certificates_view_has_base_name       (XsCertificatesView    *self);
int       _xs_certificates_view_get_year            (XsCertificatesView    *self);
void      _xs_certificates_view_update_actions      (XsCertificatesView    *self);
void      _xs_certificates_view_update_base_name    (XsCertificatesView    *self);
void      _xs_certificates_view_notify_busy         (XsCertificatesView    *self);

/* xs-certificates-view-columns.c: the list's columns and cells */

void      _xs_certificates_view_add_columns         (XsCertificatesView    *self);

/* xs-certificates-view-preview.c: the previewed certificate, drawn in a worker */

/* Reads the previewed trainee's certificate and draws it in a worker. */
void      _xs_certificates_view_update_preview      (XsCertificatesView    *self);

/* xs-certificates-view-export.c: issuing, exporting and printing, in a worker */

/* Asks for a file, then exports the selected trainees' certificates to it. */
void      _xs_certificates_view_choose_export_file  (XsCertificatesView    *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SettingsCopy, _xs_certificates_view_settings_copy_clear)

G_END_DECLS
