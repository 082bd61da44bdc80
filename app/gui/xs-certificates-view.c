/* xs-certificates-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's qualified trainees, one's certificate previewed beside them;
 * the view's issuer says what issuing the selected trainees' certificates
 * would do, asks, and issues, exports or prints them.
 */
#define G_LOG_DOMAIN "xs-certificates-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xs-base-profile.h"
#include "xs-certificate-issuer.h"
#include "xs-certificate-preview.h"
#include "xs-certificates-columns.h"
#include "xs-certificates-view.h"
#include "xs-certificate-file.h"
#include "xs-file-chooser.h"
#include "xs-issuing-progress.h"
#include "xs-last-selected.h"
#include "xs-report.h"

/* below it, the list shows only the name and the total */
#define NARROW_WIDTH 720

struct _XsCertificatesView
{
  GtkWidget           parent_instance;

  XsDb               *db;
  XsTraineeModel     *model;
  XsBaseProfile      *profile;       /* the application's */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkMultiSelection  *selection;
  char               *search;        /* case-folded; NULL shows all */
  guint               n_qualified;   /* in the model, before the search */

  XsLastSelected     *last_selected; /* the previewed trainee */

  XsCertificateIssuer *issuer;
  GCancellable       *chooser_cancellable;

  /* Below NARROW_WIDTH the identity number and employer columns are hidden. */
  XsCertificatesColumns *columns;

  /* template children */
  AdwLeaflet         *leaflet;
  GtkWidget          *preview_page;
  GtkLabel           *count_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkColumnView      *column_view;
  GtkLabel           *selected_label;
  GtkRevealer        *base_name_revealer;
  XsCertificatePreview *preview;
  XsIssuingProgress  *progress;
};

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

/* State shown */

static int
get_year (XsCertificatesView *self)
{
  return self->model != NULL ? xs_trainee_model_get_year (self->model) : 0;
}

static void
update_actions (XsCertificatesView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean busy = self->issuer != NULL && xs_certificate_issuer_get_busy (self->issuer);
  gboolean can_issue = self->db != NULL && !busy
                       && xs_base_profile_has_name (self->profile)
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
  int year = get_year (self);
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
  update_actions (self);
}

static void
update_base_name (XsCertificatesView *self)
{
  gtk_revealer_set_reveal_child (self->base_name_revealer,
                                 self->profile != NULL && !xs_base_profile_has_name (self->profile));
  update_actions (self);
}

/* Only what is saved goes onto a certificate: Preferences save each change. */
static void
on_profile_changed (XsCertificatesView *self,
                    GParamSpec         *pspec,
                    XsBaseProfile      *profile)
{
  /* the preview follows the profile itself */
  if (g_str_equal (pspec->name, "name"))
    update_base_name (self);
}

static void
notify_busy (XsCertificatesView *self)
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

/* The previewed trainee's certificate of the model's year: the trainee
 * selected last. */
static void
update_preview (XsCertificatesView *self)
{
  XsTraineeItem *item = xs_last_selected_get_item (self->last_selected);

  xs_certificate_preview_show (self->preview, get_year (self), NULL,
                               item != NULL ? xs_trainee_item_get_trainee_id (item) : 0);
}

static void
on_selection_changed (XsCertificatesView *self,
                      guint               position,
                      guint               n_items,
                      GtkSelectionModel  *selection)
{
  update_counts (self);
}

