/* xs-trainee-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trainee-model"

#include "config.h"

#include "xs-at-risk.h"
#include "xs-db.h"
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

typedef struct
{
  char       *data_dir;
  int         year;
  GPtrArray  *items;
  XsRuleSet  *rules;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->data_dir);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_clear_object (&data->rules);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(XsDb) db = NULL;
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(XsAtRisk) at_risk = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  db = xs_db_open (data->data_dir, &error);
  if (db == NULL || (progress = xs_progress_compute (db, data->year, NULL, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* At risk as of today. */
  at_risk = xs_at_risk_new (progress, NULL);
  n = xs_progress_get_n_rows (progress);
  data->rules = g_object_ref (xs_progress_get_rule_set (progress));
  data->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      const XsAtRiskEntry *entry = xs_at_risk_lookup_row (at_risk, i);
      XsTraineeItem *item;

      if (i % 4096 == 0 && g_task_return_error_if_cancelled (task))
        return;
      item = xs_trainee_item_new (xs_progress_get_row (progress, i), data->rules);
      if (entry != NULL)
        xs_trainee_item_set_at_risk (item, entry->at_risk, entry->summary);
      g_ptr_array_add (data->items, item);
    }
  g_task_return_boolean (task, TRUE);
}

void
xs_trainee_model_load_async (XsTraineeModel      *self,
                             const char          *data_dir,
                             int                  year,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (XS_IS_TRAINEE_MODEL (self));

  data = g_new0 (LoadData, 1);
  data->data_dir = g_strdup (data_dir);
  data->year = year;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_trainee_model_load_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

gboolean
xs_trainee_model_load_finish (XsTraineeModel  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  LoadData *data;
  guint removed;

  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  removed = self->items->len;
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&data->items);
  g_set_object (&self->rules, data->rules);
  self->year = data->year;
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
