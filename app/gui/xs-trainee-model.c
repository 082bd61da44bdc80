/* xs-trainee-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A base of 100,000 trainees as 100,000 GObjects with their own strings
 * took about 100 MB; here a row is a plain struct in one array and the
 * strings sit in one GStringChunk, and items exist only while a view holds
 * them.
 */
#define G_LOG_DOMAIN "xs-trainee-model"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "xs-at-risk.h"
#include "xs-db.h"
#include "xs-id-number.h"
#include "xs-job.h"
#include "xs-progress.h"
#include "xs-trainee-model.h"

/* The trainees' texts (names, identity numbers, employers, their masked
 * and case-folded forms): the same from one year to the next, so a load
 * that reads the same roster shares them with the rows it replaces
 * instead of masking and case-folding 100,000 trainees again. Never
 * changed once a load has made them. */
typedef struct
{
  GStringChunk *chunk;
} Texts;

static Texts *
texts_new (void)
{
  Texts *texts = g_atomic_rc_box_new0 (Texts);

  texts->chunk = g_string_chunk_new (64 * 1024);
  return texts;
}

static void
texts_clear (Texts *texts)
{
  g_string_chunk_free (texts->chunk);
}

static void
texts_unref (Texts *texts)
{
  g_atomic_rc_box_release_full (texts, (GDestroyNotify) texts_clear);
}

/* The rows of one load; a load in progress holds the rows it replaces. */
typedef struct
{
  GArray       *rows;     /* XsTraineeRow */
  Texts        *texts;
  GStringChunk *strings;  /* what the rows lack, the rows' texts when appended */
  XsRuleSet    *rules;
  int           year;
} Rows;

static Rows *
rows_new (guint  n,
          Texts *texts)
{
  Rows *data = g_atomic_rc_box_new0 (Rows);

  data->rows = g_array_sized_new (FALSE, TRUE, sizeof (XsTraineeRow), n);
  data->texts = texts != NULL ? g_atomic_rc_box_acquire (texts) : texts_new ();
  data->strings = g_string_chunk_new (4 * 1024);
  return data;
}

static void
rows_clear (Rows *data)
{
  g_array_unref (data->rows);
  texts_unref (data->texts);
  g_string_chunk_free (data->strings);
  g_clear_object (&data->rules);
}

static void
rows_unref (Rows *data)
{
  if (data != NULL)
    g_atomic_rc_box_release_full (data, (GDestroyNotify) rows_clear);
}

/* Appends @row; its texts are @same's (a row of the rows replaced, for
 * the same trainee with the same texts) or are made into @chunk. */
static void
rows_append (Rows                *data,
             GStringChunk        *chunk,
             const XsProgressRow *row,
             const XsTraineeRow  *same,
             gboolean             at_risk,
             const char          *lacking)
{
  XsTraineeRow r = { 0 };

  r.trainee_id = row->trainee_id;
  if (same != NULL)
    {
      r.name = same->name;
      r.id_number = same->id_number;
      r.masked_id = same->masked_id;
      r.employer = same->employer;
      r.folded = same->folded;
    }
  else
    {
      g_autofree char *masked = xs_id_number_mask (row->id_number ? row->id_number : "");
      g_autofree char *joined = g_strconcat (row->name ? row->name : "", "\n", row->employer ? row->employer : "", NULL);
      g_autofree char *folded = g_utf8_casefold (joined, -1);

      r.name = g_string_chunk_insert (chunk, row->name ? row->name : "");
      r.id_number = g_string_chunk_insert (chunk, row->id_number ? row->id_number : "");
      r.masked_id = g_string_chunk_insert (chunk, masked ? masked : "");
      /* employers repeat: kept once */
      r.employer = g_string_chunk_insert_const (chunk, row->employer ? row->employer : "");
      r.folded = g_string_chunk_insert (chunk, folded);
    }
  /* so do what trainees lack */
  r.lacking = lacking != NULL ? g_string_chunk_insert_const (data->strings, lacking) : NULL;
  r.public_hours = row->public_hours;
  r.professional = row->professional;
  r.total = row->total;
  r.pending_public = row->pending_public;
  r.pending_professional = row->pending_professional;
  r.status = xs_trainee_status_for (row);
  r.at_risk = !!at_risk;
  g_array_append_val (data->rows, r);
}