static void
on_items_changed (XsCertificatesView *self,
                  guint               position,
                  guint               removed,
                  guint               added,
                  GListModel         *model)
{
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
/* Issuing, exporting and printing */

static void
on_issuer_notify (XsCertificatesView  *self,
                  GParamSpec          *pspec,
                  XsCertificateIssuer *issuer)
{
  /* the progress widget shows the rest */
  update_actions (self);
  notify_busy (self);
}

static void
on_issued (XsCertificatesView  *self,
           XsCertificateIssuer *issuer)
{
  /* The previewed certificate may just have been issued. */
  xs_certificate_preview_redraw (self->preview);
}

static void
follow_issuer (XsCertificatesView *self)
{
  g_signal_connect_object (self->issuer, "notify::busy", G_CALLBACK (on_issuer_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->issuer, "issued", G_CALLBACK (on_issued), self, G_CONNECT_SWAPPED);
}

/* The selected trainees; NULL when they are everyone qualified, so that the
 * core finds them instead of being told each. */
static GArray *
selected_ids (XsCertificatesView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GtkBitsetIter iter;
  guint position;
  GArray *ids;

  if (gtk_bitset_get_size (selected) == self->n_qualified)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), gtk_bitset_get_size (selected));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(XsTraineeItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = xs_trainee_item_get_trainee_id (item);

      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
can_start (XsCertificatesView *self)
{
  g_return_val_if_fail (self->db != NULL, FALSE);

  if (xs_certificate_issuer_get_busy (self->issuer))
    return FALSE;
  if (!xs_base_profile_has_name (self->profile))
    {
      update_base_name (self);
      xs_report_toast (GTK_WIDGET (self), _("Set the base’s name in Preferences first: certificates name the base that issues them."));
      return FALSE;
    }
  return xs_certificates_view_get_n_selected (self) > 0;
}

/* Choosing the file */

static char *
default_file_name (XsCertificatesView *self)
{
  int year = get_year (self);

  /* Translators: the file name offered when exporting certificates; in
   * Chinese 继续教育合格证书-%d.pdf */
  return g_strdup_printf (_("continuing-education-certificates-%d.pdf"), year);
}

static void
on_file_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(XsCertificatesView) self = user_data;
  g_autoptr(GFile) file = xs_file_chooser_finish_file (result, NULL);

  if (file != NULL && self->db != NULL)
    xs_certificates_view_export_to_file (self, file);
}

static void
choose_export_file (XsCertificatesView *self)
{
  g_autofree char *name = default_file_name (self);

  g_cancellable_cancel (self->chooser_cancellable);
  g_clear_object (&self->chooser_cancellable);
  self->chooser_cancellable = g_cancellable_new ();
  xs_certificate_file_choose_async (GTK_WIDGET (self), name, self->chooser_cancellable, on_file_chosen,
                                    g_object_ref (self));
}

/* Actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  choose_export_file (XS_CERTIFICATES_VIEW (widget));
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

void
xs_certificates_view_export_to_file (XsCertificatesView *self,
                                     GFile              *file)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = xs_certificate_file_get_path (GTK_WIDGET (self), file);
  if (path == NULL || !can_start (self))
    return;
  ids = selected_ids (self);
  xs_certificate_issuer_export (self->issuer, self->db, self->profile, XS_CERTIFICATE_ANNUAL,
                                get_year (self), NULL, ids, path);
}

void
xs_certificates_view_print (XsCertificatesView *self)
{
  g_autoptr(GArray) ids = NULL;

  g_return_if_fail (XS_IS_CERTIFICATES_VIEW (self));

  if (!can_start (self))
    return;
  ids = selected_ids (self);
  xs_certificate_issuer_print (self->issuer, self->db, self->profile, XS_CERTIFICATE_ANNUAL,
                               get_year (self), NULL, ids);
}

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
  update_base_name (self);
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
          update_actions (self);
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

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  xs_certificates_columns_set_narrow_later (self->columns, width < NARROW_WIDTH);
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
  xs_certificates_columns_set_narrow (self->columns, TRUE);
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

  g_clear_object (&self->columns);
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
  g_clear_object (&self->last_selected);
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
  self->columns = xs_certificates_columns_new (self->column_view);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (on_row_activated), self);
  self->issuer = xs_certificate_issuer_new (GTK_WIDGET (self));
  xs_issuing_progress_set_issuer (self->progress, self->issuer);
  follow_issuer (self);

  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  self->last_selected = xs_last_selected_new (GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->last_selected, "notify::item", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (on_items_changed), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  update_counts (self);
}
