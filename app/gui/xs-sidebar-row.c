/* xs-sidebar-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xs-sidebar-row"

#include "config.h"

#include "xs-sidebar-row.h"

struct _XsSidebarRow
{
  GtkListBoxRow  parent_instance;

  GtkStackPage  *page;
};

G_DEFINE_FINAL_TYPE (XsSidebarRow, xs_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum
{
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
xs_sidebar_row_new (GtkStackPage *page)
{
  g_return_val_if_fail (GTK_IS_STACK_PAGE (page), NULL);
  return g_object_new (XS_TYPE_SIDEBAR_ROW, "page", page, NULL);
}

GtkStackPage *
xs_sidebar_row_get_page (XsSidebarRow *self)
{
  g_return_val_if_fail (XS_IS_SIDEBAR_ROW (self), NULL);
  return self->page;
}

GtkWidget *
xs_sidebar_row_create (gpointer item,
                       gpointer user_data)
{
  g_return_val_if_fail (GTK_IS_STACK_PAGE (item), NULL);
  return xs_sidebar_row_new (item);
}

static void
xs_sidebar_row_dispose (GObject *object)
{
  XsSidebarRow *self = XS_SIDEBAR_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_SIDEBAR_ROW);
  g_clear_object (&self->page);

  G_OBJECT_CLASS (xs_sidebar_row_parent_class)->dispose (object);
}

static void
xs_sidebar_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  XsSidebarRow *self = XS_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_object (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_sidebar_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  XsSidebarRow *self = XS_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_set_object (&self->page, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_sidebar_row_class_init (XsSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_sidebar_row_dispose;
  object_class->get_property = xs_sidebar_row_get_property;
  object_class->set_property = xs_sidebar_row_set_property;

  /* the page of the window's stack this row leads to: its icon-name and
   * title are shown, its name is where the row goes */
  properties[PROP_PAGE] =
    g_param_spec_object ("page", NULL, NULL, GTK_TYPE_STACK_PAGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-sidebar-row.ui");
}

static void
xs_sidebar_row_init (XsSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
