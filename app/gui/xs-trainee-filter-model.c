/* xs-trainee-filter-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The trainees list as the view shows it: sorted, then filtered by the
 * search text, "not yet qualified" and "at risk".
 *
 * GTK 4.8's list view makes new widgets for every visible row whose item
 * changes, which took most of a keystroke's time with 100,000 trainees.
 * So the items here are row slots: position n always gives the same item,
 * and a new result only tells the slots alive (those the view shows) which
 * trainee they now hold; the view hears of a change only when the list
 * gets longer or shorter, at its end. The order and the result are plain
 * arrays of row numbers of the trainee model: a keystroke that adds a
 * letter looks only at the rows shown, and sorting happens only when the
 * sort or the rows change.
 *
 * GTK 4.8's list view keeps about 200 rows alive around what it shows,
 * and measures them all again once their labels change: a search that
 * changes the first 200 trainees spent two thirds of its time on rows
 * nobody sees. So the view says which positions are on screen, and only
 * those slots take their new trainee at once; the others are stale until
 * an idle after the frame (or until anyone asks for them, or they are
 * scrolled to).
 *
 * For the same reason the list changes length in steps. Longer: the rows
 * up to the end of the screen at once, the ~200 after them GTK makes
 * widgets for 32 at a time in idles after the frame, and the rest in one
 * go (GtkFilterListModel:incremental does the same). Shorter: the rows
 * GTK keeps stay a moment as blank rows (trainee id 0, drawn as nothing)
 * and go 32 at a time from the end. A search deleted back from 8 rows to
 * 1,007 showed the 1,007 after 190 ms, and one that left 8 of 100,000
 * took 55 ms, most of it spent making or destroying rows below the
 * screen; now the screen is right after the first step, and a keystroke
 * waits at most for one step of 32 rows. When the screen is past the new
 * end the list is shortened at once (GTK scrolls back).
 */
#define G_LOG_DOMAIN "xs-trainee-filter-model"

#include "config.h"

#include <string.h>

#include "xs-trainee-filter-model.h"
#include "xs-trainee-item.h"

struct _XsTraineeFilterModel
{
  GObject          parent_instance;

