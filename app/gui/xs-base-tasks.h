/* xs-base-tasks.h: what a base's window does on the base itself, from its
 * menus: the demo, exports, an import's Undo, and the dialogs on the base
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "xs-db.h"
#include "xs-job-runner.h"
#include "xs-window-tasks.h"

G_BEGIN_DECLS

#define XS_TYPE_BASE_TASKS (xs_base_tasks_get_type ())
G_DECLARE_FINAL_TYPE (XsBaseTasks, xs_base_tasks, XS, BASE_TASKS, XsWindowTasks)

/* Works on "db" and its "year" (bound by the window), runs its workers
 * through @runner, opens its dialogs transient for @parent (not held) and
 * reports on @parent through actions: win.show-toast (s),
 * win.show-saved-toast ((ss)) and win.reload. "demo-loaded" is emitted
 * once the demo base is written; the window then shows its year. */
XsBaseTasks *xs_base_tasks_new                 (GtkWindow   *parent,
                                                XsJobRunner *runner);

/* Writes a demo base into an empty base (win.load-demo). */
void         xs_base_tasks_load_demo           (XsBaseTasks *self);
/* Export Statistics…: asks for a file, then as below. */
void         xs_base_tasks_choose_statistics   (XsBaseTasks *self);
/* Writes the year's statistics to @path (XLSX); a toast tells how it went. */
void         xs_base_tasks_export_statistics   (XsBaseTasks *self,
                                                const char  *path);
/* Export Revocation List…: asks for a file, then as below. */
void         xs_base_tasks_choose_revocations  (XsBaseTasks *self);
/* Writes the signed list of revoked certificates to @path; a toast tells
 * how it went. */
void         xs_base_tasks_export_revocations  (XsBaseTasks *self,
                                                const char  *path);
/* Undoes import @import_id, then reloads; says why when refused. */
void         xs_base_tasks_undo_import         (XsBaseTasks *self,
                                                gint64       import_id);
/* The claim editor on a new claim of @trainee_id, or on @claim_id; a save
 * reloads the window. */
void         xs_base_tasks_new_claim           (XsBaseTasks *self,
                                                gint64       trainee_id);
void         xs_base_tasks_edit_claim          (XsBaseTasks *self,
                                                gint64       claim_id);
/* The import dialog, for a roster (@roster) or hours. */
void         xs_base_tasks_import              (XsBaseTasks *self,
                                                gboolean     roster);
void         xs_base_tasks_check_data          (XsBaseTasks *self);
void         xs_base_tasks_verify_certificate  (XsBaseTasks *self);
/* The archive dialog, writing (@restore FALSE) or restoring an archive;
 * only in a window of the application, which closes and opens the base. */
void         xs_base_tasks_archive             (XsBaseTasks *self,
                                                gboolean     restore);

G_END_DECLS
