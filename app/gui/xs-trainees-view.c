/* xs-trainees-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trainees-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-hours-bar.h"
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
  GtkToggleButton    *unqualified_button;
  GtkToggleButton    *at_risk_button;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
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
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       xs_trainee_item_get_name (gtk_list_item_get_item (list_item)));
}

static void
bind_masked_id (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_label (GTK_LABEL (label),
                       xs_trainee_item_get_masked_id (gtk_list_item_get_item (list_item)));
}

static void
bind_employer (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (list_item)),
                       xs_trainee_item_get_employer (gtk_list_item_get_item (list_item)));
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

static GtkColumnViewColumn *
add_column (XsTraineesView *self,
            const char     *title,
            GCallback       setup,
            GCallback       bind,
            gpointer        bind_data,
            GtkSorter      *sorter,
            gboolean        expand,
            int             fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, bind_data);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  g_clear_object (&sorter);
  return column;
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (XS_TYPE_TRAINEE_ITEM, NULL, property)));
}

static GtkSorter *
numeric_sorter (const char *property)
{
  return GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (XS_TYPE_TRAINEE_ITEM, NULL, property)));
}

/* Wide enough at the default width for a bar's text with what awaits
 * review, "60 / 90（待审核 30）". */
#define HOURS_WIDTH 150

static void
add_columns (XsTraineesView *self)
{
  add_column (self, _("Name"), G_CALLBACK (setup_label), G_CALLBACK (bind_name), NULL,
              string_sorter ("name"), FALSE, 100);
  self->secondary[0] = add_column (self, _("Identity Number"), G_CALLBACK (setup_label), G_CALLBACK (bind_masked_id), NULL,
                                   string_sorter ("masked-id"), FALSE, 170);
  self->secondary[1] = add_column (self, _("Employer"), G_CALLBACK (setup_label), G_CALLBACK (bind_employer), NULL,
                                   string_sorter ("employer"), TRUE, -1);
  self->secondary[2] = add_column (self, _("Public"), G_CALLBACK (setup_bar), G_CALLBACK (bind_public), self,
                                   numeric_sorter ("public"), FALSE, HOURS_WIDTH);
  self->secondary[3] = add_column (self, _("Professional"), G_CALLBACK (setup_bar), G_CALLBACK (bind_professional), self,
                                   numeric_sorter ("professional"), FALSE, HOURS_WIDTH);
  add_column (self, _("Total"), G_CALLBACK (setup_bar), G_CALLBACK (bind_total), self,
              numeric_sorter ("total"), FALSE, HOURS_WIDTH);
  add_column (self, _("Status"), G_CALLBACK (setup_status), G_CALLBACK (bind_status), NULL,
              numeric_sorter ("status"), FALSE, 100);
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

static void
xs_trainees_view_class_init (XsTraineesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_trainees_view_dispose;

  signals[TRAINEE_ACTIVATED] = g_signal_new ("trainee-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-trainees-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, unqualified_button);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, at_risk_button);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, XsTraineesView, column_view);
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
  add_columns (self);

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
