/* xs-trainee-model.h: the year's trainees with their progress, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-rules.h"
#include "xs-trainee-item.h"

G_BEGIN_DECLS

#define XS_TYPE_TRAINEE_MODEL (xs_trainee_model_get_type ())
G_DECLARE_FINAL_TYPE (XsTraineeModel, xs_trainee_model, XS, TRAINEE_MODEL, GObject)

XsTraineeModel *xs_trainee_model_new           (void);
/* Reads the progress of every trainee for @year in a worker thread (with
 * its own connection to the database in @data_dir), then replaces the
 * model's rows at once. */
void            xs_trainee_model_load_async    (XsTraineeModel      *self,
                                                const char          *data_dir,
                                                int                  year,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        xs_trainee_model_load_finish   (XsTraineeModel      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* The rule set of the loaded year (NULL before the first load). */
XsRuleSet      *xs_trainee_model_get_rule_set  (XsTraineeModel      *self);
int             xs_trainee_model_get_year      (XsTraineeModel      *self);

/* The rows are kept as one array of XsTraineeRow with their strings in one
 * chunk; an XsTraineeItem is made only for a row a view asks for (and kept
 * while anyone holds it, so the same row gives the same item). */
guint               xs_trainee_model_get_n_rows (XsTraineeModel      *self);
const XsTraineeRow *xs_trainee_model_get_row    (XsTraineeModel      *self,
                                                 guint                position);
/* Adds a row at the end (what a load does for each trainee; also for
 * tests); @lacking may be NULL. */
void            xs_trainee_model_append        (XsTraineeModel      *self,
                                                const XsProgressRow *row,
                                                gboolean             at_risk,
                                                const char          *lacking);

G_END_DECLS
