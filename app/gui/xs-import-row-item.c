/* xs-import-row-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-row-item"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-import-row-item.h"

struct _XsImportRowItem
{
  GObject       parent_instance;

  guint         row;
  XsRowOutcome  outcome;
  char         *summary;
};

G_DEFINE_FINAL_TYPE (XsImportRowItem, xs_import_row_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW,
  PROP_SUMMARY,
  PROP_OUTCOME_LABEL,
  PROP_ICON_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_import_row_item_finalize (GObject *object)
{
  XsImportRowItem *self = XS_IMPORT_ROW_ITEM (object);

  g_free (self->summary);

  G_OBJECT_CLASS (xs_import_row_item_parent_class)->finalize (object);
}

static void
xs_import_row_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  XsImportRowItem *self = XS_IMPORT_ROW_ITEM (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_uint (value, self->row);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_OUTCOME_LABEL:
      g_value_set_string (value, xs_import_row_item_get_outcome_label (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, xs_import_row_item_get_icon_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_import_row_item_class_init (XsImportRowItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_import_row_item_finalize;
  object_class->get_property = xs_import_row_item_get_property;

  properties[PROP_ROW] =
    g_param_spec_uint ("row", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OUTCOME_LABEL] =
    g_param_spec_string ("outcome-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_import_row_item_init (XsImportRowItem *self)
{
}

XsImportRowItem *
xs_import_row_item_new (const XsImportRow *row)
{
  XsImportRowItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (XS_TYPE_IMPORT_ROW_ITEM, NULL);
  self->row = row->row;
  self->outcome = row->outcome;
  self->summary = g_strdup (row->summary);
  return self;
}

guint
xs_import_row_item_get_row (XsImportRowItem *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_ROW_ITEM (self), 0);
  return self->row;
}

XsRowOutcome
xs_import_row_item_get_outcome (XsImportRowItem *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_ROW_ITEM (self), XS_ROW_REJECTED);
  return self->outcome;
}

const char *
xs_import_row_item_get_summary (XsImportRowItem *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_ROW_ITEM (self), NULL);
  return self->summary;
}

const char *
xs_import_row_item_get_outcome_label (XsImportRowItem *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_ROW_ITEM (self), NULL);

  switch (self->outcome)
    {
    case XS_ROW_ADDED:
      return C_("import row", "Add");
    case XS_ROW_UPDATED:
      return C_("import row", "Update");
    case XS_ROW_UNCHANGED:
      return C_("import row", "Unchanged");
    case XS_ROW_REJECTED:
    default:
      return C_("import row", "Rejected");
    }
}

const char *
xs_import_row_item_get_icon_name (XsImportRowItem *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_ROW_ITEM (self), NULL);

  switch (self->outcome)
    {
    case XS_ROW_ADDED:
      return "list-add-symbolic";
    case XS_ROW_UPDATED:
      return "document-edit-symbolic";
    case XS_ROW_UNCHANGED:
      return "object-select-symbolic";
    case XS_ROW_REJECTED:
    default:
      return "dialog-error-symbolic";
    }
}
