/* xs-trainees-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trainees-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-scan-search.h"
#include "xs-trainee-cells.h"
#include "xs-trainee-filter-model.h"
#include "xs-trainees-view.h"

struct _XsTraineesView
{
  GtkWidget           parent_instance;

  XsTraineeModel       *model;
  XsTraineeFilterModel *filtered;
  GtkSingleSelection   *selection;

  /* template children */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  XsScanSearch       *scan_search;
  GtkToggleButton    *unqualified_button;
  GtkToggleButton    *at_risk_button;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *public_column;
  GtkColumnViewColumn *professional_column;
  GtkColumnViewColumn *total_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *id_column;
  GtkColumnViewColumn *employer_column;
  GtkStack           *list_stack;
  GtkBox             *search_box;

  /* Below NARROW_WIDTH only the name, the total and the status are shown. */
  gboolean            narrow;
  guint               narrow_idle;
  guint               scroll_idle;
  guint               visible_idle;
  GtkAdjustment      *vadjustment;
  double              row_height;       /* estimated from the list's height */
  GtkColumnViewColumn *secondary[4];
};

#define NARROW_WIDTH 720

G_DEFINE_FINAL_TYPE (XsTraineesView, xs_trainees_view, GTK_TYPE_WIDGET)

enum {
  TRAINEE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An empty result says so, instead of an empty table. */
static void
update_list_page (XsTraineesView *self)
{
  gboolean none = xs_trainee_filter_model_get_n_matches (self->filtered) == 0
                  && self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, none ? "none-found" : "list");
}

static void
update_count (XsTraineesView *self)
{
  guint shown = xs_trainee_filter_model_get_n_matches (self->filtered);
  guint all = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trainee", "%u trainees", all), all);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u trainee", "%u of %u trainees", all), shown, all);
  gtk_label_set_label (self->count_label, text);
  update_list_page (self);
}

static gboolean
apply_narrow (gpointer user_data)
{
  XsTraineesView *self = user_data;

  self->narrow_idle = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->secondary); i++)
    if (self->secondary[i] != NULL)
      gtk_column_view_column_set_visible (self->secondary[i], !self->narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), !self->narrow);
  /* the filters go under the search entry */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->search_box),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  return G_SOURCE_REMOVE;
}

/* The one child takes the whole view (a layout manager would keep
 * size_allocate from being called). */
static void
xs_trainees_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

/* Narrow windows (a clerk's half of a 1366-pixel screen) keep the name,
 * the total and the status; the columns change after the allocation, not
 * during it. */
static void
xs_trainees_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  XsTraineesView *self = XS_TRAINEES_VIEW (widget);
  gboolean narrow = width < NARROW_WIDTH;

  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle == 0)
        /* before the next frame's layout, whatever keeps redrawing */
        self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_narrow, self, NULL);
    }
}

gboolean
xs_trainees_view_get_narrow (XsTraineesView *self)
{
  g_return_val_if_fail (XS_IS_TRAINEES_VIEW (self), FALSE);
  return self->narrow;
}

