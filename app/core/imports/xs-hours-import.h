/* xs-hours-import.h: the base's batch submission of hours (基地统一申报)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "xs-class-store.h"
#include "xs-db.h"
#include "xs-import-report.h"

G_BEGIN_DECLS

/* Turns each row of an hours sheet into a batch claim, submitted and needing
 * no evidence, in one transaction. With @klass, the sheet only needs the
 * identity numbers and names of the class's trainees: year, category,
 * hours, title and date come from the class unless a row gives them. */
XsImportReport *xs_hours_import (XsDb                   *db,
                                 const char             *path,
                                 const char             *encoding,
                                 const XsTrainingClass  *klass,
                                 XsImportFlags           flags,
                                 GCancellable           *cancellable,
                                 XsProgressFunc          progress,
                                 gpointer                progress_data,
                                 GError                **error);

G_END_DECLS
