/* xs-archive-dialog.h: Back Up Everything… and Restore from Archive…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>


G_BEGIN_DECLS

typedef enum
{
  XS_ARCHIVE_DIALOG_WRITE,
  XS_ARCHIVE_DIALOG_RESTORE,
} XsArchiveDialogMode;

#define XS_TYPE_ARCHIVE_DIALOG (xs_archive_dialog_get_type ())
G_DECLARE_FINAL_TYPE (XsArchiveDialog, xs_archive_dialog, XS, ARCHIVE_DIALOG, AdwWindow)

/* Asks for the passphrase (twice when writing), then for the file, and
 * writes or restores the whole-base archive of the base in @data_dir in a
 * worker with progress and Cancel; @settings are the ones an archive
 * carries. A restore asks the application to let go of the database
 * (app.release-db) and to open it again if the restore failed
 * (app.reopen-db); after a restore, closing quits (app.quit). The dialog
 * belongs to @parent's application, if any.
 * Properties: "mode", "data-dir", "settings" (construct-only). */
GtkWidget *xs_archive_dialog_new (GtkWindow           *parent,
                                  const char          *data_dir,
                                  GSettings           *settings,
                                  XsArchiveDialogMode  mode);
/* Starts on @path without asking for a file (tests, and after the file
 * chooser). */
void       xs_archive_dialog_run (XsArchiveDialog     *self,
                                  const char          *path);

/* Fills the passphrase (both fields). */
void       xs_archive_dialog_set_passphrase (XsArchiveDialog *self,
                                             const char      *passphrase);
/* TRUE once the work has ended, well or not; then whether it succeeded. */
gboolean   xs_archive_dialog_get_finished   (XsArchiveDialog *self);
gboolean   xs_archive_dialog_get_succeeded  (XsArchiveDialog *self);

G_END_DECLS
