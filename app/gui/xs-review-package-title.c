/* xs-review-package-title.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule set is named by its notice when this version knows it, else
 * by the identifier the package gives.
 */
#define G_LOG_DOMAIN "xs-review-package-title"

#include "config.h"

#include <glib/gi18n.h>

#include "xs-review-package-title.h"
#include "xs-rules.h"

struct _XsReviewPackageTitle
{
  AdwBin          parent_instance;

  XsPackage      *package;

  AdwWindowTitle *title;
};

G_DEFINE_FINAL_TYPE (XsReviewPackageTitle, xs_review_package_title, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_PACKAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
xs_review_package_title_new (void)
{
  return g_object_new (XS_TYPE_REVIEW_PACKAGE_TITLE, NULL);
}

XsPackage *
xs_review_package_title_get_package (XsReviewPackageTitle *self)
{
  g_return_val_if_fail (XS_IS_REVIEW_PACKAGE_TITLE (self), NULL);
  return self->package;
}

const char *
xs_review_package_title_get_base_name (XsReviewPackageTitle *self)
{
  const char *base_name;

  g_return_val_if_fail (XS_IS_REVIEW_PACKAGE_TITLE (self), NULL);

  if (self->package == NULL)
    return NULL;
  base_name = xs_package_get_base_name (self->package);
  return base_name != NULL && *base_name != '\0' ? base_name : _("Unnamed base");
}

static char *
describe_rule_set (const char *id)
{
  g_autoptr(GListModel) sets = xs_rule_set_list_all (NULL);

  for (guint i = 0; sets != NULL && i < g_list_model_get_n_items (sets); i++)
    {
      g_autoptr(XsRuleSet) set = g_list_model_get_item (sets, i);

      if (g_strcmp0 (xs_rule_set_get_id (set), id) == 0)
        return g_strdup (xs_rule_set_get_source (set));
    }
  return g_strdup (id);
}

void
xs_review_package_title_set_package (XsReviewPackageTitle *self,
                                     XsPackage            *package)
{
  g_autofree char *rule_set = NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (XS_IS_REVIEW_PACKAGE_TITLE (self));
  g_return_if_fail (package == NULL || XS_IS_PACKAGE (package));

  if (!g_set_object (&self->package, package))
    return;
  if (package != NULL)
    {
      rule_set = describe_rule_set (xs_package_get_rule_set (package));
      /* Translators: the package's year, then its rule set (the notice) */
      subtitle = g_strdup_printf (_("%d · %s"), xs_package_get_year (package), rule_set ? rule_set : "");
    }
  adw_window_title_set_title (self->title, package != NULL ? xs_review_package_title_get_base_name (self) : "");
  adw_window_title_set_subtitle (self->title, subtitle != NULL ? subtitle : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE]);
}

static void
xs_review_package_title_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_PACKAGE:
      xs_review_package_title_set_package (XS_REVIEW_PACKAGE_TITLE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_package_title_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PACKAGE:
      g_value_set_object (value, XS_REVIEW_PACKAGE_TITLE (object)->package);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_review_package_title_dispose (GObject *object)
{
  g_clear_object (&XS_REVIEW_PACKAGE_TITLE (object)->package);
  G_OBJECT_CLASS (xs_review_package_title_parent_class)->dispose (object);
}

static void
xs_review_package_title_class_init (XsReviewPackageTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_review_package_title_dispose;
  object_class->set_property = xs_review_package_title_set_property;
  object_class->get_property = xs_review_package_title_get_property;

  properties[PROP_PACKAGE] =
    g_param_spec_object ("package", NULL, NULL, XS_TYPE_PACKAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-review-package-title.ui");
  gtk_widget_class_bind_template_child (widget_class, XsReviewPackageTitle, title);
}

static void
xs_review_package_title_init (XsReviewPackageTitle *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
