/* xs-check-problem-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-check-problem-item"

#include "config.h"

#include "xs-check-problem-item.h"

struct _XsCheckProblemItem
{
  GObject  parent_instance;

  char    *text;
  char    *links;
};

G_DEFINE_FINAL_TYPE (XsCheckProblemItem, xs_check_problem_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_LINKS,
  PROP_HAS_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
xs_check_problem_item_finalize (GObject *object)
{
  XsCheckProblemItem *self = XS_CHECK_PROBLEM_ITEM (object);

  g_free (self->text);
  g_free (self->links);

  G_OBJECT_CLASS (xs_check_problem_item_parent_class)->finalize (object);
}

static void
xs_check_problem_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  XsCheckProblemItem *self = XS_CHECK_PROBLEM_ITEM (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_LINKS:
      g_value_set_string (value, self->links);
      break;
    case PROP_HAS_LINKS:
      g_value_set_boolean (value, *self->links != '\0');
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_check_problem_item_class_init (XsCheckProblemItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = xs_check_problem_item_finalize;
  object_class->get_property = xs_check_problem_item_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LINKS] =
    g_param_spec_string ("links", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_LINKS] =
    g_param_spec_boolean ("has-links", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_check_problem_item_init (XsCheckProblemItem *self)
{
}

XsCheckProblemItem *
xs_check_problem_item_new (const char *text,
                           const char *links)
{
  XsCheckProblemItem *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (XS_TYPE_CHECK_PROBLEM_ITEM, NULL);
  self->text = g_strdup (text);
  self->links = g_strdup (links != NULL ? links : "");
  return self;
}

const char *
xs_check_problem_item_get_text (XsCheckProblemItem *self)
{
  g_return_val_if_fail (XS_IS_CHECK_PROBLEM_ITEM (self), NULL);
  return self->text;
}

const char *
xs_check_problem_item_get_links (XsCheckProblemItem *self)
{
  g_return_val_if_fail (XS_IS_CHECK_PROBLEM_ITEM (self), NULL);
  return self->links;
}
