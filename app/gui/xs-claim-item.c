/* xs-claim-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-claim-item"

#include "config.h"

#include "xs-claim-item.h"
#include "xs-claim-row.h"

struct _XsClaimItem
{
  GObject    parent_instance;

  XsClaim   *claim;
  XsRuleSet *rules;
  char      *shared_scan;
  char      *title;
};

G_DEFINE_FINAL_TYPE (XsClaimItem, xs_claim_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLAIM_ID,
  PROP_SHARED_SCAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsClaimItem *
xs_claim_item_new (const XsClaim *claim,
                   XsRuleSet     *rules,
                   const char    *shared_scan)
{
  XsClaimItem *self;

  g_return_val_if_fail (claim != NULL, NULL);
  g_return_val_if_fail (XS_IS_RULE_SET (rules), NULL);

  self = g_object_new (XS_TYPE_CLAIM_ITEM, NULL);
  self->claim = xs_claim_copy (claim);
  self->rules = g_object_ref (rules);
  self->shared_scan = g_strdup (shared_scan);
  return self;
}

const XsClaim *
xs_claim_item_get_claim (XsClaimItem *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_ITEM (self), NULL);
  return self->claim;
}

gint64
xs_claim_item_get_claim_id (XsClaimItem *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_ITEM (self), 0);
  return self->claim->id;
}

XsRuleSet *
xs_claim_item_get_rules (XsClaimItem *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_ITEM (self), NULL);
  return self->rules;
}

const char *
xs_claim_item_get_shared_scan (XsClaimItem *self)
{
  g_return_val_if_fail (XS_IS_CLAIM_ITEM (self), NULL);
  return self->shared_scan;
}

void
xs_claim_item_set_title (XsClaimItem *self,
                         const char  *title)
{
  g_return_if_fail (XS_IS_CLAIM_ITEM (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

GtkWidget *
xs_claim_item_create_row (gpointer item,
                          gpointer user_data)
{
  XsClaimItem *self = item;
  GtkWidget *row;

  g_return_val_if_fail (XS_IS_CLAIM_ITEM (self), NULL);

  row = xs_claim_row_new (self->claim, self->rules);
  xs_claim_row_set_shared_scan (XS_CLAIM_ROW (row), self->shared_scan);
  if (self->title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->title);
  return row;
}

static void
xs_claim_item_finalize (GObject *object)
{
  XsClaimItem *self = XS_CLAIM_ITEM (object);

  g_clear_pointer (&self->claim, xs_claim_free);
  g_clear_object (&self->rules);
  g_free (self->shared_scan);
  g_free (self->title);

  G_OBJECT_CLASS (xs_claim_item_parent_class)->finalize (object);
}

static void
xs_claim_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  XsClaimItem *self = XS_CLAIM_ITEM (object);

  switch (prop_id)
    {
    case PROP_CLAIM_ID:
      g_value_set_int64 (value, self->claim->id);
      break;
    case PROP_SHARED_SCAN:
      g_value_set_string (value, self->shared_scan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_claim_item_class_init (XsClaimItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_claim_item_finalize;
  object_class->get_property = xs_claim_item_get_property;

  properties[PROP_CLAIM_ID] =
    g_param_spec_int64 ("claim-id", NULL, NULL, 0, G_MAXINT64, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHARED_SCAN] =
    g_param_spec_string ("shared-scan", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_claim_item_init (XsClaimItem *self)
{
}