/* Whether @previous holds the trainees of @progress, in its order, with
 * the same texts. */
static gboolean
same_texts (Rows       *previous,
            XsProgress *progress)
{
  guint n = xs_progress_get_n_rows (progress);

  if (previous == NULL || previous->rows->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const XsProgressRow *row = xs_progress_get_row (progress, i);
      const XsTraineeRow *old = &g_array_index (previous->rows, XsTraineeRow, i);

      if (old->trainee_id != row->trainee_id
          || g_strcmp0 (old->name, row->name ? row->name : "") != 0
          || g_strcmp0 (old->id_number, row->id_number ? row->id_number : "") != 0
          || g_strcmp0 (old->employer, row->employer ? row->employer : "") != 0)
        return FALSE;
    }
  return TRUE;
}

struct _XsTraineeModel
{
  GObject     parent_instance;

  Rows       *data;
  GPtrArray  *items;   /* XsTraineeItem or NULL, not owned: the live ones */
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
  return XS_TRAINEE_MODEL (model)->data->rows->len;
}

/* Called from the item's dispose: it is still an item. */
static void
on_item_finalized (gpointer  data,
                   GObject  *where_the_object_was)
{
  XsTraineeModel *self = data;
  guint position = xs_trainee_item_get_position ((XsTraineeItem *) where_the_object_was);

  if (position < self->items->len && g_ptr_array_index (self->items, position) == (gpointer) where_the_object_was)
    g_ptr_array_index (self->items, position) = NULL;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  XsTraineeModel *self = XS_TRAINEE_MODEL (model);
  XsTraineeItem *item;

  if (position >= self->data->rows->len)
    return NULL;
  if (self->items->len < self->data->rows->len)
    g_ptr_array_set_size (self->items, self->data->rows->len);
  item = g_ptr_array_index (self->items, position);
  if (item != NULL)
    return g_object_ref (item);
  item = xs_trainee_item_new_for_row (&g_array_index (self->data->rows, XsTraineeRow, position),
                                      self->data->rules);
  xs_trainee_item_set_position (item, position);
  g_ptr_array_index (self->items, position) = item;
  g_object_weak_ref (G_OBJECT (item), on_item_finalized, self);
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* The items still alive keep what they show; the model forgets them. */
static void
forget_items (XsTraineeModel *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      GObject *item = g_ptr_array_index (self->items, i);

      if (item != NULL)
        g_object_weak_unref (item, on_item_finalized, self);
    }
  g_ptr_array_set_size (self->items, 0);
}

static void
xs_trainee_model_finalize (GObject *object)
{
  XsTraineeModel *self = (XsTraineeModel *) object;

  forget_items (self);
  g_ptr_array_unref (self->items);
  rows_unref (self->data);

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
  self->items = g_ptr_array_new ();
  self->data = rows_new (0, NULL);
}

XsTraineeModel *
xs_trainee_model_new (void)
{
  return g_object_new (XS_TYPE_TRAINEE_MODEL, NULL);
}

/* What a load reads, and the rows it replaces. */
typedef struct
{
  int   year;
  Rows *previous;
} Load;

static void
load_free (Load *load)
{
  rows_unref (load->previous);
  g_free (load);
}

