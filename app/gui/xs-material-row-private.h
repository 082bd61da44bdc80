/* xs-material-row-private.h: what the material row's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-material-row.h"

G_BEGIN_DECLS

struct _XsMaterialRow
{
  AdwExpanderRow   parent_instance;

  XsDb            *db;
  gint64           claim_id;
  char            *material;
  GPtrArray       *evidence;     /* XsEvidence of this material */
  GPtrArray       *file_rows;    /* the child rows showing them */
  GCancellable    *cancellable;  /* of the attach in flight */
  gboolean         editable;
  gboolean         busy;
  gboolean         dropping;

  GCancellable    *chooser_cancellable;

  /* template children */
  GtkImage        *status_icon;
  GtkSpinner      *spinner;
  GtkButton       *attach_button;
  GtkButton       *scan_button;
  GtkListBoxRow   *error_row;
  GtkLabel        *error_label;
};

/* xs-material-row.c: the row, its files, preview and remove */

void _xs_material_row_show_error        (XsMaterialRow *self,
                                         const char    *message);
void _xs_material_row_update_state      (XsMaterialRow *self);
/* Sets busy, shows it and notifies :busy. */
void _xs_material_row_set_busy          (XsMaterialRow *self,
                                         gboolean       busy);
/* Emits ::changed. */
void _xs_material_row_emit_changed      (XsMaterialRow *self);

/* xs-material-row-attach.c: attaching files, chosen or dropped */

void _xs_material_row_attach_action     (GtkWidget     *widget,
                                         const char    *action_name,
                                         GVariant      *param);
/* A chooser left open must not outlive the window it belongs to. */
void _xs_material_row_close_chooser     (XsMaterialRow *self);
/* Lets files from a file manager be dropped on the row. */
void _xs_material_row_add_drop_target   (XsMaterialRow *self);

G_END_DECLS
