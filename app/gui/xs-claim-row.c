/* xs-claim-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-row"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-claim-row.h"
#include "xs-date.h"

struct _XsClaimRow
{
  AdwActionRow  parent_instance;

  gint64        claim_id;

  GtkLabel     *status_label;
  GtkLabel     *review_label;
  GtkLabel     *reason_label;
  GtkImage     *shared_icon;
};

G_DEFINE_FINAL_TYPE (XsClaimRow, xs_claim_row, ADW_TYPE_ACTION_ROW)

static void
xs_claim_row_class_init (XsClaimRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-claim-row.ui");
  gtk_widget_class_bind_template_child (widget_class, XsClaimRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, XsClaimRow, review_label);
  gtk_widget_class_bind_template_child (widget_class, XsClaimRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, XsClaimRow, shared_icon);
}

static void
xs_claim_row_init (XsClaimRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static const char *
status_style (XsStatus status)
{
  switch (status)
    {
    case XS_STATUS_APPROVED:
      return "success";
    case XS_STATUS_REJECTED:
      return "error";
    case XS_STATUS_DRAFT:
      return "warning";
    case XS_STATUS_SUBMITTED:
    default:
      return "accent";
    }
}

GtkWidget *
xs_claim_row_new (const XsClaim *claim,
                  XsRuleSet     *rules)
{
  XsClaimRow *self;
  g_autofree char *hours = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  const char *what;

  g_return_val_if_fail (claim != NULL, NULL);

  self = g_object_new (XS_TYPE_CLAIM_ROW, NULL);
  self->claim_id = claim->id;

  hours = xs_hours_format (claim->hours);
  date = xs_date_to_iso (&claim->date);
  if (claim->category == XS_CATEGORY_PUBLIC)
    what = claim->compulsory ? _("Public, compulsory") : _("Public, elective");
  else
    {
      XsClaimKind *kind = xs_rule_set_lookup_kind (rules, claim->kind);

      what = kind ? xs_claim_kind_get_name (kind) : _("Professional");
    }
  /* Translators: kind · hours · date */
  subtitle = g_strdup_printf (_("%s · %s hours · %s"), what, hours, date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), claim->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_label (self->status_label, xs_status_get_label (claim->status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_style (claim->status));

  if (claim->status == XS_STATUS_APPROVED || claim->status == XS_STATUS_REJECTED)
    {
      g_autofree char *review = NULL;

      if (claim->has_side && claim->reviewer != NULL)
        /* Translators: who decided a claim, “HR department, reviewer 张三” */
        review = g_strdup_printf (_("%s, reviewer %s"), xs_review_side_get_label (claim->side), claim->reviewer);
      else if (claim->has_side)
        review = g_strdup (xs_review_side_get_label (claim->side));
      else if (claim->reviewer != NULL)
        review = g_strdup_printf (_("Reviewer %s"), claim->reviewer);
      if (review != NULL)
        {
          gtk_label_set_label (self->review_label, review);
          gtk_widget_set_visible (GTK_WIDGET (self->review_label), TRUE);
        }
    }

  else if (claim->status == XS_STATUS_SUBMITTED)
    {
      /* who will decide it: HR for public hours and kind 16 */
      g_autofree char *decider = g_strdup_printf (_("Decided by: %s"),
                                                  xs_review_side_get_label (xs_rule_set_get_review_side (rules, claim)));

      gtk_label_set_label (self->review_label, decider);
      gtk_widget_set_visible (GTK_WIDGET (self->review_label), TRUE);
    }

  if (claim->status == XS_STATUS_REJECTED && claim->reason != NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("Rejected: %s"), claim->reason);

      gtk_label_set_label (self->reason_label, reason);
      gtk_widget_set_visible (GTK_WIDGET (self->reason_label), TRUE);
    }
  return GTK_WIDGET (self);
}

gint64
xs_claim_row_get_claim_id (XsClaimRow *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_ROW (self), 0);
  return self->claim_id;
}

/**
 * xs_claim_row_set_shared_scan:
 * @text: (nullable): what is shared with whom ("The same scan is attached
 *   to a claim of 李娜 (…)"), or %NULL when the claim's scans are its own
 *
 * Shows a warning icon with @text as its tooltip.
 */
void
xs_claim_row_set_shared_scan (XsClaimRow *self,
                              const char *text)
{
  g_return_if_fail (XS_IS_CLAIM_ROW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->shared_icon), text != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->shared_icon), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shared_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "", -1);
}

const char *
xs_claim_row_get_shared_scan (XsClaimRow *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_ROW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->shared_icon)))
    return NULL;
  return gtk_widget_get_tooltip_text (GTK_WIDGET (self->shared_icon));
}