  XsTraineeModel  *model;
  GArray          *order;             /* guint: rows of the model, sorted */
  GArray          *shown;             /* guint: rows of the model shown */
  GPtrArray       *slots;             /* XsTraineeItem or NULL, not owned */
  GByteArray      *stale;             /* per slot: still shows its former trainee */
  guint            n_stale;
  guint            stale_idle;
  guint            hot_first;         /* the positions on screen */
  guint            hot_n;
  guint            n_reported;        /* the length the view knows: the rest comes in steps */
  guint            step_idle;
  char            *search;            /* stripped and case-folded */
  gboolean         unqualified_only;
  gboolean         at_risk_only;
  XsTraineeSortKey sort[XS_TRAINEE_N_SORTS];
  guint            n_sort;
  /* collation keys of the string columns sorted by, per row */
  GPtrArray       *collate[XS_TRAINEE_N_SORTS];
  GStringChunk    *collate_strings;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (XsTraineeFilterModel, xs_trainee_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_MATCHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROW_AT(array, i) g_array_index ((array), guint, (i))

static const XsTraineeRow *
row_of (XsTraineeFilterModel *self,
        guint                 row)
{
  return xs_trainee_model_get_row (self->model, row);
}

static GType
get_item_type (GListModel *model)
{
  return XS_TYPE_TRAINEE_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return XS_TRAINEE_FILTER_MODEL (model)->n_reported;
}

/* From the slot's dispose. */
static void
on_slot_gone (gpointer  data,
              GObject  *where_the_object_was)
{
  XsTraineeFilterModel *self = data;
  guint position = xs_trainee_item_get_position ((XsTraineeItem *) where_the_object_was);

  if (position < self->slots->len && g_ptr_array_index (self->slots, position) == (gpointer) where_the_object_was)
    {
      g_ptr_array_index (self->slots, position) = NULL;
      if (position < self->stale->len && self->stale->data[position])
        {
          self->stale->data[position] = FALSE;
          self->n_stale--;
        }
    }
}

/* What a position past the end shows while the list shrinks: nothing
 * (its trainee id is 0, see xs-trainee-cells.c). */
static const XsTraineeRow blank_row = { .trainee_id = 0 };

/* The trainee at @position, or the blank row past the end. */
static const XsTraineeRow *
row_at (XsTraineeFilterModel *self,
        guint                 position)
{
  return position < self->shown->len ? row_of (self, ROW_AT (self->shown, position)) : &blank_row;
}

static void
set_slot_row (XsTraineeFilterModel *self,
              XsTraineeItem        *slot,
              guint                 position)
{
  xs_trainee_item_set_row (slot, row_at (self, position), xs_trainee_model_get_rule_set (self->model));
}

/* A stale slot takes the trainee now at its position. */
static void
refresh_slot (XsTraineeFilterModel *self,
              guint                 position)
{
  XsTraineeItem *slot;

  if (position >= self->stale->len || !self->stale->data[position])
    return;
  self->stale->data[position] = FALSE;
  self->n_stale--;
  slot = g_ptr_array_index (self->slots, position);
  if (slot != NULL && position < self->n_reported)
    set_slot_row (self, slot, position);
}

static void
refresh_range (XsTraineeFilterModel *self,
               guint                 first,
               guint                 n)
{
  guint end = n > self->stale->len ? self->stale->len : MIN (self->stale->len, first + n);

  for (guint i = first; i < end && self->n_stale > 0; i++)
    refresh_slot (self, i);
}

/* After the frame: what the screen does not show, a few slots at a time,
 * so a keystroke in between waits for a few rows at most. */
static gboolean
refresh_stale (gpointer user_data)
{
  XsTraineeFilterModel *self = user_data;
  guint done = 0;

  for (guint i = 0; i < self->stale->len && self->n_stale > 0 && done < 32; i++)
    if (self->stale->data[i])
      {
        refresh_slot (self, i);
        done++;
      }
  if (self->n_stale > 0)
    return G_SOURCE_CONTINUE;
  self->stale_idle = 0;
  return G_SOURCE_REMOVE;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  XsTraineeFilterModel *self = XS_TRAINEE_FILTER_MODEL (model);
  XsTraineeItem *slot;

  if (position >= self->n_reported)
    return NULL;
  if (self->slots->len < self->n_reported)
    g_ptr_array_set_size (self->slots, self->n_reported);
  slot = g_ptr_array_index (self->slots, position);
  if (slot != NULL)
    {
      refresh_slot (self, position);
      return g_object_ref (slot);
    }
  slot = xs_trainee_item_new_for_row (row_at (self, position), xs_trainee_model_get_rule_set (self->model));
  xs_trainee_item_set_position (slot, position);
  g_object_weak_ref (G_OBJECT (slot), on_slot_gone, self);
  g_ptr_array_index (self->slots, position) = slot;
  return slot;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Lets go of the slots from @from on: they are no longer in the list. */
static void
drop_slots (XsTraineeFilterModel *self,
            guint                 from)
{
  for (guint i = from; i < self->slots->len; i++)
    {
      XsTraineeItem *slot = g_ptr_array_index (self->slots, i);

      if (slot != NULL)
        {
          g_object_weak_unref (G_OBJECT (slot), on_slot_gone, self);
          xs_trainee_item_set_position (slot, G_MAXUINT);
        }
    }
  if (from < self->slots->len)
    g_ptr_array_set_size (self->slots, from);
  for (guint i = from; i < self->stale->len; i++)
    self->n_stale -= self->stale->data[i];
  if (from < self->stale->len)
    g_byte_array_set_size (self->stale, from);
}

/* Tells the view the list is @n long: past what is shown, blank rows. */
static void
report (XsTraineeFilterModel *self,
        guint                 n)
{
  guint before = self->n_reported;

  if (n == before)
    return;
  self->n_reported = n;
  if (n < before)
    g_list_model_items_changed (G_LIST_MODEL (self), n, before - n, 0);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n - before);
}

/* The rows GTK makes widgets for after the screen, and how many of them
 * an idle adds or takes away at a time. */
#define KEPT_ROWS 256
#define STEP_ROWS 32

/* Where the rows GTK may keep alive end. */
static guint
kept_end (XsTraineeFilterModel *self)
{
  return self->hot_n >= G_MAXUINT - self->hot_first - KEPT_ROWS
         ? G_MAXUINT : self->hot_first + self->hot_n + KEPT_ROWS;
}

static gboolean
step (gpointer user_data)
{
  XsTraineeFilterModel *self = user_data;
  guint n = self->shown->len;

  /* past the rows GTK keeps, more rows cost nothing */
  if (self->n_reported < n)
    report (self, self->n_reported + STEP_ROWS >= kept_end (self) ? n : self->n_reported + STEP_ROWS);
  else if (self->n_reported > n)
    report (self, self->n_reported - MIN (STEP_ROWS, self->n_reported - n));
  if (self->n_reported != n)
    return G_SOURCE_CONTINUE;
  self->step_idle = 0;
  return G_SOURCE_REMOVE;
}

/* How long the list is told to be at once. All of it when the view has
 * not said what it shows, or shows rows past the new end (GTK scrolls
 * back). Longer: up to the end of the screen, and an idle adds the rest.
 * Shorter: the rows GTK keeps stay, blank, and an idle takes them away
 * from the end. */
static guint
first_report (XsTraineeFilterModel *self,
              guint                 hot_end)
{
  guint n = self->shown->len;

  if (self->hot_n == G_MAXUINT || n == self->n_reported
      || (n < self->n_reported && self->hot_first > n))
    {
      g_clear_handle_id (&self->step_idle, g_source_remove);
      return n;
    }
  if (self->step_idle == 0)
    self->step_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, step, self, NULL);
  if (n > self->n_reported)
    return MAX (self->n_reported, MIN (n, hot_end));
  return MIN (self->n_reported, MAX (n, kept_end (self)));
}

/* Shows @shown: the live slots take their new trainees (or nothing, past
 * its end), and the view hears only of the rows added or removed at the
 * end. With @all the rows themselves changed (a reload), so every slot is
 * told. */
static void
replace_shown (XsTraineeFilterModel *self,
               GArray               *shown,
               gboolean              all)
{
  g_autoptr(GArray) old = self->shown;
  guint hot_first = self->hot_first, hot_end, target;

  self->shown = shown;
  /* a list shorter than the place on screen is shown from its end */
  if (self->hot_n >= shown->len)
    hot_first = 0;
  else if (hot_first > shown->len - self->hot_n)
    hot_first = shown->len - self->hot_n;
  hot_end = self->hot_n >= G_MAXUINT - hot_first ? G_MAXUINT : hot_first + self->hot_n;
  target = first_report (self, hot_end);
  if (target > shown->len)
    {
      /* blank rows keep the list as long: the screen stays where it is */
      hot_first = self->hot_first;
      hot_end = self->hot_first + self->hot_n;
    }

  drop_slots (self, target);
  if (self->stale->len < self->slots->len)
    {
      guint before = self->stale->len;

      /* new bytes are not cleared */
      g_byte_array_set_size (self->stale, self->slots->len);
      memset (self->stale->data + before, 0, self->stale->len - before);
    }
  for (guint i = 0; i < self->slots->len; i++)
    {
      XsTraineeItem *slot = g_ptr_array_index (self->slots, i);
      guint was = i < old->len ? ROW_AT (old, i) : G_MAXUINT;
      guint now = i < shown->len ? ROW_AT (shown, i) : G_MAXUINT;

      if (slot == NULL || !(self->stale->data[i] || all || was != now))
        continue;
      if (i >= hot_first && i < hot_end)
        {
          self->n_stale -= self->stale->data[i];
          self->stale->data[i] = FALSE;
          set_slot_row (self, slot, i);
        }
      else if (!self->stale->data[i])
        {
          self->stale->data[i] = TRUE;
          self->n_stale++;
        }
    }
  if (self->n_stale > 0 && self->stale_idle == 0)
    self->stale_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_stale, self, NULL);
  report (self, target);
  if (old->len != shown->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
}

static gboolean
keeps (XsTraineeFilterModel *self,
       const XsTraineeRow   *row)
{
  if (self->unqualified_only && row->status == XS_TRAINEE_STATUS_QUALIFIED)
    return FALSE;
  if (self->at_risk_only && !row->at_risk)
    return FALSE;
  return xs_trainee_row_matches (row, self->search);
}

/* Filters @rows (an array of row numbers) into a new array. */
static GArray *
filter_rows (XsTraineeFilterModel *self,
             GArray               *rows)
{
  GArray *shown;

  if (!self->unqualified_only && !self->at_risk_only && *self->search == '\0')
    {
      shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), rows->len);
      g_array_append_vals (shown, rows->data, rows->len);
      return shown;
    }
  shown = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < rows->len; i++)
    if (keeps (self, row_of (self, ROW_AT (rows, i))))
      g_array_append_val (shown, ROW_AT (rows, i));
  return shown;
}

