/* xs-package-claim-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-package-claim-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-date.h"
#include "xs-id-number.h"
#include "xs-package-claim-item.h"
#include "xs-rules.h"

struct _XsPackageClaimItem
{
  GObject       parent_instance;

  XsPackage    *package;
  guint         index;
  char         *masked_id;
  char         *what;
  char         *hours_text;
  char         *haystack;     /* casefolded, for the search */
  XsStatus      decision;
  char         *reason;
  gboolean      decided_here;
  XsReviewSide  decided_side;  /* the side and reviewer it was decided as */
  char         *reviewer;
};

G_DEFINE_FINAL_TYPE (XsPackageClaimItem, xs_package_claim_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REF,
  PROP_NAME,
  PROP_MASKED_ID,
  PROP_TITLE,
  PROP_WHAT,
  PROP_HOURS_TEXT,
  PROP_SUBTITLE,
  PROP_DECISION_LABEL,
  PROP_DECISION_ICON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
decision_icon (XsPackageClaimItem *self)
{
  switch (self->decision)
    {
    case XS_STATUS_APPROVED:
      return "object-select-symbolic";
    case XS_STATUS_REJECTED:
      return "action-unavailable-symbolic";
    case XS_STATUS_DRAFT:
    case XS_STATUS_SUBMITTED:
    default:
      return "content-loading-symbolic";
    }
}

static void
xs_package_claim_item_finalize (GObject *object)
{
  XsPackageClaimItem *self = XS_PACKAGE_CLAIM_ITEM (object);

  g_clear_object (&self->package);
  g_free (self->masked_id);
  g_free (self->what);
  g_free (self->hours_text);
  g_free (self->haystack);
  g_free (self->reason);
  g_free (self->reviewer);

  G_OBJECT_CLASS (xs_package_claim_item_parent_class)->finalize (object);
}

static void
xs_package_claim_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XsPackageClaimItem *self = XS_PACKAGE_CLAIM_ITEM (object);
  const XsPackageClaim *claim = xs_package_claim_item_get_claim (self);

  switch (prop_id)
    {
    case PROP_REF:
      g_value_set_string (value, claim->ref);
      break;
    case PROP_NAME:
      g_value_set_string (value, claim->name);
      break;
    case PROP_MASKED_ID:
      g_value_set_string (value, self->masked_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, claim->title);
      break;
    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;
    case PROP_HOURS_TEXT:
      g_value_set_string (value, self->hours_text);
      break;
    case PROP_SUBTITLE:
      /* Translators: a claim in a list: kind · hours · title */
      g_value_take_string (value, g_strdup_printf (_("%s · %s · %s"), self->what, self->hours_text,
                                                   claim->title ? claim->title : ""));
      break;
    case PROP_DECISION_LABEL:
      g_value_take_string (value, xs_package_claim_item_dup_decision_label (self));
      break;
    case PROP_DECISION_ICON:
      g_value_set_string (value, decision_icon (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_package_claim_item_class_init (XsPackageClaimItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = xs_package_claim_item_finalize;
  object_class->get_property = xs_package_claim_item_get_property;

  properties[PROP_REF] = g_param_spec_string ("ref", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_MASKED_ID] = g_param_spec_string ("masked-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_WHAT] = g_param_spec_string ("what", NULL, NULL, NULL, flags);
  properties[PROP_HOURS_TEXT] = g_param_spec_string ("hours-text", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_DECISION_LABEL] = g_param_spec_string ("decision-label", NULL, NULL, NULL, flags);
  properties[PROP_DECISION_ICON] = g_param_spec_string ("decision-icon", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_package_claim_item_init (XsPackageClaimItem *self)
{
  self->decision = XS_STATUS_SUBMITTED;
  self->decided_side = XS_REVIEW_SIDE_HR;
}

XsPackageClaimItem *
xs_package_claim_item_new (XsPackage *package,
                           guint      index,
                           XsRuleSet *rules)
{
  XsPackageClaimItem *self;
  const XsPackageClaim *claim;
  g_autofree char *hours = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (XS_IS_PACKAGE (package), NULL);
  g_return_val_if_fail (index < xs_package_get_n_claims (package), NULL);

  claim = xs_package_get_claim (package, index);
  self = g_object_new (XS_TYPE_PACKAGE_CLAIM_ITEM, NULL);
  self->package = g_object_ref (package);
  self->index = index;
  self->masked_id = claim->id_number ? xs_id_number_mask (claim->id_number) : g_strdup ("");
  if (claim->category == XS_CATEGORY_PUBLIC)
    self->what = g_strdup (claim->compulsory ? _("Public, compulsory") : _("Public, elective"));
  else
    {
      XsClaimKind *kind = rules ? xs_rule_set_lookup_kind (rules, claim->kind) : NULL;

      self->what = g_strdup (kind ? xs_claim_kind_get_name (kind) : _("Professional"));
    }
  hours = xs_hours_format (claim->hours);
  /* Translators: the hours of a claim, e.g. “2.5 hours” */
  self->hours_text = g_strdup_printf (_("%s hours"), hours);
  joined = g_strjoin ("\n", claim->name ? claim->name : "", claim->id_number ? claim->id_number : "",
                      claim->employer ? claim->employer : "", claim->title ? claim->title : "",
                      claim->ref ? claim->ref : "", NULL);
  self->haystack = g_utf8_casefold (joined, -1);
  if (claim->status == XS_STATUS_APPROVED || claim->status == XS_STATUS_REJECTED)
    self->decision = claim->status;
  return self;
}

guint
xs_package_claim_item_get_index (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), 0);
  return self->index;
}

const XsPackageClaim *
xs_package_claim_item_get_claim (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);
  return xs_package_get_claim (self->package, self->index);
}

const char *
xs_package_claim_item_get_ref (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);
  return xs_package_claim_item_get_claim (self)->ref;
}

const char *
xs_package_claim_item_get_name (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);
  return xs_package_claim_item_get_claim (self)->name;
}

const char *
xs_package_claim_item_get_masked_id (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);
  return self->masked_id;
}

const char *
xs_package_claim_item_get_title (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);
  return xs_package_claim_item_get_claim (self)->title;
}

