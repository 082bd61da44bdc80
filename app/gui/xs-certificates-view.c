/* xs-certificates-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-certificates-view"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-certificates-view-private.h"

/* below it, the list shows only the name and the total */
#define NARROW_WIDTH 720

G_DEFINE_FINAL_TYPE (XsCertificatesView, xs_certificates_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_DB,
  PROP_MODEL,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
_xs_certificates_view_has_base_name (XsCertificatesView *self)
{
  return self->profile != NULL && *xs_base_profile_get_name (self->profile) != '\0';
}

/* State shown */

int
_xs_certificates_view_get_year (XsCertificatesView *self)
{
  return self->model != NULL ? xs_trainee_model_get_year (self->model) : 0;
}

void
_xs_certificates_view_update_actions (XsCertificatesView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean busy = self->issuer != NULL && xs_certificate_issuer_get_busy (self->issuer);
  gboolean can_issue = self->db != NULL && !busy
                       && _xs_certificates_view_has_base_name (self)
                       && xs_certificates_view_get_n_selected (self) > 0;

  gtk_widget_action_set_enabled (widget, "certificates.export", can_issue);
  gtk_widget_action_set_enabled (widget, "certificates.print", can_issue);
  gtk_widget_action_set_enabled (widget, "certificates.select-all", n_shown > 0);
  gtk_widget_action_set_enabled (widget, "certificates.select-none", xs_certificates_view_get_n_selected (self) > 0);
  gtk_widget_action_set_enabled (widget, "certificates.cancel", busy);
}

static void
update_counts (XsCertificatesView *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_selected = xs_certificates_view_get_n_selected (self);
  int year = _xs_certificates_view_get_year (self);
  g_autofree char *count = NULL;
  g_autofree char *selected = NULL;

  if (n_shown == self->n_qualified)
    /* Translators: "%u trainees qualified for 2018" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u trainee qualified for %d",
                                          "%u trainees qualified for %d", self->n_qualified),
                             self->n_qualified, year);
  else
    /* Translators: trainees the search shows, of those qualified for a year */
    count = g_strdup_printf (_("%u of %u trainees qualified for %d"), n_shown, self->n_qualified, year);
  gtk_label_set_label (self->count_label, count);

  /* Translators: how many trainees are chosen for certificates */
  selected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u selected", "%u selected", n_selected), n_selected);
  gtk_label_set_label (self->selected_label, selected);

  gtk_stack_set_visible_child_name (self->list_stack, self->n_qualified > 0 ? "list" : "empty");
  _xs_certificates_view_update_actions (self);
}

void
_xs_certificates_view_update_base_name (XsCertificatesView *self)
{
  gtk_revealer_set_reveal_child (self->base_name_revealer,
                                 self->profile != NULL && !_xs_certificates_view_has_base_name (self));
  _xs_certificates_view_update_actions (self);
}

/* Only what is saved goes onto a certificate: Preferences save each change. */
static void
on_profile_changed (XsCertificatesView *self,
                    GParamSpec         *pspec,
                    XsBaseProfile      *profile)
{
  /* the preview follows the profile itself */
  if (g_str_equal (pspec->name, "name"))
    _xs_certificates_view_update_base_name (self);
}

void
_xs_certificates_view_notify_busy (XsCertificatesView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The list */

static gboolean
filter_item (gpointer item,
             gpointer user_data)
{
  XsCertificatesView *self = user_data;

  return xs_trainee_item_get_qualified (item)
         && (self->search == NULL || xs_trainee_item_matches (item, self->search));
}

static void
count_qualified (XsCertificatesView *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  /* from the rows: an item for each would be made for nothing */
  self->n_qualified = 0;
  for (guint i = 0; i < n; i++)
    self->n_qualified += xs_trainee_model_get_row (self->model, i)->status == XS_TRAINEE_STATUS_QUALIFIED;
}

static guint
first_selected (XsCertificatesView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  return gtk_bitset_is_empty (selected) ? GTK_INVALID_LIST_POSITION : gtk_bitset_get_minimum (selected);
}

/* The previewed trainee's certificate of the model's year. */
static void
update_preview (XsCertificatesView *self)
{
  xs_certificate_preview_show (self->preview, _xs_certificates_view_get_year (self), NULL,
                               self->previewed != NULL ? xs_trainee_item_get_trainee_id (self->previewed) : 0);
}

static void
set_previewed (XsCertificatesView *self,
               XsTraineeItem      *item)
{
  if (item == self->previewed)
    return;
  g_set_object (&self->previewed, item);
  update_preview (self);
}

static void
preview_first_selected (XsCertificatesView *self)
{
  guint position = first_selected (self);
  g_autoptr(XsTraineeItem) item = NULL;

  if (position != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  set_previewed (self, item);
}

/* The previewed trainee follows what was selected last (a click, a ticked
 * box); when it is no longer selected, the first selected one is shown.
 * Selecting all keeps it. */
static void
on_selection_changed (XsCertificatesView *self,
                      guint               position,
                      guint               n_items,
                      GtkSelectionModel  *selection)
{
  GListModel *model = G_LIST_MODEL (selection);
  g_autoptr(XsTraineeItem) first_new = NULL;
  gboolean lost = FALSE;

  for (guint i = position; i < position + n_items; i++)
    {
      g_autoptr(XsTraineeItem) item = g_list_model_get_item (model, i);
      gboolean selected = gtk_selection_model_is_selected (selection, i);

      if (item == self->previewed && !selected)
        lost = TRUE;
      if (selected && first_new == NULL)
        first_new = g_steal_pointer (&item);
    }

  if (self->previewed == NULL || lost)
    {
      if (first_new != NULL)
        set_previewed (self, first_new);
      else
        preview_first_selected (self);
    }
  else if (n_items == 1 && first_new != NULL)
    set_previewed (self, first_new);
  update_counts (self);
}

static void
on_items_changed (XsCertificatesView *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
  guint n = g_list_model_get_n_items (model);
  gboolean kept = FALSE;

  if (self->previewed != NULL)
    for (guint i = 0; i < n && !kept; i++)
      {
        g_autoptr(XsTraineeItem) item = g_list_model_get_item (model, i);

        kept = item == self->previewed
               && gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i);
      }
  if (!kept)
    preview_first_selected (self);
  update_counts (self);
}

/* The list filters the model only while the page is on screen: filtering
 * makes an item for every trainee (100,000 at a large base) on the main
 * thread, for each year loaded while another page is shown. A page put on
 * screen filters the model it has not filtered yet. */
static void
follow_model (XsCertificatesView *self)
{
  GListModel *wanted = gtk_widget_get_mapped (GTK_WIDGET (self)) ? G_LIST_MODEL (self->model) : NULL;

  if (gtk_filter_list_model_get_model (self->filtered) != wanted)
    gtk_filter_list_model_set_model (self->filtered, wanted);
}

static void
on_model_changed (XsCertificatesView *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
  /* connected before the list's own handler: a hidden page lets go of
   * the model before the list filters it */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    follow_model (self);
  count_qualified (self);
  update_counts (self);
}

static void
on_search_changed (XsCertificatesView *self,
                   GtkSearchEntry     *entry)
{
  xs_certificates_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}
/* Actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _xs_certificates_view_choose_export_file (XS_CERTIFICATES_VIEW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  xs_certificates_view_print (XS_CERTIFICATES_VIEW (widget));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (XS_CERTIFICATES_VIEW (widget)->selection));
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (XS_CERTIFICATES_VIEW (widget)->selection));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  xs_certificate_issuer_cancel (XS_CERTIFICATES_VIEW (widget)->issuer);
}

/* Public */

static void
set_profile (XsCertificatesView *self,
             XsBaseProfile      *profile)
{
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, on_profile_changed, self);
  if (!g_set_object (&self->profile, profile))
    return;
  if (profile != NULL)
    g_signal_connect_object (profile, "notify", G_CALLBACK (on_profile_changed), self, G_CONNECT_SWAPPED);
  _xs_certificates_view_update_base_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

static void
set_model (XsCertificatesView *self,
           XsTraineeModel     *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_changed, self);
  if (!g_set_object (&self->model, model))
    return;
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_changed), self, G_CONNECT_SWAPPED);
  count_qualified (self);
  follow_model (self);
  update_counts (self);
}

