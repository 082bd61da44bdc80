/* xs-file-chooser.h: one way to ask for a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  XS_FILE_CHOOSER_OPEN,
  XS_FILE_CHOOSER_OPEN_MULTIPLE,
  XS_FILE_CHOOSER_SAVE,
} XsFileChooserMode;

/* Asks for a file (or several, or where to save) with the desktop's file
 * chooser, modal to @parent. @filters: GtkFileFilter items, or NULL;
 * @default_filter, @accept_label and @initial_name (a save's file name) may
 * be NULL. Cancelling @cancellable closes the chooser. */
void        xs_file_chooser_run_async     (GtkWindow           *parent,
                                           XsFileChooserMode    mode,
                                           const char          *title,
                                           const char          *accept_label,
                                           GListModel          *filters,
                                           GtkFileFilter       *default_filter,
                                           const char          *initial_name,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The chosen files (GFile); NULL with G_IO_ERROR_CANCELLED when the user
 * dismissed the chooser. */
GListModel *xs_file_chooser_run_finish    (GAsyncResult        *result,
                                           GError             **error);
/* The first chosen file, or NULL. */
GFile      *xs_file_chooser_finish_file   (GAsyncResult        *result,
                                           GError             **error);
/* A list of the one filter @filter, for xs_file_chooser_run_async(). */
GListModel *xs_file_chooser_filters_of    (GtkFileFilter       *filter);

G_END_DECLS