/* Sorting keeps the selected trainee in view. */
static gboolean
scroll_to_selected (gpointer user_data)
{
  XsTraineesView *self = user_data;
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  guint position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));

  self->scroll_idle = 0;
  if (position == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;
  /* GTK 4.8 has no gtk_column_view_scroll_to(): the list inside has the
   * action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
  return G_SOURCE_REMOVE;
}

/* The rows on screen take a new trainee with the keystroke, the rest of
 * the rows GTK keeps alive after the frame (see
 * xs-trainee-filter-model.c). Rows are all of one height: the list's
 * height over its length is one row. A few rows more on each side cover
 * a row half shown and the estimate. */
#define VISIBLE_MARGIN 4

static gboolean
update_visible (gpointer user_data)
{
  XsTraineesView *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  double upper = 0, page = 0, value = 0, row;
  guint first, count;

  self->visible_idle = 0;
  if (self->vadjustment != NULL)
    {
      upper = gtk_adjustment_get_upper (self->vadjustment);
      page = gtk_adjustment_get_page_size (self->vadjustment);
      value = gtk_adjustment_get_value (self->vadjustment);
    }
  if (n > 0 && upper > 0)
    self->row_height = upper / n;
  if (self->row_height <= 0 || page <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* nothing known yet: every row at once */
      xs_trainee_filter_model_set_visible (self->filtered, 0, G_MAXUINT);
      return G_SOURCE_REMOVE;
    }
  /* a list shorter than the screen may get longer: the screen's rows count */
  row = self->row_height;
  first = (guint) MIN (value / row, (double) n);
  count = (guint) MIN (page / row + 1, 10000.0) + 2 * VISIBLE_MARGIN;
  first = first > VISIBLE_MARGIN ? first - VISIBLE_MARGIN : 0;
  xs_trainee_filter_model_set_visible (self->filtered, first, count);
  return G_SOURCE_REMOVE;
}

/* Scrolling or a new size: before the next frame's layout, not in the
 * list's own allocation (where a row's new text would resize it). */
static void
queue_update_visible (XsTraineesView *self)
{
  if (self->visible_idle == 0)
    self->visible_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_visible, self, NULL);
}

static void
on_vadjustment (XsTraineesView *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (adjustment == self->vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, queue_update_visible, self);
  g_set_object (&self->vadjustment, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (queue_update_visible), self);
      g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (queue_update_visible), self);
    }
  queue_update_visible (self);
}

/* The selected trainee, or -1 (none, or a blank row while the list
 * gets shorter). */
static gint64
selected_trainee (XsTraineesView *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  gint64 trainee_id;

  if (position == GTK_INVALID_LIST_POSITION)
    return -1;
  trainee_id = xs_trainee_filter_model_get_trainee_id (self->filtered, position);
  return trainee_id > 0 ? trainee_id : -1;
}

/* The rows keep their places while the trainees in them change: the
 * selection follows its trainee, or goes when they are no longer shown. */
static void
reselect (XsTraineesView *self,
          gint64          trainee_id)
{
  guint position = trainee_id < 0 ? GTK_INVALID_LIST_POSITION
                                  : xs_trainee_filter_model_find (self->filtered, trainee_id);

  gtk_single_selection_set_selected (self->selection, position);
}

/* Sorting */

/* GTK 4.8 does not say which columns the header clicks sort by, nor how:
 * its sorter is asked about pairs of made-up trainees that differ in one
 * or two columns. */
static const XsTraineeSortColumn sort_columns[] = {
  XS_TRAINEE_SORT_NAME, XS_TRAINEE_SORT_MASKED_ID, XS_TRAINEE_SORT_EMPLOYER,
  XS_TRAINEE_SORT_PUBLIC, XS_TRAINEE_SORT_PROFESSIONAL, XS_TRAINEE_SORT_TOTAL,
  XS_TRAINEE_SORT_STATUS,
};

static XsTraineeItem *
make_probe (const int values[XS_TRAINEE_N_SORTS])
{
  static const char *const letters[] = { "a", "b" };
  XsTraineeRow row = { 0 };

  row.name = letters[values[XS_TRAINEE_SORT_NAME]];
  row.masked_id = letters[values[XS_TRAINEE_SORT_MASKED_ID]];
  row.employer = letters[values[XS_TRAINEE_SORT_EMPLOYER]];
  row.id_number = "";
  row.folded = "";
  row.public_hours = values[XS_TRAINEE_SORT_PUBLIC];
  row.professional = values[XS_TRAINEE_SORT_PROFESSIONAL];
  row.total = values[XS_TRAINEE_SORT_TOTAL];
  row.status = values[XS_TRAINEE_SORT_STATUS];
  return xs_trainee_item_new_for_row (&row, NULL);
}

static GtkOrdering
compare_probes (GtkSorter *sorter,
                const int  a[XS_TRAINEE_N_SORTS],
                const int  b[XS_TRAINEE_N_SORTS])
{
  g_autoptr(XsTraineeItem) first = make_probe (a);
  g_autoptr(XsTraineeItem) second = make_probe (b);

  return gtk_sorter_compare (sorter, first, second);
}

