/* xs-trainees-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trainees-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-hours-bar.h"
#include "xs-scan-search.h"
#include "xs-trainee-filter-model.h"
#include "xs-trainees-view.h"

struct _XsTraineesView
{
  GtkWidget           parent_instance;

  XsTraineeModel       *model;
  GtkSortListModel     *sorted;
  XsTraineeFilterModel *filtered;

  /* template children */
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  XsScanSearch       *scan_search;
  GtkToggleButton    *unqualified_button;
  GtkToggleButton    *at_risk_button;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
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

typedef enum
{
  HOURS_PUBLIC,
  HOURS_PROFESSIONAL,
  HOURS_TOTAL,
} HoursColumn;

/* An empty result says so, instead of an empty table. */
static void
update_list_page (XsTraineesView *self)
{
  gboolean none = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0
                  && self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0;

  gtk_stack_set_visible_child_name (self->list_stack, none ? "none-found" : "list");
}

static void
update_count (XsTraineesView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trainee", "%u trainees", all), all);
  else
    text = g_strdup_printf (_("%u of %u trainees"), shown, all);
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

static void
on_sorter_changed (XsTraineesView *self)
{
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
  xs_trainee_filter_model_set_unqualified_only (self->filtered, gtk_toggle_button_get_active (button));
}

static void
on_at_risk_toggled (XsTraineesView  *self,
                    GtkToggleButton *button)
{
  xs_trainee_filter_model_set_at_risk_only (self->filtered, gtk_toggle_button_get_active (button));
}

static void
on_activate (XsTraineesView *self,
             guint           position,
             GtkColumnView  *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr(XsTraineeItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    g_signal_emit (self, signals[TRAINEE_ACTIVATED], 0, xs_trainee_item_get_trainee_id (item));
}

/* Cells */

/* Cells: the name, identity number and employer are labels bound in the
 * .ui; the bars need the year's rules and the status its colour and
 * tooltip, so their factories are here. */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  XsTraineeItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  XsTraineeStatus status = xs_trainee_item_get_status (item);

  gtk_label_set_label (GTK_LABEL (label), xs_trainee_item_get_status_label (item));
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "error");
  if (status == XS_TRAINEE_STATUS_QUALIFIED)
    gtk_widget_add_css_class (label, "success");
  else if (xs_trainee_item_get_at_risk (item))
    gtk_widget_add_css_class (label, "error");
  else if (status == XS_TRAINEE_STATUS_MISSING_EVIDENCE)
    gtk_widget_add_css_class (label, "warning");
}

/* What an at-risk trainee still lacks, on hovering the status. Asked for
 * when shown: setting a tooltip on every bind makes GTK look up the
 * pointer, a round trip to the display server for each row shown. */
static gboolean
on_status_query_tooltip (GtkWidget   *label,
                         int          x,
                         int          y,
                         gboolean     keyboard_tooltip,
                         GtkTooltip  *tooltip,
                         GtkListItem *list_item)
{
  XsTraineeItem *item = gtk_list_item_get_item (list_item);

  if (item == NULL || !xs_trainee_item_get_at_risk (item))
    return FALSE;
  gtk_tooltip_set_text (tooltip, xs_trainee_item_get_lacking (item));
  return TRUE;
}

static void
setup_status (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *label;

  setup_label (factory, list_item, user_data);
  label = gtk_list_item_get_child (list_item);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_status_query_tooltip), list_item);
}

static void
setup_bar (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *bar = xs_hours_bar_new ();

  gtk_widget_add_css_class (bar, "compact");
  gtk_list_item_set_child (list_item, bar);
}

static void
bind_bar (XsTraineesView *self,
          GtkListItem    *list_item,
          HoursColumn     column)
{
  XsTraineeItem *item = gtk_list_item_get_item (list_item);
  XsRuleSet *rules = xs_trainee_model_get_rule_set (self->model);
  int approved, pending, required;

  switch (column)
    {
    case HOURS_PUBLIC:
      approved = xs_trainee_item_get_public (item);
      pending = xs_trainee_item_get_pending_public (item);
      required = xs_rule_set_get_required_public (rules);
      break;
    case HOURS_PROFESSIONAL:
      approved = xs_trainee_item_get_professional (item);
      pending = xs_trainee_item_get_pending_professional (item);
      required = xs_rule_set_get_required_professional (rules);
      break;
    case HOURS_TOTAL:
    default:
      approved = xs_trainee_item_get_total (item);
      pending = xs_trainee_item_get_pending_public (item) + xs_trainee_item_get_pending_professional (item);
      required = xs_rule_set_get_required_total (rules);
      break;
    }
  xs_hours_bar_set (XS_HOURS_BAR (gtk_list_item_get_child (list_item)), NULL, approved, pending, required);
}

static void
bind_public (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             XsTraineesView           *self)
{
  bind_bar (self, list_item, HOURS_PUBLIC);
}

static void
bind_professional (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   XsTraineesView           *self)
{
  bind_bar (self, list_item, HOURS_PROFESSIONAL);
}

static void
bind_total (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            XsTraineesView           *self)
{
  bind_bar (self, list_item, HOURS_TOTAL);
}

static void
set_factory (GtkColumnViewColumn *column,
             GCallback            setup,
             GCallback            bind,
             gpointer             bind_data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, bind_data);
  gtk_column_view_column_set_factory (column, factory);
}

static void
xs_trainees_view_dispose (GObject *object)
{
  XsTraineesView *self = XS_TRAINEES_VIEW (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_TRAINEES_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->sorted);
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

static void
xs_trainees_view_init (XsTraineesView *self)
{
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_factory (self->public_column, G_CALLBACK (setup_bar), G_CALLBACK (bind_public), self);
  set_factory (self->professional_column, G_CALLBACK (setup_bar), G_CALLBACK (bind_professional), self);
  set_factory (self->total_column, G_CALLBACK (setup_bar), G_CALLBACK (bind_total), self);
  set_factory (self->status_column, G_CALLBACK (setup_status), G_CALLBACK (bind_status), NULL);
  self->secondary[0] = self->id_column;
  self->secondary[1] = self->employer_column;
  self->secondary[2] = self->public_column;
  self->secondary[3] = self->professional_column;

  /* Sort first, filter last: a keystroke then only filters the sorted
   * rows instead of sorting the filtered ones again. */
  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filtered = xs_trainee_filter_model_new (G_LIST_MODEL (self->sorted));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_count), self);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sorter_changed), self);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

void
xs_trainees_view_set_model (XsTraineesView *self,
                            XsTraineeModel *model)
{
  g_return_if_fail (XS_IS_TRAINEES_VIEW (self));

  if (g_set_object (&self->model, model))
    gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (model));
  update_count (self);
}

void
xs_trainees_view_set_search (XsTraineesView *self,
                             const char     *text)
{
  g_return_if_fail (XS_IS_TRAINEES_VIEW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  xs_trainee_filter_model_set_search (self->filtered, text);
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
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}
