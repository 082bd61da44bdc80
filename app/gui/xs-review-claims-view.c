/* xs-review-claims-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows are made by the factory in the template over the list's
 * XsPackageClaimItems; the counts follow the list.
 */
#define G_LOG_DOMAIN "xs-review-claims-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "xs-package-claim-item.h"
#include "xs-review-claims-view.h"

struct _XsReviewClaimsView
{
  GtkBox             parent_instance;

  XsReviewClaimList *list;

  GtkSearchEntry    *search_entry;
  GtkToggleButton   *undecided_button;
  GtkListView       *list_view;
  GtkLabel          *count_label;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkWidget         *show_all_button;
};

G_DEFINE_FINAL_TYPE (XsReviewClaimsView, xs_review_claims_view, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_LIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
xs_review_claims_view_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_CLAIMS_VIEW, NULL);
}

XsReviewClaimList *
xs_review_claims_view_get_list (XsReviewClaimsView *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIMS_VIEW (self), NULL);
  return self->list;
}

void
xs_review_claims_view_focus_search (XsReviewClaimsView *self)
{
  g_return_if_fail (XS_IS_REVIEW_CLAIMS_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* When the search or the Undecided filter hides every claim, the list
 * says so and how to see them, instead of standing empty. */
static void
update_empty_page (XsReviewClaimsView *self,
                   guint               shown,
                   guint               total)
{
  gboolean undecided = gtk_toggle_button_get_active (self->undecided_button);
  gboolean searching = *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';

  if (shown > 0 || total == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (searching)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Claims Found"));
      adw_status_page_set_description (self->empty_page,
                                       undecided ? _("No undecided claim matches the search. Turn off Undecided to search every claim.")
                                                 : _("No claim of the package matches the search."));
    }
  else
    {
      g_autofree char *description = NULL;

      /* Translators: %u is the number of claims in the package */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "No claim is left for your department to decide. "
                                                  "Turn off Undecided to see the package’s %u claim.",
                                                  "No claim is left for your department to decide. "
                                                  "Turn off Undecided to see the package’s %u claims.",
                                                  total),
                                     total);
      adw_status_page_set_icon_name (self->empty_page, "object-select-symbolic");
      adw_status_page_set_title (self->empty_page, _("Nothing Left to Decide"));
      adw_status_page_set_description (self->empty_page, description);
    }
  gtk_widget_set_visible (self->show_all_button, undecided);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
on_show_all (XsReviewClaimsView *self)
{
  gtk_toggle_button_set_active (self->undecided_button, FALSE);
}

static void
update_count (XsReviewClaimsView *self)
{
  guint total = xs_review_claim_list_get_n_total (self->list);
  guint shown = xs_review_claim_list_get_n_shown (self->list);
  guint decided = xs_review_claim_list_get_n_decided (self->list);
  g_autofree char *text = NULL;

  /* Translators: claims shown, claims in the package, claims decided here */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u claim shown · %u decided",
                                       "%u of %u claims shown · %u decided", total),
                          shown, total, decided);
  gtk_label_set_label (self->count_label, text);
  update_empty_page (self, shown, total);
}

static void
on_filter_changed (XsReviewClaimsView *self)
{
  if (self->list == NULL)
    return;
  xs_review_claim_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  xs_review_claim_list_set_undecided_only (self->list, gtk_toggle_button_get_active (self->undecided_button));
  /* the counts may stay as they were; the empty list's words may not */
  update_count (self);
}

static void
on_activate (XsReviewClaimsView *self,
             guint               position)
{
  gtk_single_selection_set_selected (xs_review_claim_list_get_selection (self->list), position);
  g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0, position);
}

void
xs_review_claims_view_set_list (XsReviewClaimsView *self,
                                XsReviewClaimList  *list)
{
  g_return_if_fail (XS_IS_REVIEW_CLAIMS_VIEW (self));
  g_return_if_fail (list == NULL || XS_IS_REVIEW_CLAIM_LIST (list));

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (!g_set_object (&self->list, list))
    return;
  gtk_list_view_set_model (self->list_view, list != NULL ? GTK_SELECTION_MODEL (xs_review_claim_list_get_selection (list))
                                                         : NULL);
  if (list != NULL)
    {
      g_signal_connect_swapped (list, "notify::n-total", G_CALLBACK (update_count), self);
      g_signal_connect_swapped (list, "notify::n-shown", G_CALLBACK (update_count), self);
      g_signal_connect_swapped (list, "notify::n-decided", G_CALLBACK (update_count), self);
      on_filter_changed (self);
      update_count (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST]);
}

static void
xs_review_claims_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_LIST:
      xs_review_claims_view_set_list (XS_REVIEW_CLAIMS_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_claims_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LIST:
      g_value_set_object (value, XS_REVIEW_CLAIMS_VIEW (object)->list);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_claims_view_dispose (GObject *object)
{
  XsReviewClaimsView *self = XS_REVIEW_CLAIMS_VIEW (object);

  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      gtk_list_view_set_model (self->list_view, NULL);
      g_clear_object (&self->list);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_REVIEW_CLAIMS_VIEW);
  G_OBJECT_CLASS (xs_review_claims_view_parent_class)->dispose (object);
}

static void
xs_review_claims_view_class_init (XsReviewClaimsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_review_claims_view_dispose;
  object_class->set_property = xs_review_claims_view_set_property;
  object_class->get_property = xs_review_claims_view_get_property;

  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, XS_TYPE_REVIEW_CLAIM_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* a claim opened (its position among those shown), already chosen */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (XS_TYPE_PACKAGE_CLAIM_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-review-claims-view.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimsView, undecided_button);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimsView, stack);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimsView, show_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
xs_review_claims_view_init (XsReviewClaimsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