static const char *
string_of (const XsTraineeRow  *row,
           XsTraineeSortColumn  column)
{
  switch (column)
    {
    case XS_TRAINEE_SORT_NAME:
      return row->name;
    case XS_TRAINEE_SORT_MASKED_ID:
      return row->masked_id;
    case XS_TRAINEE_SORT_EMPLOYER:
      return row->employer;
    default:
      return NULL;
    }
}

static int
number_of (const XsTraineeRow  *row,
           XsTraineeSortColumn  column)
{
  switch (column)
    {
    case XS_TRAINEE_SORT_PUBLIC:
      return row->public_hours;
    case XS_TRAINEE_SORT_PROFESSIONAL:
      return row->professional;
    case XS_TRAINEE_SORT_TOTAL:
      return row->total;
    case XS_TRAINEE_SORT_STATUS:
    default:
      return row->status;
    }
}

static void
clear_collate_keys (XsTraineeFilterModel *self)
{
  for (guint i = 0; i < XS_TRAINEE_N_SORTS; i++)
    g_clear_pointer (&self->collate[i], g_ptr_array_unref);
  g_clear_pointer (&self->collate_strings, g_string_chunk_free);
}

/* Case-insensitive collation keys, as GtkStringSorter compares. */
static void
ensure_collate_keys (XsTraineeFilterModel *self,
                     XsTraineeSortColumn   column)
{
  guint n = xs_trainee_model_get_n_rows (self->model);
  GPtrArray *keys;

  if (self->collate[column] != NULL || string_of (row_of (self, 0), column) == NULL)
    return;
  if (self->collate_strings == NULL)
    self->collate_strings = g_string_chunk_new (64 * 1024);
  keys = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folded = g_utf8_casefold (string_of (row_of (self, i), column), -1);
      g_autofree char *key = g_utf8_collate_key (folded, -1);

      g_ptr_array_add (keys, g_string_chunk_insert (self->collate_strings, key));
    }
  self->collate[column] = keys;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  XsTraineeFilterModel *self = user_data;
  guint ra = *(const guint *) a, rb = *(const guint *) b;

  for (guint k = 0; k < self->n_sort; k++)
    {
      XsTraineeSortColumn column = self->sort[k].column;
      int result;

      if (self->collate[column] != NULL)
        result = strcmp (g_ptr_array_index (self->collate[column], ra),
                         g_ptr_array_index (self->collate[column], rb));
      else
        {
          int na = number_of (row_of (self, ra), column), nb = number_of (row_of (self, rb), column);

          result = (na > nb) - (na < nb);
        }
      if (result != 0)
        return self->sort[k].descending ? -result : result;
    }
  return (ra > rb) - (ra < rb);
}

