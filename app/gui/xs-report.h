/* xs-report.h: how a view or a dialog tells the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Activates @action (a "win." one) from @widget: through its ancestors, or,
 * for a dialog, through the window it is transient for. Returns whether an
 * action took it. */
gboolean xs_report_action (GtkWidget  *widget,
                           const char *action,
                           GVariant   *param);
/* win.show-toast with @text. */
void     xs_report_toast  (GtkWidget  *widget,
                           const char *text);

/* Adds @toast (taking it) to @overlay in place of the toast shown there
 * before through this function: the newest is on screen at once and none
 * waits in the queue. Every toast of an overlay goes through here. */
void      xs_report_show_toast      (AdwToastOverlay *overlay,
                                     AdwToast        *toast);

/* A toast saying @text about the file at @path just written, with a
 * button that opens the folder holding it. */
AdwToast *xs_report_saved_toast_new (const char *text,
                                     const char *path);
/* win.show-saved-toast with @text and @path. */
void     xs_report_saved          (GtkWidget  *widget,
                                   const char *text,
                                   const char *path);

G_END_DECLS