/* Whether @key decides before @other. */
static gboolean
sorts_before (GtkSorter              *sorter,
              const XsTraineeSortKey *key,
              const XsTraineeSortKey *other)
{
  int a[XS_TRAINEE_N_SORTS] = { 0 }, b[XS_TRAINEE_N_SORTS] = { 0 };

  /* @key alone would say "smaller", @other alone "larger" */
  (key->descending ? a : b)[key->column] = 1;
  (other->descending ? b : a)[other->column] = 1;
  return compare_probes (sorter, a, b) == GTK_ORDERING_SMALLER;
}

static void
apply_sort (XsTraineesView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  XsTraineeSortKey keys[XS_TRAINEE_N_SORTS];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sort_columns); i++)
    {
      int a[XS_TRAINEE_N_SORTS] = { 0 }, b[XS_TRAINEE_N_SORTS] = { 0 };
      GtkOrdering order;

      b[sort_columns[i]] = 1;
      order = compare_probes (sorter, a, b);
      if (order != GTK_ORDERING_EQUAL)
        keys[n++] = (XsTraineeSortKey) { sort_columns[i], order == GTK_ORDERING_LARGER };
    }
  /* the primary column first */
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0 && sorts_before (sorter, &keys[j], &keys[j - 1]); j--)
      {
        XsTraineeSortKey swap = keys[j];

        keys[j] = keys[j - 1];
        keys[j - 1] = swap;
      }
  xs_trainee_filter_model_set_sort (self->filtered, keys, n);
}

static void
on_sorter_changed (XsTraineesView *self)
{
  gint64 selected = selected_trainee (self);

  apply_sort (self);
  reselect (self, selected);
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add (scroll_to_selected, self);
}