/* The model's rows in the chosen order. */
static void
sort_all (XsTraineeFilterModel *self)
{
  guint n = xs_trainee_model_get_n_rows (self->model);

  g_array_set_size (self->order, n);
  for (guint i = 0; i < n; i++)
    ROW_AT (self->order, i) = i;
  if (self->n_sort == 0 || n == 0)
    return;
  for (guint k = 0; k < self->n_sort; k++)
    ensure_collate_keys (self, self->sort[k].column);
  g_qsort_with_data (self->order->data, n, sizeof (guint), compare_rows, self);
}

static void
refilter_all (XsTraineeFilterModel *self,
              gboolean              rows_changed)
{
  replace_shown (self, filter_rows (self, self->order), rows_changed);
}

/* Filters only what is shown: the new condition is stricter. */
static void
refilter_shown (XsTraineeFilterModel *self)
{
  replace_shown (self, filter_rows (self, self->shown), FALSE);
}

static void
on_items_changed (XsTraineeFilterModel *self,
                  guint                 position,
                  guint                 removed,
                  guint                 added,
                  GListModel           *model)
{
  clear_collate_keys (self);
  sort_all (self);
  refilter_all (self, TRUE);
}

static void
xs_trainee_filter_model_dispose (GObject *object)
{
  XsTraineeFilterModel *self = XS_TRAINEE_FILTER_MODEL (object);

  g_clear_handle_id (&self->stale_idle, g_source_remove);
  g_clear_handle_id (&self->step_idle, g_source_remove);
  drop_slots (self, 0);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (xs_trainee_filter_model_parent_class)->dispose (object);
}

