/* xs-scan-launcher.h: Scan… of one material of a claim
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "xs-db.h"
#include "xs-evidence-attacher.h"
#include "xs-scan-dialog.h"

G_BEGIN_DECLS

#define XS_TYPE_SCAN_LAUNCHER (xs_scan_launcher_get_type ())
G_DECLARE_FINAL_TYPE (XsScanLauncher, xs_scan_launcher, XS, SCAN_LAUNCHER, GObject)

/* Opens the scan dialog for the claim and material of @attacher and passes
 * on what comes back: a scan into a saved claim is stored by the dialog
 * (::scanned), a scan of a claim not saved yet becomes a pending file of
 * @attacher, stored when the claim is; ::suggestion (field, value) for what
 * the clerk chose to use of what the pages say. One dialog at a time; it
 * closes with the launcher. */
XsScanLauncher *xs_scan_launcher_new            (XsDb               *db,
                                                 XsEvidenceAttacher *attacher);
/* The claim's trainee, whose identity number a scan's is compared with
 * while the claim is not saved. */
void            xs_scan_launcher_set_trainee_id (XsScanLauncher     *self,
                                                 gint64              trainee_id);
gint64          xs_scan_launcher_get_trainee_id (XsScanLauncher     *self);
/* Whether this build scans at all. */
gboolean        xs_scan_launcher_is_supported   (void);
/* Shows the dialog over @parent (the one already open, if any); transfer
 * none. */
XsScanDialog   *xs_scan_launcher_open           (XsScanLauncher     *self,
                                                 GtkWindow          *parent);
/* The dialog open, or NULL. */
XsScanDialog   *xs_scan_launcher_get_dialog     (XsScanLauncher     *self);

G_END_DECLS