GListModel *
xs_certificates_view_get_shown (XsCertificatesView *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATES_VIEW (self), NULL);
  return G_LIST_MODEL (self->selection);
}

guint
xs_certificates_view_get_n_selected (XsCertificatesView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_val_if_fail (XS_IS_CERTIFICATES_VIEW (self), 0);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return (guint) gtk_bitset_get_size (selected);
}

void
xs_certificates_view_set_search (XsCertificatesView *self,
                                 const char         *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

gboolean
xs_certificates_view_get_busy (XsCertificatesView *self)
{
  g_return_val_if_fail (XS_IS_CERTIFICATES_VIEW (self), FALSE);
  return xs_certificate_issuer_get_busy (self->issuer);
}

/* GObject */

static void
xs_certificates_view_unroot (GtkWidget *widget)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (widget);

  /* The window closes: the workers stop. */
  xs_certificate_issuer_cancel (self->issuer);

  GTK_WIDGET_CLASS (xs_certificates_view_parent_class)->unroot (widget);
}

static void
xs_certificates_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, xs_certificates_view_get_busy (self));
      break;
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_certificates_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (object);

  switch (prop_id)
    {
    case PROP_DB:
      if (g_set_object (&self->db, g_value_get_object (value)))
        {
          _xs_certificates_view_update_actions (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MODEL:
      set_model (self, g_value_get_object (value));
      break;
    case PROP_PROFILE:
      set_profile (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
apply_narrow (gpointer user_data)
{
  XsCertificatesView *self = user_data;

  self->narrow_idle = 0;
  _xs_certificates_view_fold_columns (self);
  return G_SOURCE_REMOVE;
}

/* The one child takes the whole view (a layout manager would keep
 * size_allocate from being called). */
static void
xs_certificates_view_measure (GtkWidget      *widget,
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

/* Narrow windows (a clerk's half of a 1366-pixel screen) list the name and
 * the total only; the columns change after the allocation, not during it.
 * A view not yet allocated starts narrow, so that showing it never widens
 * a narrow window. */
static void
xs_certificates_view_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  gboolean narrow = width < NARROW_WIDTH;

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      if (self->narrow_idle == 0)
        self->narrow_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_narrow, self, NULL);
    }
}

/* Hidden, the view goes back to narrow: shown again in a narrow window it
 * must not widen the window, and in a wide one the columns come back after
 * its first allocation. */
static void
xs_certificates_view_map (GtkWidget *widget)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (widget);

  GTK_WIDGET_CLASS (xs_certificates_view_parent_class)->map (widget);
  follow_model (self);
  update_counts (self);
}

static void
xs_certificates_view_unmap (GtkWidget *widget)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (widget);

  GTK_WIDGET_CLASS (xs_certificates_view_parent_class)->unmap (widget);
  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  if (!self->narrow)
    {
      self->narrow = TRUE;
      _xs_certificates_view_fold_columns (self);
    }
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  adw_leaflet_navigate (XS_CERTIFICATES_VIEW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_preview_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->preview_page);
}