static void
xs_trainee_filter_model_finalize (GObject *object)
{
  XsTraineeFilterModel *self = XS_TRAINEE_FILTER_MODEL (object);

  g_array_unref (self->order);
  g_array_unref (self->shown);
  g_ptr_array_unref (self->slots);
  g_byte_array_unref (self->stale);
  clear_collate_keys (self);
  g_free (self->search);

  G_OBJECT_CLASS (xs_trainee_filter_model_parent_class)->finalize (object);
}

static void
xs_trainee_filter_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  XsTraineeFilterModel *self = XS_TRAINEE_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->shown->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_trainee_filter_model_class_init (XsTraineeFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = xs_trainee_filter_model_dispose;
  object_class->finalize = xs_trainee_filter_model_finalize;
  object_class->get_property = xs_trainee_filter_model_get_property;

  /* as xs_trainee_filter_model_get_n_matches() */
  properties[PROP_N_MATCHES] = g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_trainee_filter_model_init (XsTraineeFilterModel *self)
{
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->slots = g_ptr_array_new ();
  self->stale = g_byte_array_new ();
  self->hot_n = G_MAXUINT;
  self->search = g_strdup ("");
}

/**
 * xs_trainee_filter_model_new:
 * @model: the trainees; every change to it sorts and filters again
 *
 * Returns: (transfer full): a model showing all of @model
 */
XsTraineeFilterModel *
xs_trainee_filter_model_new (XsTraineeModel *model)
{
  XsTraineeFilterModel *self;

  g_return_val_if_fail (XS_IS_TRAINEE_MODEL (model), NULL);

  self = g_object_new (XS_TYPE_TRAINEE_FILTER_MODEL, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);
  sort_all (self);
  refilter_all (self, FALSE);
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
  stricter = strstr (folded, self->search) != NULL;
  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  if (stricter)
    refilter_shown (self);
  else
    refilter_all (self, FALSE);
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
    refilter_all (self, FALSE);
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
    refilter_all (self, FALSE);
}

void
xs_trainee_filter_model_set_sort (XsTraineeFilterModel   *self,
                                  const XsTraineeSortKey *keys,
                                  guint                   n_keys)
{
  g_return_if_fail (XS_IS_TRAINEE_FILTER_MODEL (self));
  g_return_if_fail (n_keys <= XS_TRAINEE_N_SORTS);
  g_return_if_fail (n_keys == 0 || keys != NULL);

  if (n_keys == self->n_sort && (n_keys == 0 || memcmp (keys, self->sort, n_keys * sizeof *keys) == 0))
    return;
  self->n_sort = n_keys;
  if (n_keys > 0)
    memcpy (self->sort, keys, n_keys * sizeof *keys);
  sort_all (self);
  refilter_all (self, FALSE);
}

gint64
xs_trainee_filter_model_get_trainee_id (XsTraineeFilterModel *self,
                                        guint                 position)
{
  g_return_val_if_fail (XS_IS_TRAINEE_FILTER_MODEL (self), 0);
  g_return_val_if_fail (position < self->n_reported, 0);
  /* a blank row past the end while the list shrinks */
  if (position >= self->shown->len)
    return 0;
  return row_of (self, ROW_AT (self->shown, position))->trainee_id;
}

guint
xs_trainee_filter_model_find (XsTraineeFilterModel *self,
                              gint64                trainee_id)
{
  g_return_val_if_fail (XS_IS_TRAINEE_FILTER_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->shown->len; i++)
    if (row_of (self, ROW_AT (self->shown, i))->trainee_id == trainee_id)
      {
        /* the caller means to select or scroll to it: the list reaches it now */
        if (i >= self->n_reported)
          report (self, self->shown->len);
        return i;
      }
  return G_MAXUINT;
}

guint
xs_trainee_filter_model_get_n_matches (XsTraineeFilterModel *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_FILTER_MODEL (self), 0);
  return self->shown->len;
}

/**
 * xs_trainee_filter_model_set_visible:
 * @first: the first position on screen
 * @n_visible: how many positions the screen shows, %G_MAXUINT for all
 *
 * The slots at these positions take a new trainee as soon as the list
 * changes; the others after the frame. Any slot still to change here
 * changes now.
 */
void
xs_trainee_filter_model_set_visible (XsTraineeFilterModel *self,
                                     guint                 first,
                                     guint                 n_visible)
{
  g_return_if_fail (XS_IS_TRAINEE_FILTER_MODEL (self));

  self->hot_first = first;
  self->hot_n = n_visible;
  if (n_visible == G_MAXUINT)
    refresh_range (self, 0, G_MAXUINT);
  else
    refresh_range (self, first, n_visible);
}
