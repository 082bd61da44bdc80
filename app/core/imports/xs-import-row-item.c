/* xs-import-row-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-import-row-item"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "xs-import-row-item.h"

struct _XsImportRowItem
{
  GObject       parent_instance;

  guint         row;
  XsRowOutcome  outcome;
  char         *summary;
  char         *rows_text;
  guint         n_rows;
  char         *missing_id;     /* whole, for Add to Roster */
  char         *missing_name;
};

G_DEFINE_FINAL_TYPE (XsImportRowItem, xs_import_row_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW,
  PROP_SUMMARY,
  PROP_OUTCOME_LABEL,
  PROP_ICON_NAME,
  PROP_ROWS_TEXT,
  PROP_REJECTED,
  PROP_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_import_row_item_finalize (GObject *object)
{
  XsImportRowItem *self = XS_IMPORT_ROW_ITEM (object);

  g_free (self->summary);
  g_free (self->rows_text);
  if (self->missing_id != NULL)
    explicit_bzero (self->missing_id, strlen (self->missing_id));
  g_free (self->missing_id);
  g_free (self->missing_name);

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
    case PROP_ROWS_TEXT:
      g_value_set_string (value, xs_import_row_item_get_rows_text (self));
      break;
    case PROP_REJECTED:
      g_value_set_boolean (value, self->outcome == XS_ROW_REJECTED);
      break;
    case PROP_MISSING:
      g_value_set_boolean (value, self->missing_id != NULL);
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
  /* "7", or "3–39, 41" for a group */
  properties[PROP_ROWS_TEXT] =
    g_param_spec_string ("rows-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REJECTED] =
    g_param_spec_boolean ("rejected", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* a person the roster lacks, who can be added */
  properties[PROP_MISSING] =
    g_param_spec_boolean ("missing", NULL, NULL, FALSE,
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

/* "3–39, 41, 45–46" */
static char *
format_rows (XsImportRow * const *rows,
             guint                n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n;)
    {
      guint j = i;

      while (j + 1 < n && rows[j + 1]->row == rows[j]->row + 1)
        j++;
      if (text->len > 0)
        g_string_append (text, _(", "));
      if (j == i)
        g_string_append_printf (text, "%u", rows[i]->row);
      else
        g_string_append_printf (text, "%u–%u", rows[i]->row, rows[j]->row);
      i = j + 1;
    }
  return g_string_free (text, FALSE);
}

/* "张三 410102********1234" */
static char *
format_person (const XsImportRow *row)
{
  const char *name = row->name != NULL ? row->name : "";
  const char *id = row->masked_id != NULL ? row->masked_id : "";

  if (*name != '\0' && *id != '\0')
    return g_strdup_printf ("%s %s", name, id);
  if (*name != '\0' || *id != '\0')
    return g_strdup (*name != '\0' ? name : id);
  return NULL;
}

/* The people of a group, the first few of them. */
#define MAX_NAMED 5

XsImportRowItem *
xs_import_row_item_new_rejected (XsImportRow * const *rows,
                                 guint               n)
{
  XsImportRowItem *self;

  g_return_val_if_fail (rows != NULL && n > 0, NULL);

  self = g_object_new (XS_TYPE_IMPORT_ROW_ITEM, NULL);
  self->row = rows[0]->row;
  self->outcome = XS_ROW_REJECTED;
  self->n_rows = n;
  self->rows_text = format_rows (rows, n);
  if (n == 1)
    {
      g_autofree char *person = format_person (rows[0]);

      /* Translators: who a rejected row is about, then why it is rejected */
      self->summary = person != NULL ? g_strdup_printf (_("%s: %s"), person, rows[0]->summary)
                                     : g_strdup (rows[0]->summary);
      if (rows[0]->id_number != NULL)
        {
          self->missing_id = g_strdup (rows[0]->id_number);
          self->missing_name = g_strdup (rows[0]->name);
        }
    }
  else
    {
      g_autoptr(GString) people = g_string_new (NULL);
      guint named = 0;
      gboolean one_missing = rows[0]->id_number != NULL;

      /* Several rows of one person the roster lacks: one Add to Roster. */
      for (guint i = 1; i < n && one_missing; i++)
        one_missing = g_strcmp0 (rows[i]->id_number, rows[0]->id_number) == 0;
      if (one_missing)
        {
          self->missing_id = g_strdup (rows[0]->id_number);
          self->missing_name = g_strdup (rows[0]->name);
        }

      for (guint i = 0; i < n && named < MAX_NAMED; i++)
        {
          g_autofree char *person = format_person (rows[i]);

          if (person == NULL)
            continue;
          if (named++ > 0)
            /* Translators: between the people of a group of rejected rows; in Chinese “、” */
            g_string_append (people, _(", "));
          g_string_append (people, person);
        }
      if (n > named && named > 0)
        /* Translators: after the first people of a group of rejected rows */
        g_string_append_printf (people, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", n - named),
                                n - named);
      if (named > 0)
        /* Translators: the reason shared by several rejected rows, then how many and who */
        self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%u row: %s", "%s\n%u rows: %s", n),
                                         rows[0]->summary, n, people->str);
      else
        self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\n%u row", "%s\n%u rows", n),
                                         rows[0]->summary, n);
    }
  return self;
}

const char *
xs_import_row_item_get_rows_text (XsImportRowItem *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_ROW_ITEM (self), NULL);

  if (self->rows_text == NULL)
    self->rows_text = g_strdup_printf ("%u", self->row);
  return self->rows_text;
}

guint
xs_import_row_item_get_n_rows (XsImportRowItem *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_ROW_ITEM (self), 0);
  return MAX (self->n_rows, 1);
}

const char *
xs_import_row_item_get_missing_id (XsImportRowItem *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_ROW_ITEM (self), NULL);
  return self->missing_id;
}

const char *
xs_import_row_item_get_missing_name (XsImportRowItem *self)
{
  g_return_val_if_fail (XS_IS_IMPORT_ROW_ITEM (self), NULL);
  return self->missing_name;
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
