/* xs-trainee-filter-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of trainees filtered by the search text, "not yet qualified" and
 * "at risk".
 *
 * GtkFilterListModel keeps its matches in a bitset whose nth element
 * costs a scan, so a view that walks a large change through it becomes
 * quadratic: with 100,000 trainees a keystroke took most of a second.
 * Here the shown items are a plain array, a keystroke that adds a letter
 * only looks at the rows already shown, and a change is reported as the
 * one range between the unchanged head and tail of the list.
 */
#define G_LOG_DOMAIN "xs-trainee-filter-model"

#include "config.h"

#include "xs-trainee-filter-model.h"
#include "xs-trainee-item.h"

struct _XsTraineeFilterModel
{
  GObject     parent_instance;

  GListModel *model;              /* XsTraineeItem, e.g. sorted */
  GPtrArray  *shown;              /* XsTraineeItem, owned */
  char       *search;             /* stripped and case-folded */
  gboolean    unqualified_only;
  gboolean    at_risk_only;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XsTraineeFilterModel, xs_trainee_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return XS_TYPE_TRAINEE_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return XS_TRAINEE_FILTER_MODEL (model)->shown->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  XsTraineeFilterModel *self = XS_TRAINEE_FILTER_MODEL (model);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
keeps (XsTraineeFilterModel *self,
       XsTraineeItem        *item)
{
  if (self->unqualified_only && xs_trainee_item_get_qualified (item))
    return FALSE;
  if (self->at_risk_only && !xs_trainee_item_get_at_risk (item))
    return FALSE;
  return xs_trainee_item_matches (item, self->search);
}

/* Replaces the shown items, telling the views only about the part that
 * differs. */
static void
replace_shown (XsTraineeFilterModel *self,
               GPtrArray            *shown)
{
  g_autoptr(GPtrArray) old = self->shown;
  guint head = 0, tail = 0;

  while (head < old->len && head < shown->len
         && g_ptr_array_index (old, head) == g_ptr_array_index (shown, head))
    head++;
  while (tail < old->len - head && tail < shown->len - head
         && g_ptr_array_index (old, old->len - 1 - tail) == g_ptr_array_index (shown, shown->len - 1 - tail))
    tail++;

  self->shown = shown;
  if (old->len != shown->len || head != old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old->len - head - tail, shown->len - head - tail);
}

/* Filters the whole underlying model again. */
static void
refilter_all (XsTraineeFilterModel *self)
{
  guint n = self->model ? g_list_model_get_n_items (self->model) : 0;
  GPtrArray *shown = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      XsTraineeItem *item = g_list_model_get_item (self->model, i);

      if (keeps (self, item))
        g_ptr_array_add (shown, item);
      else
        g_object_unref (item);
    }
  replace_shown (self, shown);
}

/* Filters only what is shown: the new condition is stricter. */
static void
refilter_shown (XsTraineeFilterModel *self)
{
  GPtrArray *shown = g_ptr_array_new_full (self->shown->len, g_object_unref);

  for (guint i = 0; i < self->shown->len; i++)
    {
      XsTraineeItem *item = g_ptr_array_index (self->shown, i);

      if (keeps (self, item))
        g_ptr_array_add (shown, g_object_ref (item));
    }
  replace_shown (self, shown);
}

static void
on_items_changed (XsTraineeFilterModel *self,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  GListModel           *model)
{
  refilter_all (self);
}

static void
xs_trainee_filter_model_dispose (GObject *object)
{
  XsTraineeFilterModel *self = XS_TRAINEE_FILTER_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (xs_trainee_filter_model_parent_class)->dispose (object);
}

static void
xs_trainee_filter_model_finalize (GObject *object)
{
  XsTraineeFilterModel *self = XS_TRAINEE_FILTER_MODEL (object);

  g_ptr_array_unref (self->shown);
  g_free (self->search);

  G_OBJECT_CLASS (xs_trainee_filter_model_parent_class)->finalize (object);
}

static void
xs_trainee_filter_model_class_init (XsTraineeFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xs_trainee_filter_model_dispose;
  object_class->finalize = xs_trainee_filter_model_finalize;
}

static void
xs_trainee_filter_model_init (XsTraineeFilterModel *self)
{
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->search = g_strdup ("");
}

/**
 * xs_trainee_filter_model_new:
 * @model: a list of #XsTraineeItem; every change to it refilters
 *
 * Returns: (transfer full): a model showing all of @model
 */
XsTraineeFilterModel *
xs_trainee_filter_model_new (GListModel *model)
{
  XsTraineeFilterModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (XS_TYPE_TRAINEE_FILTER_MODEL, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
  refilter_all (self);
  return self;
}

/**
 * xs_trainee_filter_model_set_search:
 * @text: what the user typed: part of a name, of an employer or digits of
 *   an identity number; surrounding spaces and case do not count
 */
void
xs_trainee_filter_model_set_search (XsTraineeFilterModel *self,
                                    const char           *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  gboolean stricter;

  g_return_if_fail (XS_IS_TRAINEE_FILTER_MODEL (self));

  stripped = g_strstrip (g_strdup (text ? text : ""));
  folded = g_utf8_casefold (stripped, -1);
  if (g_str_equal (folded, self->search))
    return;

  /* Typing one more letter only narrows the list. */
  stricter = g_str_has_prefix (folded, self->search);
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  if (stricter)
    refilter_shown (self);
  else
    refilter_all (self);
}

void
xs_trainee_filter_model_set_unqualified_only (XsTraineeFilterModel *self,
                                              gboolean              unqualified_only)
{
  g_return_if_fail (XS_IS_TRAINEE_FILTER_MODEL (self));

  unqualified_only = !!unqualified_only;
  if (self->unqualified_only == unqualified_only)
    return;
  self->unqualified_only = unqualified_only;
  if (unqualified_only)
    refilter_shown (self);
  else
    refilter_all (self);
}

void
xs_trainee_filter_model_set_at_risk_only (XsTraineeFilterModel *self,
                                          gboolean              at_risk_only)
{
  g_return_if_fail (XS_IS_TRAINEE_FILTER_MODEL (self));

  at_risk_only = !!at_risk_only;
  if (self->at_risk_only == at_risk_only)
    return;
  self->at_risk_only = at_risk_only;
  if (at_risk_only)
    refilter_shown (self);
  else
    refilter_all (self);
}
