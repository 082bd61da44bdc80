/* xs-classes-view-private.h: what the classes view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-base-profile.h"
#include "xs-certificate-issuer.h"
#include "xs-class-members.h"
#include "xs-class-store.h"
#include "xs-classes-view.h"

G_BEGIN_DECLS

struct _XsClassesView
{
  GtkWidget         parent_instance;

  XsDb             *db;
  int               year;
  GPtrArray        *classes;   /* XsTrainingClass */
  GPtrArray        *members;   /* XsClassMember, one per trainee row */
  GCancellable     *classes_cancellable;
  GCancellable     *members_cancellable;
  gint64            to_select; /* once the classes are read */
  guint             loading;   /* jobs running */
  gboolean          selecting; /* the view itself changes the selection */

  /* completion certificates */
  XsBaseProfile    *profile;   /* the application's */
  XsCertificateIssuer *issuer;
  GCancellable     *preview_cancellable;
  GCancellable     *chooser_cancellable;

  /* template children */
  GtkStack         *stack;
  GtkLabel         *count_label;
  AdwLeaflet       *leaflet;
  GtkWidget        *details;
  GtkListView      *class_list;
  GtkSingleSelection *class_selection;
  GListStore       *class_store;     /* XsClassItem, one per class */
  GtkLabel         *class_title;
  GtkLabel         *class_details;
  GtkListView      *trainee_list;
  GListStore       *member_store;    /* XsClassMemberItem, one per member */
  GtkWidget        *trainee_placeholder;
  GtkWidget        *certificate_progress_box;
  GtkLabel         *certificate_progress_label;
  GtkProgressBar   *certificate_progress_bar;
  GtkStack         *certificate_stack;
  GtkPicture       *certificate_picture;
  GtkLabel         *certificate_caption;
};

/* xs-classes-view.c */

const XsTrainingClass *_xs_classes_view_get_class (XsClassesView *self);

/* xs-classes-view-certificates.c: the class's completion certificates */

void _xs_classes_view_init_certificates    (XsClassesView      *self);
void _xs_classes_view_dispose_certificates (XsClassesView      *self);
/* The actions' states, and the preview of the first trainee's certificate. */
void _xs_classes_view_update_certificates  (XsClassesView      *self);
void _xs_classes_view_class_init_certificates (GtkWidgetClass  *widget_class);

G_END_DECLS
