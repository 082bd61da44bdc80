/* xs-class-member-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-class-member-item"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-class-member-item.h"
#include "xs-date.h"
#include "xs-id-number.h"

struct _XsClassMemberItem
{
  GObject   parent_instance;

  gint64    trainee_id;
  char     *name;
  char     *masked_id;
  char     *hours;
  XsStatus  status;
};

G_DEFINE_FINAL_TYPE (XsClassMemberItem, xs_class_member_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TRAINEE_ID,
  PROP_NAME,
  PROP_MASKED_ID,
  PROP_HOURS,
  PROP_STATUS,
  PROP_STATUS_CLASSES,
  PROP_LOCKED,
  PROP_LOCK_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

XsClassMemberItem *
xs_class_member_item_new (const XsClassMember *member)
{
  XsClassMemberItem *self;
  g_autofree char *hours = NULL;

  g_return_val_if_fail (member != NULL, NULL);

  self = g_object_new (XS_TYPE_CLASS_MEMBER_ITEM, NULL);
  hours = xs_hours_format (member->hours);
  self->trainee_id = member->trainee_id;
  self->name = g_strdup (member->name != NULL ? member->name : "");
  self->masked_id = member->id_number != NULL ? xs_id_number_mask (member->id_number) : NULL;
  if (self->masked_id == NULL)
    self->masked_id = g_strdup ("");
  /* Translators: a number of hours (学时), maybe with a decimal */
  self->hours = g_strdup_printf (_("%s hours"), hours);
  self->status = member->status;
  return self;
}

gint64
xs_class_member_item_get_trainee_id (XsClassMemberItem *self)
{
  g_return_val_if_fail (XS_IS_CLASS_MEMBER_ITEM (self), 0);
  return self->trainee_id;
}

const char *
xs_class_member_item_get_name (XsClassMemberItem *self)
{
  g_return_val_if_fail (XS_IS_CLASS_MEMBER_ITEM (self), NULL);
  return self->name;
}

static void
xs_class_member_item_finalize (GObject *object)
{
  XsClassMemberItem *self = XS_CLASS_MEMBER_ITEM (object);

  g_free (self->name);
  g_free (self->masked_id);
  g_free (self->hours);

  G_OBJECT_CLASS (xs_class_member_item_parent_class)->finalize (object);
}

static void
xs_class_member_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  XsClassMemberItem *self = XS_CLASS_MEMBER_ITEM (object);

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
    case PROP_HOURS:
      g_value_set_string (value, self->hours);
      break;
    case PROP_STATUS:
      g_value_set_string (value, xs_status_get_label (self->status));
      break;
    case PROP_STATUS_CLASSES:
      {
        const char *approved[] = { "success", NULL };
        const char *rejected[] = { "error", NULL };
        const char *none[] = { NULL };

        g_value_set_boxed (value, self->status == XS_STATUS_APPROVED ? approved
                                  : self->status == XS_STATUS_REJECTED ? rejected : none);
      }
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, self->status == XS_STATUS_SUBMITTED || self->status == XS_STATUS_APPROVED);
      break;
    case PROP_LOCK_TEXT:
      if (self->status == XS_STATUS_SUBMITTED || self->status == XS_STATUS_APPROVED)
        g_value_set_string (value, _("Locked: submitted by the base"));
      else
        g_value_set_string (value, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_class_member_item_class_init (XsClassMemberItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_class_member_item_finalize;
  object_class->get_property = xs_class_member_item_get_property;

  properties[PROP_TRAINEE_ID] =
    g_param_spec_int64 ("trainee-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASKED_ID] =
    g_param_spec_string ("masked-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOURS] =
    g_param_spec_string ("hours", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_CLASSES] =
    g_param_spec_boxed ("status-classes", NULL, NULL, G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOCK_TEXT] =
    g_param_spec_string ("lock-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_class_member_item_init (XsClassMemberItem *self)
{
}
