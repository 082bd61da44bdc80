/* xs-issuing-progress.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An issuer's progress under the Certificates page's list and in the class
 * page's certificates: the widget follows the issuer's notify signals and
 * is visible only while the issuer is busy.
 */
#define G_LOG_DOMAIN "xs-issuing-progress"

#include "config.h"

#include "xs-issuing-progress.h"

struct _XsIssuingProgress
{
  GtkWidget            parent_instance;

  XsCertificateIssuer *issuer;
  GtkOrientation       orientation;

  /* template children */
  GtkBox              *text_box;
  GtkLabel            *label;
  GtkProgressBar      *bar;
  GtkWidget           *cancel_button;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (XsIssuingProgress, xs_issuing_progress, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_ORIENTABLE, NULL))

enum {
  PROP_0,
  PROP_ISSUER,
  PROP_ORIENTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Shown while the issuer is busy, with Cancel. */
static void
update_busy (XsIssuingProgress *self)
{
  gboolean busy = self->issuer != NULL && xs_certificate_issuer_get_busy (self->issuer);

  gtk_widget_set_visible (GTK_WIDGET (self), busy);
  gtk_widget_set_sensitive (self->cancel_button, busy);
}

/* What the issuer does and how far it has come. */
static void
update_progress (XsIssuingProgress *self)
{
  const char *text = xs_certificate_issuer_get_progress_text (self->issuer);
  const char *status = xs_certificate_issuer_get_status (self->issuer);

  gtk_label_set_label (self->label, status ? status : "");
  gtk_progress_bar_set_fraction (self->bar, xs_certificate_issuer_get_fraction (self->issuer));
  gtk_progress_bar_set_text (self->bar, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text ? text : (status ? status : ""), -1);
}

static void
on_issuer_notify (XsIssuingProgress   *self,
                  GParamSpec          *pspec,
                  XsCertificateIssuer *issuer)
{
  if (g_str_equal (pspec->name, "busy"))
    update_busy (self);
  else
    update_progress (self);
}

XsCertificateIssuer *
xs_issuing_progress_get_issuer (XsIssuingProgress *self)
{
  g_return_val_if_fail (XS_IS_ISSUING_PROGRESS (self), NULL);
  return self->issuer;
}

void
xs_issuing_progress_set_issuer (XsIssuingProgress   *self,
                                XsCertificateIssuer *issuer)
{
  g_return_if_fail (XS_IS_ISSUING_PROGRESS (self));
  g_return_if_fail (issuer == NULL || XS_IS_CERTIFICATE_ISSUER (issuer));

  if (self->issuer != NULL)
    g_signal_handlers_disconnect_by_func (self->issuer, on_issuer_notify, self);
  if (!g_set_object (&self->issuer, issuer))
    return;
  if (issuer != NULL)
    {
      g_signal_connect_object (issuer, "notify", G_CALLBACK (on_issuer_notify), self, G_CONNECT_SWAPPED);
      /* an idle issuer has nothing to say */
      if (xs_certificate_issuer_get_busy (issuer))
        update_progress (self);
    }
  update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUER]);
}

GtkWidget *
xs_issuing_progress_new (XsCertificateIssuer *issuer)
{
  return g_object_new (XS_TYPE_ISSUING_PROGRESS, "issuer", issuer, NULL);
}

/* Beside the words in a bar at the bottom of a page, dimmed; under them
 * in a group, taking the width. */
static void
set_orientation (XsIssuingProgress *self,
                 GtkOrientation     orientation)
{
  gboolean vertical = orientation == GTK_ORIENTATION_VERTICAL;

  if (self->orientation == orientation)
    return;
  self->orientation = orientation;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->text_box), orientation);
  gtk_box_set_spacing (self->text_box, vertical ? 6 : 12);
  gtk_widget_set_hexpand (GTK_WIDGET (self->text_box), vertical);
  gtk_widget_set_valign (GTK_WIDGET (self->text_box), GTK_ALIGN_CENTER);
  if (vertical)
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIENTATION]);
}

static void
on_cancel_clicked (XsIssuingProgress *self,
                   GtkButton         *button)
{
  if (self->issuer != NULL)
    xs_certificate_issuer_cancel (self->issuer);
}

/* GObject */

static void
xs_issuing_progress_dispose (GObject *object)
{
  XsIssuingProgress *self = XS_ISSUING_PROGRESS (object);

  if (self->issuer != NULL)
    g_signal_handlers_disconnect_by_data (self->issuer, self);
  g_clear_object (&self->issuer);
  gtk_widget_dispose_template (GTK_WIDGET (self), XS_TYPE_ISSUING_PROGRESS);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (xs_issuing_progress_parent_class)->dispose (object);
}

static void
xs_issuing_progress_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  XsIssuingProgress *self = XS_ISSUING_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_ISSUER:
      g_value_set_object (value, self->issuer);
      break;
    case PROP_ORIENTATION:
      g_value_set_enum (value, self->orientation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_issuing_progress_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  XsIssuingProgress *self = XS_ISSUING_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_ISSUER:
      xs_issuing_progress_set_issuer (self, g_value_get_object (value));
      break;
    case PROP_ORIENTATION:
      set_orientation (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
xs_issuing_progress_class_init (XsIssuingProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = xs_issuing_progress_dispose;
  object_class->get_property = xs_issuing_progress_get_property;
  object_class->set_property = xs_issuing_progress_set_property;

  /* the issuer followed, and cancelled by Cancel */
  properties[PROP_ISSUER] =
    g_param_spec_object ("issuer", NULL, NULL, XS_TYPE_CERTIFICATE_ISSUER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, PROP_ORIENTATION, properties);
  g_object_class_override_property (object_class, PROP_ORIENTATION, "orientation");
  properties[PROP_ORIENTATION] = g_object_class_find_property (object_class, "orientation");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/xs-issuing-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, XsIssuingProgress, text_box);
  gtk_widget_class_bind_template_child (widget_class, XsIssuingProgress, label);
  gtk_widget_class_bind_template_child (widget_class, XsIssuingProgress, bar);
  gtk_widget_class_bind_template_child (widget_class, XsIssuingProgress, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
}

static void
xs_issuing_progress_init (XsIssuingProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->orientation = GTK_ORIENTATION_HORIZONTAL;
  update_busy (self);
}
