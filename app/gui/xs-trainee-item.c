/* xs-trainee-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-trainee-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-id-number.h"
#include "xs-trainee-item.h"

struct _XsTraineeItem
{
  GObject          parent_instance;

  gint64           trainee_id;
  char            *name;
  char            *id_number;
  char            *masked_id;
  char            *employer;
  char            *folded;   /* name and employer, for search */
  int              public_hours;
  int              professional;
  int              total;
  int              pending_public;
  int              pending_professional;
  XsTraineeStatus  status;
  gboolean         at_risk;
  char            *lacking;
};

G_DEFINE_FINAL_TYPE (XsTraineeItem, xs_trainee_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_MASKED_ID,
  PROP_EMPLOYER,
  PROP_PUBLIC,
  PROP_PROFESSIONAL,
  PROP_TOTAL,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_AT_RISK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_trainee_item_finalize (GObject *object)
{
  XsTraineeItem *self = (XsTraineeItem *) object;

  g_free (self->name);
  g_free (self->id_number);
  g_free (self->masked_id);
  g_free (self->employer);
  g_free (self->folded);
  g_free (self->lacking);

  G_OBJECT_CLASS (xs_trainee_item_parent_class)->finalize (object);
}

static void
xs_trainee_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsTraineeItem *self = XS_TRAINEE_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MASKED_ID:
      g_value_set_string (value, self->masked_id);
      break;
    case PROP_EMPLOYER:
      g_value_set_string (value, self->employer);
      break;
    case PROP_PUBLIC:
      g_value_set_int (value, self->public_hours);
      break;
    case PROP_PROFESSIONAL:
      g_value_set_int (value, self->professional);
      break;
    case PROP_TOTAL:
      g_value_set_int (value, self->total);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, xs_trainee_item_get_status_label (self));
      break;
    case PROP_AT_RISK:
      g_value_set_boolean (value, self->at_risk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_trainee_item_class_init (XsTraineeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_trainee_item_finalize;
  object_class->get_property = xs_trainee_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASKED_ID] = g_param_spec_string ("masked-id", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPLOYER] = g_param_spec_string ("employer", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLIC] = g_param_spec_int ("public", NULL, NULL, 0, G_MAXINT, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFESSIONAL] = g_param_spec_int ("professional", NULL, NULL, 0, G_MAXINT, 0,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] = g_param_spec_int ("total", NULL, NULL, 0, G_MAXINT, 0,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, XS_TRAINEE_STATUS_QUALIFIED, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT_RISK] = g_param_spec_boolean ("at-risk", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_trainee_item_init (XsTraineeItem *self)
{
}

XsTraineeItem *
xs_trainee_item_new (const XsProgressRow *row,
                     XsRuleSet           *rules)
{
  XsTraineeItem *self;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (XS_TYPE_TRAINEE_ITEM, NULL);
  self->trainee_id = row->trainee_id;
  self->name = g_strdup (row->name);
  self->id_number = g_strdup (row->id_number);
  self->masked_id = xs_id_number_mask (row->id_number);
  self->employer = g_strdup (row->employer);
  self->public_hours = row->public_hours;
  self->professional = row->professional;
  self->total = row->total;
  self->pending_public = row->pending_public;
  self->pending_professional = row->pending_professional;
  if (row->qualified)
    self->status = XS_TRAINEE_STATUS_QUALIFIED;
  else if (row->n_to_complete > 0)
    self->status = XS_TRAINEE_STATUS_MISSING_EVIDENCE;
  else
    self->status = XS_TRAINEE_STATUS_IN_PROGRESS;

  joined = g_strconcat (row->name, "\n", row->employer, NULL);
  self->folded = g_utf8_casefold (joined, -1);
  return self;
}

gint64
xs_trainee_item_get_trainee_id (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), 0);
  return self->trainee_id;
}

const char *
xs_trainee_item_get_name (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), NULL);
  return self->name;
}

const char *
xs_trainee_item_get_masked_id (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), NULL);
  return self->masked_id;
}

const char *
xs_trainee_item_get_employer (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), NULL);
  return self->employer;
}

XsTraineeStatus
xs_trainee_item_get_status (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), 0);
  return self->status;
}

const char *
xs_trainee_item_get_status_label (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), NULL);

  /* At risk of missing the year's requirement says so where the eye
   * looks first, not only in a filter. */
  if (self->at_risk && self->status != XS_TRAINEE_STATUS_QUALIFIED)
    return _("At risk");
  switch (self->status)
    {
    case XS_TRAINEE_STATUS_QUALIFIED:
      return _("Qualified");
    case XS_TRAINEE_STATUS_MISSING_EVIDENCE:
      return _("Missing evidence");
    case XS_TRAINEE_STATUS_IN_PROGRESS:
    default:
      return _("In progress");
    }
}

int
xs_trainee_item_get_public (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), 0);
  return self->public_hours;
}

int
xs_trainee_item_get_professional (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), 0);
  return self->professional;
}

int
xs_trainee_item_get_total (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), 0);
  return self->total;
}

int
xs_trainee_item_get_pending_public (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), 0);
  return self->pending_public;
}

int
xs_trainee_item_get_pending_professional (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), 0);
  return self->pending_professional;
}

gboolean
xs_trainee_item_get_qualified (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), FALSE);
  return self->status == XS_TRAINEE_STATUS_QUALIFIED;
}

void
xs_trainee_item_set_at_risk (XsTraineeItem *self,
                             gboolean       at_risk,
                             const char    *lacking)
{
  g_return_if_fail (XS_IS_TRAINEE_ITEM (self));

  at_risk = !!at_risk;
  if (self->at_risk != at_risk)
    {
      self->at_risk = at_risk;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_RISK]);
    }
  g_free (self->lacking);
  self->lacking = g_strdup (lacking);
}

gboolean
xs_trainee_item_get_at_risk (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), FALSE);
  return self->at_risk;
}

/* "lacks 6 compulsory public hours and 12 professional hours", or NULL */
const char *
xs_trainee_item_get_lacking (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), NULL);
  return self->lacking;
}

gboolean
xs_trainee_item_matches (XsTraineeItem *self,
                         const char    *folded_text)
{
  gboolean digits = TRUE;

  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), FALSE);

  if (folded_text == NULL || *folded_text == '\0')
    return TRUE;

  for (const char *p = folded_text; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != 'x')
      digits = FALSE;

  /* Digits search the identity number, as a clerk reading one from a card. */
  if (digits && strstr (self->id_number, folded_text) != NULL)
    return TRUE;
  if (digits && folded_text[strspn (folded_text, "0123456789")] == 'x')
    {
      g_autofree char *upper = g_ascii_strup (folded_text, -1);

      if (strstr (self->id_number, upper) != NULL)
        return TRUE;
    }
  return strstr (self->folded, folded_text) != NULL;
}
