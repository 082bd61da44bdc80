/* xs-import-dialog-private.h: what the import dialog's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-import-dialog.h"
#include "xs-import-row-item.h"
#include "xs-job.h"

G_BEGIN_DECLS

struct _XsImportDialog
{
  AdwWindow           parent_instance;

  XsDb               *db;
  XsImportKind        kind;
  XsTrainingClass    *klass;         /* owned copy, or NULL */
  GFile              *file;
  XsImportReport     *report;        /* of the last dry run */
  GListStore         *rows;          /* XsImportRowItem, rejected first */
  GtkCustomFilter    *filter;
  GCancellable       *cancellable;
  XsJob              *job;           /* the running one, for progress */
  const char         *step;
  gboolean            disposed;

  /* template children */
  AdwWindowTitle     *window_title;
  GtkWidget          *import_button;
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  AdwStatusPage      *choose_page;
  GtkDropDown        *encoding_dropdown;
  GtkLabel           *progress_title;
  GtkProgressBar     *progress_bar;
  GtkLabel           *counts_label;
  GtkLabel           *file_label;
  GtkToggleButton    *rejected_only_button;
  GtkColumnView      *column_view;
  GtkWidget          *rejected_box;
  GtkLabel           *rejected_label;
  GtkCheckButton     *skip_check;
  GtkWidget          *save_rejected_button;
  GtkWidget          *clear_box;
  GtkSwitch          *clear_switch;
  AdwStatusPage      *error_page;
};

/* xs-import-dialog.c: steps and what they show */

XsTrainingClass *_xs_import_dialog_training_class_copy   (const XsTrainingClass *klass);
/* @step: see xs_import_dialog_get_step() */
void             _xs_import_dialog_set_step              (XsImportDialog        *self,
                                                          const char            *step);
void             _xs_import_dialog_show_file_error       (XsImportDialog        *self,
                                                          const GError          *error);
void             _xs_import_dialog_update_commit_enabled (XsImportDialog        *self);
/* @items: XsImportRowItem, rejected first */
void             _xs_import_dialog_show_preview          (XsImportDialog        *self,
                                                          XsImportReport        *report,
                                                          GPtrArray             *items);
/* Emits ::imported and tells the window what was written. */
void             _xs_import_dialog_report_imported       (XsImportDialog        *self,
                                                          XsImportReport        *report);

/* XS_IMPORT_CLEAR_EMPTY when the clerk asked empty cells to clear. */
XsImportFlags    _xs_import_dialog_get_merge_flags       (XsImportDialog        *self);

/* The "error" style on a rejected row's cell, off on the others. */
void             _xs_import_dialog_set_error_style       (GtkWidget             *widget,
                                                          XsImportRowItem       *item);

/* xs-import-dialog-roster.c: the Details column and Add to Roster */

void             _xs_import_dialog_setup_summary         (GtkSignalListItemFactory *factory,
                                                          GtkListItem           *list_item,
                                                          gpointer               user_data);
void             _xs_import_dialog_bind_summary          (GtkSignalListItemFactory *factory,
                                                          GtkListItem           *list_item,
                                                          gpointer               user_data);
/* import.add-to-roster: @param is the spreadsheet row (u) */
void             _xs_import_dialog_add_to_roster_action  (GtkWidget             *widget,
                                                          const char            *action_name,
                                                          GVariant              *param);

/* xs-import-dialog-worker.c: the dry run and the import, in a worker */

/* Cancels the running work, if any, and starts a new one. */
void             _xs_import_dialog_run_import            (XsImportDialog        *self,
                                                          XsImportFlags          flags);
/* Writes the last dry run's rejected rows to @path (XLSX) in a worker;
 * a toast says how it went. */
void             _xs_import_dialog_save_rejected         (XsImportDialog        *self,
                                                          const char            *path);
/* Forgets the running work: its job and its cancellable. */
void             _xs_import_dialog_stop_work             (XsImportDialog        *self);

G_END_DECLS