const char *
xs_package_claim_item_get_what (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);
  return self->what;
}

const char *
xs_package_claim_item_get_hours_text (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);
  return self->hours_text;
}

XsReviewSide
xs_package_claim_item_get_side (XsPackageClaimItem *self)
{
  const XsPackageClaim *claim;

  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), XS_REVIEW_SIDE_HR);
  claim = xs_package_claim_item_get_claim (self);
  return xs_review_side_for_kind (xs_package_get_year (self->package), claim->category, claim->kind);
}

gboolean
xs_package_claim_item_get_decidable (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), FALSE);
  return xs_package_claim_item_get_claim (self)->status == XS_STATUS_SUBMITTED;
}

XsStatus
xs_package_claim_item_get_decision (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), XS_STATUS_SUBMITTED);
  return self->decision;
}

const char *
xs_package_claim_item_get_reason (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);
  return self->reason;
}

gboolean
xs_package_claim_item_get_decided_here (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), FALSE);
  return self->decided_here;
}

void
xs_package_claim_item_set_decision (XsPackageClaimItem *self,
                                    XsStatus            decision,
                                    const char         *reason,
                                    XsReviewSide        side,
                                    const char         *reviewer)
{
  g_return_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self));
  g_return_if_fail (decision == XS_STATUS_SUBMITTED || decision == XS_STATUS_APPROVED
                    || decision == XS_STATUS_REJECTED);
  g_return_if_fail (side == XS_REVIEW_SIDE_HR || side == XS_REVIEW_SIDE_INDUSTRY);
  g_return_if_fail (xs_package_claim_item_get_decidable (self));

  self->decision = decision;
  self->decided_here = decision != XS_STATUS_SUBMITTED;
  g_free (self->reason);
  self->reason = decision == XS_STATUS_REJECTED ? g_strdup (reason) : NULL;
  self->decided_side = side;
  g_free (self->reviewer);
  self->reviewer = self->decided_here ? g_strdup (reviewer) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION_ICON]);
}

XsReviewSide
xs_package_claim_item_get_decided_side (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), XS_REVIEW_SIDE_HR);
  return self->decided_side;
}

const char *
xs_package_claim_item_get_reviewer (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);
  return self->reviewer;
}

char *
xs_package_claim_item_dup_decision_label (XsPackageClaimItem *self)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), NULL);

  switch (self->decision)
    {
    case XS_STATUS_APPROVED:
      return g_strdup (self->decided_here ? _("Approved") : _("Approved before this package"));
    case XS_STATUS_REJECTED:
      if (self->decided_here && self->reason != NULL)
        /* Translators: a rejected claim and the reviewer's reason */
        return g_strdup_printf (_("Rejected: %s"), self->reason);
      return g_strdup (self->decided_here ? _("Rejected") : _("Rejected before this package"));
    case XS_STATUS_DRAFT:
    case XS_STATUS_SUBMITTED:
    default:
      return g_strdup (_("Undecided"));
    }
}

gboolean
xs_package_claim_item_matches (XsPackageClaimItem *self,
                               const char         *casefolded)
{
  g_return_val_if_fail (XS_IS_PACKAGE_CLAIM_ITEM (self), FALSE);
  return casefolded == NULL || *casefolded == '\0' || strstr (self->haystack, casefolded) != NULL;
}
