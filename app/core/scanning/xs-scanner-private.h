/* xs-scanner-private.h: the SANE side of XsScanner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-scanner.h"

G_BEGIN_DECLS

#define XS_SCANNER_PROGRESS_KEY "xs-scanner-progress"
#define XS_SCANNER_PROGRESS_DATA_KEY "xs-scanner-progress-data"

/* Opens @device (NULL: the first one found), sets the options and reads
 * the pages; reports progress through the callback stored on @task.
 * Called in a worker with the SANE lock held; returns XsScanPage. */
GPtrArray *_xs_scanner_run (const char    *device,
                            XsScanMode     mode,
                            int            resolution,
                            guint          pages,
                            GTask         *task,
                            GCancellable  *cancellable,
                            GError       **error);

G_END_DECLS