/* A double click or Enter on a trainee in the folded view shows the
 * certificate. */
static void
on_row_activated (XsCertificatesView *self,
                  guint               position,
                  GtkColumnView      *view)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->preview_page);
}

static void
xs_certificates_view_dispose (GObject *object)
{
  XsCertificatesView *self = XS_CERTIFICATES_VIEW (object);

  g_clear_handle_id (&self->narrow_idle, g_source_remove);
  if (self->issuer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->issuer, self);
      xs_certificate_issuer_cancel (self->issuer);
    }
  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_CERTIFICATES_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_object (&self->profile);
  g_clear_object (&self->previewed);
  g_clear_object (&self->issuer);
  g_clear_object (&self->db);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (xs_certificates_view_parent_class)->dispose (object);
}

static void
xs_certificates_view_class_init (XsCertificatesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_certificates_view_dispose;
  object_class->get_property = xs_certificates_view_get_property;
  object_class->set_property = xs_certificates_view_set_property;
  widget_class->unroot = xs_certificates_view_unroot;

  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Certificates are issued in @db for the year of @model, whose qualified
   * trainees are listed; the base's @profile holds what goes onto them. */
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, XS_TYPE_TRAINEE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, XS_TYPE_BASE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = xs_certificates_view_measure;
  widget_class->size_allocate = xs_certificates_view_size_allocate;
  widget_class->map = xs_certificates_view_map;
  widget_class->unmap = xs_certificates_view_unmap;
  g_type_ensure (XS_TYPE_CERTIFICATE_PREVIEW);
  g_type_ensure (XS_TYPE_ISSUING_PROGRESS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-certificates-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, preview_page);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, count_label);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, selected_label);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, base_name_revealer);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, preview);
  gtk_widget_class_bind_template_child (widget_class, XsCertificatesView, progress);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "certificates.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "certificates.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "certificates.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "certificates.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "certificates.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "certificates.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "certificates.show-preview", NULL, show_preview_action);
}

static void
xs_certificates_view_init (XsCertificatesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->narrow = TRUE;
  _xs_certificates_view_add_columns (self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_row_activated), self);
  self->issuer = xs_certificate_issuer_new (GTK_WIDGET (self));
  xs_issuing_progress_set_issuer (self->progress, self->issuer);
  _xs_certificates_view_follow_issuer (self);

  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (on_items_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_counts (self);
}
