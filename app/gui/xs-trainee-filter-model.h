/* xs-trainee-filter-model.h: the trainees a search and a filter leave shown, in the order chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "xs-trainee-model.h"

G_BEGIN_DECLS

typedef enum
{
  XS_TRAINEE_SORT_NAME,
  XS_TRAINEE_SORT_MASKED_ID,
  XS_TRAINEE_SORT_EMPLOYER,
  XS_TRAINEE_SORT_PUBLIC,
  XS_TRAINEE_SORT_PROFESSIONAL,
  XS_TRAINEE_SORT_TOTAL,
  XS_TRAINEE_SORT_STATUS,
  XS_TRAINEE_N_SORTS
} XsTraineeSortColumn;

typedef struct
{
  XsTraineeSortColumn column;
  gboolean            descending;
} XsTraineeSortKey;

#define XS_TYPE_TRAINEE_FILTER_MODEL (xs_trainee_filter_model_get_type ())
G_DECLARE_FINAL_TYPE (XsTraineeFilterModel, xs_trainee_filter_model, XS, TRAINEE_FILTER_MODEL, GObject)

/* Shows all of @model, in its order; every change to @model filters (and
 * sorts) again. The items are row slots: item n stays item n while the
 * list changes and shows whichever trainee is now at n, so a list view
 * keeps its rows' widgets; only a change of length is signalled. */
XsTraineeFilterModel *xs_trainee_filter_model_new                (XsTraineeModel       *model);
void                  xs_trainee_filter_model_set_search         (XsTraineeFilterModel *self,
                                                                  const char           *text);
void                  xs_trainee_filter_model_set_unqualified_only (XsTraineeFilterModel *self,
                                                                  gboolean              unqualified_only);
void                  xs_trainee_filter_model_set_at_risk_only   (XsTraineeFilterModel *self,
                                                                  gboolean              at_risk_only);
/* Sorts by @keys, the first the primary one; ties keep the model's order.
 * No keys: the model's order. */
void                  xs_trainee_filter_model_set_sort           (XsTraineeFilterModel   *self,
                                                                  const XsTraineeSortKey *keys,
                                                                  guint                   n_keys);
gint64                xs_trainee_filter_model_get_trainee_id     (XsTraineeFilterModel *self,
                                                                  guint                 position);
/* The positions on screen: a change of the list tells these slots at once,
 * the others after the frame (G_MAXUINT: all at once, the default). */
void                  xs_trainee_filter_model_set_visible        (XsTraineeFilterModel *self,
                                                                  guint                 first,
                                                                  guint                 n_visible);
/* How many trainees the filters let through; the list itself may still
 * be getting there (see xs-trainee-filter-model.c). */
guint                 xs_trainee_filter_model_get_n_matches      (XsTraineeFilterModel *self);
/* Where @trainee_id is shown, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint                 xs_trainee_filter_model_find               (XsTraineeFilterModel *self,
                                                                  gint64                trainee_id);

G_END_DECLS