static gboolean
load_items (XsJob         *job,
            XsDb          *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  Load *load = data;
  g_autoptr(XsProgress) progress = NULL;
  g_autoptr(XsAtRisk) at_risk = NULL;
  Rows *loaded;
  gboolean reuse;
  guint n;

  progress = xs_progress_compute (db, load->year, NULL, error);
  if (progress == NULL)
    return FALSE;

  /* At risk as of today. */
  at_risk = xs_at_risk_new (progress, NULL);
  /* a claim whose scans name another person or year is said with the rest */
  if (!xs_at_risk_add_scan_problems (at_risk, db, error))
    return FALSE;
  n = xs_progress_get_n_rows (progress);
  reuse = same_texts (load->previous, progress);
  loaded = rows_new (n, reuse ? load->previous->texts : NULL);
  loaded->year = load->year;
  loaded->rules = g_object_ref (xs_progress_get_rule_set (progress));
  xs_job_set_result (job, loaded, (GDestroyNotify) rows_unref);
  for (guint i = 0; i < n; i++)
    {
      const XsAtRiskEntry *entry = xs_at_risk_lookup_row (at_risk, i);
      const XsProgressRow *row = xs_progress_get_row (progress, i);
      const XsTraineeRow *same = reuse ? &g_array_index (load->previous->rows, XsTraineeRow, i) : NULL;

      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (entry != NULL && entry->scan_problem != NULL)
        {
          /* Translators: what a trainee lacks; what a scan of theirs says that does not fit */
          g_autofree char *summary = g_strdup_printf (_("%s; %s"), entry->summary, entry->scan_problem);

          rows_append (loaded, loaded->texts->chunk, row, same, entry->at_risk, summary);
        }
      else if (entry != NULL)
        rows_append (loaded, loaded->texts->chunk, row, same, entry->at_risk, entry->summary);
      else
        rows_append (loaded, loaded->texts->chunk, row, same, FALSE, NULL);
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
  Load *load;

  g_return_if_fail (XS_IS_TRAINEE_MODEL (self));
  g_return_if_fail (data_dir != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, xs_trainee_model_load_async);
  load = g_new0 (Load, 1);
  load->year = year;
  /* read in the worker: rows are not changed once loaded */
  load->previous = g_atomic_rc_box_acquire (self->data);
  job = xs_job_new (data_dir, load_items, load, (GDestroyNotify) load_free);
  xs_job_run_for_task (job, task);
}

gboolean
xs_trainee_model_load_finish (XsTraineeModel  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  Rows *loaded;
  guint removed;

  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;

  /* one swap, one signal */
  removed = self->data->rows->len;
  forget_items (self);
  rows_unref (self->data);
  self->data = loaded;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->data->rows->len);
#ifdef __GLIBC__
  /* The worker's query and the rows it replaced were freed in pieces
   * that glibc keeps (in the worker's arena, too) unless asked. */
  malloc_trim (0);
#endif
  return TRUE;
}

XsRuleSet *
xs_trainee_model_get_rule_set (XsTraineeModel *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (self), NULL);
  return self->data->rules;
}

int
xs_trainee_model_get_year (XsTraineeModel *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (self), 0);
  return self->data->year;
}

guint
xs_trainee_model_get_n_rows (XsTraineeModel *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (self), 0);
  return self->data->rows->len;
}

const XsTraineeRow *
xs_trainee_model_get_row (XsTraineeModel *self,
                          guint           position)
{
  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (self), NULL);
  g_return_val_if_fail (position < self->data->rows->len, NULL);
  return &g_array_index (self->data->rows, XsTraineeRow, position);
}

void
xs_trainee_model_append (XsTraineeModel      *self,
                         const XsProgressRow *row,
                         gboolean             at_risk,
                         const char          *lacking)
{
  g_return_if_fail (XS_IS_TRAINEE_MODEL (self));
  g_return_if_fail (row != NULL);

  /* the rows' array may move: the items keep copies, and stay; the texts
   * may be shared with a load, so these go with the rows' own strings */
  rows_append (self->data, self->data->strings, row, NULL, at_risk, lacking);
  g_list_model_items_changed (G_LIST_MODEL (self), self->data->rows->len - 1, 0, 1);
}
