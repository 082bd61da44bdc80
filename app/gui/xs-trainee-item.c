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
  int              required_public;
  int              required_professional;
  int              required_total;
  XsTraineeStatus  status;
  gboolean         at_risk;
  char            *lacking;
  guint            position;
};

G_DEFINE_FINAL_TYPE (XsTraineeItem, xs_trainee_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TRAINEE_ID,
  PROP_NAME,
  PROP_MASKED_ID,
  PROP_EMPLOYER,
  PROP_PUBLIC,
  PROP_PROFESSIONAL,
  PROP_TOTAL,
  PROP_PENDING_PUBLIC,
  PROP_PENDING_PROFESSIONAL,
  PROP_PENDING_TOTAL,
  PROP_REQUIRED_PUBLIC,
  PROP_REQUIRED_PROFESSIONAL,
  PROP_REQUIRED_TOTAL,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_STATUS_CLASSES,
  PROP_AT_RISK,
  PROP_LACKING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsTraineeStatus
xs_trainee_status_for (const XsProgressRow *row)
{
  g_return_val_if_fail (row != NULL, XS_TRAINEE_STATUS_IN_PROGRESS);

  if (row->qualified)
    return XS_TRAINEE_STATUS_QUALIFIED;
  if (row->n_to_complete > 0)
    return XS_TRAINEE_STATUS_MISSING_EVIDENCE;
  return XS_TRAINEE_STATUS_IN_PROGRESS;
}

static gboolean
matches (const char *id_number,
         const char *folded,
         const char *folded_text)
{
  gboolean digits = TRUE;

  if (folded_text == NULL || *folded_text == '\0')
    return TRUE;

  for (const char *p = folded_text; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != 'x')
      digits = FALSE;

  /* Digits search the identity number, as a clerk reading one from a card. */
  if (digits && strstr (id_number, folded_text) != NULL)
    return TRUE;
  if (digits && folded_text[strspn (folded_text, "0123456789")] == 'x')
    {
      g_autofree char *upper = g_ascii_strup (folded_text, -1);

      if (strstr (id_number, upper) != NULL)
        return TRUE;
    }
  return strstr (folded, folded_text) != NULL;
}

gboolean
xs_trainee_row_matches (const XsTraineeRow *row,
                        const char         *folded_text)
{
  g_return_val_if_fail (row != NULL, FALSE);
  return matches (row->id_number, row->folded, folded_text);
}

/* The status label's style: green, orange or red. */
static const char *const *
status_classes (XsTraineeItem *self)
{
  static const char *const success[] = { "success", NULL };
  static const char *const warning[] = { "warning", NULL };
  static const char *const error[] = { "error", NULL };
  static const char *const none[] = { NULL };

  if (self->status == XS_TRAINEE_STATUS_QUALIFIED)
    return success;
  if (self->at_risk)
    return error;
  if (self->status == XS_TRAINEE_STATUS_MISSING_EVIDENCE)
    return warning;
  return none;
}

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
    case PROP_TRAINEE_ID:
      g_value_set_int64 (value, self->trainee_id);
      break;
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
    case PROP_PENDING_PUBLIC:
      g_value_set_int (value, self->pending_public);
      break;
    case PROP_PENDING_PROFESSIONAL:
      g_value_set_int (value, self->pending_professional);
      break;
    case PROP_PENDING_TOTAL:
      g_value_set_int (value, self->pending_public + self->pending_professional);
      break;
    case PROP_REQUIRED_PUBLIC:
      g_value_set_int (value, self->required_public);
      break;
    case PROP_REQUIRED_PROFESSIONAL:
      g_value_set_int (value, self->required_professional);
      break;
    case PROP_REQUIRED_TOTAL:
      g_value_set_int (value, self->required_total);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, xs_trainee_item_get_status_label (self));
      break;
    case PROP_STATUS_CLASSES:
      g_value_set_boxed (value, status_classes (self));
      break;
    case PROP_AT_RISK:
      g_value_set_boolean (value, self->at_risk);
      break;
    case PROP_LACKING:
      /* only said of a trainee at risk */
      g_value_set_string (value, self->at_risk ? self->lacking : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int_property (const char *name)
{
  return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
xs_trainee_item_class_init (XsTraineeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_trainee_item_finalize;
  object_class->get_property = xs_trainee_item_get_property;

  properties[PROP_TRAINEE_ID] = g_param_spec_int64 ("trainee-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASKED_ID] = g_param_spec_string ("masked-id", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPLOYER] = g_param_spec_string ("employer", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* tenths of an hour; the bars' requirements come from the year's rules */
  properties[PROP_PUBLIC] = int_property ("public");
  properties[PROP_PROFESSIONAL] = int_property ("professional");
  properties[PROP_TOTAL] = int_property ("total");
  properties[PROP_PENDING_PUBLIC] = int_property ("pending-public");
  properties[PROP_PENDING_PROFESSIONAL] = int_property ("pending-professional");
  properties[PROP_PENDING_TOTAL] = int_property ("pending-total");
  properties[PROP_REQUIRED_PUBLIC] = int_property ("required-public");
  properties[PROP_REQUIRED_PROFESSIONAL] = int_property ("required-professional");
  properties[PROP_REQUIRED_TOTAL] = int_property ("required-total");
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, XS_TRAINEE_STATUS_QUALIFIED, 0,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* the CSS classes of the status label ("success", "warning", "error") */
  properties[PROP_STATUS_CLASSES] = g_param_spec_boxed ("status-classes", NULL, NULL, G_TYPE_STRV,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT_RISK] = g_param_spec_boolean ("at-risk", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* what an at-risk trainee still lacks, NULL for the others */
  properties[PROP_LACKING] = g_param_spec_string ("lacking", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_trainee_item_init (XsTraineeItem *self)
{
  self->position = G_MAXUINT;
}

static void
set_requirements (XsTraineeItem *self,
                  XsRuleSet     *rules)
{
  self->required_public = rules ? xs_rule_set_get_required_public (rules) : 0;
  self->required_professional = rules ? xs_rule_set_get_required_professional (rules) : 0;
  self->required_total = rules ? xs_rule_set_get_required_total (rules) : 0;
}

static void
copy_row (XsTraineeItem      *self,
          const XsTraineeRow *row)
{
  self->trainee_id = row->trainee_id;
  g_free (self->name);
  self->name = g_strdup (row->name);
  g_free (self->id_number);
  self->id_number = g_strdup (row->id_number);
  g_free (self->masked_id);
  self->masked_id = g_strdup (row->masked_id);
  g_free (self->employer);
  self->employer = g_strdup (row->employer);
  g_free (self->folded);
  self->folded = g_strdup (row->folded);
  self->public_hours = row->public_hours;
  self->professional = row->professional;
  self->total = row->total;
  self->pending_public = row->pending_public;
  self->pending_professional = row->pending_professional;
  self->status = row->status;
  self->at_risk = row->at_risk;
  g_free (self->lacking);
  self->lacking = g_strdup (row->lacking);
}

XsTraineeItem *
xs_trainee_item_new_for_row (const XsTraineeRow *row,
                             XsRuleSet          *rules)
{
  XsTraineeItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (XS_TYPE_TRAINEE_ITEM, NULL);
  copy_row (self, row);
  set_requirements (self, rules);
  return self;
}

XsTraineeItem *
xs_trainee_item_new (const XsProgressRow *row,
                     XsRuleSet           *rules)
{
  g_autofree char *masked = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *folded = NULL;
  XsTraineeRow r = { 0 };

  g_return_val_if_fail (row != NULL, NULL);

  masked = xs_id_number_mask (row->id_number);
  joined = g_strconcat (row->name, "\n", row->employer, NULL);
  folded = g_utf8_casefold (joined, -1);
  r.trainee_id = row->trainee_id;
  r.name = row->name;
  r.id_number = row->id_number;
  r.masked_id = masked;
  r.employer = row->employer;
  r.folded = folded;
  r.public_hours = row->public_hours;
  r.professional = row->professional;
  r.total = row->total;
  r.pending_public = row->pending_public;
  r.pending_professional = row->pending_professional;
  r.status = xs_trainee_status_for (row);
  return xs_trainee_item_new_for_row (&r, rules);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      return x == y || (x != NULL && y != NULL && g_strv_equal (x, y));
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

void
xs_trainee_item_set_row (XsTraineeItem      *self,
                         const XsTraineeRow *row,
                         XsRuleSet          *rules)
{
  GValue before[N_PROPS];

  g_return_if_fail (XS_IS_TRAINEE_ITEM (self));
  g_return_if_fail (row != NULL);

  memset (before, 0, sizeof before);
  /* Only what changed is notified: the row's widgets bound to the rest
   * (the same trainee's name in another year, hours still 0) are left
   * alone instead of being measured and laid out again. */
  for (guint i = 1; i < N_PROPS; i++)
    {
      g_value_init (&before[i], properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &before[i]);
    }
  g_object_freeze_notify (G_OBJECT (self));
  copy_row (self, row);
  set_requirements (self, rules);
  for (guint i = 1; i < N_PROPS; i++)
    {
      GValue after = G_VALUE_INIT;

      g_value_init (&after, properties[i]->value_type);
      g_object_get_property (G_OBJECT (self), properties[i]->name, &after);
      if (!values_equal (properties[i], &before[i], &after))
        g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
      g_value_unset (&after);
      g_value_unset (&before[i]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

guint
xs_trainee_item_get_position (XsTraineeItem *self)
{
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), G_MAXUINT);
  return self->position;
}

void
xs_trainee_item_set_position (XsTraineeItem *self,
                              guint          position)
{
  g_return_if_fail (XS_IS_TRAINEE_ITEM (self));
  self->position = position;
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

  g_object_freeze_notify (G_OBJECT (self));
  at_risk = !!at_risk;
  if (self->at_risk != at_risk)
    {
      self->at_risk = at_risk;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_RISK]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_CLASSES]);
    }
  g_free (self->lacking);
  self->lacking = g_strdup (lacking);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LACKING]);
  g_object_thaw_notify (G_OBJECT (self));
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
  g_return_val_if_fail (XS_IS_TRAINEE_ITEM (self), FALSE);
  return matches (self->id_number, self->folded, folded_text);
}
