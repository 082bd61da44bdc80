/* xs-trainee-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trainee-model"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-at-risk.h"
#include "xs-db.h"
#include "xs-job.h"
#include "xs-progress.h"
#include "xs-trainee-model.h"

struct _XsTraineeModel
{
  GObject     parent_instance;

  GPtrArray  *items;   /* XsTraineeItem */
  XsRuleSet  *rules;
  int         year;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XsTraineeModel, xs_trainee_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return XS_TYPE_TRAINEE_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return XS_TRAINEE_MODEL (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  XsTraineeModel *self = XS_TRAINEE_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
xs_trainee_model_finalize (GObject *object)
{
  XsTraineeModel *self = (XsTraineeModel *) object;

  g_ptr_array_unref (self->items);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (xs_trainee_model_parent_class)->finalize (object);
}

static void
xs_trainee_model_class_init (XsTraineeModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = xs_trainee_model_finalize;
}

static void
xs_trainee_model_init (XsTraineeModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

XsTraineeModel *
xs_trainee_model_new (void)
{
  return g_object_new (XS_TYPE_TRAINEE_MODEL, NULL);
}

/* What a load gives: the items and the rule set they were measured by. */
typedef struct
{
  GPtrArray  *items;
  XsRuleSet  *rules;
  int         year;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->items, g_ptr_array_unref);
  g_clear_object (&loaded->rules);
  g_free (loaded);
}

static gboolean
load_items (XsJob         *job,
            XsDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  const int *year = data;
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(XsAtRisk) at_risk = NULL;
  Loaded *loaded;
  guint n;

  progress = xs_progress_compute (db, *year, NULL, error);
  if (progress == NULL)
    return FALSE;

  /* At risk as of today. */
  at_risk = xs_at_risk_new (progress, NULL);
  /* a claim whose scans name another person or year is said with the rest */
  if (!xs_at_risk_add_scan_problems (at_risk, db, error))
    return FALSE;
  n = xs_progress_get_n_rows (progress);
  loaded = g_new0 (Loaded, 1);
  loaded->year = *year;
  loaded->rules = g_object_ref (xs_progress_get_rule_set (progress));
  loaded->items = g_ptr_array_new_full (n, g_object_unref);
  xs_job_set_result (job, loaded, (GDestroyNotify) loaded_free);
  for (guint i = 0; i < n; i++)
    {
      const XsAtRiskEntry *entry = xs_at_risk_lookup_row (at_risk, i);
      XsTraineeItem *item;

      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      item = xs_trainee_item_new (xs_progress_get_row (progress, i), loaded->rules);
      if (entry != NULL && entry->scan_problem != NULL)
        {
          /* Translators: what a trainee lacks; what a scan of theirs says that does not fit */
          g_autofree char *summary = g_strdup_printf (_("%s; %s"), entry->summary, entry->scan_problem);

          xs_trainee_item_set_at_risk (item, entry->at_risk, summary);
        }
      else if (entry != NULL)
        xs_trainee_item_set_at_risk (item, entry->at_risk, entry->summary);
      g_ptr_array_add (loaded->items, item);
    }
  return TRUE;
}

void
xs_trainee_model_load_async (XsTraineeModel      *self,
                             const char          *data_dir,
                             int                  year,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(XsJob) job = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (XS_IS_TRAINEE_MODEL (self));
  g_return_if_fail (data_dir != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_trainee_model_load_async);
  job = xs_job_new (data_dir, load_items, g_memdup2 (&year, sizeof year), g_free);
  xs_job_run_for_task (job, task);
}

gboolean
xs_trainee_model_load_finish (XsTraineeModel  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  Loaded *loaded;
  guint removed;

  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;

  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&loaded->items);
  g_set_object (&self->rules, loaded->rules);
  self->year = loaded->year;
  loaded_free (loaded);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
  return TRUE;
}

XsRuleSet *
xs_trainee_model_get_rule_set (XsTraineeModel *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (self), NULL);
  return self->rules;
}

int
xs_trainee_model_get_year (XsTraineeModel *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (self), 0);
  return self->year;
}