static void
on_search_changed (XsTraineesView *self,
                   GtkSearchEntry *entry)
{
  xs_trainees_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_unqualified_toggled (XsTraineesView  *self,
                        GtkToggleButton *button)
{
  gint64 selected = selected_trainee (self);

  xs_trainee_filter_model_set_unqualified_only (self->filtered, gtk_toggle_button_get_active (button));
  reselect (self, selected);
}

static void
on_at_risk_toggled (XsTraineesView  *self,
                    GtkToggleButton *button)
{
  gint64 selected = selected_trainee (self);

  xs_trainee_filter_model_set_at_risk_only (self->filtered, gtk_toggle_button_get_active (button));
  reselect (self, selected);
}

static void
on_activate (XsTraineesView *self,
             guint           position,
             GtkColumnView  *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(XsTraineeItem) item = g_list_model_get_item (model, position);

  /* not a blank row while the list gets shorter */
  if (item != NULL && xs_trainee_item_get_trainee_id (item) > 0)
    g_signal_emit (self, signals[TRAINEE_ACTIVATED], 0, xs_trainee_item_get_trainee_id (item));
}

static void
xs_trainees_view_dispose (GObject *object)
{
  XsTraineesView *self = XS_TRAINEES_VIEW (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  g_clear_handle_id (&self->visible_idle, g_source_remove);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, queue_update_visible, self);
  g_clear_object (&self->vadjustment);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_TRAINEES_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (xs_trainees_view_parent_class)->dispose (object);
}

/* "db" is the scan search's: only the words on scans are read from it. */
static void
xs_trainees_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  XsTraineesView *self = XS_TRAINEES_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_object_get_property (G_OBJECT (self->scan_search), "db", value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_trainees_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  XsTraineesView *self = XS_TRAINEES_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_object_set_property (G_OBJECT (self->scan_search), "db", value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_trainees_view_class_init (XsTraineesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_trainees_view_dispose;
  object_class->get_property = xs_trainees_view_get_property;
  object_class->set_property = xs_trainees_view_set_property;

  /* the database whose scans' text the search also reads */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_type_ensure (XS_TYPE_SCAN_SEARCH);

  signals[TRAINEE_ACTIVATED] = g_signal_new ("trainee-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (XS_TYPE_TRAINEE_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-trainees-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, scan_search);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, unqualified_button);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, at_risk_button);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, name_column);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, public_column);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, professional_column);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, total_column);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, status_column);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, id_column);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, employer_column);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, search_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_unqualified_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_at_risk_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  widget_class->measure = xs_trainees_view_measure;
  widget_class->size_allocate = xs_trainees_view_size_allocate;
}

/* Sorts and filters @model as the header and the search bar say. */
static void
use_model (XsTraineesView *self,
           XsTraineeModel *model)
{
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, update_count, self);
  g_clear_object (&self->filtered);
  self->filtered = xs_trainee_filter_model_new (model);
  xs_trainee_filter_model_set_search (self->filtered, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  xs_trainee_filter_model_set_unqualified_only (self->filtered, gtk_toggle_button_get_active (self->unqualified_button));
  xs_trainee_filter_model_set_at_risk_only (self->filtered, gtk_toggle_button_get_active (self->at_risk_button));
  apply_sort (self);
  g_signal_connect_swapped (self->filtered, "notify::n-matches", G_CALLBACK (update_count), self);
  if (self->vadjustment != NULL)
    queue_update_visible (self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->filtered));
}

static void
set_factory (GtkColumnViewColumn *column,
             XsTraineeCell        cell)
{
  g_autoptr(GtkListItemFactory) factory = xs_trainee_cells_factory_new (cell);

  gtk_column_view_column_set_factory (column, factory);
}

static void
xs_trainees_view_init (XsTraineesView *self)
{
  g_autoptr(XsTraineeModel) empty = xs_trainee_model_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  set_factory (self->name_column, XS_TRAINEE_CELL_NAME);
  set_factory (self->id_column, XS_TRAINEE_CELL_MASKED_ID);
  set_factory (self->employer_column, XS_TRAINEE_CELL_EMPLOYER);
  set_factory (self->public_column, XS_TRAINEE_CELL_PUBLIC);
  set_factory (self->professional_column, XS_TRAINEE_CELL_PROFESSIONAL);
  set_factory (self->total_column, XS_TRAINEE_CELL_TOTAL);
  set_factory (self->status_column, XS_TRAINEE_CELL_STATUS);
  self->secondary[0] = self->id_column;
  self->secondary[1] = self->employer_column;
  self->secondary[2] = self->public_column;
  self->secondary[3] = self->professional_column;

  /* Sorted once per sort or load, filtered per keystroke: see
   * xs-trainee-filter-model.c */
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  use_model (self, empty);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sorter_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->column_view, "notify::vadjustment", G_CALLBACK (on_vadjustment), self);
  g_signal_connect_swapped (self, "map", G_CALLBACK (queue_update_visible), self);
  on_vadjustment (self);
}

void
xs_trainees_view_set_model (XsTraineesView *self,
                            XsTraineeModel *model)
{
  g_return_if_fail (XS_IS_TRAINEES_VIEW (self));
  g_return_if_fail (XS_IS_TRAINEE_MODEL (model));

  if (g_set_object (&self->model, model))
    use_model (self, model);
  update_count (self);
}

void
xs_trainees_view_set_search (XsTraineesView *self,
                             const char     *text)
{
  gint64 selected;

  g_return_if_fail (XS_IS_TRAINEES_VIEW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  selected = selected_trainee (self);
  xs_trainee_filter_model_set_search (self->filtered, text);
  reselect (self, selected);
  /* and the words on the claims' scans */
  xs_scan_search_set_search (self->scan_search, text);
}

XsScanSearch *
xs_trainees_view_get_scan_search (XsTraineesView *self)
{
  g_return_val_if_fail (XS_IS_TRAINEES_VIEW (self), NULL);
  return self->scan_search;
}

void
xs_trainees_view_focus_search (XsTraineesView *self)
{
  g_return_if_fail (XS_IS_TRAINEES_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

guint
xs_trainees_view_get_n_shown (XsTraineesView *self)
{
  g_return_val_if_fail (XS_IS_TRAINEES_VIEW (self), 0);
  return xs_trainee_filter_model_get_n_matches (self->filtered);
}
