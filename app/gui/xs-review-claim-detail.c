/* xs-review-claim-detail.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows show the claim as the package has it (an empty value as "—"),
 * the decision label follows the item; whether the side may decide is
 * worked out again whenever the item or the side changes.
 */
#define G_LOG_DOMAIN "xs-review-claim-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-review-claim-detail.h"

struct _XsReviewClaimDetail
{
  AdwBin              parent_instance;

  XsPackageClaimItem *item;
  XsReviewSide        side;
  const char         *blocked;   /* a translated constant, or NULL */
  gboolean            can_decide;

  AdwActionRow       *name_row;
  AdwActionRow       *id_row;
  AdwActionRow       *employer_row;
  AdwActionRow       *what_row;
  AdwActionRow       *title_row;
  AdwActionRow       *hours_row;
  AdwActionRow       *date_row;
  AdwActionRow       *ref_row;
  GtkWidget          *approve_button;
  GtkWidget          *reject_button;
  GtkLabel           *blocked_label;
};

G_DEFINE_FINAL_TYPE (XsReviewClaimDetail, xs_review_claim_detail, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_ITEM,
  PROP_SIDE,
  PROP_CAN_DECIDE,
  PROP_BLOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
xs_review_claim_detail_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_CLAIM_DETAIL, NULL);
}

XsPackageClaimItem *
xs_review_claim_detail_get_item (XsReviewClaimDetail *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_DETAIL (self), NULL);
  return self->item;
}

XsReviewSide
xs_review_claim_detail_get_side (XsReviewClaimDetail *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_DETAIL (self), XS_REVIEW_SIDE_HR);
  return self->side;
}

gboolean
xs_review_claim_detail_get_can_decide (XsReviewClaimDetail *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_DETAIL (self), FALSE);
  return self->can_decide;
}

const char *
xs_review_claim_detail_get_blocked (XsReviewClaimDetail *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_CLAIM_DETAIL (self), NULL);
  return self->blocked;
}

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : "—");
}

static void
set_description (GtkWidget  *button,
                 const char *text)
{
  gtk_widget_set_tooltip_text (button, text);
  /* read with the button by screen readers too */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Whether the side may decide the claim, and why not. */
static void
update_blocked (XsReviewClaimDetail *self)
{
  const char *blocked = NULL;
  gboolean can_decide = FALSE;

  if (self->item == NULL)
    ;
  else if (!xs_package_claim_item_get_decidable (self->item))
    blocked = _("This claim was decided before the package was made");
  else if (xs_package_claim_item_get_side (self->item) != self->side)
    blocked = xs_package_claim_item_get_side (self->item) == XS_REVIEW_SIDE_HR
              ? _("Only the HR department decides public hours")
              : _("Only the industry department decides professional hours");
  else
    can_decide = TRUE;

  set_description (self->approve_button, blocked);
  set_description (self->reject_button, blocked);
  /* why in words beside the buttons, not only in a tooltip */
  gtk_label_set_label (self->blocked_label, blocked != NULL ? blocked : "");
  gtk_widget_set_visible (GTK_WIDGET (self->blocked_label), blocked != NULL);

  if (g_strcmp0 (blocked, self->blocked) != 0)
    {
      self->blocked = blocked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKED]);
    }
  if (can_decide != self->can_decide)
    {
      self->can_decide = can_decide;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_DECIDE]);
    }
}

void
xs_review_claim_detail_set_item (XsReviewClaimDetail *self,
                                 XsPackageClaimItem  *item)
{
  const XsPackageClaim *claim;

  g_return_if_fail (XS_IS_REVIEW_CLAIM_DETAIL (self));
  g_return_if_fail (item == NULL || XS_IS_PACKAGE_CLAIM_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;
  if (item != NULL)
    {
      claim = xs_package_claim_item_get_claim (item);
      set_row (self->name_row, claim->name);
      set_row (self->id_row, xs_package_claim_item_get_masked_id (item));
      set_row (self->employer_row, claim->employer);
      set_row (self->what_row, xs_package_claim_item_get_what (item));
      set_row (self->title_row, claim->title);
      set_row (self->hours_row, xs_package_claim_item_get_hours_text (item));
      set_row (self->date_row, claim->date);
      set_row (self->ref_row, claim->ref);
    }
  update_blocked (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
xs_review_claim_detail_set_side (XsReviewClaimDetail *self,
                                 XsReviewSide         side)
{
  g_return_if_fail (XS_IS_REVIEW_CLAIM_DETAIL (self));
  g_return_if_fail (side == XS_REVIEW_SIDE_HR || side == XS_REVIEW_SIDE_INDUSTRY);

  if (self->side == side)
    return;
  self->side = side;
  update_blocked (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

static void
xs_review_claim_detail_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  XsReviewClaimDetail *self = XS_REVIEW_CLAIM_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      xs_review_claim_detail_set_item (self, g_value_get_object (value));
      break;
    case PROP_SIDE:
      xs_review_claim_detail_set_side (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_claim_detail_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  XsReviewClaimDetail *self = XS_REVIEW_CLAIM_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SIDE:
      g_value_set_int (value, self->side);
      break;
    case PROP_CAN_DECIDE:
      g_value_set_boolean (value, self->can_decide);
      break;
    case PROP_BLOCKED:
      g_value_set_string (value, self->blocked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_claim_detail_dispose (GObject *object)
{
  XsReviewClaimDetail *self = XS_REVIEW_CLAIM_DETAIL (object);

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_REVIEW_CLAIM_DETAIL);
  G_OBJECT_CLASS (xs_review_claim_detail_parent_class)->dispose (object);
}

static void
xs_review_claim_detail_class_init (XsReviewClaimDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = xs_review_claim_detail_dispose;
  object_class->set_property = xs_review_claim_detail_set_property;
  object_class->get_property = xs_review_claim_detail_get_property;

  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, XS_TYPE_PACKAGE_CLAIM_ITEM, flags);
  properties[PROP_SIDE] = g_param_spec_int ("side", NULL, NULL, XS_REVIEW_SIDE_HR, XS_REVIEW_SIDE_INDUSTRY,
                                            XS_REVIEW_SIDE_HR, flags);
  properties[PROP_CAN_DECIDE] = g_param_spec_boolean ("can-decide", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLOCKED] = g_param_spec_string ("blocked", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (XS_TYPE_PACKAGE_CLAIM_ITEM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-review-claim-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, name_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, id_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, employer_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, what_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, title_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, hours_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, date_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, ref_row);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, approve_button);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, reject_button);
  gtk_widget_class_bind_template_child (widget_class, XsReviewClaimDetail, blocked_label);
}

static void
xs_review_claim_detail_init (XsReviewClaimDetail *self)
{
  self->side = XS_REVIEW_SIDE_HR;
  gtk_widget_init_template (GTK_WIDGET (self));
}
