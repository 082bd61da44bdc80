/* xs-window-tasks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tasks know the window only as a GtkWindow: they report through its
 * actions, and the window binds its db and year to them.
 */
#define G_LOG_DOMAIN "xs-window-tasks"

#include "config.h"

#include "xs-window-tasks.h"

typedef struct
{
  GWeakRef      parent;
  XsJobRunner  *runner;
  XsDb         *db;
  int           year;
} XsWindowTasksPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (XsWindowTasks, xs_window_tasks, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PARENT,
  PROP_RUNNER,
  PROP_DB,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWindow *
xs_window_tasks_dup_parent (XsWindowTasks *self)
{
  XsWindowTasksPrivate *priv = xs_window_tasks_get_instance_private (self);

  g_return_val_if_fail (XS_IS_WINDOW_TASKS (self), NULL);
  return g_weak_ref_get (&priv->parent);
}

XsJobRunner *
xs_window_tasks_get_runner (XsWindowTasks *self)
{
  XsWindowTasksPrivate *priv = xs_window_tasks_get_instance_private (self);

  g_return_val_if_fail (XS_IS_WINDOW_TASKS (self), NULL);
  return priv->runner;
}

XsDb *
xs_window_tasks_get_db (XsWindowTasks *self)
{
  XsWindowTasksPrivate *priv = xs_window_tasks_get_instance_private (self);

  g_return_val_if_fail (XS_IS_WINDOW_TASKS (self), NULL);
  return priv->db;
}

int
xs_window_tasks_get_year (XsWindowTasks *self)
{
  XsWindowTasksPrivate *priv = xs_window_tasks_get_instance_private (self);

  g_return_val_if_fail (XS_IS_WINDOW_TASKS (self), 0);
  return priv->year;
}

void
xs_window_tasks_report (XsWindowTasks *self,
                        const char    *action,
                        GVariant      *param)
{
  g_autoptr(GtkWindow) parent = NULL;

  g_return_if_fail (XS_IS_WINDOW_TASKS (self));
  g_return_if_fail (action != NULL);

  if (param != NULL)
    g_variant_ref_sink (param);
  parent = xs_window_tasks_dup_parent (self);
  if (parent != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (parent), action, param);
  g_clear_pointer (&param, g_variant_unref);
}

static void
xs_window_tasks_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  XsWindowTasks *self = XS_WINDOW_TASKS (object);
  XsWindowTasksPrivate *priv = xs_window_tasks_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_value_take_object (value, g_weak_ref_get (&priv->parent));
      break;
    case PROP_RUNNER:
      g_value_set_object (value, priv->runner);
      break;
    case PROP_DB:
      g_value_set_object (value, priv->db);
      break;
    case PROP_YEAR:
      g_value_set_int (value, priv->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_window_tasks_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  XsWindowTasks *self = XS_WINDOW_TASKS (object);
  XsWindowTasksPrivate *priv = xs_window_tasks_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_weak_ref_set (&priv->parent, g_value_get_object (value));
      break;
    case PROP_RUNNER:
      g_set_object (&priv->runner, g_value_get_object (value));
      break;
    case PROP_DB:
      if (g_set_object (&priv->db, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_YEAR:
      if (priv->year != g_value_get_int (value))
        {
          priv->year = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_window_tasks_dispose (GObject *object)
{
  XsWindowTasksPrivate *priv = xs_window_tasks_get_instance_private (XS_WINDOW_TASKS (object));

  g_clear_object (&priv->runner);
  g_clear_object (&priv->db);
  G_OBJECT_CLASS (xs_window_tasks_parent_class)->dispose (object);
}

static void
xs_window_tasks_finalize (GObject *object)
{
  XsWindowTasksPrivate *priv = xs_window_tasks_get_instance_private (XS_WINDOW_TASKS (object));

  g_weak_ref_clear (&priv->parent);
  G_OBJECT_CLASS (xs_window_tasks_parent_class)->finalize (object);
}

static void
xs_window_tasks_class_init (XsWindowTasksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = xs_window_tasks_get_property;
  object_class->set_property = xs_window_tasks_set_property;
  object_class->dispose = xs_window_tasks_dispose;
  object_class->finalize = xs_window_tasks_finalize;

  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL, GTK_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNER] =
    g_param_spec_object ("runner", NULL, NULL, XS_TYPE_JOB_RUNNER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, XS_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
xs_window_tasks_init (XsWindowTasks *self)
{
  XsWindowTasksPrivate *priv = xs_window_tasks_get_instance_private (self);

  g_weak_ref_init (&priv->parent, NULL);
}
