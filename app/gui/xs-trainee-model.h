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
 * model's items. */
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

G_END_DECLS
