/* xs-trainee-filter-model.h: the trainees a search and a filter leave shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define XS_TYPE_TRAINEE_FILTER_MODEL (xs_trainee_filter_model_get_type ())
G_DECLARE_FINAL_TYPE (XsTraineeFilterModel, xs_trainee_filter_model, XS, TRAINEE_FILTER_MODEL, GObject)

XsTraineeFilterModel *xs_trainee_filter_model_new                (GListModel           *model);
void                  xs_trainee_filter_model_set_search         (XsTraineeFilterModel *self,
                                                                  const char           *text);
void                  xs_trainee_filter_model_set_unqualified_only (XsTraineeFilterModel *self,
                                                                  gboolean              unqualified_only);
void                  xs_trainee_filter_model_set_at_risk_only   (XsTraineeFilterModel *self,
                                                                  gboolean              at_risk_only);

G_END_DECLS
